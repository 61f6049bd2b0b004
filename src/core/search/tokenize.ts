// Words for search: a Markdown body as the text a reader sees, and any text cut into folded words with the
// places they came from, so a match maps back to the characters shown.
import { fold } from './fold.js';

/** A word of a text: where it is in the text as shown, and its folded form (the term the index keeps). */
export interface Token {
  start: number;
  end: number;
  term: string;
}

/** Letters, digits and their marks; ideographs and kana are split off one by one below. */
export const WORD = /[\p{L}\p{N}\p{M}]+/gu;
/** Scripts written without spaces, where each character counts as a word of its own. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]\p{M}*/gu;
const HAS_UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const NON_ASCII = /[^\x00-\x7f]/;
const COMBINING_MARK = /\p{M}/gu;

/** The folded form of one word: lower case, without diacritics (as fold.ts does, without the map). */
export function foldWord(word: string): string {
  if (!NON_ASCII.test(word)) return word.toLowerCase();
  return word.normalize('NFKD').toLowerCase().replace(COMBINING_MARK, '');
}

/** Calls `visit` for each word of `text`, in order. */
export function eachToken(text: string, visit: (start: number, end: number, term: string) => void) {
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match; match = WORD.exec(text)) {
    const word = match[0];
    const start = match.index;
    if (!NON_ASCII.test(word)) {
      visit(start, start + word.length, word.toLowerCase());
    } else if (!HAS_UNSPACED.test(word)) {
      const term = foldWord(word);
      if (term) visit(start, start + word.length, term);
    } else {
      splitUnspaced(word, start, visit);
    }
  }
}

/** A run mixing ideographs or kana with other letters: each ideograph alone, the rest as words. */
function splitUnspaced(
  word: string,
  offset: number,
  visit: (start: number, end: number, term: string) => void,
) {
  let at = 0;
  const rest = (end: number) => {
    if (end > at) {
      const term = foldWord(word.slice(at, end));
      if (term) visit(offset + at, offset + end, term);
    }
  };
  UNSPACED.lastIndex = 0;
  for (let match = UNSPACED.exec(word); match; match = UNSPACED.exec(word)) {
    rest(match.index);
    const end = match.index + match[0].length;
    visit(offset + match.index, offset + end, foldWord(match[0]));
    at = end;
  }
  rest(word.length);
}

/** Every word of `text`. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  eachToken(text, (start, end, term) => tokens.push({ start, end, term }));
  return tokens;
}

/**
 * Where characters [start, end) of a word's folded form are in the word as shown (relative to the word):
 * "Communiqué" folds to "communique", whose last letter is the two units "é" in the original.
 */
export function unfoldInWord(word: string, start: number, end: number): [number, number] {
  if (!NON_ASCII.test(word)) return [start, end];
  const { source } = fold(word);
  const from = source[start] ?? word.length;
  let to = source[end] ?? word.length;
  if (to <= from) to = source.find((index) => index > from) ?? word.length;
  return [from, to];
}

// Markup a reader never sees; each pattern is linear (no nested quantifiers over the same characters).
const FENCE = /^\s*(```|~~~).*$/gm;
const HEADING = /^\s{0,3}#{1,6}\s+/gm;
const QUOTE = /^\s{0,3}(?:>\s?)+/gm;
const LIST = /^\s*(?:[-*+]|\d{1,9}[.)])\s+/gm;
const RULE = /^\s{0,3}(?:[-*_]\s*){3,}$/gm;
const IMAGE_OR_LINK = /!?\[([^\]\n]*)\](?:\([^()\s]*(?:\s+"[^"\n]*")?\)|\[[^\]\n]*\])/g;
const AUTOLINK = /<((?:https?|mailto):[^<>\s]+)>/g;
const TAG = /<\/?[a-z][^<>\n]*>/gi;
const EMPHASIS = /(?:\*{1,3}|~~|`+)(?=\S)|(?<=\S)(?:\*{1,3}|~~|`+)/g;
/** Underscores emphasise only at the edge of a word: snake_case keeps its own. */
const UNDERSCORES = /(?<![\p{L}\p{N}])_{1,3}(?=\S)|(?<=\S)_{1,3}(?![\p{L}\p{N}])/gu;
const ESCAPE = /\\([\\`*_{}[\]()#+\-.!>~|])/g;

/**
 * A Markdown body as plain text: one line per paragraph, markup gone, link texts kept. Snippets are cut
 * from it, so it stays close to what the reader shows.
 */
export function plainText(markdown: string): string {
  const text = markdown
    .replace(FENCE, '')
    .replace(RULE, '')
    .replace(HEADING, '')
    .replace(QUOTE, '')
    .replace(LIST, '')
    .replace(IMAGE_OR_LINK, '$1')
    .replace(AUTOLINK, '$1')
    .replace(TAG, ' ')
    .replace(EMPHASIS, '')
    .replace(UNDERSCORES, '')
    .replace(ESCAPE, '$1');
  // Lines of a paragraph join with a space; paragraphs stay on lines of their own.
  return text
    .split(/\n[ \t]*\n\s*/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}
