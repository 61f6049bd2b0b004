// The reducer's cases for what the user owns: bookmarks (s), read marks (m, and opening), where each
// article was left, the lists Tab cycles, and the store's data arriving. Pure, like the rest of the reducer.
import { lastTop, progress } from '../core/page.js';
import { placeInChanged } from './changed-place.js';
import { sanitizeLine } from '../core/sanitize.js';
import { lineOf, placeOf } from '../core/reading-position.js';
import { bookmarkOf } from '../state/bookmark-list.js';
import { applyChange, type Change } from '../state/data.js';
import { withOverrides } from './key-overrides.js';
import { currentPage, readerHeight, withSelection, type Action, type AppState } from './state.js';
import { VIEWS, viewRows, type ListView } from './views.js';

type PositionChange = Extract<Change, { kind: 'position' }>;

/** Applies `change` here at once, and queues it for the store. */
function change(state: AppState, next: Change): AppState {
  return { ...state, user: applyChange(state.user, next), changes: [...state.changes, next] };
}

/** The article the keys act on: the one open in the reader, or the one selected in the list. */
function target(state: AppState) {
  return state.shown[state.selected];
}

export function toggleBookmark(state: AppState): AppState {
  const article = target(state);
  if (!article) return state;
  const on = !state.user.bookmarks.has(article.id);
  const bookmark = on ? bookmarkOf(article, new Date(state.now())) : null;
  const notice = state.missing.has(article.id)
    ? on
      ? 'Bookmark kept again.'
      : 'Bookmark removed: the article is no longer in the library (s keeps it again).'
    : null;
  return { ...change(state, { kind: 'bookmark', id: article.id, bookmark }), notice };
}

export function toggleRead(state: AppState): AppState {
  const article = target(state);
  if (!article || state.missing.has(article.id)) return state;
  const at = state.user.read.has(article.id) ? null : state.now();
  return change(state, { kind: 'read', id: article.id, at });
}

/** Opens row `index`: marks it read, and goes back to where it was left, saying so. */
export function openAt(state: AppState, index: number): AppState {
  const article = state.shown[index]!;
  const selected = withSelection(state, index);
  if (state.missing.has(article.id)) {
    return {
      ...selected,
      notice: 'This article is no longer in the library: s removes its bookmark.',
    };
  }
  let opened: AppState = { ...selected, screen: 'reader', top: 0, mark: null, resume: null };
  if (!state.user.read.has(article.id)) {
    opened = change(opened, { kind: 'read', id: article.id, at: state.now() });
  }
  return resumed(opened);
}

/**
 * The open article moved to where it was left, saying so; as it is when it was left at its top. A long
 * article is wrapped a section at a time: it goes there once the wrapping has got that far.
 */
function resumed(opened: AppState): AppState {
  const article = target(opened);
  const place = article && opened.user.positions.get(article.id);
  if (!place) return opened;
  return applyResume({ ...opened, resume: { place, top: opened.top, say: true } });
}

/**
 * The reader at the place it resumes at, once its page is wrapped past it; unchanged until then, and
 * left where a key has moved it since the place was set.
 */
export function applyResume(state: AppState): AppState {
  const { resume } = state;
  if (!resume) return state;
  const page = currentPage(state);
  if (!page || state.top !== resume.top) return { ...state, resume: null };
  // In an article changed on disk, the place's paragraph is looked for as the new text is wrapped.
  const place = resume.changed ? placeInChanged(resume.changed, page) : resume.place;
  if (!place) return state;
  const last = page.lines.at(-1);
  // The place's block is whole once a line of a later one is wrapped.
  if (!page.complete && (!last || last.block <= place.block)) return state;
  const height = readerHeight(state.size);
  const top = Math.min(lineOf(page.lines, place), lastTop(page.lines.length, height));
  const resumed = { ...state, top: Math.max(0, top), resume: null };
  if (top <= 0 || !resume.say) return resumed;
  if (!page.complete) return { ...resumed, notice: 'Resumed where you left off.' };
  const { percent } = progress(top, height, page.lines.length, 0);
  return { ...resumed, notice: `Resumed at ${percent}%.` };
}

