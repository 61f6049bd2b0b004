// Quoted phrases: the index keeps no word positions, so an article its words found is checked here for
// the words standing next to each other, in order, in one field (a body read again, as snippets are).
import type { SearchIndex } from './build-index.js';
import { FIELD_BITS } from './build-index.js';
import type { TextRange } from './fold.js';
import { bodyOf, type Body } from './highlight.js';
import type { QueryPhrase, QueryWord } from './query.js';
import { continuesWord, scanWords, unfoldInWord } from './tokenize.js';

/** Where a phrase stands: the characters it matched, and the whole words they lie in. */
export interface PhraseMatch extends TextRange {
  wordStart: number;
  wordEnd: number;
}

/**
 * The words a phrase matched, as the reader looks for them (folded later): whole words, one space
 * between, so that its find marks the phrase across the lines it is wrapped on.
 */
export function phraseTerm(text: string, found: PhraseMatch): string {
  return text.slice(found.wordStart, found.wordEnd).replace(/\s+/g, ' ');
}

const ASCII = /^[\x00-\x7f]*$/;

/** Whether folded word `term` fits the phrase's word `at`, as the phrase's operator says. */
function fits(phrase: QueryPhrase, at: number, term: string): boolean {
  const want = phrase.terms[at]!;
  const { match } = phrase;
  const last = phrase.terms.length - 1;
  const endsOne = at === 0 && (match === 'include' || match === 'suffix');
  const startsOne =
    at === last &&
    (match === 'include' || match === 'prefix' || (match === 'fuzzy' && phrase.open));
  if (endsOne && startsOne) return term.includes(want);
  if (endsOne) return term.endsWith(want);
  if (startsOne) return term.startsWith(want);
  return term === want;
}

/** Where in folded word `term` the phrase's word `at` matched (as fits found it). */
function partOf(phrase: QueryPhrase, at: number, term: string): [number, number] {
  const want = phrase.terms[at]!;
  if (at === 0) {
    const from = at === phrase.terms.length - 1 ? term.indexOf(want) : term.length - want.length;
    return [from, from + want.length];
  }
  return [0, want.length];
}

/**
 * Where `phrase` stands in `text` (a field as shown), first first, at most `limit` of them; words are
 * read from `from` (the start of a word) to `to`.
 */
export function phraseMatches(
  text: string,
  phrase: QueryPhrase,
  limit = Infinity,
  from = 0,
  to = text.length,
): PhraseMatch[] {
  const count = phrase.terms.length;
  const last = count - 1;
  // The last `count` words' places, as a ring; their folded forms are made only when one is compared.
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  let seen = 0;
  const found: PhraseMatch[] = [];
  const termAt = (slot: number) => {
    const word = text.slice(starts[slot]!, ends[slot]!);
    return ASCII.test(word) ? word.toLowerCase() : foldedOf(word);
  };
  const visit = (start: number, end: number): boolean => {
    if (start >= to) return true;
    const slot = seen % count;
    starts[slot] = start;
    ends[slot] = end;
    seen += 1;
    if (seen < count) return false;
    // The newest word against the phrase's last first: most words are not it.
    if (!fits(phrase, last, termAt(slot))) return false;
    for (let at = 0; at < last; at++) {
      if (!fits(phrase, at, termAt((seen + at) % count))) return false;
    }
    const first = seen % count;
    const firstWord = text.slice(starts[first]!, ends[first]!);
    const [a] = unfoldInWord(firstWord, ...partOf(phrase, 0, termAt(first)));
    const lastWord = text.slice(start, end);
    const [, b] = unfoldInWord(lastWord, ...partOf(phrase, last, termAt(slot)));
    found.push({
      start: starts[first]! + a,
      end: start + b,
      wordStart: starts[first]!,
      wordEnd: end,
    });
    return found.length >= limit;
  };
  scanWords(text, visit, visit, from);
  return found;
}

function foldedOf(word: string): string {
  return word.normalize('NFKD').toLowerCase().replace(/\p{M}/gu, '');
}

