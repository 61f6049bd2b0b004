// Search for the reader: the index is opened on a worker thread (the saved one read back and checked, or
// one built from the files), so the list draws and keys answer meanwhile; queries asked before it is ready
// are answered when it is. Only what identifies each article crosses to the worker, never a body. Where
// the worker cannot start (the sources run without a build), the same engine runs here, a slice at a time.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SearchAnswer, Searcher } from '../core/search/types.js';
import { INDEX_FILE } from './index-store.js';
import { flagsSet } from '../v8-flags.js';
import { resolvePaths } from './paths.js';
import type { OpenStats, SearchChanges, SearchSource } from './search-engine.js';

/**
 * The worker's young generation, in MB (V8 gives a thread 48 by default). Every keystroke leaves short-
 * lived garbage (bodies read for snippets, each word's answer); a small young generation collects it
 * sooner and promotes less, which kept the peak resident memory of a 10,000-article library from 186 to
 * about 140 MB at no cost a keystroke (bench/search-scale-child.ts runs with the same setting).
 */
export const YOUNG_GENERATION_MB = 6;

/** What the reader's thread tells the worker. */
export type ToWorker =
  | { type: 'sources'; sources: SearchSource[] }
  | { type: 'open'; indexFile: string | null }
  | { type: 'search'; id: number; query: string; limit: number | null }
  | { type: 'update'; changes: SearchChanges };

/** What the worker answers. */
export type FromWorker =
  | { type: 'started' }
  | { type: 'ready'; stats: Omit<IndexStats, 'where'> }
  | { type: 'answer'; id: number; answer: SearchAnswer; engineMs: number }
  | { type: 'saved'; error: string | null };

/** Facts about an opened index, for the bench and for curiosity. */
export interface IndexStats extends OpenStats {
  /**
   * Time then spent, queries answered in between, preparing the answers to first keystrokes (a letter
   * matches most of the library) and compiling the code that answers; `ready` waits for it.
   */
  prepareMs: number;
  /** The worker's heap and typed arrays once the index is open (in-process: the whole heap). */
  heapBytes: number;
  /** Where the index lives. */
  where: 'worker' | 'in-process';
}

/** A searcher that can say when its index is ready, take changes, and be stopped. */
export interface LibrarySearcher extends Searcher {
  /**
   * See Searcher.started: the worker has set the reader's V8 flags again (or failed to start, or was
   * closed). Unlike `ready`, waiting for it keeps nothing alive.
   */
  started: Promise<void>;
  /** Resolves once the index is open (never rejects); asking for it keeps the process alive until then. */
  ready: Promise<IndexStats>;
  /**
   * Resolves once the index, merged into one, is saved after opening (null), or why it was not (never
   * rejects); an index read back unchanged resolves at once.
   */
  saved: Promise<string | null>;
  /** Articles added, changed or removed while it runs (a watcher's findings); see SearchEngine.update. */
  update(changes: SearchChanges): void;
  /** Stops the worker; later queries answer with an error. */
  close(): void;
}

export interface SearcherOptions {
  /** The worker script; by default dist/search-worker.js beside the bundle, when it exists. */
  workerUrl?: URL | null;
  /** Where the index is saved between runs: by default in the cache folder; null for nowhere. */
  indexFile?: string | null;
  /**
   * Told, for each query answered, how long the engine itself took (in the worker, when there is one),
   * without the messages to and from it: the bench sets it to tell the engine's time from the rest.
   */
  onEngineTime?: (query: string, ms: number) => void;
}

/** Articles sent to the worker per message: small batches keep each copy well under a frame. */
const BATCH = 1000;

/** The saved index's usual place: the cache folder (INKWELL_HOME/cache, else the platform's). */
export function defaultIndexFile(env: NodeJS.ProcessEnv = process.env): string {
  return join(resolvePaths(env).cache, INDEX_FILE);
}

export function startSearcher(
  articles: readonly SearchSource[],
  options: SearcherOptions = {},
): LibrarySearcher {
  const url = options.workerUrl === undefined ? bundledWorker() : options.workerUrl;
  const indexFile = options.indexFile === undefined ? defaultIndexFile() : options.indexFile;
  if (url) {
    try {
      return workerSearcher(articles, url, indexFile, options.onEngineTime);
    } catch {
      // Fall through: the same answers, from an engine on this thread.
    }
  }
  return inProcessSearcher(articles, indexFile, options.onEngineTime);
}

/** The worker script next to the bundle (dist/search-worker.js), from dist/ or dist/chunks/. */
function bundledWorker(): URL | null {
  for (const relative of ['./search-worker.js', '../search-worker.js']) {
    const url = new URL(relative, import.meta.url);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
  }
  return null;
}

/** What identifies an article, without its body (which the worker reads from the file). */
export function sourceOf(article: SearchSource): SearchSource {
  const { id, title, author, source, tags, path, size, mtimeMs } = article;
  const identity: SearchSource = { id, title, author, source, tags, path };
  if (size !== undefined) identity.size = size;
  if (mtimeMs !== undefined) identity.mtimeMs = mtimeMs;
  return identity;
}

