// Makes the reader's pages: an article parsed and wrapped for a terminal width, remembered for a while.
import type { Article } from './article.js';
import { layoutArticle } from './layout.js';
import { columnWidth, findQuoteMarks, type Page } from './page.js';

// Wrapping a long article costs tens of milliseconds: the pages last asked for are kept, one width each.
const pages = new Map<Article, Page>();
const KEPT_PAGES = 16;

/** The article's page at this terminal width, wrapped once and remembered. */
export function pageOf(article: Article, columns: number): Page {
  const known = pages.get(article);
  if (known?.columns === columns) {
    // Most recently used last: the first entry is the one to forget.
    pages.delete(article);
    pages.set(article, known);
    return known;
  }
  const width = columnWidth(columns);
  const lines = layoutArticle(article, width);
  const page: Page = {
    columns,
    width,
    indent: Math.max(0, Math.floor((columns - width) / 2)),
    lines,
    quotes: findQuoteMarks(lines),
  };
  pages.delete(article);
  pages.set(article, page);
  if (pages.size > KEPT_PAGES) pages.delete(pages.keys().next().value!);
  return page;
}
