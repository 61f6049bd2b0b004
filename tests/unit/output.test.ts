import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import {
  colorLevel,
  formatWarnings,
  jsonArrayPieces,
  renderLines,
  toJson,
} from '../../src/commands/output.js';
import { layoutBlocks } from '../../src/core/layout.js';
import { parseMarkdown } from '../../src/core/markdown.js';

describe('colorLevel', () => {
  it.each([
    { env: {}, tty: true, expected: 1 },
    { env: {}, tty: false, expected: 0 },
    { env: { NO_COLOR: '1' }, tty: true, expected: 0 },
    { env: { NO_COLOR: '' }, tty: true, expected: 1 },
    { env: { FORCE_COLOR: '1' }, tty: false, expected: 1 },
    { env: { FORCE_COLOR: '' }, tty: false, expected: 1 },
    { env: { FORCE_COLOR: '3' }, tty: false, expected: 3 },
    { env: { FORCE_COLOR: '0' }, tty: true, expected: 0 },
    { env: { FORCE_COLOR: 'false' }, tty: true, expected: 0 },
    { env: { FORCE_COLOR: '1', NO_COLOR: '1' }, tty: false, expected: 1 },
    { env: { TERM: 'dumb' }, tty: true, expected: 0 },
    { env: { TERM: 'xterm-256color' }, tty: true, expected: 2 },
    { env: { COLORTERM: 'truecolor' }, tty: true, expected: 3 },
  ])('$env on a terminal: $tty', ({ env, tty, expected }) => {
    expect(colorLevel(env, tty)).toBe(expected);
  });
});

describe('renderLines', () => {
  const lines = layoutBlocks(parseMarkdown('# Head\n\nSaid “yes” **now**.'), 80);

  it('prints plain text without colour', () => {
    expect(renderLines(lines, new Chalk({ level: 0 }))).toBe('Head\n\nSaid “yes” now.');
  });

  it('styles headings, quotations and strong text with colour', () => {
    const out = renderLines(lines, new Chalk({ level: 1 }));
    expect(out).toContain('\x1b[1m\x1b[4mHead'); // bold, underlined
    expect(out).toContain('\x1b[33m\x1b[3m“yes”'); // yellow, italic
    expect(out).toContain('\x1b[1mnow'); // bold
  });
});

describe('formatWarnings', () => {
  it('prints one sanitized line a warning', () => {
    expect(
      formatWarnings([
        { path: '/x/\x1b]0;evil\x07a\nb.md', message: 'skipped: binary content, not text' },
      ]),
    ).toBe('inkwell: /x/a b.md: skipped: binary content, not text\n');
  });
});

describe('jsonArrayPieces: the same text as toJson, in pieces', () => {
  const item = (k: number) => ({
    id: `a${k}`,
    title: `Title ${k} with "quotes"\nand a line break`,
    tags: k % 2 ? [] : ['x', 'y'],
    nested: { empty: {}, list: [[]] },
    risky: 'bidi \u202e and DEL \x7f and C1 \x85',
    none: null,
  });
  it.each([0, 1, 2, 511, 512, 513, 1500])('%i items', (count) => {
    const items = Array.from({ length: count }, (_, k) => k);
    const pieces = [...jsonArrayPieces(items, item)];
    expect(pieces.join('')).toBe(toJson(items.map(item)));
    expect(pieces.length).toBe(Math.max(1, Math.ceil(count / 512)));
  });
});
