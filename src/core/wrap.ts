// Wrapping styled text to a width in terminal columns: where lines may break, how long words are cut,
// how indentation prefixes give way on narrow screens.
import type { Line, Segment } from './layout.js';
import { SOFT_HYPHEN } from './sanitize.js';
import { graphemes, graphemeWidth, textWidth } from './text-width.js';
import { SIMPLE_NARROW, simpleLineRanges } from './wrap-simple.js';
import { eachToken, tokenGraphemes, type Token } from './wrap-tokens.js';

/** Columns kept for text however deep quotes and lists nest: ten, or half of a narrow width. */
const MIN_TEXT_COLUMNS = 10;

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
  eachToken(text, take);
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
