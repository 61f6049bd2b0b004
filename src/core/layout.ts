// Blocks + width → lines of styled segments, wrapped by terminal columns. Views only draw these lines.
import { byline, type Article } from './article.js';
import { parseMarkdown, type Block, type InlineStyle, type Run } from './markdown.js';
import { layoutCode } from './code-block.js';
import { quoteSpans } from './quotes.js';
import { layoutTable } from './table.js';
import { textWidth } from './text-width.js';
import { fitPrefix, segmentsWidth, trimEnd, wrap } from './wrap.js';

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
  return layoutArticleStart(article, columns, blocks, Infinity).lines;
}

/**
 * The article's first lines, at least `rows` of them when it has that many: enough to draw before the rest
 * is wrapped. `complete` says whether they are all of it. The lines are those layoutArticle gives; `blocks`
 * may be the start of the body only (`wholeBody` false), and then the lines never are complete.
 */
export function layoutArticleStart(
  article: Article,
  columns: number,
  blocks: readonly Block[],
  rows: number,
  wholeBody = true,
): { lines: Line[]; complete: boolean } {
  const width = Math.max(columns, MIN_WIDTH);
  const lines: Line[] = [];
  const header = (runs: Run[], role: Role) =>
    wrap(withQuotes(runs, { role }), width, [], [], -1, lines);
  header([{ text: article.title, style: {} }], 'title');
  const by = byline(article);
  if (by) header([{ text: by, style: {} }], 'byline');
  lines.push({ segments: [], block: -1 });
  const laidOut = layoutBlocksInto(blocks, width, lines, rows);
  if (laidOut < blocks.length || !wholeBody) return { lines, complete: false };
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
  return { lines, complete: true };
}

/** Body blocks wrapped to `width` columns, a blank line between blocks. */
export function layoutBlocks(blocks: readonly Block[], width: number): Line[] {
  const lines: Line[] = [];
  layoutBlocksInto(blocks, Math.max(width, MIN_WIDTH), lines, Infinity);
  return lines;
}

/** Adds blocks' lines to `lines` until it holds `rows`; returns how many blocks it laid out. */
function layoutBlocksInto(
  blocks: readonly Block[],
  width: number,
  lines: Line[],
  rows: number,
): number {
  let index = 0;
  for (; index < blocks.length && lines.length < rows; index++) {
    if (index > 0) lines.push({ segments: [], block: index });
    layoutBlock(blocks[index]!, width, [], [], index, lines);
  }
  return index;
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
      layoutCode(block.text, block.lang, width, first, rest, index, out);
      break;
    case 'table': {
      const cells = (row: Run[][]) => row.map((cell) => withQuotes(cell, {}));
      const table = {
        header: cells(block.header),
        rows: block.rows.map(cells),
        align: block.align,
      };
      layoutTable(table, width, first, rest, index, out);
      break;
    }
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
  // Marks inside code (`"`) are not quotation marks: the finder sees code as letters of the same length.
  const text = runs
    .map((run) => (run.style.code ? 'x'.repeat(run.text.length) : run.text))
    .join('');
  const spans = quoteSpans(text);
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

/** The plain text of a line. */
export function lineText(line: Line): string {
  return line.segments.map((segment) => segment.text).join('');
}
