// Reading a search query: words that must all match, fuse.js's extended operators, field qualifiers, and
// `|` between alternatives. A query that cannot be read gives a short hint instead of an exception.
import type { SearchField } from './types.js';
import { sanitizeLine } from '../sanitize.js';
import { eachToken } from './tokenize.js';

/**
 * How a query word matches a term: `fuzzy` (exact, prefix, then typos), `exact` (=word), `include`
 * ('word: the term contains it), `prefix` (^word), `suffix` (word$).
 */
export type WordMatch = 'fuzzy' | 'exact' | 'include' | 'prefix' | 'suffix';

/** One word of a query, folded. */
export interface QueryWord {
  term: string;
  match: WordMatch;
  /** Only this field, when a qualifier names one. */
  field: SearchField | null;
  /** `!`: articles with a match are left out. */
  negate: boolean;
  /** Set when the word is one of a quoted phrase's: its articles are candidates, checked for the phrase. */
  phrase?: QueryPhrase;
}

/**
 * A double-quoted run of two or more words (`"two words"`): they must stand next to each other, in order,
 * in one field. `match` applies to the phrase as a whole: `'` lets its first word end and its last word
 * start a longer word, `^` its last word start one, `$` its first word end one; a plain phrase, closed,
 * is exact, and still being typed (no closing quote yet) lets its last word be a prefix.
 */
export interface QueryPhrase {
  /** The folded words, in order. */
  terms: string[];
  match: WordMatch;
  field: SearchField | null;
  /** `!"two words"`: articles holding the phrase are left out. */
  negate: boolean;
  /** No closing quote: the phrase runs to the end of the query. */
  open: boolean;
}

/** Alternatives (joined by `|`), each a list of words that must all match. */
export type Query = QueryWord[][];

export type ParsedQuery = { ok: true; query: Query } | { ok: false; error: string };

/** The qualifiers a query may name, and the field each searches. */
export const QUALIFIERS: Readonly<Record<string, SearchField>> = {
  title: 'title',
  author: 'author',
  by: 'author',
  source: 'source',
  tag: 'tags',
  tags: 'tags',
  body: 'body',
};

const QUALIFIER = /^([a-z]+):(.*)$/i;

export function parseQuery(text: string): ParsedQuery {
  const alternatives: Query = [];
  const parts = splitQuery(text.trim());
  if (parts.length > 1 && parts.some((part) => part.length === 0)) {
    return { ok: false, error: '| needs words on both sides: spaceport | cosmodrome' };
  }
  for (const part of parts) {
    const words: QueryWord[] = [];
    for (const item of part) {
      const read = readItem(item);
      if (typeof read === 'string') return { ok: false, error: read };
      words.push(...read);
    }
    if (words.length > 0) alternatives.push(words);
  }
  return { ok: true, query: alternatives };
}

/**
 * The query's alternatives (parted by `|`), each a list of items parted by white space; a double-quoted
 * run is one item with its spaces, and a quote left open runs to the end (it is being typed).
 */
function splitQuery(text: string): string[][] {
  const parts: string[][] = [[]];
  let item = '';
  let quoted = false;
  const endItem = () => {
    if (item !== '') parts.at(-1)!.push(item);
    item = '';
  };
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    if (quoted || char === '"') item += char;
    else if (/\s/.test(char)) endItem();
    else if (char === '|') {
      endItem();
      parts.push([]);
    } else item += char;
  }
  endItem();
  return parts;
}

