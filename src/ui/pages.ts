// The reader's pages, loaded just after the list's first frame: making them needs the Markdown parser,
// which the list does without and which takes ~20 ms to load.
import type { Article } from '../core/article.js';
import type { Page } from '../core/page.js';

let paginate: ((article: Article, columns: number) => Page) | undefined;

/** Loads the page maker; the app holds keys back until it is loaded. */
export async function loadPages(): Promise<void> {
  paginate ??= (await import('../core/paginate.js')).pageOf;
}

export function pagesLoaded(): boolean {
  return paginate !== undefined;
}

/** The article's page at this terminal width, as core/paginate.ts makes it. */
export function pageOf(article: Article, columns: number): Page {
  if (!paginate) throw new Error('a page was asked for before pages were loaded');
  return paginate(article, columns);
}
