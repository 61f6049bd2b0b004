// Runs one command line: parse, load the library, dispatch; returns the exit status.
import { resolve } from 'node:path';
import type { Library } from '../library/library.js';
import {
  openLibrary,
  peekLibrary,
  type CachedLibrary,
  type Progress,
} from '../library/library-cache.js';
import type { LibraryFolder } from '../library/walk.js';
import type { Paths } from '../library/paths.js';
import type { LiveLibrary } from '../library/watch.js';
import type { AddSource } from '../ui/state.js';
import { sanitize, sanitizeLine } from '../core/sanitize.js';
import { parseCommandLine, UsageError, type ParsedArgs } from './args.js';
import type { CommandContext } from './context.js';
import { commandHelp, mainHelp } from './help.js';
import { formatWarnings, type Output } from './output.js';

type Runner = (context: CommandContext) => number | Promise<number>;

/** Rows a start with no cache reads before the reader opens with them, when the terminal does not say. */
const SCREENFUL = 50;

// Each command is loaded when it runs: `show` needs the Markdown parser, which the others do without.
const RUNNERS: Record<string, () => Promise<Runner>> = {
  list: async () => (await import('./list.js')).listCommand,
  show: async () => (await import('./show.js')).showCommand,
  search: async () => (await import('./search.js')).searchCommand,
  add: async () => (await import('./add.js')).addCommand,
  bookmarks: async () => (await import('./bookmarks.js')).bookmarksCommand,
  bookmark: async () => (await import('./bookmarks.js')).bookmarkCommand,
  read: async () => (await import('./read-state.js')).readCommand,
  unread: async () => (await import('./read-state.js')).unreadCommand,
  config: async () => (await import('./config.js')).configCommand,
  keys: async () => (await import('./keys.js')).keysCommand,
};

export interface Environment {
  version: string;
  /** The articles that ship with inkwell. */
  bundledContent: string;
  paths: Paths;
  out: Output;
  /**
   * Opens the full-screen reader; given only when stdin and stdout are both terminals. Without it,
   * `inkwell` alone prints the list, as `inkwell list` does.
   */
  startReader?: (
    library: Library,
    addSource: AddSource,
    live: LiveLibrary,
    revalidate?: (onProgress?: Progress) => Promise<Library | null>,
    /** Whether the library is still to be read (it comes through `revalidate`, in batches). */
    indexing?: boolean,
  ) => Promise<number>;
}

export async function run(
  argv: readonly string[],
  { version, bundledContent, paths, out, startReader }: Environment,
): Promise<number> {
  try {
    const args = parseCommandLine(argv);
    if (args.version) {
      out.write(`${version}\n`);
      return 0;
    }
    if (args.help) {
      // The help names folders from the environment (INKWELL_HOME, XDG_DATA_HOME), which may hold anything.
      out.write(sanitize(args.command ? commandHelp(args.command) : mainHelp(version, paths)));
      return 0;
    }
    const folders = libraryFolders(bundledContent, paths, args);
    const cacheDir = paths.cache;
    // The reader lists skipped files itself, in its footer. Its `a` prompt loads the importers when used.
    if (!args.command && !args.json && startReader) {
      const addSource: AddSource = async (source, onProgress) =>
        (await import('./add.js')).addFromReader(source, { paths, folders, onProgress });
      // What the latest look at the folders found (the start's, then each reload's): a reload starts from
      // it. Looks can overlap: one begun earlier that ends later does not replace a newer one's.
      let base: CachedLibrary | undefined;
      let begun = 0;
      let baseBegun = -1;
      const opening = () => {
        const mine = begun++;
        return <T extends { known: CachedLibrary }>(outcome: T): T => {
          if (mine > baseBegun) [base, baseBegun] = [outcome.known, mine];
          return outcome;
        };
      };
      // The reader follows the folders while it runs, reading them again (through the cache) as they
      // change: only what the watcher names (files, folders) is looked at again.
      const live: LiveLibrary = {
        dirs: folders.map((folder) => folder.dir),
        reload: async (paths) => {
          const opened = opening();
          const { articles, warnings } = opened(
            await openLibrary(folders, {
              cacheDir,
              ...(base ? { known: base } : {}),
              ...(base && paths ? { changed: paths } : {}),
              writeLater: true,
            }),
          );
          return { articles, warnings };
        },
        loadedAt: Date.now(),
      };
      // The list as the cache knows it draws at once; the folders are looked at right after.
      const known = peekLibrary(folders, cacheDir);
      if (known) {
        const revalidate = async () => {
          const opened = opening();
          const fresh = opened(await openLibrary(folders, { cacheDir, known }));
          return fresh.stats.changed
            ? { articles: fresh.articles, warnings: fresh.warnings }
            : null;
        };
        return startReader(known.library, addSource, live, revalidate);
      }
      // No cache (a first start, or one rebuilt): the folders are walked as their files are read. A small
      // library is read before the reader opens; a large one opens the reader as soon as a screenful is
      // read, and the list fills in as the rest is, in batches, the header saying how far it got.
      let report: Progress | undefined;
      let latest: { library: Library; done: number; total: number } | undefined;
      let shown: () => void = () => {};
      const firstShown = new Promise<undefined>((resolve) => (shown = () => resolve(undefined)));
      // Reading waits from the first screenful until the reader asks for the rest (after its first frame):
      // the frame is drawn, and the terminal reads it, without the reading taking the processor meanwhile.
      let asked: () => void = () => {};
      const rest = new Promise<void>((resolve) => (asked = resolve));
      const opened = opening();
      const loading = openLibrary(folders, {
        cacheDir,
        onProgress: (library, done, total) => {
          latest = { library, done, total };
          if (report) return report(library, done, total);
          shown();
          return rest;
        },
        firstShow: process.stdout.rows || SCREENFUL,
      }).then(opened);
      const quick = await Promise.race([loading, firstShown]);
      if (quick)
        return startReader({ articles: quick.articles, warnings: quick.warnings }, addSource, live);
      const load = async (onProgress?: Progress) => {
        report = onProgress;
        if (latest) void onProgress?.(latest.library, latest.done, latest.total);
        asked();
        const { articles, warnings } = await loading;
        return { articles, warnings };
      };
      const first = latest?.library ?? { articles: [], warnings: [] };
      return startReader(first, addSource, live, load, true);
    }
    const { articles, warnings } = await openLibrary(folders, { cacheDir });
    const library: Library = { articles, warnings };
    out.warn(formatWarnings(library.warnings));
    const runner = await RUNNERS[args.command?.name ?? 'list']!();
    return await runner({ library, args, out, paths });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    out.warn(`inkwell: ${sanitizeLine(error.message)} (see inkwell --help)\n`);
    return 2;
  }
}

/** Bundled articles first, then the user's, then --library folders: later folders win id clashes. */
function libraryFolders(bundledContent: string, paths: Paths, args: ParsedArgs): LibraryFolder[] {
  return [
    { dir: bundledContent, required: true },
    { dir: paths.articles, required: false },
    ...args.library.map((dir) => ({ dir: resolve(dir), required: true })),
  ];
}
