// What revalidating a library starts from: the cache file as read (CachedFiles), or the files as the last
// open of this process left them (a live reload starts from what it showed, never from a cache another
// process may have written since).
import type { ArticleMeta } from '../core/article.js';
import type { CacheEntry } from './cache-format.js';
import type { Listing, LoadWarning } from './walk.js';

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
