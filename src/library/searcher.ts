// Search for the reader: the index is built on a worker thread, so the list draws and keys answer while
// it builds; queries asked before it is ready are answered when it is. Where the worker cannot start (the
// sources run without a build), the index is built here, a slice of the library at a time.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Article, ArticleMeta } from '../core/article.js';
import type { LoadWarning } from './walk.js';
import type { SearchDocument } from '../core/search/build-index.js';
import type { SearchAnswer, Searcher } from '../core/search/types.js';

/** What the reader's thread tells the worker. */
export type ToWorker =
  | { type: 'add'; documents: IndexSource[] }
  | { type: 'seal' }
  | { type: 'search'; id: number; query: string; limit: number | null };

/**
 * An article as handed to the index: with its body when the caller has it, else with the file the body
 * is read from (on the worker's thread, not the reader's).
 */
export type IndexSource = Omit<SearchDocument, 'body'> & ({ body: string } | { path: string });

/** What the worker answers. */
export type FromWorker =
  | {
      type: 'ready';
      articles: number;
      terms: number;
      buildMs: number;
      prepareMs: number;
      heapBytes: number;
    }
  | { type: 'answer'; id: number; answer: SearchAnswer };

/** Facts about a built index, for the bench and for curiosity. */
export interface IndexStats {
  articles: number;
  terms: number;
  /** Time spent indexing, excluding waiting for batches. */
  buildMs: number;
  /**
   * Time then spent, queries answered in between, preparing the answers to first keystrokes (a letter
   * matches most of the library) and compiling the code that answers; `ready` waits for it.
   */
  prepareMs: number;
  /** The worker's heap and typed arrays once the index is built (in-process: the whole heap). */
  heapBytes: number;
  /** Where the index lives. */
  where: 'worker' | 'in-process';
}

/** A searcher that can say when its index is ready and be stopped. */
export interface LibrarySearcher extends Searcher {
  /** Resolves once the index is built (never rejects); asking for it keeps the process alive until then. */
  ready: Promise<IndexStats>;
  /** Stops the worker; later queries answer with an error. */
  close(): void;
}

export interface SearcherOptions {
  /** The worker script; by default dist/search-worker.js beside the bundle, when it exists. */
  workerUrl?: URL | null;
}

/** Articles sent to the worker per message: small batches keep each copy well under a frame. */
const BATCH = 200;

export function startSearcher(
  articles: readonly ArticleMeta[],
  options: SearcherOptions = {},
): LibrarySearcher {
  const url = options.workerUrl === undefined ? bundledWorker() : options.workerUrl;
  if (url) {
    try {
      return workerSearcher(articles, url);
    } catch {
      // Fall through: the same answers, built on this thread.
    }
  }
  return inProcessSearcher(articles);
}

/** The worker script next to the bundle (dist/search-worker.js), from dist/ or dist/chunks/. */
function bundledWorker(): URL | null {
  for (const relative of ['./search-worker.js', '../search-worker.js']) {
    const url = new URL(relative, import.meta.url);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
  }
  return null;
}

function sourceOf(article: ArticleMeta): IndexSource {
  const { id, title, author, source, tags, path } = article;
  return 'body' in article
    ? { id, title, author, source, tags, body: (article as Article).body }
    : { id, title, author, source, tags, path };
}

/** The document the index takes: the body read from the file when it did not come along. */
export function documentOf(
  source: IndexSource,
  loadArticle: (path: string, warnings: LoadWarning[]) => Article | undefined,
): SearchDocument {
  if ('body' in source) return source;
  const { path, ...fields } = source;
  return { ...fields, body: loadArticle(path, [])?.body ?? '' };
}

