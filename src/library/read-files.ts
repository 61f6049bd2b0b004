// Reading a library's files for the cache: one file into one entry (the parsers loaded only when some file
// has to be read), and the pace of a long read, which gives the event loop turns and hands a reader the
// library as far as it is known.
import { performance } from 'node:perf_hooks';
import type { Article } from '../core/article.js';
import type { YamlFields } from './article-text.js';
import { UNTRUSTED, type CacheEntry } from './cache-format.js';
import { metaOf, settleLibrary, type Library, type LoadedFile } from './library.js';
import {
  startWalk,
  type FoundFile,
  type LibraryFolder,
  type LoadWarning,
  type Walk,
} from './walk.js';

/**
 * The library as far as it is read: `done` of the `total` files to read (the total may still grow). What
 * it returns, reading waits for (a reader opening with the first rows has them drawn first).
 */
export type Progress = (library: Library, done: number, total: number) => void | Promise<void>;

/** How a long read is paced (tests make the times 0). */
export interface Pace {
  /** Reading work between two turns of the event loop. */
  sliceMs: number;
  /** The library is shown at most this often while it is read. */
  showMs: number;
}

const PACE: Pace = { sliceMs: 30, showMs: 200 };
/** A first show comes early only when the files to read are at least this many times `firstShow`. */
const EARLY_SHOW_FACTOR = 4;

/**
 * A file or folder changed this close to being read may change again within the same tick of a coarse
 * clock (1–2 s on some file systems) without its time changing: it is not trusted on the next start.
 */
export const RACY_MS = 2000;

/**
 * Reads found files into cache entries. `now` is when the walk began: a time near it is not trusted.
 * The reader is loaded when first needed, and the YAML parser only for front matter that is not plain.
 */
export function fileReader(now: number): (found: FoundFile) => Promise<CacheEntry> {
  let yaml: YamlFields | undefined;
  let reader: Promise<typeof import('./read-article.js')> | undefined;
  return async ({ path, size, mtimeMs }) => {
    const { NEEDS_YAML, readArticle } = await (reader ??= import('./read-article.js'));
    const warnings: LoadWarning[] = [];
    let article = readArticle(path, warnings, yaml);
    if (article === NEEDS_YAML) {
      yaml = (await import('./yaml-fields.js')).yamlFields;
      article = readArticle(path, warnings, yaml);
    }
    const meta = article ? metaOf(article as Article) : null;
    // What was read is fingerprinted as it was read; a time too near now is not trusted later.
    const fresh = meta ? meta : { size, mtimeMs };
    const racy = fresh.mtimeMs >= now - RACY_MS;
    return {
      path,
      size: fresh.size,
      mtimeMs: racy ? UNTRUSTED : fresh.mtimeMs,
      meta,
      warnings: warnings.map((warning) => warning.message),
    };
  };
}

/** Each entry's warnings, as the library lists them. */
export function fileWarnings(entries: readonly CacheEntry[]): LoadWarning[] {
  const warnings: LoadWarning[] = [];
  for (const entry of entries) {
    for (const message of entry.warnings) warnings.push({ path: entry.path, message });
  }
  return warnings;
}

/**
 * Gives the event loop a turn every slice of reading, and hands over the library as read so far (the
 * entries known, holes left out): first after one slice, or, given `firstShow` (a screenful), not before
 * that many files are read and at once then when several times as many are to come; then as often as
 * `showMs` allows, but never so often that settling (sorting) what is known takes more than a fifth of the time.
 */
export function progressPacer(
  walk: Walk,
  entries: readonly CacheEntry[],
  total: () => number,
  onProgress: Progress,
  { sliceMs, showMs }: Pace = PACE,
  firstShow?: number,
) {
  let done = 0;
  let sliceStart = performance.now();
  let shownAt = -Infinity;
  let settleMs = 0;
  const show = (): void | Promise<void> => {
    const start = performance.now();
    const loaded: LoadedFile[] = [];
    const known: CacheEntry[] = [];
    entries.forEach((entry, at) => {
      known.push(entry);
      loaded.push({ article: entry.meta ?? undefined, rank: walk.files[at]!.rank });
    });
    const settled = settleLibrary(loaded);
    const warnings = [...walk.warnings, ...fileWarnings(known), ...settled.warnings];
    const shown = onProgress({ articles: settled.articles, warnings }, done, total());
    shownAt = performance.now();
    settleMs = shownAt - start;
    return shown;
  };
  return {
    /** Called before each file is read. */
    async step(): Promise<void> {
      const now = performance.now();
      // Given a screenful, nothing is shown before it is read (a slow first slice, the parsers loading,
      // would show a few rows only), and it is shown at once when many more are to come.
      const first = firstShow !== undefined && shownAt === -Infinity;
      const early = first && done >= firstShow && total() >= EARLY_SHOW_FACTOR * firstShow;
      const held = first && done < firstShow;
      if (early || (!held && done > 0 && now - sliceStart >= sliceMs)) {
        const shown = now - shownAt >= Math.max(showMs, 5 * settleMs) ? show() : undefined;
        if (shown) await shown;
        else await new Promise((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
      done += 1;
    },
  };
}

/**
 * With nothing to revalidate, every file is read, each as soon as the walk finds it: the first ones are
 * shown while the rest of the folders are still to be walked. The total grows as folders are listed.
 */
export async function readAsFound(
  folders: readonly LibraryFolder[],
  maxEntries: number,
  read: (found: FoundFile) => Promise<CacheEntry>,
  progress: { onProgress: Progress; pace?: Pace; firstShow?: number } | undefined,
): Promise<{ walk: Walk; entries: CacheEntry[] }> {
  const walk = startWalk(folders, { maxEntries });
  const entries: CacheEntry[] = [];
  const total = () => walk.expected;
  const pacer =
    progress &&
    progressPacer(walk, entries, total, progress.onProgress, progress.pace, progress.firstShow);
  for (let walking = true; ;) {
    while (walking && entries.length === walk.files.length) walking = walk.step(1);
    if (entries.length === walk.files.length) return { walk, entries };
    if (pacer) await pacer.step();
    entries.push(await read(walk.files[entries.length]!));
  }
}
