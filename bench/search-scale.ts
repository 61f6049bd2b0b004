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
import type { SearchSource } from '../src/library/search-engine.js';
import { YOUNG_GENERATION_MB } from '../src/library/searcher.js';
import type { ChildResult } from './search-scale-child.js';
import { KINDS, type Queries } from './search-queries.js';
import type { Row } from './search.js';
import { benchArticles } from './search-library.js';
import { median, ms, percentile } from './stats.js';

/** Warm and one-changed starts measured, in turns. */
const OPEN_ROUNDS = 3;
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

/** What every start reports; one that typed reports all of ChildResult. */
type Opened = Pick<ChildResult, 'openMs' | 'reused' | 'indexed' | 'saveMs' | 'maxRssBytes'>;

/** Runs one start of the engine in a process of its own (see search-scale-child.ts). */
function child(
  script: string,
  folder: Folder,
  queriesFile: string,
  typing: boolean,
  flags = [`--max-semi-space-size=${Math.max(1, Math.round(YOUNG_GENERATION_MB / 3))}`],
): Partial<ChildResult> &
  Pick<ChildResult, 'openMs' | 'reused' | 'indexed' | 'saveMs' | 'maxRssBytes'> {
  const spec = {
    sources: folder.sources,
    cacheFile: folder.cacheFile,
    queries: queriesFile,
    typing,
  };
  // By default the young generation the search worker is given (see searcher.ts): V8's semi-space is a
  // third of it.
  const run = spawnSync(process.execPath, ['--expose-gc', ...flags, script], {
    encoding: 'utf8',
    env: { ...process.env, BENCH_SEARCH_CHILD: JSON.stringify(spec) },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`search scale bench failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as ChildResult;
}

/** Moves an article's modified time on, in its file and in the list the reader holds. */
function touch(folder: Folder, path: string): void {
  const later = new Date(Date.now() + 1000);
  utimesSync(path, later, later);
  const sources = JSON.parse(readFileSync(folder.sources, 'utf8')) as SearchSource[];
  sources.find((source) => source.path === path)!.mtimeMs = statSync(path).mtimeMs;
  writeFileSync(folder.sources, JSON.stringify(sources));
}

/** Cold, warm and one-changed starts at each size, with keystrokes typed into the warm engine. */
export function searchScaleBench(
  script: string,
  sizes: readonly number[],
  queries: Queries,
): Row[] {
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
      const cold = child(script, folder, queriesFile, false);
      const warm = child(script, folder, queriesFile, true) as ChildResult;
      // Warm starts and starts after one article changed, in turns: single starts are noisy here.
      const warmOpens: number[] = [];
      const changedOpens: number[] = [];
      let changed: Opened = warm;
      for (let round = 0; round < OPEN_ROUNDS; round++) {
        warmOpens.push(child(script, folder, queriesFile, false).openMs);
        touch(folder, join(folder.library, `bench-${round}.md`));
        changed = child(script, folder, queriesFile, false);
        changedOpens.push(changed.openMs);
      }
      const warmOpen = median(warmOpens);
      const changedOpen = median(changedOpens);
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
        name: `  warm: saved index read back and checked (${warm.reused} reused), median of ${OPEN_ROUNDS}`,
        value: `${ms(warmOpen)} (+ ${ms(warm.prepareMs)} preparing first letters)`,
      });
      rows.push({
        name: `  warm: memory held (heap + typed arrays) / resident / peak resident`,
        value: `${MB(warm.heapBytes)} / ${MB(warm.rssBytes)} / ${MB(warm.maxRssBytes)}`,
        budget: big ? 'peak < 600 MB' : 'peak < 150 MB',
        met: warm.maxRssBytes < (big ? 600 : 150) * 1024 * 1024,
      });
      rows.push({
        name: `  one article changed: open (${changed.reused} reused, ${changed.indexed} indexed), vs warm`,
        value: `${ms(changedOpen)}, + ${ms(changedOpen - warmOpen)}`,
        budget: '< 100 ms extra',
        met: changedOpen - warmOpen < 100,
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
        name: `  warm: every keystroke, p50 / p95`,
        value: `${ms(median(all))} / ${ms(p95)}`,
        budget: big ? '< 50 ms' : '< 16 ms',
        met: p95 < (big ? 50 : 16),
      });
      // An earlier engine (a child bundled from an older commit), typed in the same run, for comparison.
      const before = process.env.BENCH_SEARCH_BEFORE;
      if (before) {
        const old = child(before, folder, queriesFile, true, []) as ChildResult;
        const oldAll: number[] = [];
        for (const kind of KINDS) {
          const samples = old.typing[kind];
          oldAll.push(...samples);
          rows.push({
            name: `  before: ${kind}, p50 / p95 / max`,
            value: `${ms(median(samples))} / ${ms(percentile(samples, 95))} / ${ms(Math.max(...samples))}`,
          });
        }
        rows.push({
          name: `  before: every keystroke p50 / p95; peak resident`,
          value: `${ms(median(oldAll))} / ${ms(percentile(oldAll, 95))}; ${MB(old.maxRssBytes)}`,
        });
      }
    }
  } finally {
    rmSync(queriesFile, { force: true });
  }
  return rows;
}
