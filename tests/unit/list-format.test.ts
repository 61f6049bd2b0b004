import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/article.js';
import { makeArticle } from '../helpers/articles.js';
import { textWidth } from '../../src/core/text-width.js';
import { formatList } from '../../src/commands/list.js';

// Reading times as given, not counted from a body.
const article = (fields: Partial<Article> & { id: string }) => makeArticle({ body: '', ...fields });

const articles = [
  article({
    id: 'first',
    title: 'A short title',
    date: '2024-01-02T10:00:00Z',
    source: 'Daily',
    readingMinutes: 3,
  }),
  article({
    id: 'a-much-longer-identifier',
    title: 'A much longer title that will need to be cut on a narrow terminal',
    author: 'Ann Author',
    readingMinutes: 12,
  }),
  article({
    id: 'cjk',
    title: '日本語のタイトルはとても長いです',
    source: '新聞',
    date: '2023-05-06',
    readingMinutes: 1,
  }),
];
const plain = (text: string) => text;

describe('formatList', () => {
  it('prints every column uncut when not on a terminal', () => {
    expect(formatList(articles, undefined, plain).split('\n')).toEqual([
      '2024-01-02  A short title                                                      Daily        3 min  first',
      '            A much longer title that will need to be cut on a narrow terminal  Ann Author  12 min  a-much-longer-identifier',
      '2023-05-06  日本語のタイトルはとても長いです                                   新聞         1 min  cjk',
      '',
    ]);
  });

  it('cuts titles to fit a terminal and drops the id column when it does not fit', () => {
    const lines = formatList(articles, 60, plain).trimEnd().split('\n');
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(60);
    expect(lines[1]).toMatch(/^ {12}A much longer title that wi… {2}Ann Author {2}12 min$/);
    expect(lines.join('\n')).not.toContain('a-much-longer-identifier');
  });

  it('keeps the id column on a wide terminal', () => {
    const lines = formatList(articles, 140, plain).trimEnd().split('\n');
    expect(lines[1]).toMatch(/a-much-longer-identifier$/);
  });

  it('never passes the width of a tiny terminal', () => {
    for (const width of [1, 5, 20, 33]) {
      for (const line of formatList(articles, width, plain).trimEnd().split('\n')) {
        expect(textWidth(line)).toBeLessThanOrEqual(width);
      }
    }
  });
});
