// A Markdown body cut into sections that parse alone as they parse together, so that a long article can be
// parsed, wrapped and printed a section at a time: never all its tokens at once, and with pauses between.
import { JOINERS } from './grapheme-rules.js';

/** Characters a section holds at least, when the text allows a cut: ~10 ms of parsing and wrapping. */
export const SECTION_CHARACTERS = 16 * 1024;
/** A plain paragraph longer than this is cut into several: ~40 ms of parsing and wrapping each. */
export const LONG_PARAGRAPH = 64 * 1024;

const BLANK = /^[ \t]*$/;
/**
 * A line after which a new top-level block starts whatever came before: not indented (code or a list
 * item's continuation), not a list item (a list goes on past blank lines, and turns loose).
 */
const STARTS_ALONE = /^(?! {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$))[^ \t]/;
/** An ATX heading at the margin: it ends any paragraph, even without a blank line before it. */
const HEADING = /^#{1,6}(?:[ \t]|$)/;
/** HTML whose block may hold blank lines: a comment, or a pre, script, style or textarea element. */
const RAW_OPEN = /<!--|<(?:pre|script|style|textarea)[\s>]/i;
const RAW_CLOSE = /-->|<\/(?:pre|script|style|textarea)>/i;

/** A paragraph's first line: it starts with a letter, a digit or an opening mark, nothing Markdown reads. */
const PLAIN_START = /^[\p{L}\p{N}"'“‘«¿¡]/u;
/** A line that could start a block of its own, or end a paragraph as a heading (a setext underline). */
const MARKUP_START = /^[ \t]*(?:[#>|<`~*_=+-]|\d{1,9}[.)])/;
/** What a paragraph may be cut before: a letter or a digit. */
const WORD_CHARACTER = /[\p{L}\p{N}]/uy;

/** A table's delimiter row: `|---|:-:|`, `--- | ---`. */
const TABLE_DELIMITER = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
/** A line indented as code, or as the continuation of a list item. */
const INDENTED = /^(?: {4}|\t| {0,3}\t)/;
/** Characters of a table's header, or of a fence's line, that each section of it may repeat at most. */
const MAX_CARRIED = 4096;
/** A quote's line, and a list's item at the margin: a quote or a list cut before one goes on after the cut. */
const QUOTE = /^ {0,3}>/;
const LIST_ITEM = /^ {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;

/** Whether a block cut before `line` goes on after the cut as a block of its kind. */
function startsAgain(line: string, container: RegExp | undefined): boolean {
  return container ? container.test(line) : !INDENTED.test(line);
}

/** A fence's opening characters, which its closing fence repeats at least as many times. */
const FENCE_MARK = /^ {0,3}(`{3,}|~{3,})/;

/**
 * The body cut into sections of about `size` characters: before a heading at the margin, or at a blank line
 * followed by a line that starts a block alone, never inside fenced code or raw HTML. A block longer than
 * LONG_PARAGRAPH is cut too, so that no section is ever parsed and wrapped in one piece however long (a
 * 4 MB paragraph of Chinese, a table of 500,000 rows, a list or a quote with no blank line): it shows as
 * several. A plain paragraph is cut before a word; another block before a line that does not continue an
 * indented one, a table's next section repeats its header, fenced code is closed and opened again; past
 * twice the limit any block is cut before a line, and a line longer than the limit before a word (or any
 * character, when it has no words). One pass; the sections join back into the body, but for the table
 * headers and fences they repeat.
 */
export function splitSections(body: string, size = SECTION_CHARACTERS): string[] {
  return [...eachSection(body, size)];
}

/**
 * splitSections one section at a time: the body is scanned only as far as the section asked for, so that
 * the first section of 4 MB is there without a pass over the whole (~10-20 ms).
 */
export function* eachSection(body: string, size = SECTION_CHARACTERS): Generator<string> {
  let from = 0;
  let inFence = false;
  let inRaw = false;
  let previousBlank = true;
  let plain = false;
  const long = Math.max(4 * size, LONG_PARAGRAPH);
  /** Text the next section starts with: the header of the table it goes on with, or its code's fence. */
  let carried = '';
  let previousLine = '';
  /** The header and delimiter rows of the table the line is in. */
  let tableHead: string | undefined;
  /** What starts each part of the quote or list the line is in, if it is in one. */
  let container: RegExp | undefined;
  /** The opening line of the fenced code the line is in, and what closes it. */
  let fence = { open: '', close: '' };
  const push = (to: number, after = '') => {
    const section = carried + body.slice(from, to) + after;
    carried = '';
    from = to;
    return section;
  };
  for (let at = 0; at < body.length;) {
    const newline = body.indexOf('\n', at);
    const end = newline < 0 ? body.length : newline;
    const line = body.slice(at, end);
    const blank = BLANK.test(line);
    const cut =
      !inFence &&
      !inRaw &&
      at - from >= size &&
      (HEADING.test(line) || (previousBlank && STARTS_ALONE.test(line)));
    if (cut) yield push(at);
    if (!inFence && !inRaw) {
      plain = previousBlank ? PLAIN_START.test(line) : plain && !MARKUP_START.test(line);
      if (previousBlank) {
        container = QUOTE.test(line) ? QUOTE : LIST_ITEM.test(line) ? LIST_ITEM : undefined;
      }
      if (blank) tableHead = undefined;
      else if (!previousBlank && previousLine.includes('|') && TABLE_DELIMITER.test(line)) {
        // Each section of the table repeats it, unless it is too long (its rows then go on as text).
        tableHead =
          previousLine.length + line.length <= MAX_CARRIED
            ? `${previousLine}\n${line}\n`
            : undefined;
      }
    }
    // Tables and lists cost the most to parse and lay out a character: cut at a section's size.
    const limit = tableHead || container === LIST_ITEM ? Math.max(size, SECTION_CHARACTERS) : long;
    if (!cut && !blank && !inRaw && at > from && at - from >= limit) {
      // A long block: cut before this line if the block goes on as well after the cut, or anyway past twice
      // the limit.
      const closing = inFence && line.trimStart().startsWith(fence.close);
      if (inFence && !closing) {
        yield push(at, `${fence.close}\n`);
        // The fence's info string only if it is short: each section repeats it.
        carried = `${fence.open.length <= MAX_CARRIED ? fence.open : fence.close}\n`;
      } else if (!inFence && tableHead && !TABLE_DELIMITER.test(line)) {
        yield push(at);
        carried = tableHead;
      } else if (!inFence && (startsAgain(line, container) || at - from >= 2 * long)) {
        yield push(at);
      }
    }
    // A line longer than a section that ends past the limit is cut inside, before a word.
    while (!inFence && !inRaw && end - from > long && end - at > size) {
      const place = cutInside(body, from, Math.max(at + 1, from + size), from + long);
      if (place < 0) break;
      yield push(place);
    }
    const fenceMark = FENCE_MARK.exec(line);
    if (fenceMark && (!inFence || line.trimStart().startsWith(fence.close))) {
      inFence = !inFence;
      if (inFence) fence = { open: line, close: fenceMark[1]! };
    } else if (!inFence) {
      if (inRaw) inRaw = !RAW_CLOSE.test(line);
      else if (RAW_OPEN.test(line)) inRaw = !RAW_CLOSE.test(line.slice(line.search(RAW_OPEN) + 2));
    }
    previousBlank = blank;
    previousLine = line;
    at = end + 1;
  }
  yield push(body.length);
}

/**
 * Where to cut a line's text (in the section from `sectionStart`), at most `end` and past `start`: the
 * last word start (a letter or digit after a space) in the 1,024 characters before `end`, else the last
 * link there after a space or a link, else the last letter or digit there that is not joined to what
 * comes before, else the last character there that starts a grapheme (or at least a code point); -1 if
 * there is none.
 */
function cutInside(body: string, sectionStart: number, start: number, end: number): number {
  const from = Math.max(start, end - 1024);
  const wordStart = (k: number, afterSpace: boolean) => {
    WORD_CHARACTER.lastIndex = k;
    if (!WORD_CHARACTER.test(body)) return false;
    const before = body.charCodeAt(k - 1);
    return afterSpace ? before === 32 : before !== 0x200d && (before < 0xd800 || before > 0xdbff);
  };
  for (let k = end - 1; k > from; k--) if (wordStart(k, true)) return k;
  // Before a link that follows a space or another link.
  for (let k = end - 1; k > from; k--) {
    const before = body.charCodeAt(k - 1);
    if (body.charCodeAt(k) === 0x5b && (before === 0x29 || before === 32)) return k;
  }
  for (let k = end - 1; k > from; k--) if (wordStart(k, false)) return k;
  for (const joinersToo of [false, true]) {
    for (let k = end - 1; k > from; k--) {
      const unit = body.charCodeAt(k);
      if (unit >= 0xdc00 && unit <= 0xdfff) continue;
      if (joinersToo) return k;
      const point = body.codePointAt(k)!;
      const low = body.charCodeAt(k - 1);
      const before = body.codePointAt(low >= 0xdc00 && low <= 0xdfff ? k - 2 : k - 1)!;
      if (isRegional(point)) {
        // Flags are pairs: before an odd one, counted from the section's start (itself between two
        // pairs), so that the scan back stays within the section.
        let regionals = 0;
        while (
          k - 2 * (regionals + 1) >= sectionStart &&
          isRegional(body.codePointAt(k - 2 * (regionals + 1))!)
        ) {
          regionals += 1;
        }
        if (regionals % 2 === 0) return k;
        continue;
      }
      if (before === 0x200d || JOINERS.test(String.fromCodePoint(point))) continue;
      return k;
    }
  }
  return -1;
}

function isRegional(point: number): boolean {
  return point >= 0x1f1e6 && point <= 0x1f1ff;
}

/** A link reference definition, as marked keeps it. */
export interface LinkDefinition {
  href: string;
  title: string;
}

const DEFINITION =
  /^ {0,3}\[((?:\\.|[^[\]\\\n]){1,999})\]:[ \t]*\n?[ \t]*(<[^\n<>]*>|[^\s<]\S*)(?:[ \t]+("[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*$/gm;

/**
 * The link reference definitions of a whole body (`[label]: address`), first one of a label winning, keyed as
 * marked keys them: a section refers to them wherever they stand. A definition inside code counts too; the
 * parse of its own section would ignore it, which only matters for a label defined twice.
 */
export function linkDefinitions(body: string): Record<string, LinkDefinition> {
  const found: Record<string, LinkDefinition> = Object.create(null) as Record<
    string,
    LinkDefinition
  >;
  if (!body.includes(']:')) return found;
  for (const match of body.matchAll(DEFINITION)) {
    const label = match[1]!.trim().replace(/\s+/g, ' ').toLowerCase().toUpperCase().toLowerCase();
    if (label in found) continue;
    const href = match[2]!.replace(/^<(.*)>$/, '$1').replace(/\\([!-/:-@[-`{-~])/g, '$1');
    found[label] = { href, title: match[3]?.slice(1, -1) ?? '' };
  }
  return found;
}
