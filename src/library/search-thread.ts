// The search index's own thread (started by search-worker.ts): receives what identifies each article in
// batches, then opens the saved index (or builds one, reading the bodies from the files itself), answers
// queries in the order asked (those asked before it is open wait for it), takes changes, and merges and
// saves in the background.
import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { prepareSearch } from '../core/search/search.js';
import {
  runStepsAside,
  SearchEngine,
  type SearchChanges,
  type SearchSource,
} from './search-engine.js';
import type { FromWorker, ToWorker } from './searcher.js';

/** After a change, how long the engine waits for more before merging and saving. */
const SETTLE_MS = 1000;

const port = parentPort;
if (port) {
  const collect = garbageCollector();
  const sources: SearchSource[] = [];
  let engine: SearchEngine | null = null;
  const waiting: Array<Extract<ToWorker, { type: 'search' }>> = [];
  const updates: SearchChanges[] = [];
  const post = (message: FromWorker) => port.postMessage(message);
  const answer = ({ id, query, limit }: Extract<ToWorker, { type: 'search' }>) => {
    const start = performance.now();
    const found = safeSearch(engine!, query, limit);
    post({ type: 'answer', id, answer: found, engineMs: performance.now() - start });
  };
  let maintaining = false;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  // Merged into one index and saved, a slice at a time: queries are answered in between.
  const maintain = async () => {
    if (maintaining) {
      again = true;
      return;
    }
    maintaining = true;
    let error: string | null = null;
    try {
      do {
        again = false;
        const merged = await runStepsAside(engine!.compact());
        if (!merged && engine!.indexes.length > 1) again = true;
        else if (engine!.needsSaving) error = await engine!.save();
      } while (again);
    } catch (failure) {
      error = (failure as Error).message;
    }
    maintaining = false;
    post({ type: 'saved', error });
  };

  port.on('message', (message: ToWorker) => {
    switch (message.type) {
      case 'sources':
        sources.push(...message.sources);
        break;
      case 'open': {
        const opening = new SearchEngine(message.indexFile);
        void runStepsAside(opening.open(sources.splice(0))).then(async (stats) => {
          engine = opening;
          for (const changes of updates.splice(0)) opening.update(changes);
          for (const query of waiting.splice(0)) answer(query);
          collect();
          const prepareStart = performance.now();
          // Ready once the first keystrokes' answers are prepared too: queries are answered meanwhile.
          for (const index of opening.indexes) await runStepsAside(prepareSteps(index));
          collect();
          post({
            type: 'ready',
            stats: {
              ...stats,
              prepareMs: performance.now() - prepareStart,
              heapBytes: heapBytes(),
            },
          });
          await maintain();
        });
        break;
      }
      case 'search':
        if (engine) answer(message);
        else waiting.push(message);
        break;
      case 'update':
        if (!engine) {
          updates.push(message.changes);
          break;
        }
        engine.update(message.changes);
        clearTimeout(timer);
        timer = setTimeout(() => void maintain(), SETTLE_MS);
        break;
    }
  });
}

/**
 * A full garbage collection of this thread's heap, for the moments when it has just let go of much (the
 * articles handed over and the saved index's texts, once open; the answers worked out ahead, once
 * prepared). V8 grows a heap from what was live at its last full collection, and until its first it
 * allows a generous size: collecting there leaves the worker's heap near what it holds (12 MB less peak
 * memory at 10,000 articles, for ~10 ms of this thread at each). Node has no call for it: V8's `gc` is
 * had from a context made while the flag that shows it is on, and the flag is put back at once. Where
 * that fails, nothing is collected early: only more memory.
 */
function garbageCollector(): () => void {
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    if (typeof gc === 'function') return gc as () => void;
  } catch {
    // Below: no collection.
  } finally {
    try {
      setFlagsFromString('--no-expose-gc');
    } catch {
      // The flag stays on: only new contexts see it, and this thread makes no other.
    }
  }
  return () => undefined;
}

/** prepareSearch a few milliseconds at a time. */
function* prepareSteps(index: Parameters<typeof prepareSearch>[0]): Generator<void, void> {
  while (prepareSearch(index, 4)) yield;
}

/** The thread's heap and the typed arrays it holds (the index is mostly typed arrays). */
function heapBytes(): number {
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

/** A query's answer; a bug in the engine becomes an answer too, never a dead thread. */
function safeSearch(engine: SearchEngine, query: string, limit: number | null) {
  try {
    return engine.search(query, limit ?? Infinity);
  } catch (error) {
    return { ok: false as const, error: `search failed: ${(error as Error).message}` };
  }
}
