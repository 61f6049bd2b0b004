// The reader's page of an article: the text column, its quotations, and where the reader is in it. What is
// here needs no Markdown parser; paginate.ts makes the pages.
import type { Line } from './layout.js';
import type { ArticleLink } from './links.js';

/** The measure: lines longer than this are hard to follow back to their start. */
export const MEASURE = 80;
/** Columns kept free on each side of the text column when the terminal is narrower than the measure. */
export const MARGIN = 2;

/** Where one quotation runs: from its opening segment to its last, both inclusive. */
export interface QuoteMark {
  line: number;
  segment: number;
  endLine: number;
  endSegment: number;
}

/** An article wrapped for a terminal `columns` wide. */
export interface Page {
  columns: number;
  /** The text column's width: the measure, or less on a narrow terminal. */
  width: number;
  /** Blank columns left of the text column, which centre it on a wide terminal. */
  indent: number;
  lines: Line[];
  /** Outermost quotations in reading order, the targets of the quotation keys. */
  quotes: QuoteMark[];
  /** False for the lines so far, drawn while the rest is still to be wrapped. */
  complete: boolean;
  /** While the page is not complete: characters of the article's body wrapped so far, of how many. */
  wrapped?: { characters: number; of: number };
  /** The article's links by number, as its text shows them ("the report[3]"). */
  links: ArticleLink[];
}

/** The text column for a terminal `columns` wide: at most the measure, margins kept when there is room. */
export function columnWidth(columns: number, measure = MEASURE): number {
  // Below 10 + 2 × MARGIN columns the margins give way to the text first.
  return Math.max(1, Math.min(measure, Math.max(columns - 2 * MARGIN, Math.min(columns, 10))));
}

/**
 * Outermost quotations: each starts at a segment opening a depth-1 quotation and runs, across lines, until
 * the text leaves quotation or the block ends. Quote bars and list markers inside it do not end it.
 */
export function findQuoteMarks(lines: readonly Line[]): QuoteMark[] {
  const marks: QuoteMark[] = [];
  let open: QuoteMark | undefined;
  let block = Number.NaN;
  lines.forEach((line, y) => {
    if (line.block !== block) open = undefined;
    block = line.block;
    line.segments.forEach((segment, x) => {
      const { quote, opensQuote, role } = segment.style;
      if (role === 'bar' || role === 'marker' || segment.text.trim() === '') {
        return;
      }
      if (quote === 1 && opensQuote) {
        open = { line: y, segment: x, endLine: y, endSegment: x };
        marks.push(open);
      } else if (quote && open) {
        open.endLine = y;
        open.endSegment = x;
      } else if (!quote) {
        open = undefined;
      }
    });
  });
  return marks;
}

/** The segments of line `y` that lie inside `mark`, first to last (inclusive), if any do. */
export function markedSegments(
  mark: QuoteMark | undefined,
  y: number,
): { from: number; to: number } | undefined {
  if (!mark || y < mark.line || y > mark.endLine) return undefined;
  return {
    from: y === mark.line ? mark.segment : 0,
    to: y === mark.endLine ? mark.endSegment : Number.MAX_SAFE_INTEGER,
  };
}

/** How far the reader has got: the share of lines above the bottom of the view, and the minutes left. */
export function progress(
  top: number,
  height: number,
  total: number,
  minutes: number,
): { percent: number; minutesLeft: number } {
  if (total <= 0) return { percent: 100, minutesLeft: 0 };
  const seen = Math.min(total, top + height);
  const percent = Math.floor((seen / total) * 100);
  return { percent, minutesLeft: Math.ceil(((total - seen) / total) * minutes) };
}

/** The furthest the top line may go: the last line at the bottom of the view. */
export function lastTop(total: number, height: number): number {
  return Math.max(0, total - height);
}

/**
 * Where `top` in `from` sits in `to`, the same article at another width: the same block, at the same share
 * of its lines, so the paragraph at the top stays in view after a resize.
 */
export function carryTop(from: readonly Line[], top: number, to: readonly Line[]): number {
  const block = from[top]?.block;
  if (block === undefined) return 0;
  const span = (lines: readonly Line[]) => {
    const start = lines.findIndex((line) => line.block === block);
    let end = start;
    while (end + 1 < lines.length && lines[end + 1]!.block === block) end += 1;
    return { start, count: end - start + 1 };
  };
  const before = span(from);
  const after = span(to);
  if (after.start < 0) return 0;
  const share = (top - before.start) / before.count;
  return after.start + Math.min(after.count - 1, Math.floor(share * after.count));
}
