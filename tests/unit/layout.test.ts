import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/article.js';
import { layoutArticle, layoutBlocks, lineText, type Line } from '../../src/core/layout.js';
import { parseMarkdown } from '../../src/core/markdown.js';
import { textWidth } from '../../src/core/text-width.js';

const texts = (lines: Line[]) => lines.map(lineText);
const wrapped = (markdown: string, width: number) =>
  texts(layoutBlocks(parseMarkdown(markdown), width));

describe('layout: wrapping by columns', () => {
  it.each([
    {
      name: 'words',
      input: 'the quick brown fox jumps over the lazy dog',
      width: 15,
      expected: ['the quick brown', 'fox jumps over', 'the lazy dog'],
    },
    {
      name: 'a word longer than the width is broken',
      input: 'a supercalifragilistic word',
      width: 8,
      expected: ['a', 'supercal', 'ifragili', 'stic', 'word'],
    },
    {
      name: 'CJK takes two columns and breaks between characters',
      input: '日本語の文章を折り返す',
      width: 8,
      expected: ['日本語の', '文章を折', 'り返す'],
    },
    {
      name: 'CJK closing punctuation never starts a line',
      input: '一二三。四五',
      width: 6,
      expected: ['一二', '三。四', '五'],
    },
    {
      name: 'emoji ZWJ sequences stay whole and take two columns',
      input: '👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧 family',
      width: 4,
      expected: ['👨‍👩‍👧👨‍👩‍👧', '👨‍👩‍👧', 'fami', 'ly'],
    },
    {
      name: 'flags stay whole',
      input: '🇨🇿🇫🇷🇯🇵',
      width: 5,
      expected: ['🇨🇿🇫🇷', '🇯🇵'],
    },
    {
      name: 'combining marks take no column',
      input: 'cafe\u0301 cafe\u0301',
      width: 4,
      expected: ['cafe\u0301', 'cafe\u0301'],
    },
    {
      name: 'right-to-left text wraps in logical order',
      input: 'שלום עולם ומה שלומך',
      width: 10,
      expected: ['שלום עולם', 'ומה שלומך'],
    },
    {
      name: 'a hard line break',
      input: 'one  \ntwo',
      width: 20,
      expected: ['one', 'two'],
    },
  ])('$name', ({ input, width, expected }) => {
    expect(wrapped(input, width)).toEqual(expected);
  });
});

describe('layout: blocks', () => {
  it('puts a blank line between paragraphs', () => {
    expect(wrapped('one\n\ntwo', 20)).toEqual(['one', '', 'two']);
  });
  it('indents a blockquote behind a bar, on every line', () => {
    expect(wrapped('> alpha beta gamma\n>\n> delta', 14)).toEqual([
      '│ alpha beta',
      '│ gamma',
      '│',
      '│ delta',
    ]);
  });
  it('hangs list items after their marker', () => {
    expect(wrapped('- alpha beta gamma\n- delta', 14)).toEqual([
      '• alpha beta',
      '  gamma',
      '• delta',
    ]);
    expect(wrapped('9. nine\n10. ten', 20)).toEqual([' 9. nine', '10. ten']);
  });
  it('nests lists and quotes', () => {
    expect(wrapped('> - one\n>   - two', 20)).toEqual(['│ • one', '│   • two']);
  });
  it('separates the items of a loose list', () => {
    expect(wrapped('- one\n\n- two', 20)).toEqual(['• one', '', '• two']);
    expect(wrapped('- one\n\n  more\n- two', 20)).toEqual(['• one', '', '  more', '', '• two']);
  });
  it('sets code apart with a rule and cuts a token longer than the row where the row ends', () => {
    expect(wrapped('```\n  abcdefgh\n```', 6)).toEqual(['▎   ab', '▎ cdef', '▎ gh']);
  });
  it.each([10, 11, 12])('keeps the innermost bar and bullet at %i columns', (width) => {
    const lines = wrapped('> > quoted words\n\n- listed words\n\n10. numbered', width);
    expect(lines.filter((line) => line.startsWith('│ ')).length).toBeGreaterThan(0);
    expect(lines).toContain('• listed');
    expect(lines.some((line) => line.startsWith('10. n'))).toBe(true);
    expect(lines.every((line) => textWidth(line) <= width)).toBe(true);
  });

  it('keeps nested prefixes from eating the text', () => {
    const lines = wrapped('> > > > > > > > deep text here', 14);
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(14);
    expect(lines.join(' ').replace(/│/g, ' ').split(/\s+/)).toEqual(
      expect.arrayContaining(['deep', 'text', 'here']),
    );
  });
  it('marks quotations in the segments', () => {
    const [line] = layoutBlocks(parseMarkdown('He said “yes” to *that*.'), 80);
    expect(
      line!.segments.map((s) => [s.text, s.style.quote ?? 0, Boolean(s.style.emphasis)]),
    ).toEqual([
      ['He said ', 0, false],
      ['“yes”', 1, false],
      [' to ', 0, false],
      ['that', 0, true],
      ['.', 0, false],
    ]);
    expect(line!.segments[1]!.style.opensQuote).toBe(true);
  });
});

