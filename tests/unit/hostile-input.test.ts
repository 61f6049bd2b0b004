// Bodies built to make a parser or wrapper take quadratic time or blow the stack. Each took seconds to
// minutes, or crashed, before its fix; now each must finish, whole, well inside the test timeout.
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { Lexer } from 'marked';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countWords, SEGMENTED_AT_MOST, type Article } from '../../src/core/article.js';
import { MAX_CODE_LINE } from '../../src/core/code-block.js';
import { LONG_PARAGRAPH } from '../../src/core/markdown-sections.js';
import { layoutArticle, layoutBlocks, lineText } from '../../src/core/layout.js';
import { listRow } from '../../src/core/list-rows.js';
import { boundMarkdown } from '../../src/core/markdown-bounds.js';
import {
  MAX_BLOCK_NESTING,
  MAX_BLOCKS,
  MAX_CODE_LINES,
  MAX_INLINE_MARKS,
  parseMarkdown,
  runsText,
  type Block,
} from '../../src/core/markdown.js';
import { articleLinks } from '../../src/core/links.js';
import { pageOf } from '../../src/core/paginate.js';
import { findQuotations, MAX_NESTING } from '../../src/core/quotes.js';
import {
  graphemes,
  graphemeWidth,
  packageWidth,
  textWidth,
  truncate,
} from '../../src/core/text-width.js';
import { loadLibrary } from '../../src/library/load.js';
import {
  MAX_FRONT_MATTER_CHARACTERS,
  MAX_FRONT_MATTER_FIELDS,
  parseArticle,
} from '../../src/library/parse-article.js';
import { articleText, tempLibrary } from '../helpers/temp-library.js';

const segmenter = new Intl.Segmenter();
const bySegmenter = (text: string) => Array.from(segmenter.segment(text), (part) => part.segment);

/** How deep quotes and lists nest in some blocks. */
const depthOf = (blocks: readonly Block[]): number =>
  Math.max(
    0,
    ...blocks.map((block) =>
      block.kind === 'list'
        ? 1 + Math.max(0, ...block.items.map(depthOf))
        : block.kind === 'blockquote'
          ? 1 + depthOf(block.blocks)
          : 0,
    ),
  );

function laidOut(body: string, width = 80) {
  const lines = layoutBlocks(parseMarkdown(body), width);
  const widest = lines.reduce((most, line) => Math.max(most, textWidth(lineText(line))), 0);
  expect(widest).toBeLessThanOrEqual(width);
  return lines;
}

