// The search engine at 10,000 and 100,000 articles, as files in a temporary folder (written once, the same
// every run): a cold start (every body read and indexed, the index saved), a warm start (the saved index
// read back and checked), and a start after one article changed; each in a process of its own, so that its
// peak resident memory is the engine's: what identifies the articles, the index, the texts it reads.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { prepareSearch } from '../src/core/search/search.js';
import { runSteps, SearchEngine, type SearchSource } from '../src/library/search-engine.js';
import { KINDS, timeTyping, type Kind, type Queries, type Row } from './search.js';
import { benchArticles } from './search-library.js';
import { median, ms, percentile } from './stats.js';

/** Hits a view asks for: a few screens of results. */
const LIMIT = 100;
/** Bumped when what benchArticles writes changes, so that an old folder is written again. */
const FOLDER_VERSION = 1;
const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

interface Folder {
  library: string;
  sources: string;
  cacheFile: string;
}

/** The library of `count` articles as files (written when missing), and what identifies them. */
export function benchFolder(count: number): Folder {
  const root = join(tmpdir(), `inkwell-bench-search-${count}`);
  const folder = {
    library: join(root, 'library'),
    sources: join(root, 'sources.json'),
    cacheFile: join(root, 'cache', 'search-index.bin'),
  };
  const marker = join(root, `complete-${FOLDER_VERSION}`);
  if (existsSync(marker)) return folder;
  rmSync(root, { recursive: true, force: true });
  mkdirSync(folder.library, { recursive: true });
  const sources: SearchSource[] = [];
  benchArticles(count, 600, 50_000, (article) => {
    const path = join(folder.library, `${article.id}.md`);
    const front = [
      `title: ${JSON.stringify(article.title)}`,
      `author: ${JSON.stringify(article.author)}`,
      `date: ${article.date}`,
      `source: ${JSON.stringify(article.source)}`,
      `tags: ${JSON.stringify(article.tags)}`,
    ];
    writeFileSync(path, `---\n${front.join('\n')}\n---\n\n${article.body}\n`);
    const { size, mtimeMs } = statSync(path);
    const { id, title, author, source, tags } = article;
    sources.push({ id, title, author, source, tags, path, size, mtimeMs });
  });
  writeFileSync(folder.sources, JSON.stringify(sources));
  writeFileSync(marker, '');
  return folder;
}

/** What one child process measured. */
interface ChildResult {
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
export async function runScaleChild(): Promise<void> {
  const {
    sources: sourcesFile,
    cacheFile,
    queries: queriesFile,
  } = JSON.parse(process.env.BENCH_SEARCH_CHILD!) as {
    sources: string;
    cacheFile: string;
    queries: string;
  };
  const queries = JSON.parse(readFileSync(queriesFile, 'utf8')) as Queries;
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

function child(bench: string, folder: Folder, queriesFile: string): ChildResult {
  const spec = { sources: folder.sources, cacheFile: folder.cacheFile, queries: queriesFile };
  const run = spawnSync(process.execPath, ['--expose-gc', bench], {
    encoding: 'utf8',
    env: { ...process.env, BENCH_SEARCH_CHILD: JSON.stringify(spec) },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`search scale bench failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as ChildResult;
}

/** Cold, warm and one-changed starts at each size, with keystrokes typed into the warm engine. */
export function searchScaleBench(bench: string, sizes: readonly number[], queries: Queries): Row[] {
  const rows: Row[] = [];
  const queriesFile = join(tmpdir(), `inkwell-bench-queries-${process.pid}.json`);
  writeFileSync(queriesFile, JSON.stringify(queries));
  try {
    for (const count of sizes) {
      const label = `search at ${count.toLocaleString('en')}`;
      const writeStart = performance.now();
      const folder = benchFolder(count);
      const written = performance.now() - writeStart;
      if (written > 1000) rows.push({ name: `${label}: library written`, value: ms(written) });
      rmSync(folder.cacheFile, { force: true });
      const cold = child(bench, folder, queriesFile);
      const warm = child(bench, folder, queriesFile);
      // One article changed: its time moved on (and the list the reader holds says so).
      const one = join(folder.library, 'bench-0.md');
      const later = new Date(Date.now() + 1000);
      utimesSync(one, later, later);
      const sources = JSON.parse(readFileSync(folder.sources, 'utf8')) as SearchSource[];
      sources.find((source) => source.path === one)!.mtimeMs = statSync(one).mtimeMs;
      writeFileSync(folder.sources, JSON.stringify(sources));
      const changed = child(bench, folder, queriesFile);
      const big = count >= 100_000;
      rows.push({
        name: `${label}: cold, every body read and indexed; then saved`,
        value: `${ms(cold.openMs)}; ${ms(cold.saveMs)}, ${MB(statSync(folder.cacheFile).size)} file`,
      });
      rows.push({
        name: `  cold: peak resident of the process`,
        value: MB(cold.maxRssBytes),
      });
      rows.push({
        name: `  warm: saved index read back and checked (${warm.reused} reused, ${warm.indexed} indexed)`,
        value: `${ms(warm.openMs)} (+ ${ms(warm.prepareMs)} preparing first letters)`,
      });
      rows.push({
        name: `  warm: memory held (heap + typed arrays) / resident / peak resident`,
        value: `${MB(warm.heapBytes)} / ${MB(warm.rssBytes)} / ${MB(warm.maxRssBytes)}`,
        budget: big ? 'peak < 600 MB' : 'peak < 150 MB',
        met: warm.maxRssBytes < (big ? 600 : 150) * 1024 * 1024,
      });
      rows.push({
        name: `  one article changed: open (${changed.reused} reused, ${changed.indexed} indexed), vs warm`,
        value: `${ms(changed.openMs)}, + ${ms(changed.openMs - warm.openMs)}`,
        budget: '< 100 ms extra',
        met: changed.openMs - warm.openMs < 100,
      });
      rows.push({
        name: `  a body read again for a snippet (median)`,
        value: `${(warm.bodyReadUs / 1000).toFixed(3)} ms`,
      });
      const all: number[] = [];
      for (const kind of KINDS) {
        const samples = warm.typing[kind];
        all.push(...samples);
        rows.push({
          name: `  warm: ${kind} (${samples.length}), p50 / p95 / max`,
          value: `${ms(median(samples))} / ${ms(percentile(samples, 95))} / ${ms(Math.max(...samples))}`,
        });
      }
      const p95 = percentile(all, 95);
      rows.push({
        name: `  warm: every keystroke, p95`,
        value: ms(p95),
        budget: big ? '< 50 ms' : '< 16 ms',
        met: p95 < (big ? 50 : 16),
      });
    }
  } finally {
    rmSync(queriesFile, { force: true });
  }
  return rows;
}
