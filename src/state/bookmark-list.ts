// Bookmarks joined with the library: newest first, each with its article, or marked missing when the
// article is gone (its saved title and link stand in for it).
import type { ArticleMeta } from '../core/article.js';
import type { Bookmark } from './data.js';

/** One bookmark as the lists show it. */
export interface BookmarkEntry {
  id: string;
  /** The article's title when it is in the library, else the title saved with the bookmark. */
  title: string;
  url: string | null;
  bookmarkedAt: string;
  missing: boolean;
  article: ArticleMeta | undefined;
}

/** Articles by id, once per library: a list of 100,000 is not searched once per bookmark. */
const indexes = new WeakMap<readonly ArticleMeta[], Map<string, ArticleMeta>>();

export function articleIndex(articles: readonly ArticleMeta[]): ReadonlyMap<string, ArticleMeta> {
  let index = indexes.get(articles);
  if (!index) {
    index = new Map(articles.map((article) => [article.id, article]));
    indexes.set(articles, index);
  }
  return index;
}

/** Every bookmark, newest first (ties by id, so the order is stable). */
export function bookmarkEntries(
  articles: readonly ArticleMeta[],
  bookmarks: ReadonlyMap<string, Bookmark>,
): BookmarkEntry[] {
  const index = articleIndex(articles);
  const entries: BookmarkEntry[] = [];
  for (const [id, bookmark] of bookmarks) {
    const article = index.get(id);
    entries.push({
      id,
      title: article?.title ?? bookmark.title,
      url: article?.url ?? bookmark.url,
      bookmarkedAt: bookmark.bookmarkedAt,
      missing: !article,
      article,
    });
  }
  return entries.sort((a, b) =>
    a.bookmarkedAt === b.bookmarkedAt
      ? a.id < b.id
        ? -1
        : 1
      : a.bookmarkedAt < b.bookmarkedAt
        ? 1
        : -1,
  );
}

/** A bookmark for `article`, made now. */
export function bookmarkOf(article: Pick<ArticleMeta, 'title' | 'url'>, at: Date): Bookmark {
  return { title: article.title, url: article.url, bookmarkedAt: at.toISOString() };
}