// The timeout only guards against hangs: before their fixes these took minutes.
describe('hostile bodies', { timeout: 30_000 }, () => {
  it.each([
    { name: 'unclosed link targets', body: ']('.repeat(100_000), words: 0 },
    { name: 'unclosed angle brackets', body: '<'.repeat(200_000), words: 0 },
    { name: 'unclosed tags', body: '<a '.repeat(60_000), words: 60_000 },
    { name: 'unclosed autolinks', body: '<http://x '.repeat(20_000), words: 40_000 },
  ])('counts the words of $name', ({ body, words }) => {
    expect(countWords(body)).toBe(words);
    expect(laidOut(body).length).toBeGreaterThan(1);
  });

  it('lexes a long run of e-mail address characters', () => {
    // Its underscores are marks of markup, past the budget shown as plain text: the text is whole, in
    // paragraphs of at most LONG_PARAGRAPH characters, and with a notice where the plain text starts.
    laidOut('a_'.repeat(100_000));
    const text = parseMarkdown('a_'.repeat(100_000))
      .map((block) => (block.kind === 'paragraph' ? runsText(block.runs) : ''))
      .filter((paragraph) => !paragraph.startsWith('(Links and formatting'))
      .join('');
    expect(text).toBe('a_'.repeat(100_000));
  });

  it('marks 50,000 quotations in one paragraph', () => {
    expect(findQuotations('"a" '.repeat(50_000))).toHaveLength(50_000);
    expect(laidOut('"a" '.repeat(50_000)).length).toBeGreaterThan(2000);
  });

  it('stops nesting quotations at a bound', () => {
    expect(findQuotations('“'.repeat(20_000) + '›'.repeat(20_000))).toHaveLength(MAX_NESTING);
    laidOut('“'.repeat(20_000) + '›'.repeat(20_000));
  });

  it.each([
    {
      name: 'a code block of 50,000 lines',
      body: '```\n' + 'a\n'.repeat(MAX_CODE_LINES) + '```',
      lines: MAX_CODE_LINES,
    },
    { name: 'a list of 20,000 items', body: '- a\n'.repeat(MAX_BLOCKS), lines: MAX_BLOCKS },
    {
      name: 'a paragraph of 150,000 lines at 10 columns',
      body: 'abcd '.repeat(300_000),
      lines: 150_000,
    },
  ])('lays out $name', ({ body, lines }) => {
    // A paragraph past LONG_PARAGRAPH is cut into several, a blank line between them.
    const laid = laidOut(body, 10).length;
    expect(laid).toBeGreaterThanOrEqual(lines);
    expect(laid).toBeLessThanOrEqual(lines + (2 * body.length) / LONG_PARAGRAPH + 2);
  });

  it.each([
    { name: 'a table of 150,000 rows', body: '|a|b|\n|-|-|\n' + '|a|b|\n'.repeat(150_000) },
    {
      name: 'a table cell of 150,000 words',
      body: '|a|b|\n|-|-|\n|' + 'w '.repeat(150_000) + '|b|',
    },
  ])('lays out $name', ({ body }) => {
    expect(laidOut(body, 80).length).toBeGreaterThan(1000);
  });

  it('draws lists nested 1,000 deep at a bounded depth', () => {
    const lines = laidOut('- '.repeat(1000) + 'deep', 80);
    expect(lines.map(lineText).join('\n')).toContain('deep');
    expect(depthOf(parseMarkdown('- '.repeat(1000) + 'x'))).toBe(MAX_BLOCK_NESTING);
  });

  it('keeps the text of quotes nested deeper than the parser can go', () => {
    const lines = laidOut('>'.repeat(5000) + ' still here', 80);
    expect(lines.map(lineText).join(' ')).toContain('still here');
  });
});

