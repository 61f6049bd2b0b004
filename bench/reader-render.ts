// The full-screen reader in process: the real App rendered by Ink into a fake 80×24 terminal, driven by
// keys written to a fake stdin, timed by Ink's own onRender callback.
import chalk from 'chalk';
import { render, type Instance } from 'ink';
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { createElement } from 'react';
import type { Article, ArticleMeta } from '../src/core/article.js';
import { pageOf } from '../src/core/paginate.js';
import { readerPage } from '../src/ui/article-pages.js';
import type { Searcher } from '../src/core/search/types.js';
import { Store } from '../src/state/store.js';
import { App } from '../src/ui/App.js';
import { storeLink, type StoreLink } from '../src/ui/store-link.js';
import { fresh, longArticleFile, manyArticles, seedArticle } from './articles.js';
import { timeCall } from './stats.js';

const COLUMNS = 80;
const ROWS = 24;
export { measureSearchTyping, type TypingSamples } from './search-typing.js';

const ENTER = '\r';
const HUGE_LIST = 100_000;
const BOOKMARKS = 10_000;
// Ink draws at most maxFps frames a second (30 by default) and defers a frame that comes sooner. The app
// lifts the cap as the bench does (0, no window: src/ui/start.tsx), so that a search's results are drawn
// as soon as they come; the bench still waits a moment between keys.
const MAX_FPS = 0;
const THROTTLE_MS = 2;
/** A frame that takes longer than this is not coming: the bench says so instead of waiting. */
const TIMEOUT_MS = 10_000;

/** A terminal's output that keeps what was written since the last key, for checking what was drawn. */
class FakeStdout extends Writable {
  readonly isTTY = true;
  readonly columns = COLUMNS;
  readonly rows = ROWS;
  written = '';

  override _write(chunk: Buffer | string, _encoding: string, done: () => void): void {
    this.written += String(chunk);
    done();
  }
}

/** A terminal's input as Ink reads it: 'readable', then read() until null (see ink-testing-library). */
class FakeStdin extends EventEmitter {
  readonly isTTY = true;
  private pending: string[] = [];

  send(data: string): void {
    this.pending.push(data);
    this.emit('readable');
  }

  read(): string | null {
    return this.pending.shift() ?? null;
  }

  setRawMode(): this {
    return this;
  }
  setEncoding(): this {
    return this;
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }
  resume(): this {
    return this;
  }
  pause(): this {
    return this;
  }
}

/** One App in a fake terminal: keys in, each frame's render time out. */
export class Session {
  readonly stdout = new FakeStdout();
  readonly stdin = new FakeStdin();
  readonly instance: Instance;
  /** Ink's renderTime of every frame so far. */
  readonly renderTimes: number[] = [];
  private waiting: (() => void) | undefined;

  constructor(
    articles: readonly ArticleMeta[],
    store?: StoreLink,
    startSearcher?: (articles: readonly ArticleMeta[]) => Searcher,
  ) {
    this.instance = render(
      createElement(App, {
        articles,
        warnings: [],
        color: true,
        openLink: async () => '',
        paginate: readerPage,
        store,
        startSearcher,
      }),
      {
        stdout: this.stdout as unknown as NodeJS.WriteStream,
        stderr: new FakeStdout() as unknown as NodeJS.WriteStream,
        stdin: this.stdin as unknown as NodeJS.ReadStream,
        exitOnCtrlC: false,
        patchConsole: false,
        incrementalRendering: false,
        maxFps: MAX_FPS,
        onRender: ({ renderTime }) => {
          this.renderTimes.push(renderTime);
          const waiting = this.waiting;
          this.waiting = undefined;
          waiting?.();
        },
      },
    );
  }

  /** Waits until the app listens for keys and Ink's frame window has passed. */
  async settle(): Promise<void> {
    await sleep(THROTTLE_MS);
    for (let tries = 0; this.stdin.listenerCount('readable') === 0; tries++) {
      if (tries > 100) throw new Error('the app never listened to stdin');
      await sleep(1);
    }
  }

