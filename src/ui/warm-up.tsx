// Draws made-up search results off screen while the reader waits after start-up: the first search's
// frames then run code that is compiled already, instead of paying for it between a key and its results.
import { renderToString } from 'ink';
import type { Article } from '../core/article.js';
import type { SearchAnswer, SearchHit } from '../core/search/types.js';
import { applyAnswer, openSearch, searchEdited } from './list-search.js';
import { ListScreen } from './screens/ListScreen.js';
import type { AppState } from './state.js';
import { fieldOf } from './text-field.js';

/** Frames drawn to warm up: a few dozen is what the engine needs to compile the hot paths. */
export const WARM_UP_FRAMES = 24;

/**
 * Draws the list as frame `step` of a made-up search would show it (the field, then results with marked
 * titles and snippets), to a string that is thrown away. Never touches the terminal or the app's state.
 */
export function warmUpFrame(state: AppState, color: boolean | 'light', step: number): void {
  const query = 'warm up'.slice(0, (step % 7) + 1);
  const opened = openSearch({ ...state, search: null, hits: null });
  const typed = searchEdited(opened, fieldOf(query));
  const frame =
    step % 2 === 0 ? typed : applyAnswer(typed, query, madeUpAnswer(state.articles, step));
  renderToString(<ListScreen state={frame} color={color} />, { columns: state.size.columns });
}

/** A screenful of the library's articles as hits, each title and snippet with a mark or two. */
function madeUpAnswer(articles: readonly Article[], step: number): SearchAnswer {
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
