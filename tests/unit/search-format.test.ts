import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { formatHits } from '../../src/commands/search.js';
import type { SearchHit } from '../../src/core/search/types.js';
import { makeArticle } from '../helpers/articles.js';

const article = makeArticle({
  id: 'cafe',
  title: 'Rockets, café culture and naïve résumés',
  date: '2024-04-20',
});
const hit: SearchHit = {
  id: 'cafe',
  score: 5,
  titleRanges: [{ start: 9, end: 13 }],
  snippet: { text: 'The café beside the pad.', ranges: [{ start: 4, end: 8 }] },
  matches: [],
  terms: ['cafe'],
};
const plain = { dim: (text: string) => text, bold: (text: string) => text };
const marked = { dim: (text: string) => text, bold: (text: string) => `[${text}]` };

describe('formatHits', () => {
  it.each([
    {
      name: 'piped: date, title, id; no snippet',
      columns: undefined,
      style: plain,
      expected: '2024-04-20  Rockets, café culture and naïve résumés  cafe\n',
    },
    {
      name: 'a terminal: the snippet below, the matches marked',
      columns: 80,
      style: marked,
      expected:
        '2024-04-20  Rockets, [café] culture and naïve résumés  cafe\n    The [café] beside the pad.\n',
    },
    {
      name: 'a narrow terminal: the title cut with …, the id left out',
      columns: 30,
      style: marked,
      expected: '2024-04-20  Rockets, [café] cul…\n    The [café] beside the pad.\n',
    },
    {
      name: 'a match cut off by the …',
      columns: 22,
      style: marked,
      expected: '2024-04-20  Rockets,…\n    The [café] beside t…\n',
    },
  ])('$name', ({ columns, style, expected }) => {
    expect(formatHits([{ hit, article }], columns, style)).toBe(expected);
  });

  it('paints with the given styles, which colour only on a terminal', () => {
    const bold = new Chalk({ level: 1 });
    const out = formatHits([{ hit, article }], 80, { dim: bold.dim, bold: bold.bold });
    expect(out).toContain(`Rockets, ${bold.bold('café')} culture`);
  });
});
