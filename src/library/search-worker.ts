// The search index's own thread: receives the library in batches, indexes each as it arrives, and answers
// queries (in the order asked; those asked before the index is sealed wait for it).
import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { IndexBuilder, type SearchIndex } from '../core/search/build-index.js';
import { prepareSearch, searchIndex } from '../core/search/search.js';
import { loadArticle } from './load.js';
import { documentOf, type ToWorker, type FromWorker } from './searcher.js';

const port = parentPort;
if (port) {
  const builder = new IndexBuilder();
  let index: SearchIndex | undefined;
  let building = 0;
  const waiting: Array<Extract<ToWorker, { type: 'search' }>> = [];
  const post = (message: FromWorker) => port.postMessage(message);
  const answer = ({ id, query, limit }: Extract<ToWorker, { type: 'search' }>) =>
    post({ type: 'answer', id, answer: safeSearch(index!, query, limit) });

  port.on('message', (message: ToWorker) => {
    switch (message.type) {
      case 'add': {
        const start = performance.now();
        for (const source of message.documents) builder.add(documentOf(source, loadArticle));
        building += performance.now() - start;
        break;
      }
      case 'seal': {
        const start = performance.now();
        const built = (index = builder.seal());
        const sealed = performance.now();
        building += sealed - start;
        for (const query of waiting.splice(0)) answer(query);
        // Ready once the first keystrokes' answers are prepared too: queries are answered meanwhile.
        prepareAhead(built, () =>
          post({
            type: 'ready',
            articles: built.docs.length,
            terms: built.vocabulary.terms.length,
            buildMs: building,
            prepareMs: performance.now() - sealed,
            heapBytes: heapBytes(),
          }),
        );
        break;
      }
      case 'search':
        if (index) answer(message);
        else waiting.push(message);
        break;
    }
  });
}

/** Answers for first keystrokes, a few milliseconds at a time, so queries are answered in between. */
function prepareAhead(index: SearchIndex, done: () => void) {
  if (prepareSearch(index, 4)) setImmediate(() => prepareAhead(index, done));
  else done();
}

/** The thread's heap and the typed arrays it holds (the index is mostly typed arrays). */
function heapBytes(): number {
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

/** A query's answer; a bug in the engine becomes an answer too, never a dead thread. */
function safeSearch(index: SearchIndex, query: string, limit: number | null) {
  try {
    return searchIndex(index, query, limit ?? Infinity);
  } catch (error) {
    return { ok: false as const, error: `search failed: ${(error as Error).message}` };
  }
}
