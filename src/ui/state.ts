// The full-screen reader's state and the one reducer that changes it. Pure: effects (quitting, opening a
// browser, asking the search engine) are the app's business.
import type { ArticleMeta } from '../core/article.js';
import { placeOf, type Place } from '../core/reading-position.js';
import { carryTop, lastTop, type Page } from '../core/page.js';
import type { SearchAnswer, SearchHit } from '../core/search/types.js';
import { sanitize, sanitizeLine } from '../core/sanitize.js';
import type { LoadWarning } from '../library/load.js';
import { emptyData, type Change, type UserData } from '../state/data.js';
import type { Keymap } from './key-overrides.js';
import { KEYMAP, keyToAction, type Command, type Screen } from './keymap.js';
import {
  applyResume,
  leaveArticle,
  nextView,
  onStored,
  openAt,
  showView,
  toggleBookmark,
  toggleRead,
  viewAfterReading,
} from './user-state.js';
import type { ListView } from './views.js';
import {
  cancelFind,
  findEdited,
  findTerms,
  foundMore,
  keepFind,
  openFind,
  stepMatch,
  type Find,
} from './find-state.js';
import type { ChangedPlace } from './changed-place.js';
import { clamp, readerHeight, type Size } from './geometry.js';
import {
  applyAnswer,
  clearSearch,
  holdAnswer,
  keepSearch,
  openSearch,
  searchEdited,
  takeHeldAnswer,
  withMoreWanted,
  type ListSearch,
} from './list-search.js';
import { countedStep, typedDigit } from './count-prefix.js';
import { pageStep, withSelection } from './list-window.js';
import { openLink } from './open-link.js';
import { CLOSED_VIEW, overlayStep, type OverlayKind, type OverlayView } from './overlay.js';
import { jumpToQuote } from './quote-jump.js';
import { dropKept, replaceLibrary } from './library-change.js';
import { editField, insert, typedCharacter, type TextField } from './text-field.js';

export { frameHeight, hasBars, listHeight, readerHeight, type Size } from './geometry.js';
export { withSelection } from './list-window.js';

/**
 * Makes an article's page for a terminal width, its text column at most `measure` wide (core/paginate.ts,
 * loaded after the first frame).
 */
export type Paginate = (
  article: ArticleMeta,
  columns: number,
  rows?: number,
  measure?: number,
  more?: boolean,
) => Page;

export interface AppState {
  /** The library, newest first. */
  articles: readonly ArticleMeta[];
  /** Which list is shown: the library, the unread articles or the bookmarks. */
  view: ListView;
  /** The rows of that list; `selected` and `listTop` count in it. */
  shown: readonly ArticleMeta[];
  /** The search's hits, one per row of `shown`, while a search's results are shown in place of the list. */
  hits: readonly SearchHit[] | null;
  /** The library search, while it is open (its field above the list). */
  search: ListSearch | null;
  /** Find in the article the reader shows. */
  find: Find | null;
  /** Ids of rows that stand in for bookmarked articles no longer in the library. */
  missing: ReadonlySet<string>;
  /** The article each other list had selected, by id, for when Tab comes back to it. */
  selections: Partial<Record<ListView, string>>;
  /** The stored data changed elsewhere while reading: the list is made again on going back to it. */
  viewStale: boolean;
  warnings: readonly LoadWarning[];
  size: Size;
  screen: Screen;
  /** A screen drawn over the current one until the next key. */
  overlay: OverlayKind | null;
  /** Where the open overlay is scrolled to, and the link chosen in the links overlay. */
  overlayView: OverlayView;
  /** The article chosen in the list, and the one the reader shows. */
  selected: number;
  /** The first list row in view. */
  listTop: number;
  /** The first line of the article in view. */
  top: number;
  /** The quotation last jumped to, an index into the page's quotes. */
  mark: number | null;
  /** What the user owns: bookmarks, read marks, positions, settings (empty until the store has loaded). */
  user: UserData;
  /**
   * Whether the user's data is known: the store's has come, or there is no store. Until then, where each article was left is not known: an article
   * opened before then is moved to its place when it comes, and no place is noted for the store.
   */
  loaded: boolean;
  /**
   * Changes made here that the store has not reported back yet, oldest first; `changeBase` counts those
   * dropped before them, so that the app can tell which it has handed over without a render to say so.
   */
  changes: readonly Change[];
  changeBase: number;
  /** The keymap with the user's overrides. */
  keymap: Keymap;
  /** The time, as ISO 8601: bookmarks and read marks are dated. */
  now: () => string;
  /** A message for the footer, shown until the next key. */
  notice: string | null;
  /** Something only the app can do, asked for by the last key. */
  request: Request | null;
  /** The `a` prompt while it is open: what is typed, and how the import is going once it runs. */
  adding: AddPrompt | null;
  /** The page maker, once loaded; until then keys other than Ctrl+C wait in `heldKeys`. */
  paginate: Paginate | null;
  heldKeys: readonly string[];
  /** A count typed before a key (5j, 12G, 50%), shown in the footer until the key comes. */
  count: string;
  /** The article open in the reader when its file was removed: its row stays until the reader closes. */
  keptOpen: string | null;
  /** While the library is first read: how many of its files are read (the header says so). */
  indexing: Indexing | null;
  /**
   * A place the reader goes to once its page is wrapped that far (a saved place, or where a resize left
   * it): a long article is wrapped a section at a time, and keys are answered meanwhile.
   */
  resume: Resume | null;
}

