// The library's search engine, wherever it runs (its worker thread, the reader's thread, a command): the
// saved index read back and checked article by article against the files (path, size, modified time),
// what changed indexed into a small index of its own beside it, queries answered from both, and the two
// merged and saved again in the background. Bodies are read here, from the files, never handed over.
import { statSync } from 'node:fs';
import type { SearchAnswer } from '../core/search/types.js';
import { IndexBuilder, type SearchIndex } from '../core/search/build-index.js';
import type { Fingerprints } from '../core/search/index-file.js';
import { mergeSteps } from '../core/search/merge-index.js';
import { firstOf, forgetRankings, searchRanked } from '../core/search/search.js';
import { Vocabulary } from '../core/search/vocabulary.js';
import { readIndexFile, writeIndexFile } from './index-store.js';
import { readBody, readPlainText } from './read-body.js';
import { runSteps } from './steps.js';

export { runSteps, runStepsAside } from './steps.js';

/** What identifies an article to the engine; its body is read from `path` unless given. */
export interface SearchSource {
  id: string;
  title: string;
  author: string | null;
  source: string | null;
  tags: readonly string[];
  path: string;
  /** The file's size and modified time when it was read, if known (else the engine asks the file). */
  size?: number;
  mtimeMs?: number;
  /** The Markdown body, when the caller holds it anyway: then its file is not read again. */
  body?: string;
}

/** Changes to the library while it is searched (see SearchEngine.update). */
export interface SearchChanges {
  /** Articles added or changed (matched by id, and by path). */
  upsert?: readonly SearchSource[];
  /** Ids of articles gone. */
  remove?: readonly string[];
  /** Every id in the library's order (newest first), when it changed: it breaks ties in ranking. */
  order?: readonly string[];
}

/** What opening found. */
export interface OpenStats {
  articles: number;
  terms: number;
  /** Articles taken from the saved index, and indexed now (new, changed, or no usable saved index). */
  reused: number;
  indexed: number;
  /** Why the saved index was not used, when it was not. */
  cacheNote: string | null;
  /** Time reading the saved index and checking it; time indexing (the merge of parts included). */
  loadMs: number;
  buildMs: number;
}

interface Segment {
  index: SearchIndex;
  fingerprints: Fingerprints;
}

/** Articles indexed between two pauses; and per part of a large build, merged at its end. */
const PAUSE_EVERY = 64;
const PART = 16_384;

export class SearchEngine {
  private segments: Segment[] = [];
  private readonly where = new Map<string, { segment: Segment; doc: number }>();
  private readonly ranks = new Map<string, number>();
  /** Bumped by every change, so that a merge begun before one is not kept. */
  private generation = 0;
  private newest = 0;
  /** Whether what is searched differs from what is saved. */
  private unsaved = false;

  /**
   * `indexFile`: where the index is saved between runs, or null for none. `partSize`: articles indexed
   * per part of a large build.
   */
  constructor(
    private readonly indexFile: string | null,
    private readonly partSize = PART,
  ) {}

  /** Opens over `sources` (in the library's order) a step at a time; see runSteps. */
  *open(sources: readonly SearchSource[]): Generator<void, OpenStats> {
    const started = performance.now();
    sources.forEach((source, rank) => this.ranks.set(source.id, rank));
    let cacheNote: string | null = null;
    let base: Segment | null = null;
    if (this.indexFile) {
      const loaded = readIndexFile(this.indexFile);
      if (loaded.ok) base = { index: loaded.index, fingerprints: loaded.fingerprints };
      else cacheNote = loaded.reason;
    }
    const fresh: SearchSource[] = [];
    if (base) {
      const { docs } = base.index;
      const byPath = new Map<string, number>();
      docs.forEach((doc, at) => byPath.set(doc.path, at));
      const kept = new Uint8Array(docs.length);
      for (let at = 0; at < sources.length; at++) {
        const source = withFingerprint(sources[at]!);
        const doc = byPath.get(source.path);
        if (doc !== undefined && kept[doc] === 0 && sameArticle(base, doc, source)) {
          kept[doc] = 1;
          this.where.set(source.id, { segment: base, doc });
        } else {
          fresh.push(source);
        }
        if (at % 4096 === 4095) yield;
      }
      const dropped = kept.map((flag) => 1 - flag);
      base.index.dropped = dropped.includes(1) ? dropped : null;
      this.adopt(base);
      this.segments.push(base);
    } else {
      for (const source of sources) fresh.push(withFingerprint(source));
    }
    const loadMs = performance.now() - started;
    const building = performance.now();
    if (fresh.length > 0) {
      const parts: Segment[] = [];
      // The parts of a large build share one vocabulary: only the merged index gets its own.
      const size = this.partSize;
      const shared = fresh.length <= size ? undefined : new Vocabulary();
      for (let at = 0; at < fresh.length; at += size) {
        parts.push(yield* this.build(fresh.slice(at, at + size), !shared, shared));
      }
      if (parts.length === 1) {
        this.segments.push(parts[0]!);
      } else {
        // A large build, or much changed: one index of it all (the saved one's kept articles first).
        this.segments = [yield* mergeSegments([...this.segments, ...parts])];
      }
      this.unsaved = true;
    }
    if (base?.index.dropped) this.unsaved = true;
    this.reindex();
    const buildMs = performance.now() - building;
    return {
      articles: this.where.size,
      terms: Math.max(0, ...this.segments.map((segment) => segment.index.vocabulary.terms.length)),
      reused: base ? base.index.docs.length - countOf(base.index.dropped) : 0,
      indexed: fresh.length,
      cacheNote,
      loadMs,
      buildMs,
    };
  }

