// Answering a query from the index: each word's articles (see word-results.ts) intersected per
// alternative, ranked (title hits first, then score, then the library's date order), and the hits shown
// described with their highlights and snippet.
import type { SearchIndex } from './build-index.js';
import { FIELD_BITS } from './build-index.js';
import { bodySnippet, fieldRanges, MatchedTerms, merge as mergeRanges } from './highlight.js';
import {
  holdingInOrder,
  PHRASE_CHECKS,
  phraseRanges,
  positivePhrases,
  type PhraseCheck,
} from './phrase.js';
import { parseQuery, type QueryPhrase, type QueryWord } from './query.js';
import type { FieldMatch, SearchHit } from './types.js';
import {
  fieldsOf,
  firstCharacters,
  knownResult,
  forgetWordsSince,
  prepareWords,
  rememberedWords,
  wordResult,
  wordResultWithin,
  type WordResult,
} from './word-results.js';

/** Query words beyond this many still match but no longer steer the snippet. */
const MASKED_WORDS = 30;

/** Per index: arrays reused by every query (a query resets what it used). */
interface Scratch {
  count: Int32Array;
  score: Float64Array;
  /** The fields each article matched: of the query (fields), of the alternative being intersected. */
  fields: Uint8Array;
  sharedFields: Uint8Array;
  total: Float64Array;
  found: Uint8Array;
  excluded: Uint8Array;
  matched: MatchedTerms;
  /** Queries prepareSearch has still to run, once it has made the list. */
  warmUp?: string[];
  /** Articles a rarer word found, marked while a short word beside it is looked up (see resultsOf). */
  within: Uint8Array;
  /** The hits of a query of several words, gathered (see rank). */
  hits: Int32Array;
  /** Per hit of a query with phrases, the alternatives that found it, as bits (see rank). */
  alternatives: Int32Array;
  /** Recent queries' rankings, most recently used last (see Ranking). */
  rankings: Map<string, Ranking>;
  /** Rankings of one-character queries, kept for good: the first keystroke, the slowest to rank. */
  firstRankings: Map<string, Ranking>;
}

/**
 * A query's ranking, remembered: the same query asked again (a letter typed and deleted, the first
 * letters prepareSearch answers ahead, a view asking again as it scrolls) skips intersecting and ranking
 * every article, which at 100,000 articles is most of a one-letter query's time.
 */
interface Ranking {
  /** The best `docs.length` hits in order (at most RANKED), with their scores and matched fields. */
  docs: Int32Array;
  scores: Float64Array;
  fields: Uint8Array;
  total: number;
  /** Whether `total` is an estimate (phrases checked in the first candidates only: see rank). */
  approximate: boolean;
  /**
   * The first hits described (highlights, snippet), as far as they were asked for: the same query asked
   * again (a first letter, a letter deleted) is answered without reading a body. Only the query's own
   * words decide them, and whatever changes the bodies or the order forgets the ranking with them.
   */
  hits: SearchHit[];
}
/** Hits a remembered ranking keeps: a few screens; a view asking for more has the query run again. */
const RANKED = 128;
/** Rankings remembered per index. */
const RANKINGS = 64;
/** Of those, the most recent that keep their described hits (see Ranking.hits). */
const DESCRIBED_RANKINGS = 8;
const scratches = new WeakMap<SearchIndex, Scratch>();

function scratchOf(index: SearchIndex): Scratch {
  let scratch = scratches.get(index);
  if (!scratch) {
    const n = index.docs.length;
    scratch = {
      count: new Int32Array(n),
      score: new Float64Array(n),
      fields: new Uint8Array(n),
      sharedFields: new Uint8Array(n),
      total: new Float64Array(n),
      found: new Uint8Array(n),
      excluded: new Uint8Array(n),
      matched: new MatchedTerms(index.vocabulary.terms.length),
      within: new Uint8Array(n),
      hits: new Int32Array(n),
      alternatives: new Int32Array(n),
      rankings: new Map(),
      firstRankings: new Map(),
    };
    scratches.set(index, scratch);
  }
  return scratch;
}

/**
 * Forgets the remembered rankings of `index`: to be called when its documents are dropped or the
 * library's order changes (see SearchIndex.dropped and order), which change the answers.
 */
export function forgetRankings(index: SearchIndex): void {
  scratches.get(index)?.rankings.clear();
  scratches.get(index)?.firstRankings.clear();
}

