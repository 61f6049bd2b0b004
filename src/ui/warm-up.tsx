// Draws made-up search results off screen while the reader waits after start-up: the first search's
// frames then run code that is compiled already, instead of paying for it between a key and its results.
import { render, type Instance } from 'ink';
import { PassThrough, Writable } from 'node:stream';
import type { ArticleMeta } from '../core/article.js';
import type { SearchAnswer, SearchHit } from '../core/search/types.js';
import { applyAnswer, openSearch, searchEdited } from './list-search.js';
import { ListScreen } from './screens/ListScreen.js';
import type { AppState } from './state.js';
import { fieldOf } from './text-field.js';

/** Frames drawn to warm up, one a step: a few dozen is what the engine needs to compile the hot paths. */
export const WARM_UP_FRAMES = 24;

/** A terminal that shows nothing: what Ink draws into it is dropped. */
class Nowhere extends Writable {
  readonly isTTY = true;
  constructor(
    readonly columns: number,
    readonly rows: number,
  ) {
    super();
  }
  override _write(_chunk: unknown, _encoding: string, done: () => void): void {
    done();
  }
}

/**
 * A made-up search drawn a frame at a time by an Ink of its own, into a terminal that shows nothing: the
 * field opened, a key, its results (marked titles, snippets), the next key, its results, and so on, each
 * frame an update of the one before, as a search's frames are. Never touches the app's state or screen.
 */
export class WarmUp {
  private ink: Instance | undefined;
  private drawn = 0;

  constructor(
    private readonly state: AppState,
    private readonly color: boolean | 'light',
  ) {}

  /** Draws the next frame; false once every frame is drawn (and the Ink is gone). */
  step(): boolean {
    if (this.drawn >= WARM_UP_FRAMES) {
      this.stop();
      return false;
    }
    const screen = <ListScreen state={frame(this.state, this.drawn++)} color={this.color} />;
    if (this.ink) {
      this.ink.rerender(screen);
    } else {
      const { columns, rows } = this.state.size;
      const nowhere = new Nowhere(columns, rows) as unknown as NodeJS.WriteStream;
      this.ink = render(screen, {
        stdout: nowhere,
        stderr: nowhere,
        stdin: new PassThrough() as unknown as NodeJS.ReadStream,
        exitOnCtrlC: false,
        patchConsole: false,
        incrementalRendering: false,
        maxFps: 0,
      });
    }
    return true;
  }

  stop(): void {
    this.drawn = WARM_UP_FRAMES;
    this.ink?.unmount();
    this.ink?.cleanup();
    this.ink = undefined;
  }
}

/** Frame `k` of the made-up search: the field just opened, then a key's field, then its results, in turn. */
function frame(state: AppState, k: number): AppState {
  const opened = openSearch({ ...state, search: null, hits: null });
  if (k === 0) return opened;
  const query = `warm ${k}`;
  const edited = searchEdited(opened, fieldOf(query));
  return k % 2 === 1 ? edited : applyAnswer(edited, query, madeUpAnswer(state.articles, k));
}

/** A screenful of the library's articles as hits, titles and snippets marked here and there. */
function madeUpAnswer(articles: readonly ArticleMeta[], step: number): SearchAnswer {
  const hits: SearchHit[] = articles.slice(step, step + 20).map((article, k) => {
    const title = article.title;
    const at = title.length > 8 ? (step + k) % (title.length - 4) : 0;
    const end = Math.min(title.length, at + 4);
    const snippet = k % 3 === 2 ? null : { text: title, ranges: [{ start: 0, end }] };
    return {
      id: article.id,
      score: 1 - k / 100,
      titleRanges: k % 4 === 3 ? [] : [{ start: at, end }],
      snippet,
      matches: [],
      terms: [],
    };
  });
  return { ok: true, hits, total: hits.length * 10 };
}
