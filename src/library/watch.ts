// Watches the library's folders while the reader runs and says, once a burst of changes has settled, that
// the library should be read again. One plain watch per folder: Node 20's recursive watch on Linux walks
// and watches every file, throws on files deleted under it, and cannot be kept from holding the process.
import { readdirSync, statSync, watch as fsWatch, type FSWatcher } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Library } from './load.js';

/** What the reader needs to follow the library as its files change. */
export interface LiveLibrary {
  /** The library's folders, as read at start. */
  dirs: readonly string[];
  /**
   * Reads the library again, as at start (its skipped files and warnings too). Given `paths`, only those
   * entries (and the files of those folders) can have changed since the last reload; without, any can.
   */
  reload: (paths?: ReadonlySet<string>) => Library | Promise<Library>;
  /** When the library given at start began to be read, in ms since the epoch. */
  loadedAt: number;
}

/** A running watcher. */
export interface LibraryWatcher {
  /** Stops watching; no call comes after it. Safe to call more than once. */
  close(): void;
}

export interface WatchOptions {
  /** Quiet time after the last change before `changed` is called: a burst (a save, an import) is one. */
  debounceMs?: number;
  /** A steady stream of changes still gets a call this often. */
  maxWaitMs?: number;
  /**
   * When the library was last read (ms since the epoch): a folder changed since then is read again at once,
   * so nothing done between that read and the start of the watch is missed.
   */
  since?: number;
  /** A one-line notice for the user (a limit of the system reached), said once. */
  onNotice?: (text: string) => void;
  /** Folders watched at most: each takes one of the system's watches (inotify on Linux). */
  maxFolders?: number;
  /** fs.watch, for tests that make it fail. */
  watch?: (path: string, listener: (event: string, name: string | null) => void) => FSWatcher;
}

const DEBOUNCE_MS = 250;
const MAX_WAIT_MS = 2000;
/** As deep as the loader reads (library/load.ts). */
const MAX_DEPTH = 8;
const MAX_FOLDERS = 20_000;

/** A folder being watched: its own tree, or the nearest existing parent of a folder still to come. */
interface Watched {
  watcher: FSWatcher;
  /** Device and inode when the watch began: a folder removed and made again is watched anew. */
  identity: string;
  /** For a parent: the names whose coming matters; for a library folder, null. */
  awaited: Set<string> | null;
}

/**
 * Watches `dirs` (and every folder under them, hidden ones aside) and calls `changed` once changes settle,
 * with the paths that changed (an entry of a folder, or a whole folder when the system named none), or
 * with none when anything may have (a folder came or went from view, a watch failed, a limit left some
 * folders unwatched, changes before the watch began).
 * Folders that do not exist yet are waited for; watch errors and system limits become one notice, never a
 * throw. Nothing here keeps the process alive.
 */
