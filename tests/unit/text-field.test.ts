import { describe, expect, it } from 'vitest';
import {
  editField,
  fieldOf,
  insert,
  typedCharacter,
  type TextField,
} from '../../src/ui/text-field.js';

/** A field written with | where the cursor is. */
const at = (written: string): TextField => ({
  text: written.replace('|', ''),
  cursor: written.indexOf('|'),
});
const show = ({ text, cursor }: TextField) => `${text.slice(0, cursor)}|${text.slice(cursor)}`;

describe('the search field', () => {
  it.each([
    { field: 'ab|', edit: 'deleteBack', expected: 'a|' },
    { field: '|ab', edit: 'deleteBack', expected: '|ab' },
    { field: 'a😀|', edit: 'deleteBack', expected: 'a|' },
    { field: 'a😀|', edit: 'cursorLeft', expected: 'a|😀' },
    { field: 'a|😀', edit: 'cursorRight', expected: 'a😀|' },
    { field: 'ab|', edit: 'cursorRight', expected: 'ab|' },
    { field: 'a|b', edit: 'cursorHome', expected: '|ab' },
    { field: 'a|b', edit: 'cursorEnd', expected: 'ab|' },
    { field: 'a|b', edit: 'clear', expected: '|' },
  ] as const)('$edit on $field → $expected', ({ field, edit, expected }) => {
    expect(show(editField(at(field), edit))).toBe(expected);
  });

  it('types at the cursor', () => {
    expect(show(insert(at('a|c'), 'b'))).toBe('ab|c');
    expect(show(fieldOf('kim'))).toBe('kim|');
  });

  it.each([
    { name: 'a', expected: 'a' },
    { name: 'space', expected: ' ' },
    { name: 'é', expected: 'é' },
    { name: '😀', expected: '😀' },
    { name: '\u200d', expected: '\u200d' },
    { name: 'enter', expected: undefined },
    { name: 'ctrl+a', expected: undefined },
    { name: 'other', expected: undefined },
    { name: '\u202e', expected: undefined },
    { name: '\u2028', expected: undefined },
    { name: '\x1b', expected: undefined },
  ])('$name types $expected', ({ name, expected }) => {
    expect(typedCharacter(name)).toBe(expected);
  });
});
