// Bodies built to make a parser or wrapper take quadratic time or blow the stack. Each took seconds to
// minutes, or crashed, before its fix; now each must finish, whole, well inside the test timeout.
import { describe, expect, it } from 'vitest';
import { countWords } from '../../src/core/article.js';
import { layoutBlocks, lineText } from '../../src/core/layout.js';
import { MAX_BLOCK_NESTING, parseMarkdown, type Block } from '../../src/core/markdown.js';
import { findQuotations, MAX_NESTING } from '../../src/core/quotes.js';
import { textWidth } from '../../src/core/text-width.js';

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
    const lines = laidOut('a_'.repeat(100_000));
    expect(lines.map(lineText).join('')).toBe('a_'.repeat(100_000));
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
      name: 'a code block of 300,000 lines',
      body: '```\n' + 'a\n'.repeat(300_000) + '```',
      lines: 300_000,
    },
    { name: 'a list of 150,000 items', body: '- a\n'.repeat(150_000), lines: 150_000 },
    {
      name: 'a paragraph of 150,000 lines at 10 columns',
      body: 'abcd '.repeat(300_000),
      lines: 150_000,
    },
  ])('lays out $name', ({ body, lines }) => {
    expect(laidOut(body, 10)).toHaveLength(lines);
  });

  it('draws lists nested 1,000 deep at a bounded depth', () => {
    const lines = laidOut('- '.repeat(1000) + 'deep', 80);
    expect(lines.map(lineText).join('\n')).toContain('deep');
    const depthOf = (blocks: Block[]): number =>
      Math.max(
        0,
        ...blocks.map((block) =>
          block.kind === 'list' ? 1 + Math.max(0, ...block.items.map(depthOf)) : 0,
        ),
      );
    expect(depthOf(parseMarkdown('- '.repeat(1000) + 'x'))).toBe(MAX_BLOCK_NESTING);
  });

  it('keeps the text of quotes nested deeper than the parser can go', () => {
    const lines = laidOut('>'.repeat(5000) + ' still here', 80);
    expect(lines.map(lineText).join(' ')).toContain('still here');
  });
});
