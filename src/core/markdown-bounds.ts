// A Markdown body reshaped, line by line, where marked's time or memory would grow faster than the text:
// nesting past a bound, and lazy continuation lines of quotes. What a reader sees stays the same.

/** Quotes and lists nest no deeper than this: the indentation would eat the page, and the parser's time. */
export const MAX_BLOCK_NESTING = 12;
/**
 * Blocks of an article shown at most (paragraphs, headings, list items, table rows): each costs the parser
 * and the wrapper a few microseconds and a few hundred bytes, so 2,000,000 empty headings took 10 s and
 * 1.6 GB. An ordinary 4 MB article has about 6,000.
 */
export const MAX_BLOCKS = 20_000;
/** Lines of code shown at most, fenced or indented: cheaper than blocks, but each a line on the page. */
export const MAX_CODE_LINES = 50_000;

/** A quote or list marker at the start of a line, or after another one. */
const CONTAINER_MARKER = /[ \t]{0,3}(?:>[ \t]?|(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$))/y;
const FENCE = /^ {0,3}(?:```|~~~)/;
/** Columns of indentation kept: lists nested MAX_BLOCK_NESTING deep, four columns a level, and code. */
const MAX_INDENT = 4 * MAX_BLOCK_NESTING + 8;
/** Quote markers at the start of a line, and what follows them. */
const QUOTE_MARKERS = /^(?: {0,3}>[ \t]?)*/;
/** What starts a block other than a paragraph (or a list item, whose first line is one), so ends a quote. */
const BLOCK_START =
  /^ {0,3}(?:#{1,6}(?:[ \t]|$)|```|~~~|<|\||(?:[-*_][ \t]*){3,}$|=+[ \t]*$|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))/;
const LIST_ITEM = /^ {0,3}(?:[-+*]|\d{1,9}[.)])[ \t]+\S/;
/** A table's row: GFM needs no pipe after the delimiter row, but rows without one are rare. */
const TABLE_ROW = /\|/;
/** Cells a table row holds before the rest count as blocks (see capBlocks). */
const WIDE_ROW = 64;

function pipes(line: string): number {
  let count = 0;
  for (let at = line.indexOf('|'); at >= 0; at = line.indexOf('|', at + 1)) count++;
  return count;
}

/** Indented code, or a list item's next line: counted as code, which is generous to the list. */
const INDENTED = /^(?: {4}|\t)/;

/** The body as marked should see it: see clampLine and explicitLazyLines. One pass, line by line. */
export function boundMarkdown(body: string): string {
  const lines = body.split('\n');
  let changed = false;
  let inFence = false;
  let quote: QuoteState = { depth: 0, paragraph: false, inFence: false };
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    if (FENCE.test(line)) inFence = !inFence;
    if (inFence) {
      quote = { depth: 0, paragraph: false, inFence: false };
      continue;
    }
    const clamped = clampLine(line);
    const explicit = explicitLazyLine(clamped, quote);
    quote = explicit.state;
    if (explicit.line !== line) {
      lines[k] = explicit.line;
      changed = true;
    }
  }
  return changed ? lines.join('\n') : body;
}

/**
 * A line that opens more quotes and lists than MAX_BLOCK_NESTING loses the markers past it, and one
 * indented deeper than MAX_INDENT the spaces past it: marked would nest no deeper anyway, but it would
 * still strip a level from every such line at every level (2,000,000 `> ` took minutes, lines of ever more
 * `>` exhausted memory).
 */
function clampLine(line: string): string {
  if (line.length < 2 * MAX_BLOCK_NESTING) return line;
  const indent = line.search(/[^ ]/);
  if (indent > MAX_INDENT || (indent < 0 && line.length > MAX_INDENT)) {
    return line.slice(0, MAX_INDENT) + line.slice(indent < 0 ? line.length : indent);
  }
  let markers = 0;
  let kept = 0;
  let end = 0;
  CONTAINER_MARKER.lastIndex = 0;
  while (end < line.length && CONTAINER_MARKER.test(line)) {
    end = CONTAINER_MARKER.lastIndex;
    markers += 1;
    if (markers === MAX_BLOCK_NESTING) kept = end;
  }
  return markers > MAX_BLOCK_NESTING ? line.slice(0, kept) + line.slice(end) : line;
}

