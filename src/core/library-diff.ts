// What changed between two reads of the library, as a search index takes it in: the articles added or
// changed, the ids gone, and the order when it moved. Pure.
import type { ArticleMeta } from './article.js';

/** The changes from one library to the next (the shape of the search engine's `update`). */
export interface LibraryDiff {
  /** Articles new, or whose file or fields changed. */
  upsert: ArticleMeta[];
  /** Ids no longer in the library. */
  remove: string[];
  /** Every id in the new library's order, when the order is not the old one less the removed plus the new. */
  order?: string[];
}

/** Whether two reads of an article are the same file, unchanged, with the same fields. */
export function sameArticle(a: ArticleMeta, b: ArticleMeta): boolean {
  return (
    a === b ||
    (a.id === b.id &&
      a.path === b.path &&
      a.size === b.size &&
      a.mtimeMs === b.mtimeMs &&
      a.title === b.title &&
      a.author === b.author &&
      a.date === b.date &&
      a.source === b.source &&
      a.url === b.url &&
      a.bio === b.bio &&
      a.tags.length === b.tags.length &&
      a.tags.every((tag, k) => tag === b.tags[k]))
  );
}

export function libraryDiff(
  before: readonly ArticleMeta[],
  after: readonly ArticleMeta[],
): LibraryDiff {
  const old = new Map(before.map((article) => [article.id, article]));
  const ids = new Set<string>();
  const upsert: ArticleMeta[] = [];
  for (const article of after) {
    ids.add(article.id);
    const was = old.get(article.id);
    if (!was || !sameArticle(was, article)) upsert.push(article);
  }
  const remove = before.filter((article) => !ids.has(article.id)).map((article) => article.id);
  // The order matters for ties in ranking: given whenever the ids kept moved among themselves.
  const kept = before.filter((article) => ids.has(article.id)).map((article) => article.id);
  const keptAfter = after.filter((article) => old.has(article.id)).map((article) => article.id);
  const moved = upsert.length > 0 || kept.some((id, k) => id !== keptAfter[k]);
  return moved ? { upsert, remove, order: after.map((article) => article.id) } : { upsert, remove };
}
