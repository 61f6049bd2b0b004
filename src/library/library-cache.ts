// The library as a start sees it: the folders walked (listings reused while a folder's time is unchanged),
// and only the files whose size or time changed read again; the rest comes from the cache of the last
// start. The cache is checked, never trusted: anything odd in it and it is rebuilt. The YAML parser loads
// only when some file has to be read.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { ArticleMeta } from '../core/article.js';
import { metaOf, settleLibrary, type Library, type LoadedFile } from './library.js';
import {
  MAX_ENTRIES,
  walkLibrary,
  type FoundFile,
  type LibraryFolder,
  type Listing,
  type LoadWarning,
} from './walk.js';

/** Bumped whenever what is cached, or how an article is parsed, changes: an older cache is rebuilt. */
export const CACHE_VERSION = 2;
const FORMAT = 'inkwell library cache';
/**
 * A file or folder changed this close to being read may change again within the same tick of a coarse
 * clock (1–2 s on some file systems) without its time changing: it is not trusted on the next start.
 */
const RACY_MS = 2000;
/** Stored for a time not to be trusted: no file or folder has it. */
const UNTRUSTED = -2;

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
}

/** A cache as read: what a start shows at once, and what revalidating it starts from. */
export interface CachedLibrary {
  library: Library;
  decoded: Decoded;
}

/** A file as cached: path, size, time, its article fields (none when it was skipped), its warnings. */
type FileEntry = [string, number, number, MetaFields | null, string[]];
/** An article's fields, path, size and time aside (they are the entry's). */
type MetaFields = [
  id: string,
  title: string,
  author: string | null,
  date: string | null,
  source: string | null,
  url: string | null,
  tags: string[],
  bio: string | null,
  words: number,
  readingMinutes: number,
];

interface CacheFile {
  format: string;
  version: number;
  folders: string;
  listings: Array<[string, number, string[], number[]]>;
  files: FileEntry[];
  /** The files (by index) shown, newest first, and the warnings of id clashes. */
  order: number[];
  clashes: LoadWarning[];
  /** The walk's own warnings (folders missing, links not followed). */
  walkWarnings: LoadWarning[];
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
  const { files, order, clashes, walkWarnings } = found.cache;
  const articles = order.map((at) => files[at]!.meta!);
  const warnings = [...walkWarnings, ...fileWarnings(files), ...clashes];
  return { library: { articles, warnings }, decoded: found.cache };
}

function keyOf(folders: readonly LibraryFolder[]): string {
  return JSON.stringify(folders.map(({ dir, required }) => [dir, required]));
}

function fileWarnings(entries: readonly DecodedEntry[]): LoadWarning[] {
  const warnings: LoadWarning[] = [];
  for (const entry of entries) {
    for (const message of entry.warnings) warnings.push({ path: entry.path, message });
  }
  return warnings;
}

