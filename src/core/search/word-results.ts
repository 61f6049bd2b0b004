// One query word's answer: the articles it matches, how well, and in which fields. Remembered, because
// while a query is typed only its last word changes, and a word of one letter matches nearly every term.
import type { SearchIndex } from './build-index.js';
import { FIELD_BITS } from './build-index.js';
import type { QueryWord, WordMatch } from './query.js';
import type { SearchField } from './types.js';
import type { TermMatch } from './vocabulary.js';

/**
 * The terms a word matched, as parallel arrays: a letter's answer keeps thousands of them, and as
 * objects they were most of the memory the remembered answers held.
 */
export interface MatchedTermList {
  ids: Int32Array;
  /** The matched characters of each folded term, [from, to). */
  from: Int32Array;
  to: Int32Array;
}

/** A word's matches: parallel arrays, one entry per article. */
export interface WordResult {
  terms: MatchedTermList;
  docs: Int32Array;
  /** Single precision: a short word's answer at 100,000 articles is a third smaller, and ranks the same. */
  scores: Float32Array;
  /** The fields (FIELD_BITS) that matched. */
  fields: Uint8Array;
}

/** How much a match counts in each field: a title word says more than a body word. */
const WEIGHTS: Record<SearchField, number> = { title: 4, author: 3, tags: 2.5, source: 2, body: 1 };
export const ALL_FIELDS = 31;
const SHORT_MASK = ALL_FIELDS & ~FIELD_BITS.body;
/** The best weight among the fields of a mask. */
const MASK_WEIGHT = Array.from({ length: 32 }, (_, mask) =>
  Math.max(
    0,
    ...(Object.keys(FIELD_BITS) as SearchField[])
      .filter((field) => mask & FIELD_BITS[field])
      .map((field) => WEIGHTS[field]),
  ),
);
const CACHED_WORDS = 96;
/** Articles in all cached answers, at most (13 bytes each). */
const CACHED_DOCS = 1_500_000;
/** 1 + log(count), by count: the body's term-frequency score. */
const LOG_COUNT = Float64Array.from(
  { length: 256 },
  (_, count) => 1 + Math.log(Math.max(1, count)),
);

interface Scratch {
  best: Float64Array;
  shortBest: Float64Array;
  fields: Uint8Array;
  /** The articles a word's answer has touched so far, in the order met. */
  touched: Int32Array;
  cache: Map<string, WordResult>;
  /** Articles in the cached answers, together. */
  cachedDocs: number;
  /** Answers for words of one character, kept for good (see prepareSearch). */
  kept: Map<string, WordResult>;
  /** firstCharacters' answer: counting it reads the whole vocabulary, and preparing asks every slice. */
  firsts?: string[];
}
const scratches = new WeakMap<SearchIndex, Scratch>();

function scratchOf(index: SearchIndex): Scratch {
  let scratch = scratches.get(index);
  if (!scratch) {
    const n = index.docs.length;
    scratch = {
      best: new Float64Array(n),
      shortBest: new Float64Array(n),
      fields: new Uint8Array(n),
      touched: new Int32Array(n),
      cache: new Map(),
      cachedDocs: 0,
      kept: new Map(),
    };
    scratches.set(index, scratch);
  }
  return scratch;
}

/** The fields a word may match in. */
export function fieldsOf(word: QueryWord): number {
  return word.field ? FIELD_BITS[word.field] : ALL_FIELDS;
}

/** How a word is matched: a negated plain word leaves out what contains it, as fuse.js's !word does. */
function howOf(word: QueryWord): WordMatch {
  return word.negate && word.match === 'fuzzy' ? 'include' : word.match;
}

function keyOf(word: QueryWord): string {
  return `${howOf(word)}\u0000${word.field ?? ''}\u0000${word.term}`;
}

/** What `word` matches when it is at hand (prepared or remembered), without decoding anything. */
export function knownResult(index: SearchIndex, word: QueryWord): WordResult | undefined {
  const key = keyOf(word);
  const { cache, kept } = scratchOf(index);
  return kept.get(key) ?? cache.get(key);
}

/**
 * What `word` matches among the articles marked in `within` only. A short word beside a rarer one (the
 * second word of "boda po") matches thousands of terms; only the articles the rarer word found can be
 * hits, and recording only those is most of the saving. Not remembered: the next keystroke changes it.
 */
export function wordResultWithin(
  index: SearchIndex,
  word: QueryWord,
  within: Uint8Array,
): WordResult {
  return accumulate(index, index.vocabulary.match(word.term, howOf(word)), fieldsOf(word), within);
}

/** What `word` matches; the same word asked again (as the next keystroke does) is answered from memory. */
export function wordResult(index: SearchIndex, word: QueryWord): WordResult {
  const key = keyOf(word);
  const { cache, kept } = scratchOf(index);
  const prepared = kept.get(key);
  if (prepared) return prepared;
  const scratch = scratchOf(index);
  let result = cache.get(key);
  if (result) {
    // Most recently used last: the first entry is the one to forget.
    cache.delete(key);
  } else {
    result = accumulate(index, index.vocabulary.match(word.term, howOf(word)), fieldsOf(word));
    scratch.cachedDocs += result.docs.length;
    // At 100,000 articles a short word's answer takes a megabyte: the cache is bounded by size too.
    while (cache.size >= CACHED_WORDS || (cache.size > 0 && scratch.cachedDocs > CACHED_DOCS)) {
      const oldest = cache.keys().next().value!;
      scratch.cachedDocs -= cache.get(oldest)!.docs.length;
      cache.delete(oldest);
    }
  }
  cache.set(key, result);
  return result;
}

