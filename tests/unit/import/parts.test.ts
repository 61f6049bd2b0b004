import { describe, expect, it } from 'vitest';
import { isoDate } from '../../../src/library/import/dates.js';
import { decodeText } from '../../../src/library/import/decode.js';
import { sniffKind } from '../../../src/library/import/sniff.js';
import { safeHref } from '../../../src/library/import/html-to-markdown.js';

describe('isoDate', () => {
  it.each([
    { input: '2023-09-13', expected: '2023-09-13' },
    { input: 'Sep 13, 2023', expected: '2023-09-13' },
    { input: 'September 3rd 2023', expected: '2023-09-03' },
    { input: '12 June 2022', expected: '2022-06-12' },
    { input: '13. Sep. 2023', expected: '2023-09-13' },
    { input: '2021-11-01T10:52:50+0100', expected: '2021-11-01T10:52:50+01:00' },
    { input: '2019-04-28 06:01:07', expected: '2019-04-28T06:01:07' },
    { input: '2015-03-17T16:27:40.294Z', expected: '2015-03-17T16:27:40.294Z' },
    { input: '2020-01-01T10:00Z', expected: '2020-01-01T10:00:00Z' },
    { input: 'Tue, 10 Oct 2023 09:15:00 +0100', expected: '2023-10-10T08:15:00Z' },
    { input: 'Feb 30, 2023', expected: null },
    { input: '2023-02-31', expected: null },
    { input: 'yesterday', expected: null },
    { input: '', expected: null },
  ])('$input', ({ input, expected }) => {
    expect(isoDate(input)).toBe(expected);
  });
});

describe('decodeText: BOM, then the HTTP header, then the document', () => {
  const latin1 = Uint8Array.from([...Buffer.from('<p>caf'), 0xe9, ...Buffer.from('</p>')]);
  it.each([
    {
      name: 'UTF-8 BOM',
      bytes: Uint8Array.from([0xef, 0xbb, 0xbf, 0x68, 0x69]),
      type: null,
      expected: 'hi',
    },
    {
      name: 'UTF-16LE BOM',
      bytes: Uint8Array.from([0xff, 0xfe, 0x68, 0, 0x69, 0]),
      type: null,
      expected: 'hi',
    },
    {
      name: 'header charset',
      bytes: latin1,
      type: 'text/html; charset=ISO-8859-1',
      expected: '<p>café</p>',
    },
    {
      name: 'meta charset',
      bytes: Uint8Array.from([...Buffer.from('<meta charset="windows-1252">'), ...latin1]),
      type: null,
      expected: '<meta charset="windows-1252"><p>café</p>',
    },
    {
      name: 'XML declaration',
      bytes: Uint8Array.from([
        ...Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?>'),
        ...latin1,
      ]),
      type: null,
      expected: '<?xml version="1.0" encoding="ISO-8859-1"?><p>café</p>',
    },
    {
      name: 'a stale declaration on UTF-8 bytes',
      bytes: new TextEncoder().encode('<meta charset="gb2312"><p>新电脑</p>'),
      type: null,
      expected: '<meta charset="gb2312"><p>新电脑</p>',
    },
    { name: 'undeclared legacy bytes', bytes: latin1, type: null, expected: '<p>café</p>' },
    {
      name: 'an unknown label',
      bytes: latin1,
      type: 'text/html; charset=x-nonsense',
      expected: '<p>café</p>',
    },
  ])('$name', ({ bytes, type, expected }) => {
    expect(decodeText(bytes, type)).toBe(expected);
  });
});

describe('sniffKind', () => {
  it.each([
    { name: 'a .md file', text: 'just text', fileName: 'a.md', type: null, expected: 'markdown' },
    {
      name: 'a .rss file holding HTML',
      text: '<html><body>moved</body></html>',
      fileName: 'x.rss',
      type: null,
      expected: 'feed',
    },
    {
      name: 'RSS served as text/html',
      text: '<?xml version="1.0"?><rss version="2.0">',
      fileName: null,
      type: 'text/html',
      expected: 'feed',
    },
    {
      name: 'Atom after a comment',
      text: '<?xml version="1.0"?>\n<!-- hi -->\n<feed xmlns="x">',
      fileName: null,
      type: null,
      expected: 'feed',
    },
    { name: 'RDF', text: '<rdf:RDF xmlns:rdf="x">', fileName: null, type: null, expected: 'feed' },
    {
      name: 'JSON Feed',
      text: '{"version": "https://jsonfeed.org/version/1.1", "items": []}',
      fileName: null,
      type: 'application/json',
      expected: 'json-feed',
    },
    {
      name: 'an HTML page',
      text: '\n<!DOCTYPE html><html>',
      fileName: null,
      type: 'text/plain',
      expected: 'html',
    },
    {
      name: 'HTML by type',
      text: '<div>hi</div>',
      fileName: null,
      type: 'text/html; charset=utf-8',
      expected: 'html',
    },
    {
      name: 'Markdown with front matter',
      text: '---\ntitle: x\n---\n',
      fileName: null,
      type: null,
      expected: 'markdown',
    },
    {
      name: 'Markdown with a heading',
      text: 'intro\n\n# Title\n',
      fileName: null,
      type: 'text/plain',
      expected: 'markdown',
    },
    {
      name: 'plain text',
      text: 'A Title\n\nby Someone | Jan 1, 2020\n',
      fileName: null,
      type: 'text/plain',
      expected: 'text',
    },
  ])('$name', ({ text, fileName, type, expected }) => {
    expect(sniffKind(text, { fileName, contentType: type })).toBe(expected);
  });
});

describe('safeHref: only web and mail links survive', () => {
  it.each([
    { href: 'https://example.org/a', base: null, expected: 'https://example.org/a' },
    { href: '/b', base: 'https://example.org/a/', expected: 'https://example.org/b' },
    { href: 'mailto:me@example.org', base: null, expected: 'mailto:me@example.org' },
    { href: 'javascript:alert(1)', base: null, expected: null },
    { href: ' JaVaScRiPt:alert(1)', base: 'https://example.org/', expected: null },
    { href: 'data:text/html,hi', base: null, expected: null },
    { href: 'vbscript:x', base: null, expected: null },
    { href: '/relative', base: null, expected: null },
  ])('$href', ({ href, base, expected }) => {
    expect(safeHref(href, base)).toBe(expected);
  });
});
