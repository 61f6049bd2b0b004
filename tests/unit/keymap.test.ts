import type { Key } from 'ink';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KEYMAP, keyHints, keyLabel, keyNames, keyToAction } from '../../src/ui/keymap.js';

const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

describe('keyNames', () => {
  it.each([
    { input: '', key: { downArrow: true }, expected: ['down'] },
    { input: '', key: { pageDown: true }, expected: ['pagedown'] },
    { input: '\r', key: { return: true }, expected: ['enter'] },
    { input: '', key: { escape: true, meta: true }, expected: ['escape'] },
    { input: 'c', key: { ctrl: true }, expected: ['ctrl+c'] },
    { input: 'F', key: { ctrl: true, shift: true }, expected: ['ctrl+f'] },
    { input: 'j', key: { meta: true }, expected: ['other'] },
    { input: ' ', key: {}, expected: ['space'] },
    { input: 'G', key: { shift: true }, expected: ['G'] },
    { input: '"', key: {}, expected: ['"'] },
    // Fast typing arrives as one piece of input.
    { input: 'jjk', key: {}, expected: ['j', 'j', 'k'] },
    { input: 'G\r', key: {}, expected: ['G', 'enter'] },
    { input: '\t', key: { tab: true }, expected: ['tab'] },
    { input: '', key: {}, expected: ['other'] },
    // Control characters can arrive in a run too, when the app was busy.
    { input: 'jj\x03', key: {}, expected: ['j', 'j', 'ctrl+c'] },
    { input: 'j\x06\x7f', key: {}, expected: ['j', 'ctrl+f', 'backspace'] },
    // Ink 6 reports Backspace as Delete.
    { input: '', key: { delete: true }, expected: ['backspace'] },
    { input: '', key: { backspace: true }, expected: ['backspace'] },
    { input: 'é', key: {}, expected: ['é'] },
    { input: '😀x', key: {}, expected: ['😀', 'x'] },
  ])('$input $key → $expected', ({ input, key, expected }) => {
    expect(keyNames(input, { ...NO_KEY, ...key })).toEqual(expected);
  });
});

describe('keyToAction', () => {
  it.each([
    { screen: 'list', name: 'j', expected: 'down' },
    { screen: 'list', name: 'down', expected: 'down' },
    { screen: 'list', name: 'space', expected: 'pageDown' },
    { screen: 'list', name: 'G', expected: 'last' },
    { screen: 'list', name: 'home', expected: 'first' },
    { screen: 'list', name: 'enter', expected: 'open' },
    { screen: 'list', name: 'right', expected: 'open' },
    { screen: 'list', name: 'l', expected: 'open' },
    { screen: 'list', name: 'q', expected: 'quit' },
    { screen: 'list', name: 'ctrl+c', expected: 'quit' },
    { screen: 'list', name: '"', expected: undefined },
    { screen: 'reader', name: 'q', expected: 'back' },
    { screen: 'reader', name: 'escape', expected: 'back' },
    { screen: 'reader', name: 'h', expected: 'back' },
    { screen: 'reader', name: 'left', expected: 'back' },
    { screen: 'reader', name: 'f', expected: 'pageDown' },
    { screen: 'reader', name: 'pageup', expected: 'pageUp' },
    { screen: 'reader', name: 'd', expected: 'halfDown' },
    { screen: 'reader', name: 'u', expected: 'halfUp' },
    { screen: 'reader', name: ']', expected: 'nextArticle' },
    { screen: 'reader', name: '[', expected: 'previousArticle' },
    { screen: 'reader', name: '"', expected: 'nextQuote' },
    { screen: 'reader', name: "'", expected: 'previousQuote' },
    { screen: 'reader', name: 'o', expected: 'openLink' },
    { screen: 'reader', name: '?', expected: 'help' },
    { screen: 'reader', name: 'ctrl+c', expected: 'quit' },
    { screen: 'reader', name: 'x', expected: undefined },
    { screen: 'list', name: '/', expected: 'search' },
    { screen: 'list', name: 'escape', expected: 'clearSearch' },
    { screen: 'reader', name: '/', expected: 'find' },
    { screen: 'reader', name: 'n', expected: 'nextMatch' },
    { screen: 'reader', name: 'N', expected: 'previousMatch' },
    { screen: 'field', name: 'enter', expected: 'submit' },
    { screen: 'field', name: 'escape', expected: 'cancel' },
    { screen: 'field', name: 'backspace', expected: 'deleteBack' },
    { screen: 'field', name: 'ctrl+c', expected: 'quit' },
    { screen: 'field', name: 'q', expected: undefined },
    { screen: 'field', name: 'j', expected: undefined },
  ] as const)('$screen: $name → $expected', ({ screen, name, expected }) => {
    expect(keyToAction(screen, name)).toBe(expected);
  });

  it('gives every key one meaning per screen', () => {
    for (const bindings of Object.values(KEYMAP)) {
      const keys = bindings.flatMap((binding) => binding.keys);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });
});

describe('labels', () => {
  it('writes keys as people read them', () => {
    expect(['down', 'pagedown', 'ctrl+f', 'escape', 'G'].map(keyLabel)).toEqual([
      '↓',
      'PgDn',
      'Ctrl+F',
      'Esc',
      'G',
    ]);
  });

  it('hints at the keys that matter', () => {
    // The most important first: a narrow footer keeps the way out and the help the longest.
    expect(keyHints('list')).toEqual([
      'q quit',
      '? keys',
      'Enter read',
      '↓ move',
      '/ search',
      'Tab lists',
      's star',
    ]);
    expect(keyHints('reader')).toEqual([
      'q back',
      '? keys',
      '↓ scroll',
      '" quotes',
      '/ find',
      'o browser',
      'L links',
    ]);
    expect(keyHints('field')).toEqual(['Enter keep', 'Esc clear']);
  });
});

describe('the README', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

  it.each(['list', 'reader', 'field', 'overlay'] as const)(
    'has the %s keys exactly as the keymap',
    (screen) => {
      const table = readme.split(`<!-- keys: ${screen} -->`)[1]?.split('<!-- /keys -->')[0] ?? '';
      const rows = table
        .trim()
        .split('\n')
        .slice(2)
        .map((row) =>
          row
            .split('|')
            .slice(1, -1)
            .map((cell) => cell.trim()),
        );
      expect(rows).toEqual(
        KEYMAP[screen].map((binding) => [
          binding.keys.map((key) => `\`${keyLabel(key)}\``).join(' '),
          binding.help,
        ]),
      );
    },
  );
});
