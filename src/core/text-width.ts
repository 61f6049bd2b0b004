// Terminal column widths of graphemes: CJK and emoji take two columns, combining marks none.
import { eastAsianWidth } from 'get-east-asian-width';
import { createRequire } from 'node:module';

// string-width takes ~30 ms to load (it builds a segmenter and its emoji patterns), and only text whose
// code points join into graphemes needs it: it is loaded on first use, with require() so that a width
// stays a plain function call. The bundle leaves it to node_modules for the same reason.
const load = createRequire(import.meta.url);
let stringWidthModule: typeof import('string-width') | undefined;

type WidthOptions = Parameters<typeof import('string-width').default>[1];

/** string-width's answer, the reference for every width here. */
export function packageWidth(text: string, options?: WidthOptions): number {
  stringWidthModule ??= load('string-width') as typeof import('string-width');
  return stringWidthModule.default(text, options);
}

// Created on first use: an Intl.Segmenter costs ~15 ms, too much for start-up.
let segmenter: Intl.Segmenter | undefined;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const widthCache = new Map<string, number>();

/**
 * What can join code points into one grapheme: extending marks and joiners, emoji modifiers, regional
 * indicators (flags), Hangul jamo, prepended marks, Thai and Lao AM. Without any of them each code point is
 * a grapheme, and the segmenter, slow on Node 20, is not needed.
 */
const JOINERS =
  /[\p{M}\p{Grapheme_Extend}\p{Emoji_Modifier}\p{Regional_Indicator}\u200d\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u0d4e\u0e33\u0eb3\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\u{110bd}\u{110cd}\u{111c2}\u{111c3}\u{113d1}\u{1193f}\u{11941}\u{11a84}-\u{11a89}\u{11d46}\u{11f02}]/u;

/** What string-width counts as taking no column, for a lone code point. */
const ZERO_WIDTH =
  /^[\p{Default_Ignorable_Code_Point}\p{Control}\p{Format}\p{Nonspacing_Mark}\p{Enclosing_Mark}\p{Surrogate}]$/u;
/** A lone code point shown as an emoji: two columns. */
const EMOJI = /^\p{Emoji_Presentation}$/u;

/**
 * Columns one code point that joins with nothing takes: string-width's answer (a test checks every code
 * point), without the ~35 ms its first call spends compiling its emoji patterns.
 */
function codePointWidth(char: string): number {
  if (ZERO_WIDTH.test(char)) return 0;
  return EMOJI.test(char) ? 2 : eastAsianWidth(char.codePointAt(0)!);
}

/**
 * Characters handed to the segmenter at once. On Node 20 it slows sharply with the length of the string it
 * segments (80,000 characters take seconds): text is segmented a bounded piece at a time, which keeps the
 * work linear.
 */
const SEGMENT_CHUNK = 256;

// Each mark in the classes below stands alone: none is meant to combine with the one before it.
/* eslint-disable no-misleading-character-class */
/**
 * Combining marks of the Latin, Greek, Cyrillic, Hebrew, Arabic, Thai and Lao scripts (Thai and Lao AM too,
 * their viramas not), and variation selectors: each joins the character before it and nothing else,
 * whatever comes next.
 */
const PLAIN_MARK =
  /[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u0610-\u061a\u064b-\u065f\u0670\u0e31\u0e33-\u0e39\u0e47-\u0e4e\u0eb1\u0eb3-\u0eb9\u0ebb\u0ebc\u0ec8-\u0ece\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20f0\ufe00-\ufe0f\ufe20-\ufe2f]/u;
/**
 * What a text must not hold for plainGraphemes to split it as the segmenter does: any other joiner, and
 * the controls, format characters and separators a mark does not join.
 */
const NOT_PLAIN = new RegExp(
  `(?!${PLAIN_MARK.source})${JOINERS.source}|[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\p{Cn}\\p{Cs}]`,
  'u',
);
/* eslint-enable no-misleading-character-class */
/** PLAIN_MARK as a table of UTF-16 units (its marks are all in the first plane): a lookup per unit. */
let plainMarks: Uint8Array | undefined;

