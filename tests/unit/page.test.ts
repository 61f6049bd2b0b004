import { describe, expect, it } from 'vitest';
import { layoutBlocks, lineText } from '../../src/core/layout.js';
import { parseMarkdown } from '../../src/core/markdown.js';
import {
  carryTop,
  columnWidth,
  findQuoteMarks,
  markedSegments,
  lastTop,
  progress,
} from '../../src/core/page.js';
import { pageOf } from '../../src/core/paginate.js';
import { textWidth } from '../../src/core/text-width.js';
import { makeArticle, paragraphs } from '../helpers/articles.js';

describe('columnWidth', () => {
  it.each([
    { columns: 300, expected: 80 },
    { columns: 84, expected: 80 },
    { columns: 80, expected: 76 },
    { columns: 20, expected: 16 },
    { columns: 12, expected: 10 },
    { columns: 8, expected: 8 },
    { columns: 1, expected: 1 },
  ])('$columns columns → $expected', ({ columns, expected }) => {
    expect(columnWidth(columns)).toBe(expected);
  });
});

describe('pageOf', () => {
  const article = makeArticle({
    id: 'mixed',
    title: 'Ein „Titel“ mit 日本語のタイトル',
    author: 'Zoë',
    body: [
      paragraphs(4),
      '日本語の文章はスペースなしで続きます。「引用はここです」と彼は言った。',
      'A family 👨‍👩‍👧‍👦 and flags 🇫🇷🇯🇵 in a row, then e\u0301te\u0301 with marks.',
      'עברית משמאל לימין “ציטוט” כאן',
      'Averyveryveryveryveryveryveryveryveryveryveryveryveryveryverylongwordwithoutbreaks.',
      '> A “quoted” block\n> over lines',
    ].join('\n\n'),
  });

  it('never draws past the terminal, and centres the column on wide ones', () => {
    for (const columns of [1, 2, 5, 12, 20, 33, 50, 79, 80, 81, 120, 300]) {
      const page = pageOf(article, columns);
      for (const line of page.lines) {
        expect(page.indent + textWidth(lineText(line))).toBeLessThanOrEqual(Math.max(columns, 2));
      }
      if (columns >= 84) expect(page.indent).toBe(Math.floor((columns - 80) / 2));
    }
  });

  it('wraps once per width', () => {
    expect(pageOf(article, 70)).toBe(pageOf(article, 70));
    expect(pageOf(article, 71).width).toBe(67);
  });
});

describe('pageOf with rows: the first lines of a long article', () => {
  const long = () =>
    makeArticle({
      id: 'long',
      bio: 'A bio.',
      body: [
        // The fenced block runs across the place where the start of the body would be cut.
        paragraphs(170),
        '```\n' + 'code line\n\n'.repeat(400) + '```',
        paragraphs(200),
        'A [reference][ref] link.\n\n[ref]: https://example.org',
      ].join('\n\n'),
    });

  it('draws the first lines as the whole page has them, then the whole page', () => {
    const article = long();
    expect(article.body.length).toBeGreaterThan(32 * 1024);
    expect(article.body.indexOf('```')).toBeLessThan(16 * 1024);
    expect(article.body.lastIndexOf('```')).toBeGreaterThan(16 * 1024);
    // Tall enough to show the whole code block.
    const first = pageOf(article, 80, 1000);
    expect(first.complete).toBe(false);
    const firstLines = first.lines.map(lineText);
    expect(firstLines.length).toBeGreaterThanOrEqual(1000);
    const whole = pageOf(article, 80);
    expect(whole.complete).toBe(true);
    expect(whole.lines.length).toBeGreaterThan(firstLines.length);
    expect(firstLines).toEqual(whole.lines.slice(0, firstLines.length).map(lineText));
    expect(pageOf(article, 80, 1000)).toBe(whole);
  });

  it('wraps a long body it cannot cut whole at once, and keeps it', () => {
    const unbroken = makeArticle({ id: 'unbroken', body: 'word '.repeat(10_000) });
    const page = pageOf(unbroken, 80, 20);
    expect(page.complete).toBe(true);
    expect(pageOf(unbroken, 80)).toBe(page);
  });

  it('reuses the first lines while the rest waits', () => {
    const article = long();
    expect(pageOf(article, 80, 20)).toBe(pageOf(article, 80, 20));
  });

  it('wraps a short article whole at once', () => {
    const short = makeArticle({ id: 'short', body: paragraphs(30) });
    expect(pageOf(short, 80, 5).complete).toBe(true);
  });
});

describe('findQuoteMarks', () => {
  const marksOf = (markdown: string, width = 80) => {
    const lines = layoutBlocks(parseMarkdown(markdown), width);
    return { lines, marks: findQuoteMarks(lines) };
  };

  it('finds each outermost quotation once, nested ones inside it', () => {
    const { marks } = marksOf('She said “he told me ‘no’ twice” and “left”. Then “more”.');
    expect(marks).toHaveLength(3);
  });

  it('follows a quotation across lines to where it closes', () => {
    const { lines, marks } = marksOf(
      'Before “a quotation long enough to wrap over lines” after.',
      20,
    );
    expect(marks).toHaveLength(1);
    const [mark] = marks;
    expect(mark!.endLine).toBeGreaterThan(mark!.line);
    const marked = lines.flatMap((line, y) => {
      const range = markedSegments(mark, y);
      return range ? line.segments.slice(range.from, range.to + 1).map((s) => s.text) : [];
    });
    expect(marked.join(' ').replace(/\s+/g, ' ')).toBe(
      '“a quotation long enough to wrap over lines”',
    );
  });

  it('sees no quotation marks in code', () => {
    expect(marksOf('Press `"` for the next quotation, `\'` for the one before.').marks).toEqual([]);
    expect(marksOf('She said “run `make`, then wait” and left.').marks).toHaveLength(1);
  });

  it('ends a quotation with its block, and skips quote bars', () => {
    const { marks } = marksOf('> “one\n\n“two” here');
    expect(marks).toHaveLength(2);
    expect(marks[0]!.endLine).toBe(marks[0]!.line);
  });
});

describe('progress', () => {
  it.each([
    { top: 0, height: 10, total: 100, minutes: 10, expected: { percent: 10, minutesLeft: 9 } },
    { top: 90, height: 10, total: 100, minutes: 10, expected: { percent: 100, minutesLeft: 0 } },
    { top: 0, height: 23, total: 5, minutes: 1, expected: { percent: 100, minutesLeft: 0 } },
    { top: 45, height: 10, total: 100, minutes: 3, expected: { percent: 55, minutesLeft: 2 } },
    { top: 0, height: 10, total: 0, minutes: 0, expected: { percent: 100, minutesLeft: 0 } },
  ])('$top+$height of $total', ({ top, height, total, minutes, expected }) => {
    expect(progress(top, height, total, minutes)).toEqual(expected);
  });

  it('stops the top where the last line reaches the bottom', () => {
    expect(lastTop(100, 23)).toBe(77);
    expect(lastTop(10, 23)).toBe(0);
  });
});

describe('carryTop', () => {
  it('keeps the same paragraph at the same share of its lines', () => {
    const blocks = parseMarkdown(paragraphs(20));
    const wide = layoutBlocks(blocks, 80);
    const narrow = layoutBlocks(blocks, 30);
    for (let top = 0; top < wide.length; top++) {
      const carried = carryTop(wide, top, narrow);
      expect(narrow[carried]!.block).toBe(wide[top]!.block);
      expect(carryTop(narrow, carried, wide)).toBeLessThanOrEqual(top);
    }
  });
});
