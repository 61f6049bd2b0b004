import { describe, expect, it } from 'vitest';
import { typoDistance, Vocabulary } from '../../src/core/search/vocabulary.js';

describe('typoDistance', () => {
  it.each([
    { a: 'spaceport', b: 'spaceport', most: 2, distance: 0 },
    { a: 'spaceprot', b: 'spaceport', most: 2, distance: 1 },
    { a: 'sovreignty', b: 'sovereignty', most: 2, distance: 1 },
    { a: 'hegemonik', b: 'hegemonic', most: 2, distance: 1 },
    { a: 'lighthousse', b: 'lighthouse', most: 2, distance: 1 },
    { a: 'anzlaone', b: 'anzalone', most: 2, distance: 1 },
    { a: 'kitten', b: 'sitting', most: 3, distance: 3 },
    { a: 'kitten', b: 'sitting', most: 1, distance: 2 },
    { a: 'a', b: 'abcd', most: 1, distance: 2 },
  ])('$a → $b', ({ a, b, most, distance }) => {
    expect(typoDistance(a, b, most)).toBe(distance);
  });
});

describe('Vocabulary.match', () => {
  const vocabulary = new Vocabulary();
  for (const term of ['space', 'spaceport', 'spaces', 'port', 'sport', 'passport', 'hegemonic']) {
    vocabulary.add(term);
  }
  vocabulary.seal();
  const terms = (word: string, how: Parameters<Vocabulary['match']>[1]) =>
    vocabulary
      .match(word, how)
      .map((match) => vocabulary.terms[match.id])
      .sort();

  it.each([
    { word: 'space', how: 'fuzzy', expected: ['space', 'spaceport', 'spaces'] },
    { word: 'spaceprot', how: 'fuzzy', expected: ['spaceport'] },
    { word: 'hegemonik', how: 'fuzzy', expected: ['hegemonic'] },
    { word: 'spo', how: 'fuzzy', expected: ['sport'] },
    { word: 'space', how: 'exact', expected: ['space'] },
    { word: 'port', how: 'include', expected: ['passport', 'port', 'spaceport', 'sport'] },
    { word: 'port', how: 'suffix', expected: ['passport', 'port', 'spaceport', 'sport'] },
    { word: 'spa', how: 'prefix', expected: ['space', 'spaceport', 'spaces'] },
    { word: 'zebra', how: 'fuzzy', expected: [] },
  ] as const)('$word ($how)', ({ word, how, expected }) => {
    expect(terms(word, how)).toEqual(expected);
  });

  it('finds a term by its id and its id by the term, for words of any script', () => {
    const mixed = new Vocabulary();
    const ids = ['cafe', '東', 'zoe', 'naive'].map((term) => mixed.add(term));
    expect(ids).toEqual([0, 1, 2, 3]);
    expect(mixed.idOf('東')).toBe(1);
    expect(mixed.addRange('A NAIVE one', 2, 7)).toBe(3);
    expect(mixed.idOf('missing')).toBe(-1);
  });
});
