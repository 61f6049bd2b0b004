// The file format's JSON schema and salvage's plain checks agree: salvage is what checks every write now,
// and the schema is the format's description, so neither may drift from the other.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { SCHEMA, salvage } from '../../src/state/schema.js';

const AT = '2026-11-30T04:00:00.000Z';
const valid = {
  version: 2,
  bookmarks: { 'a.b': { title: 'A', url: 'https://example.org/a', bookmarkedAt: AT } },
  read: { 'a.b': AT },
  positions: { c: { block: -1, offset: 0, savedAt: AT } },
  settings: { measure: 72, theme: 'light', keys: { next: ['n', 'ctrl+n'] } },
};

const validate = new Ajv2020({ allErrors: true }).compile({
  type: 'object',
  properties: SCHEMA,
});

const cases: [string, unknown][] = [
  ['a valid file', valid],
  [
    'empty maps and no settings',
    { ...valid, bookmarks: {}, read: {}, positions: {}, settings: {} },
  ],
  [
    'a bookmark without a link',
    { ...valid, bookmarks: { x: { title: '', url: null, bookmarkedAt: AT } } },
  ],
  ['another version', { ...valid, version: 3 }],
  [
    'a bookmark with an extra field',
    { ...valid, bookmarks: { x: { ...valid.bookmarks['a.b'], note: 1 } } },
  ],
  ['a bookmark without a time', { ...valid, bookmarks: { x: { title: 'A', url: null } } }],
  ['an empty reading time', { ...valid, read: { x: '' } }],
  ['a reading time too long', { ...valid, read: { x: 'x'.repeat(65) } }],
  ['a reading time of 64 characters', { ...valid, read: { x: 'x'.repeat(64) } }],
  [
    'a position before the first block',
    { ...valid, positions: { x: { block: -2, offset: 0, savedAt: AT } } },
  ],
  ['a fractional offset', { ...valid, positions: { x: { block: 0, offset: 1.5, savedAt: AT } } }],
  ['a measure too narrow', { ...valid, settings: { measure: 5 } }],
  ['a measure as text', { ...valid, settings: { measure: '72' } }],
  ['an unknown theme', { ...valid, settings: { theme: 'neon' } }],
  ['an unknown setting', { ...valid, settings: { width: 72 } }],
  ['keys that are not lists', { ...valid, settings: { keys: { next: 'n' } } }],
  ['keys that are not text', { ...valid, settings: { keys: { next: [1] } } }],
  ['read marks as a list', { ...valid, read: ['a.b'] }],
];

describe('the schema and salvage', () => {
  it.each(cases)('agree on %s', (_, file) => {
    expect(salvage(file).dropped.length === 0).toBe(validate(file));
  });
});
