import { describe, expect, it } from 'vitest';
import { footerLeft } from '../../src/ui/components/Footer.js';
import { keyHints } from '../../src/ui/keymap.js';

// Room runs short: the skipped-files notice shortens first, then the least important hints go, q last.
describe('footerLeft', () => {
  const hints = keyHints('list');
  it.each([
    {
      room: 100,
      skipped: 3,
      expected:
        'w: 3 files skipped  q quit  ? keys  Enter read  ↓ move  / search  Tab lists  s star',
    },
    {
      room: 60,
      skipped: 3,
      expected: 'w:3  q quit  ? keys  Enter read  ↓ move  / search  Tab lists',
    },
    { room: 40, skipped: 3, expected: 'w:3  q quit  ? keys  Enter read  ↓ move' },
    { room: 30, skipped: 1, expected: 'w: 1 skipped  q quit  ? keys' },
    { room: 20, skipped: 12, expected: 'w:12  q quit  ? keys' },
    { room: 12, skipped: 0, expected: 'q quit' },
    { room: 4, skipped: 0, expected: '' },
  ])('in $room columns with $skipped skipped: $expected', ({ room, skipped, expected }) => {
    expect(footerLeft(hints, skipped, room)).toBe(expected);
  });
});
