// The link key: the article's web address handed to the app to open, when it is one that is safe to open.
import type { ArticleMeta } from '../core/article.js';
import type { Request } from './state.js';

/** What opening a link reads and changes of the app's state. */
interface Linking {
  shown: readonly ArticleMeta[];
  selected: number;
  notice: string | null;
  request: Request | null;
}

/** Only web links go to the browser: an article is untrusted, and a file: or other link could run things. */
export function openLink<T extends Linking>(state: T): T {
  const url = state.shown[state.selected]?.url;
  if (!url) return { ...state, notice: 'This article has no link to open.' };
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
    return { ...state, notice: 'Only http and https links are opened.' };
  }
  return { ...state, request: { kind: 'openLink', url: parsed.href } };
}