/** Where the reader goes once the page is wrapped far enough, unless a key has moved it from `top`. */
export interface Resume {
  place: Place;
  /** The view's top line when the place was set: moved from it, the reader stays where it was moved. */
  top: number;
  /** Whether to say so in the footer (a saved place: "Resumed at 40%."). */
  say: boolean;
  /**
   * The article changed on disk: `place` was in its old text, and the reader goes to the paragraph of the
   * same text nearest to it once the new text is wrapped that far.
   */
  changed?: ChangedPlace;
}

/** How far the first reading of a library has come: `done` of `total` files. */
export interface Indexing {
  done: number;
  total: number;
}

/** The `a` prompt: the path or address typed so far; `progress` is set while the import runs. */
export interface AddPrompt {
  text: string;
  progress: string | null;
}

/** What an import from the prompt gives back: the library read again, and what to select and say. */
export interface AddResult {
  articles: readonly ArticleMeta[];
  warnings: readonly LoadWarning[];
  /** The article to select: the first one added or updated, if any. */
  id: string | null;
  notice: string;
}

/** Imports one source into the user's library (the importers load only when it is first called). */
export type AddSource = (source: string, onProgress: (text: string) => void) => Promise<AddResult>;

/** Effects the reducer asks for; each key that asks makes a new object, so each is carried out once. */
export type Request =
  | { kind: 'quit' }
  | { kind: 'suspend' }
  | { kind: 'openLink'; url: string }
  | { kind: 'import'; source: string };

export type Action =
  /** A key by the name keyNames() gives it. */
  | { type: 'key'; name: string }
  | { type: 'command'; command: Command }
  | { type: 'resize'; size: Size }
  | { type: 'notice'; text: string }
  /** The page maker has loaded: the keys held until now are handled, in order. */
  | { type: 'ready'; paginate: Paginate }
  /** One more section of the open article is wrapped: the place to resume at may be reached. */
  | { type: 'wrapped' }
  /** More of the open article is searched by the find: the first match may be found. */
  | { type: 'found' }
  /**
   * The store's data, loaded or saved (`external` when another process changed it), with a word for the
   * footer when there is one (a recovered file, a folder that cannot be written).
   */
  | {
      type: 'stored';
      data: UserData;
      external: boolean;
      notice?: string;
      /** How many changes (counted from the first ever) the app had handed to the store by then. */
      handed?: number;
    }
  /** The search engine's answer to `query`, dropped unless the field still holds that query. */
  | { type: 'answer'; query: string; answer: SearchAnswer }
  | { type: 'addText'; text: string }
  | { type: 'addSubmit' }
  | { type: 'addProgress'; text: string }
  | { type: 'added'; result: AddResult }
  | { type: 'addFailed'; text: string }
  /**
   * The library as the folders now hold it: checked after the first frame (which showed the cache's), or
   * read again as files are added, changed or removed while the reader runs.
   */
  | {
      type: 'library';
      articles: readonly ArticleMeta[];
      warnings: readonly LoadWarning[];
      /** Set while the library is read for the first time: this is it as far as it is read. */
      indexing?: Indexing;
    };

export function initialState(
  articles: readonly ArticleMeta[],
  warnings: readonly LoadWarning[],
  size: Size,
  paginate: Paginate | null = null,
  now: () => string = () => new Date().toISOString(),
  /** A store will load the user's data (else the session starts with none, and keeps its own). */
  store = false,
): AppState {
  return {
    articles,
    view: 'library',
    shown: articles,
    hits: null,
    search: null,
    find: null,
    missing: new Set(),
    selections: {},
    viewStale: false,
    warnings,
    size,
    screen: 'list',
    overlay: null,
    overlayView: CLOSED_VIEW,
    selected: 0,
    listTop: 0,
    top: 0,
    mark: null,
    user: emptyData(),
    changes: [],
    changeBase: 0,
    loaded: !store,
    keymap: KEYMAP,
    now,
    notice: null,
    request: null,
    adding: null,
    paginate,
    heldKeys: [],
    count: '',
    keptOpen: null,
    indexing: null,
    resume: null,
  };
}