/**
 * Work done once the index is ready, before the first keystrokes arrive: answers for words of one
 * character (see prepareWords), then a few queries of each kind, so that the code answering them is
 * compiled by then (the first of them would take ten times as long). Stops after about `budget`
 * milliseconds and returns whether some is left, so a worker can go on between queries.
 */
export function prepareSearch(index: SearchIndex, budget = Infinity): boolean {
  const start = performance.now();
  if (prepareWords(index, budget)) return true;
  const scratch = scratchOf(index);
  scratch.warmUp ??= warmUpQueries(index);
  while (scratch.warmUp.length > 0) {
    const remembered = rememberedWords(index);
    searchIndex(index, scratch.warmUp.pop()!, 20);
    // Its word answers let go at once: together they held 1.5 MB at 10,000 articles, for good.
    forgetWordsSince(index, remembered);
    if (performance.now() - start > budget) return scratch.warmUp.length > 0;
  }
  return false;
}

/** Queries of each kind: first letters, prefixes, two words (one a prefix of the other), typos. */
function warmUpQueries(index: SearchIndex): string[] {
  const long = index.vocabulary.terms.filter((term) => term.length >= 7).slice(0, 12);
  return [
    // Every first character: their rankings are kept (see Scratch.firstRankings).
    ...firstCharacters(index),
    ...long.map((term) => term.slice(0, 3)),
    // Enough queries in all that the oldest remembered ranking is forgotten (RANKINGS) once.
    ...long.map((term) => term.slice(0, 5)),
    ...long.map((term, k) => `${term} ${long[(k + 1) % long.length]!.slice(0, 4)}`),
    // Two words matching one term differently (a word and its own first letters, as "boda" and the "po"
    // of "boda po" both match "poda"): else the first such keystroke runs the highlighting unoptimized.
    ...long.map((term) => `${term} ${term.slice(0, 2)}`),
    ...long.map((term) => `${term.slice(0, 1)} ${term}`),
    ...long.map((term) => term.slice(0, 1) + term.slice(2, 3) + term.slice(1, 2) + term.slice(3)),
    // Quoted phrases, open and closed, so that checking one is compiled before the first is typed.
    ...long.slice(0, 4).map((term, k) => `"${term} ${long[(k + 1) % long.length]!.slice(0, 3)}`),
    ...long.slice(0, 4).map((term, k) => `"${term} ${long[(k + 1) % long.length]}"`),
  ];
}

/** A search answer, with how many articles matched before `limit` cut the hits. */
export type CountedAnswer =
  | { ok: true; hits: SearchHit[]; total: number; approximate?: boolean }
  | { ok: false; error: string };

/** A counted answer with, per hit, its place in the library's order and whether its title matched. */
export type RankedAnswer =
  | {
      ok: true;
      hits: SearchHit[];
      total: number;
      places: number[];
      titled: boolean[];
      approximate?: boolean;
    }
  | { ok: false; error: string };

/** Ranked hits for `text`; `limit` caps the hits described (the total still counts them all). */
export function searchIndex(index: SearchIndex, text: string, limit = Infinity): CountedAnswer {
  const answer = searchRanked(index, text, limit);
  if (!answer.ok) return answer;
  const { hits, total, approximate } = answer;
  return approximate ? { ok: true, hits, total, approximate } : { ok: true, hits, total };
}

