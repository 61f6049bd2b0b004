// Bodies on demand: the list holds articles without them, and an article opened or shown is read again
// from its file here. A file gone or broken since the list was made gives a message, never a crash.
import type { Article, ArticleMeta } from '../core/article.js';
import { sanitizeLine } from '../core/sanitize.js';
import { loadArticle } from './load.js';

/** An article read whole, or why it cannot be. */
export type Opened = { ok: true; article: Article } | { ok: false; message: string };

/** Reads the article's file again, body and all; the id stays the list's, which marks and places use. */
export function openArticle(meta: ArticleMeta): Opened {
  const warnings: { path: string; message: string }[] = [];
  // The list's words were counted from the file as it was then: counting a long body again is the longest
  // part of opening it.
  const article = loadArticle(meta.path, warnings, meta);
  if (article) return { ok: true, article: { ...article, id: meta.id } };
  const reason = (warnings[0]?.message ?? 'cannot be read').replace(/^skipped: /, '');
  const why = reason.includes('ENOENT')
    ? 'the file is gone (moved or deleted since the list was made)'
    : reason;
  return { ok: false, message: sanitizeLine(`${meta.path}: ${why}`) };
}

/** Every article with its body, for a whole-library search; an unreadable one has an empty body. */
export function withBodies(metas: readonly ArticleMeta[]): Article[] {
  return metas.map((meta) => {
    const opened = openArticle(meta);
    return opened.ok ? opened.article : { ...meta, body: '' };
  });
}
