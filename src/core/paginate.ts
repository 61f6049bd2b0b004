// Makes the reader's pages: an article parsed and wrapped for a terminal width, remembered for a while.
import type { Article } from './article.js';
import { layoutArticleStart } from './layout.js';
import { articleLinks } from './links.js';
import { parseMarkdown, type Block } from './markdown.js';
import { columnWidth, findQuoteMarks, MEASURE, type Page } from './page.js';

// Wrapping a long article costs tens of milliseconds: the pages last asked for are kept, one width each,
// and the parsed body of the last few, which a page at another width (or after its first lines) reuses.
const pages = new Map<Article, Page>();
const bodies = new Map<Article, Block[]>();
const KEPT_PAGES = 16;
/** The first lines last drawn of an article still to be wrapped whole: a redraw reuses them. */
let first: { article: Article; page: Page } | undefined;
const KEPT_BODIES = 4;
/** Characters of Markdown below which an article is always wrapped whole (~10 ms). */
const WRAP_WHOLE_BELOW = 32 * 1024;
/** Characters of Markdown parsed for a long article's first lines: hundreds of lines' worth. */
const OPENING_CHARACTERS = 16 * 1024;
/** Past this without a place to cut, the whole body is parsed after all. */
const OPENING_LIMIT = 64 * 1024;

/**
 * The article's page at this terminal width, wrapped once and remembered. Given `rows`, a long article
 * not yet wrapped comes back with only its first lines, at least `rows` of them (`complete` false), so that
 * it draws at once; asking again without `rows` wraps the rest. `measure` caps the text column's width.
 */
export function pageOf(article: Article, columns: number, rows?: number, measure = MEASURE): Page {
  const width = columnWidth(columns, measure);
  const known = pages.get(article);
  if (known?.columns === columns && known.width === width) {
    return remember(pages, article, known, KEPT_PAGES);
  }
  // Short articles wrap whole in a few milliseconds: only long ones are worth drawing in two steps, and
  // their first lines need only the start of the body parsed.
  const opening = rows !== undefined && article.body.length > WRAP_WHOLE_BELOW;
  if (
    opening &&
    first?.article === article &&
    first.page.columns === columns &&
    first.page.width === width
  ) {
    return first.page;
  }
  let blocks = bodies.get(article);
  const start = blocks || !opening ? article.body : openingOf(article.body);
  const whole = start === article.body;
  if (!blocks) {
    blocks = parseMarkdown(start);
    if (whole) remember(bodies, article, blocks, KEPT_BODIES);
  }
  const laidOut = layoutArticleStart(article, width, blocks, opening ? rows : Infinity, whole);
  const page: Page = {
    columns,
    width,
    indent: Math.max(0, Math.floor((columns - width) / 2)),
    lines: laidOut.lines,
    quotes: findQuoteMarks(laidOut.lines),
    complete: laidOut.complete,
    links: articleLinks(blocks),
  };
  if (page.complete) return remember(pages, article, page, KEPT_PAGES);
  first = { article, page };
  return page;
}

/**
 * The start of a long body, enough for a screenful and more: up to a blank line past the first
 * OPENING_CHARACTERS, outside fenced code. What follows a cut seldom changes what comes before it: a
 * reference link defined further down, or a list that turns loose after the cut, looks different for the
 * moment until the whole page is drawn. One pass, bounded.
 */
function openingOf(body: string): string {
  let inFence = false;
  for (let at = 0; at < body.length && at < OPENING_LIMIT;) {
    const newline = body.indexOf('\n', at);
    const end = newline < 0 ? body.length : newline;
    const line = body.slice(at, end);
    if (/^ {0,3}(?:```|~~~)/.test(line)) inFence = !inFence;
    else if (!inFence && at >= OPENING_CHARACTERS && /^[ \t]*$/.test(line))
      return body.slice(0, at);
    at = end + 1;
  }
  return body;
}

/** Keeps `value` as the most recently used entry, forgetting the least recent beyond `size`. */
function remember<T>(cache: Map<Article, T>, article: Article, value: T, size: number): T {
  cache.delete(article);
  cache.set(article, value);
  if (cache.size > size) cache.delete(cache.keys().next().value!);
  return value;
}
