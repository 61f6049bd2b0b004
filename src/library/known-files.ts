// What revalidating a library starts from: the cache file as read (CachedFiles), or the files as the last
// open of this process left them (a live reload starts from what it showed, never from a cache another
// process may have written since); and the walk that checks the folders against it.
import type { ArticleMeta } from '../core/article.js';
import type { CacheEntry } from './cache-format.js';
import {
  startWalk,
  type LibraryFolder,
  type Listing,
  type LoadWarning,
  type Walk,
} from './walk.js';

/** The files a library was made of, in walk order, and how they were shown. */
export interface KnownFiles {
  readonly count: number;
  /** The entries (by index) shown, newest first. */
  readonly order: ArrayLike<number>;
  readonly clashes: LoadWarning[];
  readonly walkWarnings: LoadWarning[];
  readonly listings: ReadonlyMap<string, Listing>;
  path(at: number): string;
  isPath(at: number, path: string): boolean;
  size(at: number): number;
  /** Negative when the time is not to be trusted (the file is read again). */
  mtimeMs(at: number): number;
  fileWarnings(): LoadWarning[];
  meta(at: number): ArticleMeta | null;
  entry(at: number): CacheEntry;
}

/** Files held in memory, as an open made them. */
export class EntryFiles implements KnownFiles {
  readonly count: number;

  constructor(
    readonly entries: readonly CacheEntry[],
    readonly order: ArrayLike<number>,
    readonly clashes: LoadWarning[],
    readonly walkWarnings: LoadWarning[],
    readonly listings: ReadonlyMap<string, Listing>,
  ) {
    this.count = entries.length;
  }

  path(at: number): string {
    return this.entries[at]!.path;
  }

  isPath(at: number, path: string): boolean {
    return this.entries[at]!.path === path;
  }

  size(at: number): number {
    return this.entries[at]!.size;
  }

  mtimeMs(at: number): number {
    return this.entries[at]!.mtimeMs;
  }

  fileWarnings(): LoadWarning[] {
    const all: LoadWarning[] = [];
    for (const { path, warnings } of this.entries) {
      for (const message of warnings) all.push({ path, message });
    }
    return all;
  }

  meta(at: number): ArticleMeta | null {
    return this.entries[at]!.meta;
  }

  entry(at: number): CacheEntry {
    return this.entries[at]!;
  }
}

/**
 * The walk that revalidates `cached`. Given what a watcher saw change (files, folders), the other plain
 * files are taken as `cached` has them, unstat'ed; a file it does not trust is stat'ed.
 */
export function revalidatingWalk(
  folders: readonly LibraryFolder[],
  maxEntries: number,
  cached: KnownFiles,
  changed: ReadonlySet<string> | undefined,
): Walk {
  let fingerprint: ((path: string) => { size: number; mtimeMs: number } | undefined) | undefined;
  if (changed) {
    // Files come in the order the cache has them, unless something moved: then by path.
    let next = 0;
    let byPath: Map<string, number> | undefined;
    fingerprint = (path) => {
      let at: number;
      if (next < cached.count && cached.isPath(next, path)) {
        at = next;
      } else {
        byPath ??= pathsOf(cached);
        at = byPath.get(path) ?? -1;
      }
      if (at < 0) return undefined;
      next = at + 1;
      const mtimeMs = cached.mtimeMs(at);
      return mtimeMs >= 0 ? { size: cached.size(at), mtimeMs } : undefined;
    };
  }
  const walk = startWalk(folders, {
    maxEntries,
    known: cached.listings,
    fingerprint,
    changed,
  });
  while (walk.step(Infinity));
  return walk;
}

/** Each cached path's entry, for files found where the cache had another. */
export function pathsOf(cached: KnownFiles): Map<string, number> {
  const byPath = new Map<string, number>();
  for (let at = 0; at < cached.count; at++) byPath.set(cached.path(at), at);
  return byPath;
}
