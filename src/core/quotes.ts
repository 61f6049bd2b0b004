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
  /** The piece begins with a quotation's opening mark. */
  opens: boolean;
}

/** Deeper than this, marks are read as plain text: no writing nests so far, and it bounds the work. */
export const MAX_NESTING = 32;

/**
 * What each opening mark can be closed by. » and › open only where a straight mark could (»ja«). Pages mix
 * straight and curly marks ("…” and “…"), so the double ones close each other.
 */
const CLOSERS: Record<string, string> = {
  '“': '”"',
  '‘': '’',
  '„': '“”"',
  '‚': '‘’',
  '«': '»',
  '»': '«', // German and Danish »...«
  '‹': '›',
  '›': '‹',
  '「': '」',
  '『': '』',
  '"': '"”',
};

const MARKS = /[“”‘’„‚«»‹›「」『』"]/g;
const APOSTROPHE = '’';
const STRAIGHT = '"';
/** What may stand right before a straight quotation mark that opens. */
const OPENING_CONTEXT = /[\s([{\-–—/:“‘„‚«»‹›「『"]/u;
/** What may stand right before a mark that closes: the end of a word or of a sentence. */
const CLOSING_CONTEXT = /[\p{L}\p{M}\p{N}.,;:!?…)\]]/u;
const SPACE = /\s/u;
const LETTER = /[\p{L}\p{M}]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{M}\p{N}]/u;
const DIGIT = /\p{N}/u;
/** What may follow a straight mark that closes: a space, or punctuation that does not open something. */
const AFTER_CLOSING = /[\s\p{Pe}\p{Pf}\p{Po}\p{Pd}]/u;

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
    if (open.length >= MAX_NESTING) return;
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

  // Where the ’ marks are that could close a quotation, to tell a plural possessive from a closing mark.
  const closingApostrophes: number[] = [];
  for (const match of text.matchAll(/’/g)) {
    if (!isApostrophe(text[match.index - 1], text[match.index + 1]))
      closingApostrophes.push(match.index);
  }
  let nextClosing = 0;
  const closesLater = (at: number) => {
    while (nextClosing < closingApostrophes.length && closingApostrophes[nextClosing]! <= at)
      nextClosing++;
    return nextClosing < closingApostrophes.length;
  };

  for (const match of text.matchAll(MARKS)) {
    const i = match.index;
    const mark = match[0];
    const before = text[i - 1];
    const after = text[i + 1];
    if (mark === APOSTROPHE) {
      if (isApostrophe(before, after)) continue;
      const afterLetter = before !== undefined && LETTER.test(before);
      // ‘the Koreans’ struggle’: mid-sentence after a plural, it is an apostrophe if a ’ later can close.
      const midSentence = afterLetter && isSpace(after) && LETTER.test(text[i + 2] ?? '');
      if (midSentence && closesLater(i)) continue;
      // Otherwise, after a letter it closes a ‘ only when that one is innermost.
      close(mark, i, afterLetter);
    } else if (mark === STRAIGHT) {
      // Followed by a space, punctuation or the end, it closes an open quotation, whatever stands before
      // it ("see /", "well -"); only where nothing can close does it open one.
      if ((after === undefined || AFTER_CLOSING.test(after)) && close(mark, i)) continue;
      if (opensHere(before) && !isKeyValue(text, i)) push(mark, i);
      else close(mark, i);
    } else if (mark in CLOSERS || '”」』'.includes(mark)) {
      // name‘s: a misturned apostrophe between letters, not a quotation.
      if (mark === '‘' && isLetter(before) && isLetter(after)) continue;
      if (close(mark, i) || !(mark in CLOSERS)) continue;
      if (mark === '‘' && after !== undefined && DIGIT.test(after)) continue; // ‘90s, a misturned ’
      // A mark that ends a word (word“ next) closes nothing here and opens nothing either.
      if (mark < '\u3000' && closesHere(before, after)) continue;
      const reversed = mark === '»' || mark === '›';
      if (!reversed || (opensHere(before) && after !== undefined && !isSpace(after))) push(mark, i);
    }
  }
  return found;
}

/** The paragraph cut into plain and quoted pieces, in order, each with its quotation depth. */
export function quoteSpans(text: string): QuoteSpan[] {
  // Depth changes where quotations start and end; one sweep over those points cuts the text.
  const change = new Map<number, number>();
  const starts = new Set<number>();
  for (const { start, end } of findQuotations(text)) {
    change.set(start, (change.get(start) ?? 0) + 1);
    change.set(end, (change.get(end) ?? 0) - 1);
    starts.add(start);
  }
  const points = [...new Set([0, ...change.keys(), text.length])].sort((a, b) => a - b);
  const spans: QuoteSpan[] = [];
  let depth = 0;
  for (let k = 0; k + 1 < points.length; k++) {
    const from = points[k]!;
    depth += change.get(from) ?? 0;
    const piece = text.slice(from, points[k + 1]);
    const last = spans.at(-1);
    if (last && last.depth === depth && !starts.has(from)) last.text += piece;
    else spans.push({ text: piece, depth, opens: starts.has(from) });
  }
  return spans;
}

/** Whether a mark after `before` stands where a quotation opens: the start, a space, a bracket or dash. */
function opensHere(before: string | undefined): boolean {
  return before === undefined || OPENING_CONTEXT.test(before);
}

/** Whether a mark between `before` and `after` stands where a quotation ends: after a word, before a space. */
function closesHere(before: string | undefined, after: string | undefined): boolean {
  return (
    before !== undefined && CLOSING_CONTEXT.test(before) && (after === undefined || isSpace(after))
  );
}

/** A straight mark after `":` or `": `, as JSON and other code write a key and its value: not a quotation. */
function isKeyValue(text: string, at: number): boolean {
  let colon = at - 1;
  if (text[colon] === ' ') colon -= 1;
  return text[colon] === ':' && text[colon - 1] === STRAIGHT;
}

function isLetter(char: string | undefined): boolean {
  return char !== undefined && LETTER.test(char);
}

function isSpace(char: string | undefined): boolean {
  return char !== undefined && SPACE.test(char);
}

/** ’ between letters (don’t), before a digit (’90s) or starting a word (’tis) is an apostrophe. */
function isApostrophe(before: string | undefined, after: string | undefined): boolean {
  const letterBefore = before !== undefined && LETTER_OR_DIGIT.test(before);
  const letterAfter = after !== undefined && LETTER_OR_DIGIT.test(after);
  if (letterBefore && letterAfter) return true;
  if (after !== undefined && DIGIT.test(after)) return true;
  return (before === undefined || isSpace(before)) && letterAfter;
}
