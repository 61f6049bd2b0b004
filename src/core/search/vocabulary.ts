// The distinct terms of a library, and how a query word finds the terms it means: exact and prefix
// through a sorted list, typos through fuse.js over a few hundred candidates narrowed by trigrams and
// length (fuse.js over the whole vocabulary costs tens of milliseconds a keystroke).
import Fuse from 'fuse.js';
import type { WordMatch } from './query.js';

/** A term a query word matched, how closely (1 is the word itself), and which of its characters. */
export interface TermMatch {
  id: number;
  closeness: number;
  /** The matched characters of the folded term, [from, to). */
  from: number;
  to: number;
}

/** Shorter words are matched exactly or by prefix only: one typo in three letters is another word. */
export const FUZZY_MIN_LENGTH = 4;
/** fuse.js score above which a candidate is not a typo of the word (0 is perfect, 1 anything). */
const FUZZY_THRESHOLD = 0.34;
/** More candidates than this and only those sharing the most trigrams go to fuse.js. */
const MAX_CANDIDATES = 300;

export class Vocabulary {
  /** Term id → the folded term. */
  readonly terms: string[] = [];
  // An open-addressing hash table of term ids (+1; 0 is empty), so that the index can look up a word
  // of a text by its position, without making a string of it: 6 million lookups are most of a build.
  private table = new Int32Array(1 << 16);
  private sorted: string[] = [];
  private sortedIds: Int32Array = new Int32Array(0);
  private grams: Trigrams = {
    keys: new Float64Array(0),
    start: new Int32Array(1),
    ids: new Int32Array(0),
  };
  private shared = new Int32Array(0);
  private lengths = new Uint8Array(0);
  private commonness = new Float32Array(0);