/**
 * The page the reader shows, or undefined on the list. A long page still being wrapped (a section at a time,
 * between frames) is its lines so far, at least a screenful: keys scroll what is there, and never wait for
 * the rest.
 */
export function currentPage(state: AppState): Page | undefined {
  const article = state.shown[state.selected];
  if (state.screen !== 'reader' || !article) return undefined;
  // Only reachable through 'ready': the reader opens on a key, and keys wait for the page maker.
  const { columns } = state.size;
  return state.paginate!(article, columns, readerHeight(state.size), state.user.settings.measure);
}

export function reduce(state: AppState, action: Action): AppState {
  switch (action.type) {
    case 'notice':
      return { ...state, notice: action.text };
    case 'resize':
      return resize(state, action.size);
    case 'wrapped': {
      // A find goes on in the lines just wrapped.
      const resumed = applyResume(state);
      const page = resumed.find ? currentPage(resumed) : undefined;
      return page ? foundMore(resumed, page) : resumed;
    }
    case 'found': {
      const page = state.find ? currentPage(state) : undefined;
      return page ? foundMore(state, page) : state;
    }
    case 'stored':
      return onStored(state, action);
    case 'answer':
      // The list under an open article must not change: the answer waits for the list.
      return state.screen === 'reader'
        ? holdAnswer(state, action.query, action.answer)
        : applyAnswer(state, action.query, action.answer);
    case 'ready':
      return state.heldKeys.reduce<AppState>(
        (current, name) => reduce(current, { type: 'key', name }),
        { ...state, paginate: action.paginate, heldKeys: [] },
      );
    case 'key': {
      // Ctrl+C quits from anywhere, at once, whatever keys come after it; any other key closes an
      // overlay, and does only that.
      if (action.name === 'ctrl+c') return { ...state, request: { kind: 'quit' } };
      if (state.request?.kind === 'quit') return state;
      // Suspending works from anywhere at once too, overlay or not, page maker loaded or not.
      if (keyToAction(state.screen, action.name) === 'suspend') {
        return { ...state, request: { kind: 'suspend' } };
      }
      if (!state.paginate) return { ...state, heldKeys: [...state.heldKeys, action.name] };
      // The prompt's text field takes the typing; Esc closes the prompt unless an import is running.
      if (state.adding) {
        return action.name === 'escape' && state.adding.progress === null
          ? { ...state, adding: null }
          : state;
      }
      if (state.overlay)
        return onOverlayKey({ ...state, notice: null, request: null }, action.name);
      if (fieldOpen(state)) {
        return onFieldKey({ ...state, notice: null, request: null }, action.name);
      }
      const command = keyToAction(state.screen, action.name, state.keymap);
      if (command === 'count') return { ...state, count: typedDigit(state.count, action.name) };
      // Esc cancels a count and does only that.
      if (state.count && action.name === 'escape') return { ...state, count: '' };
      if (state.count && command)
        return withCount({ ...state, count: '' }, command, Number(state.count));
      return command ? reduce({ ...state, count: '' }, { type: 'command', command }) : state;
    }
    case 'command':
      return onCommand({ ...state, notice: null, request: null }, action.command);
    case 'addText':
      return state.adding?.progress === null
        ? // A paste can carry control characters and line breaks: the field holds one line of text.
          { ...state, adding: { text: sanitize(action.text).replace(/\n/g, ' '), progress: null } }
        : state;
    case 'addSubmit': {
      const source = state.adding?.text.trim();
      if (!source || state.adding?.progress !== null) return state;
      return {
        ...state,
        adding: { text: source, progress: 'Starting…' },
        request: { kind: 'import', source },
      };
    }
    case 'addProgress':
      return state.adding
        ? { ...state, adding: { ...state.adding, progress: action.text } }
        : state;
    case 'added':
      return added(state, action.result);
    case 'addFailed':
      return { ...state, adding: null, request: null, notice: sanitizeLine(action.text) };
    case 'library':
      return {
        ...replaceLibrary(state, action.articles, action.warnings),
        indexing: action.indexing ?? null,
      };
  }
}

