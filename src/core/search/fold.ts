// Folding for search: text compared without case or diacritics ("Communiqué" matches "communique"), with
// a map back to the original, so a match found in the folded text is highlighted on the characters shown.

/** Folded text and, for each of its UTF-16 units, the index of the original unit it came from. */
export interface Folded {
  text: string;
  /** `source[i]` is where folded unit i starts in the original; one extra entry holds the original length. */
  source: number[];
}

const COMBINING_MARK = /\p{M}/u;

/** Lower case, compatibility-decomposed (NFKD), combining marks dropped. */
export function fold(text: string): Folded {
  let out = '';
  const source: number[] = [];
  let at = 0;
  for (const char of text) {
    for (const piece of char.normalize('NFKD').toLowerCase()) {
      if (COMBINING_MARK.test(piece)) continue;
      out += piece;
      for (let unit = 0; unit < piece.length; unit += 1) source.push(at);
    }
    at += char.length;
  }
  source.push(text.length);
  return { text: out, source };
}

/** Folded text alone, for building an index or comparing terms. */
export function foldText(text: string): string {
  return fold(text).text;
}

/** A range [start, end) in the folded text, mapped back to a range of the original text. */
export function unfoldRange(folded: Folded, start: number, end: number): TextRange {
  const from = folded.source[start] ?? folded.source.at(-1)!;
  // The end is the start of the first original character past the match.
  let to = folded.source[end] ?? folded.source.at(-1)!;
  if (to <= from) to = folded.source.find((index) => index > from) ?? folded.source.at(-1)!;
  return { start: from, end: to };
}

/** Characters [start, end) of a text, in UTF-16 units: end is exclusive. */
export interface TextRange {
  start: number;
  end: number;
}
