import { describe, expect, it } from 'vitest';
import type { ArticleMeta } from '../../src/core/article.js';
import { libraryDiff, sameArticle } from '../../src/core/library-diff.js';
import { makeArticle } from '../helpers/articles.js';

const a = makeArticle({ id: 'a', date: '2024-03-03' });
const b = makeArticle({ id: 'b', date: '2024-02-02' });
const c = makeArticle({ id: 'c', date: '2024-01-01' });
const ids = (articles: readonly ArticleMeta[]) => articles.map((article) => article.id);

describe('libraryDiff', () => {
  it.each([
    { name: 'nothing changed', before: [a, b, c], after: [a, b, c], upsert: [], remove: [] },
    {
      name: 'the same articles read again',
      before: [a, b, c],
      after: [{ ...a }, { ...b }, { ...c }],
      upsert: [],
      remove: [],
    },
    { name: 'one removed', before: [a, b, c], after: [a, c], upsert: [], remove: ['b'] },
    {
      name: 'one added',
      before: [a, c],
      after: [a, b, c],
      upsert: ['b'],
      remove: [],
      order: ['a', 'b', 'c'],
    },
    {
      name: 'one changed on disk',
      before: [a, b, c],
      after: [a, { ...b, mtimeMs: 99 }, c],
      upsert: ['b'],
      remove: [],
      order: ['a', 'b', 'c'],
    },
    {
      name: 'a title changed',
      before: [a, b, c],
      after: [a, b, { ...c, title: 'New title' }],
      upsert: ['c'],
      remove: [],
      order: ['a', 'b', 'c'],
    },
    {
      name: 'a tag changed',
      before: [a, b, c],
      after: [a, { ...b, tags: ['new'] }, c],
      upsert: ['b'],
      remove: [],
      order: ['a', 'b', 'c'],
    },
    {
      name: 'the order changed',
      before: [a, b, c],
      after: [c, a, b],
      upsert: [],
      remove: [],
      order: ['c', 'a', 'b'],
    },
  ])('$name', ({ before, after, upsert, remove, order }) => {
    const diff = libraryDiff(before, after);
    expect(ids(diff.upsert)).toEqual(upsert);
    expect(diff.remove).toEqual(remove);
    expect(diff.order).toEqual(order);
  });

  it('tells the same file unchanged from another read of it', () => {
    expect(sameArticle(a, { ...a })).toBe(true);
    expect(sameArticle(a, { ...a, size: a.size + 1 })).toBe(false);
    expect(sameArticle(a, { ...a, path: '/elsewhere/a.md' })).toBe(false);
  });
});
