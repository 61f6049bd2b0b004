// Terminal column widths of graphemes: CJK and emoji take two columns, combining marks none.
import { eastAsianWidth } from 'get-east-asian-width';
import { createRequire } from 'node:module';
import { JOINERS, ruledGraphemes } from './grapheme-rules.js';

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

/** What string-width counts as taking no column, for a lone code point. */
const ZERO_WIDTH =
  /^[\p{Default_Ignorable_Code_Point}\p{Control}\p{Format}\p{Nonspacing_Mark}\p{Enclosing_Mark}\p{Surrogate}]$/u;
/** A lone code point shown as an emoji: two columns. */
const EMOJI = /^\p{Emoji_Presentation}$/u;

/**
 * Columns one code point that joins with nothing takes: string-width's answer (a test checks every code
 * point), without the ~35 ms its first call spends compiling its emoji patterns.
 */
function loneCodePointWidth(char: string): number {
  if (ZERO_WIDTH.test(char)) return 0;
  return EMOJI.test(char) ? 2 : eastAsianWidth(char.codePointAt(0)!);
}

/**
 * Characters handed to the segmenter at once. On Node 20 it slows sharply with the length of the string it
 * segments (80,000 characters take seconds): text is segmented a bounded piece at a time, which keeps the
 * work linear.
 */
const SEGMENT_CHUNK = 256;

/** The user-perceived characters of `text` (an emoji ZWJ sequence or a flag is one). */
export function graphemes(text: string): string[] {
  if (PRINTABLE_ASCII.test(text) || !JOINERS.test(text)) return [...text];
  // Text whose only joiners are plain combining marks and emoji joiners needs no segmenter, slow even a
  // piece at a time.
  return ruledGraphemes(text, SEGMENT_CHUNK) ?? [...segmentedGraphemes(text)];
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
  yield* ruledGraphemes(text, SEGMENT_CHUNK) ?? segmentedGraphemes(text);
}

/** The graphemes of `text` as the segmenter finds them, a piece at a time. */
function* segmentedGraphemes(text: string): Generator<string> {
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

/** Columns one grapheme (or any short text) takes, as Ink measures it. */
export function graphemeWidth(grapheme: string): number {
  if (grapheme.length === 1 && grapheme >= ' ' && grapheme < '\x7f') return 1;
  let width = widthCache.get(grapheme);
  if (width === undefined) {
    const single =
      grapheme.length === 1 || (grapheme.length === 2 && grapheme.codePointAt(0)! > 0xffff);
    width =
      single && !JOINERS.test(grapheme)
        ? loneCodePointWidth(grapheme)
        : grapheme.length > LONGEST_EMOJI
          ? longGraphemeWidth(grapheme)
          : joinedPictographs(grapheme)
            ? 2
            : packageWidth(grapheme);
    if (widthCache.size < 10_000 && grapheme.length <= 16) widthCache.set(grapheme, width);
  }
  return width;
}

/** string-width's bound on an emoji sequence, in UTF-16 units: a longer grapheme is measured as text. */
const LONGEST_EMOJI = 50;
/** What string-width counts as drawn: the first such character of a grapheme gives its width. */
const VISIBLE =
  /[^\p{Default_Ignorable_Code_Point}\p{Control}\p{Format}\p{Nonspacing_Mark}\p{Enclosing_Mark}\p{Surrogate}]/u;
/** What adds its own width after a grapheme's first visible character. */
const TRAILING_WIDTH = /[\p{Spacing_Mark}\uff00-\uffef]/gu;

const PICTOGRAPHS = /\p{Extended_Pictographic}/gu;

/**
 * Whether a grapheme (of at most LONGEST_EMOJI units) is pictographs joined by zero-width joiners, which
 * string-width draws two columns wide, emoji or not: said without its first call's ~35 ms of compiling
 * its emoji patterns.
 */
function joinedPictographs(grapheme: string): boolean {
  return grapheme.includes('\u200d') && (grapheme.match(PICTOGRAPHS)?.length ?? 0) >= 2;
}

/**
 * string-width's answer for a grapheme too long to be an emoji (a letter with thousands of marks, a chain
 * of joined pictographs): the width of its first visible character and of the spacing marks and half- and
 * full-width forms after it, found by one scan instead of the package's segmenting and a test a character.
 */
function longGraphemeWidth(grapheme: string): number {
  const index = grapheme.search(VISIBLE);
  if (index < 0) return 0;
  const first = grapheme.codePointAt(index)!;
  // Hangul jamo have rules of their own.
  if (
    (first >= 0x1100 && first <= 0x11ff) ||
    (first >= 0xa960 && first <= 0xa97f) ||
    (first >= 0xd7b0 && first <= 0xd7ff)
  ) {
    return packageWidth(grapheme);
  }
  let width = eastAsianWidth(first);
  TRAILING_WIDTH.lastIndex = index + (first > 0xffff ? 2 : 1);
  for (let match = TRAILING_WIDTH.exec(grapheme); match; match = TRAILING_WIDTH.exec(grapheme)) {
    width += eastAsianWidth(match[0].codePointAt(0)!);
  }
  return width;
}

/** Widths of first-plane code points met so far, plus one: 0 is not known yet. */
let unitWidths: Uint8Array | undefined;

/** Columns one code point takes as a grapheme of its own (in text with no joiners), without a string. */
export function codePointWidth(code: number): number {
  if (code >= 0x20 && code < 0x7f) return 1;
  if (code > 0xffff) return graphemeWidth(String.fromCodePoint(code));
  unitWidths ??= new Uint8Array(0x10000);
  let known = unitWidths[code]!;
  if (known === 0) {
    known = graphemeWidth(String.fromCharCode(code)) + 1;
    unitWidths[code] = known;
  }
  return known - 1;
}

/** Whether anything in `text` may join code points into one grapheme: without, each is one. */
export function hasJoiners(text: string): boolean {
  return JOINERS.test(text);
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
