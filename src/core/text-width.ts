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

/** The user-perceived characters of `text` (an emoji ZWJ sequence or a flag is one). */
export function graphemes(text: string): string[] {
  if (PRINTABLE_ASCII.test(text) || !JOINERS.test(text)) return [...text];
  segmenter ??= new Intl.Segmenter();
  return Array.from(segmenter.segment(text), (part) => part.segment);
}

/** Columns one grapheme (or any short text) takes, as Ink measures it. */
export function graphemeWidth(grapheme: string): number {
  if (grapheme.length === 1 && grapheme >= ' ' && grapheme < '\x7f') return 1;
  let width = widthCache.get(grapheme);
  if (width === undefined) {
    const single =
      grapheme.length === 1 || (grapheme.length === 2 && grapheme.codePointAt(0)! > 0xffff);
    width = single && !JOINERS.test(grapheme) ? codePointWidth(grapheme) : packageWidth(grapheme);
    if (widthCache.size < 10_000) widthCache.set(grapheme, width);
  }
  return width;
}

/** Columns `text` takes. */
export function textWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  // Short texts with joiners (a flag, a family emoji) are cached whole.
  if (JOINERS.test(text)) return text.length <= 8 ? graphemeWidth(text) : packageWidth(text);
  // Nothing joins code points here, so each is a grapheme of its own: the sum of their cached widths is
  // string-width's answer without its slow segmenting of the whole string.
  let width = 0;
  for (const char of text) width += graphemeWidth(char);
  return width;
}

/** `text` cut to at most `width` columns, ending in … when it was cut. */
export function truncate(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  if (width <= 0) return '';
  let out = '';
  let used = 0;
  for (const grapheme of graphemes(text)) {
    const w = graphemeWidth(grapheme);
    if (used + w > width - 1) break;
    out += grapheme;
    used += w;
  }
  return out.trimEnd() + '…';
}
