// Finds the quotations in a paragraph, so readers can see at a glance who said what.

/** One quotation: [start, end) in UTF-16 offsets of the paragraph, marks included; depth 1 is outermost. */
export interface Quotation {
  start: number;
  end: number;
  depth: number;
}

/** A piece of a paragraph; depth 0 is plain text, 1 a quotation, 2 a quotation inside one, ... */
export interface QuoteSpan {
  text: string;
  depth: number;
}

/** What each opening mark can be closed by. » and › open only where a straight mark could (»ja«). */
const CLOSERS: Record<string, string> = {
  '“': '”',
  '‘': '’',
  '„': '“”',
  '‚': '‘’',
  '«': '»',
  '»': '«', // German and Danish »...«
  '‹': '›',
  '›': '‹',
  '「': '」',
  '『': '』',
  '"': '"',
};

const MARKS = /[“”‘’„‚«»‹›「」『』"]/g;
const APOSTROPHE = '’';
const STRAIGHT = '"';
/** What may stand right before a straight quotation mark that opens. */
const OPENING_CONTEXT = /[\s([{\-–—/“‘„‚«»‹›「『"]/u;
const LETTER = /[\p{L}\p{M}]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{M}\p{N}]/u;
const DIGIT = /\p{N}/u;

interface Open {
  mark: string;
  /** Where its quotation sits in the result. */
  index: number;
}

/** Every quotation in `text`, sorted by start; nested ones follow the quotation that holds them. */
export function findQuotations(text: string): Quotation[] {
  const found: Quotation[] = [];
  const open: Open[] = [];

  const push = (mark: string, start: number) => {
    open.push({ mark, index: found.length });
    found.push({ start, end: text.length, depth: open.length });
  };
  // Closes the innermost open quotation that `mark` can close, with any left open inside it.
  const close = (mark: string, at: number, onlyInnermost = false): boolean => {
    for (let level = open.length - 1; level >= 0; level--) {
      if (CLOSERS[open[level]!.mark]!.includes(mark)) {
        for (let inner = level; inner < open.length; inner++) {
          found[open[inner]!.index]!.end = at + 1;
        }
        open.length = level;
        return true;
      }
      if (onlyInnermost) return false;
    }
    return false;
  };

  for (const match of text.matchAll(MARKS)) {
    const i = match.index;
    const mark = match[0];
    const before = text[i - 1];
    const after = text[i + 1];
    if (mark === APOSTROPHE) {
      if (isApostrophe(before, after)) continue;
      // After a letter (the Koreans’ struggle) it closes a ‘ only when that one is innermost.
      close(mark, i, before !== undefined && LETTER.test(before));
    } else if (mark === STRAIGHT) {
      if (opensHere(before)) push(mark, i);
      else close(mark, i);
    } else if (mark in CLOSERS || '”」』'.includes(mark)) {
      if (close(mark, i) || !(mark in CLOSERS)) continue;
      const reversed = mark === '»' || mark === '›';
      if (!reversed || (opensHere(before) && after !== undefined && !/\s/u.test(after)))
        push(mark, i);
    }
  }
  return found;
}

/** The paragraph cut into plain and quoted pieces, in order, each with its quotation depth. */
export function quoteSpans(text: string): QuoteSpan[] {
  const quotations = findQuotations(text);
  const cuts = new Set([0, text.length]);
  for (const { start, end } of quotations) cuts.add(start).add(end);
  const points = [...cuts].sort((a, b) => a - b);
  const spans: QuoteSpan[] = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const from = points[k]!;
    const to = points[k + 1]!;
    const depth = quotations.filter((q) => q.start <= from && to <= q.end).length;
    const last = spans.at(-1);
    if (last && last.depth === depth) last.text += text.slice(from, to);
    else spans.push({ text: text.slice(from, to), depth });
  }
  return spans.filter((span) => span.text !== '');
}

/** Whether a mark after `before` stands where a quotation opens: the start, a space, a bracket or dash. */
function opensHere(before: string | undefined): boolean {
  return before === undefined || OPENING_CONTEXT.test(before);
}

/** ’ between letters (don’t), before a digit (’90s) or starting a word (’tis) is an apostrophe. */
function isApostrophe(before: string | undefined, after: string | undefined): boolean {
  const letterBefore = before !== undefined && LETTER_OR_DIGIT.test(before);
  const letterAfter = after !== undefined && LETTER_OR_DIGIT.test(after);
  if (letterBefore && letterAfter) return true;
  if (after !== undefined && DIGIT.test(after)) return true;
  return (before === undefined || /\s/u.test(before)) && letterAfter;
}
