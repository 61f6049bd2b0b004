// What a hit shows: the characters of a field that matched, and a snippet of the body around its best
// match, found from the indexed positions and cut at word boundaries.
import type { TextRange } from './fold.js';
import type { SearchIndex } from './build-index.js';
import { FIELD_BITS } from './build-index.js';
import { continuesWord, foldWord, scanWords, standsAlone, unfoldInWord } from './tokenize.js';
import type { Snippet } from './types.js';
import type { QueryPhrase } from './query.js';
import { firstInBody, phraseMatches, phraseTerm } from './phrase.js';

/**
 * Everything a query matched, by term id: which characters of each term, in which fields, for which
 * query words (bits). Typed arrays over the vocabulary, reused from query to query: a word of one letter
 * matches thousands of terms, and a Map of them per keystroke is most of what the collector then does.
 */
export class MatchedTerms {
  private readonly words: Int32Array;
  private readonly fields: Uint8Array;
  private readonly from: Int32Array;
  private readonly to: Int32Array;
  /** Query words matching the term in the body, for choosing a snippet. */
  readonly bodyWords: Int32Array;
  /** Second and later ranges of a term (two query words matching it differently). */
  private readonly more = new Map<number, Array<[number, number]>>();
  private readonly touched: number[] = [];

  constructor(terms: number) {
    this.words = new Int32Array(terms);
    this.fields = new Uint8Array(terms);
    this.from = new Int32Array(terms);
    this.to = new Int32Array(terms);
    this.bodyWords = new Int32Array(terms);
  }

  add(id: number, from: number, to: number, fields: number, word: number): void {
    if (this.words[id] === 0) {
      this.touched.push(id);
      this.from[id] = from;
      this.to[id] = to;
    } else if (this.from[id] !== from || this.to[id] !== to) {
      const more = this.more.get(id) ?? [];
      if (!more.some(([a, b]) => a === from && b === to)) more.push([from, to]);
      this.more.set(id, more);
    }
    this.words[id]! |= word;
    this.fields[id]! |= fields;
    if (fields & FIELD_BITS.body) this.bodyWords[id]! |= word;
  }

  /** The matched characters of term `id` when it matched in `field`, else nothing. */
  rangesOf(id: number, field: number): ReadonlyArray<readonly [number, number]> {
    if (id < 0 || (this.fields[id]! & field) === 0) return NONE;
    const first: [number, number] = [this.from[id]!, this.to[id]!];
    const more = this.more.get(id);
    return more ? [first, ...more] : [first];
  }

  /**
   * A quick test for a word of a body before it is looked up: the lengths and first characters of the
   * terms matched in the body (every length and character when they are too many to be worth it).
   */
  filter(terms: readonly string[]): { lengths: Uint8Array; firsts: Uint8Array } {
    if (this.quick) return this.quick;
    // The same two arrays every query (allocating 64 KB a keystroke only fragments memory).
    const lengths = (this.lengths ??= new Uint8Array(256)).fill(0);
    const firsts = (this.firsts ??= new Uint8Array(65536)).fill(0);
    let count = 0;
    for (const id of this.touched) {
      if (this.bodyWords[id] === 0) continue;
      const term = terms[id]!;
      lengths[Math.min(term.length, 255)] = 1;
      firsts[term.charCodeAt(0)] = 1;
      if (++count > 4096) break;
    }
    if (count > 4096) {
      lengths.fill(1);
      firsts.fill(1);
    }
    return (this.quick = { lengths, firsts });
  }
  private quick: { lengths: Uint8Array; firsts: Uint8Array } | null = null;
  private lengths: Uint8Array | undefined;
  private firsts: Uint8Array | undefined;

  /**
   * What to look for in a folded body to find the words matched there: each distinct matched part of a
   * term (a prefix query's word once, not its thousand terms), and whether it starts its word. Null
   * when there are too many to be worth it.
   */
  needles(terms: readonly string[]): Array<{ needle: string; atStart: boolean }> | null {
    if (this.found !== undefined) return this.found;
    const needles = new Map<string, boolean>();
    // A prefix's thousand terms share one needle, the word typed: each is checked against the last
    // needle before anything is cut from it.
    let last = '';
    let started = false;
    const more = this.more;
    for (const id of this.touched) {
      if (this.bodyWords[id] === 0) continue;
      const from = this.from[id]!;
      const to = this.to[id]!;
      // The cheap tests first: a thousand terms of a short prefix pass through here every keystroke.
      const same = started && from === 0 && to === last.length;
      if (same && (more.size === 0 || !more.has(id)) && terms[id]!.startsWith(last)) continue;
      const term = terms[id]!;
      for (const [start, end] of this.rangesOf(id, FIELD_BITS.body)) {
        const needle = term.slice(start, end);
        needles.set(needle, (needles.get(needle) ?? true) && start === 0);
        last = needle;
        started = true;
      }
      if (needles.size > MAX_NEEDLES) return (this.found = null);
    }
    return (this.found = [...needles].map(([needle, atStart]) => ({ needle, atStart })));
  }
  private found: Array<{ needle: string; atStart: boolean }> | null | undefined = undefined;