/** searchIndex's answer with, per hit, where it stands in the library and whether its title matched. */
export function searchRanked(index: SearchIndex, text: string, limit = Infinity): RankedAnswer {
  const parsed = parseQuery(text);
  if (!parsed.ok) return parsed;
  if (parsed.query.length === 0) return { ok: true, hits: [], total: 0, places: [], titled: [] };
  const scratch = scratchOf(index);
  const { matched, rankings } = scratch;
  const wanted = Math.max(0, limit);
  const first = [...text].length === 1;
  const kept = first ? scratch.firstRankings : rankings;
  let ranking = kept.get(text);
  if (ranking) kept.delete(text);
  if (ranking && ranking.docs.length < wanted && ranking.docs.length < ranking.total) {
    ranking = undefined;
  }
  if (!ranking || ranking.hits.length < Math.min(wanted, ranking.docs.length)) {
    // The words' answers and what they matched, to rank and to describe hits not yet described. A
    // phrase's words find its candidates; a negated phrase's only say which articles could hold it.
    const alternatives = parsed.query.map((words) =>
      resultsOf(
        index,
        scratch,
        words.filter((word) => !word.phrase?.negate),
      ),
    );
    const checks = parsed.query.map((words) => phraseCheckOf(index, scratch, words));
    const anyPhrase = checks.some((check) => check !== null);
    let wordNumber = 0;
    for (const results of alternatives) {
      for (const { word, result } of results) {
        // A phrase's words are marked where the phrase stands, not each on its own.
        if (word.negate || word.phrase) continue;
        const bit = 1 << Math.min(wordNumber++, MASKED_WORDS);
        const allowed = fieldsOf(word);
        const { ids, from, to } = result.terms;
        for (let at = 0; at < ids.length; at++)
          matched.add(ids[at]!, from[at]!, to[at]!, allowed, bit);
      }
    }
    ranking ??= rank(
      index,
      scratch,
      alternatives,
      Math.max(wanted, RANKED),
      anyPhrase ? checks : null,
      wanted,
    );
    const phrases = positivePhrases(parsed.query.flat());
    const described = Math.min(wanted, ranking.docs.length);
    for (let at = ranking.hits.length; at < described; at++) {
      const doc = ranking.docs[at]!;
      const { scores, fields } = ranking;
      ranking.hits.push(describe(index, doc, scores[at]!, fields[at]!, matched, phrases));
    }
    matched.clear();
  }
  // Most recently used last: the first entry is the one to forget.
  kept.set(text, ranking);
  if (rankings.size > RANKINGS) rankings.delete(rankings.keys().next().value!);
  const count = Math.min(wanted, ranking.docs.length);
  const hits = ranking.hits.slice(0, count);
  // Only the latest few rankings keep their hits described (with the first letters' ones): enough for a
  // letter deleted or typed again, without holding a snippet per hit of every remembered query.
  let older = rankings.size - DESCRIBED_RANKINGS;
  for (const old of rankings.values()) {
    if (older-- <= 0) break;
    old.hits.length = 0;
  }
  const places: number[] = [];
  const titled: boolean[] = [];
  for (let at = 0; at < count; at++) {
    // Where each hit stands in the library's order, for merging answers of several indexes.
    places.push(index.order[ranking.docs[at]!]!);
    titled.push((ranking.fields[at]! & 1) === 1);
  }
  const { total, approximate } = ranking;
  if (approximate) return { ok: true, hits, total, places, titled, approximate };
  return { ok: true, hits, total, places, titled };
}

/** What an alternative's hits are checked for (see PhraseCheck), or null when it has no phrase. */
function phraseCheckOf(
  index: SearchIndex,
  scratch: Scratch,
  words: readonly QueryWord[],
): PhraseCheck | null {
  if (!words.some((word) => word.phrase)) return null;
  const negated = new Set<QueryPhrase>();
  for (const word of words) if (word.phrase?.negate) negated.add(word.phrase);
  const others = words.some((word) => !word.phrase && !word.negate);
  const check: PhraseCheck = { positive: positivePhrases(words), negated: [], others };
  for (const phrase of negated) {
    const docs = new Set<number>();
    const own = words.filter((word) => word.phrase === phrase);
    intersect(index, scratch, resultsOf(index, scratch, own), (doc) => docs.add(doc));
    check.negated.push({ phrase, docs });
  }
  return check;
}

/** Words shorter than this match many terms: beside a rarer word, only its articles are looked at. */
const SHORT_WORD = 4;

/**
 * Each word of an alternative with its answer. The answers at hand and those of longer words come first;
 * a short word whose answer is not at hand, beside a word found in under a quarter of the articles, is
 * looked up among that word's articles only (see wordResultWithin): every hit has both.
 */
function resultsOf(
  index: SearchIndex,
  scratch: Scratch,
  words: readonly QueryWord[],
): Array<{ word: QueryWord; result: WordResult }> {
  const short = (word: QueryWord) =>
    !word.negate && word.match !== 'exact' && word.term.length < SHORT_WORD;
  const results = words.map((word) =>
    short(word) ? knownResult(index, word) : wordResult(index, word),
  );
  let narrowing: WordResult | null = null;
  for (let k = 0; k < words.length; k++) {
    const result = results[k];
    if (!result || words[k]!.negate) continue;
    if (narrowing === null || result.docs.length < narrowing.docs.length) narrowing = result;
  }
  if (narrowing !== null && narrowing.docs.length * 4 < index.docs.length) {
    const { within } = scratch;
    const { docs } = narrowing;
    for (let at = 0; at < docs.length; at++) within[docs[at]!] = 1;
    words.forEach((word, k) => {
      results[k] ??= wordResultWithin(index, word, within);
    });
    for (let at = 0; at < docs.length; at++) within[docs[at]!] = 0;
  }
  // Built the same way every time (a literal array, pushed to), so that intersect always sees one kind.
  const answered: Array<{ word: QueryWord; result: WordResult }> = [];
  for (let k = 0; k < words.length; k++) {
    answered.push({ word: words[k]!, result: results[k] ?? wordResult(index, words[k]!) });
  }
  return answered;
}

