// The library as a start sees it: the folders walked (listings reused while a folder's time is unchanged),
// and only the files whose size or time changed read again; the rest comes from the cache of the last
// start. The cache is checked, never trusted: anything odd in it and it is rebuilt. The YAML parser loads
// only when some file has to be read.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Article, ArticleMeta } from '../core/article.js';
import type { YamlFields } from './article-text.js';
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
import { writeFileAtomically } from './write-atomically.js';
import { metaOf, settleLibrary, type Library, type LoadedFile } from './library.js';
import {
  MAX_ENTRIES,
  walkLibrary,
  type FoundFile,
  type LibraryFolder,
  type Listing,
  type LoadWarning,
  type Walk,
} from './walk.js';

export { CACHE_VERSION } from './cache-format.js';
/**
 * A file or folder changed this close to being read may change again within the same tick of a coarse
 * clock (1–2 s on some file systems) without its time changing: it is not trusted on the next start.
 */
const RACY_MS = 2000;

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
  /** The cache as peekLibrary read it, not read again. */
  known?: CachedLibrary;
  /**
   * Given, files are read in slices that give the event loop a turn (a reader draws and takes keys
   * meanwhile), and now and then it is handed the library as far as it is known.
   */
  onProgress?: Progress;
  /** How long a slice of reading lasts and how often progress is shown (tests make them 0). */
  pace?: { sliceMs: number; showMs: number };
}

/** The library as far as it is read: `done` of the `total` files to read. */
export type Progress = (library: Library, done: number, total: number) => void;

/** Reading work between two turns of the event loop. */
const SLICE_MS = 30;
/** The library shown at most this often while it is read, and not more than a fifth of the time. */
const SHOW_EVERY_MS = 200;

