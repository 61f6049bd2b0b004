// The library read again while the reader runs (files added, changed or removed): the lists are made anew
// around the article the user is on, and the article open in the reader stays open. Pure.
import type { Article, ArticleMeta } from '../core/article.js';
import { sameArticle } from '../core/library-diff.js';
import { placeOf } from '../core/reading-position.js';
import type { SearchHit } from '../core/search/types.js';
import type { LoadWarning } from '../library/load.js';
import { blockText } from './changed-place.js';
import { clamp, readerHeight } from './geometry.js';
import { withSelection } from './list-window.js';
import { CLOSED_VIEW } from './overlay.js';
import type { AppState } from './state.js';
import { applyResume } from './user-state.js';
import { viewRows, type ListView } from './views.js';

/** Said in the footer when the open article's file goes away. */
export const REMOVED_NOTICE =
  'This article was removed from the library: it stays open until you leave it.';

/**
 * Replaces the library. The selection stays on its article (else on its nearest neighbour that is still
 * there), a search shown keeps its results until the engine answers again over the new library, and an
 * open article stays open: at the same place when its text changed, kept as it was when it was removed.
 */
export function replaceLibrary(
  state: AppState,
  articles: readonly ArticleMeta[],
  warnings: readonly LoadWarning[],
): AppState {
  const byId = new Map(articles.map((article) => [article.id, article]));
  const fresh = rowsOf(state.view, articles, state, state.search?.before.shown ?? state.shown);
  let shown: readonly ArticleMeta[];
  let hits = state.hits;
  let search = state.search;
  if (search) {
    const { before } = search;
    search = {
      ...search,
      before: {
        shown: fresh.shown,
        selected: nearest(before.shown, before.selected, fresh.shown),
        listTop: before.listTop,
      },
      // The engine is asked again (the app restarts it over the new library); until it answers, the
      // results shown stay, less the articles that are gone.
      stale: search.shownFor !== null,
      held: null,
    };
  }
  if (search && hits) {
    const kept: SearchHit[] = [];
    const rows: ArticleMeta[] = [];
    hits.forEach((hit) => {
      const article = byId.get(hit.id);
      if (!article) return;
      kept.push(hit);
      rows.push(article);
    });
    hits = kept;
    shown = rows;
  } else {
    shown = search ? search.before.shown : fresh.shown;
  }
  let next: AppState = {
    ...state,
    articles,
    warnings,
    shown,
    hits,
    search,
    missing: fresh.missing,
    keptOpen: null,
    // The skipped files shown over the screen may be fewer now: their list goes back to its top.
    overlayView: state.overlay === 'warnings' ? CLOSED_VIEW : state.overlayView,
  };
  if (state.screen === 'reader') return reading(state, next, byId);
  const selected = nearest(state.shown, state.selected, shown);
  // The selected row keeps its place on the screen when it can.
  next = { ...next, listTop: Math.max(0, selected - (state.selected - state.listTop)) };
  return withSelection(next, selected);
}