describe('layout: never wider than the width', () => {
  const sample = [
    '# A heading with “quoted words” in it',
    'Plain English text with a supercalifragilisticexpialidocious word and ‘quotes’.',
    '日本語の文章と English words を混ぜた「段落」です。中文也可以，一起测试。',
    '👨‍👩‍👧‍👦 emoji 🇨🇿🇫🇷 flags 👍🏽 and ZWJ 🏳️‍🌈 sequences 👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦',
    'Combining: e\u0301e\u0301e\u0301 Z\u0351\u0352a\u0353l\u0354g\u0355o\u0356 and Thai สวัสดีครับ',
    'עברית: שָׁלוֹם עוֹלָם, العربية: مرحبا بالعالم',
    '> quoted text that runs on and on\n>\n> > nested deeper with 漢字漢字漢字',
    '- item one with words\n- item two\n  1. sub one\n  2. sub two with more words',
    '```\nconst x = "a very long line of code that will not fit";\n```',
    '---',
    'https://example.org/a/very/long/address/that/has/no/spaces/at/all/anywhere',
  ].join('\n\n');
  const blocks = parseMarkdown(sample);

  for (let width = 2; width <= 100; width++) {
    it(`at ${width} columns`, () => {
      const lines = layoutBlocks(blocks, width);
      for (const line of lines) expect(textWidth(lineText(line))).toBeLessThanOrEqual(width);
    });
  }

  it('loses no text when it wraps', () => {
    const squash = (text: string) => text.replace(/[\s│•─▎↪]/g, '');
    const wide = squash(texts(layoutBlocks(blocks, 1000)).join(''));
    for (const width of [13, 40, 80])
      expect(squash(texts(layoutBlocks(blocks, width)).join(''))).toBe(wide);
  });
});

describe('layoutArticle', () => {
  const article: Article = {
    id: 'a',
    title: 'A title with ‘a quotation’',
    author: 'Ann Author',
    date: '2024-01-02',
    source: 'The Source',
    url: null,
    tags: [],
    bio: 'Ann writes things.',
    body: 'Body text.',
    words: 460,
    readingMinutes: 2,
    path: '/a.md',
    size: 0,
    mtimeMs: 0,
  };
  it('shows title, byline, body and bio', () => {
    expect(texts(layoutArticle(article, 80))).toEqual([
      'A title with ‘a quotation’',
      'Ann Author · The Source · 2024-01-02 · 2\u00a0min\u00a0read',
      '',
      'Body text.',
      '',
      '─'.repeat(20),
      'Ann writes things.',
    ]);
  });
  it('highlights quotations in the title', () => {
    const [title] = layoutArticle(article, 80);
    expect(title!.segments.map((s) => [s.text, s.style.role, s.style.quote])).toEqual([
      ['A title with ', 'title', undefined],
      ['‘a quotation’', 'title', 1],
    ]);
  });
});