/** The short fields' texts to look in: each tag on its own (a phrase does not run from one to the next). */
export function shortTexts(
  index: SearchIndex,
  doc: number,
): Array<{ field: 'title' | 'author' | 'source' | 'tags'; text: string; offset: number }> {
  const document = index.docs[doc]!;
  const texts: Array<{
    field: 'title' | 'author' | 'source' | 'tags';
    text: string;
    offset: number;
  }> = [
    { field: 'title', text: document.title, offset: 0 },
    { field: 'author', text: document.author, offset: 0 },
    { field: 'source', text: document.source, offset: 0 },
  ];
  let offset = 0;
  for (const tag of document.tags.split(', ')) {
    texts.push({ field: 'tags', text: tag, offset });
    offset += tag.length + 2;
  }
  return texts;
}

/**
 * The first field (as a bit: title, author, source, tags, then body) of article `doc` among `allowed` in
 * which `phrase` stands, or 0. The body is read only when no short field has it.
 */
export function phraseField(
  index: SearchIndex,
  doc: number,
  phrase: QueryPhrase,
  allowed: number,
): number {
  const fields = phrase.field ? FIELD_BITS[phrase.field] & allowed : allowed;
  for (const { field, text } of shortTexts(index, doc)) {
    const bit = FIELD_BITS[field];
    if ((fields & bit) !== 0 && phraseMatches(text, phrase, 1).length > 0) return bit;
  }
  if ((fields & FIELD_BITS.body) === 0) return 0;
  const body = bodyOf(index, doc);
  if (!body) return 0;
  return firstInBody(body, phrase) === -1 ? 0 : FIELD_BITS.body;
}

/** Where the first word of the phrase's first match in a body starts, or -1 when it holds none. */
export function firstInBody(body: Body, phrase: QueryPhrase): number {
  const pattern = patternOf(phrase);
  const { folded } = body;
  if (pattern === null || folded === null) {
    return phraseMatches(body.text, phrase, 1)[0]?.wordStart ?? -1;
  }
  // Native searches of the folded body for its first word, each place it stands tried for the rest,
  // rather than a look at each of its words.
  const first = phrase.terms[0]!;
  const whole = !fits(phrase, 0, `x${first}`);
  for (let at = folded.indexOf(first); at !== -1; at = folded.indexOf(first, at + 1)) {
    if (whole && continuesWord(folded, at - 1)) continue;
    pattern.lastIndex = at;
    if (!pattern.test(folded)) continue;
    let start = at;
    while (continuesWord(folded, start - 1)) start -= 1;
    return start;
  }
  return -1;
}

/**
 * The phrase as a sticky regular expression over a folded body (see highlight.ts) from where its first
 * word stands, when its words are plain ASCII letters and digits: its words apart only by what is not a
 * letter, digit or mark, the last whole unless the operator lets it start a longer word. Null otherwise.
 */
function patternOf(phrase: QueryPhrase): RegExp | null {
  let pattern = patterns.get(phrase);
  if (pattern !== undefined) return pattern;
  pattern = null;
  if (phrase.terms.every((term) => /^[a-z0-9]+$/.test(term))) {
    const last = phrase.terms.length - 1;
    const after = fits(phrase, last, `${phrase.terms[last]}x`) ? '' : '(?![\\p{L}\\p{N}\\p{M}])';
    pattern = new RegExp(`${phrase.terms.join('[^\\p{L}\\p{N}\\p{M}]+')}${after}`, 'uy');
  }
  patterns.set(phrase, pattern);
  return pattern;
}
const patterns = new WeakMap<QueryPhrase, RegExp | null>();

/** Where `phrases` stand in a short field of article `doc`, the words they matched added to `terms`. */
export function phraseRanges(
  index: SearchIndex,
  doc: number,
  field: 'title' | 'author' | 'source' | 'tags',
  phrases: readonly QueryPhrase[],
  terms: Set<string>,
): TextRange[] {
  const ranges: TextRange[] = [];
  for (const phrase of phrases) {
    if (phrase.field !== null && phrase.field !== field) continue;
    for (const short of shortTexts(index, doc)) {
      if (short.field !== field) continue;
      for (const found of phraseMatches(short.text, phrase)) {
        terms.add(phraseTerm(short.text, found));
        ranges.push({ start: short.offset + found.start, end: short.offset + found.end });
      }
    }
  }
  return ranges;
}