/** The library of these folders, from the cache where it is still true. */
export async function openLibrary(
  folders: readonly LibraryFolder[],
  { cacheDir, maxEntries = MAX_ENTRIES, known }: OpenOptions = {},
): Promise<Library & { stats: OpenStats }> {
  const key = keyOf(folders);
  const file = cacheDir ? cacheFileFor(cacheDir, key) : undefined;
  const stats: OpenStats = { cache: file ? 'cold' : 'none', read: 0, reused: 0, changed: true };
  let cached: Decoded | undefined = known?.decoded;
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
  const entries: DecodedEntry[] = new Array(walk.files.length);
  const toRead: number[] = [];
  let byPath: Map<string, DecodedEntry> | undefined;
  walk.files.forEach((found, at) => {
    let known = cached?.files[at];
    if (cached && known?.path !== found.path) {
      byPath ??= new Map(cached.files.map((entry) => [entry.path, entry]));
      known = byPath.get(found.path);
    }
    if (known && sameFile(known, found)) entries[at] = known;
    else toRead.push(at);
  });

  if (toRead.length > 0) {
    // The parser (and YAML with it) is needed only now.
    const { loadArticle } = await import('./load.js');
    for (const at of toRead) {
      const { path, size, mtimeMs } = walk.files[at]!;
      const warnings: LoadWarning[] = [];
      const article = loadArticle(path, warnings);
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
  stats.read = toRead.length;
  stats.reused = walk.files.length - toRead.length;

  const unchanged =
    cached !== undefined &&
    toRead.length === 0 &&
    entries.length === cached.files.length &&
    entries.every((entry, at) => entry === cached!.files[at]);
  let articles: ArticleMeta[];
  let clashes: LoadWarning[];
  let order: number[];
  if (unchanged) {
    order = cached!.order;
    articles = order.map((at) => entries[at]!.meta!);
    clashes = cached!.clashes;
  } else {
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
    [...walk.listings].some(([dir, listing]) => cached!.listings.get(dir) !== listing);
  const walkWarningsChanged =
    !cached || JSON.stringify(walk.warnings) !== JSON.stringify(cached.walkWarnings);
  stats.changed = !unchanged || walkWarningsChanged;
  if (file && (!unchanged || listingsChanged || walkWarningsChanged)) {
    writeCache(file, {
      format: FORMAT,
      version: CACHE_VERSION,
      folders: key,
      listings: [...walk.listings].map(([dir, { mtimeMs, names, kinds }]) => [
        dir,
        mtimeMs >= now - RACY_MS ? UNTRUSTED : mtimeMs,
        names,
        kinds,
      ]),
      files: entries.map(encodeEntry),
      order,
      clashes,
      walkWarnings: walk.warnings,
    });
  }
  return { articles, warnings: [...walk.warnings, ...fileWarnings(entries), ...clashes], stats };
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

function sameFile(known: DecodedEntry, found: FoundFile): boolean {
  return known.mtimeMs >= 0 && known.size === found.size && known.mtimeMs === found.mtimeMs;
}

interface DecodedEntry {
  path: string;
  size: number;
  mtimeMs: number;
  meta: ArticleMeta | null;
  warnings: string[];
}

/** A cache checked and turned back into articles. */
export interface Decoded {
  listings: Map<string, Listing>;
  files: DecodedEntry[];
  order: number[];
  clashes: LoadWarning[];
  walkWarnings: LoadWarning[];
}

type ReadResult = { ok: true; cache: Decoded } | { ok: false; reason: string };

/** The cache, checked field by field; any doubt and it is not used. */
export function readCache(file: string, key: string): ReadResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' ? 'absent' : `unreadable (${code})` };
  }
  let raw: unknown;
  try {
    raw = deserialize(bytes);
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
  const cache = raw as Partial<CacheFile> | null;
  if (!cache || typeof cache !== 'object' || cache.format !== FORMAT) {
    return { ok: false, reason: 'corrupt' };
  }
  if (cache.version !== CACHE_VERSION) return { ok: false, reason: 'another version' };
  if (cache.folders !== key) return { ok: false, reason: 'other folders' };
  try {
    return { ok: true, cache: decode(cache) };
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
}

class Corrupt extends Error {}
function check(condition: boolean): asserts condition {
  if (!condition) throw new Corrupt();
}

/** Characters a sanitized line never holds: a cache holding them was not written by inkwell. */
const UNSAFE = /[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const isLine = (value: unknown): value is string =>
  typeof value === 'string' && !UNSAFE.test(value);
const isLineOrNull = (value: unknown) => value === null || isLine(value);
const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;
const isTime = (value: unknown): value is number =>
  typeof value === 'number' && (value === UNTRUSTED || Number.isFinite(value));

function decode(cache: Partial<CacheFile>): Decoded {
  const { listings, files, order, clashes, walkWarnings } = cache;
  check(Array.isArray(listings) && Array.isArray(files) && Array.isArray(order));
  check(Array.isArray(clashes) && Array.isArray(walkWarnings));
  const decodedListings = new Map<string, Listing>();
  for (const listing of listings) {
    check(Array.isArray(listing) && listing.length === 4);
    const [dir, mtimeMs, names, kinds] = listing;
    check(typeof dir === 'string' && isTime(mtimeMs));
    check(Array.isArray(names) && Array.isArray(kinds) && names.length === kinds.length);
    for (let at = 0; at < names.length; at++) {
      check(typeof names[at] === 'string' && isCount(kinds[at]) && kinds[at]! < 4);
    }
    decodedListings.set(dir, { mtimeMs, names, kinds });
  }
  const decodedFiles = files.map(decodeEntry);
  const seen = new Set<number>();
  for (const at of order) {
    check(isCount(at) && at < decodedFiles.length && !seen.has(at) && !!decodedFiles[at]!.meta);
    seen.add(at);
  }
  for (const warning of [...clashes, ...walkWarnings]) {
    check(typeof warning?.path === 'string' && typeof warning.message === 'string');
  }
  return { listings: decodedListings, files: decodedFiles, order, clashes, walkWarnings };
}

function decodeEntry(entry: FileEntry): DecodedEntry {
  check(Array.isArray(entry) && entry.length === 5);
  const [path, size, mtimeMs, fields, warnings] = entry;
  check(typeof path === 'string' && typeof size === 'number' && isTime(mtimeMs));
  check(Array.isArray(warnings) && warnings.every((warning) => typeof warning === 'string'));
  if (fields === null) return { path, size, mtimeMs, meta: null, warnings };
  check(Array.isArray(fields) && fields.length === 10);
  const [id, title, author, date, source, url, tags, bio, words, readingMinutes] = fields;
  check(isLine(id) && id !== '' && isLine(title) && title !== '');
  check(isLineOrNull(author) && isLineOrNull(date) && isLineOrNull(source) && isLineOrNull(url));
  check(isLineOrNull(bio) && Array.isArray(tags) && tags.every(isLine));
  check(isCount(words) && isCount(readingMinutes));
  const meta: ArticleMeta = {
    id,
    title,
    author,
    date,
    source,
    url,
    tags,
    bio,
    words,
    readingMinutes,
    path,
    size,
    mtimeMs,
  };
  return { path, size, mtimeMs, meta, warnings };
}

function encodeEntry({ path, size, mtimeMs, meta, warnings }: DecodedEntry): FileEntry {
  const fields: MetaFields | null = meta && [
    meta.id,
    meta.title,
    meta.author,
    meta.date,
    meta.source,
    meta.url,
    meta.tags,
    meta.bio,
    meta.words,
    meta.readingMinutes,
  ];
  return [path, size, mtimeMs, fields, warnings];
}

/**
 * Written whole to a file of its own, then renamed over the cache: a reader sees the old cache or the
 * new one, never half of one, and of two processes writing at once the last rename wins. A cache that
 * cannot be written is only a slower next start.
 */
function writeCache(file: string, cache: CacheFile): void {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(temporary, serialize(cache));
    renameSync(temporary, file);
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Its folder could not be made either: there is nothing to remove.
    }
  }
}
