// The three lists Tab cycles through: the whole library, the unread articles, and the bookmarks (newest
// first, with stand-ins for bookmarked articles that are gone). Pure.
import type { Article, ArticleMeta } from '../core/article.js';
import { sanitizeLine } from '../core/sanitize.js';
import { bookmarkEntries, type BookmarkEntry } from '../state/bookmark-list.js';
import type { UserData } from '../state/data.js';

export type ListView = 'library' | 'unread' | 'bookmarks';

/** In the order Tab goes through them. */
export const VIEWS: readonly ListView[] = ['library', 'unread', 'bookmarks'];

/** What the header calls each list. */
export const VIEW_NAMES: Record<ListView, string> = {
  library: 'Library',
  unread: 'Unread',
  bookmarks: 'Bookmarks',
};

/** The rows of a list, and which of them stand in for articles no longer in the library. */
export interface ViewRows {
  shown: readonly ArticleMeta[];
  missing: ReadonlySet<string>;
}

const NONE: ReadonlySet<string> = new Set();

export function viewRows(
  view: ListView,
  articles: readonly ArticleMeta[],
  user: UserData,
): ViewRows {
  switch (view) {
    case 'library':
      // The library itself, not a copy: its column widths are measured once, for every move.
      return { shown: articles, missing: NONE };
    case 'unread':
      return { shown: articles.filter((article) => !user.read.has(article.id)), missing: NONE };
    case 'bookmarks': {
      const entries = bookmarkEntries(articles, user.bookmarks);
      return {
        shown: entries.map((entry) => entry.article ?? standIn(entry)),
        missing: new Set(entries.filter((entry) => entry.missing).map((entry) => entry.id)),
      };
    }
  }
}

/** A bookmarked article that is gone, as the list shows it: its saved title, "(missing)" for a byline. */
function standIn(entry: BookmarkEntry): ArticleMeta {
  // With an empty body of its own: there is no file to read one from.
  const article: Article = {
    id: entry.id,
    // Saved in the config file, which anyone could have edited: untrusted, like an article's text.
    title: sanitizeLine(entry.title),
    author: null,
    date: entry.bookmarkedAt.slice(0, 10),
    source: '(missing)',
    url: entry.url,
    tags: [],
    bio: null,
    body: '',
    words: 0,
    readingMinutes: 0,
    path: '',
    size: 0,
    mtimeMs: 0,
  };
  return article;
}

// Counting the unread of 100,000 articles takes a few milliseconds: once per library and set of read marks.
let counted:
  { articles: readonly ArticleMeta[]; read: UserData['read']; count: number } | undefined;

/** How many articles of the library are unread. */
export function unreadCount(articles: readonly ArticleMeta[], read: UserData['read']): number {
  // Before the store has loaded (the first frame) nothing is read: no need to look at each article.
  if (read.size === 0) return articles.length;
  if (counted?.articles !== articles || counted.read !== read) {
    let count = 0;
    for (const article of articles) if (!read.has(article.id)) count += 1;
    counted = { articles, read, count };
  }
  return counted.count;
}
