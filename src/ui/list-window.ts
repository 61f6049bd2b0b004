// The list's window: which entries are in view when search results with a snippet take two rows.
import { clamp, listHeight, type Size } from './geometry.js';
import type { SearchHit } from '../core/search/types.js';

/** What placing the list's window depends on. */
export interface ListWindow {
  size: Size;
  /** The entries shown: the whole library, or a search's results. */
  shown: readonly unknown[];
  /** A search's hits, one per entry shown, while its results are shown. */
  hits: readonly SearchHit[] | null;
  /** Whether a search field takes a row above the list. */
  search: object | null;
  selected: number;
  listTop: number;
}

/** Rows of the list in view. */
export function windowRows(view: ListWindow): number {
  return listHeight(view.size, view.search !== null);
}

/** Whether results show their snippets: not in a window too low for both rows of one. */
export function showsSnippets(view: ListWindow): boolean {
  return windowRows(view) >= 2;
}

/** Rows entry `index` takes: two for a result whose body matched, the snippet under the title. */
export function entryRows(view: ListWindow, index: number): number {
  return view.hits?.[index]?.snippet && showsSnippets(view) ? 2 : 1;
}

/** The first entry of a window whose last entry is `index`, with as many entries above it as fit. */
function topEnding(view: ListWindow, index: number): number {
  const height = windowRows(view);
  if (!view.hits) return Math.max(0, index - height + 1);
  let top = index;
  let rows = entryRows(view, index);
  while (top > 0 && rows + entryRows(view, top - 1) <= height) rows += entryRows(view, --top);
  return top;
}

/** The entries in view, from the top one to the one past the last: at least one when there is any. */
export function entriesInView(view: ListWindow): { from: number; to: number } {
  const height = windowRows(view);
  const from = view.listTop;
  if (!view.hits) return { from, to: Math.min(view.shown.length, from + height) };
  let to = from;
  let rows = 0;
  while (to < view.shown.length && (to === from || rows + entryRows(view, to) <= height)) {
    rows += entryRows(view, to++);
  }
  return { from, to };
}

/** Entries a page key moves by: as many as the window shows. */
export function pageStep(view: ListWindow): number {
  if (!view.hits) return windowRows(view);
  const { from, to } = entriesInView(view);
  return Math.max(1, to - from);
}

/** Selects entry `index` (clamped) and scrolls just enough to show it whole, keeping the window full. */
export function withSelection<T extends ListWindow>(view: T, index: number): T {
  const last = Math.max(0, view.shown.length - 1);
  const selected = clamp(index, 0, last);
  let listTop = Math.min(view.listTop, selected);
  listTop = Math.max(listTop, topEnding(view, selected));
  listTop = Math.min(listTop, topEnding(view, last));
  return { ...view, selected, listTop: Math.max(0, listTop) };
}
