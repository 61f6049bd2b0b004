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
  const parts = text.trim().split(/\s+\|\s+|\s*\|\s*/);
  if (parts.length > 1 && parts.some((part) => part.trim() === '')) {
    return { ok: false, error: '| needs words on both sides: spaceport | cosmodrome' };
  }
  for (const part of parts) {
    const words: QueryWord[] = [];
    for (const item of part.split(/\s+/).filter(Boolean)) {
      const read = readItem(item);
      if (typeof read === 'string') return { ok: false, error: read };
      words.push(...read);
    }
    if (words.length > 0) alternatives.push(words);
  }
  return { ok: true, query: alternatives };
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

function exampleOf(item: string): string {
  if (item.endsWith('$')) return 'port$';
  if (item.startsWith('!')) return '!sport';
  if (item.startsWith("'")) return "'space";
  if (item.startsWith('^')) return '^space';
  return 'word';
}