// Tiny blocks, rows and inline tokens by the million: each is cheap, but a 4 MB file of them made a
// million tokens, blocks and lines (a 500,000-row table: 10 s and 1.5 GB). What is shown is capped, with a
// line that says so and names the limit; the text before the cap is laid out as it was.
describe('many tiny blocks', { timeout: 30_000 }, () => {
  /** The text of the last block's lines. */
  const notice = (lines: ReturnType<typeof laidOut>) =>
    lines
      .filter((line) => line.block === lines.at(-1)!.block)
      .map(lineText)
      .join(' ')
      .trim();
  const more = (count: number) =>
    `(… ${count.toLocaleString('en')} more lines not shown: inkwell shows an article's first ${MAX_BLOCKS.toLocaleString('en')} blocks and ${MAX_CODE_LINES.toLocaleString('en')} lines of code. The file is whole.)`;

  it.each([
    {
      name: 'a table of 150,000 rows',
      body: '| a | b |\n|---|---|\n' + '| a | b |\n'.repeat(150_000),
      // The header and the delimiter row start blocks too.
      omitted: 150_000 - (MAX_BLOCKS - 2),
    },
    { name: '200,000 empty headings', body: '#\n'.repeat(200_000), omitted: 200_000 - MAX_BLOCKS },
    {
      name: 'a list of 150,000 items',
      body: '- a\n'.repeat(150_000),
      omitted: 150_000 - MAX_BLOCKS,
    },
    // Each paragraph has a blank line after it.
    {
      name: '100,000 paragraphs',
      body: 'a\n\n'.repeat(100_000),
      omitted: 2 * (100_000 - MAX_BLOCKS),
    },
    {
      name: 'a code block of 300,000 lines',
      body: '```\n' + 'a\n'.repeat(300_000) + '```',
      // The fence's lines, the code's, less the fence and the code shown.
      omitted: 300_002 - 1 - MAX_CODE_LINES,
    },
    {
      name: 'a table of 30,000 columns',
      // Each cell past the 64th of a row counts as a block: the table is past the limit at its header.
      body: ['a|', '-|', 'b|'].map((cell) => cell.repeat(30_000)).join('\n'),
      omitted: 3,
    },
    {
      name: 'indented code of 300,000 lines',
      body: '    a\n'.repeat(300_000),
      omitted: 300_000 - MAX_CODE_LINES,
    },
  ])('shows the first of $name, and says how many lines are left out', ({ body, omitted }) => {
    const lines = laidOut(body, 80);
    expect(notice(lines)).toBe(more(omitted));
    expect(lines.length).toBeLessThan(3 * MAX_CODE_LINES);
  });

  it('cuts a long header short on each row of a table given as labelled lines', () => {
    // Each row given as "header: value" used to repeat a 2 MB header whole: a minute and 4 GB. (One
    // shorter than a section can repeat: each section of the table has it.)
    const header = 'h'.repeat(3_000);
    const body = `| ${header} | b |\n|---|---|\n` + '| a | b |\n'.repeat(5_000);
    const lines = laidOut(body, 80).map(lineText);
    expect(lines.join('').length).toBeLessThan(10 * body.length);
    expect(lines.filter((line) => line.startsWith('hhhh') && line.includes('…: a'))).toHaveLength(
      5_000,
    );
  });

  it('shows an article of exactly as many blocks whole', () => {
    const lines = laidOut('- a\n'.repeat(MAX_BLOCKS), 80);
    // A list that long is cut in sections: several lists, a blank line between them.
    expect(lines.filter((line) => lineText(line).trim() !== '')).toHaveLength(MAX_BLOCKS);
    expect(lines.map(lineText)).not.toContain(expect.stringContaining('not shown'));
  });

  it.each([
    {
      name: 'links',
      body: Array.from({ length: 60_000 }, (_, k) => `[a](https://x.io/${k})`).join(' '),
      end: ' [a](https://x.io/59999)',
    },
    { name: 'emphasis', body: '*a* '.repeat(100_000), end: ' *a* *a*' },
    { name: 'code spans', body: '`a` '.repeat(100_000), end: ' `a` `a`' },
    // Past the marks, a line break is a space, as in any paragraph.
    // (Its first mark keeps it from being read as a plain paragraph, which is cut past LONG_PARAGRAPH.)
    { name: 'hard breaks', body: '*a* ' + 'a  \n'.repeat(100_000), end: ' a a a' },
  ])(
    'formats the first marks of a paragraph of $name, then shows the rest as written',
    ({ body, end }) => {
      // A paragraph that long is cut in sections: several paragraphs, the notice after the one where the
      // marks ran out.
      const blocks = parseMarkdown(body) as Array<Block & { kind: 'paragraph' }>;
      expect(blocks.every((block) => block.kind === 'paragraph')).toBe(true);
      const notice = `(Links and formatting past here are shown as plain text: inkwell formats an article's first ${MAX_INLINE_MARKS.toLocaleString('en')} marks of markup.)`;
      const told = blocks.findIndex((block) => runsText(block.runs) === notice);
      expect(told).toBeGreaterThan(0);
      expect(blocks.filter((block) => runsText(block.runs) === notice)).toHaveLength(1);
      const [first, last] = [blocks[0]!, blocks.at(-1)!];
      const formatted = first.runs.some((run) => Object.keys(run.style).length > 0);
      expect(formatted || runsText(first.runs).startsWith('a\na\n')).toBe(true);
      for (const paragraph of blocks.slice(told + 1)) {
        expect(paragraph.runs.every((run) => Object.keys(run.style).length === 0)).toBe(true);
      }
      expect(runsText(last.runs).endsWith(end)).toBe(true);
    },
  );

  it('numbers the links of the formatted part, in order, and keeps every word', () => {
    const body = Array.from({ length: 60_000 }, (_, k) => `[w${k}](https://x.io/${k})`).join(' ');
    const links = articleLinks(parseMarkdown(body));
    expect(links.length).toBeGreaterThan(10_000);
    expect(links.length).toBeLessThan(MAX_INLINE_MARKS);
    expect(links.map((link) => link.number)).toEqual(links.map((_, k) => k + 1));
    const text = laidOut(body, 80).map(lineText).join(' ');
    expect(text).toContain('w59999');
  });

  it('normalizes an address that 20,000 references share once, keeping one copy of it', () => {
    // Each reference made its own normalized copy of the address: 1 MB referred to 300,000 times ran
    // out of memory (and would leave the reader's terminal broken).
    const address = `https://x.io/${'p'.repeat(200_000)}`;
    const body = `[x]: ${address}\n\n` + '[a][x] '.repeat(20_000);
    const before = process.memoryUsage().heapUsed;
    const blocks = parseMarkdown(body);
    // A copy a reference would be gigabytes; one copy, a fraction of a megabyte.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(200 * 1024 * 1024);
    expect(articleLinks(blocks).map((link) => link.url)).toEqual([address]);
  });

  it('lexes links written together without spaces, one pass each', () => {
    // Each link's address used to run to the end of the text, then back off: quadratic.
    const body = Array.from({ length: 20_000 }, (_, k) => `[a](http://x.y/${k})`).join('');
    expect(articleLinks(parseMarkdown(body))).toHaveLength(20_000);
  });

  it.each([
    ['[w](https://en.wikipedia.org/wiki/Foo_(bar)) x', 'https://en.wikipedia.org/wiki/Foo_(bar)'],
    ['[w](http://x.y/a\\)b)', 'http://x.y/a)b'],
    ['[w](http://x.y/(a)(b)c)', 'http://x.y/(a)(b)c'],
  ])('still reads the address of %j', (body, url) => {
    expect(articleLinks(parseMarkdown(body)).map((link) => link.url)).toEqual([url]);
  });

  it('cuts a 2 MB token in a paragraph by counting, whole', () => {
    const token = 'x'.repeat(2 * 1024 * 1024);
    const lines = laidOut(token, 80);
    // In paragraphs of LONG_PARAGRAPH characters, a blank line between them.
    const paragraphs = Math.ceil(token.length / (LONG_PARAGRAPH - 1024));
    expect(lines.length).toBeGreaterThanOrEqual(Math.ceil(token.length / 80));
    expect(lines.length).toBeLessThanOrEqual(Math.ceil(token.length / 80) + 3 * paragraphs);
    expect(lines.map(lineText).join('')).toBe(token);
  });

  it('shows the start of a 2 MB line of code, and says how much is left out', () => {
    const token = 'x'.repeat(2 * 1024 * 1024);
    const lines = laidOut('```\n' + token + '\n```', 80);
    // Each row has the block's rule, and after the first a continuation mark: 76 columns left.
    const rows = lines.map((line) => lineText(line).replace(/^▎ (?:↪ )?/, ''));
    expect(rows.slice(0, -2).join('')).toBe(token.slice(0, MAX_CODE_LINE));
    expect(rows.slice(-2).join('')).toBe(
      `(… ${(token.length - MAX_CODE_LINE).toLocaleString('en')} more characters of this line not shown: inkwell shows the first ${MAX_CODE_LINE.toLocaleString('en')} of a line of code.)`,
    );
  });

  it('wraps a long article a section at a time into the page it wraps whole', () => {
    const paragraph = 'Words “in quotes” and [a link](https://x.io/a) and [another][r]. '.repeat(
      20,
    );
    const body = Array.from({ length: 300 }, (_, k) => `## Part ${k}\n\n${paragraph}`).join('\n\n');
    const article = makeArticle(`${body}\n\n[r]: https://x.io/r`);
    let page = pageOf(article, 80, 10);
    const whole = layoutArticle(article, page.width);
    let steps = 0;
    while (!page.complete) {
      page = pageOf(article, 80, 10, undefined, true);
      steps += 1;
    }
    expect(steps).toBeGreaterThan(5);
    expect(page.lines.map(lineText)).toEqual(whole.map(lineText));
    expect(page.links.map((link) => link.url)).toEqual(['https://x.io/a', 'https://x.io/r']);
    expect(page.lines.map(lineText).join('\n')).toContain('another[2]');
  });
});

