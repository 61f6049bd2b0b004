// The library as a start sees it: the folders walked (listings reused while a folder's time is unchanged),
// and only the files whose size or time changed read again; the rest comes from the cache of the last
// start. The cache is checked, never trusted: anything odd in it and it is rebuilt. The YAML parser loads
// only when some file has to be read.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleMeta } from '../core/article.js';
import { knowMeasures } from '../core/list-rows.js';
import {
  CachedFiles,
  decodeCache,
  encodeCache,
  UNTRUSTED,
  type CacheContents,
  type CacheEntry,
  type DecodeResult,
} from './cache-format.js';
import { EntryFiles, pathsOf, revalidatingWalk, type KnownFiles } from './known-files.js';
import { settleChanges } from './settle-changes.js';
import { writeFileAtomically } from './write-atomically.js';
import { settleLibrary, type Library, type LoadedFile } from './library.js';
import {
  fileReader,
  readAsFound,
  fileWarnings,
  progressPacer,
  RACY_MS,
  type Pace,
  type Progress,
} from './read-files.js';
import {
  MAX_ENTRIES,
  type FoundFile,
  type LibraryFolder,
  type Listing,
  type LoadWarning,
  type Walk,
} from './walk.js';

export type { Pace, Progress } from './read-files.js';
export { CACHE_VERSION } from './cache-format.js';
/** How the library was had, for the bench and the tests. */
export interface OpenStats {
  cache: 'none' | 'cold' | 'warm';
  /** Files read and parsed; the rest came from the cache. */
  read: number;
  reused: number;
  /** Why a cache that was there was not used. */
  rebuilt?: string;
  /** Whether the library differs from the cache's (articles, their order or the warnings). */
  changed: boolean;
}

export interface OpenOptions {
  /** The cache's folder; without it nothing is cached. */
  cacheDir?: string;
  maxEntries?: number;
  /** What to revalidate: the cache as peekLibrary read it (not read again), or the last open's outcome. */
  known?: CachedLibrary;
  /**
   * What a watcher saw change since `known` was had (files, and folders whose files all may have): only
   * those are stat'ed again, the other files taken as `known` holds them. Only with `known`; without it,
   * every file is.
   */
  changed?: ReadonlySet<string>;
  /**
   * Given, files are read in slices that give the event loop a turn (a reader draws and takes keys
   * meanwhile), and now and then it is handed the library as far as it is known. With no cache, the
   * folders are walked as the files are read, so that the first ones show before the walk is done.
   */
  onProgress?: Progress;
  /** How long a slice of reading lasts and how often progress is shown (tests make them 0). */
  pace?: Pace;
  /**
   * With onProgress and no cache: files read before the library is first shown, without waiting for a
   * slice to end (a screenful, which a reader opens with), when several times as many are to come.
   */
  firstShow?: number;
  /**
   * The cache is written a moment later, off the path to the library handed back (a live reload); any
   * later open of the same folders replaces a write still waiting.
   */
  writeLater?: boolean;
}

/** A cache as read: what a start shows at once, and what revalidating it starts from. */
export interface CachedLibrary {
  library: Library;
  cached: KnownFiles;
}

/**
 * The library as the cache last knew it, without looking at the folders: for a first frame at once, to
 * be checked by openLibrary right after. Undefined when there is no usable cache.
 */
export function peekLibrary(
  folders: readonly LibraryFolder[],
  cacheDir: string,
): CachedLibrary | undefined {
  const key = keyOf(folders);
  const found = readCache(cacheFileFor(cacheDir, key), key);
  if (!found.ok) return undefined;
  const { cache } = found;
  const articles = lazyArticles(cache);
  knowMeasures(articles, cache.measures);
  const warnings = [...cache.walkWarnings, ...cache.fileWarnings(), ...cache.clashes];
  return { library: { articles, warnings }, cached: cache };
}

/** The articles of the entries `order` names, in that order. */
function shownOf(cache: KnownFiles, order: ArrayLike<number>): ArticleMeta[] {
  const articles: ArticleMeta[] = new Array(order.length);
  for (let at = 0; at < order.length; at++) articles[at] = cache.meta(order[at]!)!;
  return articles;
}

/**
 * The cache's list, each article made the first time it is looked at: a first frame looks at a screenful,
 * and the columns' widths come from the cache. Past that it behaves as the array it stands for (every
 * index present, iteration, slice, map), so nothing downstream needs to know.
 */
