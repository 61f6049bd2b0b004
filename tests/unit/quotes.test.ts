import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findQuotations, quoteSpans } from '../../src/core/quotes.js';

/** The quoted texts of a paragraph, each with its depth. */
function quoted(text: string): Array<[string, number]> {
  return findQuotations(text).map((q) => [text.slice(q.start, q.end), q.depth]);
}

describe('findQuotations: marks', () => {
  it.each([
    { text: 'He said “yes” twice.', expected: [['“yes”', 1]] },
    { text: 'He said ‘yes’ twice.', expected: [['‘yes’', 1]] },
    { text: 'Il a dit «oui» deux fois.', expected: [['«oui»', 1]] },
    { text: 'Il a dit « oui » deux fois.', expected: [['« oui »', 1]] },
    { text: 'Er sagte »ja« zweimal.', expected: [['»ja«', 1]] },
    { text: 'Il a dit ‹oui› deux fois.', expected: [['‹oui›', 1]] },
    { text: 'Er sagte „ja“ zweimal.', expected: [['„ja“', 1]] },
    { text: 'Powiedział „tak” dwa razy.', expected: [['„tak”', 1]] },
    { text: 'Er sagte ‚ja‘ zweimal.', expected: [['‚ja‘', 1]] },
    { text: '彼は「はい」と言った。', expected: [['「はい」', 1]] },
    { text: '彼は『はい』と言った。', expected: [['『はい』', 1]] },
    { text: 'He said "yes" twice.', expected: [['"yes"', 1]] },
    { text: '"Yes," he said.', expected: [['"Yes,"', 1]] },
    { text: 'He said ("yes") twice.', expected: [['"yes"', 1]] },
    { text: 'It was—"yes"—twice.', expected: [['"yes"', 1]] },
    { text: 'A 12" record and a 7" single.', expected: [] },
    { text: 'He said:"Hello."', expected: [['"Hello."', 1]] },
    { text: 'Er sagte:»ja« und ging.', expected: [['»ja«', 1]] },
    { text: 'A stray word“ and word‘ open nothing.', expected: [] },
    { text: 'No quotation here.', expected: [] },
  ])('$text', ({ text, expected }) => {
    expect(quoted(text)).toEqual(expected);
  });
});

describe('findQuotations: apostrophes are not quotation marks', () => {
  it.each([
    { text: 'Russia’s Putin and N. Korea’s Kim', expected: [] },
    { text: 'I don’t know, he won’t say.', expected: [] },
    { text: 'Music of the ’90s and the 1990’s', expected: [] },
    { text: '’Tis the season, rock ’n’ roll.', expected: [] },
    { text: 'the Koreans’ struggle', expected: [] },
    { text: '‘the Koreans’ struggle’ he wrote', expected: [['‘the Koreans’ struggle’', 1]] },
    { text: '‘the Koreans’ struggle', expected: [['‘the Koreans’', 1]] },
    { text: '‘It’s the Joneses’ car,’ he said.', expected: [['‘It’s the Joneses’ car,’', 1]] },
    { text: '‘rock ’n’ roll’ forever', expected: [['‘rock ’n’ roll’', 1]] },
    { text: 'the ‘90s were great', expected: [] },
    { text: '“the Koreans’ struggle” he wrote', expected: [['“the Koreans’ struggle”', 1]] },
    {
      text: '‘He said “the Koreans’ struggle” went on.’',
      expected: [
        ['‘He said “the Koreans’ struggle” went on.’', 1],
        ['“the Koreans’ struggle”', 2],
      ],
    },
    { text: 'Seek to Form ‘Unbreakable Relations’', expected: [['‘Unbreakable Relations’', 1]] },
    { text: '‘Don’t,’ she said.', expected: [['‘Don’t,’', 1]] },
  ])('$text', ({ text, expected }) => {
    expect(quoted(text)).toEqual(expected);
  });
});

describe('findQuotations: what real pages write', () => {
  it.each([
    {
      name: 'a straight mark after a slash closes the open quotation',
      text: 'He typed "and/or/" and left.',
      expected: [['"and/or/"', 1]],
    },
    {
      name: 'a straight mark after a dash closes the open quotation',
      text: 'She said "well -" and stopped, then "no."',
      expected: [
        ['"well -"', 1],
        ['"no."', 1],
      ],
    },
    {
      name: 'a straight mark after a space and before punctuation closes',
      text: 'The sign read "closed ", so we went home.',
      expected: [['"closed "', 1]],
    },
    {
      name: 'a straight mark before a letter still opens a nested one',
      text: '"He said "no" to me."',
      expected: [
        ['"He said "no" to me."', 1],
        ['"no"', 2],
      ],
    },
    {
      name: 'JSON keys and values after a colon are not quotations',
      text: 'The reply was {"status":"ok","count": "3"} as usual.',
      expected: [['"status"', 1]],
    },
    {
      name: 'a colon in prose still lets a quotation open',
      text: 'He said:"Hello."',
      expected: [['"Hello."', 1]],
    },
    {
      name: 'a misturned apostrophe between letters',
      text: 'The station‘s name and Anna‘s car.',
      expected: [],
    },
    {
      name: 'straight opens, curly closes',
      text: 'He said "yes” and left.',
      expected: [['"yes”', 1]],
    },
    {
      name: 'curly opens, straight closes',
      text: 'He said “yes" and left.',
      expected: [['“yes"', 1]],
    },
    {
      name: 'German low mark closed by a straight one',
      text: 'Er sagte „ja" und ging.',
      expected: [['„ja"', 1]],
    },
    {
      name: 'French marks with no-break spaces',
      text: 'Il a dit «\u00a0non\u00a0» puis « oui ».',
      expected: [
        ['«\u00a0non\u00a0»', 1],
        ['« oui »', 1],
      ],
    },
  ])('$name', ({ text, expected }) => {
    expect(quoted(text)).toEqual(expected);
  });
});

