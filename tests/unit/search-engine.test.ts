import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/core/search/build-index.js';
import { prepareSearch, searchIndex } from '../../src/core/search/search.js';
import { rememberedWords } from '../../src/core/search/word-results.js';
import type { SearchHit } from '../../src/core/search/types.js';
import { loadLibrary } from '../../src/library/load.js';
import { withBodies } from '../../src/library/open-article.js';
import { makeArticle } from '../helpers/articles.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/search/', import.meta.url));
const CONTENT = fileURLToPath(new URL('../../content/', import.meta.url));
const library = withBodies(loadLibrary([{ dir: FIXTURES, required: true }]).articles);
const index = buildIndex(library);
const SEED_ID = '2023-09-13-russias-putin-and-n-koreas-kim-hold-talks';

function hits(query: string, limit?: number): SearchHit[] {
  const answer = searchIndex(index, query, limit);
  if (!answer.ok) throw new Error(answer.error);
  return answer.hits;
}
const ids = (query: string) => hits(query).map((hit) => hit.id);
const titleOf = (id: string) => library.find((article) => article.id === id)!.title;
const slices = (text: string, ranges: ReadonlyArray<{ start: number; end: number }>) =>
  ranges.map(({ start, end }) => text.slice(start, end));

describe('search: which articles, in which order', () => {
  it.each([
    // Title hits first, then body hits by score, ties in the library's order (newest first).
    {
      query: 'launch',
      expected: ['launch-day', 'cosmodrome-at-dawn', 'rockets-and-cafes', 'notes-from-the-garden'],
    },
    { query: 'lighthouse', expected: ['twin-newer', 'twin-older'] },
    // Case and diacritics do not matter, either way round.
    { query: 'communique', expected: ['harbour-communique', 'cosmodrome-at-dawn'] },
    { query: 'COMMUNIQUÉ', expected: ['harbour-communique', 'cosmodrome-at-dawn'] },
    { query: 'elodie', expected: ['cosmodrome-at-dawn'] },
    { query: 'naive resumes', expected: ['rockets-and-cafes'] },
    // Every word must match somewhere, in any field.
    { query: 'brooks lighthouse', expected: ['twin-newer', 'twin-older'] },
    { query: 'brooks rocket', expected: ['notes-from-the-garden'] },
    { query: 'brooks zebra', expected: [] },
    // A word is also the start of longer words.
    { query: 'harb', expected: ['harbour-communique'] },
    // Scripts without spaces: each character is a word.
    { query: '東京', expected: ['tokyo-morning'] },
    { query: '駅', expected: ['tokyo-morning'] },
    // Extended syntax.
    { query: "'omm", expected: ['harbour-communique', 'tokyo-morning', 'cosmodrome-at-dawn'] },
    { query: '=rocket', expected: ['notes-from-the-garden', 'launch-day'] },
    { query: '^harb', expected: ['harbour-communique'] },
    { query: 'port$', expected: ['twin-newer', 'twin-older', 'cosmodrome-at-dawn'] },
    { query: 'author:brooks !rain', expected: ['harbour-communique', 'twin-newer', 'twin-older'] },
    { query: 'tag:space', expected: ['cosmodrome-at-dawn', 'launch-day'] },
    {
      query: 'author:ian | author:zoe',
      expected: [
        'harbour-communique',
        'rockets-and-cafes',
        'twin-newer',
        'twin-older',
        'notes-from-the-garden',
      ],
    },
    { query: 'source:orbital !tag:space', expected: ['rockets-and-cafes'] },
    { query: 'title:report', expected: ['twin-newer', 'twin-older'] },
    { query: 'body:report', expected: [] },
  ])('$query', ({ query, expected }) => {
    expect(ids(query)).toEqual(expected);
  });

  it.each([
    { typo: 'spaceprot', id: 'cosmodrome-at-dawn', term: 'spaceport' },
    { typo: 'sovreignty', id: 'harbour-communique', term: 'sovereignty' },
    { typo: 'hegemonik', id: 'launch-day', term: 'hegemonic' },
    { typo: 'lighthousse', id: 'twin-newer', term: 'lighthouse' },
    { typo: 'comunique', id: 'harbour-communique', term: 'communique' },
    { typo: 'torchlihgt', id: 'cosmodrome-at-dawn', term: 'torchlight' },
  ])('forgives $typo', ({ typo, id, term }) => {
    const [first] = hits(typo);
    expect(first).toMatchObject({ id, terms: [term] });
  });

  it('answers first keystrokes prepared ahead exactly as it would have', () => {
    const fresh = buildIndex(library);
    const before = ['l', 'r', 'c', 'é'].map((query) => searchIndex(fresh, query));
    expect(prepareSearch(fresh)).toBe(false);
    expect(['l', 'r', 'c', 'é'].map((query) => searchIndex(fresh, query))).toEqual(before);
  });

  it("keeps a user's remembered word answers while preparing, and none of its own queries'", () => {
    const fresh = buildIndex(library);
    // Asked while the worker prepares, between its slices.
    searchIndex(fresh, 'lighthouse');
    const asked = rememberedWords(fresh);
    expect(asked.size).toBeGreaterThan(0);
    while (prepareSearch(fresh, 0)) searchIndex(fresh, 'communique');
    const words = [...rememberedWords(fresh)];
    expect(words).toEqual(expect.arrayContaining([...asked]));
    expect(words.filter((word) => !asked.has(word))).toEqual([
      expect.stringContaining('communique'),
    ]);
  });

  it('counts every hit when the limit cuts them', () => {
    const answer = searchIndex(index, 'launch', 2);
    expect(answer).toMatchObject({ ok: true, total: 4 });
    expect(answer.ok && answer.hits.map((hit) => hit.id)).toEqual([
      'launch-day',
      'cosmodrome-at-dawn',
    ]);
  });

  it('answers blank and punctuation-only queries with nothing, bad ones with a hint', () => {
    expect(searchIndex(index, '   ')).toEqual({ ok: true, hits: [], total: 0 });
    expect(searchIndex(index, '🚆 …')).toEqual({ ok: true, hits: [], total: 0 });
    expect(searchIndex(index, 'rocket |')).toMatchObject({ ok: false, error: expect.any(String) });
  });

  it('finds the seed article by its misspelt words', () => {
    const seedIndex = buildIndex(
      withBodies(loadLibrary([{ dir: CONTENT, required: true }]).articles),
    );
    for (const typo of ['spaceprot', 'sovreignty', 'anzalon', 'hegemonik']) {
      const answer = searchIndex(seedIndex, typo);
      expect(answer.ok && answer.hits.map((hit) => hit.id)).toEqual([SEED_ID]);
    }
  });
});