  /** Forgets this query's terms. */
  clear(): void {
    this.quick = null;
    this.found = undefined;
    for (const id of this.touched) {
      this.words[id] = 0;
      this.fields[id] = 0;
      this.bodyWords[id] = 0;
    }
    this.touched.length = 0;
    this.more.clear();
  }
}
const NONE: ReadonlyArray<readonly [number, number]> = [];

/** How far a snippet reaches before and after its match, in characters. */
const BEFORE = 50;
const LENGTH = 150;
const MAX_POSITIONS = 48;
/** More distinct things to look for than this, and a body's words are looked at one by one instead. */
const MAX_NEEDLES = 24;
/** Matches this many characters apart (about sixteen words) still count as one passage. */
const PASSAGE = 100;

/** Ranges of `text` (a field as shown) whose words matched, and the folded words that did. */
export function fieldRanges(
  index: SearchIndex,
  text: string,
  field: number,
  matched: MatchedTerms,
  terms: Set<string>,
  offset = 0,
): TextRange[] {
  const { vocabulary } = index;
  const ranges: TextRange[] = [];
  const mark = (start: number, end: number, id: number) => {
    const found = matched.rangesOf(id, field);
    if (found.length === 0) return;
    terms.add(vocabulary.terms[id]!);
    const word = text.slice(start, end);
    for (const [from, to] of found) {
      const [a, b] = unfoldInWord(word, from, to);
      ranges.push({ start: offset + start + a, end: offset + start + b });
    }
  };
  // ASCII words are looked up where they stand, without making a string of each.
  scanWords(
    text,
    (start, end) => mark(start, end, vocabulary.idOfRange(text, start, end)),
    (start, end, term) => mark(start, end, vocabulary.idOf(term)),
  );
  return merge(ranges);
}

/**
 * Characters of bodies kept per index, at most (a few hundred articles: the hits of the last few
 * keystrokes, which mostly stay while a word is typed): reading one costs more than looking at it, but
 * each kept body is held twice (as read and folded), and more only raised the peak memory.
 */
const KEPT_CHARACTERS = 1024 * 1024;

/** A body as plain text, and folded (lower case, no diacritics) with the same positions, when it folds so. */
export interface Body {
  text: string;
  folded: string | null;
}
const bodyCaches = new WeakMap<SearchIndex, { bodies: Map<number, Body>; characters: number }>();
const ASCII = /^[\x00-\x7f]*$/;
const NON_ASCII = /[^\x00-\x7f]/g;
const MARKS = /\p{M}/gu;
const foldedCharacters = new Map<string, string>();

/**
 * A character (one UTF-16 unit, in lower case) without its diacritics, when that is one unit too ("é" →
 * "e"); else itself, so that a folded body keeps the positions of the text it came from.
 */
function foldCharacter(char: string): string {
  let folded = foldedCharacters.get(char);
  if (folded === undefined) {
    const bare = char.normalize('NFKD').replace(MARKS, '');
    folded = bare.length === 1 ? bare : char;
    foldedCharacters.set(char, folded);
  }
  return folded;
}

/** Document `doc`'s body, read again (textOf) and kept a while: the index keeps no texts. */
export function bodyOf(index: SearchIndex, doc: number): Body | null {
  let cache = bodyCaches.get(index);
  if (!cache) bodyCaches.set(index, (cache = { bodies: new Map(), characters: 0 }));
  const known = cache.bodies.get(doc);
  if (known !== undefined) {
    cache.bodies.delete(doc);
    cache.bodies.set(doc, known);
    return known;
  }
  const text = index.textOf(doc);
  if (text === null) return null;
  let folded: string | null = text.toLowerCase();
  if (folded.length !== text.length) folded = null;
  else if (!ASCII.test(folded)) folded = folded.replace(NON_ASCII, foldCharacter);
  const body = { text, folded };
  cache.bodies.set(doc, body);
  cache.characters += text.length * 2;
  for (const [oldest, old] of cache.bodies) {
    if (cache.characters <= KEPT_CHARACTERS) break;
    cache.bodies.delete(oldest);
    cache.characters -= old.text.length * 2;
  }
  return body;
}

/** The first matched words of a body: where each starts, and which query words it matched. */
interface Found {
  offsets: number[];
  masks: number[];
}

/**
 * The first matched words of a body, found by searching its folded text for what the query matched
 * (the query word itself for a prefix, each typo's term): a few native searches instead of looking at
 * every word. Null when the body does not fold position for position, or the query matched too much.
 */
