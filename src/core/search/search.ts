// Answering a query from the index: each word's terms (exact, prefix, typos), their postings intersected
// per alternative, ranked (title hits first, then score, then the library's date order), and each hit
// described with its highlights and snippet.
import type { SearchIndex } from './build-index.js';
import { FIELD_BITS } from './build-index.js';
import { bodySnippet, fieldRanges, type MatchedTerms } from './highlight.js';
import { parseQuery, type QueryWord } from './query.js';
import type { FieldMatch, SearchField, SearchHit } from './types.js';
import type { TermMatch } from './vocabulary.js';

/** How much a match counts in each field: a title word says more than a body word. */
const WEIGHTS: Record<SearchField, number> = {
  title: 4,
  author: 3,
  tags: 2.5,
  source: 2,
  body: 1,
};
const ALL_FIELDS = 31;
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
/** Query words beyond this many still match but no longer steer the snippet. */
const MASKED_WORDS = 30;
const CACHED_WORDS = 256;

/** Per index: arrays reused by every query, and the terms recent query words matched. */
interface Scratch {
  score: Float64Array;
  count: Int32Array;
  best: Float64Array;
  shortBest: Float64Array;
  /** Per document, for the word being scored: 1 title, 2 body, 4 a short field. */
  wordFlags: Uint8Array;
  flags: Uint8Array;
  wordMasks: Int32Array;
  words: Map<string, TermMatch[]>;
}
const scratches = new WeakMap<SearchIndex, Scratch>();

function scratchOf(index: SearchIndex): Scratch {
  let scratch = scratches.get(index);
  if (!scratch) {
    const n = index.docs.length;
    scratch = {
      score: new Float64Array(n),
      count: new Int32Array(n),
      best: new Float64Array(n),
      shortBest: new Float64Array(n),
      wordFlags: new Uint8Array(n),
      flags: new Uint8Array(n),
      wordMasks: new Int32Array(index.vocabulary.terms.length),
      words: new Map(),
    };
    scratches.set(index, scratch);
  }
  return scratch;
}

/** A search answer, with how many articles matched before `limit` cut the hits. */
export type CountedAnswer =
  { ok: true; hits: SearchHit[]; total: number } | { ok: false; error: string };

/** Ranked hits for `text`; `limit` caps the hits described (the total still counts them all). */
export function searchIndex(index: SearchIndex, text: string, limit = Infinity): CountedAnswer {
  const parsed = parseQuery(text);
  if (!parsed.ok) return parsed;
  const alternatives = parsed.query;
  if (alternatives.length === 0) return { ok: true, hits: [], total: 0 };
  const scratch = scratchOf(index);
  const n = index.docs.length;
  // Per document: its best alternative's score, and whether it matched in the title (bit 1) or body (2).
  const total = new Float64Array(n).fill(-1);
  const flags = new Uint8Array(n);
  const matched: MatchedTerms = new Map();
  let wordNumber = 0;
  for (const words of alternatives) {
    const resolved = words.map((word) => ({ word, terms: termsOf(index, scratch, word) }));
    for (const { word, terms } of resolved) {
      if (word.negate) continue;
      const bit = 1 << Math.min(wordNumber++, MASKED_WORDS);
      const fields = word.field ? FIELD_BITS[word.field] : ALL_FIELDS;
      for (const term of terms) {
        const entry = matched.get(term.id) ?? { ranges: [], fields: 0, words: 0 };
        entry.ranges.push([term.from, term.to]);
        entry.fields |= fields;
        entry.words |= bit;
        matched.set(term.id, entry);
      }
    }
    const { found, touched } = intersect(index, scratch, resolved);
    for (const doc of found) {
      if (scratch.score[doc]! > total[doc]!) total[doc] = scratch.score[doc]!;
      flags[doc]! |= scratch.flags[doc]!;
    }
    for (const doc of touched) {
      scratch.score[doc] = 0;
      scratch.flags[doc] = 0;
    }
  }
  const ranked: number[] = [];
  for (let doc = 0; doc < n; doc++) if (total[doc]! >= 0) ranked.push(doc);
  // Title hits first, then score, then the order the library was given in (newest first).
  ranked.sort((a, b) => (flags[b]! & 1) - (flags[a]! & 1) || total[b]! - total[a]! || a - b);
  const shown = ranked.slice(0, Math.max(0, limit));
  const masks = scratch.wordMasks;
  for (const [id, term] of matched) if (term.fields & FIELD_BITS.body) masks[id] = term.words;
  const hits = shown.map((doc) =>
    describe(index, doc, total[doc]!, (flags[doc]! & 2) !== 0, masks, matched),
  );
  for (const id of matched.keys()) masks[id] = 0;
  return { ok: true, hits, total: ranked.length };
}

/** The terms a query word means, remembered for the next keystrokes (most words do not change). */
function termsOf(index: SearchIndex, scratch: Scratch, word: QueryWord): TermMatch[] {
  // A negated plain word leaves out what contains it, as fuse.js's !word does; typos are not guessed.
  const how = word.negate && word.match === 'fuzzy' ? 'include' : word.match;
  const key = `${how} ${word.term}`;
  let terms = scratch.words.get(key);
  if (!terms) {
    terms = index.vocabulary.match(word.term, how);
    if (scratch.words.size >= CACHED_WORDS) scratch.words.clear();
    scratch.words.set(key, terms);
  }
  return terms;
}

