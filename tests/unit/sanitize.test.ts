import { describe, expect, it } from 'vitest';
import { sanitize, sanitizeLine } from '../../src/core/sanitize.js';
import { TERMINAL_CONTROLS } from '../helpers/terminal-controls.js';

const ESC = '\x1b';
const BEL = '\x07';
const ST = `${ESC}\\`;

describe('sanitize', () => {
  it.each([
    { name: 'plain text', input: 'Hello, world.', expected: 'Hello, world.' },
    { name: 'cursor up', input: `a${ESC}[2Ab`, expected: 'ab' },
    { name: 'cursor position', input: `a${ESC}[10;20Hb`, expected: 'ab' },
    { name: 'clear screen', input: `a${ESC}[2J${ESC}[Hb`, expected: 'ab' },
    { name: 'SGR colour', input: `${ESC}[31mred${ESC}[0m`, expected: 'red' },
    { name: 'private mode (alt screen)', input: `a${ESC}[?1049hb`, expected: 'ab' },
    { name: 'OSC 0 title, BEL', input: `a${ESC}]0;pwned${BEL}b`, expected: 'ab' },
    { name: 'OSC 0 title, ST', input: `a${ESC}]0;pwned${ST}b`, expected: 'ab' },
    {
      name: 'OSC 8 link, BEL',
      input: `${ESC}]8;;http://evil${BEL}click${ESC}]8;;${BEL}`,
      expected: 'click',
    },
    {
      name: 'OSC 8 link, ST',
      input: `${ESC}]8;;http://evil${ST}click${ESC}]8;;${ST}`,
      expected: 'click',
    },
    { name: 'OSC 52 clipboard, BEL', input: `a${ESC}]52;c;cm0gLXJmIH4=${BEL}b`, expected: 'ab' },
    { name: 'OSC 52 clipboard, ST', input: `a${ESC}]52;c;cm0gLXJmIH4=${ST}b`, expected: 'ab' },
    {
      name: 'unterminated OSC ends with its line',
      input: `a${ESC}]0;title\nnext`,
      expected: 'a\nnext',
    },
    { name: 'unterminated OSC at the end', input: `a${ESC}]52;c;AAAA`, expected: 'a' },
    { name: 'OSC cut short by another escape', input: `a${ESC}]0;t${ESC}[2Jb`, expected: 'ab' },
    { name: 'DCS', input: `a${ESC}P1$r0m${ST}b`, expected: 'ab' },
    { name: 'APC', input: `a${ESC}_Gf=100;AAAA${ST}b`, expected: 'ab' },
    { name: 'SOS and PM', input: `a${ESC}Xsos${ST}${ESC}^pm${ST}b`, expected: 'ab' },
    { name: '8-bit CSI', input: 'a\x9b2Jb', expected: 'ab' },
    { name: '8-bit OSC ended by 8-bit ST', input: 'a\x9d0;title\x9cb', expected: 'ab' },
    { name: '8-bit DCS', input: 'a\x90q#0\x9cb', expected: 'ab' },
    { name: 'reset (ESC c)', input: `a${ESC}cb`, expected: 'ab' },
    { name: 'save cursor (ESC 7)', input: `a${ESC}7b`, expected: 'ab' },
    { name: 'charset (ESC ( 0)', input: `a${ESC}(0b`, expected: 'ab' },
    { name: 'lone ESC at the end', input: `a${ESC}`, expected: 'a' },
    { name: 'bell', input: `a${BEL}b`, expected: 'ab' },
    { name: 'backspaces cannot rub out text', input: 'good\b\b\b\bevil', expected: 'goodevil' },
    { name: 'CR cannot overwrite a line', input: 'safe\rEVIL', expected: 'safe\nEVIL' },
    { name: 'CRLF', input: 'one\r\ntwo\r\n', expected: 'one\ntwo\n' },
    { name: 'vertical tab and form feed', input: 'a\vb\fc', expected: 'a\nb\nc' },
    { name: 'NUL and DEL', input: 'a\0b\x7fc', expected: 'abc' },
    { name: 'other C1 controls', input: 'a\x85b\x8dc\x81d', expected: 'a\nbcd' },
    { name: 'bidi override', input: 'a\u202eevil\u202cb', expected: 'aevilb' },
    { name: 'bidi isolates', input: '\u2066a\u2067b\u2068c\u2069', expected: 'abc' },
    { name: 'lone high surrogate', input: 'a\ud800b', expected: 'a\ufffdb' },
    { name: 'lone low surrogate', input: 'a\udc00b', expected: 'a\ufffdb' },
    {
      name: 'tab expands to the next stop of 4',
      input: 'a\tb\n\tc\nabcd\te',
      expected: 'a   b\n    c\nabcd    e',
    },
    { name: 'line separator', input: 'a\u2028b', expected: 'a\nb' },
  ])('$name', ({ input, expected }) => {
    expect(sanitize(input)).toBe(expected);
  });

  it.each([
    { name: 'CJK', input: '日本語のテキスト' },
    { name: 'emoji ZWJ sequence', input: '👨‍👩‍👧 family' },
    { name: 'flag', input: '🇨🇿 Praha' },
    { name: 'combining marks', input: 'e\u0301te\u0301' },
    { name: 'Hebrew with marks', input: 'שָׁלוֹם \u200fעולם' },
    { name: 'Arabic', input: 'مرحبا بالعالم' },
    { name: 'no-break space and soft hyphen', input: 'a\u00a0b co\u00adop' },
  ])('keeps $name', ({ input }) => {
    expect(sanitize(input)).toBe(input);
  });

  it('leaves nothing a terminal would act on, whatever the mix', () => {
    const hostile = [
      `${ESC}]0;x${BEL}`,
      `${ESC}[2J`,
      '\x9b31m',
      `${ESC}P${ESC}\\`,
      '\u202e',
      '\r',
      '\b',
      `${ESC}${ESC}[[`,
      '\x9d',
      `${ESC}]8;;`,
    ];
    let text = '';
    for (let i = 0; i < 400; i++)
      text += hostile[(i * 7) % hostile.length] + String.fromCharCode(97 + (i % 26));
    const safe = sanitize(text);
    expect(safe).not.toMatch(TERMINAL_CONTROLS);
    expect(sanitize(safe)).toBe(safe);
  });
});

describe('sanitizeLine', () => {
  it('makes one line of a field', () => {
    expect(sanitizeLine('  A title\nin two\tlines ')).toBe('A title in two lines');
  });
  it('sanitizes as well', () => {
    expect(sanitizeLine(`Title${ESC}]0;x${BEL}`)).toBe('Title');
  });
});