export function watchLibrary(
  dirs: readonly string[],
  changed: (paths?: ReadonlySet<string>) => void,
  options: WatchOptions = {},
): LibraryWatcher {
  const debounceMs = options.debounceMs ?? DEBOUNCE_MS;
  const maxWaitMs = options.maxWaitMs ?? MAX_WAIT_MS;
  const maxFolders = options.maxFolders ?? MAX_FOLDERS;
  const watch = options.watch ?? ((path, listener) => fsWatch(path, listener));
  const watched = new Map<string, Watched>();
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let firstPending = 0;
  let noticed = false;
  /** The entries (or whole folders) changed since the last call; null when anything may have. */
  let pending: Set<string> | null = new Set();
  /** Some folders are not watched (a limit reached): every call may be about any folder. */
  let partial = false;

  const notice = (text: string) => {
    partial = true;
    if (noticed) return;
    noticed = true;
    options.onNotice?.(text);
  };

  /** A change of `path` (an entry, or a whole folder), or anywhere (no path). */
  const schedule = (path?: string) => {
    if (closed) return;
    if (path === undefined) pending = null;
    else pending?.add(path);
    const now = Date.now();
    if (!timer) firstPending = now;
    clearTimeout(timer);
    const wait = Math.max(0, Math.min(debounceMs, firstPending + maxWaitMs - now));
    timer = setTimeout(flush, wait);
    timer.unref();
  };

  const flush = () => {
    timer = undefined;
    if (closed) return;
    // Folders that came or went (a folder renamed, removed and made again): the walk looks at everything.
    if (reconcile().reshaped) pending = null;
    const dirs = partial ? null : pending;
    pending = new Set();
    try {
      changed(dirs ?? undefined);
    } catch {
      // The caller's business: a failed reload must not end the watch.
    }
  };

  const stop = (path: string) => {
    const entry = watched.get(path);
    watched.delete(path);
    try {
      entry?.watcher.close();
    } catch {
      // Closing a watch whose folder is gone can fail; it is gone either way.
    }
  };

  const start = (path: string, identity: string, awaited: Set<string> | null) => {
    let watcher: FSWatcher;
    try {
      watcher = watch(path, (_event, name) => {
        const entry = watched.get(path);
        if (!entry || entry.watcher !== watcher) return;
        if (entry.awaited) {
          // A library folder may have come: nothing of it is known yet.
          if (name === null || entry.awaited.has(String(name))) schedule();
        } else if (matters(name)) {
          schedule(name === null ? path : join(path, String(name)));
        }
      });
    } catch (error) {
      limitReached(error);
      return;
    }
    // The folder went away or the system dropped the watch: the next look decides what to watch.
    watcher.on('error', () => {
      if (watched.get(path)?.watcher === watcher) stop(path);
      schedule();
    });
    watcher.unref();
    watched.set(path, { watcher, identity, awaited });
  };

  const limitReached = (error: unknown) => {
    const code = (error as NodeJS.ErrnoException)?.code;
    // A folder removed between the look and the watch is seen at the next change of its parent.
    if (code === 'ENOENT' || code === 'ENOTDIR') return;
    const why =
      code === 'ENOSPC'
        ? "the system's limit of watched folders is reached (fs.inotify.max_user_watches)"
        : code === 'EMFILE' || code === 'ENFILE'
          ? 'too many files are open'
          : `a folder cannot be watched (${code ?? String(error)})`;
    notice(`Live updates are off for part of the library: ${why}. Restart inkwell to see changes.`);
  };

  /**
   * Watches what should be watched now, and stops watching what should not. Says whether a folder changed
   * since the library was last read (`since`), and whether the folders watched changed.
   */
  const reconcile = () => {
    let reshaped = false;
    const wanted = new Map<string, { identity: string; awaited: Set<string> | null }>();
    let newer = false;
    for (const dir of dirs) {
      const folders = foldersUnder(dir, maxFolders - wanted.size);
      if (folders.length > 0) {
        for (const folder of folders) {
          wanted.set(folder.path, { identity: folder.identity, awaited: null });
          if (options.since !== undefined && folder.mtimeMs >= options.since) newer = true;
        }
        continue;
      }
      const parent = nearestParent(dir);
      if (!parent || wanted.get(parent.path)?.awaited === null) continue;
      const entry = wanted.get(parent.path) ?? { identity: parent.identity, awaited: new Set() };
      entry.awaited!.add(parent.next);
      wanted.set(parent.path, entry);
    }
    if (wanted.size >= maxFolders) {
      notice(
        `Live updates cover the first ${maxFolders.toLocaleString('en')} folders of the library only.`,
      );
    }
    for (const [path, entry] of watched) {
      const want = wanted.get(path);
      if (!want || want.identity !== entry.identity || !want.awaited !== !entry.awaited) {
        stop(path);
        reshaped = true;
      } else if (want.awaited) {
        entry.awaited = want.awaited;
      }
    }
    for (const [path, want] of wanted) {
      if (watched.has(path)) continue;
      start(path, want.identity, want.awaited);
      reshaped = true;
    }
    return { newer, reshaped };
  };

  if (reconcile().newer) schedule();

  return {
    close() {
      closed = true;
      clearTimeout(timer);
      timer = undefined;
      for (const path of [...watched.keys()]) stop(path);
    },
  };
}

/** Whether a changed name can change the library: hidden files (temporaries, swap files) and backups not. */
function matters(name: string | Buffer | null): boolean {
  if (name === null) return true;
  const base = basename(String(name));
  return !base.startsWith('.') && !base.endsWith('~');
}

interface Folder {
  path: string;
  identity: string;
  mtimeMs: number;
}

/**
 * The folders under `dir` (itself first) the loader reads: hidden ones and links left out (a link inside
 * leads to a folder watched already; one outside is not read), at most `limit`. Empty when `dir` is no folder.
 */
function foldersUnder(dir: string, limit: number): Folder[] {
  const folders: Folder[] = [];
  const seen = new Set<string>();
  const visit = (path: string, depth: number) => {
    if (folders.length >= limit) return;
    let stat;
    try {
      stat = statSync(path);
    } catch {
      return;
    }
    if (!stat.isDirectory()) return;
    const identity = `${stat.dev}:${stat.ino}`;
    if (seen.has(identity)) return;
    seen.add(identity);
    folders.push({ path, identity, mtimeMs: stat.mtimeMs });
    // A folder's link count is 2 plus its subfolders where the file system keeps it (ext4, xfs, tmpfs;
    // btrfs says 1): a folder of 100,000 articles and no subfolders is then not listed (~130 ms).
    if (depth >= MAX_DEPTH || stat.nlink === 2) return;
    let entries;
    try {
      entries = readdirSync(path, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.isDirectory() && !entry.name.startsWith('.'))
        visit(join(path, entry.name), depth + 1);
    }
  };
  visit(dir, 0);
  return folders;
}

/** The nearest folder above `dir` that exists, and the name under it that leads towards `dir`. */
function nearestParent(dir: string): { path: string; identity: string; next: string } | undefined {
  let next = dir;
  for (let path = dirname(dir); ; path = dirname(path)) {
    try {
      const stat = statSync(path);
      if (stat.isDirectory()) {
        return { path, identity: `${stat.dev}:${stat.ino}`, next: basename(next) };
      }
    } catch {
      // Not there either: one more up.
    }
    if (dirname(path) === path) return undefined;
    next = path;
  }
}
