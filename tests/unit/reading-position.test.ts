import { describe, expect, it } from 'vitest';
import { layoutArticle } from '../../src/core/layout.js';
import { lineOf, placeOf } from '../../src/core/reading-position.js';
import { lineText } from '../../src/core/layout.js';
import { makeArticle, paragraphs } from '../helpers/articles.js';

const article = makeArticle({
  id: 'long',
  body: `${paragraphs(12)}\n\n> A quoted block that runs long enough to wrap over several lines at any width we try here.\n\n- one item that also wraps over more than a single line when the width is narrow\n- two`,
});

describe('reading positions', () => {
  it.each([30, 50, 80])('a place read at %i columns comes back to the same text', (width) => {
    const lines = layoutArticle(article, width);
    for (let top = 0; top < lines.length; top++) {
      expect(lineOf(lines, placeOf(lines, top))).toBe(top);
    }
  });

  it.each([
    [80, 30],
    [30, 80],
    [40, 72],
  ])('a place read at %i columns is found at %i, in the same block', (from, to) => {
    const before = layoutArticle(article, from);
    const after = layoutArticle(article, to);
    for (let top = 0; top < before.length; top += 3) {
      const place = placeOf(before, top);
      const line = after[lineOf(after, place)]!;
      expect(line.block).toBe(place.block);
      // The text at the top before is on the line found, or just above it.
      const word = lineText(before[top]!).trim().split(/\s+/)[0] ?? '';
      const near = [lineOf(after, place) - 1, lineOf(after, place)].map((y) =>
        after[y] ? lineText(after[y]) : '',
      );
      if (word.length > 3) expect(near.join(' ')).toContain(word);
    }
  });

  it('a block that is gone gives the nearest before it', () => {
    const lines = layoutArticle(article, 80);
    expect(lines[lineOf(lines, { block: 999, offset: 0 })]).toBe(lines.at(-1));
    expect(lineOf([], { block: 3, offset: 10 })).toBe(0);
  });
});