/** The words whose answers are remembered now (see forgetWordsSince). */
export function rememberedWords(index: SearchIndex): ReadonlySet<string> {
  return new Set(scratchOf(index).cache.keys());
}

/**
 * Forgets the answers remembered since `before` (rememberedWords), and only those: a query that
 * prepareSearch asks only to compile the code leaves nothing a user will ask for, while the queries a
 * user asked meanwhile (answered between its slices) keep theirs.
 */
export function forgetWordsSince(index: SearchIndex, before: ReadonlySet<string>): void {
  const scratch = scratchOf(index);
  for (const [key, result] of scratch.cache) {
    if (before.has(key)) continue;
    scratch.cache.delete(key);
    scratch.cachedDocs -= result.docs.length;
  }
}

/**
 * The first character of a query matches thousands of terms and nearly every article: the characters
 * that start the most terms are answered ahead, once the index is ready, and kept. Stops after about
 * `budget` milliseconds and returns whether some are left, so a worker can go on between queries.
 */
export function prepareWords(index: SearchIndex, budget = Infinity): boolean {
  const { kept } = scratchOf(index);
  const start = performance.now();
  for (const char of firstCharacters(index)) {
    const word: QueryWord = { term: char, match: 'fuzzy', field: null, negate: false };
    const key = `fuzzy\u0000\u0000${char}`;
    if (kept.has(key)) continue;
    kept.set(key, accumulate(index, index.vocabulary.match(char, 'fuzzy'), fieldsOf(word)));
    if (performance.now() - start > budget) return true;
  }
  return false;
}

/** The characters that start the most terms, at most 40. */
export function firstCharacters(index: SearchIndex): string[] {
  const scratch = scratchOf(index);
  return (scratch.firsts ??= countFirstCharacters(index));
}

function countFirstCharacters(index: SearchIndex): string[] {
  const counts = new Map<string, number>();
  for (const term of index.vocabulary.terms) {
    const first = String.fromCodePoint(term.codePointAt(0)!);
    counts.set(first, (counts.get(first) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 40)
    .map(([char]) => char);
}

/** Each article's best match of the word in the body, plus its best in the short fields. */
function accumulate(
  index: SearchIndex,
  terms: TermMatch[],
  allowed: number,
  within: Uint8Array | null = null,
): WordResult {
  const { best, shortBest, fields, touched } = scratchOf(index);
  let count = 0;
  const { fieldStart, fieldDocs, fieldMasks } = index;
  const { start, byteStart, bytes, counts } = index.body;
  const body = FIELD_BITS.body;
  const inBody = (allowed & body) !== 0;
  for (const { id, closeness } of terms) {
    if (inBody) {
      // The postings decoded in place (see postings.ts): this loop is most of a short word's answer.
      let at = byteStart[id]!;
      let doc = -1;
      const end = start[id + 1]!;
      for (let k = start[id]!; k < end; k++) {
        let byte = bytes[at++]!;
        let gap = byte & 127;
        for (let shift = 7; byte & 128; shift += 7) {
          byte = bytes[at++]!;
          gap |= (byte & 127) << shift;
        }
        doc += gap;
        if (within !== null && within[doc] === 0) continue;
        const value = closeness * LOG_COUNT[counts[k]!]!;
        const had = fields[doc]!;
        if (had === 0) touched[count++] = doc;
        if (value > best[doc]!) best[doc] = value;
        fields[doc] = had | body;
      }
    }
    if (allowed & SHORT_MASK) {
      for (let at = fieldStart[id]!; at < fieldStart[id + 1]!; at++) {
        const mask = fieldMasks[at]! & allowed;
        if (mask === 0) continue;
        const doc = fieldDocs[at]!;
        if (within !== null && within[doc] === 0) continue;
        // The short fields add to a body match of the same word: found in both says more.
        const value = closeness * MASK_WEIGHT[mask]!;
        if (fields[doc] === 0) touched[count++] = doc;
        if (value > shortBest[doc]!) shortBest[doc] = value;
        fields[doc]! |= mask;
      }
    }
  }
  const result: WordResult = {
    terms: {
      ids: Int32Array.from(terms, (term) => term.id),
      from: Int32Array.from(terms, (term) => term.from),
      to: Int32Array.from(terms, (term) => term.to),
    },
    docs: touched.slice(0, count),
    scores: new Float32Array(count),
    fields: new Uint8Array(count),
  };
  for (let at = 0; at < count; at++) {
    const doc = touched[at]!;
    result.scores[at] = best[doc]! + shortBest[doc]!;
    result.fields[at] = fields[doc]!;
    best[doc] = 0;
    shortBest[doc] = 0;
    fields[doc] = 0;
  }
  return result;
}
