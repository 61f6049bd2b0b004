// The article model: what a stored article is, and the facts every view shows about it.

/** Words a minute a reading time assumes. */
export const WORDS_PER_MINUTE = 230;

/**
 * What the library list holds of a stored article: its fields, already sanitized, without the body (which
 * is read when the article is opened). Missing optional fields are null.
 */
export interface ArticleMeta {
  /** Stable id: the front matter `id`, else the file name without `.md`. */
  id: string;
  title: string;
  author: string | null;
  /** ISO 8601 date as written in the front matter. */
  date: string | null;
  /** The publication. */
  source: string | null;
  url: string | null;
  tags: string[];
  /** A line about the author. */
  bio: string | null;
  words: number;
  readingMinutes: number;
  /** The file it came from. */
  path: string;
  /** The file's size in bytes and modification time when it was read: what a cached entry is checked by. */
  size: number;
  mtimeMs: number;
}

/** An article opened: its fields and its Markdown body. */
export interface Article extends ArticleMeta {
  /** The Markdown body. */
  body: string;
}

/** A word of a script that puts spaces between words: letters and digits, joined by ’ ' . or -. */
const SPACED_WORD = /[\p{L}\p{N}\p{M}]+(?:['’.-][\p{L}\p{N}\p{M}]+)*/gu;
/** Scripts written without spaces between words (Thai, Lao, Myanmar, Khmer, Chinese, Japanese). */
const UNSPACED_SCRIPT =
  /[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;
let wordSegmenter: Intl.Segmenter | undefined;

/** Words a reader reads in a Markdown body: link targets and markup are not words. */
export function countWords(body: string): number {
  // Link targets and tags; each pattern stops at the next space or bracket, so a body full of unclosed
  // ones cannot make it scan the rest of the text again and again.
  const text = body.replace(/\]\([^()\s]*\)/g, ']').replace(/<\/?[a-z][^<>]*>/gi, ' ');
  let count = 0;
  // Only scripts without spaces need the dictionary of a word segmenter, which costs ~10 ms to create
  // and about a microsecond a character: past a budget, the rest is counted at the rate found so far.
  let segmented = 0;
  let segmentedWordCount = 0;
  for (const paragraph of text.split(/\n\s*\n/)) {
    if (!UNSPACED_SCRIPT.test(paragraph)) {
      count += paragraph.match(SPACED_WORD)?.length ?? 0;
      continue;
    }
    const counted = Math.min(paragraph.length, SEGMENTED_AT_MOST - segmented);
    if (counted > 0) {
      const words = segmentedWords(paragraph.slice(0, counted));
      segmented += counted;
      segmentedWordCount += words;
      count += words;
    }
    const rest = paragraph.length - counted;
    if (rest > 0) count += Math.round((rest * segmentedWordCount) / segmented);
  }
  return count;
}

/** Characters of unspaced scripts counted word by word in a body; its words past them are estimated. */
export const SEGMENTED_AT_MOST = 32 * 1024;

/**
 * Characters handed to the word segmenter at once: on Node 20 it slows sharply with the length of the
 * string (300 KB of Chinese took 20 s whole), so a paragraph goes a bounded piece at a time.
 */
const WORD_CHUNK = 1024;

/**
 * Words the segmenter finds in `text`, a piece at a time. A piece ends after a space when there is one
 * near its end; otherwise its last segment, which may be a word cut short, starts the next piece.
 */
function segmentedWords(text: string): number {
  wordSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  let count = 0;
  let at = 0;
  while (at < text.length) {
    let end = Math.min(text.length, at + WORD_CHUNK);
    if (end < text.length) {
      // Looked for in the piece only: lastIndexOf on the text would scan back to its start.
      const space = text.slice(at, end).lastIndexOf(' ');
      if (space > WORD_CHUNK / 2) end = at + space + 1;
      else if (isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
    }
    const piece = text.slice(at, end);
    let last: Intl.SegmentData | undefined;
    for (const part of wordSegmenter.segment(piece)) {
      if (last?.isWordLike) count += 1;
      last = part;
    }
    const whole = end === text.length || piece.endsWith(' ') || last!.index === 0;
    if (whole) {
      if (last!.isWordLike) count += 1;
      at = end;
    } else {
      at += last!.index;
    }
  }
  return count;
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/** The day of an ISO 8601 date (2023-09-13), or '' when there is none. */
export function dayOf(date: string | null): string {
  return date ? date.slice(0, 10) : '';
}

/** Newest first by the day shown, then by time within the day; undated articles last; then by title. */
export function byNewest(a: ArticleMeta, b: ArticleMeta): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    // ISO days sort as plain strings; localeCompare would load the collator (~10 ms) for nothing.
    const day = compareStrings(dayOf(b.date), dayOf(a.date));
    if (day !== 0) return day;
    const difference = instantOf(b.date) - instantOf(a.date);
    if (difference !== 0) return difference;
  }
  return a.title.localeCompare(b.title);
}

/**
 * The articles in byNewest's order, sorted in place: each date's day and instant worked out once, not at
 * every comparison (100,000 articles make some 1.7 million comparisons).
 */
export function sortByNewest<T extends ArticleMeta>(articles: T[]): T[] {
  const keyed = articles.map((article) => ({
    article,
    day: article.date === null ? '' : dayOf(article.date),
    instant: article.date === null ? 0 : instantOf(article.date),
  }));
  keyed.sort((x, y) => {
    const a = x.article;
    const b = y.article;
    if (a.date !== b.date) {
      if (a.date === null) return 1;
      if (b.date === null) return -1;
      const day = compareStrings(y.day, x.day);
      if (day !== 0) return day;
      const difference = y.instant - x.instant;
      if (difference !== 0) return difference;
    }
    return a.title.localeCompare(b.title);
  });
  keyed.forEach((entry, at) => (articles[at] = entry.article));
  return articles;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The moment an ISO 8601 date names; a time without a zone is read as UTC, the same on every machine. */
function instantOf(date: string): number {
  const iso = date.replace(' ', 'T');
  const zoned = iso.length <= 10 || /(?:Z|[+-]\d{2}:?\d{2})$/.test(iso);
  return Date.parse(zoned ? iso : `${iso}Z`);
}

/** "Kyle Anzalone · The Libertarian Institute · 2023-09-13 · 2 min read" */
export function byline(article: ArticleMeta): string {
  const parts = [article.author, article.source, dayOf(article.date) || null];
  // No-break spaces keep "2 min read" on one line when the byline wraps.
  if (article.readingMinutes > 0) parts.push(`${article.readingMinutes}\u00a0min\u00a0read`);
  return parts.filter((part): part is string => Boolean(part)).join(' · ');
}

/** What an id given on the command line names. */
export type IdLookup<T extends ArticleMeta = ArticleMeta> =
  | { kind: 'found'; article: T }
  | { kind: 'ambiguous'; candidates: T[] }
  | { kind: 'missing'; suggestions: T[] };

/** An exact id, else the one id that starts with `query`; otherwise ids or titles that mention it. */
export function lookUpId<T extends ArticleMeta>(
  articles: readonly T[],
  query: string,
): IdLookup<T> {
  const exact = articles.find((article) => article.id === query);
  if (exact) return { kind: 'found', article: exact };
  const prefixed = articles.filter((article) => article.id.startsWith(query));
  if (prefixed.length === 1) return { kind: 'found', article: prefixed[0]! };
  if (prefixed.length > 1) return { kind: 'ambiguous', candidates: prefixed };
  const needle = query.toLowerCase();
  const suggestions = articles.filter(
    (article) =>
      article.id.toLowerCase().includes(needle) || article.title.toLowerCase().includes(needle),
  );
  return { kind: 'missing', suggestions };
}
