// Typing into the list's search field, on a large made-up library and the real search engine: from a key
// to the frame showing the field, and to the frame showing that query's results.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Article, ArticleMeta } from '../src/core/article.js';
import type { Searcher } from '../src/core/search/types.js';
import { startSearcher, type IndexStats, type LibrarySearcher } from '../src/library/searcher.js';
// The reader bench's session; that module re-exports this one, and each uses the other only when called.
import { Session, setUpColour } from './reader-render.js';

const ESCAPE = '\x1b';
/** Results that take longer than this are not coming: the bench says so instead of waiting. */
const TIMEOUT_MS = 10_000;

export interface TypingSamples {
  index: IndexStats;
  /**
   * For each query typed, one of each per key: key → the field's frame, key → the results' frame, of that
   * the question's way to the engine and back (asking → answer), and of that the engine's own time (in
   * its worker), to tell the engine's time from the messages' and the reader's.
   */
  queries: TypedKeys[];
  /**
   * Milliseconds this thread ran on a CPU while the queries were typed, keys and frames and all (Linux
   * only): unlike the times above, other programs on the machine barely change it.
   */
  mainThreadMs: number | undefined;
}

/** One query typed a key at a time; the arrays have one entry per key (NaN for a blank field's). */
export interface TypedKeys {
  query: string;
  field: number[];
  results: number[];
  answer: number[];
  engine: number[];
  /** Ink's own time drawing the results' frame (React's part before it is not in it). */
  drawn: number[];
}

/** How long this process's main thread has run on a CPU, in milliseconds, where Linux tells it. */
function mainThreadCpuMs(): number | undefined {
  try {
    const [ranNs] = readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ');
    return Number(ranNs) / 1e6;
  } catch {
    return undefined;
  }
}

/** Resolves at the app's next frame; fails when none comes in time. */
function frameOrTimeout(session: Session): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no frame came')), TIMEOUT_MS);
    void session.nextFrame().then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Types each query a key at a time, waiting for its results before the next key, then clears it (Esc). */
export async function measureSearchTyping(
  articles: readonly Article[],
  queries: readonly string[],
): Promise<TypingSamples> {
  setUpColour();
  let engine: LibrarySearcher | undefined;
  /** How long each query took from asking to its answer, and in the engine itself, by query. */
  const answered = new Map<string, number>();
  const computed = new Map<string, number>();
  const wrapped = (all: readonly ArticleMeta[]): Searcher => {
    engine = startSearcher(all, {
      indexFile: null,
      onEngineTime: (query, ms) => computed.set(query, ms),
    });
    const started = engine;
    return {
      search: (query, limit) => {
        const asked = performance.now();
        return started.search(query, limit).then((answer) => {
          answered.set(query, performance.now() - asked);
          return answer;
        });
      },
    };
  };
  // What the reader holds of a library: each article without its body (the engine reads bodies itself),
  // so that the collector on the reader's thread has what it would have, not 60 MB of bodies more.
  const metas: ArticleMeta[] = articles.map((article) => {
    const meta: Partial<Article> = { ...article };
    delete meta.body;
    return meta as ArticleMeta;
  });
  const session = new Session(metas, undefined, wrapped);
  try {
    await session.settle();
    if (!engine) throw new Error('the app never started the search engine');
    const index = await engine.ready;
    const samples: TypingSamples = { index, queries: [], mainThreadMs: undefined };
    const ranBefore = mainThreadCpuMs();
    for (const query of queries) {
      await session.press('/');
      const keys: TypedKeys = {
        query,
        field: [],
        results: [],
        answer: [],
        engine: [],
        drawn: [],
      };
      for (let typed = 1; typed <= query.length; typed++) {
        const text = query.slice(0, typed);
        answered.clear();
        computed.clear();
        await session.settle();
        const start = performance.now();
        keys.field.push((await session.press(text.at(-1)!)).roundTrip);
        if (text.trim() === '') {
          keys.results.push(NaN);
          keys.answer.push(NaN);
          keys.engine.push(NaN);
          keys.drawn.push(NaN);
          continue;
        }
        const deadline = start + TIMEOUT_MS;
        while (!answered.has(text)) {
          if (performance.now() > deadline)
            throw new Error(`no answer for ${JSON.stringify(text)}`);
          await frameOrTimeout(session);
        }
        keys.results.push(performance.now() - start);
        keys.answer.push(answered.get(text)!);
        keys.engine.push(computed.get(text) ?? NaN);
        keys.drawn.push(session.renderTimes.at(-1)!);
      }
      samples.queries.push(keys);
      await session.settle();
      await session.press(ESCAPE);
    }
    const ranAfter = mainThreadCpuMs();
    if (ranBefore !== undefined && ranAfter !== undefined)
      samples.mainThreadMs = ranAfter - ranBefore;
    return samples;
  } finally {
    engine?.close();
    session.close();
  }
}