function makeArticle(body: string): Article {
  return {
    id: `long-${body.length}`,
    title: 'Long',
    author: null,
    date: null,
    source: null,
    url: null,
    tags: [],
    bio: 'A bio.',
    body,
    words: 1,
    readingMinutes: 1,
    path: 'long.md',
    size: body.length,
    mtimeMs: 0,
  };
}

// Grapheme segmentation on Node 20 slows sharply with the length of the string: a 133 KB title took 41 s
// to list. Text is segmented a bounded piece at a time, and plain combining marks need no segmenter.
describe('long runs of joining characters', { timeout: 30_000 }, () => {
  const combining = 'ab\u0301';
  it.each([
    { name: 'combining marks', unit: combining },
    { name: 'Hebrew points', unit: 'שָׁ' },
    { name: 'family emoji', unit: '👨‍👩‍👧' },
    { name: 'flags', unit: '🇫🇷🇨🇿' },
    { name: 'Hangul jamo', unit: '\u1100\u1161\u11a8' },
    { name: 'Thai', unit: 'น้ำสวัสดี' },
    { name: 'Devanagari conjuncts', unit: 'क्षत्रि' },
    { name: 'a mark after a zero-width space', unit: 'a\u200b\u0301' },
  ])('splits $name as the segmenter does, also across pieces', ({ unit }) => {
    // 2,000 characters: the segmenter still takes them whole, and they span several pieces.
    const text = unit.repeat(Math.ceil(2000 / unit.length));
    expect(graphemes(text)).toEqual(bySegmenter(text));
  });

  it('splits text with plain marks as the segmenter does, whatever stands around them', () => {
    const differ: string[] = [];
    for (let point = 0; point <= 0x2ffff; point += point < 0x3000 ? 1 : 61) {
      if (point >= 0xd800 && point <= 0xdfff) continue;
      const char = String.fromCodePoint(point);
      for (const text of [`a${char}\u0301b`, `\u0301${char}\u05b0`, `x\u20dd${char}`]) {
        if (graphemes(text).join('|') !== bySegmenter(text).join('|')) differ.push(text);
      }
    }
    expect(differ).toEqual([]);
  });

  it('splits emoji, Hangul jamo and Indic conjuncts as the segmenter does, whatever stands around them', () => {
    const around = [
      '\u0915',
      '\u094d',
      '\u093f',
      '\u0600',
      '\u1039',
      '\u1100',
      '\u1161',
      '\u11a8',
      '가',
      '각',
      'a',
      '👨',
      '\u200d',
      '\u{1f3fd}',
      '\ufe0f',
      '🇫',
      '\u0301',
      '\u{e0067}',
      '中',
      '\u0e33',
    ];
    const differ: string[] = [];
    for (let point = 0; point <= 0x2ffff; point += point < 0x3000 || point >= 0x1f000 ? 23 : 97) {
      if (point >= 0xd800 && point <= 0xdfff) continue;
      const char = String.fromCodePoint(point);
      for (const [k, next] of around.entries()) {
        const text = [next + char + next, `${char}\u200d${next}`, `${next}\u200d${char}`][
          (point + k) % 3
        ]!;
        if (graphemes(text).join('|') !== bySegmenter(text).join('|')) differ.push(text);
      }
    }
    expect(differ).toEqual([]);
  });

  it.each([
    'a' + '\u0301'.repeat(100),
    '👨\u200d'.repeat(30),
    '\u200d👨'.repeat(30),
    'क' + '\u093e'.repeat(60),
    'ｱ' + 'ﾞ'.repeat(60),
    '\u200b'.repeat(60) + '中' + 'ﾞ'.repeat(5),
    '☺' + '\ufe0f'.repeat(60),
  ])('measures a grapheme too long to be an emoji as string-width does: %j', (grapheme) => {
    expect(graphemeWidth(grapheme)).toBe(packageWidth(grapheme));
  });

  it('cuts a grapheme of thousands of marks into pieces, losing nothing', () => {
    const text = 'a' + '\u0301'.repeat(100_000) + 'b\u200d' + '\u0301'.repeat(100_000);
    const parts = graphemes(text);
    expect(parts.join('')).toBe(text);
    expect(Math.max(...parts.map((part) => part.length))).toBeLessThanOrEqual(256);
  });

  it.each([
    { name: 'combining marks', unit: combining, graphemes: 2 },
    { name: 'family emoji', unit: '👨‍👩‍👧', graphemes: 1 },
    { name: 'flags', unit: '🇫🇷', graphemes: 1 },
    { name: 'Hangul jamo', unit: '\u1100\u1161', graphemes: 1 },
    { name: 'skin tones', unit: '👍🏽', graphemes: 1 },
    { name: 'mixed widths', unit: '中a', graphemes: 2 },
    { name: 'Devanagari vowel signs', unit: 'कि', graphemes: 1 },
  ])('measures, cuts and wraps a 60,000-character word of $name', ({ unit, graphemes: each }) => {
    const word = unit.repeat(Math.ceil(60_000 / unit.length));
    const count = (word.length / unit.length) * each;
    expect(graphemes(word)).toHaveLength(count);
    const width = textWidth(word);
    expect(width).toBeGreaterThanOrEqual(count);
    expect(textWidth(truncate(word, 40))).toBeLessThanOrEqual(40);
    const lines = laidOut(word, 80);
    expect(lines.map(lineText).join('')).toBe(word);
    expect(lines.length).toBeGreaterThanOrEqual(Math.floor(width / 80));
  });

  it.each([
    { name: 'pictographs joined into one grapheme', unit: '👨\u200d' },
    { name: 'regional indicators, an odd number', unit: '🇫🇷🇫' },
    { name: 'skin tones alone', unit: '\u{1f3fd}' },
  ])('cuts and wraps a 60,000-character run of $name, losing nothing', ({ unit }) => {
    const word = unit.repeat(Math.ceil(60_000 / unit.length));
    const parts = graphemes(word);
    expect(parts.join('')).toBe(word);
    expect(Math.max(...parts.map((part) => part.length))).toBeLessThanOrEqual(256);
    const lines = laidOut(word, 80);
    expect(lines.map(lineText).join('')).toBe(word);
    expect(Math.max(...lines.map((line) => textWidth(lineText(line))))).toBeLessThanOrEqual(80);
  });

  it.each([
    '中'.repeat(100) + '\u00ad' + '中'.repeat(50),
    combining.repeat(60) + '\u00ad' + 'cd',
    ('e\u0301'.repeat(30) + '\u00ad').repeat(5),
  ])('cuts a long word that ends at a soft hyphen: %j', (body) => {
    const text = laidOut(body, 20).map(lineText).join('');
    expect(text.replaceAll('-', '')).toBe(body.replaceAll('\u00ad', ''));
  });

  it('lists and shows an article whose title is 150,000 characters of combining marks', () => {
    const title = combining.repeat(50_000);
    const article: Article = {
      id: 'marks',
      title,
      author: null,
      date: null,
      source: 'Somewhere',
      url: null,
      tags: [],
      bio: null,
      body: 'Text.',
      words: 1,
      readingMinutes: 1,
      path: 'marks.md',
      size: 0,
      mtimeMs: 0,
    };
    const row = listRow([article], article, 80, false);
    expect(textWidth(row.title)).toBeLessThanOrEqual(80);
    expect(row.title).toMatch(/^(ab\u0301)+a?b?…/);
    const lines = layoutArticle(article, 80);
    expect(lines.slice(0, -3).map(lineText).join('')).toBe(title);
  });
});

