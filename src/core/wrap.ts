// Wrapping styled text to a width in terminal columns: where lines may break, how long words are cut,
// how indentation prefixes give way on narrow screens.
import type { Line, Segment } from './layout.js';
import { SOFT_HYPHEN } from './sanitize.js';
import { graphemes, graphemeWidth, textWidth } from './text-width.js';
import { CLOSING, OPENING, SIMPLE_NARROW, simpleLineRanges } from './wrap-simple.js';

/** Columns kept for text however deep quotes and lists nest: ten, or half of a narrow width. */
const MIN_TEXT_COLUMNS = 10;

interface Token {
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

/** Wraps styled pieces into lines: breaks at spaces and around wide (CJK) characters, a too-long word is cut. */
export function wrap(
  pieces: readonly Segment[],
  width: number,
  first: Segment[],
  rest: Segment[],
  block: number,
  out: Line[],
): void {
  const text = pieces.map((piece) => piece.text).join('');
  const firstPrefix = fitPrefix(first, width);
  // Most text of a table cell, a heading or a list item fits its line as it is: no need to find breaks.
  if (fitsAsItIs(text, width - segmentsWidth(firstPrefix))) {
    out.push({
      segments: [...firstPrefix, ...pieces.filter((piece) => piece.text !== '')],
      block,
    });
    return;
  }
  const restPrefix = fitPrefix(rest, width);
  const firstRoom = width - segmentsWidth(firstPrefix);
  const restRoom = width - segmentsWidth(restPrefix);
  // Narrow text of one column a character, the most common, is wrapped by scanning it.
  const ranges = SIMPLE_NARROW.test(text)
    ? simpleLineRanges(text, firstRoom, restRoom)
    : lineRanges(text, firstRoom, restRoom);

  const slice = pieceSlicer(pieces);
  const hasSoftHyphens = text.includes(SOFT_HYPHEN);
  ranges.forEach(([start, end, atHyphen], k) => {
    let segments = slice(start, end);
    if (hasSoftHyphens && segments.some((segment) => segment.text.includes(SOFT_HYPHEN))) {
      segments = softHyphens(segments, atHyphen);
    }
    const line: Line = { segments: [...(k === 0 ? firstPrefix : restPrefix), ...segments], block };
    // Nothing between this line and the last: the break cut a word, or fell after a hyphen.
    if (k > 0 && start === ranges[k - 1]![1]) line.joinsWord = true;
    out.push(line);
  });
}

/**
 * Where each line starts and ends in the text, and whether it ends at a soft hyphen: the first line
 * `firstRoom` columns wide, the others `restRoom`.
 */
export function lineRanges(
  text: string,
  firstRoom: number,
  restRoom: number,
): Array<[number, number, boolean]> {
  // Where each line starts and ends in the text, and whether it ends at a soft hyphen.
  const ranges: Array<[number, number, boolean]> = [];
  let lineStart = -1;
  let lineEnd = -1;
  let used = 0;
  let hyphen = false;
  const room = () => (ranges.length === 0 ? firstRoom : restRoom);
  const endLine = (atHyphen = false) => {
    ranges.push(lineStart < 0 ? [0, 0, false] : [lineStart, lineEnd, atHyphen]);
    lineStart = -1;
    used = 0;
  };
  const place = (token: Token, gap: number) => {
    if (lineStart < 0) lineStart = token.start;
    lineEnd = token.end;
    used += gap + token.width;
    hyphen = token.hyphen === true;
  };
  // A piece before a soft hyphen needs room for the hyphen, in case the line ends after it.
  const fits = (token: Token, gap: number) =>
    used + gap + token.width + (token.hyphen ? 1 : 0) <= room();

  let gap = 0;
  const take = (token: Token) => {
    if (token.kind === 'break') {
      endLine();
      gap = 0;
    } else if (token.kind === 'space') {
      gap = lineStart < 0 ? 0 : token.width;
    } else if (fits(token, gap)) {
      place(token, gap);
      gap = 0;
    } else if (token.parts && token.width > room()) {
      // Joined words that no line can hold: the spaces between them are places to break after all.
      token.parts.forEach(take);
    } else {
      if (lineStart >= 0) endLine(hyphen && gap === 0);
      gap = 0;
      if (fits(token, 0)) place(token, 0);
      else {
        for (const chunk of cutWord(text, token, room(), restRoom)) {
          if (lineStart >= 0) endLine();
          place(chunk, 0);
        }
      }
    }
  };
  for (const token of keepMarksAttached(tokenize(text), text)) take(token);
  if (lineStart >= 0 || ranges.length === 0) endLine();

  return ranges;
}

/** Text that wrapping would leave as one line as it is: narrow, short enough, no spaces at its ends. */
function fitsAsItIs(text: string, room: number): boolean {
  return (
    text.length <= room &&
    (text === '' || (text[0] !== ' ' && text.at(-1) !== ' ' && SIMPLE_NARROW.test(text)))
  );
}

/** Characters that must not begin a line (closing marks) or end one (opening marks) in CJK text. */
const NO_BREAK_BEFORE = new Set(
  '、。，．・：；！？）」』】〕〉》〗〙〛ー々〻ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ',
);
const NO_BREAK_AFTER = new Set('（「『【〔〈《〖〘〚');

/**
 * Joins a word to the next across a space where a break would leave a line starting with a closing mark
 * (French « oui », « non » !) or ending with an opening one: that space is not a place to break.
 */
function* keepMarksAttached(tokens: Iterable<Token>, text: string): Generator<Token> {
  let word: Token | undefined;
  let space: Token | undefined;
  const flush = function* () {
    if (word) yield word;
    if (space) yield space;
    word = space = undefined;
  };
  for (const token of tokens) {
    if (token.kind === 'word') {
      if (word && space && (OPENING.has(text[word.end - 1]!) || CLOSING.has(text[token.start]!))) {
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
        continue;
      }
      yield* flush();
      word = token;
    } else if (token.kind === 'space' && word && !space) {
      space = token;
    } else {
      yield* flush();
      yield token;
    }
  }
  yield* flush();
}

/**
 * Words, spaces and hard breaks; a word is split after its soft hyphens, and where a line may break
 * between wide characters.
 */
function* tokenize(text: string): Generator<Token> {
  for (const match of text.matchAll(/\n| +|[^ \n]+/g)) {
    const value = match[0];
    const start = match.index;
    if (value === '\n') yield { start, end: start + 1, width: 0, kind: 'break' };
    else if (value[0] === ' ')
      yield { start, end: start + value.length, width: value.length, kind: 'space' };
    else if (!value.includes(SOFT_HYPHEN)) yield* wordTokens(value, start);
    else yield* softHyphenated(value, start);
  }
}

/** A word with soft hyphens: its parts, each with the soft hyphen after it, where the line may break. */
function* softHyphenated(word: string, start: number): Generator<Token> {
  const parts = word.split(SOFT_HYPHEN);
  // Only a soft hyphen with more of the word after it is a place to break.
  const lastPart = parts.findLastIndex((part) => part !== '');
  let at = start;
  for (const [k, part] of parts.entries()) {
    const tokens = [...wordTokens(part, at)];
    const last = tokens.at(-1);
    if (last && k < parts.length - 1)
      Object.assign(last, { end: last.end + 1, hyphen: k < lastPart });
    yield* tokens;
    at += part.length + 1;
  }
}

function* wordTokens(word: string, start: number): Generator<Token> {
  if (word === '') return;
  if (SIMPLE_NARROW.test(word))
    yield { start, end: start + word.length, width: word.length, kind: 'word' };
  else yield* splitWide(word, start);
}

/**
 * A line's soft hyphens, which terminals disagree on: dropped, but for one where the line breaks, drawn as a
 * hyphen in the style of the text before it.
 */
function softHyphens(segments: Segment[], atHyphen: boolean): Segment[] {
  const out = segments
    .map((segment) => ({ ...segment, text: segment.text.replaceAll(SOFT_HYPHEN, '') }))
    .filter((segment) => segment.text !== '');
  const last = out.at(-1);
  if (atHyphen && last) out[out.length - 1] = { ...last, text: last.text + '-' };
  return out;
}

function* splitWide(word: string, start: number): Generator<Token> {
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
      yield piece;
      piece = { start: piece.end, end: piece.end, width: 0, kind: 'word' };
      piece.graphemes = { all, from: k };
    }
    piece.end += grapheme.length;
    piece.width += width;
    previous = grapheme;
    previousWidth = width;
  }
  if (piece.end > piece.start) yield piece;
}

