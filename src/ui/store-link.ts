// The reader's link to the store: loaded after the first frame (conf and the ajv it imports take over ten
// milliseconds to load), changes written a moment after they are drawn, positions debounced, everything pending
// written at once on exit and on signals, and a look every few seconds for what other processes saved.
import { sanitizeLine } from '../core/sanitize.js';
import { applyChanges, type Change, type UserData } from '../state/data.js';
import type { Recovery, Store } from '../state/store.js';
import type { Action } from './state.js';

/** What the app needs of the store. */
export interface StoreLink {
  /** Loads the store and tells `dispatch` its data, now and whenever it changes; returns the undo. */
  connect(dispatch: (action: Action) => void): () => void;
  /** Saves `changes` a moment from now, after the frame that shows them. */
  send(changes: readonly Change[]): void;
  /** The open article's position: saved after a pause in reading, or at `flush`. */
  notePosition(change: Change): void;
  /** Writes everything pending, now. */
  flush(): void;
}

export interface LinkTimes {
  /** After a change, before it is written: the frame comes first, and quick keys share one write. */
  writeMs: number;
  /** After the last scroll, before the position is written. */
  positionMs: number;
  /** Between looks at the file for other processes' changes. */
  pollMs: number;
}

const TIMES: LinkTimes = { writeMs: 50, positionMs: 1000, pollMs: 2000 };

export function storeLink(dir: string, times: LinkTimes = TIMES): StoreLink {
  let store: Store | undefined;
  /** Why nothing can be saved, once that is known; said once. */
  let readOnly: string | undefined;
  let dispatch: ((action: Action) => void) | undefined;
  let queue: Change[] = [];
  const positions = new Map<string, Change>();
  let timer: NodeJS.Timeout | undefined;
  /** When the timer fires. */
  let due = 0;
  let stamp = '';
  /** store.ts's describeRecovery, once loaded. */
  let describe: (path: string, recovery: Recovery) => string = () => '';

  const pending = () => [...queue, ...positions.values()];
  const refuse = (reason: string) => {
    if (readOnly !== undefined) return;
    readOnly = reason;
    dispatch?.({ type: 'notice', text: sanitizeLine(`Nothing will be saved: ${reason}.`) });
  };

  const write = () => {
    clearTimeout(timer);
    timer = undefined;
    // Before the store has loaded, changes wait for it; with a folder that cannot be written, they stay
    // in this session only.
    if (!store || readOnly !== undefined) return;
    const changes = pending();
    queue = [];
    positions.clear();
    if (changes.length === 0) return;
    try {
      const { data, recovery } = store.update(changes);
      stamp = store.stamp();
      const notice = recovery ? describe(store.path, recovery) : undefined;
      dispatch?.({ type: 'stored', data, external: false, notice });
    } catch (error) {
      refuse(error instanceof Error ? error.message : String(error));
    }
  };
  /** Writes in `ms`, or sooner if a write is due sooner already. */
  const schedule = (ms: number) => {
    if (timer && due <= Date.now() + ms) return;
    clearTimeout(timer);
    due = Date.now() + ms;
    timer = setTimeout(write, ms);
    timer.unref();
  };

  return {
    connect(to) {
      dispatch = to;
      let closed = false;
      let poll: NodeJS.Timeout | undefined;
      void import('../state/store.js').then(({ Store, describeRecovery }) => {
        if (closed) return;
        describe = (path, recovery) => sanitizeLine(describeRecovery(path, recovery));
        const opened = new Store(dir);
        let data: UserData;
        let notice: string | undefined;
        try {
          const snapshot = opened.load();
          data = snapshot.data;
          if (snapshot.recovery) notice = describe(opened.path, snapshot.recovery);
        } catch (error) {
          // Read what there is, and say once that nothing will be kept.
          data = opened.peek(true)!;
          readOnly = error instanceof Error ? error.message : String(error);
          notice = sanitizeLine(`Nothing will be saved: ${readOnly}.`);
        }
        store = opened;
        stamp = opened.stamp();
        to({ type: 'stored', data: applyChanges(data, pending()), external: true, notice });
        if (pending().length > 0) schedule(0);
        poll = setInterval(() => {
          const now = opened.stamp();
          if (now === stamp) return;
          stamp = now;
          const seen = opened.peek();
          if (seen) to({ type: 'stored', data: applyChanges(seen, pending()), external: true });
        }, times.pollMs);
        poll.unref();
      });
      return () => {
        closed = true;
        clearInterval(poll);
      };
    },
    send(changes) {
      queue.push(...changes);
      schedule(times.writeMs);
    },
    notePosition(change) {
      if (change.kind !== 'position') return;
      positions.set(change.id, change);
      // A position waits for a pause in reading: each new one puts the write off, unless a change is due.
      if (queue.length > 0) return;
      clearTimeout(timer);
      timer = undefined;
      schedule(times.positionMs);
    },
    flush: write,
  };
}