  /** Ranked hits over every index, as searchIndex answers over one. */
  search(query: string, limit = Infinity): SearchAnswer {
    const answers = [];
    for (const { index } of this.segments) {
      const answer = searchRanked(index, query, limit);
      if (!answer.ok) return answer;
      answers.push(answer);
    }
    if (answers.length === 1) {
      const [only] = answers;
      const { hits, total, approximate } = only!;
      return approximate ? { ok: true, hits, total, approximate } : { ok: true, hits, total };
    }
    const all = answers.flatMap((answer) =>
      answer.hits.map((hit, k) => ({ hit, titled: answer.titled[k]!, place: answer.places[k]! })),
    );
    const order = all.map((_entry, k) => k);
    const shown = firstOf(order, Math.max(0, limit), (a, b) => {
      const x = all[a]!;
      const y = all[b]!;
      return Number(y.titled) - Number(x.titled) || y.hit.score - x.hit.score || x.place - y.place;
    });
    const total = answers.reduce((sum, answer) => sum + answer.total, 0);
    const hits = shown.map((k) => all[k]!.hit);
    if (answers.some((answer) => answer.approximate))
      return { ok: true, hits, total, approximate: true };
    return { ok: true, hits, total };
  }

  /** The indexes, for preparing their first keystrokes (see prepareSearch). */
  get indexes(): SearchIndex[] {
    return this.segments.map((segment) => segment.index);
  }

  get articles(): number {
    return this.where.size;
  }

  /**
   * Articles added, changed or removed while the library is searched: the old copies are left out at
   * once and the new ones indexed into a small index beside the others (their files are read now).
   * `compact` later makes one index of them all again.
   */
  update(changes: SearchChanges): void {
    this.generation += 1;
    for (const id of changes.remove ?? []) this.drop(id);
    const upserts = (changes.upsert ?? []).map(withFingerprint);
    for (const source of upserts) {
      this.drop(source.id);
      for (const [id, { segment, doc }] of this.where) {
        if (segment.index.docs[doc]!.path === source.path) this.drop(id);
      }
    }
    if (changes.order) {
      this.ranks.clear();
      changes.order.forEach((id, rank) => this.ranks.set(id, rank));
    } else {
      // Without an order, what is added counts as newest.
      for (const source of upserts) this.ranks.set(source.id, --this.newest);
    }
    if (upserts.length > 0)
      runSteps(this.build(upserts, true), (segment) => this.segments.push(segment));
    this.segments = this.segments.filter(
      (segment) => countOf(segment.index.dropped) < segment.index.docs.length,
    );
    this.unsaved = true;
    this.reindex();
  }

  /**
   * Makes one index of all (leaving out what was dropped), a step at a time; returns whether it did. A
   * change made meanwhile (update) leaves the indexes as they are: the caller can try again.
   */
  *compact(): Generator<void, boolean> {
    if (this.segments.length <= 1 && !this.segments[0]?.index.dropped) return false;
    const generation = this.generation;
    const merged = yield* mergeSegments(this.segments);
    if (generation !== this.generation) return false;
    this.segments = [merged];
    this.reindex();
    return true;
  }

  /** Whether there is something to save: a change since the saved index, merged into one. */
  get needsSaving(): boolean {
    return this.unsaved && this.indexFile !== null;
  }