/** What the lines so far leave open: quotes `depth` deep, ending in a paragraph or in fenced code. */
interface QuoteState {
  depth: number;
  paragraph: boolean;
  inFence: boolean;
}

/**
 * A lazy line (one that goes on a quoted paragraph with fewer `>` than it, or none) gets its `>` written
 * out. marked handles each lazy line by lexing the quote's rest again, so a quote of many (`> a` / `b`
 * / `> a` ...) cost quadratic time: 3 MB took minutes. Written out, the line means what it meant.
 */
function explicitLazyLine(line: string, open: QuoteState): { line: string; state: QuoteState } {
  const markers = QUOTE_MARKERS.exec(line)![0];
  const content = line.slice(markers.length);
  const depth = markers.split('>').length - 1;
  if (content.trim() === '') return { line, state: { depth: 0, paragraph: false, inFence: false } };
  const startsBlock = BLOCK_START.test(content);
  if (depth < open.depth && open.paragraph && !startsBlock) {
    return { line: '> '.repeat(open.depth) + content.trimStart(), state: open };
  }
  if (depth === 0) return { line, state: { depth: 0, paragraph: false, inFence: false } };
  // Inside quoted fenced code nothing is a paragraph, until the fence closes.
  const fence = FENCE.test(content);
  const inFence = depth === open.depth && open.inFence ? !fence : fence;
  const paragraph = !inFence && (!startsBlock || LIST_ITEM.test(content));
  return { line, state: { depth, paragraph, inFence } };
}

/**
 * The body up to its MAX_BLOCKS-th block, counted by the lines that start one (after a blank line, or
 * starting a heading, list item, fence, rule, HTML or table row, inside quotes too, a table row's cells
 * past the 64th each as one more: 400,000 columns took 600 MB), or up to its
 * MAX_CODE_LINES-th line of code (in a fence, or indented). `omittedLines` says how many lines were left
 * out. One pass, nothing split.
 */
export function capBlocks(
  body: string,
  max = { blocks: MAX_BLOCKS, code: MAX_CODE_LINES },
): { text: string; omittedLines: number } {
  let starts = 0;
  let code = 0;
  let inFence = false;
  let previousBlank = true;
  for (let at = 0; at < body.length;) {
    const newline = body.indexOf('\n', at);
    const end = newline < 0 ? body.length : newline;
    const line = body.slice(at, end);
    const content = line.slice(QUOTE_MARKERS.exec(line)![0].length);
    const blank = content.trim() === '';
    const fence = FENCE.test(content);
    if (fence) inFence = !inFence;
    const starting =
      !blank &&
      (fence ||
        (!inFence && (previousBlank || BLOCK_START.test(content) || TABLE_ROW.test(content))));
    const coding = !fence && (inFence || INDENTED.test(content));
    // A table row's cells cost as much as blocks: past the first few dozen, each counts as one.
    if (starting && TABLE_ROW.test(content)) starts += Math.max(0, pipes(content) - WIDE_ROW);
    if ((starting && ++starts > max.blocks) || (coding && ++code > max.code)) {
      // The lines left, the last one only if it holds something.
      let omittedLines = body.endsWith('\n') ? 0 : 1;
      for (let k = body.indexOf('\n', at); k >= 0; k = body.indexOf('\n', k + 1)) omittedLines++;
      return { text: body.slice(0, at), omittedLines };
    }
    previousBlank = blank;
    at = end + 1;
  }
  return { text: body, omittedLines: 0 };
}