/** The reader stays on its article: carried to the same place in its new text, or kept when removed. */
function reading(before: AppState, next: AppState, byId: Map<string, ArticleMeta>): AppState {
  const open = before.shown[before.selected]!;
  const now = byId.get(open.id);
  let at = next.shown.findIndex((article) => article.id === open.id);
  if (!now) {
    // Removed: its row stays (where its stand-in is, in Bookmarks) until the reader closes.
    const rows = [...next.shown];
    const hits = next.hits && [...next.hits];
    if (at >= 0) {
      rows[at] = open;
    } else {
      at = Math.min(nearest(before.shown, before.selected, rows), rows.length);
      rows.splice(at, 0, open);
      hits?.splice(at, 0, before.hits![before.selected]!);
    }
    const missing = new Set(next.missing);
    missing.delete(open.id);
    return withSelection(
      { ...next, shown: rows, hits, missing, keptOpen: open.id, notice: REMOVED_NOTICE },
      at,
    );
  }
  if (at < 0) {
    // Not in this list any more (its file no longer unread, say): it is read on where it is.
    at = Math.min(nearest(before.shown, before.selected, next.shown), next.shown.length);
    const rows = [...next.shown];
    rows.splice(at, 0, now);
    const hits = next.hits && [...next.hits];
    hits?.splice(at, 0, before.hits![before.selected]!);
    next = { ...next, shown: rows, hits };
  }
  const placed = withSelection(next, at);
  if (now === open || sameText(now, open) || !before.paginate) return placed;
  // Its text changed: the view goes to the paragraph that was at its top, marks and finds dropped. A long
  // article is wrapped again a section at a time, and the reader goes there once the wrapping gets there.
  const { columns } = before.size;
  const { measure } = before.user.settings;
  const height = readerHeight(before.size);
  const old = before.paginate(open, columns, height, measure).lines;
  // Changed again before the reader got to its place: that place is still the one to go to.
  const waiting = before.resume;
  const place = waiting?.changed?.place ?? placeOf(old, before.top);
  const text = waiting?.changed?.text ?? blockText(old, place.block, before.top);
  const resume =
    waiting && !waiting.changed
      ? { ...waiting, top: 0 }
      : { place, top: 0, say: false, changed: { place, text } };
  return applyResume({ ...placed, top: 0, mark: null, find: null, resume });
}

/**
 * Leaving the reader: the row of an article removed while it was open goes (in Bookmarks, its stand-in
 * comes back), the selection on the row that takes its place.
 */
export function dropKept(state: AppState): AppState {
  const id = state.keptOpen;
  if (id === null) return state;
  const at = state.shown.findIndex((article) => article.id === id);
  const next = { ...state, keptOpen: null };
  if (at < 0) return next;
  const rows = [...state.shown];
  const hits = state.hits && [...state.hits];
  const standIn = viewRows(state.view, state.articles, state.user);
  const instead = standIn.missing.has(id) && standIn.shown.find((article) => article.id === id);
  if (instead && !hits) {
    rows[at] = instead;
    return withSelection({ ...next, shown: rows, missing: standIn.missing }, at);
  }
  rows.splice(at, 1);
  hits?.splice(at, 1);
  return withSelection({ ...next, shown: rows, hits }, at);
}

/** Whether two reads of an article draw the same: the same file, unchanged, and the same fields. */
function sameText(a: ArticleMeta, b: ArticleMeta): boolean {
  // Bodies are compared when both came with one (the list's articles come without).
  const bodies = 'body' in a && 'body' in b ? (a as Article).body === (b as Article).body : true;
  return bodies && sameArticle(a, b);
}

/**
 * The rows of list `view` over the new library. Unread keeps the rows it showed that are still in the
 * library, read since or not, as it does until the list is left.
 */
function rowsOf(
  view: ListView,
  articles: readonly ArticleMeta[],
  state: AppState,
  shownBefore: readonly ArticleMeta[],
): ReturnType<typeof viewRows> {
  if (view !== 'unread') return viewRows(view, articles, state.user);
  const kept = new Set(shownBefore.map((article) => article.id));
  return {
    shown: articles.filter((article) => !state.user.read.has(article.id) || kept.has(article.id)),
    missing: new Set(),
  };
}

/**
 * Where row `index` of `before` is in `after`: the same article, else the nearest of its neighbours still
 * there (the next one first), else the same row number.
 */
function nearest(
  before: readonly ArticleMeta[],
  index: number,
  after: readonly ArticleMeta[],
): number {
  if (after.length === 0) return 0;
  const at = new Map<string, number>();
  after.forEach((article, k) => {
    if (!at.has(article.id)) at.set(article.id, k);
  });
  for (let distance = 0; distance < before.length; distance++) {
    for (const k of distance === 0 ? [index] : [index + distance, index - distance]) {
      const found = before[k] && at.get(before[k].id);
      if (found !== undefined) return found;
    }
  }
  return clamp(index, 0, after.length - 1);
}
