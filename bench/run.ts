// `npm run bench`: start-up against bare Node, wrapping a long article, the full-screen reader's frames and
// search, each against its budget. Medians, never single runs; start-up as a ratio against a baseline measured in
// the same run, because these machines are shared and noisy.
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../src/core/article.js';
import { layoutBlocks } from '../src/core/layout.js';
import { parseMarkdown } from '../src/core/markdown.js';
import { measureStartUp } from './first-frame.js';
import { measureHostile } from './hostile.js';
import { measureImport } from './import.js';
import { libraryRows, measureLibraries } from './library-cache.js';
import { longArticle } from './long-article.js';
import { loadReaderBench } from './load-reader.js';
import { searchBench } from './search.js';
import { makeQueries } from './search-queries.js';
import { benchLibrary } from './search-library.js';
import { benchFolder, searchScaleBench } from './search-scale.js';
import { median, ms, percentile, timeCall } from './stats.js';
import { typingPlan, typingRows } from './typing-plan.js';

// BENCH_BINARY names another build (an earlier commit's, say) to measure instead, for a before/after.
const BINARY =
  process.env.BENCH_BINARY ?? fileURLToPath(new URL('../dist/inkwell.cjs', import.meta.url));
const CONTENT = fileURLToPath(new URL('../content/', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const SCROLL_STEPS = Number(process.env.BENCH_SCROLL_STEPS ?? 200);
const SCROLL_WARM_UP = 20;
const HOSTILE_RUNS = Number(process.env.BENCH_HOSTILE_RUNS ?? 3);
const LONG_BYTES = 200 * 1024;
/**
 * `BENCH_ONLY=search` runs the search benches alone (it takes minutes, most of it fuse.js, MiniSearch and
 * indexing 100,000 articles); `BENCH_ONLY=search-scale` only the engine at 10,000 and 100,000 articles
 * (BENCH_SEARCH_SIZES); `BENCH_ONLY=typing` only typing into the reader's search field (`BENCH_TYPING`
 * sets how many words, several-word queries, typos and quoted phrases it types);
 * `BENCH_ONLY=library` only the generated libraries of 10,000 and 100,000 articles on disk
 * (`BENCH_LIBRARY_SIZES=10000` for the smaller alone); `BENCH_ONLY=startup` only start-up on the bundled
 * library; `BENCH_ONLY=hostile` only the hostile files (`BENCH_HOSTILE=table,links` only the classes whose
 * names contain those words, and the baseline).
 */
const ONLY = process.env.BENCH_ONLY;
const WORKER = new URL('./search-worker.js', import.meta.url);
const SEARCH_ARTICLES = Number(process.env.BENCH_SEARCH_ARTICLES ?? 10_000);
/** Library sizes of the search scale bench (cold, warm, one changed): `BENCH_SEARCH_SIZES=10000`. */
const SEARCH_SIZES = (process.env.BENCH_SEARCH_SIZES ?? '10000,100000').split(',').map(Number);

/** The made-up library's articles with the paths of their files in the bench's folder. */
function onDisk(articles: readonly Article[]): Article[] {
  const { library } = benchFolder(articles.length);
  return articles.map((article) => ({ ...article, path: join(library, `${article.id}.md`) }));
}

/** One line of the report: a figure and, when it has one, its budget and whether it is met. */
interface Row {
  name: string;
  value: string;
  budget?: string;
  met?: boolean;
}

const rows: Row[] = [];
const budget = (name: string, value: number, limit: number) =>
  rows.push({ name, value: ms(value), budget: `< ${limit} ms`, met: value < limit });
// A busy machine slows everything down: the load is printed beside the figures.
const loadAtStart = loadavg()[0]!;

function timeProcess(args: string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${String(result.stderr)}`);
  return performance.now() - start;
}

if (!ONLY || ONLY === 'startup') {
  // Start-up in a real 80×24 pseudo-terminal: bare Node, the list's first frame and `inkwell list` take
  // turns, so all of them see the same machine.
  const startUp = await measureStartUp(BINARY, RUNS);
  const bare = median(startUp.bare);
  const firstFrame = median(startUp.firstFrame);
  rows.push({ name: 'pty: node -e 0, launch → exit', value: ms(bare) });
  const ratio = firstFrame / bare;
  rows.push({
    name: 'pty: inkwell, launch → list on screen',
    value: `${ms(firstFrame)}, ${ratio.toFixed(2)}× node -e 0`,
    budget: '≤ 2× node -e 0',
    met: ratio <= 2,
  });
  rows.push({ name: '  the first start, no code cache yet (one run)', value: ms(startUp.cold) });
  // Where the time goes: each step's median length, in time and in CPU time (which a busy machine
  // disturbs less), from the launch (Node's own start-up first) to the first frame.
  const steps = Object.keys(startUp.steps[0] ?? {});
  steps.forEach((step, k) => {
    const length = (key: 'at' | 'cpu') =>
      median(startUp.steps.map((run) => run[step]![key] - (k > 0 ? run[steps[k - 1]!]![key] : 0)));
    rows.push({ name: `  → ${step}`, value: `${ms(length('at'))}, CPU ${ms(length('cpu'))}` });
  });
  rows.push({
    name: 'pty: inkwell list, launch → exit',
    value: `${ms(median(startUp.list))}, ${(median(startUp.list) / bare).toFixed(2)}× node -e 0`,
  });

  // The same through pipes, as before: no terminal, so no colour and no reader.
  const pipedBare: number[] = [];
  const pipedList: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    pipedBare.push(timeProcess(['-e', '0']));
    pipedList.push(timeProcess([BINARY, 'list']));
  }
  rows.push({ name: 'piped: node -e 0', value: ms(median(pipedBare)) });
  rows.push({
    name: 'piped: inkwell list',
    value: `${ms(median(pipedList))}, ${(median(pipedList) / median(pipedBare)).toFixed(2)}× node -e 0`,
  });
}

if (!ONLY) {
  // Wrapping: a 200 KB article, parsed and laid out at 80 columns.
  const body = longArticle(LONG_BYTES);
  for (let warm = 0; warm < 3; warm++) layoutBlocks(parseMarkdown(body), 80);
  const parse = median(Array.from({ length: RUNS }, () => timeCall(() => parseMarkdown(body))));
  const blocks = parseMarkdown(body);
  const wrap = median(Array.from({ length: RUNS }, () => timeCall(() => layoutBlocks(blocks, 80))));
  const lines = layoutBlocks(blocks, 80).length;
  rows.push({ name: 'parse 200 KB Markdown', value: ms(parse) });
  budget(`wrap 200 KB at 80 columns (${lines} lines)`, wrap, 50);

  // The reader in process, in a fake 80×24 terminal: the page of a 200 KB article, Ink's renderTime per
  // frame, and key → frame.
  const { measureReader } = await loadReaderBench();
  const reader = await measureReader({
    content: CONTENT,
    runs: RUNS,
    longBytes: LONG_BYTES,
    scrollSteps: SCROLL_STEPS,
    scrollWarmUp: SCROLL_WARM_UP,
  });
  rows.push({
    name: 'pageOf 200 KB article (parse, wrap, quotations)',
    value: ms(median(reader.page)),
  });
  const { scroll } = reader;
  const scrollLabel = `scroll j, 200 KB article (${scroll.lines} lines), ${SCROLL_STEPS} steps`;
  budget(`${scrollLabel}: renderTime median`, median(scroll.renderTimes), 5);
  rows.push({ name: `  renderTime p95`, value: ms(percentile(scroll.renderTimes, 95)) });
  rows.push({ name: `  key → frame median`, value: ms(median(scroll.roundTrips)) });
  rows.push({ name: `  key → frame p95`, value: ms(percentile(scroll.roundTrips, 95)) });
  budget('open seed article: Enter → first frame', median(reader.openSeed.roundTrips), 30);
  budget('open 200 KB article: Enter → first frame', median(reader.openLong.roundTrips), 30);
  rows.push({ name: '  renderTime of that frame', value: ms(median(reader.openLong.renderTimes)) });
  budget(
    '  the same after resting 300 ms on it in the list',
    median(reader.openLongRested.roundTrips),
    30,
  );

  budget('list of 100,000 articles: renderTime per move', median(reader.hugeList), 5);
  budget(
    'toggle a bookmark, 10,000 stored: s → updated frame',
    median(reader.bookmarks.roundTrips),
    20,
  );
  rows.push({
    name: '  the store update after it (lock, read, check, write)',
    value: ms(median(reader.bookmarks.writes)),
  });
}

if (!ONLY || ONLY === 'search') {
  rows.push(
    ...(await searchBench(WORKER, onDisk, {
      slowSamples: Number(process.env.BENCH_FUSE_SAMPLES ?? 2),
      rivals: process.env.BENCH_SEARCH_RIVALS !== '0',
    })),
  );
}

if (!ONLY || ONLY === 'search' || ONLY === 'search-scale') {
  const library = benchLibrary();
  const queries = makeQueries(library.articles, library.vocabulary);
  const child = fileURLToPath(new URL('./bench-search-child.js', import.meta.url));
  rows.push(...searchScaleBench(child, SEARCH_SIZES, queries));
}

if (!ONLY || ONLY === 'search' || ONLY === 'typing') {
  // Typing into the reader's search field over the made-up library, the real engine behind it (its index
  // built on a worker thread first): key → the field drawn, and key → that query's results drawn, for
  // dozens of different queries of each class (BENCH_TYPING=words,several,typos,phrases sets how many).
  const { measureSearchTyping } = await loadReaderBench();
  const library = benchLibrary(SEARCH_ARTICLES);
  const [words, several, typos, phrases] = (process.env.BENCH_TYPING ?? '48,8,40,8')
    .split(',')
    .map(Number);
  const plan = typingPlan(library.articles, library.vocabulary, {
    words: words!,
    several: several!,
    typos: typos!,
    phrases: phrases ?? 0,
  });
  const typing = await measureSearchTyping(
    onDisk(library.articles),
    plan.map((query) => query.text),
  );
  const { index } = typing;
  rows.push({
    name: `reader: search index of ${thousands(SEARCH_ARTICLES)} articles (${index.where})`,
    value: `${ms(index.buildMs)} (+ ${ms(index.prepareMs)} preparing first letters), ${(index.heapBytes / 2 ** 20).toFixed(0)} MB heap`,
  });
  const keyToField = typing.queries.flatMap((query) => query.field);
  budget('reader: search field, key → field drawn, median', median(keyToField), 16);
  rows.push(...typingRows(plan, typing.queries));
  if (typing.mainThreadMs !== undefined) {
    // What the reader's thread spent on CPU (keys, frames, answers), which other programs barely change.
    const keys = typing.queries.reduce((sum, query) => sum + query.query.length, 0);
    rows.push({
      name: `  reader thread on CPU while typing, per key (${keys} keys)`,
      value: ms(typing.mainThreadMs / keys),
    });
  }
}

function thousands(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+$)/g, ',');
}

if (!ONLY || ONLY === 'library') {
  // Libraries on disk: the cache's warm and cold starts, memory, `list --json`, one changed file.
  const sizes = (process.env.BENCH_LIBRARY_SIZES ?? '10000,100000').split(',').map(Number);
  const rounds = Number(process.env.BENCH_LIBRARY_ROUNDS ?? 5);
  const samples = await measureLibraries(
    BINARY,
    // 100,000 articles of 150 words (100 MB on disk) rather than 600: the same files to walk and cache.
    sizes.map((count) => ({ count, words: count > 10_000 ? 150 : 600, rounds })),
  );
  rows.push(...libraryRows(samples));
  if (ONLY === 'library' && sizes.some((count) => count >= 100_000)) {
    // The full run measures it with the reader's other frames.
    const { measureHugeList } = await loadReaderBench();
    const moves = await measureHugeList(CONTENT, SCROLL_STEPS);
    budget('list of 100,000 articles: renderTime per move', median(moves), 5);
  }
}

if (!ONLY) {
  // Importing: one large feed through the binary (one run: it takes seconds), one web page in process.
  const imported = measureImport(BINARY, RUNS);
  const feedMb = (imported.feedBytes / 1024 / 1024).toFixed(0);
  rows.push({
    name: `inkwell add: ${imported.feedEntries.toLocaleString('en')}-entry feed, ${feedMb} MB (one run)`,
    value: ms(imported.feedMs),
    budget: '< 20000 ms',
    met: imported.feedMs < 20_000,
  });
  rows.push({
    name: '  its CPU time (user + system)',
    value: ms(imported.feedCpuMs),
    budget: '< 20000 ms',
    met: imported.feedCpuMs < 20_000,
  });
  rows.push({
    name: '  peak memory of that import',
    value: `${imported.feedPeakMb.toFixed(0)} MB`,
    budget: '< 500 MB',
    met: imported.feedPeakMb < 500,
  });
  budget(
    `import one ${Math.round(imported.pageBytes / 1024)} KB web page (Readability, Markdown)`,
    imported.pageMs,
    300,
  );
}

if (!ONLY || ONLY === 'hostile') {
  // Hostile files, each class at full size: list and show launch to exit, against 1 s and 300 MB.
  // The first class is an ordinary article of the same size, the baseline of the ratios: a hostile file should
  // cost no more than it, and shared machines are noisy.
  const hostile = measureHostile(BINARY, HOSTILE_RUNS);
  for (const sample of hostile) {
    const base = hostile.find((other) => other.command === sample.command)!;
    rows.push({
      name: `hostile ${sample.command}: ${sample.name}`,
      value: `${ms(sample.ms)} (${(sample.ms / base.ms).toFixed(1)}×), ${sample.mb.toFixed(0)} MB`,
      budget: '< 1000 ms, < 300 MB',
      met: sample.ms < 1000 && sample.mb < 300,
    });
  }
}

const width = Math.max(...rows.map((row) => row.name.length));
const valueWidth = Math.max(...rows.map((row) => row.value.length));
const budgetWidth = Math.max(...rows.map((row) => row.budget?.length ?? 0));
const load = `load ${loadAtStart.toFixed(1)} → ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`;
console.log(
  `inkwell bench: medians of ${RUNS} runs unless said (hostile files: ${HOSTILE_RUNS}); Node ${process.version}; ${load}`,
);
console.log(
  `  ${'measure'.padEnd(width)}  ${'figure'.padEnd(valueWidth)}  ${'budget'.padEnd(budgetWidth)}`,
);
for (const row of rows) {
  const verdict = row.met === undefined ? '' : row.met ? 'pass' : 'MISS';
  console.log(
    `  ${row.name.padEnd(width)}  ${row.value.padEnd(valueWidth)}  ${(row.budget ?? '').padEnd(budgetWidth)}  ${verdict}`.trimEnd(),
  );
}