function lazyArticles(cache: CachedFiles): ArticleMeta[] {
  const { order } = cache;
  // Filled with null rather than left with holes: an array with holes skips them in map and filter.
  const target: Array<ArticleMeta | null> = new Array<null>(order.length).fill(null);
  const make = (key: string | symbol) => {
    if (typeof key !== 'string') return;
    const first = key.charCodeAt(0);
    if (first < 48 || first > 57) return;
    const at = Number(key);
    if (at < target.length && target[at] === null) target[at] = cache.meta(order[at]!);
  };
  return new Proxy(target, {
    get(held, key, receiver) {
      make(key);
      return Reflect.get(held, key, receiver) as unknown;
    },
    getOwnPropertyDescriptor(held, key) {
      make(key);
      return Reflect.getOwnPropertyDescriptor(held, key);
    },
  }) as ArticleMeta[];
}

function keyOf(folders: readonly LibraryFolder[]): string {
  return JSON.stringify(folders.map(({ dir, required }) => [dir, required]));
}

/** The library of these folders, from the cache where it is still true, and what a later open can start from. */
export async function openLibrary(
  folders: readonly LibraryFolder[],
  {
    cacheDir,
    maxEntries = MAX_ENTRIES,
    known,
    changed,
    onProgress,
    pace,
    firstShow,
    writeLater,
  }: OpenOptions = {},
): Promise<Library & { stats: OpenStats; known: CachedLibrary }> {
  const key = keyOf(folders);
  const file = cacheDir ? cacheFileFor(cacheDir, key) : undefined;
  const stats: OpenStats = { cache: file ? 'cold' : 'none', read: 0, reused: 0, changed: true };
  let cached: KnownFiles | undefined = known?.cached;
  if (cached) {
    stats.cache = 'warm';
  } else if (file) {
    const found = readCache(file, key);
    if (found.ok) {
      cached = found.cache;
      stats.cache = 'warm';
    } else if (found.reason !== 'absent') {
      stats.rebuilt = found.reason;
    }
  }

  const now = Date.now();
  const read = fileReader(now);
  let walk: Walk;
  let entries: CacheEntry[] | undefined;
  // Per file found, the cached entry still true of it, or -1: it was read again.
  let reuse: Int32Array | undefined;
  // The files read again, when the others came from `cached`.
  let toRead: number[] | undefined;
  let unchanged = false;
  if (!cached) {
    const progress = onProgress && { onProgress, pace, firstShow };
    ({ walk, entries } = await readAsFound(folders, maxEntries, read, progress));
    stats.read = entries.length;
  } else {
    walk = revalidatingWalk(folders, maxEntries, cached, known ? changed : undefined);
    const count = walk.files.length;
    reuse = new Int32Array(count).fill(-1);
    const again: number[] = (toRead = []);
    let byPath: Map<string, number> | undefined;
    let inPlace = count === cached.count;
    for (let at = 0; at < count; at++) {
      const found = walk.files[at]!;
      let index: number;
      if (at < cached.count && cached.isPath(at, found.path)) {
        index = at;
      } else {
        byPath ??= pathsOf(cached);
        index = byPath.get(found.path) ?? -1;
      }
      if (index >= 0 && sameFile(cached, index, found)) {
        reuse[at] = index;
        if (index !== at) inPlace = false;
      } else {
        again.push(at);
        inPlace = false;
      }
    }
    stats.read = again.length;
    stats.reused = count - again.length;
    unchanged = inPlace;
    if (!unchanged) {
      const filled = new Array<CacheEntry>(count);
      for (let at = 0; at < count; at++) {
        if (reuse[at]! >= 0) filled[at] = cached.entry(reuse[at]!);
      }
      const pacer = onProgress && progressPacer(walk, filled, () => again.length, onProgress, pace);
      for (const at of again) {
        if (pacer) await pacer.step();
        filled[at] = await read(walk.files[at]!);
      }
      entries = filled;
    }
  }
  const entriesNow = (): CacheEntry[] =>
    (entries ??= Array.from(walk.files, (_, at) => cached!.entry(reuse![at]!)));

  let articles: ArticleMeta[];
  let clashes: LoadWarning[];
  let order: ArrayLike<number>;
  if (unchanged) {
    order = cached!.order;
    articles = known?.library.articles ?? shownOf(cached!, order);
    clashes = cached!.clashes;
  } else {
    const all = entriesNow();
    const around = cached && settleChanges(cached, all, reuse!, toRead!);
    if (around) {
      ({ articles, order } = around);
      clashes = [];
    } else {
      const loaded: LoadedFile[] = all.map((entry, at) => ({
        article: entry.meta ?? undefined,
        rank: walk.files[at]!.rank,
      }));
      const settled = settleLibrary(loaded);
      articles = settled.articles;
      clashes = settled.warnings;
      const index = new Map(all.map((entry, at) => [entry.meta, at]));
      order = articles.map((article) => index.get(article)!);
    }
  }

  const listingsChanged =
    !cached ||
    walk.listings.size !== cached.listings.size ||
    [...walk.listings].some(([dir, listing]) => !sameListing(cached!.listings.get(dir), listing));
  const walkWarningsChanged =
    !cached || JSON.stringify(walk.warnings) !== JSON.stringify(cached.walkWarnings);
  stats.changed = !unchanged || walkWarningsChanged;
  const warnings = unchanged
    ? [...walk.warnings, ...cached!.fileWarnings(), ...clashes]
    : [...walk.warnings, ...fileWarnings(entriesNow()), ...clashes];
  const library: Library = { articles, warnings };
  if (unchanged && !listingsChanged && !walkWarningsChanged) {
    return { ...library, stats, known: { library, cached: cached! } };
  }
  // A folder changed too near now may change again without its time changing: not trusted later.
  const listings = new Map<string, Listing>();
  for (const [dir, listing] of walk.listings) {
    const racy = listing.mtimeMs >= now - RACY_MS;
    listings.set(dir, racy ? { ...listing, mtimeMs: UNTRUSTED } : listing);
  }
  const all = entriesNow();
  if (file) {
    const contents: CacheContents = {
      folders: key,
      listings,
      entries: all,
      order: Array.from(order),
      clashes,
      walkWarnings: walk.warnings,
    };
    // Either way a write still waiting is replaced: it holds an older library.
    cancelWaitingWrite(file);
    if (writeLater) writeCacheLater(file, contents);
    else writeCache(file, contents);
  }
  const files = new EntryFiles(all, order, clashes, walk.warnings, listings);
  return { ...library, stats, known: { library, cached: files } };
}