function workerSearcher(
  articles: readonly SearchSource[],
  url: URL,
  indexFile: string | null,
  onEngineTime?: (query: string, ms: number) => void,
): LibrarySearcher {
  const worker = new Worker(url, {
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    // Its heap, made as it starts, undoes the reader's V8 flags: it sets them again first (search-worker.ts).
    workerData: { v8Flags: flagsSet() },
  });
  const pending = new Map<number, (answer: SearchAnswer) => void>();
  let nextId = 0;
  let failed: string | null = null;
  let fallback: LibrarySearcher | null = null;
  let resolveReady!: (stats: IndexStats) => void;
  const ready = new Promise<IndexStats>((resolve) => (resolveReady = resolve));
  let resolveSaved!: (error: string | null) => void;
  const saved = new Promise<string | null>((resolve) => (resolveSaved = resolve));
  const changes: SearchChanges[] = [];
  let resolveStarted!: () => void;
  const started = new Promise<void>((resolve) => (resolveStarted = resolve));

  worker.on('message', (message: FromWorker) => {
    if (message.type === 'started') {
      resolveStarted();
      sendBatch();
    } else if (message.type === 'ready') {
      resolveReady({ ...message.stats, where: 'worker' });
    } else if (message.type === 'saved') {
      resolveSaved(message.error);
    } else {
      if (onEngineTime) onEngineTime(queries.get(message.id)?.query ?? '', message.engineMs);
      settle(message.id, message.answer);
    }
  });
  // A worker that dies (no memory, a bug) hands its queries to an engine here instead.
  const takeOver = (reason: string) => {
    if (failed) return;
    failed = `search stopped: ${reason}`;
    resolveStarted();
    fallback = inProcessSearcher(articles, indexFile, onEngineTime);
    for (const change of changes) fallback.update(change);
    void fallback.ready.then(resolveReady);
    void fallback.saved.then(resolveSaved);
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
    if (pending.size === 0 && !holding) worker.unref();
    resolve?.(answer);
  };

  // Batches go out one per turn of the event loop, so keys are read between them. The first once the
  // worker has started: until it has set the reader's V8 flags again (search-worker.ts), whatever this
  // thread keeps (these batches, while they are made) grows its young generation for good.
  let sent = 0;
  const sendBatch = () => {
    if (failed) return;
    const sources = articles.slice(sent, sent + BATCH).map(sourceOf);
    sent += sources.length;
    worker.postMessage({ type: 'sources', sources } satisfies ToWorker);
    if (sent < articles.length) setImmediate(sendBatch);
    else worker.postMessage({ type: 'open', indexFile } satisfies ToWorker);
  };

  let holding = false;
  const hold = (until: Promise<unknown>) => {
    holding = true;
    worker.ref();
    void until.then(() => {
      holding = false;
      if (pending.size === 0) worker.unref();
    });
  };
  return {
    started,
    // Whoever waits for the index keeps the process alive until it is built (or saved).
    get ready() {
      hold(ready);
      return ready;
    },
    get saved() {
      hold(saved);
      return saved;
    },
    update(change) {
      if (fallback) return fallback.update(change);
      changes.push(change);
      if (!failed) worker.postMessage({ type: 'update', changes: change } satisfies ToWorker);
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
      resolveStarted();
      for (const resolve of pending.values()) resolve({ ok: false, error: failed });
      pending.clear();
      resolveSaved('search closed');
      void worker.terminate();
    },
  };
}

/** The engine on this thread, a slice at a time so input is still read. */
function inProcessSearcher(
  articles: readonly SearchSource[],
  indexFile: string | null,
  onEngineTime?: (query: string, ms: number) => void,
): LibrarySearcher {
  let closed = false;
  const opened = (async () => {
    const { runStepsAside, SearchEngine } = await import('./search-engine.js');
    const { prepareSearch } = await import('../core/search/search.js');
    const engine = new SearchEngine(indexFile);
    const stats = await runStepsAside(engine.open(articles));
    const prepareStart = performance.now();
    for (const index of engine.indexes) {
      while (prepareSearch(index, 4)) await new Promise((resolve) => setImmediate(resolve));
    }
    const indexStats: IndexStats = {
      ...stats,
      prepareMs: performance.now() - prepareStart,
      heapBytes: process.memoryUsage().heapUsed,
      where: 'in-process',
    };
    return { engine, stats: indexStats, runStepsAside };
  })();
  const saved = opened.then(
    async ({ engine, runStepsAside }) => {
      await runStepsAside(engine.compact());
      return engine.needsSaving ? await engine.save() : null;
    },
    (error: Error) => error.message,
  );
  return {
    // No thread of its own to wait for.
    started: Promise.resolve(),
    ready: opened.then(
      ({ stats }) => stats,
      () => ({
        articles: 0,
        terms: 0,
        reused: 0,
        indexed: 0,
        cacheNote: null,
        loadMs: 0,
        buildMs: 0,
        prepareMs: 0,
        heapBytes: 0,
        where: 'in-process' as const,
      }),
    ),
    saved,
    update(change) {
      void opened.then(({ engine }) => engine.update(change));
    },
    async search(query, limit) {
      if (query.trim() === '') return { ok: true, hits: [] };
      try {
        const { engine } = await opened;
        if (closed) return { ok: false, error: 'search closed' };
        const start = performance.now();
        const answer = engine.search(query, limit);
        onEngineTime?.(query, performance.now() - start);
        return answer;
      } catch (error) {
        return { ok: false, error: `search failed: ${(error as Error).message}` };
      }
    },
    close() {
      closed = true;
    },
  };
}
