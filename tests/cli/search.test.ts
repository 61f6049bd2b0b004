import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/search/', import.meta.url));
const SEED_ID = '2023-09-13-russias-putin-and-n-koreas-kim-hold-talks';
const search = (...args: string[]) => runCli(['search', '--library', FIXTURES, ...args]);
/** Characters (code points) [start, end) of a text, as a script in most languages counts them. */
const cut = (text: string, { start, end }: { start: number; end: number }) =>
  [...text].slice(start, end).join('');

interface JsonHit {
  id: string;
  title: string;
  author: string | null;
  date: string | null;
  score: number;
  snippet: string | null;
  matches: Array<{ field: string; ranges: Array<{ start: number; end: number }> }>;
}

describe('inkwell search', () => {
  it('prints JSON hits with their fields in order, best first', () => {
    const { status, stdout, stderr } = search('launch', '--json');
    expect(status).toBe(0);
    expect(stderr).toBe('');
    const hits = JSON.parse(stdout) as JsonHit[];
    expect(hits.map((hit) => hit.id)).toEqual([
      'launch-day',
      'cosmodrome-at-dawn',
      'rockets-and-cafes',
      'notes-from-the-garden',
    ]);
    expect(Object.keys(hits[0]!)).toEqual([
      'id',
      'title',
      'author',
      'date',
      'score',
      'snippet',
      'matches',
    ]);
    expect(hits[0]).toMatchObject({
      title: 'Launch Day',
      author: 'Priya Raman',
      date: '2022-01-01',
      snippet: null,
      matches: [{ field: 'title', ranges: [{ start: 0, end: 6 }] }],
    });
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
  });

  it.each([
    {
      query: 'cafe',
      id: 'rockets-and-cafes',
      field: 'title',
      text: '🚀 Rockets, café culture and naïve résumés',
      shown: 'café',
    },
    {
      query: 'naive',
      id: 'rockets-and-cafes',
      field: 'title',
      text: '🚀 Rockets, café culture and naïve résumés',
      shown: 'naïve',
    },
    { query: 'zoe', id: 'rockets-and-cafes', field: 'author', text: 'Zoë Ashford', shown: 'Zoë' },
    {
      query: '東京',
      id: 'tokyo-morning',
      field: 'title',
      text: '東京の朝 and the morning train 🚆',
      shown: '東京',
    },
    { query: 'whisper', id: 'tokyo-morning', field: 'snippet', text: null, shown: 'whisper' },
    { query: 'crepes', id: 'rockets-and-cafes', field: 'snippet', text: null, shown: 'crêpes' },
  ])(
    'ranges count characters of the field as printed: $query',
    ({ query, id, field, text, shown }) => {
      const hits = JSON.parse(search(query, '--json').stdout) as JsonHit[];
      const hit = hits.find((candidate) => candidate.id === id)!;
      const match = hit.matches.find((candidate) => candidate.field === field)!;
      expect(cut(text ?? hit.snippet!, match.ranges[0]!)).toBe(shown);
    },
  );

  it('forgives typos in the bundled seed article', () => {
    for (const typo of ['spaceprot', 'sovreignty', 'anzalon', 'hegemonik']) {
      const hits = JSON.parse(runCli(['search', typo, '--json']).stdout) as JsonHit[];
      expect(hits.map((hit) => hit.id)).toEqual([SEED_ID]);
    }
  });

  it('prints date, title and id a line when not on a terminal, and takes several words', () => {
    const { status, stdout } = search('lighthouse', 'keepers');
    expect(status).toBe(0);
    expect(stdout).toBe(
      '2024-02-02  Lighthouse Report  twin-newer\n2024-02-01  Lighthouse Report  twin-older\n',
    );
  });

  it('stops at --limit', () => {
    const hits = JSON.parse(search('launch', '--json', '--limit', '2').stdout) as JsonHit[];
    expect(hits.map((hit) => hit.id)).toEqual(['launch-day', 'cosmodrome-at-dawn']);
  });

  it('exits 1 with empty output, or [] in JSON, when nothing matches', () => {
    expect(search('zebra')).toMatchObject({ status: 1, stdout: '', stderr: '' });
    expect(search('zebra', '--json')).toMatchObject({ status: 1, stdout: '[]\n', stderr: '' });
  });

  it.each([
    { args: ['rocket |'], message: 'inkwell: | needs words on both sides: spaceport | cosmodrome' },
    {
      args: ['colour:red'],
      message: 'inkwell: unknown field colour: (try author:, source:, tag: or title:)',
    },
    {
      args: ['rocket', '--limit', '0'],
      message: 'inkwell: --limit must be a whole number from 1 up (see inkwell --help)',
    },
    {
      args: [],
      message:
        'inkwell: search needs words to look for: inkwell search spaceport (see inkwell --help)',
    },
  ])('exits 2 with one line on stderr: $args', ({ args, message }) => {
    const { status, stdout, stderr } = search(...args);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`${message}\n`);
  });

  it('finds a quoted phrase only where its words stand together, its range covering it', () => {
    const { status, stdout } = search('"short communique"', '--json');
    expect(status).toBe(0);
    const hits = JSON.parse(stdout) as JsonHit[];
    expect(hits.map((hit) => hit.id)).toEqual(['cosmodrome-at-dawn']);
    const body = hits[0]!.matches.find((match) => match.field === 'snippet')!;
    expect(body.ranges.map((range) => cut(hits[0]!.snippet!, range))).toEqual(['short communiqué']);
    // Both words are in the article, but apart.
    expect(search('"communique short"', '--json')).toMatchObject({ status: 1, stdout: '[]\n' });
    expect(search('title:"harbour communique"', '--json').stdout).toContain('harbour-communique');
    expect(search('""')).toMatchObject({ status: 2, stdout: '' });
  });

  it('explains its syntax in --help', () => {
    const { stdout } = runCli(['search', '--help']);
    expect(stdout).toContain('Usage: inkwell search <query> [options]');
    expect(stdout).toContain('--limit N');
    expect(stdout).toContain("'word");
    expect(stdout).toContain('author:name');
    expect(stdout).toContain('"two words"');
  });
});
