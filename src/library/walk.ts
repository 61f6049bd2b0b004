// Finds a library's article files: every folder walked, hidden entries, loops and links out left alone,
// each file's size and time noted. A folder's listing can come from the cache while its time is unchanged.
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { dirname, join, sep } from 'node:path';

/** A folder of articles. Folders later in the list win id clashes over earlier ones. */
export interface LibraryFolder {
  dir: string;
  /** Whether a missing folder is worth a warning (it is for --library, not for the user's own folder). */
  required: boolean;
}

/** Something the user should hear about: a skipped file, an ignored field, an id clash. */
export interface LoadWarning {
  path: string;
  message: string;
}

/** An article file found, with what its stat said (-1 when it could not be stat'ed: a dangling link). */
export interface FoundFile {
  path: string;
  size: number;
  mtimeMs: number;
  /** The index of its library folder: later folders win id clashes. */
  rank: number;
}

/** A folder's entries (hidden ones left out) as read when its modification time was `mtimeMs`. */
export interface Listing {
  mtimeMs: number;
  names: string[];
  /** Per name: ENTRY_DIR, ENTRY_LINK or 0. */
  kinds: number[];
}

export const ENTRY_DIR = 1;
export const ENTRY_LINK = 2;

export interface Walk {
  files: FoundFile[];
  warnings: LoadWarning[];
  /** Every folder's listing, read or reused: what the cache keeps for the next walk. */
  listings: Map<string, Listing>;
}

/** A walk under way: `files` grows as `step` finds them. */
export interface WalkInProgress extends Walk {
  /** Article files named by the listings read so far: the total as far as it is known yet. */
  expected: number;
  /** Walks on over about `entries` more entries; false once the walk is done. */
  step(entries: number): boolean;
}

/** What a walk may take on trust instead of asking the disk. */
export interface WalkOptions {
  maxEntries?: number;
  /** Listings from an earlier walk, used for a folder whose time has not changed since. */
  known?: ReadonlyMap<string, Listing> | undefined;
  /**
   * A file's size and time as last seen, for the plain files of the folders `restat` leaves out: no
   * stat for them (a watcher says what changed). Undefined for a file it does not know: that one is stat'ed.
   */
  fingerprint?: ((path: string) => { size: number; mtimeMs: number } | undefined) | undefined;
  /**
   * The paths that changed (a watcher says): the files, and the files of the folders, it names are
   * stat'ed again, the others of known folders taken from `fingerprint`. Without it, all are stat'ed.
   */
  changed?: ReadonlySet<string> | undefined;
}

const MAX_DEPTH = 8;
/** Entries (files and folders) read under one library folder at most: a library, not a whole disk. */
export const MAX_ENTRIES = 200_000;

/** Whether a file name is an article's (.md, .markdown, any case); hidden names are left out before. */
function isArticleName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return false;
  const length = name.length - dot;
  if (length !== 3 && length !== 9) return false;
  const extension = name.slice(dot).toLowerCase();
  return extension === '.md' || extension === '.markdown';
}

/**
 * Walks every folder in order. `known` holds listings from an earlier walk, used for a folder whose time
 * has not changed since (adding, removing or renaming an entry changes it).
 */
export function walkLibrary(
  folders: readonly LibraryFolder[],
  maxEntries = MAX_ENTRIES,
  known?: ReadonlyMap<string, Listing>,
): Walk {
  const walk = startWalk(folders, { maxEntries, known });
  while (walk.step(Infinity));
  return walk;
}

/**
 * The same walk a little at a time: a reader shows the first files while the rest are still to be found,
 * in the same order as walkLibrary gives them.
 */
export function startWalk(
  folders: readonly LibraryFolder[],
  options: WalkOptions = {},
): WalkInProgress {
  const context: WalkContext = {
    warnings: [],
    seen: new Map(),
    maxEntries: options.maxEntries ?? MAX_ENTRIES,
    known: options.known,
    listings: new Map(),
    files: [],
    expected: 0,
    fingerprint: options.fingerprint,
    changed: options.changed,
  };
  function* everything(): Generator<void, void, void> {
    for (let rank = 0; rank < folders.length; rank++) {
      yield* articleFiles(folders[rank]!, rank, context);
    }
  }
  const steps = everything();
  let done = false;
  const walk: WalkInProgress = {
    files: context.files,
    warnings: context.warnings,
    listings: context.listings,
    expected: 0,
    step(entries) {
      for (let left = entries; !done && left > 0; left--) {
        done = steps.next().done === true;
      }
      walk.expected = done
        ? context.files.length
        : Math.max(context.expected, context.files.length);
      return !done;
    },
  };
  return walk;
}

interface WalkContext {
  warnings: LoadWarning[];
  seen: Map<number, Set<number>>;
  maxEntries: number;
  known: ReadonlyMap<string, Listing> | undefined;
  listings: Map<string, Listing>;
  files: FoundFile[];
  expected: number;
  fingerprint: WalkOptions['fingerprint'];
  changed: WalkOptions['changed'];
}

