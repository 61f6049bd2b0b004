// Several indexes made one: a saved index and what changed since (its dropped documents left out), or
// the parts of a large library indexed a few thousand articles at a time. Postings are decoded and
// written again, so a term of a dropped document that no kept document holds is gone too.
import {
  documentFrequency,
  fieldPostings,
  type IndexedDocument,
  type SearchIndex,
} from './build-index.js';
import { eachPosting, gapBytes, Growable, writeGap } from './postings.js';
import { Vocabulary } from './vocabulary.js';

/** Postings read between two pauses of mergeSteps. */
const STEP = 200_000;

/** The documents of `parts` in order (each part's dropped ones left out) as one index. */
export function mergeIndexes(parts: readonly SearchIndex[]): SearchIndex {
  const steps = mergeSteps(parts);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * mergeIndexes a step at a time: it pauses (yields) every few hundred thousand postings, so a thread
 * can answer queries in between.
 */
export function* mergeSteps(parts: readonly SearchIndex[]): Generator<void, SearchIndex> {
  const docs: IndexedDocument[] = [];
  const docMaps = parts.map((part) => {
    const map = new Int32Array(part.docs.length).fill(-1);
    part.docs.forEach((doc, at) => {
      if (part.dropped?.[at]) return;
      map[at] = docs.length;
      docs.push(doc);
    });
    return map;
  });
  // Where each kept document came from, for its text.
  const partOf = new Uint16Array(docs.length);
  const docOf = new Int32Array(docs.length);
  docMaps.forEach((map, which) =>
    map.forEach((doc, at) => {
      if (doc < 0) return;
      partOf[doc] = which;
      docOf[doc] = at;
    }),
  );

  // Pass 1: which terms survive, and how many postings and bytes each takes.
  const vocabulary = new Vocabulary();
  // A part's terms are those its postings know: parts of one build share a vocabulary that grew after.
  const termsOf = (part: SearchIndex) => part.body.start.length - 1;
  const capacity = parts.reduce((sum, part) => sum + termsOf(part), 0);
  const postings = new Int32Array(capacity + 1);
  const byteCounts = new Int32Array(capacity + 1);
  const last = new Int32Array(capacity).fill(-1);
  const termMaps: Int32Array[] = [];
  let work = 0;
  for (let which = 0; which < parts.length; which++) {
    const part = parts[which]!;
    const docMap = docMaps[which]!;
    const { terms } = part.vocabulary;
    const termMap = new Int32Array(termsOf(part)).fill(-1);
    termMaps.push(termMap);
    const { fieldStart, fieldDocs } = part;
    for (let term = 0; term < termMap.length; term++) {
      let target = -1;
      const take = () =>
        target === -1 ? (target = termMap[term] = vocabulary.add(terms[term]!)) : target;
      work += eachKept(part, term, docMap, (doc) => {
        const id = take();
        postings[id + 1]! += 1;
        byteCounts[id + 1]! += gapBytes(doc - last[id]!);
        last[id] = doc;
      });
      for (let at = fieldStart[term]!; at < fieldStart[term + 1]!; at++) {
        if (docMap[fieldDocs[at]!]! >= 0) take();
      }
      if (work > STEP) {
        work = 0;
        yield;
      }
    }
  }
  const termCount = vocabulary.terms.length;
  for (let term = 0; term < termCount; term++) {
    postings[term + 1]! += postings[term]!;
    byteCounts[term + 1]! += byteCounts[term]!;
  }
  const start = postings.slice(0, termCount + 1);
  const byteStart = byteCounts.slice(0, termCount + 1);

  // Pass 2: the postings written again, in the new numbering.
  const bytes = new Uint8Array(byteStart[termCount]!);
  const counts = new Uint8Array(start[termCount]!);
  const next = start.slice(0, termCount);
  const nextByte = byteStart.slice(0, termCount);
  last.fill(-1);
  const fieldTerms = new Growable();
  const fieldDocsOut = new Growable();
  const fieldMasksOut = new Growable();
  for (let which = 0; which < parts.length; which++) {
    const part = parts[which]!;
    const docMap = docMaps[which]!;
    const termMap = termMaps[which]!;
    const { fieldStart, fieldDocs, fieldMasks } = part;
    for (let term = 0; term < termMap.length; term++) {
      const id = termMap[term]!;
      if (id === -1) continue;
      work += eachKept(part, term, docMap, (doc, count) => {
        nextByte[id] = writeGap(bytes, nextByte[id]!, doc - last[id]!);
        last[id] = doc;
        counts[next[id]!++] = count;
      });
      for (let at = fieldStart[term]!; at < fieldStart[term + 1]!; at++) {
        const doc = docMap[fieldDocs[at]!]!;
        if (doc < 0) continue;
        fieldTerms.push(id);
        fieldDocsOut.push(doc);
        fieldMasksOut.push(fieldMasks[at]!);
      }
      if (work > STEP) {
        work = 0;
        yield;
      }
    }
  }
  const fields = fieldPostings(
    termCount,
    fieldTerms.done(),
    fieldDocsOut.done(),
    fieldMasksOut.done(),
  );
  const index: SearchIndex = {
    docs,
    vocabulary,
    body: { start, byteStart, bytes, counts },
    ...fields,
    order: Int32Array.from(docs, (_doc, at) => at),
    dropped: null,
    textOf: (doc) => (doc < docs.length ? parts[partOf[doc]!]!.textOf(docOf[doc]!) : null),
  };
  yield;
  vocabulary.seal(documentFrequency(index));
  return index;
}

/** Visits the postings of `term` in `part` whose documents are kept, in their new numbering; returns how many were read. */
function eachKept(
  part: SearchIndex,
  term: number,
  docMap: Int32Array,
  visit: (doc: number, count: number) => void,
): number {
  eachPosting(part.body, term, (doc, count) => {
    const kept = docMap[doc]!;
    if (kept >= 0) visit(kept, count);
  });
  const { start } = part.body;
  return start[term + 1]! - start[term]!;
}
