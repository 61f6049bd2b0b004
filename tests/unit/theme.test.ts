import { describe, expect, it } from 'vitest';
import type { Style } from '../../src/core/layout.js';
import { attributesOf } from '../../src/core/theme.js';

describe('attributesOf', () => {
  it.each([
    { style: { quote: 1 }, color: true, expected: { italic: true, color: 'yellow' } },
    { style: { quote: 2 }, color: true, expected: { italic: true, color: 'magenta' } },
    { style: { quote: 1 }, color: false, expected: { italic: true, underline: true } },
    { style: { emphasis: true }, color: false, expected: { italic: true } },
    {
      style: { role: 'heading', level: 1 },
      color: false,
      expected: { bold: true, underline: true },
    },
    {
      style: { role: 'heading', level: 3 },
      color: false,
      expected: { bold: true, underline: false },
    },
    {
      style: { link: 'https://example.org' },
      color: true,
      expected: { underline: true, color: 'blue' },
    },
    { style: { role: 'bar' }, color: false, expected: {} },
  ] as { style: Style; color: boolean; expected: object }[])(
    '$style, colour $color → $expected',
    ({ style, color, expected }) => {
      expect(attributesOf(style, color)).toEqual(expected);
    },
  );

  it('keeps quotations, emphasis and links apart without colour', () => {
    const styles: Style[] = [{ quote: 1 }, { emphasis: true }, { link: 'https://example.org' }, {}];
    const looks = styles.map((style) => JSON.stringify(attributesOf(style, false)));
    expect(new Set(looks).size).toBe(looks.length);
  });
});
