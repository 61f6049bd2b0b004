// Find in an article's page: where a typed query, or the words a library search matched, occur in the
// laid-out lines, as character ranges the reader highlights and steps through.
// Only the Line type from layout.ts: its code needs the Markdown parser, which the list's first frame
// does without, and this module is on that frame's path.
import type { Line } from './layout.js';
import { fold, foldText, unfoldRange, type Folded } from './search/fold.js';

/** What to look for in a page. */
export interface Needle {
  /** Each is looked for on its own; a match of any counts. Folded unless `exact`. */
  words: readonly string[];
  /** Case and accents matter (a query with a capital letter in it). */
  exact: boolean;
  /** Only where a word starts and ends: the article's own words, as a library search found them. */
  wholeWords: boolean;
}

/** Characters [start, end) of line `line`'s text (its segments joined), in UTF-16 units. */
export interface LineRange {
  line: number;
  start: number;
  end: number;
}

/**
 * One match: its first line's piece and, for a phrase that goes on past the end of that line (a wrapped
 * paragraph), the pieces of the lines it goes on to.
 */
export interface PageMatch extends LineRange {
  rest?: LineRange[];
}

const UPPER = /\p{Lu}|\p{Lt}/u;

/**
 * A typed query, with smart case as less and vim have it: all lower case ignores case and accents
 * ("communique" finds "Communiqué"); a capital letter anywhere makes the whole query exact.
 */
export function textNeedle(query: string): Needle {
  if (query === '') return { words: [], exact: false, wholeWords: false };
  const exact = UPPER.test(query);
  return { words: [exact ? query : foldText(query)], exact, wholeWords: false };
}

/** The words a library search matched in an article (SearchHit.terms), found as whole words. */
export function termsNeedle(terms: readonly string[]): Needle {
  const words = [...new Set(terms.map(foldText).filter((word) => word.trim() !== ''))];
  return { words, exact: false, wholeWords: true };
}

/** Whether two needles look for the same thing. */
export function sameNeedle(a: Needle, b: Needle): boolean {
  return (
    a.exact === b.exact &&
    a.wholeWords === b.wholeWords &&
    a.words.length === b.words.length &&
    a.words.every((word, k) => word === b.words[k])
  );
}

// Letters and digits make words; scripts written without spaces (Chinese, Japanese) have no word edges
// to find, so each of their characters stands alone.
const WORD = /[\p{L}\p{N}\p{M}]/u;
const NO_SPACES = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

function joinsWord(text: string, at: number, edgeOfMatch: string): boolean {
  const char = String.fromCodePoint(text.codePointAt(at) ?? 32);
  if (!WORD.test(char) || NO_SPACES.test(char) || NO_SPACES.test(edgeOfMatch)) return false;
  return true;
}

/** The code point that ends just before `at`. */
function before(text: string, at: number): number {
  const low = text.charCodeAt(at - 1);
  return low >= 0xdc00 && low <= 0xdfff && at >= 2 ? at - 2 : at - 1;
}

function atWordEdges(text: string, start: number, end: number): boolean {
  const first = String.fromCodePoint(text.codePointAt(start)!);
  const last = String.fromCodePoint(text.codePointAt(before(text, end))!);
  if (start > 0 && joinsWord(text, before(text, start), first)) return false;
  return !(end < text.length && joinsWord(text, end, last));
}

/**
 * Ranges of one line's text where the needle occurs, in order, never overlapping. `folded` is the text
 * folded already, when the caller keeps it.
 */
export function findInText(
  text: string,
  needle: Needle,
  foldedText?: () => Folded,
): { start: number; end: number }[] {
  const words = needle.words.filter((word) => word !== '');
  if (words.length === 0 || text === '') return [];
  const folded: Folded | undefined = needle.exact ? undefined : (foldedText?.() ?? fold(text));
  const haystack = folded ? folded.text : text;
  const found: { start: number; end: number }[] = [];
  for (const word of words) {
    for (let at = haystack.indexOf(word); at >= 0; at = haystack.indexOf(word, at + 1)) {
      const end = at + word.length;
      if (needle.wholeWords && !atWordEdges(haystack, at, end)) continue;
      found.push(folded ? unfoldRange(folded, at, end) : { start: at, end });
    }
  }
  // Earliest first and, from one place, the longest: then whatever overlaps a kept match goes.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: { start: number; end: number }[] = [];
  for (const range of found) {
    if (kept.length === 0 || range.start >= kept.at(-1)!.end) kept.push(range);
  }
  return kept;
}