// The word segmenter, like the grapheme one, slowed sharply on one long paragraph: 300 KB of 中 took 22 s.
describe('long paragraphs without spaces', { timeout: 30_000 }, () => {
  it('counts a paragraph of 60,000 ideographs', () => {
    expect(countWords('中'.repeat(60_000))).toBe(60_000);
  });

  it('counts a long Thai paragraph as the segmenter counts a short one', () => {
    const unit = 'สวัสดีครับ';
    const [short, long] = [unit.repeat(100), unit.repeat(30_000)];
    const perUnit = countWords(short) / 100;
    expect(Math.abs(countWords(long) / 30_000 - perUnit) / perUnit).toBeLessThan(0.01);
  });

  it('estimates the words past a budget at the rate counted so far', () => {
    const paragraph = '日本語の文章を読む。'.repeat(10_000);
    const perParagraph = countWords(paragraph);
    const paragraphs = Math.ceil((1.5 * SEGMENTED_AT_MOST) / paragraph.length);
    const body = Array.from({ length: paragraphs }, () => paragraph).join('\n\n');
    expect(countWords(body)).toBeCloseTo(perParagraph * paragraphs, -2);
  });
});

// The YAML parser checks every key against every other: 50,000 keys took 16 s.
describe('front matter too big to parse', () => {
  const withFields = (count: number) =>
    [
      '---',
      'title: T',
      ...Array.from({ length: count }, (_, k) => `k${k}: v`),
      '---',
      'Body.',
    ].join('\n');
  it.each([
    {
      name: `more than ${MAX_FRONT_MATTER_FIELDS} fields`,
      text: withFields(MAX_FRONT_MATTER_FIELDS + 1),
      reason: `front matter has more than the limit of ${MAX_FRONT_MATTER_FIELDS} fields`,
    },
    {
      name: 'fields in one flow mapping',
      text: `---\ntitle: T\nx: {${Array.from({ length: 1000 }, (_, k) => `k${k}: v`).join(', ')}}\n---\n`,
      reason: `front matter has more than the limit of ${MAX_FRONT_MATTER_FIELDS} fields`,
    },
    {
      name: `more than ${MAX_FRONT_MATTER_CHARACTERS / 1024} KB`,
      text: `---\ntitle: T\nbio: ${'x'.repeat(MAX_FRONT_MATTER_CHARACTERS)}\n---\n`,
      reason: `front matter is longer than the limit of ${MAX_FRONT_MATTER_CHARACTERS / 1024} KB`,
    },
  ])('skips a file with $name, naming the limit', ({ text, reason }) => {
    expect(parseArticle(text, 'f.md', 'f')).toEqual({ ok: false, reason });
  });

  it('reads a file with as many fields as the limit', () => {
    const result = parseArticle(withFields(MAX_FRONT_MATTER_FIELDS - 1), 'f.md', 'f');
    expect(result.ok).toBe(true);
  });
});

