// The articles the reader benchmarks open: the bundled seed article, and a 200 KB one made as the library
// makes an article from a file (front matter, sanitizing, word count).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../src/core/article.js';
import { loadArticle, type LoadWarning } from '../src/library/load.js';
import { parseArticle } from '../src/library/parse-article.js';
import { longArticle } from './long-article.js';

/** The bundled article about the Putin–Kim talks (in `content`), the oldest and longest seed article. */
export function seedArticle(content: string): Article {
  const name = readdirSync(content).find((file) => file.startsWith('2023-09-13-'));
  if (!name) throw new Error(`no 2023-09-13 article in ${content}`);
  const warnings: LoadWarning[] = [];
  const article = loadArticle(join(content, name), warnings);
  if (!article) throw new Error(`${name}: ${warnings.map((w) => w.message).join('; ')}`);
  return article;
}

/** An article whose body is `bytes` of the made-up long Markdown, with a full front matter. */
export function longArticleFile(bytes: number): Article {
  const raw = [
    '---',
    'title: "A long read: the quiet terminal, measured"',
    'author: Bench Writer',
    'date: 2024-01-02',
    'source: The Bench Quarterly',
    'url: https://example.com/long-read',
    'bio: "Bench Writer writes very long articles for benchmarks."',
    'tags: [bench, long]',
    '---',
    longArticle(bytes),
    '',
  ].join('\n');
  const result = parseArticle(raw, '/bench/long-read.md', 'long-read');
  if (!result.ok) throw new Error(`the long article does not parse: ${result.reason}`);
  return { ...result.article, size: raw.length, mtimeMs: 0 };
}

/** A fresh object with the same fields: the reader's page cache is per article object. */
export function fresh(article: Article): Article {
  return { ...article, tags: [...article.tags] };
}

/** `count` articles made from `article`, each with an id, a title and a day of its own, newest first. */
export function manyArticles(article: Article, count: number): Article[] {
  const day = Date.UTC(2026, 0, 1);
  return Array.from({ length: count }, (_, k) => ({
    ...article,
    id: `article-${k}`,
    title: `${k}: ${article.title}`,
    date: new Date(day - k * 3_600_000).toISOString(),
  }));
}