/** The best `keep` hits of a query's alternatives, in order, and how many there are. */
function rank(
  index: SearchIndex,
  scratch: Scratch,
  alternatives: ReadonlyArray<ReadonlyArray<{ word: QueryWord; result: WordResult }>>,
  keep: number,
  checks: ReadonlyArray<PhraseCheck | null> | null = null,
  goal = keep,
): Ranking {
  const { total, fields, found } = scratch;
  const { dropped, order } = index;
  // Always an Int32Array (a word's own answer, or the hits gathered in scratch.hits): code that reads it
  // sees one kind of array, where a plain array here and a typed one there had it deoptimized.
  let hitDocs: Int32Array;
  const [only] = alternatives;
  const single =
    checks === null && alternatives.length === 1 && only!.length === 1 && !only![0]!.word.negate;
  if (single) {
    // One word: its answer is the hits, without intersecting (a letter's answer is every article).
    const { docs, scores, fields: matchedFields } = only![0]!.result;
    for (let at = 0; at < docs.length; at++) {
      const doc = docs[at]!;
      total[doc] = scores[at]!;
      fields[doc] = matchedFields[at]!;
    }
    if (dropped === null) hitDocs = docs;
    else hitDocs = docs.filter((doc) => dropped[doc] === 0);
  } else {
    const list = scratch.hits;
    let count = 0;
    const finders = scratch.alternatives;
    for (let k = 0; k < alternatives.length; k++) {
      const results = alternatives[k]!;
      const bit = 1 << Math.min(k, 30);
      // An article any alternative finds is a hit, with the best of their scores.
      intersect(index, scratch, results, (doc, score, matchedFields) => {
        if (dropped !== null && dropped[doc]) return;
        if (checks !== null) finders[doc]! |= bit;
        if (!found[doc]) {
          found[doc] = 1;
          total[doc] = score;
          list[count++] = doc;
        } else if (score > total[doc]!) {
          total[doc] = score;
        }
        fields[doc]! |= matchedFields;
      });
    }
    hitDocs = list.subarray(0, count);
  }
  // Title hits first, then score, then the order the library was given in (newest first).
  const before = (a: number, b: number) =>
    (fields[b]! & 1) - (fields[a]! & 1) || total[b]! - total[a]! || order[a]! - order[b]!;
  let shown: number[];
  let counted = hitDocs.length;
  let approximate = false;
  if (checks === null) shown = firstOf(hitDocs, keep, before);
  else {
    const candidates = firstOf(hitDocs, Math.max(keep, PHRASE_CHECKS), before);
    const held = holdingInOrder(
      index,
      candidates,
      hitDocs.length,
      goal,
      scratch.alternatives,
      checks,
      fields,
    );
    ({ shown, counted, approximate } = held);
    shown.sort(before);
    shown.length = Math.min(shown.length, keep);
  }
  const ranking: Ranking = {
    docs: Int32Array.from(shown),
    scores: Float64Array.from(shown, (doc) => total[doc]!),
    fields: Uint8Array.from(shown, (doc) => fields[doc]!),
    total: counted,
    approximate,
    hits: [],
  };
  const touched = single ? only![0]!.result.docs : hitDocs;
  for (let at = 0; at < touched.length; at++) {
    const doc = touched[at]!;
    found[doc] = 0;
    total[doc] = 0;
    fields[doc] = 0;
    scratch.alternatives[doc] = 0;
  }
  return ranking;
}

/**
 * The articles matching every word of one alternative and none of its negated words, each with its score
 * (the sum of its words' scores) and the fields that matched.
 */
