// Where the reader goes in an article whose file changed while it was open: to the paragraph of the same
// text nearest to where it was, found as the new text is wrapped, a section at a time. Pure but for a memo.
import type { Line } from '../core/layout.js';
import type { Page } from '../core/page.js';
import type { Place } from '../core/reading-position.js';

/** A place in the article as it was, with the text of its paragraph then. */
export interface ChangedPlace {
  place: Place;
  /** The paragraph's text as it was (its lines' text joined). */
  text: string;
}

/** How far the new page's lines have been looked through for the paragraph. */
interface Scan {
  lines: readonly Line[];
  /** Lines looked at. */
  scanned: number;
  /** The block being gathered, and its text so far. */
  block: number | undefined;
  text: string;
  /** The nearest block found of the same text (the place's own block while there is none). */
  best: number;
  distance: number;
}

const scans = new WeakMap<ChangedPlace, Scan>();

const textOf = (line: Line) => line.segments.map((segment) => segment.text).join('');

/** The text of block `block` in `lines`, its lines' texts joined (the lines near `from`, where it is). */
export function blockText(lines: readonly Line[], block: number, from: number): string {
  let start = Math.min(from, lines.length - 1);
  while (start > 0 && lines[start - 1]!.block === block) start -= 1;
  let text = '';
  for (let y = start; y < lines.length && lines[y]!.block === block; y++) text += textOf(lines[y]!);
  return text;
}

/**
 * The place in the new page: in the block of the same text nearest to the place's, else the place's own;
 * undefined while the page is not wrapped far enough to tell. Each call looks only at the lines wrapped
 * since the last (kept per `changed`), so that finding it over a page wrapped in steps costs one pass.
 */
export function placeInChanged(changed: ChangedPlace, page: Page): Place | undefined {
  const { place, text } = changed;
  if (place.block < 0) return place;
  let scan = scans.get(changed);
  if (!scan || scan.lines !== page.lines) {
    scan = {
      lines: page.lines,
      scanned: 0,
      block: undefined,
      text: '',
      best: place.block,
      distance: Infinity,
    };
    scans.set(changed, scan);
  }
  const settle = () => {
    const { block } = scan!;
    if (block === undefined || scan!.text !== text) return;
    const distance = Math.abs(block - place.block);
    if (distance < scan!.distance) {
      scan!.best = block;
      scan!.distance = distance;
    }
  };
  const { lines } = page;
  for (; scan.scanned < lines.length; scan.scanned++) {
    const line = lines[scan.scanned]!;
    if (line.block !== scan.block) {
      // A block is whole once a line of another follows it.
      settle();
      scan.block = line.block;
      scan.text = '';
    }
    scan.text += textOf(line);
  }
  if (page.complete) settle();
  // A block past the place by more than the nearest found cannot be nearer.
  const reached = scan.block !== undefined && scan.block > place.block + scan.distance;
  if (!page.complete && !reached) return undefined;
  return { ...place, block: scan.best };
}