/**
 * Where the open article was left, as the store keeps it: nothing at the top or at the end (it opens at
 * the top next time), else its place, independent of the width.
 */
export function positionNow(state: AppState): PositionChange | undefined {
  // Before the store has loaded, a place noted would overwrite the one it keeps.
  if (!state.loaded) return undefined;
  const article = target(state);
  // Not yet where it resumes: the place kept is still the one to go to.
  if (state.resume) return undefined;
  const page = currentPage(state);
  if (!article || !page || !page.complete) return undefined;
  const atEnd = state.top >= lastTop(page.lines.length, readerHeight(state.size));
  const place = placeOf(page.lines, state.top);
  const position = state.top === 0 || atEnd ? null : { ...place, savedAt: state.now() };
  return { kind: 'position', id: article.id, position };
}

/** Keeps the open article's position, on leaving it. */
export function leaveArticle(state: AppState): AppState {
  const now = positionNow(state);
  if (!now) return state;
  const known = state.user.positions.get(now.id);
  const next = now.position;
  if (!known && !next) return state;
  if (known && next && known.block === next.block && known.offset === next.offset) return state;
  return change(state, now);
}

/** Tab: the next list, with the selection it had when it was left. */
export function nextView(state: AppState): AppState {
  const selections = { ...state.selections };
  const current = target(state);
  if (current) selections[state.view] = current.id;
  const view = VIEWS[(VIEWS.indexOf(state.view) + 1) % VIEWS.length]!;
  return showView({ ...state, selections }, view, selections[view]);
}

/** Makes list `view` anew from the stored data, selecting `id` when it is there (else the same row). */
export function showView(state: AppState, view: ListView, id: string | undefined): AppState {
  const { shown, missing } = viewRows(view, state.articles, state.user);
  const found = id === undefined ? -1 : shown.findIndex((article) => article.id === id);
  const index =
    found >= 0 ? found : Math.min(state.view === view ? state.selected : 0, shown.length - 1);
  const listTop = state.view === view ? state.listTop : 0;
  // A list made anew replaces a search's results, and ends the search.
  return withSelection(
    { ...state, view, shown, missing, listTop, viewStale: false, search: null, hits: null },
    Math.max(0, index),
  );
}

/** Back in the list: made anew if the store changed elsewhere meanwhile. */
export function viewAfterReading(state: AppState): AppState {
  return state.viewStale ? showView(state, state.view, target(state)?.id) : state;
}

/**
 * The store's data arrives: it replaces what was known, with the changes not yet handed over applied on
 * top. Changes made elsewhere remake the list (at once, or on leaving the reader); the list's rows do not
 * move for changes made here, so that a row read or unbookmarked stays until the list is left.
 */
export function onStored(
  state: AppState,
  { data, external, notice, handed = state.changeBase }: Extract<Action, { type: 'stored' }>,
): AppState {
  // Changes handed over are in `data` (or in the link's queue, which it applied to `data`); the rest are not.
  const drop = Math.max(0, Math.min(state.changes.length, handed - state.changeBase));
  const changes = state.changes.slice(drop);
  const user = changes.reduce(applyChange, data);
  let next: AppState = {
    ...state,
    user,
    changes,
    changeBase: state.changeBase + drop,
    loaded: true,
  };
  const notices = notice ? [notice] : [];
  if (JSON.stringify(data.settings.keys) !== JSON.stringify(state.user.settings.keys)) {
    const { keymap, problems } = withOverrides(data.settings.keys);
    next.keymap = keymap;
    // Said once: when the overrides are first read or change, not on every save.
    // They quote the config file, which is untrusted text.
    if (problems.length > 0) notices.push(sanitizeLine(problems.join('; ')));
  }
  // An article opened before the store had loaded opened at its top: it goes where it was left now,
  // unless it has been scrolled meanwhile.
  if (!state.loaded && state.screen === 'reader' && state.top === 0) next = resumed(next);
  if (notices.length > 0) next.notice = notices.join(' ');
  if (external && state.view !== 'library') {
    next =
      state.screen === 'list'
        ? showView(next, state.view, target(state)?.id)
        : { ...next, viewStale: true };
  }
  return next;
}