// marked lexes a quote's or list item's inside again at every level: 2,000,000 `> ` took 26 s, and lines
// of ever more `>` ran out of memory. Nesting stops at MAX_BLOCK_NESTING before the parser sees it.
describe('deep nesting', { timeout: 30_000 }, () => {
  it.each([
    { name: '`> ` 500,000 times', body: '> '.repeat(500_000) + 'end' },
    {
      name: 'lines of 1 to 1,000 `>`',
      body: Array.from({ length: 1000 }, (_, k) => '>'.repeat(k + 1) + ' end').join('\n'),
    },
    { name: '`- ` 500,000 times', body: '- '.repeat(500_000) + 'end' },
    { name: '`1. ` 300,000 times', body: '1. '.repeat(300_000) + 'end' },
    { name: '`> - ` 200,000 times', body: '> - '.repeat(200_000) + 'end' },
    {
      name: 'a list nested 1,000 deep by indentation',
      body: Array.from({ length: 1000 }, (_, k) => '  '.repeat(k) + '- end').join('\n'),
    },
  ])('parses $name at most MAX_BLOCK_NESTING deep', ({ body }) => {
    const blocks = parseMarkdown(body);
    expect(depthOf(blocks)).toBeLessThanOrEqual(MAX_BLOCK_NESTING);
    expect(depthOf(blocks)).toBeGreaterThan(MAX_BLOCK_NESTING / 2);
    const text = laidOut(body, 80).map(lineText).join('\n');
    expect(text).toContain('end');
    // The markers past the limit are dropped, not laid out line after line.
    expect(text.length).toBeLessThan(body.length / 10);
  });

  it('leaves fenced code alone', () => {
    const code = '>'.repeat(100);
    const [block] = parseMarkdown('```\n' + code + '\n' + ' '.repeat(200) + 'x\n```');
    expect(block).toMatchObject({ kind: 'code', text: code + '\n' + ' '.repeat(200) + 'x' });
  });
});

