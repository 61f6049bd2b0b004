// Find in the article the reader shows: the query typed after /, or the words a library search matched,
// every match highlighted, n and N moving between them. Pure, like the rest of the reducer.
import {
  findDone,
  findInPage,
  termsNeedle,
  textNeedle,
  type Needle,
  type PageMatch,
} from '../core/find-in-page.js';
import { lastTop, type Page } from '../core/page.js';
import { clamp, readerHeight, type Size } from './geometry.js';
import { fieldOf, type TextField } from './text-field.js';

/** A find in the article shown. */
export interface Find {
  needle: Needle;
  /** The field while it is open; null once Enter kept the query, and for a library search's words. */
  field: TextField | null;
  /** The match last moved to, an index into the page's matches; -1 when there is none. */
  current: number;
  /** The first line in view when the field opened: finding starts there, and Esc goes back to it. */
  from: number;
}

/** What finding reads and changes of the app's state. */
interface Reading {
  size: Size;
  top: number;
  find: Find | null;
  notice: string | null;
}

/** The matches of the find in a page (none without a find). */
export function matchesOf(find: Find | null, page: Page): PageMatch[] {
  return find ? findInPage(page.lines, find.needle, page.complete) : [];
}

/**
 * Whether the find has looked through the whole page: a long one is searched a step at a time (and as it
 * is wrapped), its matches counted up meanwhile.
 */
export function findingDone(find: Find | null, page: Page): boolean {
  return !find || findDone(page.lines, find.needle);
}

/** The view's top that shows `line`: unchanged when it is in view, else the line near the top. */
function topShowing(size: Size, page: Page, top: number, line: number): number {
  const height = readerHeight(size);
  if (line >= top && line < top + height) return top;
  const context = Math.min(2, Math.floor(height / 4));
  return clamp(line - context, 0, lastTop(page.lines.length, height));
}

/**
 * The first match at or below line `from`, else the first of all (-1 when there is none). While the page
 * is still being searched (`done` false), one below may yet come: -1 until it does.
 */
function firstFrom(matches: readonly PageMatch[], from: number, done: boolean): number {
  const below = matches.findIndex((match) => match.line >= from);
  return below >= 0 ? below : matches.length > 0 && done ? 0 : -1;
}

/**
 * More of the page searched (or wrapped): a find still without a current match goes to the first found
 * from where it started, as the field's typing does.
 */
export function foundMore<T extends Reading>(state: T, page: Page): T {
  const { find } = state;
  if (!find) return state;
  const matches = matchesOf(find, page);
  if (find.current >= 0) return state;
  const current = firstFrom(matches, find.from, findingDone(find, page));
  if (current < 0) return state;
  const from = find.field ? find.from : state.top;
  const top = topShowing(state.size, page, from, matches[current]!.line);
  return { ...state, find: { ...find, current }, top };
}

/** A reader opened from a library search: the words it matched highlighted, the first in view. */
export function findTerms<T extends Reading>(state: T, page: Page, terms: readonly string[]): T {
  const find: Find = { needle: termsNeedle(terms), field: null, current: -1, from: 0 };
  if (find.needle.words.length === 0) return { ...state, find: null };
  find.current = firstFrom(matchesOf(find, page), 0, findingDone(find, page));
  const match = matchesOf(find, page)[find.current];
  const top = match ? topShowing(state.size, page, state.top, match.line) : state.top;
  return { ...state, find, top };
}

/** `/` in the reader: an empty field; the view stays where it is until something is found. */
export function openFind<T extends Reading>(state: T): T {
  const find: Find = { needle: textNeedle(''), field: fieldOf(''), current: -1, from: state.top };
  return { ...state, find };
}

/** The field changed: the first match from where the field opened comes into view, as it is typed. */
export function findEdited<T extends Reading>(state: T, page: Page, field: TextField): T {
  const { find } = state;
  if (!find) return state;
  const next: Find = { ...find, field, needle: textNeedle(field.text) };
  const matches = matchesOf(next, page);
  next.current = firstFrom(matches, find.from, findingDone(next, page));
  const match = matches[next.current];
  const top = match ? topShowing(state.size, page, find.from, match.line) : find.from;
  return { ...state, find: next, top };
}

/** Enter: the matches stay highlighted for n and N; an empty query ends the find. */
export function keepFind<T extends Reading>(state: T): T {
  const { find } = state;
  if (!find?.field) return state;
  if (find.field.text === '') return { ...state, find: null };
  return { ...state, find: { ...find, field: null } };
}

/** Esc: no find, and the view back where it was. */
export function cancelFind<T extends Reading>(state: T): T {
  return state.find ? { ...state, find: null, top: state.find.from } : state;
}

/**
 * n and N: the next (or previous) match, scrolled into view. From the current match, when it is in view,
 * it steps to its neighbour; otherwise it starts from the view. Past the last it goes round to the first.
 */
export function stepMatch<T extends Reading>(state: T, page: Page, step: 1 | -1): T {
  const { find } = state;
  const matches = matchesOf(find, page);
  if (!find || matches.length === 0) {
    const notice = !find
      ? 'Nothing to find yet: / finds a word.'
      : findingDone(find, page)
        ? 'No matches in this article.'
        : 'Still finding: no match yet.';
    return { ...state, notice };
  }
  const height = readerHeight(state.size);
  const inView = (line: number) => line >= state.top && line < state.top + height;
  let target: number;
  if (inView(matches[find.current]?.line ?? -1)) {
    target = find.current + step;
  } else if (step === 1) {
    target = matches.findIndex((match) => match.line >= state.top);
  } else {
    target = matches.findLastIndex((match) => match.line < state.top + height);
  }
  let notice: string | null = null;
  if (target < 0 || target >= matches.length) {
    target = step === 1 ? 0 : matches.length - 1;
    notice = step === 1 ? 'Past the last match: back to the first.' : 'Back to the last match.';
  }
  const top = topShowing(state.size, page, state.top, matches[target]!.line);
  return { ...state, find: { ...find, current: target }, top, notice };
}
