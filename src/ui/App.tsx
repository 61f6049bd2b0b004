// The full-screen reader: one reducer holds the state, keys become actions, screens draw what it holds.
import { Box, useApp, useInput, useStdout, type Key } from 'ink';
import {
  useCallback,
  useEffect,
  useInsertionEffect,
  useLayoutEffect,
  useReducer,
  useRef,
  useState,
} from 'react';
import type { Article, ArticleMeta } from '../core/article.js';
import { findDone, findInPage, prepareFind } from '../core/find-in-page.js';
import type { Searcher } from '../core/search/types.js';
import type { Library, LoadWarning } from '../library/load.js';
import { keyNames } from './keymap.js';
import { queryOf } from './list-search.js';
import type { StoreLink } from './store-link.js';
import { positionNow } from './user-state.js';
import type { FullScreen } from './terminal.js';
import { ListScreen } from './screens/ListScreen.js';
import { AddScreen } from './screens/AddScreen.js';
import { ReaderScreen } from './screens/ReaderScreen.js';
import { OverlayScreen } from './screens/OverlayScreen.js';
import { SearchRunner } from './search-runner.js';
import { WarmUp } from './warm-up.js';
import {
  currentPage,
  frameHeight,
  initialState,
  reduce,
  type AddSource,
  type Paginate,
  type Size,
} from './state.js';

/** How long the selection must rest before the article is prepared: moving on costs nothing. */
const PREPARE_AFTER_MS = 150;
/** Characters of Markdown wrapped ahead at most: about 60 ms of work on these machines. */
const PREPARE_AT_MOST = 256 * 1024;
/** Bytes of a file whose body is surely past PREPARE_AT_MOST: UTF-8 takes at most 3 bytes a UTF-16 unit. */
const TOO_BIG_TO_PREPARE_BYTES = 3 * PREPARE_AT_MOST + 64 * 1024;
/**
 * Lines of Markdown wrapped ahead at most: an article's paragraphs make a few thousand, but a list of tens
 * of thousands of short items costs the parser several times what as many characters of prose do.
 */
const PREPARE_LINES_AT_MOST = 8192;
/** The search's frames are warmed up one every WARM_UP_GAP_MS. */
const WARM_UP_GAP_MS = 5;
/** When the rest of a long article is wrapped: once Ink has drawn its first lines, and the terminal shown them. */
const COMPLETE_AFTER_MS = 50;
/** How often the footer tells how far the wrapping of a long article has got. */
const PROGRESS_EVERY_MS = 100;

export interface AppProps {
  articles: readonly ArticleMeta[];
  warnings: readonly LoadWarning[];
  /** False under NO_COLOR: the screens then tell things apart by attributes alone. */
  color: boolean;
  /** Opens a web link in the browser; resolves to a line for the footer saying how it went. */
  openLink: (url: string) => Promise<string>;
  /** The page maker, when the caller has it loaded already; otherwise it loads after the first frame. */
  paginate?: Paginate;
  /**
   * Starts the library's search engine; called once, after the first frame, so the list never waits for
   * it. Without it, a search waits for ever.
   */
  startSearcher?: (articles: readonly ArticleMeta[]) => Searcher;
  /** Where bookmarks, read marks, positions and settings are kept; without it they last this session. */
  store?: StoreLink;
  /** The time as ISO 8601 (tests give a fixed one). */
  now?: () => string;
  /** Suspending (Ctrl+Z) and continuing, given when the app owns a real terminal. */
  jobControl?: Pick<FullScreen, 'suspend' | 'onContinue'>;
  /** Imports what the `a` prompt names; without it, `a` says adding is not available. */
  addSource?: AddSource;
  /**
   * Given when `articles` came from the cache unchecked: looks at the folders after the first frame and
   * resolves to the library as it is now, or null when the cache was right. Search starts after it.
   */
  revalidate?: (
    onProgress?: (library: LibraryNow, done: number, total: number) => void,
  ) => Promise<LibraryNow | null>;
  /**
   * The library is still being read (no cache): `articles` is what is read so far, and `revalidate` hands the
   * library as read so far over now and then, the header saying how far it got.
   */
  indexing?: boolean;
  /**
   * Follows the library's folders, after the first frame: calls `onLibrary` with the library read again
   * whenever files change, `onNotice` with a line for the footer; returns what stops it.
   */
  watchLibrary?: LibraryWatch;
}

/** See AppProps.watchLibrary. */
export type LibraryWatch = (
  onLibrary: (library: Library) => void,
  onNotice: (text: string) => void,
) => () => void;

/** The library as the folders hold it. */
type LibraryNow = { articles: readonly ArticleMeta[]; warnings: readonly LoadWarning[] };

