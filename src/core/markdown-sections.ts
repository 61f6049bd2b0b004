// A Markdown body cut into sections that parse alone as they parse together, so that a long article can be
// parsed, wrapped and printed a section at a time: never all its tokens at once, and with pauses between.

/** Characters a section holds at least, when the text allows a cut: ~10 ms of parsing and wrapping. */
export const SECTION_CHARACTERS = 16 * 1024;
/** A plain paragraph longer than this is cut into several: ~40 ms of parsing and wrapping each. */
export const LONG_PARAGRAPH = 64 * 1024;

const FENCE = /^ {0,3}(?:```|~~~)/;
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

/**
 * The body cut into sections of about `size` characters: before a heading at the margin, or at a blank line
 * followed by a line that starts a block alone, never inside fenced code or raw HTML. A plain paragraph
 * longer than LONG_PARAGRAPH is cut too, before a word: it shows as several paragraphs, but is never parsed
 * and wrapped in one piece however long (a 4 MB paragraph of Chinese). One pass; the sections join back
 * into the body.
 */
export function splitSections(body: string, size = SECTION_CHARACTERS): string[] {
  const sections: string[] = [];
  let from = 0;
  let inFence = false;
  let inRaw = false;
  let previousBlank = true;
  let plain = false;
  const long = Math.max(4 * size, LONG_PARAGRAPH);
  for (let at = 0; at < body.length;) {
    const newline = body.indexOf('\n', at);
    const end = newline < 0 ? body.length : newline;
    const line = body.slice(at, end);
    const cut =
      !inFence &&
      !inRaw &&
      at - from >= size &&
      (HEADING.test(line) || (previousBlank && STARTS_ALONE.test(line)));
    if (cut) {
      sections.push(body.slice(from, at));
      from = at;
    }
    if (!inFence && !inRaw) {
      plain = previousBlank ? PLAIN_START.test(line) : plain && !MARKUP_START.test(line);
    }
    if (plain && !cut && !previousBlank && at - from >= long) {
      sections.push(body.slice(from, at));
      from = at;
    }
    // A paragraph's line longer than that is cut inside, before a word.
    while (plain && end - from > long) {
      const place = cutInside(body, Math.max(at + 1, from + size), from + long);
      if (place < 0) break;
      sections.push(body.slice(from, place));
      from = place;
    }
    if (FENCE.test(line)) inFence = !inFence;
    else if (!inFence) {
      if (inRaw) inRaw = !RAW_CLOSE.test(line);
      else if (RAW_OPEN.test(line)) inRaw = !RAW_CLOSE.test(line.slice(line.search(RAW_OPEN) + 2));
    }
    previousBlank = BLANK.test(line);
    at = end + 1;
  }
  sections.push(body.slice(from));
  return sections;
}

/**
 * Where to cut a paragraph's text, at most `end` and past `start`: the last word start (a letter or digit
 * after a space) in the 1,024 characters before `end`, else the last letter or digit there that is not
 * joined to what comes before; -1 if there is neither.
 */
function cutInside(body: string, start: number, end: number): number {
  const from = Math.max(start, end - 1024);
  for (const afterSpace of [true, false]) {
    for (let k = end - 1; k > from; k--) {
      WORD_CHARACTER.lastIndex = k;
      if (!WORD_CHARACTER.test(body)) continue;
      const before = body.charCodeAt(k - 1);
      if (afterSpace ? before === 32 : before !== 0x200d && (before < 0xd800 || before > 0xdbff)) {
        return k;
      }
    }
  }
  return -1;
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
