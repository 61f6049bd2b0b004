// Blocks + width → lines of styled segments, wrapped by terminal columns. Views only draw these lines.
import { byline, type Article } from './article.js';
import { parseMarkdown, runsText, type Block, type InlineStyle, type Run } from './markdown.js';
import { quoteSpans } from './quotes.js';
import { graphemes, graphemeWidth, textWidth } from './text-width.js';

/** What a segment is, beyond its inline markup. */
export type Role = 'title' | 'byline' | 'heading' | 'bar' | 'marker' | 'rule' | 'code' | 'bio';

/** Everything a view needs to style a segment. */
export interface Style extends InlineStyle {
  role?: Role;
  /** Heading level, with role 'heading'. */
  level?: number;
  /** Quotation depth: 1 inside a quotation, 2 inside a quotation within one, ... */
  quote?: number;
  /** The segment starts with a quotation's opening mark. */
  opensQuote?: boolean;
}

export interface Segment {
  text: string;
  style: Style;
}

/** One row of output, never wider than the width it was laid out for. */
export interface Line {
  segments: Segment[];
  /** Index of the body block the line belongs to; -1 for the title and byline. */
  block: number;
}

/** Fewest columns left for text however deep blockquotes and lists nest. */
const MIN_TEXT_COLUMNS = 10;
const BAR = '│ ';
const BULLET = '• ';
const RULE = '─';
/** The narrowest width layout supports: a wide grapheme needs two columns. */
export const MIN_WIDTH = 2;

/** The whole article as a reader sees it: title, byline, body, and the author's bio. */
export function layoutArticle(
  article: Article,
  columns: number,
  blocks = parseMarkdown(article.body),
): Line[] {
  const width = Math.max(columns, MIN_WIDTH);
  const lines: Line[] = [];
  const header = (runs: Run[], role: Role) =>
    wrap(withQuotes(runs, { role }), width, [], [], -1, lines);
  header([{ text: article.title, style: {} }], 'title');
  const by = byline(article);
  if (by) header([{ text: by, style: {} }], 'byline');
  lines.push({ segments: [], block: -1 });
  layoutBlocksInto(blocks, width, lines);
  if (article.bio) {
    const end = blocks.length;
    lines.push({ segments: [], block: end });
    lines.push({
      segments: [{ text: RULE.repeat(Math.min(width, 20)), style: { role: 'rule' } }],
      block: end,
    });
    wrap(
      withQuotes([{ text: article.bio, style: {} }], { role: 'bio' }),
      width,
      [],
      [],
      end,
      lines,
    );
  }
  return lines;
}

/** Body blocks wrapped to `width` columns, a blank line between blocks. */
export function layoutBlocks(blocks: readonly Block[], width: number): Line[] {
  return layoutBlocksInto(blocks, width, []);
}

function layoutBlocksInto(blocks: readonly Block[], width: number, lines: Line[]): Line[] {
  blocks.forEach((block, index) => {
    if (index > 0) lines.push({ segments: [], block: index });
    layoutBlock(block, Math.max(width, MIN_WIDTH), [], [], index, lines);
  });
  return lines;
}

function layoutBlock(
  block: Block,
  width: number,
  first: Segment[],
  rest: Segment[],
  index: number,
  out: Line[],
) {
  switch (block.kind) {
    case 'paragraph':
      wrap(withQuotes(block.runs, {}), width, first, rest, index, out);
      break;
    case 'heading':
      wrap(
        withQuotes(block.runs, { role: 'heading', level: block.level }),
        width,
        first,
        rest,
        index,
        out,
      );
      break;
    case 'blockquote': {
      const bar: Segment = { text: BAR, style: { role: 'bar' } };
      layoutChildren(block.blocks, width, [...first, bar], [...rest, bar], index, out, true);
      break;
    }
    case 'list': {
      const markers = block.items.map((_, k) => (block.ordered ? `${block.start + k}. ` : BULLET));
      const markerWidth = markers.reduce(
        (widest, marker) => Math.max(widest, textWidth(marker)),
        0,
      );
      block.items.forEach((item, k) => {
        if (k > 0 && block.loose)
          out.push({ segments: trimEnd(fitPrefix(rest, width)), block: index });
        const marker: Segment = {
          text: markers[k]!.padStart(markerWidth),
          style: { role: 'marker' },
        };
        const hang: Segment = { text: ' '.repeat(markerWidth), style: {} };
        const itemFirst = [...(k === 0 ? first : rest), marker];
        layoutChildren(item, width, itemFirst, [...rest, hang], index, out, block.loose);
      });
      break;
    }
    case 'code':
      for (const [k, line] of block.text.split('\n').entries()) {
        const prefix = fitPrefix(k === 0 ? first : rest, width);
        const room = width - segmentsWidth(prefix);
        for (const chunk of hardWrap(line, room)) {
          out.push({
            segments: [...prefix, { text: chunk, style: { role: 'code' } }],
            block: index,
          });
        }
      }
      break;
    case 'rule': {
      const prefix = fitPrefix(first, width);
      const room = width - segmentsWidth(prefix);
      out.push({
        segments: [...prefix, { text: RULE.repeat(room), style: { role: 'rule' } }],
        block: index,
      });
      break;
    }
  }
}