/**
 * The documents matching every word of one alternative and none of its negated words, with their scores
 * and title/body flags in scratch; `touched` lists every document whose scratch entries must be reset.
 */
function intersect(
  index: SearchIndex,
  scratch: Scratch,
  words: ReadonlyArray<{ word: QueryWord; terms: TermMatch[] }>,
): { found: number[]; touched: number[] } {
  const { score, count, best, shortBest, wordFlags, flags } = scratch;
  const n = index.docs.length;
  const positive = words.filter(({ word }) => !word.negate);
  let found: number[] = [];
  let first: number[] = [];
  if (positive.length === 0) found = first = Array.from({ length: n }, (_, doc) => doc);
  for (let k = 0; k < positive.length; k++) {
    const { word, terms } = positive[k]!;
    const touched = accumulate(index, scratch, word, terms);
    if (k === 0) first = touched;
    const next: number[] = [];
    for (const doc of touched) {
      // Only documents every earlier word matched can still match all.
      if (count[doc] === k) {
        count[doc] = k + 1;
        score[doc]! += best[doc]! + shortBest[doc]!;
        flags[doc]! |= wordFlags[doc]!;
        next.push(doc);
      }
      best[doc] = 0;
      shortBest[doc] = 0;
      wordFlags[doc] = 0;
    }
    found = next;
    if (next.length === 0) break;
  }
  for (const doc of first) count[doc] = 0;
  if (found.length === 0) return { found, touched: first };
  const excluded = new Uint8Array(n);
  for (const { word, terms } of words) {
    if (!word.negate) continue;
    const fields = word.field ? FIELD_BITS[word.field] : ALL_FIELDS;
    for (const term of terms) eachDocument(index, term.id, fields, (doc) => (excluded[doc] = 1));
  }
  return { found: found.filter((doc) => !excluded[doc]), touched: first };
}

/** Scores one word into scratch.best (body) and shortBest; returns the documents it touched, each once. */
function accumulate(
  index: SearchIndex,
  scratch: Scratch,
  word: QueryWord,
  terms: TermMatch[],
): number[] {
  const { best, shortBest, wordFlags } = scratch;
  const fields = word.field ? FIELD_BITS[word.field] : ALL_FIELDS;
  const touched: number[] = [];
  const { postingStart, postingDocs, postingCounts, fieldStart, fieldDocs, fieldMasks } = index;
  for (const { id, closeness } of terms) {
    if (fields & FIELD_BITS.body) {
      for (let at = postingStart[id]!; at < postingStart[id + 1]!; at++) {
        const doc = postingDocs[at]!;
        const value = closeness * (1 + Math.log(postingCounts[at]!));
        if (wordFlags[doc] === 0) touched.push(doc);
        if (value > best[doc]!) best[doc] = value;
        wordFlags[doc]! |= 2;
      }
    }
    if (fields & SHORT_MASK) {
      for (let at = fieldStart[id]!; at < fieldStart[id + 1]!; at++) {
        const mask = fieldMasks[at]! & fields;
        if (mask === 0) continue;
        const doc = fieldDocs[at]!;
        // The short fields add to a body match of the same word: found in both says more.
        const value = closeness * MASK_WEIGHT[mask]!;
        if (wordFlags[doc] === 0) touched.push(doc);
        if (value > shortBest[doc]!) shortBest[doc] = value;
        wordFlags[doc]! |= mask & FIELD_BITS.title ? 5 : 4;
      }
    }
  }
  return touched;
}

function eachDocument(
  index: SearchIndex,
  id: number,
  fields: number,
  visit: (doc: number) => void,
): void {
  if (fields & FIELD_BITS.body) {
    for (let at = index.postingStart[id]!; at < index.postingStart[id + 1]!; at++) {
      visit(index.postingDocs[at]!);
    }
  }
  for (let at = index.fieldStart[id]!; at < index.fieldStart[id + 1]!; at++) {
    if (index.fieldMasks[at]! & fields) visit(index.fieldDocs[at]!);
  }
}

function describe(
  index: SearchIndex,
  doc: number,
  score: number,
  inBody: boolean,
  wordMasks: Int32Array,
  matched: MatchedTerms,
): SearchHit {
  const document = index.docs[doc]!;
  const terms = new Set<string>();
  const matches: FieldMatch[] = [];
  for (const field of ['title', 'author', 'source', 'tags'] as const) {
    const ranges = fieldRanges(index, document[field], FIELD_BITS[field], matched, terms);
    if (ranges.length > 0) matches.push({ field, ranges });
  }
  const snippet = inBody ? bodySnippet(index, doc, wordMasks, matched, terms) : null;
  if (snippet && snippet.ranges.length > 0) matches.push({ field: 'body', ranges: snippet.ranges });
  return {
    id: document.id,
    score: Math.round(score * 1000) / 1000,
    titleRanges: matches.find((match) => match.field === 'title')?.ranges ?? [],
    snippet,
    matches,
    terms: [...terms],
  };
}
