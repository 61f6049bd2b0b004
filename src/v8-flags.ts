// V8 flags the reader sets while it runs. A heap made for a new thread (the search worker's) may change
// some of them back (V8 raises --semi-space-growth-factor to 2 as it sets up any heap), so a worker sets
// them again as the first thing it does (they come in its workerData), before the reader's thread, busy
// loading the library meanwhile, lets its young generation grow.
import { setFlagsFromString } from 'node:v8';

/**
 * The reader's memory, favoured over a little of its time:
 * - its thread keeps its young generation at V8's starting size instead of letting it double up to 32 MB
 *   while the library loads: ~25 MB less resident memory at 10,000 articles, for a few more (short)
 *   scavenges. The semi-space's maximum is fixed once V8 has started, but its growth factor is read each
 *   time it would grow, so this takes effect even when set at run time;
 * - each thread's old generation may grow to 1.2 times what a full collection left, instead of up to 4
 *   times as V8 judges fit: ~10 MB less peak memory at 10,000 articles, for more frequent (concurrent)
 *   marking.
 */
export const READER_FLAGS: readonly string[] = [
  '--semi-space-growth-factor=1',
  '--heap-growing-percent=20',
];

/** Where the flags are kept: the launcher and the app are separate bundles, each with its own modules. */
const KEY = Symbol.for('inkwell.v8-flags');

type Holder = { [KEY]?: string[] };

/** Sets `flags` (V8's syntax, `--name=value`) and remembers them for flagsSet. Never throws. */
export function setFlags(flags: readonly string[]): void {
  const held = ((globalThis as Holder)[KEY] ??= []);
  for (const flag of flags) {
    if (!held.includes(flag)) held.push(flag);
  }
  apply(flags);
}

/** The flags setFlags set in this thread, for a worker to set again (see above). */
export function flagsSet(): string[] {
  return [...((globalThis as Holder)[KEY] ?? [])];
}

function apply(flags: readonly string[]): void {
  for (const flag of flags) {
    try {
      setFlagsFromString(flag);
    } catch {
      // A Node without the flag: V8's default, nothing worse.
    }
  }
}
