// Starts the full-screen reader on the process's terminal and returns its exit status once it is closed.
import chalk from 'chalk';
import { render } from 'ink';
import type { ArticleMeta } from '../core/article.js';
import { libraryDiff } from '../core/library-diff.js';
import { sanitize } from '../core/sanitize.js';
import type { Searcher } from '../core/search/types.js';
import type { LibrarySearcher } from '../library/searcher.js';
import type { LoadWarning } from '../library/load.js';
import type { LiveLibrary } from '../library/watch.js';
import { App, type AppProps } from './App.js';
import { lazyWatch } from './live-library.js';
import { openInBrowser } from './browser.js';
import type { AddSource } from './state.js';
import { firstFrameDrawn } from '../startup.js';
import { storeLink } from './store-link.js';
import { describe, enterFullScreen, onAbnormalExit } from './terminal.js';

export interface ReaderOptions {
  articles: readonly ArticleMeta[];
  warnings: readonly LoadWarning[];
  /** The colour level the command line chose (FORCE_COLOR, NO_COLOR, the terminal). */
  colorLevel: 0 | 1 | 2 | 3;
  /** The folder of the store (bookmarks, read marks, positions, settings). */
  configDir: string;
  /** What the `a` prompt imports with. */
  addSource?: AddSource;
  /** The library's folders and how to read them again: without it, the library is read once. */
  live?: LiveLibrary;
  /** Checks a library shown from the cache against the folders (see AppProps). */
  revalidate?: AppProps['revalidate'];
  /** The library is still to be read: it arrives through `revalidate`, in batches. */
  indexing?: boolean;
}

export async function startReader({
  articles,
  warnings,
  colorLevel,
  configDir,
  addSource,
  live,
  revalidate,
  indexing,
}: ReaderOptions): Promise<number> {
  const { stdin, stdout, stderr } = process;
  // Ink styles text through chalk. Without colour, bold, italic, underline and inverse still tell a
  // selection, a quotation and a heading apart, so chalk keeps at least its basic level.
  chalk.level = Math.max(colorLevel, 1) as 1 | 2 | 3;
  const screen = enterFullScreen(stdin, stdout);
  const search = lazySearch();
  const store = storeLink(configDir);
  const watch = live && lazyWatch(live);
  const instance = render(
    <App
      articles={articles}
      warnings={warnings}
      color={colorLevel > 0}
      openLink={openInBrowser}
      startSearcher={search.start}
      jobControl={screen}
      store={store}
      {...(addSource ? { addSource } : {})}
      {...(watch ? { watchLibrary: watch.start } : {})}
      {...(revalidate ? { revalidate } : {})}
      {...(indexing ? { indexing } : {})}
    />,
    {
      stdin,
      stdout: screen.stdout,
      stderr,
      exitOnCtrlC: false,
      incrementalRendering: false,
      // Ink draws at most 30 frames a second by default, deferring a frame that comes sooner: a search's
      // results, a few milliseconds after the key's own frame, waited up to 33 ms. Frames are drawn as
      // they come instead (0: no window at all; even a 1 ms window deferred the results of a first letter,
      // answered within it, to a timer that a busy machine runs late), as the bench draws them.
      maxFps: 0,
    },
  );
  // The terminal first, before anything else can fail or take long; Ink's last frame, drawn while it
  // unmounts, is dropped.
  const stop = () => {
    screen.restore();
    try {
      instance.unmount();
    } catch {
      // Unmounting draws a last frame; if drawing is what failed, it fails again.
    }
    // The index's worker thread would keep the process alive; the watcher never does, but goes too.
    search.close();
    watch?.close();
    // Then what is pending (the place read, the last changes), however the reader ends: q, Ctrl+C, a
    // signal or a crash. Writing never throws: a store that cannot be written was already said so.
    store.flush();
  };
  const forget = onAbnormalExit(stop);
  // Ink draws its first frame as it renders, before render() returns. What waits for it (saving the code
  // cache) comes after the signal handlers, which must be there as soon as anything is on the screen.
  firstFrameDrawn();
  try {
    await instance.waitUntilExit();
    return 0;
  } catch (error) {
    stop();
    stderr.write(`inkwell: ${sanitize(describe(error))}\n`);
    return 1;
  } finally {
    stop();
    forget();
  }
}

/**
 * The library's search engine, loaded and started when the app asks (after its first frame): its module
 * and the worker thread that builds the index stay off the path to the list.
 */
function lazySearch() {
  let engine: Promise<LibrarySearcher> | undefined;
  let searcher: Searcher | undefined;
  let indexed: readonly ArticleMeta[] = [];
  let closed = false;
  return {
    start(articles: readonly ArticleMeta[]): Searcher {
      if (engine && searcher) {
        // The library read again: the engine takes in what changed instead of indexing it all anew.
        // Told before any question asked after this, so that the next answers know the new library.
        const diff = libraryDiff(indexed, articles);
        indexed = articles;
        if (diff.upsert.length > 0 || diff.remove.length > 0 || diff.order) {
          void engine.then((started) => started.update(diff));
        }
        return searcher;
      }
      indexed = articles;
      const started = import('../library/searcher.js').then((module) => {
        const opened = module.startSearcher(articles);
        if (closed) opened.close();
        return opened;
      });
      engine = started;
      searcher = {
        search: async (query, limit) => (await started).search(query, limit),
        // A searcher that failed to load answers with an error (search), and has nothing to wait for.
        started: started.then(
          (opened) => opened.started,
          () => undefined,
        ),
      };
      return searcher;
    },
    close(): void {
      closed = true;
      void engine?.then((started) => started.close());
    },
  };
}
