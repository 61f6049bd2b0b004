// The reader's watch over the library's folders: loaded and started when the app asks (after its first
// frame); each burst of changes reads the library again, as at start, and hands it to the app.
import { sanitizeLine } from '../core/sanitize.js';
import type { Library } from '../library/load.js';
import type { LibraryWatcher, LiveLibrary } from '../library/watch.js';
import type { LibraryWatch } from './App.js';
import { describe } from './terminal.js';

/** `start` is the app's `watchLibrary`; `close` ends the watch from any way out of the reader. */
export function lazyWatch({ dirs, reload, loadedAt }: LiveLibrary): {
  start: LibraryWatch;
  close: () => void;
} {
  let watcher: LibraryWatcher | undefined;
  let closed = false;
  const start: LibraryWatch = (onLibrary, onNotice) => {
    let stopped = false;
    const live = () => !stopped && !closed;
    // One reading at a time; changes meanwhile make one more after it, so the last one read is the newest.
    // What changed is gathered until a reading takes it: the paths named, or null for anything.
    let reading = false;
    let again = false;
    let changed: Set<string> | null = new Set();
    const read = async (paths?: ReadonlySet<string>) => {
      if (!paths) changed = null;
      else if (changed) for (const path of paths) changed.add(path);
      if (reading) {
        again = true;
        return;
      }
      reading = true;
      try {
        do {
          again = false;
          const named = changed;
          changed = new Set();
          let library: Library;
          try {
            library = await reload(named ?? undefined);
          } catch (error) {
            if (live())
              onNotice(`The library could not be read again: ${sanitizeLine(describe(error))}`);
            continue;
          }
          if (live()) onLibrary(library);
        } while (again && live());
      } finally {
        reading = false;
      }
    };
    void import('../library/watch.js').then(({ watchLibrary }) => {
      if (!live()) return;
      watcher = watchLibrary(dirs, (paths) => void read(paths), {
        since: loadedAt,
        onNotice,
      });
    });
    return () => {
      stopped = true;
      watcher?.close();
    };
  };
  return {
    start,
    close() {
      closed = true;
      watcher?.close();
    },
  };
}
