// What the typing bench types into the reader's search field and how its keys are counted: dozens of
// different queries per class (1, 3, 6 and 10 characters of a word, several words, typos), each typed a
// key at a time; and the report of each class (p50, p95, max), with the engine's part beside it.
import type { Article } from '../src/core/article.js';
import type { TypedKeys } from './search-typing.js';
import { KINDS as QUERY_KINDS } from './search-queries.js';
import { random, typo } from './search-library.js';
import type { Row } from './search.js';
import { median, ms, percentile } from './stats.js';

/** The classes of keys typed: the search benches' own, and quoted phrases (typed here only). */
export const KINDS = [...QUERY_KINDS, 'phrase'] as const;
export type Kind = (typeof KINDS)[number];

/** A query to type, and per key the class its keystroke counts in (null: typed, not counted). */
export interface TypedQuery {
  text: string;
  classes: (Kind | null)[];
}

/** Queries per class: single words (giving 1, 3, 6 and 10 characters each), several words, typos. */
export interface PlanSizes {
  words: number;
  several: number;
  typos: number;
  /** Quoted phrases: two or three words standing together in an article's body. */
  phrases?: number;
}

/** The queries to type, the same every run, drawn from the library's words and its articles' bodies. */
export function typingPlan(
  articles: readonly Article[],
  vocabulary: readonly string[],
  sizes: PlanSizes,
): TypedQuery[] {
  const rand = random(23);
  const pick = (from: number, to: number) => from + Math.floor(rand() * (to - from));
  const plan: TypedQuery[] = [];
  // Words of the middle and rare end of the vocabulary, cut at ten characters; their 1st, 3rd, 6th and
  // 10th keys count in those classes.
  const long = vocabulary.filter((word, rank) => rank > 300 && word.length >= 10);
  const byLength: Partial<Record<number, Kind>> = { 1: '1 char', 3: '3 chars', 6: '6 chars' };
  byLength[10] = '10 chars';
  for (let k = 0; k < sizes.words; k++) {
    const text = long[pick(0, long.length)]!.slice(0, 10);
    plan.push({ text, classes: [...text].map((_, at) => byLength[at + 1] ?? null) });
  }
  const bodyWords = (article: Article, least: number) =>
    article.body
      .split(/[\s.]+/)
      .filter((word) => word.length >= least)
      .map((word) => word.toLowerCase());
  // Two or three words of one article: every key from the second word's first letter on counts.
  for (let k = 0; k < sizes.several; k++) {
    const inBody = bodyWords(articles[pick(0, articles.length)]!, 4);
    const text = Array.from({ length: pick(2, 4) }, () => inBody[pick(0, inBody.length)]!).join(
      ' ',
    );
    const second = text.indexOf(' ') + 1;
    plan.push({ text, classes: [...text].map((_, at) => (at >= second ? 'several words' : null)) });
  }
  // A word of an article's body with a letter swapped, dropped or doubled: every key from the typo on.
  for (let k = 0; k < sizes.typos; k++) {
    const inBody = bodyWords(articles[pick(0, articles.length)]!, 6);
    const word = inBody[pick(0, inBody.length)]!;
    const text = typo(word, k, pick(0, 20));
    let differs = 0;
    while (differs < text.length && text[differs] === word[differs]) differs++;
    plan.push({ text, classes: [...text].map((_, at) => (at >= differs ? 'typos' : null)) });
  }
  // A quote, then words side by side in a body, then the closing quote: every key from the second
  // word's first letter on counts (the open phrase checked at each, its last word a prefix).
  for (let k = 0; k < (sizes.phrases ?? 0); k++) {
    const inBody = bodyWords(articles[pick(0, articles.length)]!, 1).filter((word) =>
      /^[\p{L}\p{N}]+$/u.test(word),
    );
    const from = pick(0, Math.max(1, inBody.length - 3));
    const text = `"${inBody.slice(from, from + pick(2, 4)).join(' ')}"`;
    const second = text.indexOf(' ') + 1;
    plan.push({ text, classes: [...text].map((_, at) => (at >= second ? 'phrase' : null)) });
  }
  return plan;
}

interface ClassSamples {
  results: number[];
  answer: number[];
  engine: number[];
  drawn: number[];
}

/** The report: per class, key → results drawn (p50 against 8 ms, p95 against 16 ms, max), then the parts. */
export function typingRows(plan: readonly TypedQuery[], typed: readonly TypedKeys[]): Row[] {
  const byClass = new Map<Kind, ClassSamples>(
    KINDS.map((kind) => [kind, { results: [], answer: [], engine: [], drawn: [] }]),
  );
  plan.forEach((query, q) => {
    const keys = typed[q]!;
    query.classes.forEach((kind, at) => {
      if (kind === null || Number.isNaN(keys.results[at])) return;
      const samples = byClass.get(kind)!;
      samples.results.push(keys.results[at]!);
      samples.answer.push(keys.answer[at]!);
      samples.engine.push(keys.engine[at]!);
      samples.drawn.push(keys.drawn[at]!);
    });
  });
  const rows: Row[] = [];
  const spread = (samples: number[]) =>
    `${ms(median(samples))}, ${ms(percentile(samples, 95))}, ${ms(Math.max(...samples))}`;
  for (const [kind, samples] of byClass) {
    if (samples.results.length === 0) continue;
    const p50 = median(samples.results);
    const p95 = percentile(samples.results, 95);
    rows.push({
      name: `  key → results drawn, ${kind} (${samples.results.length} keys): p50, p95, max`,
      value: spread(samples.results),
      budget: '< 8 ms, < 16 ms',
      met: p50 < 8 && p95 < 16,
    });
    const engine = samples.engine.filter((value) => !Number.isNaN(value));
    if (engine.length > 0)
      rows.push({ name: `    of which the engine alone`, value: spread(engine) });
    rows.push({ name: `    of which asking → answer`, value: spread(samples.answer) });
    const rest = samples.results.map((total, k) => total - samples.answer[k]!);
    rows.push({ name: `    the rest (key in, frames drawn)`, value: spread(rest) });
    rows.push({ name: `      of which Ink drawing the results`, value: spread(samples.drawn) });
  }
  return rows;
}