function findByNeedles(index: SearchIndex, body: Body, matched: MatchedTerms): Found | null {
  const needles = matched.needles(index.vocabulary.terms);
  const { text, folded } = body;
  if (!needles || folded === null) return null;
  const { vocabulary } = index;
  const wordMasks = matched.bodyWords;
  const seen = new Set<number>();
  const hits: Array<[number, number]> = [];
  for (const { needle, atStart } of needles) {
    let count = 0;
    for (let at = folded.indexOf(needle); at !== -1; at = folded.indexOf(needle, at + 1)) {
      if (atStart && continuesWord(folded, at - 1)) continue;
      let start = at;
      let end = at + needle.length;
      if (!standsAlone(folded, at)) {
        while (continuesWord(folded, start - 1)) start -= 1;
        while (continuesWord(folded, end)) end += 1;
      }
      if (seen.has(start)) continue;
      seen.add(start);
      const word = text.slice(start, end);
      const id = ASCII.test(word)
        ? vocabulary.idOfRange(text, start, end)
        : vocabulary.idOf(foldWord(word));
      const mask = id < 0 ? 0 : wordMasks[id]!;
      if (mask === 0) continue;
      hits.push([start, mask]);
      if (++count === MAX_POSITIONS) break;
    }
  }
  hits.sort((a, b) => a[0] - b[0]);
  hits.length = Math.min(hits.length, MAX_POSITIONS);
  return { offsets: hits.map((hit) => hit[0]), masks: hits.map((hit) => hit[1]) };
}

/** The first matched words of a body, every word looked at (those that could match looked up). */
function findByScanning(index: SearchIndex, text: string, matched: MatchedTerms): Found {
  const wordMasks = matched.bodyWords;
  const { vocabulary } = index;
  const { lengths, firsts } = matched.filter(vocabulary.terms);
  const offsets: number[] = [];
  const masks: number[] = [];
  const found = (start: number, id: number) => {
    const mask = id < 0 ? 0 : wordMasks[id]!;
    if (mask === 0) return false;
    offsets.push(start);
    masks.push(mask);
    return offsets.length === MAX_POSITIONS;
  };
  scanWords(
    text,
    (start, end) => {
      const first = text.charCodeAt(start);
      // ASCII words fold to their lower case: most cannot be a matched term, by length or first letter.
      const letter = first >= 65 && first <= 90 ? first | 32 : first;
      if (!lengths[Math.min(end - start, 255)] || !firsts[letter]) return false;
      return found(start, vocabulary.idOfRange(text, start, end));
    },
    (start, _end, term) => found(start, vocabulary.idOf(term)),
  );
  return { offsets, masks };
}

/**
 * The body's best passage (the most query words close together, the first such), cut at word boundaries
 * within its paragraph, with `…` where it was cut. Null when the body did not match or cannot be read.
 */
export function bodySnippet(
  index: SearchIndex,
  doc: number,
  matched: MatchedTerms,
  terms: Set<string>,
  phrases: readonly QueryPhrase[] = [],
): Snippet | null {
  const body = bodyOf(index, doc);
  if (!body) return null;
  const { text } = body;
  // A quoted phrase, where the body holds one, is the passage: its words alone are not marked.
  let at = -1;
  for (const phrase of phrases) {
    if (phrase.field !== null && phrase.field !== 'body') continue;
    const first = firstInBody(body, phrase);
    if (first !== -1 && (at === -1 || first < at)) at = first;
  }
  if (at === -1) at = bestPassage(index, body, matched);
  if (at === -1) return null;
  const { start: paragraphStart, end: paragraphEnd } = paragraphAround(text, at);
  // A short paragraph is shown whole; near its end, the window reaches back further.
  let start = Math.max(paragraphStart, Math.min(at - BEFORE, paragraphEnd - LENGTH));
  if (start > paragraphStart) start = wordStartAfter(text, start, at);
  let end = Math.min(paragraphEnd, start + LENGTH);
  if (end < paragraphEnd) end = wordEndBefore(text, end, at);
  const lead = start > paragraphStart ? '…' : '';
  const { text: shown, shift } = squeezed(text.slice(start, end));
  const inWindow = windowRanges(index, text, start, end, matched, terms);
  for (const phrase of phrases) {
    if (phrase.field !== null && phrase.field !== 'body') continue;
    for (const found of phraseMatches(text, phrase, Infinity, start, end)) {
      terms.add(phraseTerm(text, found));
      inWindow.push({ start: found.start, end: Math.min(found.end, end) });
    }
  }
  const ranges = merge(inWindow).map((range) => ({
    start: lead.length + shift(range.start - start),
    end: lead.length + shift(range.end - start),
  }));
  // A string of its own, not a slice of the body: a hit is remembered with its ranking (search.ts), and a
  // slice would keep the whole body alive with it. Slicing a joined string copies it first.
  const cut = `${lead}${shown}${end < paragraphEnd ? '…' : ''} `.slice(0, -1);
  return { text: cut, ranges };
}

