// Text with marked ranges (search matches), cut into pieces a view styles, and fitted to a width with the
// first mark kept in sight.
import { graphemes, graphemeWidth, textWidth, truncate } from './text-width.js';
import type { TextRange } from './search/fold.js';

/** One piece of text, and whether it lies inside a range: a match, or the current match. */
export interface MarkedPiece {
  text: string;
  mark: 'match' | 'current' | null;
}

/**
 * `text` cut at the edges of `ranges` (sorted, not overlapping; offsets count from `offset`, so that the
 * segments of one line can each take their share of the line's ranges), each piece marked. The range that
 * starts at `current` is the current match.
 */
export function markPieces(
  text: string,
  ranges: readonly TextRange[],
  current?: number,
  offset = 0,
): MarkedPiece[] {
  const pieces: MarkedPiece[] = [];
  let at = 0;
  for (const range of ranges) {
    const start = Math.max(at, range.start - offset);
    const end = Math.min(text.length, range.end - offset);
    if (end <= start) continue;
    if (start > at) pieces.push({ text: text.slice(at, start), mark: null });
    pieces.push({
      text: text.slice(start, end),
      mark: range.start === current ? 'current' : 'match',
    });
    at = end;
  }
  if (at < text.length || pieces.length === 0) pieces.push({ text: text.slice(at), mark: null });
  return pieces;
}

/** How many UTF-16 units two texts share from their start: what of a text survived being cut. */
export function sharedStart(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n += 1;
  return n;
}

/** Ranges kept within the first `length` units of their text. */
export function clipRanges(ranges: readonly TextRange[], length: number): TextRange[] {
  return ranges
    .filter((range) => range.start < length)
    .map((range) => ({ start: range.start, end: Math.min(range.end, length) }));
}

/**
 * A one-line piece of text (a snippet) in at most `width` columns: line breaks and tabs become spaces,
 * and when the first range would fall off the end, the start gives way (cut at a space, marked …) so that
 * the range shows with some text before it.
 */
export function fitMarked(
  text: string,
  ranges: readonly TextRange[],
  width: number,
): { text: string; ranges: TextRange[] } {
  // One unit for one unit, so the ranges still hold.
  let line = text.replace(/\s/g, ' ');
  let shifted = [...ranges];
  if (width <= 0) return { text: '', ranges: [] };
  const first = shifted[0];
  if (first && textWidth(line.slice(0, first.end)) > width - 1) {
    // About a third of the width before the match, from a word's start.
    let start = first.start;
    let before = 0;
    const lead = graphemes(line.slice(0, first.start)).reverse();
    for (const grapheme of lead) {
      if (before + graphemeWidth(grapheme) > width / 3) break;
      before += graphemeWidth(grapheme);
      start -= grapheme.length;
    }
    const space = line.indexOf(' ', start);
    if (space >= 0 && space < first.start) start = space + 1;
    line = '…' + line.slice(start);
    shifted = shifted
      .filter((range) => range.end > start)
      .map((range) => ({
        start: Math.max(1, range.start - start + 1),
        end: range.end - start + 1,
      }));
  }
  const cut = truncate(line, width);
  return { text: cut, ranges: clipRanges(shifted, sharedStart(cut, line)) };
}