/** A cache as read: what a start shows at once, and what revalidating it starts from. */
export interface CachedLibrary {
  library: Library;
  cached: CachedFiles;
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
function shownOf(cache: CachedFiles, order: ArrayLike<number>): ArticleMeta[] {
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

function fileWarnings(entries: readonly CacheEntry[]): LoadWarning[] {
  const warnings: LoadWarning[] = [];
  for (const entry of entries) {
    for (const message of entry.warnings) warnings.push({ path: entry.path, message });
  }
  return warnings;
}

/** The library of these folders, from the cache where it is still true. */
export async function openLibrary(
  folders: readonly LibraryFolder[],
  { cacheDir, maxEntries = MAX_ENTRIES, known, onProgress, pace }: OpenOptions = {},
): Promise<Library & { stats: OpenStats }> {
  const key = keyOf(folders);
  const file = cacheDir ? cacheFileFor(cacheDir, key) : undefined;
  const stats: OpenStats = { cache: file ? 'cold' : 'none', read: 0, reused: 0, changed: true };
  let cached: CachedFiles | undefined = known?.cached;
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
  const walk = walkLibrary(folders, maxEntries, cached?.listings);
  const count = walk.files.length;
  // Per file found, the cache's entry still true of it, or -1: it is read again.
  const reuse = new Int32Array(count).fill(-1);
  const toRead: number[] = [];
  let byPath: Map<string, number> | undefined;
  let inPlace = cached !== undefined && count === cached.count;
  for (let at = 0; at < count; at++) {
    const found = walk.files[at]!;
    let index = -1;
    if (cached) {
      if (at < cached.count && cached.isPath(at, found.path)) {
        index = at;
      } else {
        byPath ??= pathsOf(cached);
        index = byPath.get(found.path) ?? -1;
      }
    }
    if (cached && index >= 0 && sameFile(cached, index, found)) {
      reuse[at] = index;
      if (index !== at) inPlace = false;
    } else {
      toRead.push(at);
      inPlace = false;
    }
  }
  stats.read = toRead.length;
  stats.reused = count - toRead.length;

  const unchanged = cached !== undefined && inPlace;
  let entries: CacheEntry[] | undefined;
  const entriesNow = (): CacheEntry[] =>
    (entries ??= Array.from(walk.files, (_, at) => cached!.entry(reuse[at]!)));
  let articles: ArticleMeta[];
  let clashes: LoadWarning[];
  let order: ArrayLike<number>;
  if (unchanged) {
    order = cached!.order;
    articles = known?.library.articles ?? shownOf(cached!, order);
    clashes = cached!.clashes;
  } else {
    entries = new Array<CacheEntry>(count);
    for (let at = 0; at < count; at++) {
      if (reuse[at]! >= 0) entries[at] = cached!.entry(reuse[at]!);
    }
    if (toRead.length > 0) {
      // The reader is needed only now, and the YAML parser only for front matter that is not plain.
      const { NEEDS_YAML, readArticle } = await import('./read-article.js');
      let yaml: YamlFields | undefined;
      const loadArticle = async (
        path: string,
        warnings: LoadWarning[],
      ): Promise<Article | undefined> => {
        const article = readArticle(path, warnings, yaml);
        if (article !== NEEDS_YAML) return article as Article | undefined;
        yaml = (await import('./yaml-fields.js')).yamlFields;
        return readArticle(path, warnings, yaml) as Article | undefined;
      };
      const pacer = onProgress && progressPacer(walk, entries, toRead.length, onProgress, pace);
      for (const at of toRead) {
        if (pacer) await pacer.step();
        const { path, size, mtimeMs } = walk.files[at]!;
        const warnings: LoadWarning[] = [];
        const article = await loadArticle(path, warnings);
        const meta = article ? metaOf(article) : null;
        // What was read is fingerprinted as it was read; a time too near now is not trusted later.
        const fresh = meta ? meta : { size, mtimeMs };
        const racy = fresh.mtimeMs >= now - RACY_MS;
        entries[at] = {
          path,
          size: fresh.size,
          mtimeMs: racy ? UNTRUSTED : fresh.mtimeMs,
          meta,
          warnings: warnings.map((warning) => warning.message),
        };
      }
    }
    const loaded: LoadedFile[] = entries.map((entry, at) => ({
      article: entry.meta ?? undefined,
      rank: walk.files[at]!.rank,
    }));
    const settled = settleLibrary(loaded);
    articles = settled.articles;
    clashes = settled.warnings;
    const index = new Map(entries.map((entry, at) => [entry.meta, at]));
    order = articles.map((article) => index.get(article)!);
  }

  const listingsChanged =
    !cached ||
    walk.listings.size !== cached.listings.size ||
    [...walk.listings].some(([dir, listing]) => !sameListing(cached!.listings.get(dir), listing));
  const walkWarningsChanged =
    !cached || JSON.stringify(walk.warnings) !== JSON.stringify(cached.walkWarnings);
  stats.changed = !unchanged || walkWarningsChanged;
  if (file && (!unchanged || listingsChanged || walkWarningsChanged)) {
    const listings = new Map(
      [...walk.listings].map(([dir, listing]) => [
        dir,
        { ...listing, mtimeMs: listing.mtimeMs >= now - RACY_MS ? UNTRUSTED : listing.mtimeMs },
      ]),
    );
    writeCache(file, {
      folders: key,
      listings,
      entries: entriesNow(),
      order: Array.from(order),
      clashes,
      walkWarnings: walk.warnings,
    });
  }
  const warnings = unchanged
    ? [...walk.warnings, ...cached!.fileWarnings(), ...clashes]
    : [...walk.warnings, ...fileWarnings(entriesNow()), ...clashes];
  return { articles, warnings, stats };
}

/**
 * Gives the event loop a turn every SLICE_MS of reading, and hands over the library as read so far:
 * first after one slice, then as often as SHOW_EVERY_MS allows, but never so often that settling
 * (sorting) what is known takes more than a fifth of the time.
 */
function progressPacer(
  walk: Walk,
  entries: CacheEntry[],
  total: number,
  onProgress: Progress,
  { sliceMs, showMs } = { sliceMs: SLICE_MS, showMs: SHOW_EVERY_MS },
) {
  let done = 0;
  let sliceStart = performance.now();
  let shownAt = -Infinity;
  let settleMs = 0;
  const show = () => {
    const start = performance.now();
    const loaded: LoadedFile[] = [];
    const known: CacheEntry[] = [];
    entries.forEach((entry, at) => {
      known.push(entry);
      loaded.push({ article: entry.meta ?? undefined, rank: walk.files[at]!.rank });
    });
    const settled = settleLibrary(loaded);
    const warnings = [...walk.warnings, ...fileWarnings(known), ...settled.warnings];
    onProgress({ articles: settled.articles, warnings }, done, total);
    shownAt = performance.now();
    settleMs = shownAt - start;
  };
  return {
    async step(): Promise<void> {
      const now = performance.now();
      if (done > 0 && now - sliceStart >= sliceMs) {
        if (now - shownAt >= Math.max(showMs, 5 * settleMs)) show();
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
      done += 1;
    },
  };
}

/** Each cached path's entry, for files found where the cache had another. */
function pathsOf(cached: CachedFiles): Map<string, number> {
  const byPath = new Map<string, number>();
  for (let at = 0; at < cached.count; at++) byPath.set(cached.path(at), at);
  return byPath;
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

function sameFile(cached: CachedFiles, at: number, found: FoundFile): boolean {
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
