import { describe, expect, it } from 'vitest';
import {
  parseMarkdown,
  parseMarkdownSections,
  runsText,
  type Block,
} from '../../src/core/markdown.js';
import { LONG_PARAGRAPH, splitSections } from '../../src/core/markdown-sections.js';
import { TERMINAL_CONTROLS } from '../helpers/terminal-controls.js';

/** A compact outline of blocks: kind and plain text. */
function outline(blocks: Block[]): unknown[] {
  return blocks.map((block) => {
    switch (block.kind) {
      case 'paragraph':
        return ['p', runsText(block.runs)];
      case 'heading':
        return [`h${block.level}`, runsText(block.runs)];
      case 'blockquote':
        return ['quote', outline(block.blocks)];
      case 'list':
        return [block.ordered ? `ol${block.start}` : 'ul', block.items.map(outline)];
      case 'code':
        return ['code', block.text];
      case 'table':
        return [
          'table',
          [block.header, ...block.rows].map((row) => row.map(runsText)),
          block.align,
        ];
      case 'rule':
        return ['rule'];
    }
  });
}

describe('parseMarkdown', () => {
  it.each([
    {
      name: 'paragraphs, soft breaks folded',
      input: 'one\ntwo\n\nthree',
      expected: [
        ['p', 'one two'],
        ['p', 'three'],
      ],
    },
    { name: 'hard break', input: 'one  \ntwo', expected: [['p', 'one\ntwo']] },
    {
      name: 'headings',
      input: '# One\n\n### Three',
      expected: [
        ['h1', 'One'],
        ['h3', 'Three'],
      ],
    },
    {
      name: 'blockquote, nested',
      input: '> a\n>\n>> b',
      expected: [
        [
          'quote',
          [
            ['p', 'a'],
            ['quote', [['p', 'b']]],
          ],
        ],
      ],
    },
    { name: 'bullet list', input: '- a\n- b', expected: [['ul', [[['p', 'a']], [['p', 'b']]]]] },
    {
      name: 'ordered list keeps its start',
      input: '3. c\n4. d',
      expected: [['ol3', [[['p', 'c']], [['p', 'd']]]]],
    },
    {
      name: 'task list',
      input: '- [x] done\n- [ ] todo',
      expected: [['ul', [[['p', '[x] done']], [['p', '[ ] todo']]]]],
    },
    { name: 'code block', input: '```\nx  =  1\n```', expected: [['code', 'x  =  1']] },
    { name: 'rule', input: 'a\n\n---\n\nb', expected: [['p', 'a'], ['rule'], ['p', 'b']] },
    {
      name: 'links show their text and number',
      input: 'see [the site](https://example.org), [a script](javascript:x)',
      expected: [['p', 'see the site[1], a script']],
    },
    {
      name: 'images show their alt text',
      input: '![a cat](cat.png)',
      expected: [['p', '[a cat]']],
    },
    {
      name: 'inline HTML keeps only its text',
      input: 'a <b>bold</b> move',
      expected: [['p', 'a bold move']],
    },
    {
      name: 'block HTML keeps only its text',
      input: '<div>\nhello\n</div>',
      expected: [['p', 'hello']],
    },
    {
      name: 'entities are decoded',
      input: 'AT&amp;T &lt;3 &mdash; &#8220;hi&#8221;',
      expected: [['p', 'AT&T <3 — “hi”']],
    },
    {
      name: 'brackets without a link stay text',
      input: 'the [bracketed] word',
      expected: [['p', 'the [bracketed] word']],
    },
    {
      name: 'table rows',
      input: '| a | b |\n|---|--:|\n| 1 | 2 |\n| 3 |',
      expected: [
        [
          'table',
          [
            ['a', 'b'],
            ['1', '2'],
            ['3', ''],
          ],
          [null, 'right'],
        ],
      ],
    },
    { name: 'empty body', input: '', expected: [] },
  ])('$name', ({ input, expected }) => {
    expect(outline(parseMarkdown(input))).toEqual(expected);
  });

  it('marks inline styles', () => {
    const [block] = parseMarkdown('*em* **strong** `code` ~~gone~~ [link](https://x.org)');
    expect(block?.kind === 'paragraph' && block.runs).toEqual([
      { text: 'em', style: { emphasis: true } },
      { text: ' ', style: {} },
      { text: 'strong', style: { strong: true } },
      { text: ' ', style: {} },
      { text: 'code', style: { code: true } },
      { text: ' ', style: {} },
      { text: 'gone', style: { strike: true } },
      { text: ' ', style: {} },
      { text: 'link', style: { link: 'https://x.org/' } },
      { text: '[1]', style: { linkNumber: 1 } },
    ]);
  });

  it.each([
    { name: 'a numeric entity for ESC', input: 'a&#27;[2Jb' },
    { name: 'a hex entity for 8-bit CSI', input: 'a&#x9b;2Jb' },
    { name: 'a decimal entity for 8-bit OSC', input: 'a&#157;0;x&#156;b' },
    { name: 'a bidi override entity', input: 'a&#x202e;b' },
    { name: 'a surrogate entity', input: 'a&#xd800;b' },
  ])('decoding $name yields nothing a terminal acts on', ({ input }) => {
    const text = outline(parseMarkdown(input)).flat(3).join('');
    expect(text).not.toMatch(TERMINAL_CONTROLS);
  });
});