describe('layout: code blocks', () => {
  it.each([
    {
      name: 'a line that fits stays whole, the fence language labels the block',
      input: '```ts\nconst a = 1;\n```',
      width: 40,
      expected: ['▎ ts', '▎ const a = 1;'],
    },
    {
      name: 'a long line breaks at a space and continues after ↪',
      input: '```\nlet answer = compute(first, second)\n```',
      width: 24,
      expected: ['▎ let answer = compute(', '▎ ↪ first, second)'],
    },
    {
      name: 'the continuation keeps the line’s indentation',
      input: '```\n    return someFunction(alpha, beta)\n```',
      width: 30,
      expected: ['▎     return someFunction(', '▎     ↪ alpha, beta)'],
    },
    {
      name: 'breaks after punctuation when there is no space',
      input: '```\na.b.c.d.e.f.g.h.i.j.k.l\n```',
      width: 14,
      expected: ['▎ a.b.c.d.e.f.', '▎ ↪ g.h.i.j.k.', '▎ ↪ l'],
    },
    {
      name: 'a token longer than a row is cut mid-token, starting on the row it begins',
      input: '```\nx = "AAAAAAAAAAAAAAAAAAAAAAAA"\n```',
      width: 16,
      expected: ['▎ x = "AAAAAAAAA', '▎ ↪ AAAAAAAAAAAA', '▎ ↪ AAA"'],
    },
    {
      name: 'wide characters are never split across the edge',
      input: '```\ns = "漢字漢字漢字漢字漢字漢字"\n```',
      width: 14,
      expected: ['▎ s = "漢字漢', '▎ ↪ 字漢字漢字', '▎ ↪ 漢字漢字"'],
    },
    {
      name: 'inside a quotation the bar comes first',
      input: '> ```\n> code here\n> ```',
      width: 20,
      expected: ['│ ▎ code here'],
    },
  ])('$name', ({ input, width, expected }) => {
    const lines = wrapped(input, width);
    expect(lines).toEqual(expected);
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(width);
  });

  it('cuts a very long token in one pass per row, never again from its start', () => {
    // Shorter than MAX_CODE_LINE, past which a line of code is cut with a notice.
    const token = 'x'.repeat(60_000);
    const lines = wrapped(`\`\`\`\n${token}\n\`\`\``, 80);
    expect(lines.join('').replace(/[▎↪ ]/g, '')).toBe(token);
  });
});

describe('layout: typographic line breaks', () => {
  const CLOSING = /^[»”’›).,;:!?…]/;
  const OPENING = /[«„“‘‹‚(¿¡]$/;
  const paragraphs = [
    'Il a dit « Bonjour » et puis il est parti ! Pourquoi ? Parce que ( dit-il ) il le fallait ; voilà : « fin ».',
    'Er sagte „ Ja “ und ging. Sie fragte » wirklich « und lachte … dann ‚ nein ‘ .',
    'She wrote “ a quote ” ( with spaces ) , then a list : one , two , three !',
    '¿ Qué pasa ? ¡ Nada ! Dijo « sí » .',
  ];
  for (const text of paragraphs) {
    it(`never starts a line with a closing mark nor ends one with an opening mark: ${text.slice(0, 24)}…`, () => {
      // From 12 columns on, every joined group fits a line; narrower, breaking inside one is the lesser evil.
      for (let width = 12; width <= 60; width++) {
        const lines = wrapped(text, width);
        for (const line of lines) {
          expect(line).not.toMatch(CLOSING);
          expect(line.trimEnd()).not.toMatch(OPENING);
          expect(textWidth(line)).toBeLessThanOrEqual(width);
        }
        expect(lines.join(' ').replace(/\s+/g, ' ')).toBe(text);
      }
    });
  }

  it.each([
    {
      input: 'It weighs 12\u00a0kg in all',
      width: 12,
      expected: ['It weighs', '12\u00a0kg in all'],
    },
    {
      input: 'As shown on p.\u00a04 of the book',
      width: 14,
      expected: ['As shown on', 'p.\u00a04 of the', 'book'],
    },
    {
      input: 'Il dit «\u202fnon\u202f» deux fois',
      width: 12,
      expected: ['Il dit', '«\u202fnon\u202f» deux', 'fois'],
    },
  ])('keeps a no-break space unbroken: $input', ({ input, width, expected }) => {
    expect(wrapped(input, width)).toEqual(expected);
  });
});
