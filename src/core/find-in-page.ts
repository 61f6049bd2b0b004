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

/** One match: characters [start, end) of line `line`'s text (its segments joined), in UTF-16 units. */
export interface PageMatch {
  line: number;
  start: number;
  end: number;
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

// The reader asks on every key and every frame: the last answer per page is kept, and each line's text,
// plain and folded, is made once per page (folding a long article anew cost ~20-50 ms a key).
const known = new WeakMap<readonly Line[], { needle: Needle; matches: PageMatch[] }>();
const texts = new WeakMap<readonly Line[], { plain: string[]; folded: (Folded | undefined)[] }>();

function textsOf(lines: readonly Line[]): { plain: string[]; folded: (Folded | undefined)[] } {
  let made = texts.get(lines);
  if (!made) {
    const plain = lines.map((line) => line.segments.map((segment) => segment.text).join(''));
    texts.set(lines, (made = { plain, folded: [] }));
  }
  return made;
}

/** Every match in a page's lines, in reading order. A match lies within one line. */
export function findInPage(lines: readonly Line[], needle: Needle): PageMatch[] {
  const cached = known.get(lines);
  if (cached && sameNeedle(cached.needle, needle)) return cached.matches;
  const matches: PageMatch[] = [];
  if (needle.words.some((word) => word !== '')) {
    const { plain, folded } = textsOf(lines);
    plain.forEach((text, y) => {
      const foldedText = () => (folded[y] ??= fold(text));
      for (const range of findInText(text, needle, foldedText)) matches.push({ line: y, ...range });
    });
  }
  known.set(lines, { needle, matches });
  return matches;
}

const grouped = new WeakMap<readonly PageMatch[], Map<number, PageMatch[]>>();

/** The matches of each line that has any, the same arrays every time for the same matches. */
export function matchesByLine(matches: readonly PageMatch[]): Map<number, PageMatch[]> {
  let byLine = grouped.get(matches);
  if (!byLine) {
    byLine = new Map();
    for (const match of matches) {
      const list = byLine.get(match.line);
      if (list) list.push(match);
      else byLine.set(match.line, [match]);
    }
    grouped.set(matches, byLine);
  }
  return byLine;
}

/** Folds every line of a page ahead of a find, so that its first key finds at once. */
export function prepareFind(lines: readonly Line[]): void {
  const { plain, folded } = textsOf(lines);
  plain.forEach((text, y) => (folded[y] ??= fold(text)));
}