/** An alternative's phrases: those an article must hold, and those it must not (with who could). */
export interface PhraseCheck {
  positive: QueryPhrase[];
  /** Each with the articles holding all its words: only those can hold it. */
  negated: Array<{ phrase: QueryPhrase; docs: Set<number> }>;
  /** Whether the alternative has words of its own besides (which may have matched the title). */
  others: boolean;
}

/**
 * The fields where article `doc` holds every phrase of `check`, or -1 when it misses one or holds a
 * negated one. `wordFields`: the fields where the phrases' words matched (no phrase stands elsewhere).
 */
export function checkPhrases(
  index: SearchIndex,
  doc: number,
  check: PhraseCheck,
  wordFields: number,
): number {
  let fields = 0;
  for (const phrase of check.positive) {
    const field = phraseField(index, doc, phrase, wordFields);
    if (field === 0) return -1;
    fields |= field;
  }
  for (const { phrase, docs } of check.negated) {
    if (docs.has(doc) && phraseField(index, doc, phrase, ALL_FIELDS) !== 0) return -1;
  }
  return fields;
}
const ALL_FIELDS = 31;

/** The phrases of `words` that articles must hold, each once. */
export function positivePhrases(words: readonly QueryWord[]): QueryPhrase[] {
  const phrases = new Set<QueryPhrase>();
  for (const word of words) if (word.phrase && !word.phrase.negate) phrases.add(word.phrase);
  return [...phrases];
}

/**
 * Candidates checked for their phrases per query, at most unless more hits are asked for (the best
 * first): a body is read again for each whose short fields do not hold it. Past those checked, the count
 * is estimated from the share that held the phrases.
 */
export const PHRASE_CHECKS = 128;
/** Candidates checked at least, the hits asked for found or not: the share the count is estimated from. */
const PHRASE_SAMPLE = 32;
/** Milliseconds a query's phrase checks may take when not every candidate is to be checked anyway. */
const PHRASE_MS = 3;

/**
 * The candidates (best first) that hold their phrases, checked in order until the hits asked for
 * (`goal`) are found and PHRASE_SAMPLE checked, or PHRASE_MS spent when not all `count` candidates are
 * among them anyway; with how many of the `count` are reckoned to hold them. `fields` is updated with
 * where each held its phrases (see phrasesHeld); `finders`: per candidate, its alternatives' bits.
 */
export function holdingInOrder(
  index: SearchIndex,
  candidates: readonly number[],
  count: number,
  goal: number,
  finders: Int32Array,
  checks: ReadonlyArray<PhraseCheck | null>,
  fields: Uint8Array,
): { shown: number[]; counted: number; approximate: boolean } {
  const shown: number[] = [];
  let checked = 0;
  // A keystroke's checks stop after PHRASE_MS too (the sample checked): bodies are read from files.
  const bounded = candidates.length < count;
  const deadline = performance.now() + PHRASE_MS;
  for (const doc of candidates) {
    if (checked >= PHRASE_SAMPLE) {
      if (shown.length >= goal) break;
      if (bounded && checked % 8 === 0 && performance.now() > deadline) break;
    }
    checked += 1;
    const held = phrasesHeld(index, doc, finders[doc]!, checks, fields[doc]!);
    if (held === -1) continue;
    fields[doc] = held;
    shown.push(doc);
  }
  if (checked === count) return { shown, counted: shown.length, approximate: false };
  const rest = Math.round(((count - checked) * shown.length) / checked);
  return { shown, counted: shown.length + rest, approximate: true };
}

/**
 * The fields article `doc` matched in, when it holds the phrases of an alternative that found it
 * (`found`: their bits), or -1 when none does. Where a phrase stands decides whether it is a title hit,
 * not where its words do, unless other words of its alternative may have matched the title.
 */
function phrasesHeld(
  index: SearchIndex,
  doc: number,
  found: number,
  checks: ReadonlyArray<PhraseCheck | null>,
  wordFields: number,
): number {
  for (let k = 0; k < checks.length; k++) {
    if ((found & (1 << Math.min(k, 30))) === 0) continue;
    const check = checks[k];
    if (!check) return wordFields;
    const held = checkPhrases(index, doc, check, wordFields);
    if (held === -1) continue;
    return held | (check.others ? wordFields : wordFields & ~FIELD_BITS.title);
  }
  return -1;
}