/** A folder's listing: the known one while the folder's time is unchanged, else read now. */
function listingOf(dir: string, mtimeMs: number, context: WalkContext): Listing {
  const known = context.known?.get(dir);
  if (known && known.mtimeMs === mtimeMs && mtimeMs >= 0) {
    context.listings.set(dir, known);
    return known;
  }
  const entries: Dirent[] = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const listing: Listing = {
    mtimeMs,
    names: entries.map((entry) => entry.name),
    kinds: entries.map(
      (entry) => (entry.isDirectory() ? ENTRY_DIR : 0) | (entry.isSymbolicLink() ? ENTRY_LINK : 0),
    ),
  };
  context.listings.set(dir, listing);
  return listing;
}

/**
 * Article files under a folder, sorted, hidden entries left out, added to `context.files` one step (a
 * yield) per entry that needs the disk. `seen` holds the device:inode of every folder and file met so far
 * in this load: links that loop, and a folder named twice or inside another, give each file once. A link
 * to a folder outside this one is not followed (one to / would walk the whole disk), and the walk stops
 * after `maxEntries` entries; both say so.
 */
function* articleFiles(
  folder: LibraryFolder,
  rank: number,
  context: WalkContext,
): Generator<void, void, void> {
  const { warnings, seen, maxEntries, files, fingerprint, changed } = context;
  const parents = changed && new Set([...changed].map((path) => dirname(path)));
  // Inodes by device, as numbers: a string key per file is garbage a large library feels.
  const firstVisit = (stat: { dev: number; ino: number }) => {
    let inodes = seen.get(stat.dev);
    if (!inodes) seen.set(stat.dev, (inodes = new Set()));
    if (inodes.has(stat.ino)) return false;
    inodes.add(stat.ino);
    return true;
  };
  let inside: string | undefined;
  try {
    const real = realpathSync(folder.dir);
    inside = real.endsWith(sep) ? real : real + sep; // the root ends in one already
  } catch {
    // The walk reports it.
  }
  let entries = 0;
  let linksOut = 0;
  const walk = function* (
    dir: string,
    depth: number,
    mtimeMs: number,
    linked: boolean,
  ): Generator<void, boolean, void> {
    let listing: Listing;
    try {
      listing = listingOf(dir, mtimeMs, context);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (depth === 0 && code === 'ENOENT' && !folder.required) return true;
      const reason =
        code === 'ENOENT' ? 'folder not found' : code === 'ENOTDIR' ? 'not a folder' : code;
      warnings.push({ path: dir, message: `skipped: ${reason ?? String(error)}` });
      return true;
    }
    // A folder reached through a link is watched (if at all) under another name: never taken on trust.
    const trusted =
      fingerprint !== undefined && changed !== undefined && !linked && !changed.has(dir);
    // Only then are its files looked up one by one in what changed.
    const named = trusted && parents!.has(dir);
    if (!trusted) {
      for (const name of listing.names) if (isArticleName(name)) context.expected += 1;
    }
    // join(dir, name) for names with no separator, at a fraction of the cost.
    const prefix = join(dir, '_').slice(0, -1);
    for (let at = 0; at < listing.names.length; at++) {
      const name = listing.names[at]!;
      const kind = listing.kinds[at]!;
      if (++entries > maxEntries) {
        warnings.push({
          path: folder.dir,
          message: `stopped after ${maxEntries.toLocaleString('en')} entries (the limit); the rest is not read`,
        });
        return false;
      }
      const isArticle = isArticleName(name);
      // Only folders and article files are worth a stat; a plain entry's type is known already.
      if (kind === 0 && !isArticle) continue;
      const path = prefix + name;
      if (trusted && kind === 0 && !(named && changed!.has(path))) {
        // A plain file of a folder nothing changed in: as it was last seen.
        const last = fingerprint(path);
        if (last) {
          files.push({ path, size: last.size, mtimeMs: last.mtimeMs, rank });
          continue;
        }
      }
      yield;
      let stat;
      try {
        stat = statSync(path);
      } catch {
        // A dangling link: reading it says why it was skipped.
      }
      if (stat?.isDirectory()) {
        if (kind & ENTRY_LINK && !leadsInside(path, inside)) {
          linksOut += 1;
          continue;
        }
        if (
          depth < MAX_DEPTH &&
          firstVisit(stat) &&
          !(yield* walk(path, depth + 1, stat.mtimeMs, linked || (kind & ENTRY_LINK) !== 0))
        ) {
          return false;
        }
      } else if (isArticle) {
        if (!stat || firstVisit(stat)) {
          files.push({ path, size: stat?.size ?? -1, mtimeMs: stat?.mtimeMs ?? -1, rank });
        }
      } else if (!stat && name.includes('\ufffd')) {
        // It may be a folder of articles: what is lost is said.
        warnings.push({
          path,
          message: 'skipped: its name is not valid UTF-8 (rename it to read it)',
        });
      }
    }
    return true;
  };
  let root;
  try {
    root = statSync(folder.dir);
  } catch {
    // The walk reports it.
  }
  if (!root || !root.isDirectory() || firstVisit(root)) {
    yield* walk(folder.dir, 0, root?.mtimeMs ?? -1, false);
  }
  if (linksOut > 0) {
    warnings.push({
      path: folder.dir,
      message: `not followed: ${linksOut === 1 ? 'a link to a folder' : `${linksOut} links to folders`} outside it`,
    });
  }
}

/** Whether the folder a link names lies inside the library folder (`inside`, ending in a separator). */
function leadsInside(link: string, inside: string | undefined): boolean {
  try {
    return inside !== undefined && (realpathSync(link) + sep).startsWith(inside);
  } catch {
    return false;
  }
}
