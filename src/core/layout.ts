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
  /** The wrap broke a word here (or after its hyphen): no space was dropped between this line and the last. */
  joinsWord?: boolean;
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
  const layout = new ArticleLayout(article, columns);
  layout.add(blocks);
  layout.finish();
  return layout.lines;
}

/**
 * An article laid out a piece at a time, in the lines layoutArticle gives: the title and byline at once,
 * then the body's blocks as they come (each call to `add` the next ones), then the bio on `finish`. A long
 * article can so be drawn, printed or handed back to the event loop between pieces.
 */
export class ArticleLayout {
  /** The lines so far. A caller may empty it (once printed): the next lines are added after. */
  readonly lines: Line[] = [];
  readonly width: number;
  /** The index of the next body block. */
  private next = 0;
  private finished = false;

  constructor(
    private readonly article: Article,
    columns: number,
  ) {
    this.width = Math.max(columns, MIN_WIDTH);
    const header = (runs: Run[], role: Role) =>
      wrap(withQuotes(runs, { role }), this.width, [], [], -1, this.lines);
    header([{ text: article.title, style: {} }], 'title');
    const by = byline(article);
    if (by) header([{ text: by, style: {} }], 'byline');
    this.lines.push({ segments: [], block: -1 });
  }

  /** Lays out the next blocks of the body, a blank line between blocks. */
  add(blocks: readonly Block[]): void {
    for (const block of blocks) {
      if (this.next > 0) this.lines.push({ segments: [], block: this.next });
      layoutBlock(block, this.width, [], [], this.next, this.lines);
      this.next += 1;
    }
  }

  /** Ends the article: the bio under a short rule. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    const { bio } = this.article;
    if (!bio) return;
    const end = this.next;
    const { width, lines } = this;
    lines.push({ segments: [], block: end });
    lines.push({
      segments: [{ text: RULE.repeat(Math.min(width, 20)), style: { role: 'rule' } }],
      block: end,
    });
    wrap(withQuotes([{ text: bio, style: {} }], { role: 'bio' }), width, [], [], end, lines);
  }
}

/** Body blocks wrapped to `width` columns, a blank line between blocks. */
export function layoutBlocks(blocks: readonly Block[], width: number): Line[] {
  const lines: Line[] = [];
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
