import { describe, expect, it } from 'vitest';
import { attributesOf } from '../../src/core/theme.js';
import { isKeyName, withOverrides } from '../../src/ui/key-overrides.js';
import { keyToAction } from '../../src/ui/keymap.js';

describe('key overrides', () => {
  it.each([
    { keys: { bookmark: ['x'] }, problems: [] as string[] },
    { keys: { bookmark: ['x', 'ctrl+s'] }, problems: [] },
    { keys: { nope: ['x'] }, problems: ['keys.nope: no such command; the default keys are kept'] },
    {
      keys: { bookmark: [] },
      problems: ['keys.bookmark: give at least one key; the default keys are kept'],
    },
    {
      keys: { bookmark: ['xx'] },
      problems: ['keys.bookmark: "xx" is not a key name; the default keys are kept'],
    },
    {
      keys: { quit: ['ctrl+c', 'x'] },
      problems: ['keys.quit: ctrl+c always quits; the default keys are kept'],
    },
    {
      keys: { bookmark: ['j'] },
      problems: ['keys.bookmark: j already means down (list); the default keys are kept'],
    },
    // Moving `down` away from j first frees it.
    { keys: { down: ['e'], bookmark: ['j'] }, problems: [] },
  ] as { keys: Record<string, string[]>; problems: string[] }[])(
    '$keys → $problems',
    ({ keys, problems }) => {
      expect(withOverrides(keys).problems).toEqual(problems);
    },
  );

  it('applies an override on every screen the command is on, and keeps the defaults of a bad one', () => {
    const { keymap } = withOverrides({ bookmark: ['x'], toggleRead: ['zz'] });
    expect(keyToAction('list', 'x', keymap)).toBe('bookmark');
    expect(keyToAction('reader', 'x', keymap)).toBe('bookmark');
    expect(keyToAction('list', 's', keymap)).toBeUndefined();
    expect(keyToAction('list', 'm', keymap)).toBe('toggleRead');
  });

  it.each([
    ['x', true],
    ['G', true],
    ['ctrl+f', true],
    ['pagedown', true],
    ['tab', true],
    ['', false],
    ['ab', false],
    ['ctrl+1', false],
    ['\x1b', false],
  ])('%j is a key name: %s', (name, expected) => {
    expect(isKeyName(name)).toBe(expected);
  });
});

describe('themes', () => {
  it.each([
    { palette: 'dark', expected: { italic: true, color: 'yellow' } },
    { palette: 'light', expected: { italic: true, color: 'magenta' } },
    { palette: 'mono', expected: { italic: true, underline: true } },
  ] as const)('a quotation in $palette → $expected', ({ palette, expected }) => {
    expect(attributesOf({ quote: 1 }, palette)).toEqual(expected);
  });
});