/** Blocks inside a quote or list item: the first line takes `first`, every other line `rest`. */
function layoutChildren(
  blocks: readonly Block[],
  width: number,
  first: Segment[],
  rest: Segment[],
  index: number,
  out: Line[],
  blankBetween: boolean,
) {
  blocks.forEach((child, k) => {
    if (k > 0 && blankBetween)
      out.push({ segments: trimEnd(fitPrefix(rest, width)), block: index });
    layoutBlock(child, width, k === 0 ? first : rest, rest, index, out);
  });
  if (blocks.length === 0) out.push({ segments: trimEnd(fitPrefix(first, width)), block: index });
}

/** Runs cut at quotation boundaries, each piece marked with its quotation depth. */
export function withQuotes(runs: readonly Run[], extra: Style): Segment[] {
  const spans = quoteSpans(runsText(runs));
  const pieces: Segment[] = [];
  // Two cursors walk runs and quotation spans together, cutting wherever either ends.
  let span = 0;
  let spanLeft = spans[0]?.text.length ?? 0;
  for (const run of runs) {
    let at = 0;
    while (at < run.text.length) {
      const current = spans[span]!;
      const length = Math.min(spanLeft, run.text.length - at);
      const style: Style = { ...run.style, ...extra };
      if (current.depth > 0) style.quote = current.depth;
      if (current.opens && spanLeft === current.text.length) style.opensQuote = true;
      pieces.push({ text: run.text.slice(at, at + length), style });
      at += length;
      spanLeft -= length;
      if (spanLeft === 0 && span + 1 < spans.length) spanLeft = spans[++span]!.text.length;
    }
  }
  return pieces;
}

interface Token {
  start: number;
  end: number;
  width: number;
  kind: 'word' | 'space' | 'break';
}

/** Wraps styled pieces into lines: breaks at spaces and around wide (CJK) characters, a too-long word is cut. */
function wrap(
  pieces: readonly Segment[],
  width: number,
  first: Segment[],
  rest: Segment[],
  block: number,
  out: Line[],
): void {
  const text = pieces.map((piece) => piece.text).join('');
  const firstPrefix = fitPrefix(first, width);
  const restPrefix = fitPrefix(rest, width);
  const ranges: Array<[number, number]> = [];
  let lineStart = -1;
  let lineEnd = -1;
  let used = 0;
  const firstRoom = width - segmentsWidth(firstPrefix);
  const restRoom = width - segmentsWidth(restPrefix);
  const room = () => (ranges.length === 0 ? firstRoom : restRoom);
  const endLine = () => {
    ranges.push(lineStart < 0 ? [0, 0] : [lineStart, lineEnd]);
    lineStart = -1;
    used = 0;
  };
  const place = (token: Token, gap: number) => {
    if (lineStart < 0) lineStart = token.start;
    lineEnd = token.end;
    used += gap + token.width;
  };

  let gap = 0;
  for (const token of tokenize(text)) {
    if (token.kind === 'break') {
      endLine();
      gap = 0;
    } else if (token.kind === 'space') {
      gap = lineStart < 0 ? 0 : token.width;
    } else if (used + gap + token.width <= room()) {
      place(token, gap);
      gap = 0;
    } else {
      if (lineStart >= 0) endLine();
      gap = 0;
      if (token.width <= room()) place(token, 0);
      else {
        for (const chunk of cutWord(text, token, room)) {
          if (lineStart >= 0) endLine();
          place(chunk, 0);
        }
      }
    }
  }
  if (lineStart >= 0 || ranges.length === 0) endLine();

  const slice = pieceSlicer(pieces);
  ranges.forEach(([start, end], k) => {
    out.push({ segments: [...(k === 0 ? firstPrefix : restPrefix), ...slice(start, end)], block });
  });
}

/**
 * Words of Latin, Greek and Cyrillic letters and common punctuation: one column a UTF-16 unit, and no place
 * to break inside. (No combining marks, soft hyphens, zero-width or wide characters; those go the long way.)
 */
const SIMPLE_NARROW =
  /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u0370-\u0482\u048a-\u052f\u2010-\u2027\u2030-\u205e]*$/;
/** Characters that must not begin a line (closing marks) or end one (opening marks) in CJK text. */
const NO_BREAK_BEFORE = new Set(
  '、。，．・：；！？）」』】〕〉》〗〙〛ー々〻ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ',
);
const NO_BREAK_AFTER = new Set('（「『【〔〈《〖〘〚');

