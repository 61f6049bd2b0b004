// The warm-up draws made-up search frames off screen: it must draw them without failing, whatever the
// library (empty, one article, many), and change nothing of the app's state.
import { describe, expect, it } from 'vitest';
import { readerPage } from '../../src/ui/article-pages.js';
import { initialState } from '../../src/ui/state.js';
import { WARM_UP_FRAMES, WarmUp } from '../../src/ui/warm-up.js';
import { makeArticle } from '../helpers/articles.js';

const many = Array.from({ length: 40 }, (_, k) =>
  makeArticle({ id: `a${k}`, title: k % 2 ? `Title ${k}` : 'T', body: 'Short.' }),
);

describe('warming up', () => {
  it.each([
    ['no articles', []],
    ['one article', many.slice(0, 1)],
    ['many articles', many],
  ])('draws every step with %s, and changes nothing', (_name, articles) => {
    for (const size of [
      { columns: 80, rows: 24 },
      { columns: 20, rows: 3 },
    ]) {
      const state = initialState(articles, [], size, readerPage);
      const before = JSON.stringify(state);
      for (const color of [true, false, 'light'] as const) {
        const warmUp = new WarmUp(state, color);
        let steps = 0;
        while (warmUp.step()) steps++;
        expect(steps).toBe(WARM_UP_FRAMES);
      }
      // Stopped half way, it can be stopped again, and steps no more.
      const stopped = new WarmUp(state, true);
      stopped.step();
      stopped.stop();
      stopped.stop();
      expect(stopped.step()).toBe(false);
      expect(JSON.stringify(state)).toBe(before);
    }
  });
});
