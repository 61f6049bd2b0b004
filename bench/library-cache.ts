// Large libraries on disk (10,000 and 100,000 generated articles), started in a real pseudo-terminal beside
// `node -e 0`: the first frame with a warm cache and with none, peak memory, `list --json`, and what one
// changed file costs the next start.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { timeInPty as timeRun, type Run } from './pty-run.js';
import type { Article } from '../src/core/article.js';
import { openLibrary, type CachedLibrary } from '../src/library/library-cache.js';
import { benchLibrary } from './search-library.js';
import { median } from './stats.js';
import { PEAK_PROBE } from './peak-probe.js';

const TIMEOUT_MS = 120_000;
const timeInPty = (run: Run, env: NodeJS.ProcessEnv) => timeRun(run, env, TIMEOUT_MS);

export interface LibrarySample {
  count: number;
  bare: number[];
  /** Launch → the newest article's row on the screen, cache warm. */
  warmFrame: number[];
  /** The same with no cache (deleted before each run): the first rows. */
  coldFrame: number[];
  /** With no cache, launch → the whole library listed (the header counts every article). */
  coldWhole: number[];
  /** Peak resident memory (MB) of a reader left running until its search index is built. */
  peakMb: number[];
  /** `inkwell list --json`, launch → exit, cache warm. */
  listJson: number[];
  /** `inkwell list`, launch → exit: warm, and with one file changed since the last start. */
  listWarm: number[];
  listOneChanged: number[];
  /**
   * In this process: the library read again after one file changed, as the reader's watcher has it
   * (only the file it names stat'ed), and as a reload did before (every file stat'ed, the cache read and
   * written).
   */
  reloadNamed: number[];
  reloadWhole: number[];
}

/** Writes `count` articles of about `words` words as Markdown files; returns the folder and the newest. */
export function writeLibrary(
  root: string,
  count: number,
  words: number,
): { dir: string; newest: Article } {
  const dir = join(root, `library-${count}`);
  mkdirSync(dir, { recursive: true });
  const { articles } = benchLibrary(count, words);
  // Dated back, so that the cache trusts every file from the first start on.
  const old = new Date(Date.now() - 3_600_000);
  articles.forEach((article, k) => {
    const lines = [
      '---',
      `title: ${JSON.stringify(article.title)}`,
      `author: ${JSON.stringify(article.author)}`,
      `date: ${article.date}`,
      `source: ${JSON.stringify(article.source)}`,
      `tags: [${article.tags.join(', ')}]`,
      '---',
      article.body,
      '',
    ];
    const path = join(dir, `${String(k).padStart(6, '0')}.md`);
    writeFileSync(path, lines.join('\n'));
    utimesSync(path, old, old);
  });
  utimesSync(dir, old, old);
  return { dir, newest: articles[0]! };
}