export function App({
  articles,
  warnings,
  color,
  openLink,
  paginate: given,
  startSearcher,
  store,
  now,
  jobControl,
  addSource,
  revalidate,
  indexing,
  watchLibrary,
}: AppProps) {
  const { stdout, write } = useStdout();
  const { exit } = useApp();
  const [state, dispatch] = useReducer(reduce, null, () => ({
    ...initialState(articles, warnings, sizeOf(stdout), given, now, store !== undefined),
    indexing: indexing ? { done: 0, total: 0 } : null,
  }));

  // Ink follows the width by itself, but not the height.
  useEffect(() => {
    const onResize = () => dispatch({ type: 'resize', size: sizeOf(stdout) });
    stdout.on('resize', onResize);
    return () => void stdout.off('resize', onResize);
  }, [stdout]);
  // Back from a suspend, on a blank screen: Ink draws only what changed, so writing nothing through it
  // is what makes it draw the whole frame again. The terminal may have been resized meanwhile.
  useEffect(
    () =>
      jobControl?.onContinue(() => {
        dispatch({ type: 'resize', size: sizeOf(stdout) });
        write('');
      }),
    [jobControl, stdout, write],
  );
  // Pages need the Markdown parser (~20 ms to load) and the article reader (with the YAML parser), which
  // the list does without: they load after the first frame, and the reducer holds keys back until then.
  const bodyOf = useRef<(article: ArticleMeta) => Article>(bodyGiven);
  useEffect(() => {
    if (given) return;
    void import('./article-pages.js').then(({ readerPage, withBody }) => {
      bodyOf.current = withBody;
      dispatch({ type: 'ready', paginate: readerPage });
    });
  }, [given]);

  // The library's folders are watched after the first frame too; a change reads the library again.
  useEffect(
    () =>
      watchLibrary?.(
        ({ articles: read, warnings: skipped }) =>
          dispatch({ type: 'library', articles: read, warnings: skipped }),
        (text) => dispatch({ type: 'notice', text }),
      ),
    [watchLibrary],
  );

  // The engine starts after the first frame (effects run once it is drawn) and answers as it can; the
  // runner asks about the latest query only, and hands each answer to the reducer, which drops it unless
  // the field still holds that query. A library read again is handed to the engine (which takes in what
  // changed), and the query shown is asked again at once.
  // The library checked against the folders (when it came from the cache) before the index is built.
  const [checked, setChecked] = useState(!revalidate);
  useEffect(() => {
    if (!revalidate) return;
    let live = true;
    // Later, so that the terminal has read and drawn the first frame before the folders are walked (or,
    // on a first start, the rest is read): that work holds the thread and, on a busy machine, the
    // processor the terminal needs. Ink has written the frame by the time effects run (it draws at
    // commit, the first frame at once), so it has no later signal to give: the terminal's reading and
    // drawing is what the pause is for.
    const timer = setTimeout(() => {
      const onProgress = (library: LibraryNow, done: number, total: number) => {
        if (live) dispatch({ type: 'library', ...library, indexing: { done, total } });
      };
      void revalidate(onProgress).then(
        (fresh) => {
          if (!live) return;
          if (fresh) dispatch({ type: 'library', ...fresh });
          else if (indexing) dispatch({ type: 'library', articles, warnings });
          setChecked(true);
        },
        () => {
          if (!live) return;
          if (indexing) dispatch({ type: 'library', articles, warnings });
          setChecked(true);
        },
      );
    }, 40);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [revalidate, articles, warnings, indexing]);
  const runner = useRef<SearchRunner | null>(null);
  // Whether the engine's thread has started (Searcher.started): until then this thread keeps to what
  // must be done now.
  const [searchStarted, setSearchStarted] = useState(false);
  // While the index builds, this thread idles: it draws made-up results off screen meanwhile, a frame at a
  // time, so that the first search's frames are not drawn by cold code. A search opened stops it (its own
  // frames warm the same code), and so does any screen but the list.
  const { measure, theme } = state.user.settings;
  // The theme setting, unless NO_COLOR has the last word.
  const palette = !color || theme === 'mono' ? false : theme === 'light' ? 'light' : true;
  const latest = useRef(state);
  useInsertionEffect(() => {
    latest.current = state;
  });
  useEffect(() => {
    if (!startSearcher || !searchStarted) return;
    let warmUp: WarmUp | undefined;
    let timer: NodeJS.Timeout;
    const next = () => {
      const now = latest.current;
      if (now.search || now.screen !== 'list' || now.overlay) return warmUp?.stop();
      warmUp ??= new WarmUp(now, palette);
      if (warmUp.step()) timer = setTimeout(next, WARM_UP_GAP_MS);
    };
    timer = setTimeout(next, 0);
    return () => {
      clearTimeout(timer);
      warmUp?.stop();
    };
    // Once, when the engine's thread has started; the palette is the one of that moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [startSearcher, searchStarted]);
  const query = queryOf(state.search);
  const limit = state.search?.limit ?? 0;
  const asked = useRef<{ query: string | null; limit: number }>({ query: null, limit: 0 });
  const library = state.articles;
  useEffect(() => {
    if (!startSearcher || !checked) return;
    const searcher = startSearcher(library);
    const warmUpNow = () => setSearchStarted(true);
    void (searcher.started ?? Promise.resolve()).then(warmUpNow, warmUpNow);
    const started = new SearchRunner(searcher, (question, answer) =>
      dispatch({ type: 'answer', query: question, answer }),
    );
    runner.current = started;
    if (asked.current.query !== null) started.ask(asked.current.query, asked.current.limit);
    return () => started.stop();
  }, [startSearcher, library, checked]);
  // Asked as the field's frame is committed, before Ink draws it (layout effects run after the drawing):
  // the engine searches while this thread draws the field. Asking sets no state, which these effects
  // must not; the answer comes in a later task.
  useInsertionEffect(() => {
    asked.current = { query, limit };
    runner.current?.ask(query, limit);
  }, [query, limit]);
  // The store loads after the first frame, like the page maker: conf and its validator are not needed to
  // draw the list, whose marks fill in a moment later.
  // Changes are drawn first, and handed to the store after. Counted here rather than cleared from the
  // state: clearing them would cost a render, and the frame after a key must be the only one.
  const handed = useRef(0);
  useEffect(
    () =>
      store?.connect((action) =>
        dispatch(action.type === 'stored' ? { ...action, handed: handed.current } : action),
      ),
    [store],
  );
  const { changes, changeBase } = state;
  // Handed over in the frame's own task (layout effects run right after Ink draws it), not in a later one:
  // a signal or a quit that comes the moment a change is seen still finds it handed over and writes it.
  useLayoutEffect(() => {
    const fresh = changes.slice(handed.current - changeBase);
    if (fresh.length === 0) return;
    handed.current += fresh.length;
    store?.send(fresh);
  }, [changes, changeBase, store]);

  // One handler for the app's life: Ink re-subscribes whenever the handler changes.
  const onInput = useCallback((input: string, key: Key) => {
    for (const name of keyNames(input, key)) dispatch({ type: 'key', name });
  }, []);
  useInput(onInput);

  // While the selection rests on an article (or, reading, on the next one), it is wrapped ahead, so that
  // opening it draws at once even when it is long.
  // A very long one is left alone: wrapping it would freeze the list for as long as opening it does.
  const upNext = state.shown[state.screen === 'list' ? state.selected : state.selected + 1];
  const { paginate, size } = state;
  useEffect(() => {
    if (!upNext || !paginate) return;
    // Its body is read only once the selection has rested on it.
    const timer = setTimeout(() => {
      // A file far past the limit is not even read: reading and decoding 4 MB costs tens of milliseconds.
      if (upNext.size > TOO_BIG_TO_PREPARE_BYTES) return;
      if (worthPreparing(bodyOf.current(upNext).body)) {
        paginate(upNext, size.columns, undefined, measure);
      }
    }, PREPARE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [upNext, paginate, size.columns, measure]);

  const { request } = state;
  useEffect(() => {
    if (request?.kind === 'quit') exit();
    if (request?.kind === 'suspend') jobControl?.suspend();
    if (request?.kind === 'openLink') {
      void openLink(request.url).then((text) => dispatch({ type: 'notice', text }));
    }
    if (request?.kind === 'import') {
      const progress = (text: string) => dispatch({ type: 'addProgress', text });
      const run = addSource
        ? addSource(request.source, progress)
        : Promise.reject(new Error('adding articles is not available here'));
      void run.then(
        (result) => dispatch({ type: 'added', result }),
        (error: unknown) =>
          dispatch({
            type: 'addFailed',
            text: `Not added: ${(error as Error)?.message ?? String(error)}`,
          }),
      );
    }
  }, [request, exit, openLink, jobControl, addSource]);

  // A long article draws its first lines at once, and the rest is wrapped a section at a time after it,
  // each in its own turn of the event loop: keys (q, Ctrl+C, scrolling what is there) never wait for more
  // than a section (~10 ms).
  const page = currentPage(state);
  const [, redraw] = useReducer((count: number) => count + 1, 0);
  const opened = state.shown[state.selected];
  const wrapping = page && !page.complete ? page.columns : undefined;
  useEffect(() => {
    if (wrapping === undefined || !opened || !paginate) return;
    let next: NodeJS.Immediate | undefined;
    let drawn = Date.now();
    const step = () => {
      // One more section (the page is past its first screenful already).
      const more = paginate(opened, wrapping, 1, measure, true);
      // While the reader waits to go back to a place, each section wrapped may reach it (else the state
      // stays as it is, and nothing is drawn for it).
      dispatch({ type: 'wrapped' });
      // The footer says how far it has got, now and then.
      const now = Date.now();
      if (more.complete || now - drawn >= PROGRESS_EVERY_MS) {
        drawn = now;
        redraw();
      }
      if (!more.complete) next = setImmediate(step);
    };
    // Wrapping starts once the first lines are on the screen.
    const timer = setTimeout(step, COMPLETE_AFTER_MS);
    return () => {
      clearTimeout(timer);
      if (next) clearImmediate(next);
    };
  }, [wrapping, opened, paginate, measure]);

  // The find field is open: the page's lines are folded while the first key is still to come.
  const finding = !!state.find?.field;
  useEffect(() => {
    if (!finding || !page?.complete) return;
    const timer = setTimeout(() => prepareFind(page.lines), 0);
    return () => clearTimeout(timer);
  }, [finding, page]);

  // A find in a long page is searched a step at a time, each in its own turn of the event loop, the count
  // of matches drawn now and then; in a page still being wrapped, each section wrapped is searched.
  const needle = state.find?.needle;
  const lines = page?.complete ? page.lines : undefined;
  useEffect(() => {
    if (!needle || !lines || findDone(lines, needle)) return;
    let next: NodeJS.Immediate | undefined;
    let drawn = Date.now();
    const step = () => {
      findInPage(lines, needle);
      dispatch({ type: 'found' });
      const done = findDone(lines, needle);
      const now = Date.now();
      if (done || now - drawn >= PROGRESS_EVERY_MS) {
        drawn = now;
        redraw();
      }
      if (!done) next = setImmediate(step);
    };
    next = setImmediate(step);
    return () => {
      if (next) clearImmediate(next);
    };
  }, [needle, lines]);

  // Where the open article is, told to the store as it changes: saved after a pause, or on any exit.
  const position = page?.complete ? positionNow(state) : undefined;
  const place = position?.position;
  const placeKey = position && `${position.id} ${place ? `${place.block}:${place.offset}` : 'top'}`;
  // In the frame's own task, as the changes are (see above).
  useLayoutEffect(() => {
    if (position) store?.notePosition(position);
    // Keyed by the place alone: the time inside the change is new on every frame, and is not news.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [placeKey, store]);

  const onAddText = useCallback((text: string) => dispatch({ type: 'addText', text }), []);
  const onAddSubmit = useCallback(() => dispatch({ type: 'addSubmit' }), []);

  let screen;
  if (state.adding) {
    screen = (
      <AddScreen
        adding={state.adding}
        size={state.size}
        onChange={onAddText}
        onSubmit={onAddSubmit}
      />
    );
  } else if (state.overlay) {
    const source = {
      overlay: state.overlay,
      screen: state.screen,
      size: state.size,
      keymap: state.keymap,
      warnings: state.warnings,
      links: page?.links ?? [],
    };
    screen = <OverlayScreen source={source} view={state.overlayView} />;
  } else if (page) {
    screen = <ReaderScreen state={state} page={page} color={palette} />;
  } else {
    screen = <ListScreen state={state} color={palette} />;
  }
  // Sized from the terminal itself, not the state: Ink redraws on a resize before the state catches up,
  // and that frame must fit the new size too. Ink draws nothing below the root's height, and every row
  // cuts its own text to the width, so no overflow clipping (a second pass over every line) is needed.
  return (
    <Box flexDirection="column" height={frameHeight(sizeOf(stdout))}>
      {screen}
    </Box>
  );
}

/** Whether wrapping an article ahead stays short: not too many characters, nor too many lines. */
function worthPreparing(body: string): boolean {
  if (body.length > PREPARE_AT_MOST) return false;
  let lines = 0;
  for (let at = body.indexOf('\n'); at >= 0; at = body.indexOf('\n', at + 1)) {
    if (++lines > PREPARE_LINES_AT_MOST) return false;
  }
  return true;
}

/** The body of an article that came with one (tests give whole articles with their page maker). */
function bodyGiven(article: ArticleMeta): Article {
  return 'body' in article ? (article as Article) : { ...article, body: '' };
}

function sizeOf(stdout: NodeJS.WriteStream): Size {
  return { columns: stdout.columns || 80, rows: stdout.rows || 24 };
}
