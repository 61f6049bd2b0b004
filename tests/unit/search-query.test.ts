import { describe, expect, it } from 'vitest';
import { parseQuery, type QueryWord } from '../../src/core/search/query.js';

const word = (term: string, extra: Partial<QueryWord> = {}): QueryWord => ({
  term,
  match: 'fuzzy',
  field: null,
  negate: false,
  ...extra,
});

describe('parseQuery', () => {
  it.each([
    { query: '', expected: [] },
    { query: '   ', expected: [] },
    { query: 'spaceport', expected: [[word('spaceport')]] },
    { query: '  Putin   KIM ', expected: [[word('putin'), word('kim')]] },
    { query: 'Communiqué', expected: [[word('communique')]] },
    { query: "'port", expected: [[word('port', { match: 'include' })]] },
    { query: '=port', expected: [[word('port', { match: 'exact' })]] },
    { query: '^space', expected: [[word('space', { match: 'prefix' })]] },
    { query: 'port$', expected: [[word('port', { match: 'suffix' })]] },
    { query: '^port$', expected: [[word('port', { match: 'exact' })]] },
    { query: '!rain', expected: [[word('rain', { negate: true })]] },
    { query: "!'rain", expected: [[word('rain', { negate: true, match: 'include' })]] },
    {
      query: 'rocket | lighthouse keepers',
      expected: [[word('rocket')], [word('lighthouse'), word('keepers')]],
    },
    { query: 'a|b', expected: [[word('a')], [word('b')]] },
    { query: 'author:Brooks', expected: [[word('brooks', { field: 'author' })]] },
    { query: 'by:brooks', expected: [[word('brooks', { field: 'author' })]] },
    { query: 'source:orbital', expected: [[word('orbital', { field: 'source' })]] },
    { query: 'tag:space', expected: [[word('space', { field: 'tags' })]] },
    { query: 'TITLE:^dawn', expected: [[word('dawn', { field: 'title', match: 'prefix' })]] },
    {
      query: '!author:brooks',
      expected: [[word('brooks', { field: 'author', negate: true })]],
    },
    { query: 'author:!brooks', expected: [[word('brooks', { field: 'author', negate: true })]] },
    { query: 'tight-lipped', expected: [[word('tight'), word('lipped')]] },
    { query: '東京', expected: [[word('東'), word('京')]] },
    { query: 'rocket 🚀 …', expected: [[word('rocket')]] },
  ])('$query', ({ query, expected }) => {
    expect(parseQuery(query)).toEqual({ ok: true, query: expected });
  });

  it.each([
    { query: '|', hint: /\| needs words on both sides/ },
    { query: 'rocket |', hint: /\| needs words on both sides/ },
    { query: '| rocket', hint: /\| needs words on both sides/ },
    { query: 'a || b', hint: /\| needs words on both sides/ },
    { query: '!', hint: /^! needs a word: !sport$/ },
    { query: "'", hint: /^' needs a word/ },
    { query: '^', hint: /^\^ needs a word/ },
    { query: '$', hint: /^\$ needs a word: port\$$/ },
    { query: 'author:', hint: /^author: needs a word after it/ },
    {
      query: 'colour:red',
      hint: /^unknown field colour: \(try author:, source:, tag: or title:\)$/,
    },
  ])('cannot read $query', ({ query, hint }) => {
    const parsed = parseQuery(query);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(hint);
  });
});

describe('parseQuery: quoted phrases', () => {
  type Shape = {
    terms: string[];
    match: string;
    field: string | null;
    negate: boolean;
    open: boolean;
  };
  /** The phrase an alternative's words share, and each word's own match. */
  const shapeOf = (query: string) => {
    const parsed = parseQuery(query);
    if (!parsed.ok) return parsed;
    return parsed.query.map((words) =>
      words.map(({ term, match, field, negate, phrase }) => ({
        term,
        match,
        field,
        negate,
        phrase: phrase
          ? ({
              terms: phrase.terms,
              match: phrase.match,
              field: phrase.field,
              negate: phrase.negate,
              open: phrase.open,
            } satisfies Shape)
          : null,
      })),
    );
  };
  const phrase = (terms: string[], extra: Partial<Shape> = {}): Shape => ({
    terms,
    match: 'exact',
    field: null,
    negate: false,
    open: false,
    ...extra,
  });
  const inPhrase = (p: Shape, matches: string[]) =>
    p.terms.map((term, at) => ({
      term,
      match: matches[at],
      field: p.field,
      negate: false,
      phrase: p,
    }));
  const plain = (term: string, extra: Partial<QueryWord> = {}) => ({
    ...word(term),
    phrase: null,
    ...extra,
  });

  const two = phrase(['machine', 'learning']);
  it.each([
    { query: '"Machine Learning"', expected: [inPhrase(two, ['exact', 'exact'])] },
    { query: '="machine learning"', expected: [inPhrase(two, ['exact', 'exact'])] },
    {
      query: '\'"ine lear"',
      expected: [inPhrase(phrase(['ine', 'lear'], { match: 'include' }), ['suffix', 'prefix'])],
    },
    {
      query: '^"machine lea"',
      expected: [inPhrase(phrase(['machine', 'lea'], { match: 'prefix' }), ['exact', 'prefix'])],
    },
    {
      query: '"chine learning"$',
      expected: [inPhrase(phrase(['chine', 'learning'], { match: 'suffix' }), ['suffix', 'exact'])],
    },
    { query: '="machine learning"$', expected: [inPhrase(two, ['exact', 'exact'])] },
    {
      query: '!"machine learning"',
      expected: [inPhrase({ ...two, negate: true }, ['exact', 'exact'])],
    },
    {
      query: 'title:"machine learning"',
      expected: [inPhrase({ ...two, field: 'title' }, ['exact', 'exact'])],
    },
    {
      query: '!author:"ada lovelace"',
      expected: [
        inPhrase(phrase(['ada', 'lovelace'], { field: 'author', negate: true }), [
          'exact',
          'exact',
        ]),
      ],
    },
    {
      query: 'ai "machine  learning" models',
      expected: [[plain('ai'), ...inPhrase(two, ['exact', 'exact']), plain('models')]],
    },
    // Still being typed: the phrase runs to the end, its last word looked up as a typed word is.
    {
      query: '"machine lea',
      expected: [
        inPhrase(phrase(['machine', 'lea'], { match: 'fuzzy', open: true }), ['exact', 'fuzzy']),
      ],
    },
    { query: 'rocket "', expected: [[plain('rocket')]] },
    { query: '"', expected: [] },
    { query: '"rocket', expected: [[plain('rocket')]] },
    { query: '"rocket"', expected: [[plain('rocket', { match: 'exact' })]] },
    { query: '!"rocket"', expected: [[plain('rocket', { match: 'exact', negate: true })]] },
    { query: '\'"ocke"', expected: [[plain('ocke', { match: 'include' })]] },
    // A | inside quotes is part of the phrase (punctuation, so dropped), not a new alternative.
    {
      query: '"a | b" | c',
      expected: [inPhrase(phrase(['a', 'b']), ['exact', 'exact']), [plain('c')]],
    },
    {
      query: '"a b"s',
      expected: [[...inPhrase(phrase(['a', 'b']), ['exact', 'exact']), plain('s')]],
    },
  ])('$query', ({ query, expected }) => {
    expect(shapeOf(query)).toEqual(expected);
  });

  it.each([{ query: '""' }, { query: 'rocket ""' }, { query: 'title:""' }])(
    'empty quotes give a hint: $query',
    ({ query }) => {
      expect(parseQuery(query)).toEqual({ ok: false, error: '"" needs words inside: "two words"' });
    },
  );
});
