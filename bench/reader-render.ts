// The full-screen reader in process: the real App rendered by Ink into a fake 80×24 terminal, driven by
// keys written to a fake stdin, timed by Ink's own onRender callback.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Article } from '../src/core/article.js';
import { pageOf } from '../src/core/paginate.js';
import { COLUMNS, ROWS, Session, setUpColour, THROTTLE_MS } from './app-session.js';
import { fresh, longArticleFile, manyArticles, seedArticle } from './articles.js';
import { timeCall } from './stats.js';

export { measureSearchTyping, type TypingSamples } from './search-typing.js';

const ENTER = '\r';
const HUGE_LIST = 100_000;

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
    // A long article draws its first lines, then the whole page a moment later.
    const wholePage = session.press(ENTER).then(() => session.nextFrame());
    await wholePage;
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
  return { page, scroll, openSeed, openLong, openLongRested, hugeList };
}
