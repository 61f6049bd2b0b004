// Makes the reader's pages: an article parsed and wrapped for a terminal width, remembered for a while. A
// long article is wrapped a section at a time, so that the reader can draw and answer keys in between.
import type { Article } from './article.js';
import { ArticleLayout } from './layout.js';
import { addLinks, type ArticleLink } from './links.js';
import { parseMarkdownSections, type Block, type SectionProgress } from './markdown.js';
import { columnWidth, findQuoteMarks, MEASURE, type Page } from './page.js';

// Wrapping a long article costs tens of milliseconds: the pages last asked for are kept, one width each,
// and the parsed body of the last few, which a page at another width reuses.
const pages = new Map<Article, Page>();
/** Each body's blocks, a section's at a time as they were parsed. */
const bodies = new Map<Article, Block[][]>();
const KEPT_PAGES = 16;
const KEPT_BODIES = 4;
/**
 * Lines of the pages kept, and characters of the bodies, at most (the latest is always kept): a page of a
 * 4 MB article holds 60,000 lines and tens of megabytes, so sixteen of them would exhaust the heap.
 */
const KEPT_LINES = 200_000;
const KEPT_CHARACTERS = 8 * 1024 * 1024;
const linesOf = (page: Page) => page.lines.length;
const charactersOf = (article: Article) => article.body.length;
/** Characters of Markdown below which an article is always wrapped whole (~10 ms). */
const WRAP_WHOLE_BELOW = 32 * 1024;

/** The article being wrapped a section at a time, at one width: one at most, the one the reader shows. */
interface Building {
  article: Article;
  columns: number;
  width: number;
  layout: ArticleLayout;
  /** The sections still to wrap, parsed one ahead. */
  sections: Iterator<Block[]> | undefined;
  /** How far the sections have got. */
  progress: SectionProgress;
  /** The body's blocks so far, a section's at a time, to keep once all are parsed. */
  blocks: Block[][];
  links: ArticleLink[];
  page: Page;
}
let building: Building | undefined;

/**
 * The article's page at this terminal width, wrapped once and remembered. Given `rows`, a long article
 * not yet wrapped comes back with its lines so far, at least `rows` of them (`complete` false), so that it
 * draws at once; with `more` as well, one more section of it is wrapped first. Without `rows` the page is
 * wrapped whole. `measure` caps the text column's width.
 */
export function pageOf(
  article: Article,
  columns: number,
  rows?: number,
  measure = MEASURE,
  more = false,
): Page {
  const width = columnWidth(columns, measure);
  const known = pages.get(article);
  if (known?.columns === columns && known.width === width) {
    return remember(pages, article, known, KEPT_PAGES, KEPT_LINES, linesOf);
  }
  const same =
    building?.article === article && building.columns === columns && building.width === width;
  const build = same ? building! : start(article, columns, width);
  // Short articles wrap whole in a few milliseconds: only long ones are worth drawing in steps. One wrapped
  // whole at once (another article prepared ahead) leaves the one being built alone.
  const whole = rows === undefined || article.body.length <= WRAP_WHOLE_BELOW;
  if (!whole) building = build;
  let stepped = false;
  while (
    !build.page.complete &&
    (whole || build.layout.lines.length < rows! || (more && !stepped))
  ) {
    step(build);
    stepped = true;
  }
  return build.page;
}

function start(article: Article, columns: number, width: number): Building {
  const parsed = bodies.get(article);
  const build: Building = {
    article,
    columns,
    width,
    layout: new ArticleLayout(article, width),
    sections: undefined,
    progress: { characters: 0, last: false },
    blocks: [],
    links: [],
    page: undefined as unknown as Page,
  };
  // A body parsed already (the page was wrapped at another width) is wrapped in the same steps.
  build.sections = parsed
    ? inSteps(parsed, build.progress, article.body.length)
    : parseMarkdownSections(article.body, undefined, build.progress);
  build.page = pageFor(build, false);
  return build;
}

/** A body's sections parsed already, one a step, as they were parsed: none is longer than a step. */
function* inSteps(
  sections: readonly Block[][],
  progress: SectionProgress,
  characters: number,
): Generator<Block[]> {
  for (const [k, section] of sections.entries()) {
    progress.characters = Math.round((characters * (k + 1)) / sections.length);
    progress.last = k === sections.length - 1;
    yield section;
  }
}

/** Parses and wraps the next section of the body; after the last, the page is complete. */
function step(build: Building): void {
  const next = build.sections!.next();
  if (!next.done) {
    build.blocks.push(next.value);
    build.layout.add(next.value);
    addLinks(build.links, next.value);
  }
  if (next.done || build.progress.last) {
    remember(bodies, build.article, build.blocks, KEPT_BODIES, KEPT_CHARACTERS, (_, article) =>
      charactersOf(article),
    );
    finish(build);
  } else build.page = pageFor(build, false);
}

function finish(build: Building): void {
  build.layout.finish();
  build.page = pageFor(build, true);
  remember(pages, build.article, build.page, KEPT_PAGES, KEPT_LINES, linesOf);
  if (building === build) building = undefined;
}

function pageFor(build: Building, complete: boolean): Page {
  const { columns, width, layout } = build;
  // A page so far shares its lines with the pages after it, which only ever add lines.
  const { lines } = layout;
  return {
    columns,
    width,
    indent: Math.max(0, Math.floor((columns - width) / 2)),
    lines,
    // Quotation marks span blocks' lines: they are found once the page is whole.
    quotes: complete ? findQuoteMarks(lines) : [],
    complete,
    ...(complete
      ? {}
      : { wrapped: { characters: build.progress.characters, of: build.article.body.length } }),
    links: build.links,
  };
}

/**
 * Keeps `value` as the most recently used entry, forgetting the least recent beyond `size` entries or
 * beyond `most` in all as `weight` counts.
 */
function remember<T>(
  cache: Map<Article, T>,
  article: Article,
  value: T,
  size: number,
  most: number,
  weight: (value: T, article: Article) => number,
): T {
  cache.delete(article);
  cache.set(article, value);
  let total = 0;
  for (const [key, kept] of cache) total += weight(kept, key);
  for (const [key, kept] of cache) {
    if (key === article || (cache.size <= size && total <= most)) break;
    cache.delete(key);
    total -= weight(kept, key);
  }
  return value;
}
