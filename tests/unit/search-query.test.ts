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
