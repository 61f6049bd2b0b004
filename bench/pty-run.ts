// Processes timed in a real pseudo-terminal, as a person sees them: from launch until the screen shows
// what they were started for, or until they exit.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import type * as NodePty from 'node-pty';

// node-pty is a native module: loaded from node_modules at run time, not bundled into dist/bench.js.
const { spawn } = createRequire(import.meta.url)('node-pty') as typeof NodePty;

/** Escape sequences (CSI, OSC, two-byte ESC) between styled runs of text. */
const ESCAPES = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])/g;

/** Terminal output as text, without its escape sequences. */
export function plain(text: string): string {
  return text.replace(ESCAPES, '');
}

/** One process to time: Node's arguments, and what on the screen ends the timing. */
export interface Run {
  args: string[];
  /** The screen text (escapes removed) that ends the timing; without it, the exit does. */
  until?: readonly string[];
  /** Once `until` is on the screen, wait this long and press q (instead of ending the process). */
  quitAfterMs?: number;
  /** Once `until` is on the screen, press q as soon as this holds (checked every 100 ms). */
  quitWhen?: () => boolean;
}

/**
 * Milliseconds from spawning until `until` is all on an 80×24 screen, or until exit without it. Every
 * run waits for its process to end, so the next one never shares the machine with it; one that takes
 * `timeoutMs` has hung, and is killed and reported instead of waited for.
 */
export function timeInPty(
  { args, until, quitAfterMs, quitWhen }: Run,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const pty = spawn(process.execPath, args, {
      name: 'xterm-256color',
      cols: 80,
      rows: 24,
      env: env as Record<string, string>,
    });
    let output = '';
    let elapsed: number | undefined;
    let poll: NodeJS.Timeout | undefined;
    const last = () => plain(output.slice(-2000));
    const timer = setTimeout(() => {
      pty.kill('SIGKILL');
      reject(new Error(`${args.join(' ')}: nothing after ${timeoutMs} ms; output: ${last()}`));
    }, timeoutMs);
    pty.onData((data) => {
      output += data;
      if (elapsed !== undefined || !until) return;
      // Only the latest output is searched again: the whole of it grows with every frame.
      const screen = plain(output.slice(-64 * 1024));
      if (!until.every((text) => screen.includes(text))) return;
      elapsed = performance.now() - start;
      if (quitWhen) {
        poll = setInterval(() => {
          if (!quitWhen()) return;
          clearInterval(poll);
          pty.write('q');
        }, 100);
      } else if (quitAfterMs === undefined) pty.kill();
      else setTimeout(() => pty.write('q'), quitAfterMs);
    });
    pty.onExit(({ exitCode }) => {
      clearTimeout(timer);
      clearInterval(poll);
      if (!until) {
        if (exitCode !== 0) reject(new Error(`${args.join(' ')} failed (${exitCode}): ${last()}`));
        else resolve(performance.now() - start);
      } else if (elapsed === undefined) {
        reject(new Error(`${args.join(' ')} ended (${exitCode}) before: ${last()}`));
      } else resolve(elapsed);
    });
  });
}
