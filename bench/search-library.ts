// A made-up library for the search bench, the same on every run: 10,000 articles of ~600 words drawn
// from a Zipf-like vocabulary of ~50,000 terms (short common words, long rare ones, many names, a few
// with accents), and the queries the bench types into it.
import type { Article } from '../src/core/article.js';

/** A seeded generator (mulberry32): the same library and queries every run. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = (
  'ka ro mi tel an zu vor li sen dra po el mar ith ul gen sa bo quin re ta ne shi or wen fa ly cor du ' +
  'ix be lo nar ves tri om ha pel gor mu sti qua fen ri da ko lum brec ast iv no ser tha ul ge wy'
).split(' ');
const ACCENTED: Record<string, string> = { e: 'é', o: 'ö', a: 'à', u: 'ü', i: 'ï', c: 'ç' };

export interface BenchLibrary {
  articles: Article[];
  /** Terms by rank: vocabulary[0] is the most frequent. */
  vocabulary: string[];
}

/** `count` articles of about `words` words each, newest first. */
export function benchLibrary(count = 10_000, words = 600, terms = 50_000): BenchLibrary {
  const articles: Article[] = [];
  const vocabulary = benchArticles(count, words, terms, (article) => articles.push(article));
  return { articles, vocabulary };
}

/**
 * benchLibrary one article at a time (a library of 100,000 need not be held); returns the vocabulary.
 * The first n articles of a larger library are those of a library of n.
 */
export function benchArticles(
  count: number,
  words: number,
  terms: number,
  visit: (article: Article) => void,
): string[] {
  const rand = random(7);
  const vocabulary = makeVocabulary(rand, terms);
  const draw = zipf(rand, terms);
  const pick = (from: number, to: number) => from + Math.floor(rand() * (to - from));
  const names = Array.from(
    { length: 2000 },
    () =>
      `${capital(vocabulary[pick(30_000, terms)]!)} ${capital(vocabulary[pick(20_000, terms)]!)}`,
  );
  const sources = Array.from(
    { length: 150 },
    () => `The ${capital(vocabulary[pick(500, 5000)]!)} ${capital(vocabulary[pick(100, 2000)]!)}`,
  );
  const tagWords = Array.from({ length: 400 }, () => vocabulary[pick(200, 3000)]!);
  const day = Date.UTC(2026, 0, 1);
  for (let k = 0; k < count; k++) {
    // Titles hold content words, not the commonest ones.
    let title = '';
    const titleWords = pick(4, 9);
    for (let w = 0; w < titleWords; w++) {
      let rank = draw();
      while (rank < 50) rank = draw();
      title += (w === 0 ? capital(vocabulary[rank]!) : vocabulary[rank]!) + ' ';
    }
    const length = pick(words - 30, words + 30);
    const paragraphs: string[] = [];
    let sentence: string[] = [];
    let paragraph: string[] = [];
    for (let w = 0; w < length; w++) {
      const word = vocabulary[draw()]!;
      sentence.push(sentence.length === 0 ? capital(word) : word);
      if (sentence.length >= 8 && (rand() < 0.12 || sentence.length >= 20)) {
        paragraph.push(sentence.join(' ') + '.');
        sentence = [];
        if (paragraph.length >= 5) {
          paragraphs.push(paragraph.join(' '));
          paragraph = [];
        }
      }
    }
    if (sentence.length > 0) paragraph.push(sentence.join(' ') + '.');
    if (paragraph.length > 0) paragraphs.push(paragraph.join(' '));
    const body = paragraphs.join('\n\n');
    visit({
      id: `bench-${k}`,
      title: title.trim(),
      author: names[pick(0, names.length)]!,
      date: new Date(day - k * 3_600_000).toISOString(),
      source: sources[pick(0, sources.length)]!,
      url: null,
      tags: Array.from({ length: pick(1, 4) }, () => tagWords[pick(0, tagWords.length)]!),
      bio: null,
      body,
      words: length,
      readingMinutes: Math.round(length / 230),
      path: `/bench/bench-${k}.md`,
      size: body.length,
      mtimeMs: 0,
    });
  }
  return vocabulary;
}

/** Distinct made-up words, shortest first (frequent words are short); one in forty has an accent. */
function makeVocabulary(rand: () => number, size: number): string[] {
  const seen = new Set<string>();
  while (seen.size < size) {
    const syllables = 1 + Math.floor(rand() * rand() * 5) + (seen.size > size / 2 ? 1 : 0);
    let word = '';
    for (let s = 0; s < syllables; s++) word += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
    if (rand() < 0.025) word = word.replace(/[eoauic]/, (letter) => ACCENTED[letter]!);
    seen.add(word);
  }
  return [...seen].sort((a, b) => a.length - b.length);
}

/** Ranks drawn with probability ∝ 1 / rank^1.05. */
function zipf(rand: () => number, size: number): () => number {
  const cumulative = new Float64Array(size);
  let sum = 0;
  for (let rank = 0; rank < size; rank++) cumulative[rank] = sum += 1 / (rank + 1) ** 1.05;
  return () => {
    const target = rand() * sum;
    let low = 0;
    let high = size - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

function capital(word: string): string {
  return word[0]!.toUpperCase() + word.slice(1);
}

/** A typo of `word`: two letters swapped, one dropped, or one doubled, in turn. */
export function typo(word: string, kind: number, at: number): string {
  const i = 1 + (at % Math.max(1, word.length - 2));
  switch (kind % 3) {
    case 0:
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    case 1:
      return word.slice(0, i) + word.slice(i + 1);
    default:
      return word.slice(0, i) + word[i] + word.slice(i);
  }
}