/** The library read again after an import: the new article selected in the list, the outcome said. */
function added(state: AppState, { articles, warnings, id, notice }: AddResult): AppState {
  // Reading, the article's place is kept as on going back; the list is then made from the new library.
  const left = state.screen === 'reader' ? leaveArticle(state) : state;
  const current = state.shown[state.selected]?.id;
  const next = {
    ...left,
    articles,
    warnings,
    adding: null,
    notice,
    request: null,
    mark: null,
    keptOpen: null,
  };
  const base = { ...next, screen: 'list' as const };
  // The new article is surely in the library list, whichever list was shown.
  return id === null ? showView(base, state.view, current) : showView(base, 'library', id);
}

/** A command with a count before it: repeated, or taken as a place to go. */
function withCount(state: AppState, command: Command, count: number): AppState {
  const step = countedStep(command, count);
  const once = (current: AppState) => reduce(current, { type: 'command', command });
  switch (step.kind) {
    case 'repeat': {
      let current = state;
      for (let k = 0; k < step.times; k++) {
        const next = once(current);
        // At an end nothing moves any more: the rest of the count would change nothing.
        if (
          next.top === current.top &&
          next.selected === current.selected &&
          next.mark === current.mark
        )
          return next;
        current = next;
      }
      return current;
    }
    case 'line':
      return goTo(state, step.index);
    case 'percent':
      return goTo(state, Math.floor((placesOf(state) - 1) * (step.percent / 100)));
    case 'once':
      return once(state);
  }
}

/** Lines of the article read, or rows of the list shown. */
function placesOf(state: AppState): number {
  return state.screen === 'reader' ? currentPage(state)!.lines.length : state.shown.length;
}

/** Line `index` of the article at the top of the view, or row `index` of the list selected. */
function goTo(state: AppState, index: number): AppState {
  if (state.screen !== 'reader') return withSelection(state, index);
  const lines = currentPage(state)!.lines.length;
  return { ...state, top: clamp(index, 0, lastTop(lines, readerHeight(state.size))) };
}

/** A key while an overlay is open: it scrolls, chooses or opens a link, or closes the overlay. */
function onOverlayKey(state: AppState, name: string): AppState {
  const source = {
    overlay: state.overlay!,
    screen: state.screen,
    size: state.size,
    keymap: state.keymap,
    warnings: state.warnings,
    links: currentPage(state)?.links ?? [],
  };
  const step = overlayStep(source, state.overlayView, keyToAction('overlay', name), name);
  const closed = { ...state, overlay: null, overlayView: CLOSED_VIEW };
  switch (step.kind) {
    case 'view':
      return { ...state, overlayView: step.view };
    case 'open':
      return { ...closed, request: { kind: 'openLink', url: step.link.url } };
    case 'close':
      return closed;
  }
}

function onCommand(state: AppState, command: Command): AppState {
  switch (command) {
    case 'help':
    case 'warnings':
    case 'links':
      return { ...state, overlay: command, overlayView: CLOSED_VIEW };
    case 'add':
      return { ...state, adding: { text: '', progress: null } };
    case 'quit':
      return { ...state, request: { kind: 'quit' } };
    case 'openLink':
      return openLink(state);
    case 'bookmark':
      return toggleBookmark(state);
    case 'toggleRead':
      return toggleRead(state);
    default:
      return state.screen === 'list' ? onList(state, command) : onReader(state, command);
  }
}

/** Whether keys go to a search field: the list's search, or the reader's find. */
export function fieldOpen(state: AppState): boolean {
  return state.screen === 'list' ? !!state.search?.editing : !!state.find?.field;
}

/** A key in a search field: it edits the query, keeps it (Enter), or clears it (Esc). */
function onFieldKey(state: AppState, name: string): AppState {
  const command = keyToAction('field', name);
  const inList = state.screen === 'list';
  switch (command) {
    case 'quit':
      return { ...state, request: { kind: 'quit' } };
    case 'submit':
      return inList ? keepSearch(state) : keepFind(state);
    case 'cancel':
      return inList ? clearSearch(state) : cancelFind(state);
    case undefined: {
      const typed = typedCharacter(name);
      return typed === undefined ? state : edited(state, (field) => insert(field, typed));
    }
    case 'down':
    case 'up':
      // The arrows move through the results (or the article) while the query is typed.
      return onCommand(state, command);
    case 'deleteBack':
    case 'cursorLeft':
    case 'cursorRight':
    case 'cursorHome':
    case 'cursorEnd':
    case 'clear':
      return edited(state, (field) => editField(field, command));
    default:
      // Suspending is handled before a field sees keys.
      return state;
  }
}

function edited(state: AppState, edit: (field: TextField) => TextField): AppState {
  if (state.screen === 'list') {
    return state.search ? searchEdited(state, edit(state.search.field)) : state;
  }
  const field = state.find?.field;
  return field ? findEdited(state, currentPage(state)!, edit(field)) : state;
}

