// Hostile files at full size, each class the issue tracker met (one instance of it): `inkwell list` and
// `inkwell show` run as a user runs them, timed from launch to exit, with the peak memory of the process.
// The files are made here, in a temporary folder, never kept.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PEAK_PROBE } from './peak-probe.js';

/** One class of hostile file: a folder to give as --library, and the id `show` opens (if any). */
interface HostileCase {
  name: string;
  files: Record<string, string>;
  /** Links to make in the folder: name → target. */
  links?: Record<string, string>;
  show?: string;
}

export interface HostileSample {
  name: string;
  command: 'list' | 'show';
  /** Median wall time, launch to exit, in milliseconds. */
  ms: number;
  /** Largest peak resident set size of the runs, in megabytes. */
  mb: number;
  /** Megabytes of the largest file in the folder. */
  size: number;
}

const article = (title: string, body: string, extra = '') =>
  `---\ntitle: ${title}\ndate: 2026-01-01\n${extra}---\n\n${body}\n`;
/** Just under 4 MB of text made of `unit`. */
const fill = (unit: string) => unit.repeat(Math.floor((4 * 1024 * 1024) / Buffer.byteLength(unit)));

function cases(): HostileCase[] {
  const combining = 'ab\u0301';
  const paragraph =
    'The reader keeps “every quotation” in view, and the city’s long-standing café stays naïve. '.repeat(
      8,
    );
  return [
    {
      name: 'baseline: an ordinary 4 MB article',
      files: { 'ordinary.md': article('Ordinary', fill(`${paragraph}\n\n`)) },
      show: 'ordinary',
    },
    {
      name: 'combining marks: a 28 KB title',
      files: { 'title.md': article(`"${combining.repeat(7000)}"`, 'Text.') },
      show: 'title',
    },
    {
      name: 'combining marks: a 4 MB word',
      files: { 'word.md': article('Marks', fill(combining)) },
      show: 'word',
    },
    {
      name: 'emoji ZWJ sequences: a 4 MB word',
      files: { 'emoji.md': article('Emoji', fill('👨‍👩‍👧')) },
      show: 'emoji',
    },
    {
      name: 'CJK: one 4 MB paragraph',
      files: { 'cjk.md': article('CJK', fill('中')) },
      show: 'cjk',
    },
    {
      name: 'Thai: one 4 MB paragraph',
      files: { 'thai.md': article('Thai', fill('สวัสดีครับ')) },
      show: 'thai',
    },
    {
      name: 'mixed widths: one 4 MB paragraph of CJK and Latin',
      files: { 'mixed.md': article('Mixed', fill('中文a字b')) },
      show: 'mixed',
    },
    {
      name: 'Hangul jamo: a 4 MB word',
      files: { 'jamo.md': article('Jamo', fill('\u1100\u1161\u11a8')) },
      show: 'jamo',
    },
    {
      name: 'Devanagari conjuncts and vowel signs: a 4 MB word',
      files: { 'deva.md': article('Deva', fill('क्षत्रिये')) },
      show: 'deva',
    },
    {
      name: 'emoji flags: a 4 MB run of regional indicators',
      files: { 'flags.md': article('Flags', fill('🇫🇷🇨🇿🇫')) },
      show: 'flags',
    },
    {
      name: 'emoji skin tones: a 4 MB word',
      files: { 'skin.md': article('Skin', fill('👍🏽\u{1f3fb}')) },
      show: 'skin',
    },
    {
      name: 'emoji ZWJ sequences: one 4 MB grapheme of joined pictographs',
      files: { 'chain.md': article('Chain', fill('👨\u200d')) },
      show: 'chain',
    },
    {
      name: 'front matter: 50,000 keys',
      files: {
        'keys.md': article(
          'Keys',
          'Text.',
          Array.from({ length: 50_000 }, (_, k) => `k${k}: v\n`).join(''),
        ),
      },
    },
    {
      name: 'deep quotes: lines of > ×1 … ×2,900',
      files: {
        'quotes.md': article(
          'Quotes',
          Array.from({ length: 2900 }, (_, k) => '>'.repeat(k + 1)).join('\n'),
        ),
      },
      show: 'quotes',
    },
    {
      name: 'deep quotes: "> " ×2,000,000',
      files: { 'gt.md': article('Quotes', '> '.repeat(2_000_000)) },
      show: 'gt',
    },
    {
      name: 'deep lists: 1,400 levels by indentation',
      files: {
        'list.md': article(
          'List',
          Array.from({ length: 1400 }, (_, k) => '  '.repeat(k) + '- x').join('\n'),
        ),
      },
      show: 'list',
    },
    {
      name: 'many rows: a table of 500,000 rows',
      files: {
        'rows.md': article('Rows', '| a | b |\n|---|---|\n' + '| a | b |\n'.repeat(500_000)),
      },
      show: 'rows',
    },
    {
      name: 'wide table: 400,000 columns',
      files: {
        'wide.md': article(
          'Wide',
          ['a|', '-|', 'b|'].map((cell) => cell.repeat(400_000)).join('\n'),
        ),
      },
      show: 'wide',
    },
    {
      name: 'long table header: a 2 MB header cell over 200,000 rows',
      files: {
        'head.md': article(
          'Head',
          `| ${'x'.repeat(2_000_000)} | b |\n|---|---|\n` + '| a | b |\n'.repeat(200_000),
        ),
      },
      show: 'head',
    },
    {
      name: 'many links: 240,000 links to as many addresses',
      files: {
        'links.md': article(
          'Links',
          Array.from({ length: 240_000 }, (_, k) => `[a](http://x.y/${k.toString(36)})`).join(''),
        ),
      },
      show: 'links',
    },
    {
      name: 'shared address: 1 MB referred to 300,000 times',
      files: {
        'refs.md': article(
          'Refs',
          `[x]: http://a.b/${'p'.repeat(1_000_000)}\n\n` + '[a][x] '.repeat(300_000),
        ),
      },
      show: 'refs',
    },
    {
      name: 'one huge token: a 4.9 MB word in a code block',
      files: { 'token.md': article('Token', '```\n' + 'x'.repeat(4.9 * 1024 * 1024) + '\n```') },
      show: 'token',
    },
    {
      name: 'many blocks: 2,000,000 empty headings',
      files: { 'headings.md': article('Headings', '#\n'.repeat(2_000_000)) },
      show: 'headings',
    },
    {
      name: 'links out: a link to /',
      files: { 'good.md': article('Good', 'Text.') },
      links: { root: '/' },
    },
    ...(existsSync('/proc/self/maps')
      ? [
          {
            name: 'links out: a /proc file (size 0)',
            files: { 'good.md': article('Good', 'Text.') },
            links: { 'maps.md': '/proc/self/maps' },
          },
        ]
      : []),
  ];
}

