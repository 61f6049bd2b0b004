import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/core/search/build-index.js';
import { searchIndex } from '../../src/core/search/search.js';
import type { SearchHit } from '../../src/core/search/types.js';
import { makeArticle } from '../helpers/articles.js';

// A small library where the same two words stand together in some articles and apart in others.
const library = [
  makeArticle({
    id: 'title-phrase',
    title: 'Machine Learning for Lighthouse Keepers',
    body: 'Keepers once trimmed wicks by hand. Now the lamps decide.',
  }),
  makeArticle({
    id: 'body-phrase',
    title: 'The quiet coast',
    body: 'First paragraph about tides.\n\nLater on, the keepers tried machine\nlearning on the fog horns, with mixed results.',
  }),
  makeArticle({
    id: 'apart',
    title: 'A learning curve',
    body: 'The machine was loud. Nobody was learning anything from it.',
  }),
  makeArticle({
    id: 'across-fields',
    title: 'Notes on the machine',
    author: 'Learning Press',
    body: 'Nothing about it here.',
  }),
  makeArticle({
    id: 'reversed',
    title: 'Learning machine parts',
    body: 'Gears and belts.',
  }),
  makeArticle({
    id: 'accents',
    title: 'Le Communiqué Final',
    tags: ['politics', 'machine learning'],
    body: 'Signed at dawn, the communiqué final was short.',
  }),
];
const index = buildIndex(library);

function answer(query: string, limit?: number) {
  const found = searchIndex(index, query, limit);
  if (!found.ok) throw new Error(found.error);
  return found;
}
const ids = (query: string) => answer(query).hits.map((hit) => hit.id);
const hitOf = (query: string, id: string): SearchHit =>
  answer(query).hits.find((hit) => hit.id === id)!;
const slices = (text: string, ranges: ReadonlyArray<{ start: number; end: number }>) =>
  ranges.map((range) => text.slice(range.start, range.end));

describe('search: quoted phrases', () => {
  it.each([
    // Title hits first, then the body hit (its words across a line break); words apart, in other fields
    // or the other way round are not the phrase.
    { query: '"machine learning"', expected: ['title-phrase', 'accents', 'body-phrase'] },
    { query: '"MACHINE LEARNING"', expected: ['title-phrase', 'accents', 'body-phrase'] },
    {
      query: 'machine learning',
      expected: ['title-phrase', 'body-phrase', 'apart', 'across-fields', 'reversed', 'accents'],
    },
    { query: '"learning machine"', expected: ['reversed'] },
    { query: 'title:"machine learning"', expected: ['title-phrase'] },
    { query: 'body:"machine learning"', expected: ['body-phrase'] },
    { query: 'tag:"machine learning"', expected: ['accents'] },
    { query: 'machine !"machine learning"', expected: ['apart', 'across-fields', 'reversed'] },
    { query: '"communique final"', expected: ['accents'] },
    {
      query: '!"machine learning"',
      expected: ['apart', 'across-fields', 'reversed'],
    },
    { query: '="chine learning"$', expected: [] },
    { query: '"machine learn', expected: ['title-phrase', 'accents', 'body-phrase'] },
    { query: '"machine learn"', expected: [] },
    { query: '^"machine learn"', expected: ['title-phrase', 'accents', 'body-phrase'] },
    { query: '\'"chine learn"', expected: ['title-phrase', 'accents', 'body-phrase'] },
    { query: '"chine learning"$', expected: ['title-phrase', 'accents', 'body-phrase'] },
    { query: '"the keepers tried"', expected: ['body-phrase'] },
    { query: '"keepers tried" | "learning machine"', expected: ['reversed', 'body-phrase'] },
    { query: '"the machine was"', expected: ['apart'] },
    { query: '"machine was loud nobody"', expected: ['apart'] },
  ])('$query', ({ query, expected }) => {
    expect(ids(query).sort()).toEqual([...expected].sort());
  });

  it('keeps the title highlight of a word beside a phrase found in the body', () => {
    const hit = hitOf('coast "machine learning"', 'body-phrase');
    expect(slices('The quiet coast', hit.titleRanges)).toEqual(['coast']);
    expect(hit.snippet?.text).toContain('machine learning');
  });

  it('ranks a phrase in the title above one in the body', () => {
    expect(ids('"machine learning"')[0]).toBe('title-phrase');
    expect(ids('"machine learning"').at(-1)).toBe('body-phrase');
  });

  it('marks the phrase in the title, the tags and the snippet, and hands it to the reader whole', () => {
    const title = hitOf('"machine learning"', 'title-phrase');
    expect(slices(library[0]!.title, title.titleRanges)).toEqual(['Machine Learning']);
    expect(title.terms).toEqual(['Machine Learning']);
    const body = hitOf('"machine learning"', 'body-phrase');
    expect(slices(body.snippet!.text, body.snippet!.ranges)).toEqual(['machine learning']);
    expect(body.terms).toEqual(['machine learning']);
    const tags = hitOf('"machine learning"', 'accents').matches.find((m) => m.field === 'tags')!;
    expect(slices('politics, machine learning', tags.ranges)).toEqual(['machine learning']);
    const accents = hitOf('"communique final"', 'accents');
    expect(slices('Le Communiqué Final', accents.titleRanges)).toEqual(['Communiqué Final']);
  });

  it('marks only the part an operator matched', () => {
    const hit = hitOf('\'"chine learn"', 'title-phrase');
    expect(slices(library[0]!.title, hit.titleRanges)).toEqual(['chine Learn']);
    expect(hit.terms).toEqual(['Machine Learning']);
  });

  it('counts exactly when every candidate is checked', () => {
    expect(answer('"machine learning"', 1)).toMatchObject({ total: 3 });
    expect(answer('"machine learning"', 1)).not.toHaveProperty('approximate');
  });

  it('treats a quote still open as a phrase to the end, and a lone quote as nothing yet', () => {
    expect(ids('machine "')).toEqual(ids('machine'));
    expect(searchIndex(index, '""')).toEqual({
      ok: false,
      error: '"" needs words inside: "two words"',
    });
  });

  it('checks the best candidates only when there are many, and says the count is an estimate', () => {
    const many = Array.from({ length: 200 }, (_, k) =>
      makeArticle({
        id: `many-${k}`,
        body: k % 2 === 0 ? 'a red kite over the hill' : 'a kite, red and old, over the hill',
      }),
    );
    const large = buildIndex(many);
    const few = searchIndex(large, '"red kite"', 5);
    expect(few).toMatchObject({ ok: true, approximate: true });
    if (!few.ok) return;
    expect(few.hits).toHaveLength(5);
    // Half of the 32 checked held it: the rest is counted at that share.
    expect(few.total).toBe(100);
    // Asked for them all (as the command does), every candidate is checked.
    expect(searchIndex(large, '"red kite"')).toMatchObject({ total: 100 });
    expect(searchIndex(large, '"red kite"')).not.toHaveProperty('approximate');
  });
});
