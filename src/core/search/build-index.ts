// Building the search index: per term, the articles whose body holds it (how often, as compact postings)
// and the articles whose short fields hold it (which fields). Bodies are read once and let go: snippets
// re-read the few articles shown (textOf), so a library of 100,000 articles fits in a few hundred MB.
import { eachToken, plainText, scanWords } from './tokenize.js';
import { encodePostings, Growable, type Postings } from './postings.js';
import { Vocabulary } from './vocabulary.js';

/** What the index needs of an article (a structured-clone-friendly subset of the article model). */
export interface SearchDocument {
  id: string;
  title: string;
  author: string | null;
  source: string | null;
  tags: readonly string[];
  /** The Markdown body. */
  body: string;
  /** The file it came from, when there is one. */
  path?: string;
}

/** An article as the index keeps it: the short texts that highlights are cut from, and its file. */
export interface IndexedDocument {
  id: string;
  title: string;
  author: string;
  source: string;
  /** The tags joined with ", ", as the views show them. */
  tags: string;
  /** The file the body is read from again for a snippet ('' when it has none). */
  path: string;
}

/** Short fields, as bits of a mask. */
export const FIELD_BITS = { title: 1, author: 2, source: 4, tags: 8, body: 16 } as const;
export const SHORT_FIELDS = ['title', 'author', 'source', 'tags'] as const;

/** The index: documents in the order given (the list's date order breaks ties), and their terms. */
export interface SearchIndex {
  docs: IndexedDocument[];
  vocabulary: Vocabulary;
  /** Documents whose body holds term t, with how often. */
  body: Postings;
  /** Documents whose short fields hold term t: fieldDocs[fieldStart[t] .. fieldStart[t + 1]), with a mask of which (FIELD_BITS). */
  fieldStart: Int32Array;
  fieldDocs: Int32Array;
  fieldMasks: Uint8Array;
  /** Per document, its place in the library's order (newest first), which breaks ties in ranking. */
  order: Int32Array;
  /** Documents no longer in the library (removed or changed since the index was built), or null. */
  dropped: Uint8Array | null;
  /** A document's body as plain text (see plainText), for its snippet; null when it cannot be had. */
  textOf: (doc: number) => string | null;
}

const NO_TEXT = () => null;

/** Adds documents one at a time, then seals. */
export class IndexBuilder {
  private readonly vocabulary: Vocabulary;
  private readonly docs: IndexedDocument[] = [];
  private readonly texts: string[] | null;
  private readonly postingTerms = new Growable();
  private readonly postingDocs = new Growable();
  private readonly postingCounts = new Growable();
  private readonly fieldTerms = new Growable(256);
  private readonly fieldDocs = new Growable(256);
  private readonly fieldMasks = new Growable(256);
  /** Per term: 1 + the last document that held it, and where its count is, for counting a body's words. */
  private seenIn = new Int32Array(1024);
  private slotOf = new Int32Array(1024);

  /**
   * `keepTexts`: hold every body's plain text, for snippets without reading files (small libraries,
   * tests). `vocabulary`: one shared by the parts of a large build, merged at its end (see seal).
   */
  constructor(options: { keepTexts?: boolean; vocabulary?: Vocabulary } = {}) {
    this.texts = options.keepTexts ? [] : null;
    this.vocabulary = options.vocabulary ?? new Vocabulary();
  }

  add(document: SearchDocument): void {
    const doc = this.docs.length;
    const indexed: IndexedDocument = {
      id: document.id,
      title: document.title,
      author: document.author ?? '',
      source: document.source ?? '',
      tags: document.tags.join(', '),
      path: document.path ?? '',
    };
    this.docs.push(indexed);
    const text = plainText(document.body);
    this.texts?.push(text);
    const { vocabulary, postingTerms, postingDocs, postingCounts } = this;
    const count = (term: number) => {
      if (term >= this.seenIn.length) this.growScratch();
      if (this.seenIn[term] === doc + 1) {
        postingCounts.addAt(this.slotOf[term]!, 1);
        return;
      }
      this.seenIn[term] = doc + 1;
      this.slotOf[term] = postingTerms.length;
      postingTerms.push(term);
      postingDocs.push(doc);
      postingCounts.push(1);
    };
    scanWords(
      text,
      (start, end) => count(vocabulary.addRange(text, start, end)),
      (_start, _end, term) => count(vocabulary.add(term)),
    );
    const masks = new Map<number, number>();
    for (const field of SHORT_FIELDS) {
      eachToken(indexed[field], (_start, _end, term) => {
        const id = vocabulary.add(term);
        masks.set(id, (masks.get(id) ?? 0) | FIELD_BITS[field]);
      });
    }
    for (const [id, mask] of masks) {
      this.fieldTerms.push(id);
      this.fieldDocs.push(doc);
      this.fieldMasks.push(mask);
    }
  }

  private growScratch(): void {
    const size = this.seenIn.length * 2;
    const seen = new Int32Array(size);
    seen.set(this.seenIn);
    const slots = new Int32Array(size);
    slots.set(this.slotOf);
    this.seenIn = seen;
    this.slotOf = slots;
  }

  get size(): number {
    return this.docs.length;
  }

  /**
   * The finished index; the builder is spent. `ready: false` leaves the vocabulary unsorted, for a
   * part that is only merged into a larger index (see merge-index.ts).
   */
  seal({ ready = true }: { ready?: boolean } = {}): SearchIndex {
    const { vocabulary, docs, texts } = this;
    const termCount = vocabulary.terms.length;
    const body = encodePostings(
      termCount,
      this.postingTerms.done(),
      this.postingDocs.done(),
      this.postingCounts.done(),
    );
    const fields = fieldPostings(
      termCount,
      this.fieldTerms.done(),
      this.fieldDocs.done(),
      this.fieldMasks.done(),
    );
    const index: SearchIndex = {
      docs,
      vocabulary,
      body,
      ...fields,
      order: Int32Array.from(docs, (_doc, at) => at),
      dropped: null,
      textOf: texts ? (doc) => texts[doc] ?? null : NO_TEXT,
    };
    if (ready) vocabulary.seal(documentFrequency(index));
    return index;
  }
}

/** In how many articles each term occurs, body and short fields together (a term in both counts twice). */
export function documentFrequency(index: SearchIndex): (id: number) => number {
  const { body, fieldStart } = index;
  return (id) => body.start[id + 1]! - body.start[id]! + fieldStart[id + 1]! - fieldStart[id]!;
}

/** An index of `documents`, built at once, their texts kept for snippets. */
export function buildIndex(documents: Iterable<SearchDocument>): SearchIndex {
  const builder = new IndexBuilder({ keepTexts: true });
  for (const document of documents) builder.add(document);
  return builder.seal();
}

/** Per term, the documents whose short fields hold it, in document order. */
export function fieldPostings(
  termCount: number,
  terms: Int32Array,
  docs: Int32Array,
  masks: Int32Array | Uint8Array,
) {
  const fieldStart = new Int32Array(termCount + 1);
  for (const term of terms) fieldStart[term + 1]! += 1;
  for (let term = 0; term < termCount; term++) fieldStart[term + 1]! += fieldStart[term]!;
  const fieldDocs = new Int32Array(terms.length);
  const fieldMasks = new Uint8Array(terms.length);
  const cursor = fieldStart.slice(0, termCount);
  for (let at = 0; at < terms.length; at++) {
    const slot = cursor[terms[at]!]!++;
    fieldDocs[slot] = docs[at]!;
    fieldMasks[slot] = masks[at]!;
  }
  return { fieldStart, fieldDocs, fieldMasks };
}