/** Words, spaces and hard breaks; a word holding wide characters is split where a line may break. */
function* tokenize(text: string): Generator<Token> {
  for (const match of text.matchAll(/\n| +|[^ \n]+/g)) {
    const value = match[0];
    const start = match.index;
    if (value === '\n') yield { start, end: start + 1, width: 0, kind: 'break' };
    else if (value[0] === ' ')
      yield { start, end: start + value.length, width: value.length, kind: 'space' };
    else if (SIMPLE_NARROW.test(value))
      yield { start, end: start + value.length, width: value.length, kind: 'word' };
    else yield* splitWide(value, start);
  }
}

function* splitWide(word: string, start: number): Generator<Token> {
  let piece: Token = { start, end: start, width: 0, kind: 'word' };
  let previous = '';
  for (const grapheme of graphemes(word)) {
    const width = graphemeWidth(grapheme);
    const breakable =
      piece.end > piece.start &&
      (width > 1 || graphemeWidth(previous) > 1) &&
      !NO_BREAK_BEFORE.has(grapheme) &&
      !NO_BREAK_AFTER.has(previous);
    if (breakable) {
      yield piece;
      piece = { start: piece.end, end: piece.end, width: 0, kind: 'word' };
    }
    piece.end += grapheme.length;
    piece.width += width;
    previous = grapheme;
  }
  if (piece.end > piece.start) yield piece;
}

/** A word too long for any line, cut into pieces that each fill a line. */
function* cutWord(text: string, token: Token, room: () => number): Generator<Token> {
  let piece: Token = { start: token.start, end: token.start, width: 0, kind: 'word' };
  for (const grapheme of graphemes(text.slice(token.start, token.end))) {
    const width = graphemeWidth(grapheme);
    if (piece.width + width > room() && piece.end > piece.start) {
      yield piece;
      piece = { start: piece.end, end: piece.end, width: 0, kind: 'word' };
    }
    piece.end += grapheme.length;
    piece.width += width;
  }
  if (piece.end > piece.start) yield piece;
}

/** A line of code cut to `width` columns, spaces kept. */
function hardWrap(line: string, width: number): string[] {
  const chunks: string[] = [];
  let chunk = '';
  let used = 0;
  for (const grapheme of graphemes(line)) {
    const w = graphemeWidth(grapheme);
    if (used + w > width && chunk) {
      chunks.push(chunk);
      chunk = '';
      used = 0;
    }
    chunk += grapheme;
    used += w;
  }
  chunks.push(chunk);
  return chunks;
}

/** Cuts `pieces` between text offsets; calls must come in text order, so each piece is visited once. */
function pieceSlicer(pieces: readonly Segment[]): (start: number, end: number) => Segment[] {
  let index = 0;
  let offset = 0; // where pieces[index] starts in the text
  return (start, end) => {
    while (index < pieces.length && offset + pieces[index]!.text.length <= start) {
      offset += pieces[index]!.text.length;
      index += 1;
    }
    const out: Segment[] = [];
    for (
      let k = index, at = offset;
      k < pieces.length && at < end;
      at += pieces[k]!.text.length, k++
    ) {
      const piece = pieces[k]!;
      const from = Math.max(start, at);
      const to = Math.min(end, at + piece.text.length);
      if (from >= to) continue;
      const style =
        from > at && piece.style.opensQuote ? { ...piece.style, opensQuote: false } : piece.style;
      out.push({ text: piece.text.slice(from - at, to - at), style });
    }
    return out;
  };
}

/** A prefix (bars, bullets, indentation) cut from the left so that text keeps room. */
function fitPrefix(prefix: Segment[], width: number): Segment[] {
  const max = width - Math.min(MIN_TEXT_COLUMNS, width);
  let excess = segmentsWidth(prefix) - max;
  if (excess <= 0) return prefix;
  const out: Segment[] = [];
  for (const segment of prefix) {
    if (excess >= segment.text.length) excess -= segment.text.length;
    else {
      out.push({ ...segment, text: segment.text.slice(excess) });
      excess = 0;
    }
  }
  return out;
}

/** A blank line's prefix without the spaces at its end. */
function trimEnd(segments: Segment[]): Segment[] {
  const out = [...segments];
  while (out.length > 0) {
    const last = out.at(-1)!;
    const text = last.text.trimEnd();
    if (text !== '') {
      out[out.length - 1] = { ...last, text };
      break;
    }
    out.pop();
  }
  return out;
}

function segmentsWidth(segments: readonly Segment[]): number {
  return segments.reduce((sum, segment) => sum + textWidth(segment.text), 0);
}

/** The plain text of a line. */
export function lineText(line: Line): string {
  return line.segments.map((segment) => segment.text).join('');
}
