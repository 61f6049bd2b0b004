import chalk from 'chalk';
import { beforeAll, describe, expect, it } from 'vitest';
import { styledText, type TextLook } from '../../src/ui/styled-text.js';

beforeAll(() => {
  chalk.level = 2;
});

describe('styledText', () => {
  it.each<[string, TextLook, () => string]>([
    ['plain', {}, () => 'abc'],
    ['dim', { dimColor: true }, () => chalk.dim('abc')],
    ['a named colour', { color: 'cyan' }, () => chalk.cyan('abc')],
    ['an unknown colour, ignored', { color: 'nope' }, () => 'abc'],
    // Ink's order: dim, colour, bold, italic, underline, inverse.
    [
      'all of them',
      { dimColor: true, color: 'yellow', bold: true, italic: true, underline: true, inverse: true },
      () =>
        chalk.inverse(chalk.underline(chalk.italic(chalk.bold(chalk.yellow(chalk.dim('abc')))))),
    ],
  ])('%s', (_name, look, expected) => {
    expect(styledText('abc', look)).toBe(expected());
  });

  it('leaves empty text empty', () => {
    expect(styledText('', { bold: true, color: 'cyan' })).toBe('');
  });
});
