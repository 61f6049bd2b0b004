// The list's search: the field above the list, the results that replace the list as answers come, and the
// way back to the whole list. Pure; the app asks the search engine and hands its answers in.
import type { ArticleMeta } from '../core/article.js';
import type { SearchAnswer, SearchHit } from '../core/search/types.js';
import { windowRows, withSelection, type ListWindow } from './list-window.js';
import { fieldOf, type TextField } from './text-field.js';

/** A search of the library, open above the list. */
export interface ListSearch {
  field: TextField;
  /** Keys go to the field; else they go to the list, and the query stays shown above it. */
  editing: boolean;
  /** The query whose results the list shows; null while it shows the whole library. */
  shownFor: string | null;
  /** Why the query typed cannot be read, for the footer; cleared by the next answer that can. */
  hint: string | null;
  /** The list and where it was when the search opened: Esc goes back there. */
  before: { shown: readonly ArticleMeta[]; selected: number; listTop: number };
  /** Results asked for: a few screens' worth, more as the selection nears the end of them. */
  limit: number;
  /** How many articles the query shown matched, some of them perhaps not yet among the results. */
  total: number;
  /** Whether `total` is an estimate (a phrase checked in the best candidates only). */
  approximate?: boolean;
  /** An answer that came while the reader was open: it changes the list once the reader closes. */
  held: { query: string; answer: SearchAnswer } | null;
  /**
   * The results shown are from a library read before: the next answer to the same query replaces them,
   * the selection staying on its article.
   */
  stale: boolean;
}

/**
 * Results asked for at first: a screenful of one-row entries, which is two screens of results with
 * snippets. Each hit asked for is described by the engine (highlights, a snippet cut from its body read
 * again), most of a keystroke's search, and copied to this thread; more are asked for as the selection
 * moves down (withMoreWanted), and the engine keeps those it described.
 */
export function firstResults(view: ListWindow): number {
  return windowRows(view);
}

/** What searching reads and changes of the app's state. */
interface Searching extends ListWindow {
  articles: readonly ArticleMeta[];
  shown: readonly ArticleMeta[];
  search: ListSearch | null;
}

/** The query to ask the engine for: none while no search is open or the field is blank. */
export function queryOf(search: ListSearch | null): string | null {
  return search && search.field.text.trim() !== '' ? search.field.text : null;
}

/** `/` in the list: the field opens (with the query kept from before, to edit). */
export function openSearch<T extends Searching>(state: T): T {
  if (state.search) {
    return {
      ...state,
      search: { ...state.search, editing: true, field: fieldOf(state.search.field.text) },
    };
  }
  const search: ListSearch = {
    field: fieldOf(''),
    editing: true,
    shownFor: null,
    hint: null,
    before: { shown: state.shown, selected: state.selected, listTop: state.listTop },
    limit: 0,
    total: 0,
    held: null,
    stale: false,
  };
  // The library's ids are indexed now, not when the first answer is awaited on screen.
  articleById(state.articles, '');
  // The field takes a row from the list: the selection stays in view.
  const opened = { ...state, search };
  return withSelection(
    { ...opened, search: { ...search, limit: firstResults(opened) } },
    state.selected,
  );
}

/** The field changed. A blank query shows the whole list again, where it was; else the answer will come. */
export function searchEdited<T extends Searching>(state: T, field: TextField): T {
  const { search } = state;
  if (!search) return state;
  if (field.text.trim() !== '') {
    return { ...state, search: { ...search, field, limit: firstResults(state) } };
  }
  const whole = { ...state, search: { ...search, field, shownFor: null, hint: null, total: 0 } };
  return wholeList(whole, search.before);
}

function wholeList<T extends Searching>(state: T, at: ListSearch['before']): T {
  return withSelection({ ...state, shown: at.shown, hits: null, listTop: at.listTop }, at.selected);
}

// Hits name articles by id: the library's ids, indexed once per library.
const byId = new WeakMap<readonly ArticleMeta[], Map<string, ArticleMeta>>();