export async function measureLibraries(
  binary: string,
  sizes: ReadonlyArray<{ count: number; words: number; rounds: number }>,
): Promise<LibrarySample[]> {
  const root = mkdtempSync(join(tmpdir(), 'inkwell-libraries-'));
  const probe = join(root, 'peak.cjs');
  const peakFile = join(root, 'peak.txt');
  writeFileSync(probe, PEAK_PROBE);
  const samples: LibrarySample[] = [];
  try {
    for (const { count, words, rounds } of sizes) {
      const { dir, newest } = writeLibrary(root, count, words);
      const home = join(root, `home-${count}`);
      const cache = join(home, 'cache');
      const indexFile = join(cache, 'search-index.bin');
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        TERM: 'xterm-256color',
        INKWELL_HOME: home,
        INKWELL_BENCH_PEAK: peakFile,
      };
      for (const name of ['CI', 'NO_COLOR', 'FORCE_COLOR', 'COLORTERM']) delete env[name];
      const reader = [binary, '--library', dir];
      // The newest article's row: its title's first words (the row may cut the rest).
      const until = ['inkwell · Library', newest.title.slice(0, 16)];
      // Every article counted in the header: the bundled ones and the library's.
      const total = (count + bundledCount(binary)).toLocaleString('en');
      const whole = [`inkwell · Library · ${total} articles`];
      const sample: LibrarySample = {
        count,
        bare: [],
        warmFrame: [],
        coldFrame: [],
        coldWhole: [],
        peakMb: [],
        listJson: [],
        listWarm: [],
        listOneChanged: [],
        reloadNamed: [],
        reloadWhole: [],
      };
      // The first start builds the cache.
      await timeInPty({ args: reader, until }, env);
      const changed = join(dir, '000001.md');
      const original = readFileSync(changed, 'utf8');
      for (let round = 0; round < rounds; round++) {
        sample.bare.push(await timeInPty({ args: ['-e', '0'] }, env));
        sample.warmFrame.push(await timeInPty({ args: reader, until }, env));
        // A warm start finds the search index saved too: a start that quit at its first frame (the
        // first one, the cold ones) left none, and the reader measured next would rebuild it.
        if (!existsSync(indexFile)) {
          await timeInPty({ args: reader, until, quitWhen: () => existsSync(indexFile) }, env);
        }
        // Left running until the search index is built (its worker shares the process), then quit.
        rmSync(peakFile, { force: true });
        await timeInPty(
          { args: ['--require', probe, ...reader], until, quitAfterMs: count / 10 + 3000 },
          env,
        );
        sample.peakMb.push(Number(readFileSync(peakFile, 'utf8')) / 1024);
        sample.listJson.push(timeProcess([binary, 'list', '--json', '--library', dir], env));
        sample.listWarm.push(timeProcess([binary, 'list', '--library', dir], env));
        // One file changed (its time a minute back, different each round, so it is trusted after).
        writeFileSync(changed, original.replace('---\n', `---\nid: changed-${round}\n`));
        const when = new Date(Date.now() - 60_000 - round * 1000);
        utimesSync(changed, when, when);
        sample.listOneChanged.push(timeProcess([binary, 'list', '--library', dir], env));
        if (count <= 10_000) {
          rmSync(cache, { recursive: true, force: true });
          sample.coldFrame.push(await timeInPty({ args: reader, until }, env));
          rmSync(cache, { recursive: true, force: true });
          sample.coldWhole.push(await timeInPty({ args: reader, until: whole }, env));
        }
      }
      await measureReloads(dir, join(root, `reload-cache-${count}`), rounds, sample);
      samples.push(sample);
      rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return samples;
}

/** A live reload after one file changed, timed in this process: named by a watcher, and every file. */
async function measureReloads(
  dir: string,
  cacheDir: string,
  rounds: number,
  sample: LibrarySample,
): Promise<void> {
  const folders = [{ dir, required: true }];
  const changed = join(dir, '000002.md');
  const original = readFileSync(changed, 'utf8');
  let base: CachedLibrary = (await openLibrary(folders, { cacheDir })).known;
  const change = (tag: string, round: number) => {
    writeFileSync(changed, original.replace('---\n', `---\nid: ${tag}-${round}\n`));
    const when = new Date(Date.now() - 60_000 - round * 1000);
    utimesSync(changed, when, when);
  };
  for (let round = 0; round < rounds; round++) {
    change('named', round);
    let start = performance.now();
    await openLibrary(folders, {
      cacheDir,
      known: base,
      changed: new Set([changed]),
      writeLater: true,
    });
    sample.reloadNamed.push(performance.now() - start);
    // As a reload did before: the cache read, every file stat'ed, the cache written. Its outcome is
    // what the next named reload starts from.
    change('whole', round);
    start = performance.now();
    base = (await openLibrary(folders, { cacheDir })).known;
    sample.reloadWhole.push(performance.now() - start);
  }
  writeFileSync(changed, original);
}

/** Rows for the report: each figure, its ratio to `node -e 0` where it has a budget as one. */
export function libraryRows(samples: readonly LibrarySample[]) {
  const rows: Array<{ name: string; value: string; budget?: string; met?: boolean }> = [];
  for (const sample of samples) {
    const n = sample.count.toLocaleString('en');
    const bare = median(sample.bare);
    const ratio = (value: number) =>
      `${value.toFixed(0)} ms, ${(value / bare).toFixed(2)}× node -e 0`;
    const big = sample.count > 10_000;
    const frameLimit = big ? 5 : 3;
    const warm = median(sample.warmFrame);
    rows.push({ name: `${n} articles: node -e 0 (pty)`, value: `${bare.toFixed(0)} ms` });
    rows.push({
      name: `  first frame, warm cache`,
      value: ratio(warm),
      budget: `≤ ${frameLimit}× node -e 0`,
      met: warm / bare <= frameLimit,
    });
    if (sample.coldFrame.length > 0) {
      const cold = median(sample.coldFrame);
      rows.push({
        name: `  first rows, no cache`,
        value: ratio(cold),
        budget: '≤ 4× node -e 0',
        met: cold / bare <= 4,
      });
    }
    if (sample.coldWhole.length > 0) {
      const whole = median(sample.coldWhole);
      rows.push({
        name: `  whole library listed, no cache`,
        value: `${whole.toFixed(0)} ms`,
        budget: '< 5000 ms',
        met: whole < 5000,
      });
    }
    const peak = median(sample.peakMb);
    const peakLimit = big ? 600 : 150;
    // The spread too: a start's peak varies by several MB with how its threads' work interleaves.
    const least = sample.peakMb.length > 0 ? Math.min(...sample.peakMb) : NaN;
    const most = sample.peakMb.length > 0 ? Math.max(...sample.peakMb) : NaN;
    rows.push({
      name: `  peak resident, reader with its search index built`,
      value: `${peak.toFixed(0)} MB (${least.toFixed(0)}–${most.toFixed(0)})`,
      budget: `< ${peakLimit} MB`,
      met: peak < peakLimit,
    });
    const json = median(sample.listJson);
    rows.push({
      name: `  inkwell list --json, warm`,
      value: `${json.toFixed(0)} ms`,
      ...(big ? { budget: '< 3000 ms', met: json < 3000 } : {}),
    });
    const extra = median(sample.listOneChanged) - median(sample.listWarm);
    rows.push({
      name: `  one file changed: extra time of the next start`,
      value: `${extra.toFixed(0)} ms (list ${median(sample.listWarm).toFixed(0)} ms warm)`,
      ...(big ? {} : { budget: '< 100 ms', met: extra < 100 }),
    });
    if (sample.reloadNamed.length > 0) {
      rows.push({
        name: `  live reload, one file changed (the file named)`,
        value: `${median(sample.reloadNamed).toFixed(1)} ms (every file stat'ed: ${median(sample.reloadWhole).toFixed(0)} ms)`,
      });
    }
  }
  return rows;
}

/** The articles bundled with the binary (content/ beside its folder). */
function bundledCount(binary: string): number {
  const content = join(dirname(binary), '..', 'content');
  return readdirSync(content).filter((name) => name.endsWith('.md')).length;
}

function timeProcess(args: string[], env: NodeJS.ProcessEnv): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${String(result.stderr)}`);
  return performance.now() - start;
}