/** Whether a listing is the one the cache holds (the walk hands back the cached one when it is). */
function sameListing(known: Listing | undefined, listing: Listing): boolean {
  return known === listing;
}

/** The cache file of one set of folders (a --library start keeps its own). */
export function cacheFileFor(cacheDir: string, key: string): string {
  return join(cacheDir, `library-${digestOf(key)}.v8`);
}

/**
 * 16 hex digits from `key`: two 32-bit FNV-1a style hashes of its UTF-16 units. Not node:crypto, whose
 * loading costs the first frame ~3 ms; the file holds its key, so a clash only means a rebuild.
 */
function digestOf(key: string): string {
  let a = 0x811c9dc5;
  let b = 0x2f8a1b3d;
  for (let k = 0; k < key.length; k++) {
    const unit = key.charCodeAt(k);
    a = Math.imul(a ^ unit, 0x01000193);
    b = Math.imul(b ^ unit, 0x5bd1e995);
    b ^= b >>> 15;
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return hex(a) + hex(b);
}

function sameFile(cached: KnownFiles, at: number, found: FoundFile): boolean {
  const mtimeMs = cached.mtimeMs(at);
  return mtimeMs >= 0 && cached.size(at) === found.size && mtimeMs === found.mtimeMs;
}

/** The cache, checked; any doubt and it is not used. */
export function readCache(file: string, key: string): DecodeResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' ? 'absent' : `unreadable (${code})` };
  }
  return decodeCache(bytes, key);
}

/** Written atomically; a cache that cannot be written is only a slower next start. */
function writeCache(file: string, contents: CacheContents): void {
  try {
    writeFileAtomically(file, encodeCache(contents));
  } catch {
    // The next start reads the files again and tries again.
  }
}

/** How long a live reload's cache write waits: a burst of reloads writes once, after the last. */
const WRITE_LATER_MS = 1000;
const waitingWrites = new Map<string, NodeJS.Timeout>();

/**
 * Writes the cache a moment from now (the caller has cancelled a write still waiting). Never keeps the
 * process alive: a write lost at exit only means the next start reads the changed files again.
 */
function writeCacheLater(file: string, contents: CacheContents): void {
  const timer = setTimeout(() => {
    waitingWrites.delete(file);
    writeCache(file, contents);
  }, WRITE_LATER_MS);
  timer.unref();
  waitingWrites.set(file, timer);
}

function cancelWaitingWrite(file: string): void {
  clearTimeout(waitingWrites.get(file));
  waitingWrites.delete(file);
}
