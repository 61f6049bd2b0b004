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
const MAX_CANDIDATES = 600;

export class Vocabulary {
  /** Term id → the folded term. */
  readonly terms: string[] = [];
  readonly ids = new Map<string, number>();
  private sorted: string[] = [];
  private sortedIds = new Int32Array(0);
  private trigrams = new Map<string, number[]>();
  private shared = new Int32Array(0);

  /** The id of `term`, adding it when new. */
  add(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.ids.set(term, id);
    }
    return id;
  }

  /** Sorts the terms and indexes their trigrams; call once, after the last add. */
  seal(): void {
    const order = Array.from(this.terms.keys()).sort((a, b) =>
      this.terms[a]! < this.terms[b]! ? -1 : 1,
    );
    this.sortedIds = Int32Array.from(order);
    this.sorted = order.map((id) => this.terms[id]!);
    this.shared = new Int32Array(this.terms.length);
    for (let id = 0; id < this.terms.length; id++) {
      const term = this.terms[id]!;
      if (term.length < FUZZY_MIN_LENGTH - 1) continue;
      for (const gram of new Set(trigramsOf(term))) {
        let list = this.trigrams.get(gram);
        if (!list) this.trigrams.set(gram, (list = []));
        list.push(id);
      }
    }
  }

  /** The terms a query word means, each once, closest first is not guaranteed. */
  match(word: string, how: WordMatch): TermMatch[] {
    switch (how) {
      case 'exact': {
        const id = this.ids.get(word);
        return id === undefined ? [] : [{ id, closeness: 1, from: 0, to: word.length }];
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
    for (const result of fuse.search(word)) {
      const id = candidates[result.refIndex]!;
      const term = this.terms[id]!;
      found.push({ id, closeness: 0.5 * (1 - (result.score ?? 0)), from: 0, to: term.length });
    }
    return found;
  }

  /** Terms of a similar length that share trigrams with `word`, the most shared first when too many. */
  private candidates(word: string): number[] {
    const grams = new Set(trigramsOf(word));
    const slack = word.length >= 8 ? 2 : 1;
    const touched: number[] = [];
    const shared = this.shared;
    for (const gram of grams) {
      for (const id of this.trigrams.get(gram) ?? []) {
        if (Math.abs(this.terms[id]!.length - word.length) > slack) continue;
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

/** Trigrams of a term with its edges marked, so that the first and last letters count too. */
function trigramsOf(term: string): string[] {
  const padded = ` ${term} `;
  const grams: string[] = [];
  for (let at = 0; at + 3 <= padded.length; at++) grams.push(padded.slice(at, at + 3));
  return grams;
}

/** The first index whose element is not below `key`. */
function lowerBound(sorted: readonly string[], key: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < key) low = middle + 1;
    else high = middle;
  }
  return low;
}
