import { describe, expect, it } from 'vitest';
import { layoutBlocks, lineText } from '../../src/core/layout.js';
import { articleLinks, hyperlink, linkListLines } from '../../src/core/links.js';
import { linkTarget, parseMarkdown } from '../../src/core/markdown.js';
import { TERMINAL_CONTROLS } from '../helpers/terminal-controls.js';

describe('linkTarget', () => {
  it.each([
    { href: 'https://example.org', expected: 'https://example.org/' },
    { href: 'HTTP://Example.ORG/a b', expected: 'http://example.org/a%20b' },
    { href: 'mailto:someone@example.org', expected: 'mailto:someone@example.org' },
    { href: 'javascript:alert(1)', expected: null },
    { href: 'file:///etc/passwd', expected: null },
    { href: '/relative/path', expected: null },
    { href: '-rf', expected: null },
    { href: 'https://example.org/\x1b]8;;evil\x07', expected: 'https://example.org/' },
    { href: 'https://example.org/\u009b31m', expected: 'https://example.org/' },
    { href: 'https://exa\x07mple.org/', expected: 'https://example.org/' },
  ])('$href', ({ href, expected }) => {
    expect(linkTarget(href)).toBe(expected);
  });
});

describe('link numbers', () => {
  const body = [
    'Read [the report](https://example.org/r) and [the map](https://example.org/m).',
    '',
    '> Quoted [report again](https://example.org/r), [a bad one](javascript:x) and [mail](mailto:a@example.org).',
    '',
    '| where | link |',
    '|---|---|',
    '| there | [cell **bold**](https://example.org/c) |',
  ].join('\n');
  const blocks = parseMarkdown(body);

  it('numbers each target once, in the order the text first shows it', () => {
    expect(layoutBlocks(blocks, 200).map(lineText).slice(0, 3)).toEqual([
      'Read the report[1] and the map[2].',
      '',
      '│ Quoted report again[1], a bad one and mail[3].',
    ]);
  });

  it('lists the targets with the text they were first given', () => {
    expect(articleLinks(blocks)).toEqual([
      { number: 1, text: 'the report', url: 'https://example.org/r' },
      { number: 2, text: 'the map', url: 'https://example.org/m' },
      { number: 3, text: 'mail', url: 'mailto:a@example.org' },
      { number: 4, text: 'cell bold', url: 'https://example.org/c' },
    ]);
  });

  it('prints the list as show does, wrapped to the width', () => {
    expect(linkListLines(articleLinks(blocks), 40).map(lineText)).toEqual([
      '',
      'Links:',
      '[1] the report: https://example.org/r',
      '[2] the map: https://example.org/m',
      '[3] mail: mailto:a@example.org',
      '[4] cell bold: https://example.org/c',
    ]);
    expect(linkListLines([], 40)).toEqual([]);
  });

  it('numbers the same way when only the start of a body is parsed', () => {
    const start = parseMarkdown(body.split('\n\n')[0]!);
    expect(articleLinks(start)).toEqual(articleLinks(blocks).slice(0, 2));
  });
});

describe('hyperlink', () => {
  it('wraps text in an OSC 8 link', () => {
    expect(hyperlink('text', 'https://example.org/')).toBe(
      '\x1b]8;;https://example.org/\x1b\\text\x1b]8;;\x1b\\',
    );
  });
  it('never lets a hostile address out: only what linkTarget accepts is ever linked', () => {
    for (const href of [
      'https://example.org/\x1b\\\x1b[2J',
      'https://example.org/\x07\x1b]0;title\x07',
      'https://example.org/\u001b[31m',
      'https://example.org/\u202e',
    ]) {
      const target = linkTarget(href);
      expect(target).not.toBeNull();
      const linked = hyperlink('x', target!);
      // The only escapes are the two OSC 8 sequences we wrote.
      expect(linked.replace(/\x1b\]8;;[\x21-\x7e]*\x1b\\/g, '')).toBe('x');
      expect(target).not.toMatch(TERMINAL_CONTROLS);
    }
    expect(hyperlink('x', 'https://a b')).toBe('x');
  });
});
