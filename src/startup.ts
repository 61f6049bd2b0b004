// Start-up's milestones, shared by everything that loads before the reader's first frame: listeners told
// when that frame is drawn (the code cache is saved then), and, for the bench, when each step ended.
import { appendFileSync } from 'node:fs';

/**
 * Step name → when it ended: ms since the process started, and the CPU time (all threads) spent by then,
 * which a busy machine disturbs less.
 */
type Marks = Record<string, { at: number; cpu: number }>;

interface Startup {
  marks: Marks;
  firstFrameListeners: (() => void)[];
}

/** Kept on the global object: the reader's script holds a copy of this module of its own. */
function shared(): Startup {
  const global = globalThis as { [key: symbol]: Startup | undefined };
  return (global[Symbol.for('inkwell.startup')] ??= { marks: {}, firstFrameListeners: [] });
}

/**
 * Notes that the step `name` has just ended, when INKWELL_STARTUP_MARKS names a file: the reader
 * appends the steps to it as one JSON line once its first frame is drawn. Free otherwise.
 */
export function mark(name: string): void {
  if (!process.env.INKWELL_STARTUP_MARKS) return;
  const { user, system } = process.cpuUsage();
  shared().marks[name] = { at: performance.now(), cpu: (user + system) / 1000 };
}

/** Calls `listener` once the reader's first frame is on the screen. */
export function onFirstFrame(listener: () => void): void {
  shared().firstFrameListeners.push(listener);
}

/** The reader has drawn its first frame: what waited for it runs now. */
export function firstFrameDrawn(): void {
  mark('first frame');
  const startup = shared();
  const file = process.env.INKWELL_STARTUP_MARKS;
  if (file) {
    try {
      appendFileSync(file, `${JSON.stringify(startup.marks)}\n`);
    } catch {
      // Only the bench reads them.
    }
  }
  for (const listener of startup.firstFrameListeners.splice(0)) listener();
}
