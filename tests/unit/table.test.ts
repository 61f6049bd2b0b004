import { describe, expect, it } from 'vitest';
import { layoutBlocks, lineText } from '../../src/core/layout.js';
import { parseMarkdown } from '../../src/core/markdown.js';
import { textWidth } from '../../src/core/text-width.js';

const wrapped = (markdown: string, width: number) =>
  layoutBlocks(parseMarkdown(markdown), width).map(lineText);

const STATIONS = [
  '| Station | Line | Trains a day |',
  '|:--|:-:|--:|',
  '| Leeds | East Coast main line | 120 |',
  '| 東京駅 | 東海道新幹線 | 400 |',
  '| York | — | 80 |',
].join('\n');

describe('tables', () => {
  it('draws a ruled grid sized to its content when it fits', () => {
    expect(wrapped(STATIONS, 80)).toEqual([
      '┌─────────┬──────────────────────┬──────────────┐',
      '│ Station │         Line         │ Trains a day │',
      '├─────────┼──────────────────────┼──────────────┤',
      '│ Leeds   │ East Coast main line │          120 │',
      '│ 東京駅  │     東海道新幹線     │          400 │',
      '│ York    │          —           │           80 │',
      '└─────────┴──────────────────────┴──────────────┘',
    ]);
  });

  it('wraps cells inside their columns when the grid is wider than the room', () => {
    expect(wrapped(STATIONS, 28)).toEqual([
      '┌─────────┬───────┬────────┐',
      '│ Station │ Line  │ Trains │',
      '│         │       │  a day │',
      '├─────────┼───────┼────────┤',
      '│ Leeds   │ East  │    120 │',
      '│         │ Coast │        │',
      '│         │ main  │        │',
      '│         │ line  │        │',
      '│ 東京駅  │ 東海  │    400 │',
      '│         │ 道新  │        │',
      '│         │ 幹線  │        │',
      '│ York    │   —   │     80 │',
      '└─────────┴───────┴────────┘',
    ]);
  });

  it('gives each row as labelled lines when even the narrowest grid does not fit', () => {
    expect(wrapped(STATIONS, 20)).toEqual([
      'Station: Leeds',
      'Line: East Coast',
      '  main line',
      'Trains a day: 120',
      '',
      'Station: 東京駅',
      'Line: 東海道新幹線',
      'Trains a day: 400',
      '',
      'Station: York',
      'Line: —',
      'Trains a day: 80',
    ]);
  });

  it('keeps its place inside a quotation', () => {
    expect(wrapped('> | a | b |\n> |---|---|\n> | 1 | 2 |', 40)).toEqual([
      '│ ┌───┬───┐',
      '│ │ a │ b │',
      '│ ├───┼───┤',
      '│ │ 1 │ 2 │',
      '│ └───┴───┘',
    ]);
  });

  it.each([20, 24, 32, 40, 48, 60, 80, 100, 120])(
    'at %i columns, never wider than the width and every word kept',
    (width) => {
      const table = [
        '| Name | Quote | Where |',
        '|---|---|---|',
        '| Anna Karenina | “All happy families are alike” | Москва |',
        '| 夏目漱石 | 吾輩は猫である。名前はまだ無い。 | 東京 |',
        '| 👩‍🔬 Marie | Nothing in life is to be feared | Paris |',
      ].join('\n');
      const lines = wrapped(table, width);
      for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(width);
      // Cells wrap side by side, so their characters interleave: compare them as sorted sets.
      const letters = (text: string) =>
        [...text.replace(/[\s│┌┐└┘├┤┬┴┼─:|]|Name|Quote|Where/g, '')].sort().join('');
      expect(letters(lines.join(''))).toBe(letters(table.split('\n').slice(2).join('')));
    },
  );

  it('shows a header-only table and ragged rows without losing cells', () => {
    expect(wrapped('| a | b |\n|---|---|', 40)).toEqual(['┌───┬───┐', '│ a │ b │', '└───┴───┘']);
    expect(wrapped('| a | b |\n|---|---|\n| 1 |', 40)).toEqual([
      '┌───┬───┐',
      '│ a │ b │',
      '├───┼───┤',
      '│ 1 │   │',
      '└───┴───┘',
    ]);
  });
});
