// Turns untrusted text into text that is safe to print to a terminal: nothing in an article may move the
// cursor, clear the screen, set the title, write the clipboard or forge a link.

const ESC = '\x1b';
const TAB_STOP = 4;

// Control strings: OSC (ESC ] / U+009D), DCS (ESC P / U+0090), SOS (ESC X / U+0098), PM (ESC ^ / U+009E),
// APC (ESC _ / U+009F). Each runs to BEL, ST (ESC \ or U+009C) or CAN/SUB. An unterminated one would make a
// terminal swallow the rest of the text; here it is dropped to the end of its line, so one bad sequence
// costs one line and never the article.
const CONTROL_STRING =
  /(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\x18\x1a\n]*(?:\x07|\x1b\\|\x9c|[\x18\x1a]|(?=\x1b)|(?=\n)|$)/g;
// CSI (ESC [ / U+009B): parameter bytes, intermediate bytes, one final byte.
const CSI = /(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?/g;
// Any other escape sequence: ESC, intermediates, one final byte (ESC c, ESC 7, ESC ( B, ...), or a lone ESC.
const OTHER_ESCAPE = /\x1b[\x20-\x2f]*[\x30-\x7e]?/g;
// What is left of C0 (but tab and line feed), DEL and C1.
const CONTROL_CHARS = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;
// Bidirectional embeddings, overrides and isolates: they reorder what the reader sees ("Trojan Source").
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
const LINE_BREAKS = /\r\n?|[\u2028\u2029\x0b\x0c\x85]/g;
// Blank characters that measure as no column (they are default-ignorable) but that terminals draw one or
// two columns wide, so a line holding them runs past its row and can forge a row below: the Hangul fillers
// and the default-ignorable code points no character is assigned to yet. They show nothing, so nothing is
// lost. (U+1160 draws as nothing on its own; after a leading consonant it leaves that consonant as it is.)
const INVISIBLE_FILLERS =
  /[\u115f\u1160\u3164\uffa0\u2065\ufff0-\ufff8\u{e0000}\u{e0002}-\u{e001f}\u{e0080}-\u{e00ff}\u{e01f0}-\u{e0fff}]/gu;
/** A soft hyphen: shown as a hyphen where a line breaks at it, and nowhere else (see core/wrap.ts). */
export const SOFT_HYPHEN = '\u00ad';

/** Text from a file, made safe to print. Keeps line feeds; expands tabs; idempotent. */
export function sanitize(text: string): string {
  let safe = text.toWellFormed().replace(LINE_BREAKS, '\n');
  if (safe.includes(ESC) || /[\x80-\x9f]/.test(safe)) {
    safe = safe.replace(CONTROL_STRING, '').replace(CSI, '').replace(OTHER_ESCAPE, '');
  }
  safe = safe.replace(CONTROL_CHARS, '').replace(BIDI_CONTROLS, '').replace(INVISIBLE_FILLERS, '');
  return safe.includes('\t') ? expandTabs(safe) : safe;
}

/**
 * A single-line field (title, author, ...): sanitized, with every run of whitespace made one space. Such a
 * line is drawn whole or cut, never broken at a soft hyphen, so its soft hyphens (drawn by some terminals,
 * measured by none) go too.
 */
export function sanitizeLine(text: string): string {
  return sanitize(text).replaceAll(SOFT_HYPHEN, '').replace(/\s+/g, ' ').trim();
}

function expandTabs(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      let column = 0;
      let out = '';
      for (const char of line) {
        if (char === '\t') {
          const spaces = TAB_STOP - (column % TAB_STOP);
          out += ' '.repeat(spaces);
          column += spaces;
        } else {
          out += char;
          column += 1;
        }
      }
      return out;
    })
    .join('\n');
}
