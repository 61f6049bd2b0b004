// `npm run bench`: start-up against bare Node, and wrapping a long article. Medians, never single runs;
// ratios against a baseline measured in the same run, because these machines are shared and noisy.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { layoutBlocks } from '../src/core/layout.js';
import { parseMarkdown } from '../src/core/markdown.js';
import { longArticle } from './long-article.js';

const BINARY = fileURLToPath(new URL('../dist/inkwell.js', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 21);

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timeProcess(args: string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${String(result.stderr)}`);
  return performance.now() - start;
}

function timeCall(call: () => unknown): number {
  const start = performance.now();
  call();
  return performance.now() - start;
}

const rows: Array<[string, string]> = [];

// Start-up: bare Node and `inkwell list` take turns, so both see the same machine.
const bare: number[] = [];
const list: number[] = [];
for (let run = 0; run < RUNS; run++) {
  bare.push(timeProcess(['-e', '0']));
  list.push(timeProcess([BINARY, 'list']));
}
rows.push(['node -e 0', `${median(bare).toFixed(1)} ms`]);
rows.push([
  'inkwell list (bundled content)',
  `${median(list).toFixed(1)} ms, ${(median(list) / median(bare)).toFixed(2)}× node -e 0`,
]);

// Wrapping: a 200 KB article, parsed and laid out at 80 columns.
const body = longArticle(200 * 1024);
for (let warm = 0; warm < 3; warm++) layoutBlocks(parseMarkdown(body), 80);
const parse = median(Array.from({ length: RUNS }, () => timeCall(() => parseMarkdown(body))));
const blocks = parseMarkdown(body);
const wrap = median(Array.from({ length: RUNS }, () => timeCall(() => layoutBlocks(blocks, 80))));
const lines = layoutBlocks(blocks, 80).length;
rows.push([`parse 200 KB Markdown`, `${parse.toFixed(1)} ms`]);
rows.push([`wrap 200 KB at 80 columns (${lines} lines)`, `${wrap.toFixed(1)} ms`]);

const width = Math.max(...rows.map(([name]) => name.length));
console.log(`inkwell bench: medians of ${RUNS} runs, Node ${process.version}`);
for (const [name, value] of rows) console.log(`  ${name.padEnd(width)}  ${value}`);
