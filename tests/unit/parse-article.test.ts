import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/library/parse-article.js';

const parse = (text: string) => parseArticle(text, '/lib/file-name.md', 'file-name');

function article(text: string) {
  const result = parse(text);
  if (!result.ok) throw new Error(`expected an article, got: ${result.reason}`);
  return result;
}

describe('parseArticle: front matter', () => {
  it('reads every field', () => {
    const { article: a, warnings } = article(
      [
        '---',
        'title: "A “quoted” title"',
        'author: Ann Author',
        'date: 2024-02-29',
        'source: The Source',
        'url: https://example.org/a',
        'tags: [one, two]',
        'id: my-id',
        'bio: Ann writes.',
        '---',
        '',
        'Hello there, world.',
      ].join('\n'),
    );
    expect(warnings).toEqual([]);
    expect(a).toEqual({
      id: 'my-id',
      title: 'A “quoted” title',
      author: 'Ann Author',
      date: '2024-02-29',
      source: 'The Source',
      url: 'https://example.org/a',
      tags: ['one', 'two'],
      bio: 'Ann writes.',
      body: 'Hello there, world.',
      words: 3,
      readingMinutes: 1,
      path: '/lib/file-name.md',
    });
  });

  it('fills missing optional fields with null and takes the id from the file name', () => {
    const { article: a } = article('---\ntitle: Only a title\n---\nBody.');
    expect(a).toMatchObject({
      id: 'file-name',
      author: null,
      date: null,
      source: null,
      url: null,
      bio: null,
      tags: [],
    });
  });

  it('accepts CRLF files, a BOM and the ... end marker', () => {
    expect(article('\ufeff---\r\ntitle: T\r\n...\r\nBody.\r\n').article).toMatchObject({
      title: 'T',
      body: 'Body.\n',
    });
  });

  it('joins a list of authors', () => {
    expect(article('---\ntitle: T\nauthor: [Ann, Bob]\n---\n').article.author).toBe('Ann, Bob');
  });

  it('warns about a source or bio that is not text', () => {
    expect(article('---\ntitle: T\nsource: {a: 1}\nbio: [x]\n---\n').warnings).toEqual([
      'source is not text; ignored',
      'bio is not text; ignored',
    ]);
  });

  it('takes comma-separated tags and numbers as text', () => {
    expect(article('---\ntitle: 1984\ntags: a, b ,c\n---\n').article).toMatchObject({
      title: '1984',
      tags: ['a', 'b', 'c'],
    });
  });

  it.each([
    {
      name: 'no front matter',
      text: '# Just Markdown\n\ntext',
      reason: 'no front matter (a title is required)',
    },
    {
      name: 'unclosed front matter',
      text: '---\ntitle: T\nbody',
      reason: 'front matter is not closed by a --- line',
    },
    {
      name: 'broken YAML',
      text: '---\ntitle: [unclosed\n---\n',
      reason: /^front matter is not valid YAML at line \d: /,
    },
    {
      name: 'duplicate keys',
      text: '---\ntitle: a\ntitle: b\n---\n',
      reason:
        'front matter is not valid YAML at line 3: Map keys must be unique (title is given twice)',
    },
    {
      name: 'an unquoted title with ": " in it',
      text: '---\ndate: 2024-01-01\ntitle: Putin: the talks\n---\n',
      reason:
        'front matter is not valid YAML at line 3: Nested mappings are not allowed in compact mappings (put the title in quotes)',
    },
    {
      name: 'a value quoted only at its start',
      text: '---\ntitle: "Putin" meets Kim\n---\n',
      reason:
        /^front matter is not valid YAML at line 2: .* \(quote the whole title, not its start\)$/,
    },
    {
      name: 'an unclosed list',
      text: '---\ntitle: T\ntags: [a, b\nauthor: A\n---\n',
      reason:
        /^front matter is not valid YAML at line \d: .* \(close the \[ list of tags with \]\)$/,
    },
    {
      name: 'a list, not fields',
      text: '---\n- a\n- b\n---\n',
      reason: 'front matter is not a list of fields',
    },
    { name: 'no title', text: '---\nauthor: A\n---\n', reason: 'no title in the front matter' },
    {
      name: 'an empty title',
      text: '---\ntitle: "  "\n---\n',
      reason: 'no title in the front matter',
    },
    {
      name: 'a title of zero-width characters',
      text: '---\ntitle: "\\u200b\\ufeff\\u2060"\n---\n',
      reason: 'no title in the front matter',
    },
    {
      name: 'a title that is a map',
      text: '---\ntitle: {a: 1}\n---\n',
      reason: 'no title in the front matter',
    },
  ])('refuses $name', ({ text, reason }) => {
    const result = parse(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it.each([
    {
      name: 'a date that is not ISO 8601',
      field: 'date: 13/09/2023',
      warning: /not an ISO 8601 date/,
    },
    { name: 'an impossible month', field: 'date: 2023-13-01', warning: /not an ISO 8601 date/ },
    { name: 'an impossible day', field: 'date: 2023-02-31', warning: /not an ISO 8601 date/ },
    {
      name: 'a url that is not http(s)',
      field: 'url: javascript:alert(1)',
      warning: /not a valid http\(s\) address/,
    },
    { name: 'an id with spaces', field: 'id: two words', warning: /using the file name/ },
    { name: 'an id with a slash', field: 'id: ../etc', warning: /using the file name/ },
  ])('keeps the article but warns about $name', ({ field, warning }) => {
    const { article: a, warnings } = article(`---\ntitle: T\n${field}\n---\n`);
    expect(a.title).toBe('T');
    expect(warnings).toEqual([expect.stringMatching(warning)]);
  });

  it('accepts ISO 8601 dates with times', () => {
    for (const date of [
      '2023-09-13',
      '2023-09-13T10:20:30Z',
      '2023-09-13T10:20+02:00',
      '2023-09-13 10:20:30.5',
    ]) {
      expect(article(`---\ntitle: T\ndate: "${date}"\n---\n`).warnings).toEqual([]);
    }
  });
});

describe('parseArticle: sanitizing', () => {
  it('sanitizes raw control sequences in the whole file', () => {
    const { article: a } = article(
      '---\ntitle: "Ti\x1b[2Jtle"\n---\nBody\x1b]0;evil\x07 text\r\nnext',
    );
    expect(a.title).toBe('Title');
    expect(a.body).toBe('Body text\nnext');
  });

  it('sanitizes what YAML escapes spell', () => {
    const { article: a } = article(
      '---\ntitle: "A\\e]52;c;AAAA\\aB"\nauthor: "\\u202eevil"\nsource: "x\\x9b2Jy"\nbio: "\\ud800z"\ntags: ["\\e[31mred"]\n---\n',
    );
    expect(a).toMatchObject({
      title: 'AB',
      author: 'evil',
      source: 'xy',
      bio: '\ufffdz',
      tags: ['red'],
    });
  });

  it('makes multi-line fields one line', () => {
    expect(article('---\ntitle: |\n  one\n  two\n---\n').article.title).toBe('one two');
  });

  it('survives a YAML alias bomb', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 9; i++) {
      const prev = String.fromCharCode(97 + i);
      const next = String.fromCharCode(98 + i);
      bomb.push(
        `${next}: &${next} [*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev}]`,
      );
    }
    const result = parse(`---\ntitle: T\n${bomb.join('\n')}\n---\n`);
    expect(result.ok).toBe(false);
  });
});