  /**
   * Writes `key` and resolves when Ink has rendered the frame it causes: the milliseconds from the write
   * to the onRender callback, and Ink's renderTime for that frame.
   */
  async press(key: string): Promise<{ roundTrip: number; renderTime: number }> {
    const frames = this.renderTimes.length;
    // Stamped in the callback itself: Ink writes the frame after it, and that is not part of the figure.
    const rendered = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no frame after ${JSON.stringify(key)}`)),
        TIMEOUT_MS,
      );
      this.waiting = () => {
        clearTimeout(timer);
        resolve(performance.now());
      };
    });
    this.stdout.written = '';
    const start = performance.now();
    this.stdin.send(key);
    const roundTrip = (await rendered) - start;
    if (this.renderTimes.length !== frames + 1) {
      throw new Error(
        `${JSON.stringify(key)} gave ${this.renderTimes.length - frames} frames, not 1`,
      );
    }
    return { roundTrip, renderTime: this.renderTimes.at(-1)! };
  }

  /** Resolves at the next frame the app draws by itself (a long article's rest, after its first lines). */
  nextFrame(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  close(): void {
    this.instance.unmount();
    this.instance.cleanup();
  }
}

/** Colour as the binary has it in an xterm-256color terminal, so frames carry their escape codes. */
export function setUpColour(): void {
  chalk.level = 2;
}

export interface ScrollSamples {
  renderTimes: number[];
  roundTrips: number[];
  /** Lines the article's page has, for the report. */
  lines: number;
}

/** Opens `article` and scrolls it a line at a time: `warmUp` steps unmeasured, then `steps` measured. */
export async function measureScroll(
  article: Article,
  steps: number,
  warmUp: number,
): Promise<ScrollSamples> {
  setUpColour();
  const session = new Session([article]);
  try {
    await session.settle();
    // A long article draws its first lines, then how far its wrapping has got now and then, then the whole
    // page (whose footer gives a percentage).
    await session.press(ENTER);
    do await session.nextFrame();
    while (!session.stdout.written.includes('%'));
    expectOnScreen(session, '%');
    const renderTimes: number[] = [];
    const roundTrips: number[] = [];
    for (let step = 0; step < warmUp + steps; step++) {
      await session.settle();
      const { roundTrip, renderTime } = await session.press('j');
      if (step < warmUp) continue;
      renderTimes.push(renderTime);
      roundTrips.push(roundTrip);
    }
    const lines = pageOf(article, COLUMNS).lines.length;
    if (lines < warmUp + steps + ROWS) throw new Error(`only ${lines} lines: the view hit the end`);
    return { renderTimes, roundTrips, lines };
  } finally {
    session.close();
  }
}

/** Moves down a list of `articles` a row at a time, then to its end and back: Ink's renderTime each key. */
export async function measureList(articles: readonly Article[], steps: number): Promise<number[]> {
  setUpColour();
  const session = new Session(articles);
  try {
    const renderTimes: number[] = [];
    for (const key of [...'j'.repeat(steps), 'G', 'g']) {
      await session.settle();
      renderTimes.push((await session.press(key)).renderTime);
    }
    expectOnScreen(session, `1/${articles.length}`);
    return renderTimes;
  } finally {
    session.close();
  }
}

export interface BookmarkSamples {
  /** s → onRender of the frame with the star changed. */
  roundTrips: number[];
  /** The store's update that follows (lock, read, validate, write), off the frame's path. */
  writes: number[];
}

/**
 * Toggles the bookmark of the selected row `rounds` times in the Bookmarks list, with `count` articles
 * all bookmarked in a real store: the frame, and separately the write that follows it.
 */
export async function measureBookmarkToggle(
  seed: Article,
  count: number,
  rounds: number,
): Promise<BookmarkSamples> {
  setUpColour();
  const dir = mkdtempSync(join(tmpdir(), 'inkwell-bench-store-'));
  const articles = manyArticles(seed, count);
  const store = new Store(dir);
  const at = new Date().toISOString();
  store.update(
    articles.map(({ id, title, url }) => ({
      kind: 'bookmark',
      id,
      bookmark: { title, url, bookmarkedAt: at },
    })),
  );
  const session = new Session(articles, storeLink(dir));
  const samples: BookmarkSamples = { roundTrips: [], writes: [] };
  try {
    // The store loads after the first frame; its marks come with the next.
    for (let tries = 0; !session.stdout.written.includes('★'); tries++) {
      if (tries > 500) throw new Error('the stored bookmarks never showed');
      await sleep(10);
    }
    await session.settle();
    await session.press('\t');
    await session.settle();
    await session.press('\t');
    expectOnScreen(session, 'Bookmarks');
    for (let round = 0; round < rounds; round++) {
      // The last toggle's write (50 ms after it) and its frame are over before the next key.
      await sleep(250);
      await session.settle();
      samples.roundTrips.push((await session.press('s')).roundTrip);
      samples.writes.push(
        timeCall(() => store.update([{ kind: 'read', id: articles[round % count]!.id, at }])),
      );
    }
    return samples;
  } finally {
    session.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface OpenSamples {
  /** Enter on the list → onRender of the reader's first frame. */
  roundTrips: number[];
  renderTimes: number[];
}

/**
 * Opens an article from the list `rounds` times, each time a new app over a fresh copy of the article
 * (the page cache is per article object, so every round wraps it again, as the first opening does).
 */
export async function measureOpen(
  makeArticle: () => Article,
  rounds: number,
  titleWord: string,
  /** How long the selection rests on the article before Enter: the app prepares it after 150 ms. */
  restMs = 0,
): Promise<OpenSamples> {
  setUpColour();
  const samples: OpenSamples = { roundTrips: [], renderTimes: [] };
  for (let round = 0; round < rounds; round++) {
    const session = new Session([makeArticle()]);
    try {
      await session.settle();
      if (restMs > 0) await sleep(restMs);
      const { roundTrip, renderTime } = await session.press(ENTER);
      if (round === 0) {
        await sleep(THROTTLE_MS);
        expectOnScreen(session, titleWord);
      }
      samples.roundTrips.push(roundTrip);
      samples.renderTimes.push(renderTime);
    } finally {
      session.close();
    }
  }
  return samples;
}

/** A check that the frame measured is the reader's, not the list's again. */
function expectOnScreen(session: Session, text: string): void {
  if (!session.stdout.written.includes(text)) {
    throw new Error(
      `expected ${JSON.stringify(text)} in the frame: ${JSON.stringify(session.stdout.written)}`,
    );
  }
}

/** Moves through a list of 100,000 articles (the bench's library-only run measures this alone). */
export function measureHugeList(content: string, steps: number): Promise<number[]> {
  return measureList(manyArticles(seedArticle(content), HUGE_LIST), steps);
}

export interface ReaderResults {
  /** pageOf on a fresh copy of the 200 KB article, each run. */
  page: number[];
  scroll: ScrollSamples;
  openSeed: OpenSamples;
  openLong: OpenSamples;
  /** The same, the selection having rested on it long enough for the app to prepare it. */
  openLongRested: OpenSamples;
  /** A list of 100,000 articles: renderTime of each move. */
  hugeList: number[];
  /** Toggling a bookmark among 10,000. */
  bookmarks: BookmarkSamples;
}

/** Everything measured on the reader, in the order a session meets it: wrap, scroll, open. */
export async function measureReader(options: {
  /** The bundled articles' folder. */
  content: string;
  runs: number;
  longBytes: number;
  scrollSteps: number;
  scrollWarmUp: number;
}): Promise<ReaderResults> {
  const long = longArticleFile(options.longBytes);
  for (let warm = 0; warm < 3; warm++) pageOf(fresh(long), COLUMNS);
  const page = Array.from({ length: options.runs }, () =>
    timeCall(() => pageOf(fresh(long), COLUMNS)),
  );
  const scroll = await measureScroll(fresh(long), options.scrollSteps, options.scrollWarmUp);
  const seed = seedArticle(options.content);
  const openSeed = await measureOpen(() => fresh(seed), options.runs, 'Putin');
  const openLong = await measureOpen(() => fresh(long), options.runs, 'long read');
  const openLongRested = await measureOpen(() => fresh(long), options.runs, 'long read', 300);
  const hugeList = await measureList(manyArticles(seed, HUGE_LIST), options.scrollSteps);
  const bookmarks = await measureBookmarkToggle(seed, BOOKMARKS, options.runs);
  return { page, scroll, openSeed, openLong, openLongRested, hugeList, bookmarks };
}
