// What a hit shows: the characters of a field that matched, and a snippet of the body around its best
// match, found from the indexed positions and cut at word boundaries.
import type { TextRange } from './fold.js';
import type { SearchIndex } from './build-index.js';
import { FIELD_BITS } from './build-index.js';
import { eachToken, unfoldInWord } from './tokenize.js';
import type { Snippet } from './types.js';

/** A term a query matched: which of its characters, in which fields, for which query words (bits). */
export interface MatchedTerm {
  ranges: Array<[number, number]>;
  fields: number;
  words: number;
}

/** Everything a query matched, by term id. */
export type MatchedTerms = Map<number, MatchedTerm>;

/** How far a snippet reaches before and after its match, in characters. */
const BEFORE = 50;
const LENGTH = 150;
const MAX_POSITIONS = 48;
/** Matches this many words apart still count as one passage. */
const PASSAGE = 16;

/** Ranges of `text` (a field as shown) whose words matched, and the folded words that did. */
export function fieldRanges(
  index: SearchIndex,
  text: string,
  field: number,
  matched: MatchedTerms,
  terms: Set<string>,
  offset = 0,
): TextRange[] {
  const ranges: TextRange[] = [];
  eachToken(text, (start, end, term) => {
    const match = matched.get(index.vocabulary.idOf(term));
    if (!match || (match.fields & field) === 0) return;
    terms.add(term);
    const word = text.slice(start, end);
    for (const [from, to] of match.ranges) {
      const [a, b] = unfoldInWord(word, from, to);
      ranges.push({ start: offset + start + a, end: offset + start + b });
    }
  });
  return merge(ranges);
}

/**
 * The body's best passage (the most query words close together, the first such), cut at word boundaries
 * within its paragraph, with `…` where it was cut. Null when the body did not match.
 */
export function bodySnippet(
  index: SearchIndex,
  doc: number,
  wordMasks: Int32Array,
  matched: MatchedTerms,
  terms: Set<string>,
): Snippet | null {
  const { tokenStart, tokenTerms, tokenOffsets } = index;
  const positions: number[] = [];
  const masks: number[] = [];
  for (let at = tokenStart[doc]!; at < tokenStart[doc + 1]!; at++) {
    const mask = wordMasks[tokenTerms[at]!]!;
    if (mask === 0) continue;
    positions.push(at);
    masks.push(mask);
    // The best passage is nearly always among the first matches; a word of one letter matches hundreds.
    if (positions.length === MAX_POSITIONS) break;
  }
  if (positions.length === 0) return null;
  let best = 0;
  let bestCount = 0;
  for (let first = 0; first < positions.length; first++) {
    let union = 0;
    for (let k = first; k < positions.length && positions[k]! - positions[first]! < PASSAGE; k++) {
      union |= masks[k]!;
    }
    const count = bitCount(union);
    if (count > bestCount) {
      best = first;
      bestCount = count;
    }
  }
  const text = index.docs[doc]!.text;
  const at = tokenOffsets[positions[best]!]!;
  const { start: paragraphStart, end: paragraphEnd } = paragraphAround(text, at);
  // A short paragraph is shown whole; near its end, the window reaches back further.
  let start = Math.max(paragraphStart, Math.min(at - BEFORE, paragraphEnd - LENGTH));
  if (start > paragraphStart) start = wordStartAfter(text, start, at);
  let end = Math.min(paragraphEnd, start + LENGTH);
  if (end < paragraphEnd) end = wordEndBefore(text, end, at);
  const lead = start > paragraphStart ? '…' : '';
  const body = text.slice(start, end).replace(/\s+/g, ' ');
  const ranges = fieldRanges(index, body, FIELD_BITS.body, matched, terms, lead.length);
  return { text: lead + body + (end < paragraphEnd ? '…' : ''), ranges };
}

/** The paragraph holding character `at`: blank lines part paragraphs; spaces at its edges are left out. */
function paragraphAround(text: string, at: number): TextRange {
  const before = text.lastIndexOf('\n\n', at);
  const after = text.indexOf('\n\n', at);
  let start = before === -1 ? 0 : before + 2;
  let end = after === -1 ? text.length : after;
  while (end > start && /\s/.test(text[end - 1]!)) end -= 1;
  while (start < end && /\s/.test(text[start]!)) start += 1;
  return { start, end };
}

/** Where a snippet may start at or after `from`: after a space, else (text without spaces) at `from`. */
function wordStartAfter(text: string, from: number, limit: number): number {
  const space = text.slice(from, limit).search(/\s/);
  if (space !== -1) return from + space + 1;
  return isLowSurrogate(text, from) ? from + 1 : from;
}

/** Where a snippet may end at or before `to`, past `after`: at a space, else (no spaces) at `to`. */
function wordEndBefore(text: string, to: number, after: number): number {
  const tail = text.slice(after, to + 1);
  const space = Math.max(tail.lastIndexOf(' '), tail.lastIndexOf('\n'));
  if (space > 0) return after + space;
  return isLowSurrogate(text, to) ? to - 1 : to;
}

function isLowSurrogate(text: string, at: number): boolean {
  const unit = text.charCodeAt(at);
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** Ranges in order, overlapping or touching ones joined. */
function merge(ranges: TextRange[]): TextRange[] {
  if (ranges.length < 2) return ranges;
  ranges.sort((a, b) => a.start - b.start);
  const out: TextRange[] = [ranges[0]!];
  for (const range of ranges.slice(1)) {
    const last = out.at(-1)!;
    if (range.start <= last.end) last.end = Math.max(last.end, range.end);
    else out.push(range);
  }
  return out;
}

function bitCount(mask: number): number {
  let count = 0;
  for (let bits = mask; bits !== 0; bits &= bits - 1) count += 1;
  return count;
}
