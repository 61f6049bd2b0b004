// Start-up as a person sees it: processes in a real pseudo-terminal, timed from launch until the screen
// shows what they were started for. `node -e 0` shows nothing, so its time is launch to exit.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { timeInPty as timeRun, type Run } from './pty-run.js';

/** No run should come near this; a run that does has hung, and the bench says so instead of waiting. */
const TIMEOUT_MS = 20_000;
const timeInPty = (run: Run, env: NodeJS.ProcessEnv) => timeRun(run, env, TIMEOUT_MS);

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
