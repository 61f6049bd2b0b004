// Article objects for tests that need no files: the model as the library would make it.
import { countWords, readingMinutes, type Article } from '../../src/core/article.js';

export function makeArticle(fields: Partial<Article> & { id: string }): Article {
  const body = fields.body ?? 'Some text.';
  const words = countWords(body);
  return {
    title: `Title of ${fields.id}`,
    author: null,
    date: null,
    source: null,
    url: null,
    tags: [],
    bio: null,
    words,
    readingMinutes: readingMinutes(words),
    path: `/library/${fields.id}.md`,
    size: body.length,
    mtimeMs: 0,
    ...fields,
    body,
  };
}

/** A body of `count` paragraphs, every third holding a quotation. */
export function paragraphs(count: number): string {
  return Array.from({ length: count }, (_, k) =>
    k % 3 === 1
      ? `Paragraph ${k} has words, and then she said “quotation number ${k} is here” and left.`
      : `Paragraph ${k} is plain prose with enough words in it to wrap over more than one line.`,
  ).join('\n\n');
}