// A long body is parsed a section at a time; where it is cut must not change what it means.
describe('parseMarkdownSections', () => {
  const flat = (body: string, size: number) => [...parseMarkdownSections(body, size)].flat();
  it.each([
    ['a loose list across blank lines', '- a\n\n- b\n\n  more b\n\n- c\n\nafter'],
    ['an ordered list', '3. a\n\n4. b\n\ntext'],
    ['fenced code with blank lines', '```\na\n\n# not a heading\n\nb\n```\n\ntext'],
    ['an HTML comment with blank lines', 'a\n\n<!--\n\n# hidden\n\n-->\n\nb'],
    ['a pre element with blank lines', '<pre>\nx\n\ny\n</pre>\n\nb'],
    [
      'a reference defined further on',
      'see [this][r] and [that]\n\n# h\n\n[r]: https://x.io/r\n[that]: <https://x.io/t> "T"',
    ],
    ['headings without blank lines', 'a\n# one\nb\n## two\nc'],
    ['indented code', 'a\n\n    code\n\n    more\n\nb'],
    ['quotes', '> a\n\n> b\n\nc'],
    ['a table', '| a |\n|---|\n| b |\n\nc'],
  ])('cuts %s where the meaning stays', (_, body) => {
    expect(flat(body, 1)).toEqual(flat(body, Infinity));
    expect([...parseMarkdownSections(body, 1)].length).toBeGreaterThan(1);
  });
});

// A paragraph longer than LONG_PARAGRAPH is cut into several, so that no step of the reader holds it all.
describe('splitSections in a long paragraph', () => {
  it.each([
    { name: 'words on one line', body: 'word '.repeat(60_000) },
    { name: 'words on many lines', body: 'word word word\n'.repeat(30_000) },
    { name: 'Chinese', body: '中文的段落'.repeat(60_000) },
    { name: 'combining marks', body: 'ab\u0301'.repeat(100_000) },
    { name: 'a token', body: 'x'.repeat(300_000) },
  ])('cuts $name before a word, keeping every character', ({ body }) => {
    const sections = splitSections(body);
    expect(sections.join('')).toBe(body);
    expect(sections.length).toBeGreaterThan(2);
    // At most a line past the limit, when the cut falls between lines.
    const longest = Math.max(...sections.map((section) => section.length));
    expect(longest).toBeLessThanOrEqual(LONG_PARAGRAPH + 16);
    for (const section of sections.slice(1)) expect(section).toMatch(/^[\p{L}\p{N}]/u);
  });

  it('leaves a line of fenced code whole', () => {
    const body = '```\n' + 'word '.repeat(30_000) + '\n```';
    expect(splitSections(body)).toEqual([body]);
  });
});

