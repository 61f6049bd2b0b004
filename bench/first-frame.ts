// Start-up as a person sees it: processes in a real pseudo-terminal, timed from launch until the screen
// shows what they were started for. `node -e 0` shows nothing, so its time is launch to exit.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type * as NodePty from 'node-pty';

const COLUMNS = 80;
const ROWS = 24;
/** No run should come near this; a run that does has hung, and the bench says so instead of waiting. */
const TIMEOUT_MS = 20_000;
/** Escape sequences (CSI, OSC, two-byte ESC) between styled runs of text. */
const ESCAPES = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])/g;

// node-pty is a native module: loaded from node_modules at run time, not bundled into dist/bench.js.
const { spawn } = createRequire(import.meta.url)('node-pty') as typeof NodePty;

export interface StartUpSamples {
  /** `node -e 0`: launch to exit. */
  bare: number[];
  /** `inkwell` the first time, with no code cache yet (one run). */
  cold: number;
  /** `inkwell`: launch until the list with the bundled content is on the screen. */
  firstFrame: number[];
  /** `inkwell list`: launch to exit. */
  list: number[];
  /** Each start-up step of `inkwell` (src/startup.ts): ms since launch and CPU ms when it ended. */
  steps: Record<string, { at: number; cpu: number }>[];
}

interface Run {
  args: string[];
  /** The screen text (escapes removed) that ends the timing; without it, the exit does. */
  until?: readonly string[];
}

/** `rounds` rounds, each running the three in turn, so all of them see the same machine. */
export async function measureStartUp(binary: string, rounds: number): Promise<StartUpSamples> {
  const home = mkdtempSync(join(tmpdir(), 'inkwell-bench-'));
  const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color', INKWELL_HOME: home };
  for (const name of ['CI', 'NO_COLOR', 'FORCE_COLOR', 'COLORTERM']) delete env[name];
  const listFrame = ['inkwell · Library', 'Russia’s Putin'];
  const marks = join(home, 'startup-marks.jsonl');
  // The first start compiles everything and saves the code cache, which the others start from.
  const cold = await timeInPty({ args: [binary], until: listFrame }, env);
  const samples: StartUpSamples = { bare: [], cold, firstFrame: [], list: [], steps: [] };
  try {
    for (let round = 0; round < rounds; round++) {
      samples.bare.push(await timeInPty({ args: ['-e', '0'] }, env));
      samples.firstFrame.push(await timeInPty({ args: [binary], until: listFrame }, env));
      samples.list.push(await timeInPty({ args: [binary, 'list'] }, env));
      // Timing the steps costs a little (the clock, a file): a run of its own.
      await timeInPty(
        { args: [binary], until: listFrame },
        { ...env, INKWELL_STARTUP_MARKS: marks },
      );
    }
    samples.steps = readFileSync(marks, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as StartUpSamples['steps'][number]);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
  return samples;
}

/** Milliseconds from spawning until `until` is all on the screen (then the process is ended) or exit. */
function timeInPty({ args, until }: Run, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const pty = spawn(process.execPath, args, {
      name: 'xterm-256color',
      cols: COLUMNS,
      rows: ROWS,
      env: env as Record<string, string>,
    });
    let output = '';
    let elapsed: number | undefined;
    const timer = setTimeout(() => {
      pty.kill('SIGKILL');
      reject(
        new Error(`${args.join(' ')}: nothing after ${TIMEOUT_MS} ms; output: ${plain(output)}`),
      );
    }, TIMEOUT_MS);
    pty.onData((data) => {
      output += data;
      if (until && elapsed === undefined && until.every((text) => plain(output).includes(text))) {
        elapsed = performance.now() - start;
        pty.kill();
      }
    });
    // Every run waits for its process to end, so the next one never shares the machine with it.
    pty.onExit(({ exitCode }) => {
      clearTimeout(timer);
      if (until) {
        if (elapsed === undefined) {
          reject(new Error(`${args.join(' ')} ended (${exitCode}) before: ${plain(output)}`));
        } else resolve(elapsed);
      } else if (exitCode !== 0) {
        reject(new Error(`${args.join(' ')} failed (${exitCode}): ${plain(output)}`));
      } else resolve(performance.now() - start);
    });
  });
}

function plain(text: string): string {
  return text.replace(ESCAPES, '');
}
