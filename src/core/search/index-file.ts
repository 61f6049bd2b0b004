// The search index as bytes, to be saved and read back at the next start instead of built again: a few
// counts, then sections (texts joined by NUL, typed arrays), each 8-byte aligned so that reading them
// back is a view, not a copy. The header, the texts (the articles', the terms) and the fingerprints come
// first, and are copied out: a reader may hold them in a buffer of their own, let go once decoded.
// Anything that does not add up is an error: the caller builds anew.
import { documentFrequency, type IndexedDocument, type SearchIndex } from './build-index.js';
import { Vocabulary } from './vocabulary.js';

/** Bumped whenever the layout or what the index means (tokenizing, folding, scoring) changes. */
export const INDEX_FORMAT = 1;

/** What identifies each document's file as it was indexed: a file still of this size and time is unchanged. */
export interface Fingerprints {
  sizes: Float64Array;
  mtimes: Float64Array;
}

const FIELDS_PER_DOC = 6;
const SECTIONS = 17;
/** The counts and each section's length, first. */
export const HEADER_BYTES = 8 * (3 + SECTIONS);
/** The sections decodeIndex copies out rather than views: the articles' texts, their fingerprints, the terms. */
const COPIED_SECTIONS = 4;

/** The index and its documents' fingerprints as byte chunks, to be written one after another. */
export function encodeIndex(index: SearchIndex, fingerprints: Fingerprints): Uint8Array[] {
  const { docs, vocabulary, body } = index;
  const { sortedIds, grams } = vocabulary.sealed();
  const encoder = new TextEncoder();
  const docText = docs
    .map((doc) =>
      [doc.id, doc.title, doc.author, doc.source, doc.tags, doc.path].map(noNul).join('\0'),
    )
    .join('\0');
  const sections: ArrayBufferView[] = [
    encoder.encode(docText),
    fingerprints.sizes,
    fingerprints.mtimes,
    encoder.encode(vocabulary.terms.join('\0')),
    sortedIds,
    grams.keys,
    grams.start,
    grams.ids,
    body.start,
    body.byteStart,
    body.bytes,
    body.counts,
    index.fieldStart,
    index.fieldDocs,
    index.fieldMasks,
    index.dropped ?? new Uint8Array(docs.length),
    new Uint8Array(0),
  ];
  const header = new Float64Array(3 + SECTIONS);
  header[0] = docs.length;
  header[1] = vocabulary.terms.length;
  header[2] = SECTIONS;
  sections.forEach((section, k) => (header[3 + k] = section.byteLength));
  const chunks: Uint8Array[] = [new Uint8Array(header.buffer)];
  for (const section of sections) {
    // Empty sections are left out (a checksum of an empty buffer can come out wrong).
    if (section.byteLength > 0) {
      chunks.push(new Uint8Array(section.buffer, section.byteOffset, section.byteLength));
    }
    const pad = padded(section.byteLength) - section.byteLength;
    if (pad > 0) chunks.push(new Uint8Array(pad));
  }
  return chunks;
}

/**
 * How many of an encoded index's bytes decodeIndex copies out (its header, texts and fingerprints),
 * from its first HEADER_BYTES; throws when they are not an index's header.
 */
export function copiedLength(head: Uint8Array): number {
  if (head.byteLength < HEADER_BYTES) throw new Error('too short for an index');
  const header = headerOf(head);
  let at = HEADER_BYTES;
  for (let section = 0; section < COPIED_SECTIONS; section++) {
    const length = header[3 + section]!;
    if (!Number.isInteger(length) || length < 0)
      throw new Error('a section of the index is cut short');
    at += padded(length);
  }
  return at;
}

/**
 * The index that encodeIndex wrote, as `copied` (its first copiedLength bytes) and `viewed` (the rest),
 * both starting 8-byte aligned: its typed arrays view `viewed`, and nothing holds `copied`. Throws when
 * the bytes are not such an index. Its texts (textOf) are for the caller to provide.
 */
