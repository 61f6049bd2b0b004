// One start of the search engine over a bench library, in a process of its own (a small bundle of its
// own, so that its peak resident memory is the engine's): opens (cold or warm), saves when something
// changed, and unless told not to, prepares and types the queries. Prints what it measured as JSON.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { prepareSearch } from '../src/core/search/search.js';
import { runSteps, SearchEngine, type SearchSource } from '../src/library/search-engine.js';
import { timeTyping, type Kind, type Queries } from './search-queries.js';
import { median } from './stats.js';

/**
 * Hits asked for per keystroke, each described with its highlights and snippet: what the reader asks
 * (its list's rows, see firstResults in src/ui/list-search.ts) on a terminal of 40 rows.
 */
const LIMIT = 36;

/** What one child process measured. */
export interface ChildResult {
  openMs: number;
  reused: number;
  indexed: number;
  saveMs: number;
  prepareMs: number;
  heapBytes: number;
  rssBytes: number;
  maxRssBytes: number;
  bodyReadUs: number;
  typing: Record<Kind, number[]>;
}

/** In the child: opens the engine over the folder, saves when it changed, types the queries. */
async function main(): Promise<void> {
  const {
    sources: sourcesFile,
    cacheFile,
    queries: queriesFile,
    typing: typed,
  } = JSON.parse(process.env.BENCH_SEARCH_CHILD!) as {
    sources: string;
    cacheFile: string;
    queries: string;
    /** Whether to prepare and type the queries (else only open, and save what changed). */
    typing: boolean;
  };
  const sources = JSON.parse(readFileSync(sourcesFile, 'utf8')) as SearchSource[];
  const engine = new SearchEngine(cacheFile);
  const openStart = performance.now();
  const stats = runSteps(engine.open(sources));
  const openMs = performance.now() - openStart;
  // The list is the reader's to hold; the engine keeps what it needs.
  sources.length = 0;
  const saveStart = performance.now();
  if (runSteps(engine.compact()) || engine.needsSaving) await engine.save();
  const saveMs = performance.now() - saveStart;
  if (!typed) {
    const { maxRSS } = process.resourceUsage();
    const opened = {
      openMs,
      reused: stats.reused,
      indexed: stats.indexed,
      saveMs,
      maxRssBytes: maxRSS * 1024,
    };
    process.stdout.write(JSON.stringify(opened));
    return;
  }
  const queries = JSON.parse(readFileSync(queriesFile, 'utf8')) as Queries;
  const prepareStart = performance.now();
  for (const index of engine.indexes) prepareSearch(index);
  const prepareMs = performance.now() - prepareStart;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const { heapUsed, arrayBuffers, rss } = process.memoryUsage();
  // A body read again for a snippet: the few results shown each cost one.
  const [index] = engine.indexes;
  const reads: number[] = [];
  for (let k = 0; k < 200; k++) {
    const doc = (k * 7919) % index!.docs.length;
    const start = performance.now();
    index!.textOf(doc);
    reads.push(performance.now() - start);
  }
  const typing = timeTyping(queries, (query) => engine.search(query, LIMIT));
  const result: ChildResult = {
    openMs,
    reused: stats.reused,
    indexed: stats.indexed,
    saveMs,
    prepareMs,
    heapBytes: heapUsed + arrayBuffers,
    rssBytes: rss,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    bodyReadUs: median(reads) * 1000,
    typing,
  };
  process.stdout.write(JSON.stringify(result));
}

await main();
