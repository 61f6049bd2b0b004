// How the frame is shared out: the rows for the header, a search field, the list or the article, the footer.
import type { Screen } from './keymap.js';

export interface Size {
  columns: number;
  rows: number;
}

/**
 * Rows the app may draw: Ink 6 clears the whole screen, scrollback included, on every frame as tall as the
 * terminal, so a frame stays one row shorter (none at all on a one-row terminal).
 */
export function frameHeight({ rows }: Size): number {
  return Math.max(0, rows - 1);
}

/** Whether the frame has room for a header (list only) and a footer besides a line of content. */
export function hasBars(screen: Screen, size: Size): boolean {
  return frameHeight(size) >= (screen === 'list' ? 3 : 2);
}

/** Whether the list has room for its search field above it, besides a row of the list. */
export function hasFieldRow(size: Size): boolean {
  return frameHeight(size) >= 4;
}

/**
 * List rows in view: the frame less the header and the footer, and less the search field's row while a
 * search is open, when there is room for them.
 */
export function listHeight(size: Size, searching = false): number {
  const field = searching && hasFieldRow(size) ? 1 : 0;
  return Math.max(1, frameHeight(size) - (hasBars('list', size) ? 2 : 0) - field);
}

/** Whether the reader has room for its header (the title, kept while scrolling) besides two lines. */
export function hasReaderHeader(size: Size): boolean {
  return frameHeight(size) >= 4;
}

/** Article lines in view: the frame less the header and the footer, when there is room for them. */
export function readerHeight(size: Size): number {
  const bars = (hasBars('reader', size) ? 1 : 0) + (hasReaderHeader(size) ? 1 : 0);
  return Math.max(1, frameHeight(size) - bars);
}

export function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(high, value));
}
