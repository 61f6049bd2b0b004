// sortByNewest gives byNewest's order, its keys worked out once.
import { describe, expect, it } from 'vitest';
import { byNewest, sortByNewest } from '../../src/core/article.js';
import { makeArticle } from '../helpers/articles.js';

describe('sortByNewest', () => {
  it('orders as byNewest does: day, then time in the day, undated last, then title', () => {
    const dates = [
      '2024-01-02',
      '2024-01-02T10:00:00Z',
      '2024-01-02T12:00:00+02:00',
      '2024-01-02 09:00',
      '2023-12-31',
      null,
      '2024-01-02',
      null,
      '2024-01-03T00:30:00+05:00',
    ];
    const articles = dates.map((date, k) =>
      makeArticle({ id: `a${k}`, title: `T${(k * 7) % 5}`, date }),
    );
    const expected = [...articles].sort(byNewest).map((a) => a.id);
    expect(sortByNewest([...articles]).map((a) => a.id)).toEqual(expected);
    expect(sortByNewest([...articles].reverse()).map((a) => a.id)).toEqual(expected);
  });
});
