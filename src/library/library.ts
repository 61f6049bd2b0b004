// A library from its loaded files: id clashes settled in favour of the user's copy, newest first.
import { sortByNewest, type ArticleMeta } from '../core/article.js';
import type { LoadWarning } from './walk.js';

export interface Library {
  /** Newest first; bodies are read when an article is opened (src/library/open-article.ts). */
  articles: ArticleMeta[];
  warnings: LoadWarning[];
}

/** One loaded file: its article (none when it was skipped) and the index of its library folder. */
export interface LoadedFile {
  article: ArticleMeta | undefined;
  rank: number;
}

/** The articles to show, in the order of the list, and a warning for each one an id clash hides. */
export function settleLibrary(files: readonly LoadedFile[]): {
  articles: ArticleMeta[];
  warnings: LoadWarning[];
} {
  const warnings: LoadWarning[] = [];
  const byId = new Map<string, { article: ArticleMeta; rank: number }>();
  for (const { article, rank } of files) {
    if (!article) continue;
    const held = byId.get(article.id);
    if (!held) {
      byId.set(article.id, { article, rank });
      continue;
    }
    // A later folder (the user's, --library) wins; within one folder the first file does.
    const [winner, loser] = rank > held.rank ? [article, held.article] : [held.article, article];
    if (winner === article) byId.set(article.id, { article, rank });
    warnings.push({
      path: loser.path,
      message: `not shown: same id "${article.id}" as ${winner.path}`,
    });
  }
  const articles = sortByNewest([...byId.values()].map((held) => held.article));
  return { articles, warnings };
}

/** An article without its body: what the list keeps. */
export function metaOf<T extends ArticleMeta>(article: T): ArticleMeta {
  const { id, title, author, date, source, url, tags, bio, words, readingMinutes, path } = article;
  const { size, mtimeMs } = article;
  return {
    id,
    title,
    author,
    date,
    source,
    url,
    tags,
    bio,
    words,
    readingMinutes,
    path,
    size,
    mtimeMs,
  };
}
