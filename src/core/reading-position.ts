// Where the reader is in an article, in a form that survives another terminal width: the block at the
// top of the view and how many characters of that block lie above it. Lines are only ever derived from it.
import type { Line } from './layout.js';

/** A place in an article, whatever its width. */
export interface Place {
  /** Index of the body block (-1: the title and byline). */
  block: number;
  /** Characters of the block's text on the lines above, in that block. */
  offset: number;
}

/**
 * Characters of a line's own text: quote bars and list markers repeat on every line, so they do not count;
 * a blank line counts one, so that it has a place of its own.
 */
function lengthOf(line: Line): number {
  let length = 0;
  for (const segment of line.segments) {
    if (segment.style.role !== 'bar' && segment.style.role !== 'marker')
      length += segment.text.length;
  }
  return Math.max(1, length);
}

/** The place of line `top`. */
export function placeOf(lines: readonly Line[], top: number): Place {
  const line = lines[top];
  if (!line) return { block: -1, offset: 0 };
  let offset = 0;
  for (let y = top - 1; y >= 0 && lines[y]!.block === line.block; y--)
    offset += lengthOf(lines[y]!);
  return { block: line.block, offset };
}

/**
 * The line that shows `place`: the line of its block that holds its character, or the block's last. A
 * block that no longer exists (the article was edited) gives the nearest block before it.
 */
export function lineOf(lines: readonly Line[], place: Place): number {
  let start = lines.findIndex((line) => line.block >= place.block && line.block !== -1);
  if (place.block === -1) start = 0;
  if (start < 0) return Math.max(0, lines.length - 1);
  if (lines[start]!.block !== place.block) return Math.max(0, start - 1);
  let y = start;
  let before = 0;
  while (
    y + 1 < lines.length &&
    lines[y + 1]!.block === place.block &&
    before + lengthOf(lines[y]!) <= place.offset
  ) {
    before += lengthOf(lines[y]!);
    y += 1;
  }
  return y;
}