// marked lexes the rest of a quote again at every lazy line (one without its `>`): 3 MB took minutes.
describe('lazy lines in quotes', { timeout: 30_000 }, () => {
  // What the blocks are made of: marked's tokens without their source, their text's spaces folded (as
  // the reader folds them). A quote's own text holds its markers, so it is left out.
  const tokens = (body: string): unknown =>
    JSON.parse(
      JSON.stringify(new Lexer({ gfm: true }).lex(body), (key, value: unknown) => {
        if (key === 'raw') return undefined;
        if (key !== 'text' || typeof value !== 'string') return value;
        return value.includes('>') ? undefined : value.replace(/\s+/g, ' ');
      }),
    );
  it.each([
    '> a\nb\n> c\nd',
    '> a\n> > b\nc\n> d',
    '> - a\nb\n\nc',
    '> # h\nb',
    '> ```\n> code\n> ```\nb',
    '> a\n    b',
    '> a\n- b',
    '> a\n# b',
    '> a\n---',
    '> a\n===',
    '> 1. a\nb',
    '>> a\nb\n>> c',
    '> a\n<div>',
    '> a\n|x|y|',
  ])('writes out the `>` of %j without changing what it means', (body) => {
    expect(tokens(boundMarkdown(body))).toEqual(tokens(body));
  });

  it.each([
    { name: 'one quote of 200,000 lazy lines', body: '> a\nb\n'.repeat(100_000) },
    { name: 'quotes of alternating depth', body: '> a\n> > b\nc\n'.repeat(50_000) },
  ])('lays out $name', ({ body }) => {
    // Cut in sections, as any block that long: quotes one after the other.
    const blocks = parseMarkdown(body);
    expect(blocks.every((block) => block.kind === 'blockquote')).toBe(true);
    expect(laidOut(body, 80).length).toBeGreaterThan(1000);
  });
});