function workerSearcher(articles: readonly ArticleMeta[], url: URL): LibrarySearcher {
  const worker = new Worker(url);
  const pending = new Map<number, (answer: SearchAnswer) => void>();
  let nextId = 0;
  let failed: string | null = null;
  let fallback: LibrarySearcher | null = null;
  let resolveReady!: (stats: IndexStats) => void;
  const ready = new Promise<IndexStats>((resolve) => (resolveReady = resolve));

  worker.on('message', (message: FromWorker) => {
    if (message.type === 'ready') {
      const { articles: count, terms, buildMs, prepareMs, heapBytes } = message;
      resolveReady({ articles: count, terms, buildMs, prepareMs, heapBytes, where: 'worker' });
    } else {
      settle(message.id, message.answer);
    }
  });
  // A worker that dies (no memory, a bug) hands its queries to an index built here instead.
  const takeOver = (reason: string) => {
    if (failed) return;
    failed = `search stopped: ${reason}`;
    fallback = inProcessSearcher(articles);
    void fallback.ready.then(resolveReady);
    for (const [id, resolve] of pending) {
      void fallback.search(queries.get(id)!.query, queries.get(id)!.limit).then(resolve);
    }
    pending.clear();
  };
  worker.on('error', (error) => takeOver(error.message));
  worker.on('exit', (code) => takeOver(`the search thread ended (${code})`));
  const queries = new Map<number, { query: string; limit: number | undefined }>();
  // The reader may quit while the index builds: the worker must not keep the process alive, except
  // while a query waits for its answer. (Adding listeners refs the worker, so this comes after them.)
  worker.unref();
  const settle = (id: number, answer: SearchAnswer) => {
    const resolve = pending.get(id);
    pending.delete(id);
    queries.delete(id);
    if (pending.size === 0) worker.unref();
    resolve?.(answer);
  };

  // Batches go out one per turn of the event loop, so keys are read between them.
  let sent = 0;
  const sendBatch = () => {
    if (failed) return;
    const documents = articles.slice(sent, sent + BATCH).map(sourceOf);
    sent += documents.length;
    worker.postMessage({ type: 'add', documents } satisfies ToWorker);
    if (sent < articles.length) setImmediate(sendBatch);
    else worker.postMessage({ type: 'seal' } satisfies ToWorker);
  };
  sendBatch();

  let built = false;
  void ready.then(() => {
    built = true;
    if (pending.size === 0) worker.unref();
  });
  return {
    // Whoever waits for the index keeps the process alive until it is built.
    get ready() {
      if (!built) worker.ref();
      return ready;
    },
    search(query, limit) {
      if (fallback) return fallback.search(query, limit);
      if (failed) return Promise.resolve({ ok: false, error: failed });
      if (query.trim() === '') return Promise.resolve({ ok: true, hits: [] });
      const id = nextId++;
      queries.set(id, { query, limit });
      if (pending.size === 0) worker.ref();
      return new Promise<SearchAnswer>((resolve) => {
        pending.set(id, resolve);
        worker.postMessage({
          type: 'search',
          id,
          query,
          limit: limit ?? null,
        } satisfies ToWorker);
      });
    },
    close() {
      failed ??= 'search closed';
      for (const resolve of pending.values()) resolve({ ok: false, error: failed });
      pending.clear();
      void worker.terminate();
    },
  };
}

/** The index built on this thread, a slice per turn of the event loop so input is still read. */
function inProcessSearcher(articles: readonly ArticleMeta[]): LibrarySearcher {
  let closed = false;
  const built = (async () => {
    const { IndexBuilder } = await import('../core/search/build-index.js');
    const { searchIndex } = await import('../core/search/search.js');
    const { loadArticle } = await import('./load.js');
    let building = 0;
    const builder = new IndexBuilder();
    for (let at = 0; at < articles.length; at += BATCH / 4) {
      const slice = performance.now();
      for (const article of articles.slice(at, at + BATCH / 4)) {
        builder.add(documentOf(sourceOf(article), loadArticle));
      }
      building += performance.now() - slice;
      await new Promise((resolve) => setImmediate(resolve));
    }
    const seal = performance.now();
    const index = builder.seal();
    building += performance.now() - seal;
    const stats: IndexStats = {
      articles: index.docs.length,
      terms: index.vocabulary.terms.length,
      buildMs: building,
      prepareMs: 0,
      heapBytes: process.memoryUsage().heapUsed,
      where: 'in-process',
    };
    return { stats, search: (query: string, limit?: number) => searchIndex(index, query, limit) };
  })();
  return {
    ready: built.then(
      ({ stats }) => stats,
      () => ({
        articles: 0,
        terms: 0,
        buildMs: 0,
        prepareMs: 0,
        heapBytes: 0,
        where: 'in-process' as const,
      }),
    ),
    async search(query, limit) {
      if (query.trim() === '') return { ok: true, hits: [] };
      try {
        const { search } = await built;
        if (closed) return { ok: false, error: 'search closed' };
        return search(query, limit);
      } catch (error) {
        return { ok: false, error: `search failed: ${(error as Error).message}` };
      }
    },
    close() {
      closed = true;
    },
  };
}