function onList(state: AppState, command: Command): AppState {
  const page = pageStep(state);
  const last = state.shown.length - 1;
  const select = (index: number) => withMoreWanted(withSelection(state, index));
  switch (command) {
    case 'down':
      return select(state.selected + 1);
    case 'up':
      return select(state.selected - 1);
    case 'pageDown':
      return select(state.selected + page);
    case 'pageUp':
      return select(state.selected - page);
    case 'first':
      return select(0);
    case 'last':
      return select(last);
    case 'open':
      return state.shown.length > 0 ? openRow(state, state.selected) : state;
    case 'nextView':
      // Another list ends the search, whose results stand in for this one.
      return nextView(clearSearch(state));
    case 'search':
      return openSearch(state);
    case 'clearSearch':
      return clearSearch(state);
    default:
      return state;
  }
}

/** Opens row `index`; a search result opens at the first of the words it matched, marked. */
function openRow(state: AppState, index: number): AppState {
  const opened = openAt({ ...state, find: null }, index);
  const terms = state.hits?.[index]?.terms;
  if (opened.screen !== 'reader' || !terms?.length) return opened;
  // A long article is searched as it is wrapped: its first match comes into view once found.
  return findTerms(opened, currentPage(opened)!, terms);
}

function onReader(state: AppState, command: Command): AppState {
  const page = currentPage(state)!;
  const height = readerHeight(state.size);
  const scrollTo = (top: number) => ({
    ...state,
    top: clamp(top, 0, lastTop(page.lines.length, height)),
  });
  switch (command) {
    case 'down':
      return scrollTo(state.top + 1);
    case 'up':
      return scrollTo(state.top - 1);
    case 'pageDown':
      // A line of the last page stays in view, as less keeps one, to read on from.
      return scrollTo(state.top + Math.max(1, height - 1));
    case 'pageUp':
      return scrollTo(state.top - Math.max(1, height - 1));
    case 'halfDown':
      return scrollTo(state.top + Math.ceil(height / 2));
    case 'halfUp':
      return scrollTo(state.top - Math.ceil(height / 2));
    case 'first':
      return scrollTo(0);
    case 'last':
      return scrollTo(page.lines.length);
    case 'nextQuote':
    case 'previousQuote':
      return jumpToQuote(state, page, command === 'nextQuote' ? 1 : -1);
    case 'find':
      return openFind(state);
    case 'nextMatch':
    case 'previousMatch':
      return stepMatch(state, page, command === 'nextMatch' ? 1 : -1);
    case 'nextArticle':
    case 'previousArticle': {
      const next = state.selected + (command === 'nextArticle' ? 1 : -1);
      if (next < 0 || next >= state.shown.length) {
        const [first, last] = state.hits
          ? ['This is the first result.', 'This is the last result.']
          : ['This is the newest article.', 'No older article.'];
        return { ...state, notice: next < 0 ? first : last };
      }
      return openRow(leaveArticle(state), next);
    }
    case 'back':
      return takeHeldAnswer(
        viewAfterReading(
          dropKept({
            ...leaveArticle(state),
            screen: 'list',
            mark: null,
            find: null,
            resume: null,
          }),
        ),
      );
    default:
      return state;
  }
}

function resize(state: AppState, size: Size): AppState {
  const resized = { ...state, size };
  const article = state.shown[state.selected];
  const { measure } = state.user.settings;
  if (state.screen === 'reader' && article && size.columns !== state.size.columns) {
    // Both pages as far as they are wrapped: a long article is wrapped again at the new width a section
    // at a time, and the reader goes back to its place once the wrapping gets there.
    const before = state.paginate!(article, state.size.columns, readerHeight(state.size), measure);
    const after = currentPage(resized)!;
    if (before.complete && after.complete && !state.resume) {
      resized.top = carryTop(before.lines, state.top, after.lines);
    } else {
      const place = state.resume?.place ?? placeOf(before.lines, state.top);
      resized.top = 0;
      const changed = state.resume?.changed;
      resized.resume = {
        place,
        top: 0,
        say: state.resume?.say ?? false,
        ...(changed && { changed }),
      };
      return withMoreWanted(withSelection(applyResume(resized), state.selected));
    }
  }
  if (state.screen === 'reader') {
    resized.top = clamp(
      resized.top,
      0,
      lastTop(currentPage(resized)!.lines.length, readerHeight(size)),
    );
  }
  // A taller window may show more results than were asked for.
  return withMoreWanted(withSelection(resized, state.selected));
}