function articleById(articles: readonly ArticleMeta[], id: string): ArticleMeta | undefined {
  let index = byId.get(articles);
  if (!index)
    byId.set(articles, (index = new Map(articles.map((article) => [article.id, article]))));
  return index.get(id);
}

/**
 * An answer from the engine. Only the answer to the query in the field now is shown: one that comes late,
 * after the field has changed, is dropped. A query that cannot be read keeps the results shown and gives
 * its hint.
 */
export function applyAnswer<T extends Searching>(state: T, query: string, answer: SearchAnswer): T {
  const { search } = state;
  if (!search || search.field.text !== query || queryOf(search) === null) return state;
  if (!answer.ok) return { ...state, search: { ...search, hint: answer.error } };
  // The query shown again, with more results (or the field went back to it): the selection stays.
  const more = search.shownFor === query;
  const estimated = answer.approximate === true || search.approximate === true;
  if (more && !search.stale && !estimated && answer.hits.length <= (state.hits?.length ?? 0)) {
    return { ...state, search: { ...search, hint: null } };
  }
  const hits: SearchHit[] = [];
  const shown: ArticleMeta[] = [];
  for (const hit of answer.hits) {
    const article = articleById(state.articles, hit.id);
    if (!article) continue;
    hits.push(hit);
    shown.push(article);
  }
  const total =
    Math.max(answer.total ?? 0, answer.hits.length) - (answer.hits.length - hits.length);
  const next = {
    ...state,
    shown,
    hits,
    search: {
      ...search,
      shownFor: query,
      hint: null,
      total,
      approximate: answer.approximate === true,
      stale: false,
    },
  };
  let selected: T;
  if (more && search.stale) {
    const id = state.shown[state.selected]?.id;
    const at = shown.findIndex((article) => article.id === id);
    selected = withSelection(next, at >= 0 ? at : state.selected);
  } else {
    selected = more
      ? withSelection(next, state.selected)
      : withSelection({ ...next, listTop: 0 }, 0);
  }
  // A phrase check cut short may leave the window part empty while more articles hold the phrase: they
  // are asked for at once (each ask checks further, until every candidate is checked and the count is exact).
  return answer.approximate ? withMoreWanted(selected) : selected;
}

/**
 * Asks for more results when the selection comes within a screen of the end of those shown, or the window
 * (grown taller) could show more than there are.
 */
export function withMoreWanted<T extends Searching>(state: T): T {
  const { search, hits } = state;
  if (!search || !hits || search.shownFor === null || search.total <= hits.length) return state;
  const wanted = Math.max(state.selected + windowRows(state), firstResults(state));
  // Fewer hits than asked for were all there are, unless the engine stopped checking phrases early.
  const cutShort = search.approximate === true;
  if ((search.limit > hits.length && !cutShort) || wanted <= hits.length) return state;
  return { ...state, search: { ...search, limit: Math.max(search.limit * 2, wanted) } };
}

/**
 * An answer that comes while an article is open waits: the list under the reader must not change, or
 * the reader would show another article.
 */
export function holdAnswer<T extends Searching>(state: T, query: string, answer: SearchAnswer): T {
  return state.search ? { ...state, search: { ...state.search, held: { query, answer } } } : state;
}

/** Back in the list: the answer that waited, if any, is shown. */
export function takeHeldAnswer<T extends Searching>(state: T): T {
  const held = state.search?.held;
  if (!held) return state;
  return applyAnswer(
    { ...state, search: { ...state.search!, held: null } },
    held.query,
    held.answer,
  );
}

/** Enter: the results stay, and keys go to the list. A blank query closes the search. */
export function keepSearch<T extends Searching>(state: T): T {
  const { search } = state;
  if (!search) return state;
  if (queryOf(search) === null) return clearSearch(state);
  return { ...state, search: { ...search, editing: false } };
}

/** Esc: the whole list again, with the selection it had before the search. */
export function clearSearch<T extends Searching>(state: T): T {
  if (!state.search) return state;
  return wholeList({ ...state, search: null }, state.search.before);
}
