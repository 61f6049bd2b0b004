// Asks the search engine as the query changes, one question at a time: keys come faster than answers, so
// the queries typed meanwhile collapse into the last one, and no answer but the latest query's is passed on.
import type { SearchAnswer, Searcher } from '../core/search/types.js';

export class SearchRunner {
  private asking = false;
  /** The query typed last (and how many results it wants), asked once the question in flight is answered. */
  private wanted: { query: string; limit: number } | null = null;

  constructor(
    private readonly searcher: Searcher,
    private readonly answered: (query: string, answer: SearchAnswer) => void,
  ) {}

  /** The query in the field now; null when there is none to ask about (the field is blank or closed). */
  ask(query: string | null, limit: number): void {
    this.wanted = query === null ? null : { query, limit };
    if (!this.asking) void this.next();
  }

  /** Stops passing answers on (the app is closing). */
  stop(): void {
    this.wanted = null;
    this.asking = true;
  }

  private async next(): Promise<void> {
    const wanted = this.wanted;
    if (wanted === null) return;
    const { query, limit } = wanted;
    this.asking = true;
    let answer: SearchAnswer;
    try {
      answer = await this.searcher.search(query, limit);
    } catch (error) {
      // The contract says search never rejects; a broken engine still must not take the reader down.
      answer = { ok: false, error: `search failed: ${String(error)}` };
    }
    if (this.wanted === wanted) {
      this.wanted = null;
      this.answered(query, answer);
    }
    this.asking = false;
    if (this.wanted !== null) void this.next();
  }
}
