// The places a line may break in text: words, spaces and hard breaks, words split around wide (CJK)
// characters and after soft hyphens, words joined across a space a break must not split. Tokens are
// handed on one by one as they are found (no generators, no arrays of them): a 4 MB paragraph of CJK
// text is 1.4 million of them.
import { SOFT_HYPHEN } from './sanitize.js';
import { codePointWidth, graphemes, graphemeWidth, hasJoiners } from './text-width.js';
import { CLOSING, OPENING, SIMPLE_NARROW } from './wrap-simple.js';

/** A place in the text that wrapping treats as one: a word (or a piece of one), spaces, or a line break. */
export interface Token {
  start: number;
  end: number;
  width: number;
  kind: 'word' | 'space' | 'break';
  /**
   * A piece of a word that needed segmenting: the word's graphemes and the index of the piece's first,
   * kept so that cutting it does not segment it again.
   */
  graphemes?: { all: string[]; from: number };
  /** The word goes on after a soft hyphen: a line that ends here shows a hyphen, one column more. */
  hyphen?: boolean;
  /** For words joined across a space (keepMarksAttached): the tokens joined, to break after all if need be. */
  parts?: Token[];
}

/** Where a token goes next. */
export type TakeToken = (token: Token) => void;

/** Characters that must not begin a line (closing marks) or end one (opening marks) in CJK text. */
const NO_BREAK_BEFORE = new Set(
  '、。，．・：；！？）」』】〕〉》〗〙〛ー々〻ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ',
);
const NO_BREAK_AFTER = new Set('（「『【〔〈《〖〘〚');
// The same as UTF-16 units (all are in the first plane), for text scanned a code point at a time.
const NO_BREAK_BEFORE_UNITS = new Set([...NO_BREAK_BEFORE].map((mark) => mark.charCodeAt(0)));
const NO_BREAK_AFTER_UNITS = new Set([...NO_BREAK_AFTER].map((mark) => mark.charCodeAt(0)));

/**
 * The tokens of `text`, in order, each given to `take`: words joined to the next across a space where a
 * break would leave a line starting with a closing mark or ending with an opening one.
 */
export function eachToken(text: string, take: TakeToken): void {
  const joining = keepMarksAttached(text, take);
  tokenize(text, joining.take);
  joining.end();
}

/**
 * Joins a word to the next across a space where a break would leave a line starting with a closing mark
 * (French « oui », « non » !) or ending with an opening one: that space is not a place to break.
 */
function keepMarksAttached(text: string, take: TakeToken): { take: TakeToken; end: () => void } {
  let word: Token | undefined;
  let space: Token | undefined;
  const flush = () => {
    if (word) take(word);
    if (space) take(space);
    word = space = undefined;
  };
  return {
    take: (token) => {
      if (token.kind === 'word') {
        if (
          word &&
          space &&
          (OPENING.has(text[word.end - 1]!) || CLOSING.has(text[token.start]!))
        ) {
          // A joined word is made here and grows in place: copying its parts would be quadratic.
          if (word.parts) {
            word.end = token.end;
            word.width += space.width + token.width;
            word.hyphen = token.hyphen;
            word.parts.push(space, token);
          } else {
            word = {
              start: word.start,
              end: token.end,
              width: word.width + space.width + token.width,
              kind: 'word',
              hyphen: token.hyphen,
              parts: [word, space, token],
            };
          }
          space = undefined;
          return;
        }
        flush();
        word = token;
      } else if (token.kind === 'space' && word && !space) {
        space = token;
      } else {
        flush();
        take(token);
      }
    },
    end: flush,
  };
}

/**
 * Words, spaces and hard breaks; a word is split after its soft hyphens, and where a line may break
 * between wide characters.
 */
function tokenize(text: string, take: TakeToken): void {
  for (const match of text.matchAll(/\n| +|[^ \n]+/g)) {
    const value = match[0];
    const start = match.index;
    if (value === '\n') take({ start, end: start + 1, width: 0, kind: 'break' });
    else if (value[0] === ' ')
      take({ start, end: start + value.length, width: value.length, kind: 'space' });
    else if (!value.includes(SOFT_HYPHEN)) wordTokens(value, start, take);
    else softHyphenated(value, start, take);
  }
}