export function measureHostile(binary: string, runs: number): HostileSample[] {
  const root = mkdtempSync(join(tmpdir(), 'inkwell-hostile-'));
  const probe = join(root, 'peak.cjs');
  const peakFile = join(root, 'peak.txt');
  writeFileSync(probe, PEAK_PROBE);
  const env = { ...process.env, INKWELL_HOME: join(root, 'home'), INKWELL_BENCH_PEAK: peakFile };
  const samples: HostileSample[] = [];
  try {
    // BENCH_HOSTILE=words runs only the classes whose names contain one of the words (comma-separated).
    const only = process.env.BENCH_HOSTILE?.split(',').filter(Boolean);
    const chosen = cases().filter(
      (hostile, k) => k === 0 || !only || only.some((word) => hostile.name.includes(word)),
    );
    chosen.forEach((hostile, index) => {
      const dir = join(root, String(index));
      mkdirSync(dir);
      let size = 0;
      for (const [name, text] of Object.entries(hostile.files)) {
        writeFileSync(join(dir, name), text);
        size = Math.max(size, Buffer.byteLength(text) / (1024 * 1024));
      }
      for (const [name, target] of Object.entries(hostile.links ?? {})) {
        symlinkSync(target, join(dir, name));
      }
      const commands: Array<[HostileSample['command'], string[]]> = [['list', ['list']]];
      if (hostile.show) commands.push(['show', ['show', hostile.show]]);
      for (const [command, args] of commands) {
        const times: number[] = [];
        let peak = 0;
        for (let run = 0; run < runs; run++) {
          const start = performance.now();
          const result = spawnSync(
            process.execPath,
            ['--require', probe, binary, ...args, '--library', dir],
            { env, stdio: ['ignore', 'ignore', 'ignore'], timeout: 60_000 },
          );
          times.push(performance.now() - start);
          if (result.error) throw new Error(`${hostile.name}: ${command}: ${result.error.message}`);
          if (result.status !== 0)
            throw new Error(`${hostile.name}: ${command}: exit ${result.status}`);
          peak = Math.max(peak, Number(readFileSync(peakFile, 'utf8')) / 1024);
        }
        times.sort((a, b) => a - b);
        samples.push({
          name: hostile.name,
          command,
          ms: times[Math.floor(times.length / 2)]!,
          mb: peak,
          size,
        });
      }
      rmSync(dir, { recursive: true, force: true });
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return samples;
}
