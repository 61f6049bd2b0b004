import { describe, expect, it } from 'vitest';
import { listRow } from '../../src/core/list-rows.js';
import { textWidth } from '../../src/core/text-width.js';
import { makeArticle } from '../helpers/articles.js';

const articles = [
  makeArticle({
    id: 'long',
    title: 'A very long title that goes on and on until no terminal can hold it on one row',
    source: 'A Publication With a Long Name',
    date: '2024-05-06',
    body: 'word '.repeat(2300),
  }),
  makeArticle({ id: 'wide', title: '日本語のとても長いタイトルがここにあります', author: 'Zoë' }),
  makeArticle({ id: 'bare', title: 'Bare' }),
];
const whole = (row: ReturnType<typeof listRow>) =>
  row.markers + row.date + row.title + row.by + row.time;

describe('listRow', () => {
  it('fills the width exactly and never more, at any width', () => {
    for (const width of [1, 3, 10, 20, 40, 60, 80, 120, 300]) {
      for (const article of articles) {
        const text = whole(listRow(articles, article, width, true));
        expect(textWidth(text)).toBeLessThanOrEqual(width);
        if (width >= 10) expect(textWidth(text)).toBe(width);
      }
    }
  });

  it('cuts the title with … and keeps date, source and time', () => {
    const row = listRow(articles, articles[0]!, 80, true);
    expect(row.markers).toBe('•  ');
    expect(row.date).toBe('2024-05-06  ');
    expect(row.title.trimEnd()).toMatch(/…$/);
    // The title keeps 36 columns before the source gets any: 80 − 3 − 12 − 8 − 2 − 36 = 19.
    expect(row.by.trim()).toBe('A Publication With…');
    expect(row.time.trim()).toBe('10 min');
  });

  it.each([
    { width: 120, by: 22 },
    { width: 90, by: 22 },
    { width: 80, by: 19 },
    { width: 70, by: 9 },
    { width: 66, by: 0 },
    { width: 61, by: 0 },
    { width: 60, by: 0 },
  ])('gives the title the room first: at $width columns the source has $by', ({ width, by }) => {
    const row = listRow(articles, articles[0]!, width, true);
    expect(textWidth(row.by)).toBe(by && by + 2);
    expect(row.time.trim()).toBe('10 min');
    expect(textWidth(row.markers + row.date + row.title + row.by + row.time)).toBe(width);
  });

  it('gives the byline up first on a narrow terminal, then time and date', () => {
    const narrow = listRow(articles, articles[0]!, 40, false);
    expect(narrow.markers).toBe('   ');
    expect(narrow.by).toBe('');
    expect(narrow.time.trim()).toBe('10 min');
    const tiny = listRow(articles, articles[0]!, 20, false);
    expect(tiny.date + tiny.time).toBe('');
    expect(tiny.title).toBe('A very long titl…');
  });
});