// A phrase can run on past the end of a line: the lines of one paragraph are searched as one text, their
// wrapped pieces joined again, and a match that crosses a line edge is marked on each line it covers.

/** Where one line's text sits in the text of its paragraph. */
interface LinePlace {
  line: number;
  /** Where its part begins in the joined text. */
  at: number;
  /** How much of the line's own text comes before that part (a quotation's bar, a list's hang). */
  skip: number;
  length: number;
}

/** Lines searched as one text: a wrapped paragraph, or a single line that stands alone. */
interface Run {
  text: string;
  places: LinePlace[];
  folded?: Folded;
}

const STANDS_ALONE: ReadonlySet<string | undefined> = new Set(['code', 'rule', 'title', 'byline']);

/** How much of a continuing line is decoration (bars and the indent under a list marker). */
function decoration(line: Line, text: string): number {
  let skip = 0;
  for (const segment of line.segments) {
    if (segment.style.role !== 'bar') break;
    skip += segment.text.length;
  }
  while (skip < text.length && text.charCodeAt(skip) === 32) skip += 1;
  return skip;
}

/** Whether `line` carries on the paragraph of the line before it, rather than starting its own. */
function continues(previous: Line | undefined, line: Line): boolean {
  if (!previous || previous.block < 0 || previous.block !== line.block) return false;
  const roles = (of: Line) => of.segments.map((segment) => segment.style.role);
  if (roles(line).includes('marker')) return false;
  return ![...roles(previous), ...roles(line)].some((role) => STANDS_ALONE.has(role));
}

/**
 * A page's lines made into runs as far as asked: `closed` runs are whole; `open` may go on in lines not
 * yet wrapped (or not yet looked at). A page wrapped a section at a time shares one lines array as it grows.
 */
interface Runs {
  closed: Run[];
  open: Run | undefined;
  /** Lines looked at. */
  next: number;
}

/**
 * Makes runs of up to `characters` more characters of lines (the characters it looked at); a page complete
 * closes its last run.
 */
function extendRuns(
  lines: readonly Line[],
  made: Runs,
  complete: boolean,
  characters: number,
): number {
  let spent = 0;
  for (; made.next < lines.length && spent < characters; made.next++) {
    const y = made.next;
    const line = lines[y]!;
    const text = line.segments.map((segment) => segment.text).join('');
    spent += text.length + 1;
    const run = made.open;
    if (run && text !== '' && continues(lines[y - 1], line)) {
      const skip = decoration(line, text);
      const part = text.slice(skip);
      if (part !== '') {
        // The space the wrap dropped comes back, unless it cut a word.
        if (!line.joinsWord) run.text += ' ';
        run.places.push({ line: y, at: run.text.length, skip, length: part.length });
        run.text += part;
        continue;
      }
    }
    if (run) made.closed.push(run);
    made.open = { text, places: [{ line: y, at: 0, skip: 0, length: text.length }] };
  }
  if (complete && made.next >= lines.length && made.open) {
    made.closed.push(made.open);
    made.open = undefined;
  }
  return spent;
}

/** A range of a run's text as the pieces of lines it covers (the joins between lines cover none). */
function piecesOf(run: Run, start: number, end: number): LineRange[] {
  const pieces: LineRange[] = [];
  for (const place of run.places) {
    const from = Math.max(start, place.at);
    const to = Math.min(end, place.at + place.length);
    if (to > from) {
      const offset = place.skip - place.at;
      pieces.push({ line: place.line, start: from + offset, end: to + offset });
    }
  }
  return pieces;
}

// The reader asks on every key and every frame: the last search per page is kept, and each paragraph's
// text, plain and folded, is made once per page (folding a long article anew cost ~20-50 ms a key). A
// page of megabytes is searched FIND_STEP characters a call, so that no key or frame waits for all of it.
/** Characters of a page's text made into runs, folded and searched at most in one call: ~5-10 ms. */
export const FIND_STEP = 128 * 1024;

