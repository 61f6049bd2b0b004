// What a hit shows: the characters of a field that matched, and a snippet of the body around its best
// match, found from the indexed positions and cut at word boundaries.
import type { TextRange } from './fold.js';
import type { SearchIndex } from './build-index.js';
import { FIELD_BITS } from './build-index.js';
import { scanWords, unfoldInWord } from './tokenize.js';
import type { Snippet } from './types.js';

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

  /** Forgets this query's terms. */
  clear(): void {
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
/** Matches this many words apart still count as one passage. */
const PASSAGE = 16;

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

/** A body's words as an index knows them: term ids (-1 for none), where each starts and ends. */
interface BodyWords {
  text: string;
  terms: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
}

/** Words of bodies kept per index, at most: about 10 MB, the bodies of a few screens of results. */
const KEPT_WORDS = 1_000_000;
const bodyCaches = new WeakMap<SearchIndex, { bodies: Map<number, BodyWords>; words: number }>();

/**
 * The words of document `doc`'s body, read again (textOf) and looked up, and kept a while: the index
 * keeps no positions, and while a query is typed the same articles are shown again and again.
 */
function bodyWords(index: SearchIndex, doc: number): BodyWords | null {
  let cache = bodyCaches.get(index);
  if (!cache) bodyCaches.set(index, (cache = { bodies: new Map(), words: 0 }));
  const known = cache.bodies.get(doc);
  if (known) {
    cache.bodies.delete(doc);
    cache.bodies.set(doc, known);
    return known;
  }
  const text = index.textOf(doc);
  if (text === null) return null;
  const { vocabulary } = index;
  const terms: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  scanWords(
    text,
    (start, end) => {
      terms.push(vocabulary.idOfRange(text, start, end));
      starts.push(start);
      ends.push(end);
    },
    (start, end, term) => {
      terms.push(vocabulary.idOf(term));
      starts.push(start);
      ends.push(end);
    },
  );
  const words: BodyWords = {
    text,
    terms: Int32Array.from(terms),
    starts: Int32Array.from(starts),
    ends: Int32Array.from(ends),
  };
  cache.bodies.set(doc, words);
  cache.words += terms.length + 1;
  for (const [oldest, old] of cache.bodies) {
    if (cache.words <= KEPT_WORDS) break;
    cache.bodies.delete(oldest);
    cache.words -= old.terms.length + 1;
  }
  return words;
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
): Snippet | null {
  const body = bodyWords(index, doc);
  if (!body) return null;
  const wordMasks = matched.bodyWords;
  const { text, terms: wordTerms, starts } = body;
  const positions: number[] = [];
  const masks: number[] = [];
  for (let at = 0; at < wordTerms.length; at++) {
    const id = wordTerms[at]!;
    const mask = id < 0 ? 0 : wordMasks[id]!;
    if (mask === 0) continue;
    positions.push(at);
    masks.push(mask);
    // The best passage is nearly always among the first matches; a word of one letter matches hundreds.
    if (positions.length === MAX_POSITIONS) break;
  }
  if (positions.length === 0) return null;
  let best = 0;
  let bestCount = 0;
  for (let first = 0; first < positions.length; first++) {
    let union = 0;
    for (let k = first; k < positions.length && positions[k]! - positions[first]! < PASSAGE; k++) {
      union |= masks[k]!;
    }
    const count = bitCount(union);
    if (count > bestCount) {
      best = first;
      bestCount = count;
    }
  }
  const at = starts[positions[best]!]!;
  const { start: paragraphStart, end: paragraphEnd } = paragraphAround(text, at);
  // A short paragraph is shown whole; near its end, the window reaches back further.
  let start = Math.max(paragraphStart, Math.min(at - BEFORE, paragraphEnd - LENGTH));
  if (start > paragraphStart) start = wordStartAfter(text, start, at);
  let end = Math.min(paragraphEnd, start + LENGTH);
  if (end < paragraphEnd) end = wordEndBefore(text, end, at);
  const lead = start > paragraphStart ? '…' : '';
  const { text: shown, shift } = squeezed(text.slice(start, end));
  const ranges = windowRanges(index, body, positions[best]!, start, end, matched, terms).map(
    (range) => ({
      start: lead.length + shift(range.start - start),
      end: lead.length + shift(range.end - start),
    }),
  );
  return { text: lead + shown + (end < paragraphEnd ? '…' : ''), ranges };
}

/**
 * The matched words of text[start, end), from the body's words around word `near`: their terms are
 * known, so nothing is looked up again.
 */
function windowRanges(
  index: SearchIndex,
  body: BodyWords,
  near: number,
  start: number,
  end: number,
  matched: MatchedTerms,
  terms: Set<string>,
): TextRange[] {
  const { text, terms: wordTerms, starts, ends } = body;
  let at = near;
  while (at > 0 && starts[at - 1]! >= start) at -= 1;
  const ranges: TextRange[] = [];
  for (; at < wordTerms.length && starts[at]! < end; at++) {
    const id = wordTerms[at]!;
    const found = matched.rangesOf(id, FIELD_BITS.body);
    if (found.length === 0) continue;
    const offset = starts[at]!;
    const word = text.slice(offset, ends[at]!);
    terms.add(index.vocabulary.terms[id]!);
    for (const [from, to] of found) {
      const [a, b] = unfoldInWord(word, from, to);
      ranges.push({ start: offset + a, end: offset + b });
    }
  }
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
function merge(ranges: TextRange[]): TextRange[] {
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
