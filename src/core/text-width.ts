// Terminal column widths of graphemes: CJK and emoji take two columns, combining marks none.
import stringWidth from 'string-width';

const segmenter = new Intl.Segmenter();
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const widthCache = new Map<string, number>();

/** The user-perceived characters of `text` (an emoji ZWJ sequence or a flag is one). */
export function graphemes(text: string): string[] {
  if (PRINTABLE_ASCII.test(text)) return [...text];
  return Array.from(segmenter.segment(text), (part) => part.segment);
}

/** Columns one grapheme takes, as Ink measures it. */
export function graphemeWidth(grapheme: string): number {
  if (grapheme.length === 1 && grapheme < '\x7f') return 1;
  let width = widthCache.get(grapheme);
  if (width === undefined) {
    width = stringWidth(grapheme);
    if (widthCache.size < 10_000) widthCache.set(grapheme, width);
  }
  return width;
}

/** Columns `text` takes. */
export function textWidth(text: string): number {
  return PRINTABLE_ASCII.test(text) ? text.length : stringWidth(text);
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