/** A word with soft hyphens: its parts, each with the soft hyphen after it, where the line may break. */
function softHyphenated(word: string, start: number, take: TakeToken): void {
  const parts = word.split(SOFT_HYPHEN);
  // Only a soft hyphen with more of the word after it is a place to break.
  const lastPart = parts.findLastIndex((part) => part !== '');
  let at = start;
  for (const [k, part] of parts.entries()) {
    const tokens: Token[] = [];
    wordTokens(part, at, (token) => tokens.push(token));
    const last = tokens.at(-1);
    if (last && k < parts.length - 1)
      Object.assign(last, { end: last.end + 1, hyphen: k < lastPart });
    tokens.forEach(take);
    at += part.length + 1;
  }
}

function wordTokens(word: string, start: number, take: TakeToken): void {
  if (word === '') return;
  if (SIMPLE_NARROW.test(word))
    take({ start, end: start + word.length, width: word.length, kind: 'word' });
  else if (!hasJoiners(word)) splitWideCodePoints(word, start, take);
  else splitWide(word, start, take);
}

/** A word split where a line may break between its graphemes: around wide ones, but for CJK's marks. */
function splitWide(word: string, start: number, take: TakeToken): void {
  const all = graphemes(word);
  let piece: Token = { start, end: start, width: 0, kind: 'word', graphemes: { all, from: 0 } };
  let previous = '';
  let previousWidth = 0;
  for (let k = 0; k < all.length; k++) {
    const grapheme = all[k]!;
    const width = graphemeWidth(grapheme);
    const breakable =
      piece.end > piece.start &&
      (width > 1 || previousWidth > 1) &&
      !NO_BREAK_BEFORE.has(grapheme) &&
      !NO_BREAK_AFTER.has(previous);
    if (breakable) {
      take(piece);
      piece = { start: piece.end, end: piece.end, width: 0, kind: 'word' };
      piece.graphemes = { all, from: k };
    }
    piece.end += grapheme.length;
    piece.width += width;
    previous = grapheme;
    previousWidth = width;
  }
  if (piece.end > piece.start) take(piece);
}

/**
 * splitWide for a word in which nothing joins (each code point is a grapheme, as in CJK text): scanned a
 * code point at a time, with no string made for each.
 */
function splitWideCodePoints(word: string, start: number, take: TakeToken): void {
  let pieceStart = 0;
  let pieceWidth = 0;
  let previous = -1;
  let previousWidth = 0;
  for (let at = 0; at < word.length;) {
    const code = word.codePointAt(at)!;
    const width = codePointWidth(code);
    if (
      at > pieceStart &&
      (width > 1 || previousWidth > 1) &&
      !NO_BREAK_BEFORE_UNITS.has(code) &&
      !NO_BREAK_AFTER_UNITS.has(previous)
    ) {
      take({ start: start + pieceStart, end: start + at, width: pieceWidth, kind: 'word' });
      pieceStart = at;
      pieceWidth = 0;
    }
    pieceWidth += width;
    previous = code;
    previousWidth = width;
    at += code > 0xffff ? 2 : 1;
  }
  if (word.length > pieceStart) {
    take({ start: start + pieceStart, end: start + word.length, width: pieceWidth, kind: 'word' });
  }
}

/** The graphemes of a word token. */
export function* tokenGraphemes(text: string, token: Token): Generator<string> {
  if (!token.graphemes) {
    yield* graphemes(text.slice(token.start, token.end));
    return;
  }
  const { all, from } = token.graphemes;
  for (let k = from, at = token.start; at < token.end; k++) {
    // A token can end past its word's graphemes: on the soft hyphen after it.
    if (k === all.length) {
      yield text.slice(at, token.end);
      return;
    }
    yield all[k]!;
    at += all[k]!.length;
  }
}
