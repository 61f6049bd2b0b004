// The list's order after a few files changed: the last order, less what went, with what was read again put
// in place. What settleLibrary would give, in a few comparisons a file instead of sorting 10,000 articles.
import { byNewest, type ArticleMeta } from '../core/article.js';
import type { CacheEntry } from './cache-format.js';
import type { KnownFiles } from './known-files.js';

/**
 * The articles newest first and, for each, its index in `entries` (the files as walked now). `reuse` gives,
 * per file, the index in `cached` of the entry it kept (-1 when it was read again, as `read` lists).
 * Undefined when an id clash, then or now, asks for the whole settling (which picks the winner).
 */
export function settleChanges(
  cached: KnownFiles,
  entries: readonly CacheEntry[],
  reuse: Int32Array,
  read: readonly number[],
): { articles: ArticleMeta[]; order: number[] } | undefined {
  if (cached.clashes.length > 0) return undefined;
  const now = new Int32Array(cached.count).fill(-1);
  for (let at = 0; at < reuse.length; at++) {
    if (reuse[at]! >= 0) now[reuse[at]!] = at;
  }
  const order: number[] = [];
  const ids = new Set<string>();
  for (let k = 0; k < cached.order.length; k++) {
    const at = now[cached.order[k]!]!;
    if (at < 0) continue;
    order.push(at);
    ids.add(entries[at]!.meta!.id);
  }
  // Ties (the same date and title) keep the walk's order, as the stable sort of the whole does.
  const before = (a: number, b: number) => byNewest(entries[a]!.meta!, entries[b]!.meta!) || a - b;
  for (const at of read) {
    const meta = entries[at]!.meta;
    if (!meta) continue;
    if (ids.has(meta.id)) return undefined;
    ids.add(meta.id);
    let low = 0;
    let high = order.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (before(order[middle]!, at) < 0) low = middle + 1;
      else high = middle;
    }
    order.splice(low, 0, at);
  }
  return { articles: order.map((at) => entries[at]!.meta!), order };
}