/** Where the body's best passage starts (the most query words close together, the first such), or -1. */
function bestPassage(index: SearchIndex, body: Body, matched: MatchedTerms): number {
  // The best passage is nearly always among the first matches; a word of one letter matches hundreds.
  const { offsets, masks } =
    findByNeedles(index, body, matched) ?? findByScanning(index, body.text, matched);
  if (offsets.length === 0) return -1;
  let best = 0;
  let bestCount = 0;
  for (let first = 0; first < offsets.length; first++) {
    let union = 0;
    for (let k = first; k < offsets.length && offsets[k]! - offsets[first]! < PASSAGE; k++) {
      union |= masks[k]!;
    }
    const count = bitCount(union);
    if (count > bestCount) {
      best = first;
      bestCount = count;
    }
  }
  return offsets[best]!;
}

/** The matched words that start in text[start, end), `start` being the start of a word. */
function windowRanges(
  index: SearchIndex,
  text: string,
  start: number,
  end: number,
  matched: MatchedTerms,
  terms: Set<string>,
): TextRange[] {
  const { vocabulary } = index;
  const ranges: TextRange[] = [];
  const mark = (from: number, to: number, id: number) => {
    if (from >= end) return true;
    const found = matched.rangesOf(id, FIELD_BITS.body);
    if (found.length === 0) return false;
    terms.add(vocabulary.terms[id]!);
    const word = text.slice(from, to);
    for (const [a, b] of found) {
      const [x, y] = unfoldInWord(word, a, b);
      ranges.push({ start: from + x, end: from + y });
    }
    return false;
  };
  scanWords(
    text,
    (from, to) => (from >= end ? true : mark(from, to, vocabulary.idOfRange(text, from, to))),
    (from, to, term) => (from >= end ? true : mark(from, to, vocabulary.idOf(term))),
    start,
  );
  return merge(ranges);
}

/** Runs of spaces and line breaks as one space, and where each character of the original went. */
function squeezed(text: string): { text: string; shift: (at: number) => number } {
  if (!/\s\s|[\t\n\r\f\v]/.test(text)) return { text, shift: (at) => at };
  const places = new Int32Array(text.length + 1);
  let out = '';
  let space = false;
  for (let at = 0; at < text.length; at++) {
    places[at] = out.length;
    const isSpace = /\s/.test(text[at]!);
    if (!isSpace) out += text[at];
    else if (!space) out += ' ';
    space = isSpace;
  }
  places[text.length] = out.length;
  return { text: out, shift: (at) => places[at]! };
}

/** The paragraph holding character `at`: blank lines part paragraphs; spaces at its edges are left out. */
function paragraphAround(text: string, at: number): TextRange {
  const before = text.lastIndexOf('\n\n', at);
  const after = text.indexOf('\n\n', at);
  let start = before === -1 ? 0 : before + 2;
  let end = after === -1 ? text.length : after;
  while (end > start && /\s/.test(text[end - 1]!)) end -= 1;
  while (start < end && /\s/.test(text[start]!)) start += 1;
  return { start, end };
}

/** Where a snippet may start at or after `from`: after a space, else (text without spaces) at `from`. */
function wordStartAfter(text: string, from: number, limit: number): number {
  const space = text.slice(from, limit).search(/\s/);
  if (space !== -1) return from + space + 1;
  return isLowSurrogate(text, from) ? from + 1 : from;
}

/** Where a snippet may end at or before `to`, past `after`: at a space, else (no spaces) at `to`. */
function wordEndBefore(text: string, to: number, after: number): number {
  const tail = text.slice(after, to + 1);
  const space = Math.max(tail.lastIndexOf(' '), tail.lastIndexOf('\n'));
  if (space > 0) return after + space;
  return isLowSurrogate(text, to) ? to - 1 : to;
}

function isLowSurrogate(text: string, at: number): boolean {
  const unit = text.charCodeAt(at);
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** Ranges in order, overlapping or touching ones joined. */
export function merge(ranges: TextRange[]): TextRange[] {
  if (ranges.length < 2) return ranges;
  ranges.sort((a, b) => a.start - b.start);
  const out: TextRange[] = [ranges[0]!];
  for (const range of ranges.slice(1)) {
    const last = out.at(-1)!;
    if (range.start <= last.end) last.end = Math.max(last.end, range.end);
    else out.push(range);
  }
  return out;
}

function bitCount(mask: number): number {
  let count = 0;
  for (let bits = mask; bits !== 0; bits &= bits - 1) count += 1;
  return count;
}