/** One whitespace-separated item: its operators, then its words (an item may fold to several). */
function readItem(item: string): QueryWord[] | string {
  let rest = item;
  let negate = false;
  let field: SearchField | null = null;
  if (rest.startsWith('!')) {
    negate = true;
    rest = rest.slice(1);
  }
  const qualified = QUALIFIER.exec(rest);
  if (qualified) {
    const name = qualified[1]!.toLowerCase();
    const named = QUALIFIERS[name];
    if (!named) return `unknown field ${name}: (try author:, source:, tag: or title:)`;
    field = named;
    rest = qualified[2]!;
    if (!rest) return `${name}: needs a word after it: ${name}:word`;
    if (rest.startsWith('!')) {
      negate = true;
      rest = rest.slice(1);
    }
  }
  let match: WordMatch = 'fuzzy';
  const operator = rest[0];
  if (operator === "'" || operator === '=' || operator === '^') {
    match = operator === "'" ? 'include' : operator === '=' ? 'exact' : 'prefix';
    rest = rest.slice(1);
  }
  // A phrase reads its own $, after its closing quote.
  if (rest.startsWith('"')) return readPhrase(rest, match, field, negate);
  if (rest.endsWith('$') && match !== 'include') {
    match = match === 'prefix' ? 'exact' : 'suffix';
    rest = rest.slice(0, -1);
  }
  const terms: string[] = [];
  eachToken(rest, (_start, _end, term) => terms.push(term));
  if (terms.length === 0) {
    // The hint quotes what was typed: sanitized, as it goes to a footer or a terminal.
    if (rest === '' && item !== rest)
      return `${sanitizeLine(item)} needs a word: ${exampleOf(item)}`;
    // Punctuation alone says nothing to search for; it is left out, as it is in the articles.
    return [];
  }
  return terms.map((term) => ({ term, match, field, negate }));
}

/**
 * A double-quoted item after its operators: one word matched as the operator says (a closed plain quote
 * makes it exact), or a phrase (see QueryPhrase) whose words are each looked up as they must appear in it.
 */
function readPhrase(
  quoted: string,
  operator: WordMatch,
  field: SearchField | null,
  negate: boolean,
): QueryWord[] | string {
  const close = quoted.indexOf('"', 1);
  const open = close === -1;
  const inside = open ? quoted.slice(1) : quoted.slice(1, close);
  const after = open ? '' : quoted.slice(close + 1);
  let match = operator;
  if (after.startsWith('$') && match !== 'include') {
    match = match === 'prefix' || match === 'exact' ? 'exact' : 'suffix';
  }
  // Anything stuck to the closing quote ("two words"s) is read as words of its own, outside the phrase.
  const tail = after.startsWith('$') ? after.slice(1) : after;
  const terms: string[] = [];
  eachToken(inside, (_start, _end, term) => terms.push(term));
  const rest: QueryWord[] = [];
  eachToken(tail, (_start, _end, term) => rest.push({ term, match: 'fuzzy', field, negate }));
  if (terms.length === 0) {
    // A quote just typed says nothing yet; empty quotes closed do.
    if (open || rest.length > 0) return rest;
    return '"" needs words inside: "two words"';
  }
  if (match === 'fuzzy' && !open) match = 'exact';
  // One word, its quote still open, is read as the word typed without it (as it was a key before).
  if (terms.length === 1) return [{ term: terms[0]!, match, field, negate }, ...rest];
  const phrase: QueryPhrase = { terms, match, field, negate, open };
  const last = terms.length - 1;
  const words = terms.map((term, at): QueryWord => {
    let how: WordMatch = 'exact';
    if (at === 0 && (match === 'include' || match === 'suffix')) how = 'suffix';
    else if (at === last && (match === 'include' || match === 'prefix')) how = 'prefix';
    // A phrase being typed: its last word looked up as typed words are, from the answers already at
    // hand (a letter's is prepared), the check then keeping only the words it starts.
    else if (at === last && match === 'fuzzy') how = 'fuzzy';
    return { term, match: how, field, negate: false, phrase };
  });
  return [...words, ...rest];
}

function exampleOf(item: string): string {
  if (item.endsWith('$')) return 'port$';
  if (item.startsWith('!')) return '!sport';
  if (item.startsWith("'")) return "'space";
  if (item.startsWith('^')) return '^space';
  return 'word';
}
