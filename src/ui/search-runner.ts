// Asks the search engine as the query changes, one question at a time: keys come faster than answers, so
// the queries typed meanwhile collapse into the last one, and no answer but the latest query's is passed on.
import type { SearchAnswer, Searcher } from '../core/search/types.js';

export class SearchRunner {
  private asking = false;
  /** The query typed last, to be asked once the question in flight is answered. */
  private wanted: string | null = null;

  constructor(
    private readonly searcher: Searcher,
    private readonly answered: (query: string, answer: SearchAnswer) => void,
  ) {}

  /** The query in the field now; null when there is none to ask about (the field is blank or closed). */
  ask(query: string | null): void {
    this.wanted = query;
    if (!this.asking) void this.next();
  }

  /** Stops passing answers on (the app is closing). */
  stop(): void {
    this.wanted = null;
    this.asking = true;
  }

  private async next(): Promise<void> {
    const query = this.wanted;
    if (query === null) return;
    this.asking = true;
    let answer: SearchAnswer;
    try {
      answer = await this.searcher.search(query);
    } catch (error) {
      // The contract says search never rejects; a broken engine still must not take the reader down.
      answer = { ok: false, error: `search failed: ${String(error)}` };
    }
    if (this.wanted === query) {
      this.wanted = null;
      this.answered(query, answer);
    }
    this.asking = false;
    if (this.wanted !== null) void this.next();
  }
}