/** The graphemes of a word token. */
function* tokenGraphemes(text: string, token: Token): Generator<string> {
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

/**
 * A word too long for any line, cut into pieces that each fill a line: the first `first` columns wide (the
 * line it starts on), the others `later`.
 */
function* cutWord(text: string, token: Token, first: number, later: number): Generator<Token> {
  if (!token.graphemes && token.width === token.end - token.start) {
    const word = text.slice(token.start, token.end);
    if (SIMPLE_NARROW.test(word)) {
      // One column a character: a long word (a 4 MB token) is cut by counting, never segmented.
      for (let at = token.start; at < token.end;) {
        const end = Math.min(token.end, at + Math.max(1, at === token.start ? first : later));
        yield { start: at, end, width: end - at, kind: 'word' };
        at = end;
      }
      return;
    }
  }
  let piece: Token = { start: token.start, end: token.start, width: 0, kind: 'word' };
  let room = first;
  for (const grapheme of tokenGraphemes(text, token)) {
    const width = graphemeWidth(grapheme);
    if (piece.width + width > room && piece.end > piece.start) {
      yield piece;
      piece = { start: piece.end, end: piece.end, width: 0, kind: 'word' };
      room = later;
    }
    piece.end += grapheme.length;
    piece.width += width;
  }
  if (piece.end > piece.start) yield piece;
}

/** A line of code cut to `width` columns, spaces kept. */
export function hardWrap(line: string, width: number): string[] {
  if (SIMPLE_NARROW.test(line)) {
    // One column a character: cut by counting, never segmented.
    const step = Math.max(1, width);
    const cut: string[] = [];
    for (let at = 0; at < line.length; at += step) cut.push(line.slice(at, at + step));
    return cut.length > 0 ? cut : [''];
  }
  const chunks: string[] = [];
  let chunk = '';
  let used = 0;
  for (const grapheme of graphemes(line)) {
    const w = graphemeWidth(grapheme);
    if (used + w > width && chunk) {
      chunks.push(chunk);
      chunk = '';
      used = 0;
    }
    chunk += grapheme;
    used += w;
  }
  chunks.push(chunk);
  return chunks;
}

/** Cuts `pieces` between text offsets; calls must come in text order, so each piece is visited once. */
function pieceSlicer(pieces: readonly Segment[]): (start: number, end: number) => Segment[] {
  let index = 0;
  let offset = 0; // where pieces[index] starts in the text
  return (start, end) => {
    while (index < pieces.length && offset + pieces[index]!.text.length <= start) {
      offset += pieces[index]!.text.length;
      index += 1;
    }
    const out: Segment[] = [];
    for (
      let k = index, at = offset;
      k < pieces.length && at < end;
      at += pieces[k]!.text.length, k++
    ) {
      const piece = pieces[k]!;
      const from = Math.max(start, at);
      const to = Math.min(end, at + piece.text.length);
      if (from >= to) continue;
      const style =
        from > at && piece.style.opensQuote ? { ...piece.style, opensQuote: false } : piece.style;
      out.push({ text: piece.text.slice(from - at, to - at), style });
    }
    return out;
  };
}

/**
 * A prefix (bars, bullets, indentation) that leaves the text its room: the outermost parts give way first,
 * so the innermost bar or bullet stays; one still too wide keeps its last columns.
 */
export function fitPrefix(prefix: Segment[], width: number): Segment[] {
  // Text keeps ten columns, or half a narrow width, and never less than one wide character.
  const max =
    width - Math.min(width, Math.max(2, Math.min(MIN_TEXT_COLUMNS, Math.ceil(width / 2))));
  let total = segmentsWidth(prefix);
  let first = 0;
  while (total > max && first < prefix.length - 1) total -= textWidth(prefix[first++]!.text);
  const kept = prefix.slice(first);
  if (total <= max) return kept;
  const only = kept[0]!; // prefix characters are one column each
  return max > 0 ? [{ ...only, text: only.text.slice(only.text.length - max) }] : [];
}

/** A blank line's prefix without the spaces at its end. */
export function trimEnd(segments: Segment[]): Segment[] {
  const out = [...segments];
  while (out.length > 0) {
    const last = out.at(-1)!;
    const text = last.text.trimEnd();
    if (text !== '') {
      out[out.length - 1] = { ...last, text };
      break;
    }
    out.pop();
  }
  return out;
}

export function segmentsWidth(segments: readonly Segment[]): number {
  return segments.reduce((sum, segment) => sum + textWidth(segment.text), 0);
}
