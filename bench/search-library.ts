// A made-up library for the search benches, the same on every run: ~600 words an article, drawn from a
// vocabulary of ~50,000 made-up words with Zipf-like frequencies (a few very common, most of them rare,
// as names are).
import { countWords, readingMinutes, type Article } from '../src/core/article.js';

/** A small fast generator with a seed (mulberry32): the library is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ONSETS = [
  'b',
  'c',
  'd',
  'f',
  'g',
  'h',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'z',
  'br',
  'st',
  'tr',
  'ch',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou', 'é'];

export interface SearchLibrary {
  articles: Article[];
  /** The vocabulary, most frequent first. */
  vocabulary: string[];
}

/** `count` articles of about `words` words each, newest first. */
export function searchLibrary(count: number, words = 600, vocabularySize = 50_000): SearchLibrary {
  const next = random(20_260_131);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const known = new Set<string>();
  while (known.size < vocabularySize) {
    const syllables = 1 + Math.floor(next() * 4);
    let word = '';
    for (let k = 0; k < syllables; k++) word += pick(ONSETS) + pick(VOWELS);
    if (next() < 0.3) word += pick(ONSETS);
    known.add(word);
  }
  // Short words come first, as they do in a language: the most frequent are the shortest.
  const vocabulary = [...known].sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  // Zipf: the word of rank r turns up in proportion to 1 / r.
  const cumulative = new Float64Array(vocabulary.length);
  let sum = 0;
  for (let rank = 0; rank < vocabulary.length; rank++) cumulative[rank] = sum += 1 / (rank + 1);
  const word = () => {
    const target = next() * sum;
    let low = 0;
    let high = vocabulary.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return vocabulary[low]!;
  };
  const capital = (text: string) => text[0]!.toUpperCase() + text.slice(1);
  const rare = () => vocabulary[1000 + Math.floor(next() * (vocabulary.length - 1000))]!;
  const day = Date.UTC(2026, 0, 1);
  const articles: Article[] = [];
  for (let k = 0; k < count; k++) {
    const paragraphs: string[] = [];
    for (let written = 0; written < words;) {
      const length = 40 + Math.floor(next() * 80);
      const sentence = Array.from({ length }, word).join(' ');
      paragraphs.push(`${capital(sentence)}.`);
      written += length;
    }
    const body = paragraphs.join('\n\n');
    const title = capital(Array.from({ length: 4 + Math.floor(next() * 5) }, word).join(' '));
    const counted = countWords(body);
    articles.push({
      id: `made-up-${k}`,
      title,
      author: `${capital(rare())} ${capital(rare())}`,
      date: new Date(day - k * 3_600_000).toISOString(),
      source: `The ${capital(rare())} Review`,
      url: null,
      tags: [word(), word()],
      bio: null,
      body,
      words: counted,
      readingMinutes: readingMinutes(counted),
      path: `/bench/made-up-${k}.md`,
    });
  }
  return { articles, vocabulary };
}
