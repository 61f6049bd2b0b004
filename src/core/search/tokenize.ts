// Words for search: a Markdown body as the text a reader sees, and any text cut into folded words with the
// places they came from, so a match maps back to the characters shown.
import { fold } from './fold.js';

/** Letters, digits and their marks: a word, as the tokenizer reads one (ideographs aside). */
export const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** A word of a text: where it is in the text as shown, and its folded form (the term the index keeps). */
export interface Token {
  start: number;
  end: number;
  term: string;
}

const NON_ASCII = /[^\x00-\x7f]/;
const COMBINING_MARK = /\p{M}/gu;

/** The folded form of one word: lower case, without diacritics (as fold.ts does, without the map). */
export function foldWord(word: string): string {
  if (!NON_ASCII.test(word)) return word.toLowerCase();
  // Normalizing is slow and the same words come back: remember them.
  let folded = foldedWords.get(word);
  if (folded === undefined) {
    folded = word.normalize('NFKD').toLowerCase().replace(COMBINING_MARK, '');
    if (foldedWords.size >= 100_000) foldedWords.clear();
    foldedWords.set(word, folded);
  }
  return folded;
}
const foldedWords = new Map<string, string>();

// What a character is to the tokenizer. Scanning character codes against a table is several times
// faster than a Unicode regular expression over 40 MB of text.
const OTHER = 1;
const LETTER = 2;
const MARK = 3;
/** Ideographs and kana: scripts written without spaces, where each character is a word of its own. */
const UNSPACED = 4;
const kinds = new Uint8Array(0x10000);
for (let code = 0; code < 128; code++) {
  const letter =
    (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  kinds[code] = letter ? LETTER : OTHER;
}
const UNSPACED_CHAR = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u;
const MARK_CHAR = /^\p{M}$/u;
const LETTER_CHAR = /^[\p{L}\p{N}]$/u;

function classify(char: string): number {
  if (UNSPACED_CHAR.test(char)) return UNSPACED;
  if (MARK_CHAR.test(char)) return MARK;
  return LETTER_CHAR.test(char) ? LETTER : OTHER;
}

/** The kind of the character at `at` (a surrogate pair counts as one character, of two units). */
function kindAt(text: string, at: number): number {
  const code = text.charCodeAt(at);
  let kind = kinds[code]!;
  if (kind !== 0) return kind;
  if (code >= 0xd800 && code <= 0xdbff)
    return classify(String.fromCodePoint(text.codePointAt(at)!));
  kind = classify(text[at]!);
  // Lone surrogates are never cached: their kind depends on their neighbour.
  if (code < 0xdc00 || code > 0xdfff) kinds[code] = kind;
  return kind;
}

/** Whether the character at `at` carries on a word (a letter, digit or mark; not an ideograph). */
export function continuesWord(text: string, at: number): boolean {
  if (at < 0 || at >= text.length) return false;
  const code = text.charCodeAt(at);
  // The low half of a surrogate pair: its pair decides.
  if (code >= 0xdc00 && code <= 0xdfff && at > 0) return continuesWord(text, at - 1);
  const kind = code < 128 ? kinds[code]! : kindAt(text, at);
  return kind === LETTER || kind === MARK;
}

/** Whether the character at `at` is an ideograph or kana: a word on its own. */
export function standsAlone(text: string, at: number): boolean {
  return at < text.length && kindAt(text, at) === UNSPACED;
}

function widthAt(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xd800 && code <= 0xdbff && at + 1 < text.length ? 2 : 1;
}

/**
 * Calls `visit` for each word of `text`, in order: runs of letters, digits and their marks; each ideograph
 * or kana alone. Terms are folded (see foldWord).
 */
export function eachToken(text: string, visit: (start: number, end: number, term: string) => void) {
  scanWords(text, (start, end) => visit(start, end, text.slice(start, end).toLowerCase()), visit);
}

/**
 * The words of `text`, as eachToken reads them: ASCII words go to `plain` as bare positions (the index
 * looks them up without making a string), others to `other` with their folded term. A visitor that
 * returns true stops the scan; `from` starts it further on (at the start of a word).
 */
export function scanWords(
  text: string,
  plain: (start: number, end: number) => boolean | void,
  other: (start: number, end: number, term: string) => boolean | void,
  from = 0,
) {
  const length = text.length;
  let at = from;
  while (at < length) {
    const code = text.charCodeAt(at);
    const kind = code < 128 ? kinds[code]! : kindAt(text, at);
    if (kind !== LETTER && kind !== UNSPACED) {
      at += code < 128 ? 1 : widthAt(text, at);
      continue;
    }
    const start = at;
    let ascii = code < 128;
    at += ascii ? 1 : widthAt(text, at);
    if (kind === UNSPACED) {
      while (at < length && kindAt(text, at) === MARK) at += widthAt(text, at);
    } else {
      while (at < length) {
        const next = text.charCodeAt(at);
        if (next < 128) {
          if (kinds[next] !== LETTER) break;
          at += 1;
          continue;
        }
        const nextKind = kindAt(text, at);
        if (nextKind !== LETTER && nextKind !== MARK) break;
        ascii = false;
        at += widthAt(text, at);
      }
    }
    if (ascii) {
      if (plain(start, at) === true) return;
    } else {
      const term = foldWord(text.slice(start, at));
      if (term && other(start, at, term) === true) return;
    }
  }
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

// Markup a reader never sees; each pattern is linear (no nested quantifiers over the same characters), and
// runs only when the body holds the character it looks for.
const LINE_MARKUP =
  /^(?:\s*(?:```|~~~).*|\s{0,3}(?:[-*_]\s*){3,}|\s{0,3}#{1,6}\s+|\s{0,3}(?:>\s?)+|\s*(?:[-*+]|\d{1,9}[.)])\s+)/gm;
const LINE_MARKUP_HINT = /^\s*(?:[-*_+#>`~]|\d{1,9}[.)])/m;
const IMAGE_OR_LINK = /!?\[([^\]\n]*)\](?:\([^()\s]*(?:\s+"[^"\n]*")?\)|\[[^\]\n]*\])/g;
const AUTOLINK = /<((?:https?|mailto):[^<>\s]+)>/g;
const TAG = /<\/?[a-z][^<>\n]*>/gi;
const EMPHASIS = /\*+|~~|`+/g;
/** Underscores emphasise only at the edge of a word: snake_case keeps its own. */
const UNDERSCORES = /(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu;
const ESCAPE = /\\([\\`*_{}[\]()#+\-.!>~|])/g;

/**
 * A Markdown body as the words a reader sees: markup gone, link texts kept, paragraphs still apart by a
 * blank line. Spacing is left as it is (squeezing 40 MB of it costs seconds); snippets squeeze their own.
 * A body without markup is returned as it is, not copied.
 */
export function plainText(markdown: string): string {
  let text = markdown;
  if (LINE_MARKUP_HINT.test(text)) {
    // A list or quotation line that ends a paragraph's line keeps its words: markers only go.
    text = text.replace(LINE_MARKUP, (marker) => (/^\s*(?:```|~~~)/.test(marker) ? '' : ' '));
  }
  if (text.includes('[')) text = text.replace(IMAGE_OR_LINK, '$1');
  if (text.includes('<')) text = text.replace(AUTOLINK, '$1').replace(TAG, ' ');
  if (/[*~`]/.test(text)) text = text.replace(EMPHASIS, '');
  if (text.includes('_')) text = text.replace(UNDERSCORES, '');
  if (text.includes('\\')) text = text.replace(ESCAPE, '$1');
  return text;
}
