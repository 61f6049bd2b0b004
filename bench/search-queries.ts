// The queries the search benches type, and how: words a letter at a time (1, 3, 6, 10 characters),
// several words, typos; made from the generated library, the same every run.
import { performance } from 'node:perf_hooks';
import type { Article } from '../src/core/article.js';
import { random, typo } from './search-library.js';

export const KINDS = [
  '1 char',
  '3 chars',
  '6 chars',
  '10 chars',
  'several words',
  'typos',
] as const;
export type Kind = (typeof KINDS)[number];
export type Queries = Record<Kind, string[]>;

/** The queries: words typed a letter at a time (1, 3, 6, 10 characters), several words, typos. */
export function makeQueries(articles: readonly Article[], vocabulary: readonly string[]): Queries {
  const rand = random(11);
  const pick = (from: number, to: number) => from + Math.floor(rand() * (to - from));
  const long = vocabulary.filter((word, rank) => rank > 300 && word.length >= 10);
  const words = Array.from({ length: 40 }, () => long[pick(0, long.length)]!);
  const bodyWords = (article: Article) => article.body.split(/[\s.]+/).filter((w) => w.length >= 4);
  const several = Array.from({ length: 30 }, () => {
    const inBody = bodyWords(articles[pick(0, articles.length)]!);
    return Array.from({ length: pick(2, 4) }, () => inBody[pick(0, inBody.length)]!.toLowerCase());
  }).map((list) => list.join(' '));
  const typos = Array.from({ length: 60 }, (_, k) => {
    const inBody = bodyWords(articles[pick(0, articles.length)]!).filter((w) => w.length >= 6);
    return typo(inBody[pick(0, inBody.length)]!.toLowerCase(), k, pick(0, 20));
  });
  return {
    '1 char': words.map((word) => word.slice(0, 1)),
    '3 chars': words.map((word) => word.slice(0, 3)),
    '6 chars': words.map((word) => word.slice(0, 6)),
    '10 chars': words.map((word) => word.slice(0, 10)),
    'several words': several,
    typos,
  };
}

/**
 * The queries a view sends while `queries` are typed: for single words, the state at that length after
 * the keystrokes before it; for several words, every keystroke from the second word on; typos whole.
 */
export function typedStates(queries: readonly string[], kind: Kind): string[] {
  if (kind === 'typos') return [...queries];
  if (kind === 'several words') {
    return queries.flatMap((query) => {
      const second = query.indexOf(' ') + 2;
      return Array.from({ length: query.length - second + 1 }, (_, k) =>
        query.slice(0, second + k),
      );
    });
  }
  return [...queries];
}

/** Milliseconds per query state, each kind typed in turn; the keystrokes before a state warm it up. */
export function timeTyping(
  queries: Queries,
  search: (query: string) => unknown,
  perKind = Infinity,
): Record<Kind, number[]> {
  const out = {} as Record<Kind, number[]>;
  for (const kind of KINDS) {
    out[kind] = [];
    for (const query of typedStates(queries[kind], kind).slice(0, perKind)) {
      // The keystrokes before this state, untimed, as a user types them.
      if (kind !== 'several words' && kind !== 'typos') {
        for (let length = 1; length < query.length; length++) search(query.slice(0, length));
      }
      const start = performance.now();
      search(query);
      out[kind].push(performance.now() - start);
    }
  }
  return out;
}
