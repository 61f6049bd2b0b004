// What a library search answers: the contract between the search engine and the views that draw it.
import type { TextRange } from './fold.js';

/** The fields a query searches. */
export type SearchField = 'title' | 'author' | 'source' | 'tags' | 'body';

/** Where a field matched, as ranges into that field's text as shown (tags: the tags joined with ", "). */
export interface FieldMatch {
  field: SearchField;
  ranges: TextRange[];
}

/** A short piece of the body around its best match, cut at word boundaries, with the match in it. */
export interface Snippet {
  text: string;
  ranges: TextRange[];
}

/** One article a query found. */
export interface SearchHit {
  /** The article's id. */
  id: string;
  /** Higher is better; comparable only within one answer. */
  score: number;
  /** Where the title matched, for highlighting the list row. */
  titleRanges: TextRange[];
  /** Set when the body matched. */
  snippet: Snippet | null;
  matches: FieldMatch[];
  /**
   * The words of the article that matched the query, folded (see fold.ts): "spaceport" for the query
   * "spaceprot". The reader highlights these when it opens the article from a result.
   */
  terms: string[];
}

/** A query's answer: ranked hits, or why the query cannot be read (a hint for the footer, exit 2). */
export type SearchAnswer =
  | {
      ok: true;
      hits: SearchHit[];
      /** How many articles matched, when `limit` left some out of `hits` (else hits.length). */
      total?: number;
      /**
       * Set when `total` is an estimate: a quoted phrase is checked in the best few hundred candidates,
       * and the rest counted at the share of those that held it.
       */
      approximate?: boolean;
    }
  | { ok: false; error: string };

/** A searchable library; the index may still be building, in which case the answer waits for it. */
export interface Searcher {
  /**
   * Never rejects; an empty or blank query answers `{ ok: true, hits: [] }` (the views show the whole list).
   * `limit` caps the hits described (each with its highlights and snippet); `total` counts them all. A
   * view that draws a screenful asks for a few screens: describing all 10,000 hits of "a" takes time.
   */
  search(query: string, limit?: number): Promise<SearchAnswer>;
  /**
   * Resolves, never rejects, once the engine's own thread has started (at once for an engine on the
   * reader's thread). Until then the reader's thread holds back work that keeps memory (see
   * library/search-worker.ts).
   */
  started?: Promise<void>;
}
