// Search hits for tests that stand in for the engine's answers.
import type { SearchHit } from '../../src/core/search/types.js';

/** A hit on article `id`: nothing marked, no snippet, unless `extra` says otherwise. */
export const hit = (id: string, extra: Partial<SearchHit> = {}): SearchHit => ({
  id,
  score: 1,
  titleRanges: [],
  snippet: null,
  matches: [],
  terms: [],
  ...extra,
});
