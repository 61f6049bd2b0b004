// The reader's pages of articles the list holds without bodies: the body is read when a page is first
// made, and the last few articles read are kept, so that their pages (remembered by article) are reused.
import type { Article, ArticleMeta } from '../core/article.js';
import { pageOf } from '../core/paginate.js';
import { openArticle } from '../library/open-article.js';
import type { Paginate } from './state.js';

const KEPT = 16;
const opened = new Map<ArticleMeta, Article>();

/** The article with its body: read from its file, or a page saying why it cannot be. */
export function withBody(article: ArticleMeta): Article {
  if ('body' in article) return article as Article;
  const known = opened.get(article);
  if (known) {
    opened.delete(article);
    opened.set(article, known);
    return known;
  }
  const result = openArticle(article);
  const full = result.ok
    ? result.article
    : { ...article, body: `**This article cannot be opened.** ${markdownText(result.message)}` };
  opened.set(article, full);
  if (opened.size > KEPT) opened.delete(opened.keys().next().value!);
  return full;
}

/** pageOf for an article of the list. */
export const readerPage: Paginate = (article, columns, rows, measure, more) =>
  pageOf(withBody(article), columns, rows, measure, more);

/** Text shown as it is in Markdown: its punctuation escaped. */
function markdownText(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, '\\$&');
}