// Any other block that long is cut too (a table, a list or a quote with no blank line, fenced code, a line
// of emoji): each section is parsed and wrapped in one step of the reader, which must stay short.
describe('splitSections in a long block', () => {
  const bounded = (sections: string[]) => {
    expect(sections.length).toBeGreaterThan(2);
    const longest = Math.max(...sections.map((section) => section.length));
    expect(longest).toBeLessThanOrEqual(2 * LONG_PARAGRAPH + 64);
  };

  it.each([
    { name: 'emoji joined into threes', body: '👨‍👩‍👧'.repeat(20_000), unit: '👨‍👩‍👧' },
    { name: 'flags', body: '🇫🇷'.repeat(60_000), unit: '🇫🇷' },
    { name: 'combining marks alone', body: '\u0301'.repeat(200_000), unit: '\u0301' },
    { name: 'a list item', body: '- ' + 'word '.repeat(30_000), unit: null },
    { name: 'a quote', body: '> ' + 'word '.repeat(30_000), unit: null },
    { name: 'a list', body: '- an item\n'.repeat(30_000), unit: null },
    { name: 'a quote of many lines', body: '> a line\n'.repeat(30_000), unit: null },
    { name: 'a paragraph that starts with markup', body: '*a* word\n'.repeat(30_000), unit: null },
    { name: 'indented code', body: '    code\n'.repeat(30_000), unit: null },
  ])('cuts $name, keeping every character', ({ body, unit }) => {
    const sections = splitSections(body);
    bounded(sections);
    expect(sections.join('')).toBe(body);
    // Between graphemes.
    if (unit) for (const section of sections) expect(section.split(unit).join('')).toBe('');
  });

  it('cuts a table between rows, each section with its header', () => {
    const head = '| a | b |\n|:--|--:|\n';
    const sections = splitSections(head + '| c | d |\n'.repeat(30_000));
    bounded(sections);
    for (const section of sections) expect(section.startsWith(head + '| c |')).toBe(true);
    const rows = sections.map((section) => section.slice(head.length)).join('');
    expect(rows).toBe('| c | d |\n'.repeat(30_000));
  });

  it('cuts fenced code between lines, closing and opening its fence again', () => {
    const sections = splitSections('````ts\n' + 'let x = 1;\n'.repeat(30_000) + '````\nafter\n');
    bounded(sections);
    for (const section of sections.slice(1)) expect(section.startsWith('````ts\nlet x')).toBe(true);
    for (const section of sections.slice(0, -1))
      expect(section.endsWith('let x = 1;\n````\n')).toBe(true);
    expect(sections.at(-1)!.endsWith('````\nafter\n')).toBe(true);
  });

  it.each([
    // Fewer rows and items than MAX_BLOCKS, past which a notice says what is left out.
    {
      name: 'a table',
      body: '| a | b |\n|---|---|\n' + '| c | d |\n'.repeat(15_000),
      kind: 'table',
    },
    { name: 'a list', body: '- an item\n'.repeat(15_000), kind: 'list' },
    {
      name: 'a quote with lazy lines',
      body: '> a line\nlazy\n'.repeat(15_000),
      kind: 'blockquote',
    },
    { name: 'fenced code', body: '```\n' + 'code\n'.repeat(30_000) + '```', kind: 'code' },
  ])('parses the sections of $name as blocks of its kind', ({ body, kind }) => {
    const blocks = [...parseMarkdownSections(body)].flat();
    expect(blocks.length).toBeGreaterThan(1);
    expect(blocks.every((block) => block.kind === kind)).toBe(true);
  });
});