describe('search: highlights land on the characters shown', () => {
  it.each([
    { query: 'cafe', id: 'rockets-and-cafes', title: ['café'] },
    { query: 'naive resumes', id: 'rockets-and-cafes', title: ['naïve', 'résumés'] },
    { query: 'rocket', id: 'rockets-and-cafes', title: ['Rocket'] },
    { query: 'communique', id: 'harbour-communique', title: ['Communiqué'] },
    { query: '東京', id: 'tokyo-morning', title: ['東京'] },
    { query: 'train', id: 'tokyo-morning', title: ['train'] },
    { query: "'arbo", id: 'harbour-communique', title: ['arbo'] },
    { query: 'port$', id: 'twin-newer', title: ['port'] },
  ])('title: $query in $id', ({ query, id, title }) => {
    const hit = hits(query).find((candidate) => candidate.id === id)!;
    expect(slices(titleOf(id), hit.titleRanges)).toEqual(title);
    expect(hit.matches.find((match) => match.field === 'title')?.ranges).toEqual(hit.titleRanges);
  });

  it.each([
    { query: 'elodie', field: 'author', text: 'Élodie Marchand', shown: ['Élodie'] },
    { query: 'zoe', field: 'author', text: 'Zoë Ashford', shown: ['Zoë'] },
    { query: 'source:coastal', field: 'source', text: 'Coastal Weekly', shown: ['Coastal'] },
    { query: '鉄道', field: 'tags', text: 'japan, 鉄道', shown: ['鉄道'] },
  ])('$field: $query', ({ query, field, text, shown }) => {
    const match = hits(query)[0]!.matches.find((candidate) => candidate.field === field)!;
    expect(slices(text, match.ranges)).toEqual(shown);
  });
});

