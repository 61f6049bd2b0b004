// Building the search index: every article's words once, as term ids and where they stand, and per term
// the articles holding it (with how often, in the body; with which fields, in the short ones). Typed
// arrays keep 6 million words of 10,000 articles in a few tens of megabytes.
import { eachToken, plainText, scanWords } from './tokenize.js';
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
}

/** An article as the index keeps it: the texts that highlights and snippets are cut from. */
export interface IndexedDocument {
  id: string;
  title: string;
  author: string;
  source: string;
  /** The tags joined with ", ", as the views show them. */
  tags: string;
  /** The body as plain text (see plainText), one line per paragraph. */
  text: string;
}

/** Short fields, as bits of a mask. */
export const FIELD_BITS = { title: 1, author: 2, source: 4, tags: 8, body: 16 } as const;
export const SHORT_FIELDS = ['title', 'author', 'source', 'tags'] as const;

/** The index: documents in the order given (the list's date order breaks ties), and their terms. */
export interface SearchIndex {
  docs: IndexedDocument[];
  vocabulary: Vocabulary;
  /** Body words of document d: tokenTerms[tokenStart[d] .. tokenStart[d + 1]), at tokenOffsets in its text. */
  tokenStart: Int32Array;
  tokenTerms: Int32Array;
  tokenOffsets: Int32Array;
  /** Documents whose body holds term t: postingDocs[postingStart[t] .. postingStart[t + 1]), with counts. */
  postingStart: Int32Array;
  postingDocs: Int32Array;
  postingCounts: Uint16Array;
  /** Documents whose short fields hold term t, with a mask of which (FIELD_BITS). */
  fieldStart: Int32Array;
  fieldDocs: Int32Array;
  fieldMasks: Uint8Array;
}

/** Adds documents a batch at a time (so a worker can index while the rest arrive), then seals. */
export class IndexBuilder {
  private readonly vocabulary = new Vocabulary();
  private readonly docs: IndexedDocument[] = [];
  private readonly tokenStart = new Growable();
  private readonly tokenTerms = new Growable();
  private readonly tokenOffsets = new Growable();
  private readonly fieldTerms = new Growable();
  private readonly fieldDocs = new Growable();
  private readonly fieldMasks = new Growable();

  constructor() {
    this.tokenStart.push(0);
  }

  add(document: SearchDocument): void {
    const doc = this.docs.length;
    const indexed: IndexedDocument = {
      id: document.id,
      title: document.title,
      author: document.author ?? '',
      source: document.source ?? '',
      tags: document.tags.join(', '),
      text: plainText(document.body),
    };
    this.docs.push(indexed);
    const { vocabulary, tokenTerms, tokenOffsets } = this;
    const text = indexed.text;
    scanWords(
      text,
      (start, end) => {
        tokenTerms.push(vocabulary.addRange(text, start, end));
        tokenOffsets.push(start);
      },
      (start, _end, term) => {
        tokenTerms.push(vocabulary.add(term));
        tokenOffsets.push(start);
      },
    );
    this.tokenStart.push(tokenTerms.length);
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

  get size(): number {
    return this.docs.length;
  }

  /** The finished index; the builder is spent. */
  seal(): SearchIndex {
    const { vocabulary, docs } = this;
    const termCount = vocabulary.terms.length;
    const tokenStart = this.tokenStart.done();
    const tokenTerms = this.tokenTerms.done();
    const body = bodyPostings(docs.length, termCount, tokenStart, tokenTerms);
    const fields = fieldPostings(
      termCount,
      this.fieldTerms.done(),
      this.fieldDocs.done(),
      this.fieldMasks.done(),
    );
    vocabulary.seal(
      (id) =>
        body.postingStart[id + 1]! -
        body.postingStart[id]! +
        fields.fieldStart[id + 1]! -
        fields.fieldStart[id]!,
    );
    return {
      docs,
      vocabulary,
      tokenStart,
      tokenTerms,
      tokenOffsets: this.tokenOffsets.done(),
      ...body,
      ...fields,
    };
  }
}

/** An index of `documents`, built at once. */
export function buildIndex(documents: Iterable<SearchDocument>): SearchIndex {
  const builder = new IndexBuilder();
  for (const document of documents) builder.add(document);
  return builder.seal();
}

/** Per term, the documents whose body holds it and how often: two passes, counting then filling. */
function bodyPostings(
  docCount: number,
  termCount: number,
  tokenStart: Int32Array,
  tokenTerms: Int32Array,
) {
  const lastDoc = new Int32Array(termCount).fill(-1);
  const postingStart = new Int32Array(termCount + 1);
  for (let doc = 0; doc < docCount; doc++) {
    for (let at = tokenStart[doc]!; at < tokenStart[doc + 1]!; at++) {
      const term = tokenTerms[at]!;
      if (lastDoc[term] !== doc) {
        lastDoc[term] = doc;
        postingStart[term + 1]! += 1;
      }
    }
  }
  for (let term = 0; term < termCount; term++) postingStart[term + 1]! += postingStart[term]!;
  const total = postingStart[termCount]!;
  const postingDocs = new Int32Array(total);
  const postingCounts = new Uint16Array(total);
  const cursor = postingStart.slice(0, termCount);
  const slotOf = new Int32Array(termCount);
  lastDoc.fill(-1);
  for (let doc = 0; doc < docCount; doc++) {
    for (let at = tokenStart[doc]!; at < tokenStart[doc + 1]!; at++) {
      const term = tokenTerms[at]!;
      if (lastDoc[term] !== doc) {
        lastDoc[term] = doc;
        const slot = cursor[term]!++;
        slotOf[term] = slot;
        postingDocs[slot] = doc;
        postingCounts[slot] = 1;
      } else if (postingCounts[slotOf[term]!]! < 0xffff) {
        postingCounts[slotOf[term]!]! += 1;
      }
    }
  }
  return { postingStart, postingDocs, postingCounts };
}

/** Per term, the documents whose short fields hold it, in document order. */
function fieldPostings(termCount: number, terms: Int32Array, docs: Int32Array, masks: Int32Array) {
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

/** An Int32Array that doubles as it fills. */
class Growable {
  private data = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  /** The values, trimmed to their length. */
  done(): Int32Array {
    return this.data.slice(0, this.length);
  }
}