function intersect(
  index: SearchIndex,
  scratch: Scratch,
  words: ReadonlyArray<{ word: QueryWord; result: WordResult }>,
  visit: (doc: number, score: number, fields: number) => void,
): void {
  const { count, score, excluded } = scratch;
  const fields = scratch.sharedFields;
  // Plain loops rather than filter, map and a sort's comparator: these closures' feedback was what
  // deoptimized intersect when a query of another shape came.
  const positive: WordResult[] = [];
  const negative: WordResult[] = [];
  for (let k = 0; k < words.length; k++) {
    const { word, result } = words[k]!;
    if (word.negate) {
      negative.push(result);
      continue;
    }
    // The rarest word first: only articles it matched can match all.
    let at = positive.length;
    positive.push(result);
    while (at > 0 && positive[at - 1]!.docs.length > result.docs.length) {
      positive[at] = positive[at - 1]!;
      at -= 1;
    }
    positive[at] = result;
  }
  for (const result of negative) for (const doc of result.docs) excluded[doc] = 1;
  if (positive.length === 0) {
    for (let doc = 0; doc < index.docs.length; doc++) if (!excluded[doc]) visit(doc, 0, 0);
  } else {
    for (let k = 0; k < positive.length; k++) {
      const { docs, scores, fields: matchedFields } = positive[k]!;
      for (let at = 0; at < docs.length; at++) {
        const doc = docs[at]!;
        if (count[doc] !== k) continue;
        count[doc] = k + 1;
        score[doc]! += scores[at]!;
        fields[doc]! |= matchedFields[at]!;
      }
    }
    const all = positive.length;
    const rarest = positive[0]!.docs;
    for (let at = 0; at < rarest.length; at++) {
      const doc = rarest[at]!;
      if (count[doc] === all && !excluded[doc]) visit(doc, score[doc]!, fields[doc]!);
      count[doc] = 0;
      score[doc] = 0;
      fields[doc] = 0;
    }
  }
  for (const result of negative) for (const doc of result.docs) excluded[doc] = 0;
}

/** The first `limit` of `docs` in the order `before` gives: a bounded heap, not a sort of them all. */
export function firstOf(
  docs: ArrayLike<number>,
  limit: number,
  before: (a: number, b: number) => number,
): number[] {
  if (limit >= docs.length) return Array.from(docs).sort(before);
  if (limit === 0) return [];
  // A max-heap (by `before`) of the best `limit` so far: its root is the worst of them.
  const heap: number[] = [];
  const up = (at: number) => {
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (before(heap[parent]!, heap[at]!) >= 0) break;
      // Swapped through a local: a destructuring swap made an array each time.
      const moved = heap[at]!;
      heap[at] = heap[parent]!;
      heap[parent] = moved;
      at = parent;
    }
  };
  const down = (at: number) => {
    for (;;) {
      const left = at * 2 + 1;
      const right = left + 1;
      let worst = at;
      if (left < heap.length && before(heap[left]!, heap[worst]!) > 0) worst = left;
      if (right < heap.length && before(heap[right]!, heap[worst]!) > 0) worst = right;
      if (worst === at) return;
      const moved = heap[at]!;
      heap[at] = heap[worst]!;
      heap[worst] = moved;
      at = worst;
    }
  };
  for (let at = 0; at < docs.length; at++) {
    const doc = docs[at]!;
    if (heap.length < limit) {
      heap.push(doc);
      up(heap.length - 1);
    } else if (before(doc, heap[0]!) < 0) {
      heap[0] = doc;
      down(0);
    }
  }
  return heap.sort(before);
}

/** A hit as the views draw it: highlights in the fields that matched, a snippet when the body did. */
function describe(
  index: SearchIndex,
  doc: number,
  score: number,
  fields: number,
  matched: MatchedTerms,
  phrases: readonly QueryPhrase[],
): SearchHit {
  const document = index.docs[doc]!;
  const terms = new Set<string>();
  const matches: FieldMatch[] = [];
  for (const field of ['title', 'author', 'source', 'tags'] as const) {
    if ((fields & FIELD_BITS[field]) === 0) continue;
    const ranges = fieldRanges(index, document[field], FIELD_BITS[field], matched, terms);
    if (phrases.length > 0) ranges.push(...phraseRanges(index, doc, field, phrases, terms));
    if (ranges.length > 0) matches.push({ field, ranges: mergeRanges(ranges) });
  }
  const inBody = (fields & FIELD_BITS.body) !== 0;
  const snippet = inBody ? bodySnippet(index, doc, matched, terms, phrases) : null;
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
