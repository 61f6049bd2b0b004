// A one-line text field edited by the reducer, key by key: every key is applied to the value the last key
// left, never to the value last drawn, so typing faster than frames (or pasting) loses nothing.
import { sanitize } from '../core/sanitize.js';

/** The text typed and where the cursor is in it (a UTF-16 offset, always at a code point's edge). */
export interface TextField {
  text: string;
  cursor: number;
}

/** What a key does to a field. */
export type FieldEdit =
  'deleteBack' | 'cursorLeft' | 'cursorRight' | 'cursorHome' | 'cursorEnd' | 'clear';

export function fieldOf(text: string): TextField {
  return { text, cursor: text.length };
}

/** The character a key name types, if it types one: a single code point, or the space bar. */
export function typedCharacter(name: string): string | undefined {
  if (name === 'space') return ' ';
  const points = [...name];
  if (points.length !== 1) return undefined;
  // What the terminal must not be sent (control characters, bidi overrides, a lone surrogate) is not
  // typed, and neither are line breaks: the field is one line.
  return sanitize(name) !== name || /[^\S ]/u.test(name) ? undefined : name;
}

export function insert(field: TextField, typed: string): TextField {
  const { text, cursor } = field;
  return {
    text: text.slice(0, cursor) + typed + text.slice(cursor),
    cursor: cursor + typed.length,
  };
}

/** The offset one code point before `at`. */
function stepBack(text: string, at: number): number {
  if (at <= 0) return 0;
  const low = text.charCodeAt(at - 1);
  return low >= 0xdc00 && low <= 0xdfff && at >= 2 ? at - 2 : at - 1;
}

/** The offset one code point after `at`. */
function stepForward(text: string, at: number): number {
  if (at >= text.length) return text.length;
  return at + ((text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1);
}

export function editField(field: TextField, edit: FieldEdit): TextField {
  const { text, cursor } = field;
  switch (edit) {
    case 'deleteBack': {
      const from = stepBack(text, cursor);
      return { text: text.slice(0, from) + text.slice(cursor), cursor: from };
    }
    case 'cursorLeft':
      return { text, cursor: stepBack(text, cursor) };
    case 'cursorRight':
      return { text, cursor: stepForward(text, cursor) };
    case 'cursorHome':
      return { text, cursor: 0 };
    case 'cursorEnd':
      return { text, cursor: text.length };
    case 'clear':
      return { text: '', cursor: 0 };
  }
}