/** A search of one page for one needle, as far as it has got. */
interface Search {
  needle: Needle;
  matches: PageMatch[];
  /** Closed runs searched. */
  searched: number;
  done: boolean;
}
const searches = new WeakMap<readonly Line[], Search>();
const runs = new WeakMap<readonly Line[], Runs>();

function runsFor(lines: readonly Line[]): Runs {
  let made = runs.get(lines);
  if (!made) runs.set(lines, (made = { closed: [], open: undefined, next: 0 }));
  return made;
}

/**
 * The matches in a page's lines found so far, in reading order, after searching on for up to FIND_STEP
 * more characters: call again (findDone says when) for the rest. A match may go on over the next lines.
 * `complete` is false while the page is still being wrapped: its lines so far are searched, and the rest
 * as they come.
 */
export function findInPage(lines: readonly Line[], needle: Needle, complete = true): PageMatch[] {
  let search = searches.get(lines);
  if (!search || !sameNeedle(search.needle, needle)) {
    search = { needle, matches: [], searched: 0, done: false };
    searches.set(lines, search);
  }
  if (search.done) return search.matches;
  if (!needle.words.some((word) => word !== '')) {
    search.done = true;
    return search.matches;
  }
  const made = runsFor(lines);
  let budget = FIND_STEP;
  const found: PageMatch[] = [];
  while (budget > 0) {
    if (search.searched >= made.closed.length) {
      budget -= extendRuns(lines, made, complete, budget);
      // None whole yet: the rest waits for more lines, or for the next call.
      if (search.searched >= made.closed.length) break;
    }
    const run = made.closed[search.searched++]!;
    budget -= run.text.length + 1;
    const foldedText = () => (run.folded ??= fold(run.text));
    for (const range of findInText(run.text, needle, foldedText)) {
      const [first, ...rest] = piecesOf(run, range.start, range.end);
      if (!first) continue;
      found.push(rest.length > 0 ? { ...first, rest } : first);
    }
  }
  // A new array when it grows: what is drawn from the matches is kept per array.
  if (found.length > 0) search.matches = [...search.matches, ...found];
  search.done =
    complete && made.next >= lines.length && !made.open && search.searched >= made.closed.length;
  return search.matches;
}

/** Whether the search of `lines` for `needle` has looked at all of them (false before any search). */
export function findDone(lines: readonly Line[], needle: Needle): boolean {
  const search = searches.get(lines);
  return !!search && search.done && sameNeedle(search.needle, needle);
}

/** Where a match is marked on line `y`: its first piece, or the piece of a line it goes on to. */
export function pieceOn(match: PageMatch | undefined, y: number): LineRange | undefined {
  if (!match) return undefined;
  if (match.line === y) return match;
  return match.rest?.find((piece) => piece.line === y);
}

const grouped = new WeakMap<readonly PageMatch[], Map<number, LineRange[]>>();

/** The matches of each line that has any, the same arrays every time for the same matches. */
export function matchesByLine(matches: readonly PageMatch[]): Map<number, LineRange[]> {
  let byLine = grouped.get(matches);
  if (!byLine) {
    byLine = new Map();
    for (const match of matches) {
      for (const piece of [match, ...(match.rest ?? [])]) {
        const list = byLine.get(piece.line);
        if (list) list.push(piece);
        else byLine.set(piece.line, [piece]);
      }
    }
    grouped.set(matches, byLine);
  }
  return byLine;
}

/**
 * Folds the first paragraphs of a page ahead of a find (up to FIND_STEP characters), so that its first key
 * finds at once; the rest is folded as it is searched.
 */
export function prepareFind(lines: readonly Line[], complete = true): void {
  const made = runsFor(lines);
  if (made.next === 0) extendRuns(lines, made, complete, FIND_STEP);
  let budget = FIND_STEP;
  for (const run of made.closed) {
    if (budget <= 0) break;
    budget -= run.text.length + 1;
    run.folded ??= fold(run.text);
  }
}