describe('links out of the library', () => {
  const good = articleText({ title: 'Good' });

  it('does not follow a link to a folder outside it, and says so', () => {
    const dir = tempLibrary({ 'good.md': good, 'inner/also.md': articleText({ title: 'Also' }) });
    symlinkSync('/', join(dir, 'root'));
    symlinkSync(join(dir, 'inner'), join(dir, 'inside'));
    const { articles, warnings } = loadLibrary([{ dir, required: true }]);
    expect(articles.map((article) => article.title).sort()).toEqual(['Also', 'Good']);
    expect(warnings).toEqual([
      { path: dir, message: 'not followed: a link to a folder outside it' },
    ]);
  });

  it('stops after a number of entries, naming the folder and the limit', () => {
    const files = Object.fromEntries(
      Array.from({ length: 10 }, (_, k) => [`a${k}.md`, articleText({ title: `A${k}` })]),
    );
    const dir = tempLibrary(files);
    mkdirSync(join(dir, 'z'));
    const { articles, warnings } = loadLibrary([{ dir, required: true }], 4);
    expect(articles).toHaveLength(4);
    expect(warnings).toEqual([
      { path: dir, message: 'stopped after 4 entries (the limit); the rest is not read' },
    ]);
  });

  it.skipIf(!existsSync('/proc/self/status'))('reads a file that reports size 0 whole', () => {
    const dir = tempLibrary({ 'good.md': good });
    symlinkSync('/proc/self/status', join(dir, 'status.md'));
    const { warnings } = loadLibrary([{ dir, required: true }]);
    // Read, all of it: what is wrong with it is its missing front matter, not the reading.
    expect(warnings).toEqual([
      {
        path: join(dir, 'status.md'),
        message: 'skipped: no front matter (a title is required)',
      },
    ]);
  });
});