describe('findQuotations: nesting and unclosed quotations', () => {
  it.each([
    {
      name: 'same marks nest',
      text: 'A “B “C” D” E',
      expected: [
        ['“B “C” D”', 1],
        ['“C”', 2],
      ],
    },
    {
      name: 'mixed marks nest',
      text: '“He said ‘no’ to me.”',
      expected: [
        ['“He said ‘no’ to me.”', 1],
        ['‘no’', 2],
      ],
    },
    {
      name: 'straight marks nest',
      text: '"He said "no" to me."',
      expected: [
        ['"He said "no" to me."', 1],
        ['"no"', 2],
      ],
    },
    {
      name: 'three deep',
      text: '«a “b ‘c’ b” a»',
      expected: [
        ['«a “b ‘c’ b” a»', 1],
        ['“b ‘c’ b”', 2],
        ['‘c’', 3],
      ],
    },
    {
      name: 'unclosed runs to the end',
      text: 'He said “this never ends',
      expected: [['“this never ends', 1]],
    },
    {
      name: 'closing the outer closes an unclosed inner',
      text: '“a ‘b c” d',
      expected: [
        ['“a ‘b c”', 1],
        ['‘b c”', 2],
      ],
    },
    { name: 'a stray closing mark is not a quotation', text: 'a” b» c › d', expected: [] },
  ])('$name', ({ text, expected }) => {
    expect(quoted(text)).toEqual(expected);
  });
});

describe('quoteSpans', () => {
  it('cuts a paragraph into plain and quoted pieces with depths', () => {
    expect(quoteSpans('A “B “C” D” E')).toEqual([
      { text: 'A ', depth: 0, opens: false },
      { text: '“B ', depth: 1, opens: true },
      { text: '“C”', depth: 2, opens: true },
      { text: ' D”', depth: 1, opens: false },
      { text: ' E', depth: 0, opens: false },
    ]);
    expect(quoteSpans('“a”“b”')).toEqual([
      { text: '“a”', depth: 1, opens: true },
      { text: '“b”', depth: 1, opens: true },
    ]);
  });
  it('gives one plain span without quotations, none for nothing', () => {
    expect(quoteSpans('plain')).toEqual([{ text: 'plain', depth: 0, opens: false }]);
    expect(quoteSpans('')).toEqual([]);
  });
  it('puts every character in exactly one span', () => {
    const text = 'x “a ‘b’ c” y «d» "e';
    expect(
      quoteSpans(text)
        .map((span) => span.text)
        .join(''),
    ).toBe(text);
  });
});

describe('findQuotations: the seed article', () => {
  const file = readFileSync(
    new URL(
      '../../content/2023-09-13-russias-putin-and-n-koreas-kim-hold-talks.md',
      import.meta.url,
    ),
    'utf8',
  );
  const title = /^title: "(.*)"$/m.exec(file)![1]!;
  const paragraphs = file.split(/^---$/m)[2]!.trim().split('\n\n');
  /** A paragraph by its first words. */
  const paragraph = (start: string) => paragraphs.find((text) => text.startsWith(start))!;
  /** Quotations as [first two words, last two words, depth]. */
  const outline = (text: string) =>
    quoted(text).map(([quote, depth]) => {
      const words = quote.split(' ');
      return [words.slice(0, 2).join(' '), words.slice(-2).join(' '), depth];
    });

  it.each([
    { start: 'North Korean Supreme', expected: [] },
    { start: 'Putin hosted', expected: [['“That’s why', 'develop space.”', 1]] },
    { start: 'Putin met', expected: [['“As neighbors,', 'neighboring states.”', 1]] },
    { start: 'Peskov added', expected: [] },
    { start: 'Prior to', expected: [] },
    {
      start: 'During the summit',
      expected: [
        ['“Now Russia', 'the relationship,”', 1],
        ['“We will', 'sovereign state.”', 1],
      ],
    },
    {
      start: 'Both leaders',
      expected: [
        ['“Putin recalled', 'for independence.”', 1],
        ['“the special', 'special time”', 2],
      ],
    },
    {
      start: 'On the subject',
      expected: [
        ['“As you', 'deep roots.”', 1],
        ['“And now,', 'new level.”', 1],
      ],
    },
    {
      start: 'Moscow and Pyongyang',
      expected: [['“unbreakable relations', 'strategic cooperation,”', 1]],
    },
  ])('$start …', ({ start, expected }) => {
    expect(outline(paragraph(start))).toEqual(expected);
  });

  it('finds the one quotation of the title, and no apostrophe', () => {
    expect(quoted(title)).toEqual([['‘Unbreakable Relations’', 1]]);
  });
});
