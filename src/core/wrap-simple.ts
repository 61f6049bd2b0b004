// Wrapping for the common case, narrow text of one column a character: where lines break, found by
// scanning the text, with no token objects. It breaks where wrap.ts's general way would.

/**
 * Words of Latin, Greek and Cyrillic letters and common punctuation: one column a UTF-16 unit, and no place
 * to break inside. (No combining marks, soft hyphens, zero-width or wide characters; those go the long way.)
 */
export const SIMPLE_NARROW =
  /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u0370-\u0482\u048a-\u052f\u2010-\u2027\u2030-\u205e]*$/;
/** Marks that must not begin a line: closing quotation marks and brackets, and what ends a clause. */
export const CLOSING = new Set('»”’›)]}.,;:!?…');
/** Marks that must not end a line: opening quotation marks and brackets. */
export const OPENING = new Set('«„“‘‹‚([{¿¡');

/**
 * Where each line starts and ends in `text` (SIMPLE_NARROW, no line breaks), the first `firstRoom` columns
 * wide, the others `restRoom`: words go on a line while they fit, a space before a closing mark or after an
 * opening one is no place to break unless the words it joins fill more than a line, and a word longer than
 * a line is cut.
 */
export function simpleLineRanges(
  text: string,
  firstRoom: number,
  restRoom: number,
): Array<[number, number, boolean]> {
  const ranges: Array<[number, number, boolean]> = [];
  let lineStart = -1;
  let lineEnd = -1;
  let used = 0;
  let gap = 0;
  const room = () => (ranges.length === 0 ? firstRoom : restRoom);
  const endLine = () => {
    ranges.push(lineStart < 0 ? [0, 0, false] : [lineStart, lineEnd, false]);
    lineStart = -1;
    used = 0;
  };
  const place = (start: number, end: number, space: number) => {
    if (lineStart < 0) lineStart = start;
    lineEnd = end;
    used += space + end - start;
  };
  const word = (start: number, end: number) => {
    const width = end - start;
    if (used + gap + width <= room()) {
      place(start, end, gap);
      gap = 0;
      return;
    }
    if (lineStart >= 0) endLine();
    gap = 0;
    if (width <= room()) {
      place(start, end, 0);
      return;
    }
    for (let at = start; at < end;) {
      if (lineStart >= 0) endLine();
      const cut = Math.min(end, at + Math.max(1, room()));
      place(at, cut, 0);
      at = cut;
    }
  };
  // A group: words joined across spaces that are no place to break, from `groupStart` to `groupEnd`.
  let groupStart = -1;
  let groupEnd = -1;
  let joined = false;
  const group = () => {
    if (groupStart < 0) return;
    const width = groupEnd - groupStart;
    if (!joined || used + gap + width <= room() || width <= room()) word(groupStart, groupEnd);
    else {
      // Joined words that no line can hold: the spaces between them are places to break after all.
      for (let at = groupStart; at < groupEnd;) {
        const space = text.indexOf(' ', at);
        const end = space < 0 || space > groupEnd ? groupEnd : space;
        word(at, end);
        at = end;
        while (at < groupEnd && text.charCodeAt(at) === 32) at++;
        if (at < groupEnd) gap = lineStart < 0 ? 0 : at - end;
      }
    }
    groupStart = -1;
    joined = false;
  };
  let spaces = 0;
  for (let at = 0; at < text.length;) {
    if (text.charCodeAt(at) === 32) {
      const from = at;
      while (at < text.length && text.charCodeAt(at) === 32) at++;
      spaces = at - from;
      continue;
    }
    let end = text.indexOf(' ', at);
    if (end < 0) end = text.length;
    if (
      groupStart >= 0 &&
      spaces > 0 &&
      (OPENING.has(text[groupEnd - 1]!) || CLOSING.has(text[at]!))
    ) {
      groupEnd = end;
      joined = true;
    } else {
      group();
      gap = lineStart < 0 ? 0 : spaces;
      groupStart = at;
      groupEnd = end;
    }
    spaces = 0;
    at = end;
  }
  group();
  if (lineStart >= 0 || ranges.length === 0) endLine();
  return ranges;
}