export function decodeIndex(
  copied: Uint8Array,
  viewed: Uint8Array,
): { index: SearchIndex; fingerprints: Fingerprints } {
  if (copied.byteOffset % 8 !== 0 || viewed.byteOffset % 8 !== 0) {
    throw new Error('the index bytes are not aligned');
  }
  if (copied.byteLength !== copiedLength(copied.subarray(0, HEADER_BYTES))) {
    throw new Error('the index is not parted where its texts end');
  }
  const header = headerOf(copied);
  const docCount = header[0]!;
  const termCount = header[1]!;
  // Where the next section starts, in `copied` and then in `viewed`.
  let at = HEADER_BYTES;
  let section = 0;
  const next = <T>(
    make: (buffer: ArrayBufferLike, offset: number, length: number) => T,
    unit: number,
  ): T => {
    const k = section++;
    const part = k < COPIED_SECTIONS ? copied : viewed;
    // The first section of `viewed` starts it.
    if (k === COPIED_SECTIONS) at = 0;
    const length = header[3 + k]!;
    if (
      !Number.isInteger(length) ||
      length < 0 ||
      length % unit !== 0 ||
      at + length > part.byteLength
    ) {
      throw new Error('a section of the index is cut short');
    }
    const view = make(part.buffer, part.byteOffset + at, length / unit);
    at += padded(length);
    return view;
  };
  const u8 = () => next((buffer, offset, length) => new Uint8Array(buffer, offset, length), 1);
  const i32 = () => next((buffer, offset, length) => new Int32Array(buffer, offset, length), 4);
  const f64 = () => next((buffer, offset, length) => new Float64Array(buffer, offset, length), 8);
  const decoder = new TextDecoder('utf-8', { fatal: true });

  const docText = decoder.decode(u8());
  const sizes = f64().slice();
  const mtimes = f64().slice();
  const terms = termCount === 0 ? [] : decoder.decode(u8()).split('\0');
  if (termCount === 0) u8();
  const sortedIds = i32();
  const grams = { keys: f64(), start: i32(), ids: i32() };
  const body = { start: i32(), byteStart: i32(), bytes: u8(), counts: u8() };
  const fieldStart = i32();
  const fieldDocs = i32();
  const fieldMasks = u8();
  const dropped = u8();
  u8();
  if (at !== viewed.byteLength) throw new Error('the index has bytes past its end');

  const fields = docCount === 0 ? [] : docText.split('\0');
  if (fields.length !== docCount * FIELDS_PER_DOC) throw new Error('the documents do not add up');
  if (terms.length !== termCount) throw new Error('the terms do not add up');
  if (sizes.length !== docCount || mtimes.length !== docCount || dropped.length !== docCount) {
    throw new Error('the fingerprints do not add up');
  }
  checkStarts(grams.start, grams.keys.length, grams.ids.length);
  checkStarts(body.start, termCount, body.counts.length);
  checkStarts(body.byteStart, termCount, body.bytes.length);
  checkStarts(fieldStart, termCount, fieldDocs.length);
  if (fieldMasks.length !== fieldDocs.length) throw new Error('the field postings do not add up');
  for (const doc of fieldDocs)
    if (doc < 0 || doc >= docCount) throw new Error('a posting is out of range');

  const docs: IndexedDocument[] = [];
  for (let doc = 0; doc < docCount; doc++) {
    const [id, title, author, source, tags, path] = fields.slice(
      doc * FIELDS_PER_DOC,
      (doc + 1) * FIELDS_PER_DOC,
    ) as [string, string, string, string, string, string];
    docs.push({ id, title, author, source, tags, path });
  }
  const index: SearchIndex = {
    docs,
    // Replaced below, once the postings it is sealed with are in place.
    vocabulary: new Vocabulary(),
    body,
    fieldStart,
    fieldDocs,
    fieldMasks,
    order: Int32Array.from(docs, (_doc, k) => k),
    dropped: dropped.some((flag) => flag !== 0) ? Uint8Array.from(dropped) : null,
    textOf: () => null,
  };
  index.vocabulary = Vocabulary.restore(terms, sortedIds, grams, documentFrequency(index));
  return { index, fingerprints: { sizes, mtimes } };
}

/** The counts and section lengths at the start of `bytes` (aligned, at least HEADER_BYTES long). */
function headerOf(bytes: Uint8Array): Float64Array {
  const header = new Float64Array(bytes.buffer, bytes.byteOffset, 3 + SECTIONS);
  if (header[2] !== SECTIONS) throw new Error('not this version of the index');
  return header;
}

/** A section's length with the padding after it (sections start 8-byte aligned). */
function padded(length: number): number {
  return length + ((8 - (length % 8)) % 8);
}

/** A start array: from 0, never decreasing, ending at the length of what it indexes. */
function checkStarts(start: Int32Array, count: number, total: number): void {
  if (start.length !== count + 1 || start[0] !== 0 || start[count] !== total) {
    throw new Error('the postings do not add up');
  }
  for (let at = 0; at < count; at++) {
    if (start[at + 1]! < start[at]!) throw new Error('the postings do not add up');
  }
}

/** A text without NUL, which parts the saved texts (sanitized text holds none; this is a guard). */
function noNul(text: string): string {
  return text.includes('\0') ? text.replaceAll('\0', '') : text;
}
