// Draws made-up search results off screen while the reader waits after start-up: the first search's
// frames then run code that is compiled already, instead of paying for it between a key and its results.
import { renderToString } from 'ink';
import { useLayoutEffect, useState } from 'react';
import type { Article } from '../core/article.js';
import type { SearchAnswer, SearchHit } from '../core/search/types.js';
import { applyAnswer, openSearch, searchEdited } from './list-search.js';
import { ListScreen } from './screens/ListScreen.js';
import type { AppState } from './state.js';
import { fieldOf } from './text-field.js';

/** Steps of warming up: a few dozen frames is what the engine needs to compile the hot paths. */
export const WARM_UP_STEPS = 12;

/**
 * Draws the list as a made-up search shows it, to a string that is thrown away: the field opened, a key
 * typed, its results (marked titles, snippets), the next key and its results. Each frame updates the one
 * before, as a search's frames do. Never touches the terminal or the app's state.
 */
export function warmUpStep(state: AppState, color: boolean | 'light', step: number): void {
  const from = { ...state, search: null, hits: null };
  const opened = openSearch(from);
  const frames = [from, opened];
  for (const typed of ['warm', 'warmup']) {
    const query = `${typed}${step}`;
    const edited = searchEdited(frames.at(-1)!, fieldOf(query));
    frames.push(
      edited,
      applyAnswer(edited, query, madeUpAnswer(state.articles, step + typed.length)),
    );
  }
  renderToString(<Frames frames={frames} color={color} />, { columns: state.size.columns });
}

/** Draws each frame in turn, one commit each: React's and Yoga's updates, not only first draws. */
function Frames({ frames, color }: { frames: AppState[]; color: boolean | 'light' }) {
  const [shown, setShown] = useState(0);
  // A layout effect's update is drawn before renderToString returns: the cascade is the point here.
  useLayoutEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (shown < frames.length - 1) setShown(shown + 1);
  }, [shown, frames.length]);
  return <ListScreen state={frames[shown]!} color={color} />;
}

/** A screenful of the library's articles as hits, titles and snippets marked here and there. */
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
