// Compact postings: per term, the documents holding it as gaps in variable-length bytes (a gap under 128
// takes one byte, and most do), beside how often it occurs in each (a byte, capped). A fifth of the size
// of plain 32-bit document numbers and 16-bit counts, which matters at 100,000 articles.

/** How often a term occurs in a document, at most: past it, a count says little more to the score. */
export const MAX_COUNT = 255;

/** Per term t: postings start[t] .. start[t + 1]), their bytes from byteStart[t], counts by posting. */
export interface Postings {
  start: Int32Array;
  byteStart: Int32Array;
  bytes: Uint8Array;
  counts: Uint8Array;
}

/** Calls `visit` with each document holding term `term` (ascending) and how often. */
export function eachPosting(
  postings: Postings,
  term: number,
  visit: (doc: number, count: number) => void,
): void {
  const { start, byteStart, bytes, counts } = postings;
  let at = byteStart[term]!;
  let doc = -1;
  for (let k = start[term]!; k < start[term + 1]!; k++) {
    let byte = bytes[at++]!;
    let gap = byte & 127;
    for (let shift = 7; byte & 128; shift += 7) {
      byte = bytes[at++]!;
      gap |= (byte & 127) << shift;
    }
    doc += gap;
    visit(doc, counts[k]!);
  }
}

/** Bytes a gap takes. */
export function gapBytes(gap: number): number {
  return gap < 0x80 ? 1 : gap < 0x4000 ? 2 : gap < 0x200000 ? 3 : gap < 0x10000000 ? 4 : 5;
}

/** Writes `gap` at `at`; returns where the next one goes. */
export function writeGap(bytes: Uint8Array, at: number, gap: number): number {
  let rest = gap;
  while (rest >= 0x80) {
    bytes[at++] = (rest & 127) | 128;
    rest >>>= 7;
  }
  bytes[at++] = rest;
  return at;
}

/**
 * Postings from (term, doc, count) triples in document order (each document's terms together): a
 * counting pass sizes each term's run, a second fills it.
 */
export function encodePostings(
  termCount: number,
  terms: Int32Array,
  docs: Int32Array,
  counts: Int32Array,
): Postings {
  const start = new Int32Array(termCount + 1);
  const byteStart = new Int32Array(termCount + 1);
  const last = new Int32Array(termCount).fill(-1);
  for (let at = 0; at < terms.length; at++) {
    const term = terms[at]!;
    start[term + 1]! += 1;
    byteStart[term + 1]! += gapBytes(docs[at]! - last[term]!);
    last[term] = docs[at]!;
  }
  for (let term = 0; term < termCount; term++) {
    start[term + 1]! += start[term]!;
    byteStart[term + 1]! += byteStart[term]!;
  }
  const bytes = new Uint8Array(byteStart[termCount]!);
  const outCounts = new Uint8Array(start[termCount]!);
  const next = start.slice(0, termCount);
  const nextByte = byteStart.slice(0, termCount);
  last.fill(-1);
  for (let at = 0; at < terms.length; at++) {
    const term = terms[at]!;
    nextByte[term] = writeGap(bytes, nextByte[term]!, docs[at]! - last[term]!);
    last[term] = docs[at]!;
    outCounts[next[term]!++] = Math.min(counts[at]!, MAX_COUNT);
  }
  return { start, byteStart, bytes, counts: outCounts };
}

/** An Int32Array that doubles as it fills. */
export class Growable {
  private data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  /** Adds `amount` to the value at `at`. */
  addAt(at: number, amount: number): void {
    this.data[at]! += amount;
  }

  /** The values, trimmed to their length. */
  done(): Int32Array {
    return this.data.slice(0, this.length);
  }
}