  /** The id of a folded term, or -1. */
  idOf(term: string): number {
    const mask = this.table.length - 1;
    for (let slot = hashOf(term, 0, term.length) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot]!;
      if (entry === 0) return -1;
      if (this.terms[entry - 1] === term) return entry - 1;
    }
  }

  /** The id of `term`, adding it when new. */
  add(term: string): number {
    const mask = this.table.length - 1;
    let slot = hashOf(term, 0, term.length) & mask;
    for (; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot]!;
      if (entry === 0) break;
      if (this.terms[entry - 1] === term) return entry - 1;
    }
    return this.insert(term, slot);
  }

  /** The id of the ASCII word text[start, end) in lower case, adding it when new. */
  addRange(text: string, start: number, end: number): number {
    const slot = this.slotOfRange(text, start, end);
    const entry = this.table[slot]!;
    return entry !== 0 ? entry - 1 : this.insert(text.slice(start, end).toLowerCase(), slot);
  }

  /** The id of the ASCII word text[start, end) in lower case, or -1. */
  idOfRange(text: string, start: number, end: number): number {
    return this.table[this.slotOfRange(text, start, end)]! - 1;
  }

  /** The slot holding the ASCII word text[start, end) in lower case, or the empty slot it would take. */
  private slotOfRange(text: string, start: number, end: number): number {
    const mask = this.table.length - 1;
    const length = end - start;
    let slot = hashOf(text, start, end) & mask;
    for (; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot]!;
      if (entry === 0) break;
      const term = this.terms[entry - 1]!;
      if (term.length !== length) continue;
      let same = true;
      for (let k = 0; k < length; k++) {
        const code = text.charCodeAt(start + k);
        if ((code >= 65 && code <= 90 ? code | 32 : code) !== term.charCodeAt(k)) {
          same = false;
          break;
        }
      }
      if (same) return slot;
    }
    return slot;
  }

  private insert(term: string, slot: number): number {
    const id = this.terms.length;
    this.terms.push(term);
    this.table[slot] = id + 1;
    if (this.terms.length * 2 > this.table.length) this.grow();
    return id;
  }

  private grow(): void {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    this.terms.forEach((term, id) => {
      let slot = hashOf(term, 0, term.length) & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = id + 1;
    });
    this.table = table;
  }

  /**
   * Sorts the terms and indexes their trigrams; call once, after the last add. `frequency` says in how
   * many articles a term occurs: of two typos as close, the commoner word is likelier meant.
   */
  seal(frequency: (id: number) => number = () => 1): void {
    // The default sort compares UTF-16 units as < does, natively: far faster than a comparator.
    this.sorted = [...this.terms].sort();
    this.sortedIds = Int32Array.from(this.sorted, (term) => this.idOf(term));
    this.grams = indexTrigrams(this.terms);
    this.ready(frequency);
  }

  /** What seal worked out, to be saved beside the terms and given back to restore. */
  sealed(): { sortedIds: Int32Array; grams: Trigrams } {
    return { sortedIds: this.sortedIds, grams: this.grams };
  }

  /** A sealed vocabulary from its terms and what seal had worked out (see sealed), as saved. */
  static restore(
    terms: readonly string[],
    sortedIds: Int32Array,
    grams: Trigrams,
    frequency: (id: number) => number,
  ): Vocabulary {
    const vocabulary = new Vocabulary();
    for (const term of terms) vocabulary.add(term);
    if (vocabulary.terms.length !== terms.length || sortedIds.length !== terms.length) {
      throw new Error('the saved terms are not distinct');
    }
    vocabulary.sorted = Array.from(sortedIds, (id) => {
      const term = terms[id];
      if (term === undefined) throw new Error('a saved term id is out of range');
      return term;
    });
    vocabulary.sortedIds = sortedIds;
    for (let at = 0; at < grams.ids.length; at++) {
      if (grams.ids[at]! >= terms.length) throw new Error('a saved trigram is out of range');
    }
    vocabulary.grams = grams;
    vocabulary.ready(frequency);
    return vocabulary;
  }

  private ready(frequency: (id: number) => number): void {
    let most = 1;
    for (let id = 0; id < this.terms.length; id++) most = Math.max(most, frequency(id));
    this.commonness = Float32Array.from(this.terms, (_term, id) =>
      most > 1 ? Math.log(Math.max(1, frequency(id))) / Math.log(most) : 1,
    );
    this.shared = new Int32Array(this.terms.length);
    this.lengths = Uint8Array.from(this.terms, (term) => Math.min(term.length, 255));
  }

  /** The terms a query word means, each once, closest first is not guaranteed. */
  match(word: string, how: WordMatch): TermMatch[] {
    switch (how) {
      case 'exact': {
        const id = this.idOf(word);
        return id === -1 ? [] : [{ id, closeness: 1, from: 0, to: word.length }];
      }
      case 'prefix':
        return this.prefixed(word, true);
      case 'include':
        return this.scan(word, (term) => term.indexOf(word));
      case 'suffix':
        return this.scan(word, (term) => (term.endsWith(word) ? term.length - word.length : -1));
      case 'fuzzy':
        return this.fuzzy(word);
    }
  }

  /** Terms starting with `word` (the word itself first, when it is a term). */
  private prefixed(word: string, includeExact: boolean): TermMatch[] {
    const found: TermMatch[] = [];
    for (let at = lowerBound(this.sorted, word); at < this.sorted.length; at++) {
      const term = this.sorted[at]!;
      if (!term.startsWith(word)) break;
      if (term.length === word.length && !includeExact) continue;
      const closeness = term.length === word.length ? 1 : 0.6 + (0.3 * word.length) / term.length;
      found.push({ id: this.sortedIds[at]!, closeness, from: 0, to: word.length });
    }
    return found;
  }

  private scan(word: string, where: (term: string) => number): TermMatch[] {
    const found: TermMatch[] = [];
    this.terms.forEach((term, id) => {
      const at = where(term);
      if (at < 0) return;
      const closeness = term.length === word.length ? 1 : 0.6 + (0.3 * word.length) / term.length;
      found.push({ id, closeness, from: at, to: at + word.length });
    });
    return found;
  }

  /** The word itself, words it starts, and (from four letters) words one or two typos away. */
  private fuzzy(word: string): TermMatch[] {
    const found = this.prefixed(word, true);
    if (word.length < FUZZY_MIN_LENGTH) return found;
    const known = new Set(found.map((match) => match.id));
    const candidates = this.candidates(word).filter((id) => !known.has(id));
    if (candidates.length === 0) return found;
    const fuse = new Fuse(
      candidates.map((id) => this.terms[id]!),
      {
        includeScore: true,
        isCaseSensitive: true,
        ignoreLocation: true,
        shouldSort: false,
        threshold: FUZZY_THRESHOLD,
      },
    );
    // fuse.js finds the candidates; an edit distance that counts a swap as one typo (fuse.js counts two)
    // keeps those one typo away (two, from eight letters), and the commoner word of equals comes first.
    const most = word.length >= 8 ? 2 : 1;
    for (const result of fuse.search(word)) {
      const id = candidates[result.refIndex]!;
      const term = this.terms[id]!;
      const distance = typoDistance(word, term, most);
      if (distance > most) continue;
      const closeness = (distance <= 1 ? 0.45 : 0.3) * (0.7 + 0.3 * this.commonness[id]!);
      found.push({ id, closeness, from: 0, to: term.length });
    }
    return found;
  }

  /** Terms of a similar length that share trigrams with `word`, the most shared first when too many. */
  private candidates(word: string): number[] {
    const grams = new Set<number>();
    forEachTrigram(word, (gram) => grams.add(gram));
    const slack = word.length >= 8 ? 2 : 1;
    const touched: number[] = [];
    const shared = this.shared;
    const { keys, start, ids } = this.grams;
    for (const gram of grams) {
      const slot = lowerBound(keys, gram);
      if (keys[slot] !== gram) continue;
      for (let at = start[slot]!; at < start[slot + 1]!; at++) {
        const id = ids[at]!;
        if (Math.abs(this.lengths[id]! - word.length) > slack) continue;
        if (shared[id] === 0) touched.push(id);
        shared[id]! += 1;
      }
    }
    // A typo changes at most three trigrams of a short word; longer words must keep a third of theirs.
    const needed = Math.max(1, Math.min(grams.size - 3, Math.floor(grams.size / 3)));
    let kept = touched.filter((id) => shared[id]! >= needed);
    if (kept.length > MAX_CANDIDATES) {
      kept = kept.sort((a, b) => shared[b]! - shared[a]!).slice(0, MAX_CANDIDATES);
    }
    for (const id of touched) shared[id] = 0;
    return kept;
  }
}

