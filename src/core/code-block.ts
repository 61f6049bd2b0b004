// Code blocks for a terminal: set apart by a left rule, labelled with their language, long lines broken
// where code can break (after a space or punctuation) and continued after a ↪ at their own indentation.
import type { Line, Segment, Style } from './layout.js';
import { thousands } from './markdown.js';
import { SOFT_HYPHEN } from './sanitize.js';
import { textWidth } from './text-width.js';
import { fitPrefix, hardWrap, segmentsWidth } from './wrap.js';

const RULE: Segment = { text: '▎ ', style: { role: 'rule' } };
const CONTINUED = '↪ ';
const CODE_STYLE: Style = { role: 'code' };
const MARK_STYLE: Style = { role: 'rule' };
/** Besides at spaces, a code line may break after these: separators, brackets, operators. */
const BREAK_AFTER = /(?<=[,;.([{)\]}>=+\-*/&|:!?])/u;
/**
 * Characters of one line of code shown at most: about 800 rows. A 4.9 MB token made 67,000 rows of one
 * line, wrapped in one piece however long it took.
 */
export const MAX_CODE_LINE = 64 * 1024;
/** Rows narrower than this give up the continuation mark, so the code keeps its room. */
const MARK_NEEDS = 6;

/** Adds a code block's lines to `out`: its first line takes the prefix `first`, the others `rest`. */
export function layoutCode(
  text: string,
  lang: string | null,
  width: number,
  first: Segment[],
  rest: Segment[],
  block: number,
  out: Line[],
): void {
  const start = out.length;
  const prefix = () => fitPrefix([...(out.length === start ? first : rest), RULE], width);
  if (lang) out.push({ segments: [...prefix(), { text: lang, style: MARK_STYLE }], block });
  // Code is never hyphenated: its soft hyphens, measured as nothing but drawn by some terminals, go.
  for (const whole of text.replaceAll(SOFT_HYPHEN, '').split('\n')) {
    const source = whole.length > MAX_CODE_LINE ? whole.slice(0, MAX_CODE_LINE) : whole;
    const head = prefix();
    const room = width - segmentsWidth(head);
    const indent = /^[ ]*/.exec(source)![0];
    // The continuation keeps the line's indentation while that leaves the code half the row.
    const mark =
      room < MARK_NEEDS ? '' : textWidth(indent) + 2 <= room / 2 ? indent + CONTINUED : CONTINUED;
    breakCode(source, room, room - textWidth(mark)).forEach((row, k) => {
      const segments = k === 0 ? [...head] : [...prefix()];
      if (k > 0 && mark) segments.push({ text: mark, style: MARK_STYLE });
      if (row) segments.push({ text: row, style: CODE_STYLE });
      out.push({ segments, block });
    });
    if (source !== whole) {
      const left = thousands(whole.length - source.length);
      const notice = `(… ${left} more characters of this line not shown: inkwell shows the first ${thousands(MAX_CODE_LINE)} of a line of code.)`;
      for (const row of breakCode(
        notice,
        width - segmentsWidth(prefix()),
        width - segmentsWidth(prefix()),
      )) {
        out.push({ segments: [...prefix(), { text: row, style: MARK_STYLE }], block });
      }
    }
  }
}

/**
 * A code line in rows: the first `room` columns wide, the others `later`. Breaks after a space or
 * punctuation; only a piece longer than a whole row is cut inside, starting where the row has room.
 */
export function breakCode(line: string, room: number, later: number): string[] {
  const rows: string[] = [];
  let row = '';
  let used = 0;
  let available = Math.max(1, room);
  const rowWidth = Math.max(1, later);
  const endRow = () => {
    rows.push(row);
    row = '';
    used = 0;
    available = rowWidth;
  };
  // Runs of spaces are pieces of their own; the rest is cut after punctuation.
  const pieces = line
    .split(/(\s+)/)
    .flatMap((part) => (/^\s/.test(part) ? [part] : part.split(BREAK_AFTER)));
  for (const piece of pieces) {
    if (piece === '') continue;
    const width = textWidth(piece);
    if (used + width <= available) {
      row += piece;
      used += width;
      continue;
    }
    if (piece.trim() === '') {
      // Indentation wider than the row keeps what fits; elsewhere, spaces where a row breaks are the
      // break itself, as between words.
      if (rows.length === 0 && used === 0) {
        row = piece.slice(0, available);
        used = textWidth(row);
      } else endRow();
      continue;
    }
    if (width <= rowWidth) {
      endRow();
      row = piece;
      used = width;
      continue;
    }
    // Longer than any row: cut it, first into what this row has left, then into whole rows (each
    // hardWrap call is one pass over the piece, however long).
    let rest = piece;
    if (used < available) {
      const head = hardWrap(piece, available - used)[0]!;
      if (textWidth(head) <= available - used) {
        row += head;
        rest = piece.slice(head.length);
      }
    }
    if (row) endRow();
    const chunks = hardWrap(rest, rowWidth);
    for (const chunk of chunks.slice(0, -1)) rows.push(chunk);
    row = chunks.at(-1)!;
    used = textWidth(row);
  }
  rows.push(row);
  return rows;
}
