import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { graphemes, graphemeWidth, textWidth, truncate } from '../../src/core/text-width.js';
import inkStringWidth from '../../src/ui/string-width.js';

const segmenter = new Intl.Segmenter();
const bySegmenter = (text: string) => Array.from(segmenter.segment(text), (part) => part.segment);

describe('graphemes', () => {
  it.each([
    'plain ASCII',
    'café naïve Zürich ĳssel Ελληνικά кириллица',
    'e\u0301 combining, a\u0308\u0301 two marks',
    '日本語の文章、中文，한국어',
    '한국어 jamo: \u1100\u1161\u11a8 and \u1112\u1161\u11ab',
    '👍🏽 👨‍👩‍👧‍👦 🏳️‍🌈 ❤️ 🇨🇿🇫🇷 #️⃣ 🏴󠁧󠁢󠁳󠁣󠁴󠁿',
    'ไทย สวัสดีครับ น้ำ',
    'हिन्दी नमस्ते क्षत्रिय',
    'עברית שָׁלוֹם, العربية مرحبا \u0600\u0661',
    'ｶﾞｷﾞ halfwidth voiced',
    'zero\u200bwidth\u200cnon\u200djoiner',
    // Prepended marks join the letter after them.
    '\u{1193f}a \u{11941}b \u{11a84}c \u{11d46}d \u{11f02}e \u{113d1}f',
    // Ink's lines, escapes and all: the bundle has Ink's tokenizer split them with graphemes().
    '\x1b[1m\x1b[7m Russia’s Putin \x1b[27m\x1b[22m — “quoted”',
    '\x1b]8;;https://example.org/a\x07a link\x1b]8;;\x07 after',
    '\x1b[3mcafe\u0301 👍🏽\x1b[23m 日本',
  ])('splits %s as the segmenter does', (text) => {
    expect(graphemes(text)).toEqual(bySegmenter(text));
  });
});

describe('widths', () => {
  it.each([
    { text: 'abc', width: 3 },
    { text: '日本', width: 4 },
    { text: '👨‍👩‍👧', width: 2 },
    { text: '🇨🇿', width: 2 },
    { text: 'e\u0301', width: 1 },
    { text: 'שלום', width: 4 },
  ])('$text takes $width columns', ({ text, width }) => {
    expect(textWidth(text)).toBe(width);
    expect(graphemes(text).reduce((sum, g) => sum + graphemeWidth(g), 0)).toBe(width);
  });
});

describe('the same widths as string-width', () => {
  it('for every code point of the first two planes, and the first of every 64 beyond', () => {
    const differ: string[] = [];
    for (let point = 0; point <= 0x10ffff; point += point < 0x20000 ? 1 : 64) {
      if (point >= 0xd800 && point <= 0xdfff) continue;
      const char = String.fromCodePoint(point);
      if (graphemeWidth(char) !== stringWidth(char)) differ.push(point.toString(16));
    }
    expect(differ).toEqual([]);
  });

  it.each([
    'Russia’s “quoted” words — and a dash…',
    '日本語の文章、中文，한국어 and 👍🏽 👨‍👩‍👧‍👦 🇨🇿',
    'e\u0301te\u0301 ไทย น้ำ हिन्दी',
    '\x1b[1mbold\x1b[22m and \x1b[38;5;3mcolour\x1b[39m “quoted”',
    '\x1b]8;;https://example.org\x07link\x1b]8;;\x07 text',
    '\u{1193f}a \u{11941}b \u{11a84}c \u{11d46}d \u{11f02}e \u{113d1}f and more text',
    // Pictographs joined, emoji or not; a joiner after a letter or a flag joins nothing.
    '👩🏽‍💻 🏳️‍🌈 ❤️‍🔥 👨‍🦲‍👩 ☺\u200d☺ ©\u200d© a\u200d👨 🇫🇷\u200d👨 👨\u200d',
    // Hangul syllables and jamo, and a run of flags: an odd one at the end.
    '가\u11a8 \u1100\u1161\u11a8 각\u1161 🇫🇷🇨🇿🇫',
  ])('for %j, as Ink measures it', (text) => {
    expect(textWidth(text.replace(/\x1b\[[0-9;]*m|\x1b\]8;;[^\x07]*\x07/g, ''))).toBe(
      stringWidth(text),
    );
    expect(inkStringWidth(text)).toBe(stringWidth(text));
  });
});

describe('truncate', () => {
  it.each([
    { text: 'short', width: 10, expected: 'short' },
    { text: 'a long title', width: 8, expected: 'a long…' },
    { text: '日本語のタイトル', width: 7, expected: '日本語…' },
    { text: 'anything', width: 1, expected: '…' },
    { text: 'anything', width: 0, expected: '' },
  ])('$text in $width columns', ({ text, width, expected }) => {
    expect(truncate(text, width)).toBe(expected);
    expect(textWidth(truncate(text, width))).toBeLessThanOrEqual(width);
  });
});