  /** Saves the one index (after compact); resolves to why it failed, or null. Never rejects. */
  async save(): Promise<string | null> {
    const [only] = this.segments;
    if (!this.indexFile || this.segments.length !== 1 || only!.index.dropped) {
      return 'nothing to save';
    }
    this.unsaved = false;
    const failed = await writeIndexFile(this.indexFile, only!.index, only!.fingerprints);
    if (failed) this.unsaved = true;
    return failed;
  }

  /** Indexes `sources` into a segment of their own. */
  private *build(
    sources: readonly SearchSource[],
    ready: boolean,
    vocabulary?: Vocabulary,
  ): Generator<void, Segment> {
    const holdsBodies = sources.some((source) => source.body !== undefined);
    const builder = new IndexBuilder({
      keepTexts: holdsBodies,
      ...(vocabulary ? { vocabulary } : {}),
    });
    const sizes = new Float64Array(sources.length);
    const mtimes = new Float64Array(sources.length);
    sources.forEach((source, at) => {
      sizes[at] = source.size ?? NaN;
      mtimes[at] = source.mtimeMs ?? NaN;
    });
    for (let at = 0; at < sources.length; at++) {
      const source = sources[at]!;
      // A file that cannot be read now still has its title and the rest to be found by.
      builder.add({ ...source, body: source.body ?? readBody(source.path) ?? '' });
      if (at % PAUSE_EVERY === PAUSE_EVERY - 1) yield;
    }
    const segment = { index: builder.seal({ ready }), fingerprints: { sizes, mtimes } };
    if (!holdsBodies) this.adopt(segment);
    for (let doc = 0; doc < sources.length; doc++) {
      this.where.set(sources[doc]!.id, { segment, doc });
    }
    return segment;
  }

  /** Snippets of a segment's articles are cut from their files, read again (see highlight.ts). */
  private adopt(segment: Segment): void {
    const { docs } = segment.index;
    segment.index.textOf = (doc) => readPlainText(docs[doc]?.path ?? '');
  }

  private drop(id: string): void {
    const held = this.where.get(id);
    if (!held) return;
    this.where.delete(id);
    const { index } = held.segment;
    index.dropped ??= new Uint8Array(index.docs.length);
    index.dropped[held.doc] = 1;
    forgetRankings(index);
  }

  /** Where each article is, and its place in the library's order, after the indexes changed. */
  private reindex(): void {
    this.where.clear();
    for (const segment of this.segments) {
      const { docs, dropped, order } = segment.index;
      forgetRankings(segment.index);
      docs.forEach((doc, at) => {
        if (dropped?.[at]) return;
        this.where.set(doc.id, { segment, doc: at });
        order[at] = this.ranks.get(doc.id) ?? at;
      });
    }
  }
}

/** Segments made one, their fingerprints following their documents. */
function* mergeSegments(segments: readonly Segment[]): Generator<void, Segment> {
  const index = yield* mergeSteps(segments.map((segment) => segment.index));
  const sizes = new Float64Array(index.docs.length);
  const mtimes = new Float64Array(index.docs.length);
  let next = 0;
  for (const { index: part, fingerprints } of segments) {
    for (let doc = 0; doc < part.docs.length; doc++) {
      if (part.dropped?.[doc]) continue;
      sizes[next] = fingerprints.sizes[doc]!;
      mtimes[next++] = fingerprints.mtimes[doc]!;
    }
  }
  return { index, fingerprints: { sizes, mtimes } };
}

/** Whether the saved document `doc` is the article `source` as it is now: the same file, unchanged. */
function sameArticle(base: Segment, doc: number, source: SearchSource): boolean {
  const saved = base.index.docs[doc]!;
  return (
    base.fingerprints.sizes[doc] === source.size &&
    base.fingerprints.mtimes[doc] === source.mtimeMs &&
    saved.id === source.id &&
    saved.title === source.title &&
    saved.author === (source.author ?? '') &&
    saved.source === (source.source ?? '') &&
    saved.tags === source.tags.join(', ')
  );
}

/** The source with its file's size and modified time, asked of the file when not given. */
function withFingerprint(source: SearchSource): SearchSource {
  if (source.size !== undefined && source.mtimeMs !== undefined) return source;
  try {
    const stat = statSync(source.path);
    return { ...source, size: stat.size, mtimeMs: stat.mtimeMs };
  } catch {
    return { ...source, size: NaN, mtimeMs: NaN };
  }
}

function countOf(flags: Uint8Array | null): number {
  let count = 0;
  if (flags) for (const flag of flags) count += flag;
  return count;
}