describe('search: snippets', () => {
  it.each([
    {
      query: 'spaceprot',
      text: 'Before sunrise the spaceport is quiet. Engineers walk the gantry, checking valves by torchlight.',
      marked: ['spaceport'],
    },
    {
      query: 'crepes',
      text: 'The café beside the launch pad 🚀 serves crêpes to engineers who write résumés between shifts.',
      marked: ['crêpes'],
    },
    {
      query: '駅',
      text: '朝の東京駅はとても静かです。 The first train leaves at five, and the platform smells of coffee.',
      marked: ['駅'],
    },
    {
      query: 'whisper',
      text: 'Commuters 🚆 read on their phones; nobody speaks above a whisper.',
      marked: ['whisper'],
    },
    // Markup is not shown: emphasis marks go, the words stay.
    {
      query: 'visitor',
      text: 'A naïve visitor once asked whether the rockets were real.',
      marked: ['visitor'],
    },
  ])('$query', ({ query, text, marked }) => {
    const snippet = hits(query)[0]!.snippet!;
    expect(snippet.text).toBe(text);
    expect(slices(snippet.text, snippet.ranges)).toEqual(marked);
  });

  it('cuts a long paragraph at word boundaries around the match, marked with …', () => {
    const words = Array.from({ length: 60 }, (_, k) => `word${k}`);
    words[30] = 'needle';
    const article = makeArticle({ id: 'long', body: words.join(' ') });
    const answer = searchIndex(buildIndex([article]), 'needle');
    const { text, ranges } = (answer.ok && answer.hits[0]!.snippet) || { text: '', ranges: [] };
    expect(text.startsWith('…word')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(
      text
        .slice(1, -1)
        .split(' ')
        .every((word) => words.includes(word)),
    ).toBe(true);
    expect(slices(text, ranges)).toEqual(['needle']);
  });

  it('prefers the passage where the query words meet', () => {
    const body = ['alpha one two three.', 'filler '.repeat(40), 'alpha beta together here.'].join(
      '\n\n',
    );
    const index = buildIndex([makeArticle({ id: 'meet', body })]);
    const answer = searchIndex(index, 'alpha beta');
    const snippet = answer.ok ? answer.hits[0]!.snippet! : null;
    expect(snippet?.text).toBe('alpha beta together here.');
    expect(slices(snippet!.text, snippet!.ranges)).toEqual(['alpha', 'beta']);
  });

  it('joins the lines of a paragraph and squeezes its spaces, the marks moved with the text', () => {
    const body = 'A paragraph  wrapped\nover   lines, with a Néedle\n  inside.\n\nAnother one.';
    const answer = searchIndex(buildIndex([makeArticle({ id: 'lines', body })]), 'needle over');
    const snippet = answer.ok ? answer.hits[0]!.snippet! : null;
    expect(snippet?.text).toBe('A paragraph wrapped over lines, with a Néedle inside.');
    expect(slices(snippet!.text, snippet!.ranges)).toEqual(['over', 'Néedle']);
  });

  it('has none when only the short fields matched', () => {
    expect(hits('elodie')[0]!.snippet).toBeNull();
  });
});

describe('search: a short word beside a rarer one, and queries asked again', () => {
  // Forty articles: "zebra" in eight of them, words starting "ca" in every one, "cab" in a few.
  const many = Array.from({ length: 40 }, (_, k) =>
    makeArticle({
      id: `a${k}`,
      title: k % 13 === 0 ? `Cabins ${k}` : `Note ${k}`,
      body: `${k % 5 === 3 ? 'The zebra crossed. ' : ''}A cat, a car and ${k % 7 === 0 ? 'a cab' : 'a canal'} by ${k % 2 ? 'calm' : 'still'} water.`,
    }),
  );
  const answers = (index: ReturnType<typeof buildIndex>, queries: string[]) =>
    queries.map((query) => searchIndex(index, query, 10));

  it.each(['zebra ca', 'zebra cab', 'ca zebra', 'zebra c', 'zebra ca | cab', 'zebra ca !canal'])(
    '"%s" answers the same whether the short word was looked up alone first or not',
    (query) => {
      const narrowed = answers(buildIndex(many), ['zebra', query]);
      const short = query.split(' ').find((word) => /^[a-z]{1,3}$/.test(word))!;
      const whole = answers(buildIndex(many), ['zebra', short, query]);
      expect(narrowed[1]).toEqual(whole[2]);
      expect(narrowed[1]!.ok && narrowed[1]!.total).toBeGreaterThan(0);
    },
  );

  // Two words matching one term differently ("zebra" all of it, "ze" its first two letters): the
  // highlights keep both, and warming up (which asks such queries) changes no answer.
  it.each(['zebra ze', 'zebra z', 'c cabins', 'cabins ca', 'calm ca | cab'])(
    '"%s" answers the same after the warm-up as on a fresh index',
    (query) => {
      const whole = searchIndex(buildIndex(many), query, 10);
      const warmed = buildIndex(many);
      expect(prepareSearch(warmed)).toBe(false);
      expect(searchIndex(warmed, query, 10)).toEqual(whole);
      expect(whole.ok && whole.total).toBeGreaterThan(0);
    },
  );

  it('a query asked again, and after a longer one, answers as the first time', () => {
    const index = buildIndex(many);
    const first = answers(index, ['c', 'ca', 'cab', 'ca', 'c']);
    expect(first[3]).toEqual(first[1]);
    expect(first[4]).toEqual(first[0]);
    // A smaller limit first, then a larger: the larger is not cut to the remembered ranking.
    const fresh = buildIndex(many);
    const small = searchIndex(fresh, 'ca', 2);
    const large = searchIndex(fresh, 'ca', 200);
    expect(small.ok && small.hits.length).toBe(2);
    expect(large).toEqual(searchIndex(buildIndex(many), 'ca', 200));
    // Hits described once are answered again as they were, a smaller limit taking the first of them.
    expect(searchIndex(fresh, 'ca', 2)).toEqual({ ...small, total: large.ok && large.total });
    expect(searchIndex(fresh, 'ca', 200)).toEqual(large);
    // Asked again after many other queries (its described hits forgotten, its ranking kept): the same.
    for (const other of [
      'zebra',
      'cab',
      'calm',
      'still',
      'water',
      'canal',
      'car',
      'cat',
      'note',
      'by',
    ]) {
      searchIndex(fresh, other, 10);
    }
    expect(searchIndex(fresh, 'ca', 200)).toEqual(large);
  });
});
