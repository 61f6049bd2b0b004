// Where the search index's thread starts. Its heap, just made, put back V8 flags the reader had set for
// its own thread (see v8-flags.ts): they are set again first, and only then is the rest of the thread's
// code loaded (search-thread.ts), because the reader's thread goes on loading the library meanwhile, and
// its young generation grew from 2 to 16 MB in the tens of milliseconds that took. Nothing else is
// imported here for the same reason: a module's imports all load before its first line runs.
import { parentPort, workerData } from 'node:worker_threads';
import { setFlags } from '../v8-flags.js';
import type { FromWorker } from './searcher.js';

const flags = (workerData as { v8Flags?: unknown } | null)?.v8Flags;
if (Array.isArray(flags)) setFlags(flags.filter((flag) => typeof flag === 'string'));
// The reader's thread waits for this before it sends the articles (see searcher.ts).
parentPort?.postMessage({ type: 'started' } satisfies FromWorker);
await import('./search-thread.js');
