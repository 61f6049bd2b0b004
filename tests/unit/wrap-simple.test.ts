import { describe, expect, it } from 'vitest';
import { simpleLineRanges } from '../../src/core/wrap-simple.js';
import { lineRanges } from '../../src/core/wrap.js';

/** A small seeded generator, so that a failure can be run again. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

// Narrow text is wrapped by scanning it; it must break exactly where the general way (tokens) does.
describe('simpleLineRanges', () => {
  const pieces = [
    'a',
    'bc',
    'word',
    'longerword',
    ' ',
    '  ',
    '(',
    ')',
    '.',
    '«',
    '»',
    '“',
    '”',
    '¿',
    '…',
  ];
  const texts = (seed: number, count: number, long: boolean) => {
    const next = random(seed);
    return Array.from({ length: count }, () => {
      const length = 1 + Math.floor(next() * 40);
      let text = '';
      for (let k = 0; k < length; k++) text += pieces[Math.floor(next() * pieces.length)]!;
      return long && next() < 0.3 ? text + 'x'.repeat(Math.floor(next() * 50)) : text;
    });
  };

  it.each([
    { firstRoom: 10, restRoom: 10, long: true },
    { firstRoom: 7, restRoom: 7, long: true },
    { firstRoom: 1, restRoom: 1, long: true },
    { firstRoom: 20, restRoom: 12, long: false },
    { firstRoom: 9, restRoom: 14, long: false },
  ])(
    'breaks as the general way does, $firstRoom then $restRoom columns',
    ({ firstRoom, restRoom, long }) => {
      for (const text of texts(firstRoom * 100 + restRoom, 2000, long)) {
        expect([text, simpleLineRanges(text, firstRoom, restRoom)]).toEqual([
          text,
          lineRanges(text, firstRoom, restRoom),
        ]);
      }
    },
  );

  it.each([
    { text: '', ranges: [[0, 0, false]] },
    { text: '   ', ranges: [[0, 0, false]] },
    {
      text: 'ab cd',
      ranges: [
        [0, 2, false],
        [3, 5, false],
      ],
    },
    {
      text: 'abcdefg',
      ranges: [
        [0, 3, false],
        [3, 6, false],
        [6, 7, false],
      ],
    },
  ])('wraps $text at 3 columns', ({ text, ranges }) => {
    expect(simpleLineRanges(text, 3, 3)).toEqual(ranges);
  });
});