/** Graphemes of a text NOT_PLAIN accepts: each character with the plain marks after it. */
function plainGraphemes(text: string): string[] {
  if (!plainMarks) {
    plainMarks = new Uint8Array(0x10000);
    for (let unit = 0; unit < 0x10000; unit++) {
      if (PLAIN_MARK.test(String.fromCharCode(unit))) plainMarks[unit] = 1;
    }
  }
  const out: string[] = [];
  let start = 0;
  for (let at = 1; at <= text.length; at++) {
    if (at < text.length && plainMarks[text.charCodeAt(at)] === 1) continue;
    // A low surrogate ends the pair its high one starts.
    if (at < text.length && isLowSurrogate(text.charCodeAt(at))) continue;
    out.push(text.slice(start, at));
    start = at;
  }
  return out;
}

/** The user-perceived characters of `text` (an emoji ZWJ sequence or a flag is one). */
export function graphemes(text: string): string[] {
  if (PRINTABLE_ASCII.test(text) || !JOINERS.test(text)) return [...text];
  // Text whose only joiners are plain combining marks needs no segmenter, slow even a piece at a time.
  if (!NOT_PLAIN.test(text)) return plainGraphemes(text);
  return [...eachGrapheme(text)];
}

/**
 * The graphemes of `text` one by one, segmented a piece at a time: each piece's last grapheme may go on in
 * the next piece, so the next piece starts where it starts. A grapheme longer than a piece (a letter with
 * thousands of marks) is cut into pieces of SEGMENT_CHUNK characters, as no terminal draws it whole anyway.
 */
export function* eachGrapheme(text: string): Generator<string> {
  if (PRINTABLE_ASCII.test(text) || !JOINERS.test(text)) {
    yield* text;
    return;
  }
  if (!NOT_PLAIN.test(text)) {
    yield* plainGraphemes(text);
    return;
  }
  segmenter ??= new Intl.Segmenter();
  let at = 0;
  while (at < text.length) {
    const start = at;
    let end = Math.min(text.length, at + SEGMENT_CHUNK);
    // Never split a surrogate pair.
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
    let last = '';
    for (const { segment } of segmenter.segment(text.slice(at, end))) {
      if (last) {
        yield last;
        at += last.length;
      }
      last = segment;
    }
    // The piece's last grapheme is known whole only at the end of the text, or when it fills the piece.
    if (end === text.length || at === start) {
      yield last;
      at += last.length;
    }
  }
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** Columns one grapheme (or any short text) takes, as Ink measures it. */
export function graphemeWidth(grapheme: string): number {
  if (grapheme.length === 1 && grapheme >= ' ' && grapheme < '\x7f') return 1;
  let width = widthCache.get(grapheme);
  if (width === undefined) {
    const single =
      grapheme.length === 1 || (grapheme.length === 2 && grapheme.codePointAt(0)! > 0xffff);
    width = single && !JOINERS.test(grapheme) ? codePointWidth(grapheme) : packageWidth(grapheme);
    if (widthCache.size < 10_000 && grapheme.length <= 16) widthCache.set(grapheme, width);
  }
  return width;
}

/** Columns `text` takes. */
export function textWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  // Short texts with joiners (a flag, a family emoji) are cached whole.
  if (text.length <= 8 && JOINERS.test(text)) return graphemeWidth(text);
  // string-width adds up the widths of the graphemes: the same sum from cached widths, and segmented a
  // piece at a time, without its slow segmenting of the whole string. Without joiners each code point is
  // a grapheme of its own.
  let width = 0;
  if (!JOINERS.test(text)) for (const char of text) width += graphemeWidth(char);
  else for (const grapheme of eachGrapheme(text)) width += graphemeWidth(grapheme);
  return width;
}

/** `text` cut to at most `width` columns, ending in … when it was cut. */
export function truncate(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  if (width <= 0) return '';
  let out = '';
  let used = 0;
  for (const grapheme of eachGrapheme(text)) {
    const w = graphemeWidth(grapheme);
    if (used + w > width - 1) break;
    out += grapheme;
    used += w;
  }
  return out.trimEnd() + '…';
}
