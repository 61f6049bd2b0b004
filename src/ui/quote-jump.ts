// The quotation keys: the next or previous quotation marked and scrolled into view.
import { lastTop, type Page } from '../core/page.js';
import { clamp, readerHeight, type Size } from './geometry.js';

/** What jumping reads and changes of the app's state. */
interface Reading {
  size: Size;
  top: number;
  /** The quotation last jumped to, an index into the page's quotes. */
  mark: number | null;
  notice: string | null;
}

/**
 * Marks the next (or previous) quotation and scrolls it into view. From a mark still in view it steps to
 * its neighbour; otherwise it starts from the top of the view.
 */
export function jumpToQuote<T extends Reading>(state: T, page: Page, step: 1 | -1): T {
  const { quotes } = page;
  const height = readerHeight(state.size);
  const inView = (line: number) => line >= state.top && line < state.top + height;
  let target: number;
  if (state.mark !== null && inView(quotes[state.mark]?.line ?? -1)) {
    target = state.mark + step;
  } else if (step === 1) {
    target = quotes.findIndex((quote) => quote.line >= state.top);
  } else {
    target = quotes.findLastIndex((quote) => quote.line < state.top);
  }
  const quote = quotes[target];
  if (target < 0 || !quote) {
    const notice =
      quotes.length === 0
        ? 'No quotations in this article.'
        : step === 1
          ? 'No more quotations below.'
          : 'No more quotations above.';
    return { ...state, notice };
  }
  let top = state.top;
  // Scrolled so the whole quotation shows where it can, with a little context above it.
  if (!inView(quote.line) || !inView(quote.endLine)) {
    const context = Math.min(2, Math.floor(height / 4));
    top = clamp(quote.line - context, 0, lastTop(page.lines.length, height));
  }
  return { ...state, mark: target, top };
}
