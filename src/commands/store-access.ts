// The command line's way into the store: reads that still work when nothing can be written, changes that
// say why they could not be saved, and a word on stderr when a damaged file had to be moved aside.
import { sanitizeLine } from '../core/sanitize.js';
import type { Change, UserData } from '../state/data.js';
import { describeRecovery, Store, StoreError } from '../state/store.js';
import type { CommandContext } from './context.js';

/** The store's data; when the folder cannot be written, what the file holds as it is. */
export function readStore({ paths, out }: CommandContext): UserData {
  const store = new Store(paths.config);
  try {
    const { data, recovery } = store.load();
    if (recovery) out.warn(`inkwell: ${sanitizeLine(describeRecovery(store.path, recovery))}\n`);
    return data;
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    return store.peek(true)!;
  }
}

/** Saves `changes`; returns the exit status, 1 (with the reason on stderr) when nothing could be saved. */
export function changeStore({ paths, out }: CommandContext, changes: readonly Change[]): number {
  const store = new Store(paths.config);
  try {
    const { recovery } = store.update(changes);
    if (recovery) out.warn(`inkwell: ${sanitizeLine(describeRecovery(store.path, recovery))}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    out.warn(`inkwell: nothing was saved: ${sanitizeLine(error.message)}\n`);
    return 1;
  }
}
