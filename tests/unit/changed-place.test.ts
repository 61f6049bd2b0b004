import { describe, expect, it } from 'vitest';
import type { Line } from '../../src/core/layout.js';
import type { Page } from '../../src/core/page.js';
import { blockText, placeInChanged } from '../../src/ui/changed-place.js';

/** A page of one line per block, each line's text given. */
const pageOf = (texts: string[], complete: boolean): Page => ({
  columns: 80,
  width: 80,
  indent: 0,
  lines: texts.map((text, block): Line => ({ segments: [{ text, style: {} }], block })),
  quotes: [],
  complete,
  links: [],
});

describe('placeInChanged', () => {
  const old = pageOf(['one', 'two', 'three', 'four'], true);
  it.each([
    { name: 'a paragraph added above', now: ['new', 'one', 'two', 'three', 'four'], block: 3 },
    { name: 'one removed above', now: ['two', 'three', 'four'], block: 1 },
    { name: 'its own text changed', now: ['one', 'two', 'THREE', 'four'], block: 2 },
    { name: 'the same text twice: the nearest', now: ['three', 'one', 'two', 'three'], block: 3 },
  ])('goes to its paragraph once wrapped far enough: $name', ({ now, block }) => {
    const changed = { place: { block: 2, offset: 0 }, text: blockText(old.lines, 2, 2) };
    // Wrapped a line at a time: no answer until no nearer paragraph can come.
    let answer;
    for (let k = 1; k <= now.length && !answer; k++) {
      answer = placeInChanged(changed, pageOf(now.slice(0, k), k === now.length));
    }
    expect(answer).toEqual({ block, offset: 0 });
  });

  it('waits while the page is not wrapped past the place', () => {
    const changed = { place: { block: 2, offset: 0 }, text: 'three' };
    expect(placeInChanged(changed, pageOf(['new', 'one'], false))).toBeUndefined();
  });
});