/**
 * Typos between two words, a swap of neighbours counting as one (optimal string alignment distance);
 * anything above `most` is reported as most + 1.
 */
export function typoDistance(a: string, b: string, most: number): number {
  if (Math.abs(a.length - b.length) > most) return most + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, before[j - 2]! + 1);
      }
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > most) return most + 1;
    before = previous;
    previous = current;
  }
  return Math.min(previous[b.length]!, most + 1);
}

/** FNV-1a over the characters of text[start, end), ASCII capitals as small letters. */
function hashOf(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at);
    hash = Math.imul(hash ^ (code >= 65 && code <= 90 ? code | 32 : code), 0x01000193);
  }
  return hash >>> 0;
}

/** Each trigram of a term with its edges marked (so the first and last letters count), as a number. */
function forEachTrigram(term: string, visit: (gram: number) => void): void {
  // Three UTF-16 units in one number: 48 bits, exact in a double.
  let previous = 32;
  let current = term.charCodeAt(0);
  for (let at = 1; at <= term.length; at++) {
    const next = at < term.length ? term.charCodeAt(at) : 32;
    visit((previous * 0x10000 + current) * 0x10000 + next);
    previous = current;
    current = next;
  }
}

/**
 * Per trigram (see forEachTrigram), the terms holding it: keys sorted, the ids of keys[k] at
 * ids[start[k] .. start[k + 1]).
 */
export interface Trigrams {
  keys: Float64Array;
  start: Int32Array;
  ids: Int32Array;
}

/** The trigrams of the terms long enough to have typos. */
function indexTrigrams(terms: readonly string[]): Trigrams {
  const lists = new Map<number, number[]>();
  terms.forEach((term, id) => {
    if (term.length < FUZZY_MIN_LENGTH - 1) return;
    forEachTrigram(term, (gram) => {
      let list = lists.get(gram);
      if (!list) lists.set(gram, (list = []));
      // A term repeating a trigram is listed once under it.
      if (list[list.length - 1] !== id) list.push(id);
    });
  });
  const keys = Float64Array.from(lists.keys()).sort();
  const start = new Int32Array(keys.length + 1);
  let total = 0;
  keys.forEach((key, k) => (start[k + 1] = total += lists.get(key)!.length));
  const ids = new Int32Array(total);
  keys.forEach((key, k) => ids.set(lists.get(key)!, start[k]!));
  return { keys, start, ids };
}

/** The first index whose element is not below `key`. */
function lowerBound<T extends string | number>(sorted: ArrayLike<T>, key: T): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < key) low = middle + 1;
    else high = middle;
  }
  return low;
}
