// Markdown tables for a terminal: a ruled grid sized to its content when it fits the width, else each row
// as "header: value" lines, which never need more room than a paragraph.
import type { Line, Segment, Style } from './layout.js';
import type { ColumnAlign } from './markdown.js';
import { textWidth, truncate } from './text-width.js';
import { fitPrefix, segmentsWidth, trimEnd, wrap } from './wrap.js';

/** A table whose cells are styled already: every row has one cell a column. */
export interface TableCells {
  header: Segment[][];
  rows: Segment[][][];
  align: ColumnAlign[];
}

const RULE_STYLE: Style = { role: 'rule' };
/** Scripts whose wide characters wrapping may break between: Hangul, CJK, kana, full-width forms. */
const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;
const LABEL_STYLE: Style = { strong: true };

/** Adds the table's lines to `out`: its first line takes the prefix `first`, the others `rest`. */
export function layoutTable(
  table: TableCells,
  width: number,
  first: Segment[],
  rest: Segment[],
  block: number,
  out: Line[],
): void {
  const columns = table.header.length;
  const prefixes = [fitPrefix(first, width), fitPrefix(rest, width)] as const;
  const room = width - Math.max(...prefixes.map(segmentsWidth));
  const all = [table.header, ...table.rows];
  const natural = range(columns).map((c) =>
    maxOf(
      all.map((row) => cellWidth(row[c]!)),
      1,
    ),
  );
  const narrowest = range(columns).map((c) =>
    Math.min(
      natural[c]!,
      maxOf(
        all.map((row) => longestWord(row[c]!)),
        1,
      ),
    ),
  );
  // Each column has a bar and a space on each side; neighbours share their bar.
  const available = room - (3 * columns + 1);
  if (columns === 0 || sum(narrowest) > available) {
    labelledRows(table, width, first, rest, block, out);
    return;
  }
  const widths = share(natural, narrowest, available);
  const start = out.length;
  const lineOf = (segments: Segment[]) => {
    const prefix = out.length === start ? prefixes[0] : prefixes[1];
    out.push({ segments: [...prefix, ...segments], block });
  };
  const rule = (left: string, middle: string, right: string) =>
    lineOf([
      {
        text: left + widths.map((w) => '─'.repeat(w + 2)).join(middle) + right,
        style: RULE_STYLE,
      },
    ]);
  rule('┌', '┬', '┐');
  all.forEach((row, r) => {
    if (r === 1) rule('├', '┼', '┤');
    const wrapped = row.map((cell, c) => {
      const lines: Line[] = [];
      wrap(cell, widths[c]!, [], [], block, lines);
      return lines;
    });
    const height = maxOf(
      wrapped.map((lines) => lines.length),
      1,
    );
    for (let y = 0; y < height; y++) {
      const segments: Segment[] = [{ text: '│ ', style: RULE_STYLE }];
      wrapped.forEach((lines, c) => {
        if (c > 0) segments.push({ text: ' │ ', style: RULE_STYLE });
        const text = lines[y]?.segments ?? [];
        const [left, right] = padding(widths[c]! - segmentsWidth(text), table.align[c] ?? null);
        if (left > 0) segments.push({ text: ' '.repeat(left), style: {} });
        segments.push(...text);
        if (right > 0) segments.push({ text: ' '.repeat(right), style: {} });
      });
      segments.push({ text: ' │', style: RULE_STYLE });
      lineOf(segments);
    }
  });
  rule('└', '┴', '┘');
}

/** Columns of a header that each row repeats at most (on a narrow page, a few less than the width). */
const LONGEST_LABEL = 64;

/** Too wide for a grid: each row a group of "header: value" lines, a blank line between rows. */
function labelledRows(
  table: TableCells,
  width: number,
  first: Segment[],
  rest: Segment[],
  block: number,
  out: Line[],
): void {
  const headers = table.header.map(
    (cell, c) => cell.map((segment) => segment.text).join('') || `column ${c + 1}`,
  );
  // Each row repeats its column's header: a long one is cut there (a 2 MB header repeated on 20,000 rows
  // took a minute and 4 GB), and shown whole once above the rows.
  const labels = headers.map((header) =>
    truncate(header, Math.min(Math.max(width - 8, 10), LONGEST_LABEL)),
  );
  const start = out.length;
  if (table.rows.length > 0 && labels.some((label, c) => label !== headers[c])) {
    wrap([{ text: headers.join(' · '), style: LABEL_STYLE }], width, first, rest, block, out);
    out.push({ segments: trimEnd(fitPrefix(rest, width)), block });
  }
  const hang = [...rest, { text: '  ', style: {} }];
  table.rows.forEach((row, r) => {
    if (r > 0) out.push({ segments: trimEnd(fitPrefix(rest, width)), block });
    row.forEach((cell, c) => {
      if (cell.length === 0) return;
      const label: Segment = { text: `${labels[c]}: `, style: LABEL_STYLE };
      wrap([label, ...cell], width, out.length === start ? first : rest, hang, block, out);
    });
  });
  // A table of a header alone still shows what its columns are.
  if (table.rows.length === 0) {
    const header = [{ text: headers.join(' · '), style: LABEL_STYLE }];
    wrap(header, width, first, rest, block, out);
  }
}

/** Column widths: what each needs when that fits, else each its narrowest plus a share of the rest. */
function share(natural: number[], narrowest: number[], available: number): number[] {
  if (sum(natural) <= available) return natural;
  const wants = natural.map((n, c) => n - narrowest[c]!);
  const spare = available - sum(narrowest);
  const widths = narrowest.map((n, c) => n + Math.floor((spare * wants[c]!) / sum(wants)));
  // What rounding left over goes to the columns that want most, one column each.
  let left = available - sum(widths);
  for (const c of range(widths.length).sort((a, b) => wants[b]! - wants[a]!)) {
    if (left === 0) break;
    if (widths[c]! < natural[c]!) {
      widths[c]! += 1;
      left -= 1;
    }
  }
  return widths;
}

function padding(free: number, align: ColumnAlign): [number, number] {
  if (free <= 0) return [0, 0];
  if (align === 'right') return [free, 0];
  if (align === 'center') return [Math.floor(free / 2), Math.ceil(free / 2)];
  return [0, free];
}

/** The widest line of a cell, as it would be written on one row (a hard break starts a new one). */
function cellWidth(cell: Segment[]): number {
  const text = cell.map((segment) => segment.text).join('');
  return maxOf(text.split('\n').map(textWidth), 0);
}

/** The widest thing in a cell that wrapping cannot break: a word, or one character where wide text breaks. */
function longestWord(cell: Segment[]): number {
  const words = cell
    .map((segment) => segment.text)
    .join('')
    .split(/\s+/);
  // Wide (CJK) text may break between any two characters.
  return maxOf(
    words.map((word) => (WIDE.test(word) ? 2 : textWidth(word))),
    0,
  );
}

/**
 * The largest of `numbers`, and at least `floor`. Math.max(...numbers) passes each as an argument, which
 * overflows the stack past about 100,000 (a table of that many rows).
 */
function maxOf(numbers: readonly number[], floor: number): number {
  let most = floor;
  for (const n of numbers) if (n > most) most = n;
  return most;
}

function range(count: number): number[] {
  return Array.from({ length: count }, (_, k) => k);
}

function sum(numbers: readonly number[]): number {
  return numbers.reduce((total, n) => total + n, 0);
}
