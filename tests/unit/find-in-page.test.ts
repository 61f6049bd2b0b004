import { describe, expect, it } from 'vitest';
import {
  findDone,
  findInPage,
  findInText,
  matchesByLine,
  pieceOn,
  prepareFind,
  termsNeedle,
  textNeedle,
} from '../../src/core/find-in-page.js';
import { layoutArticle, lineText, type Line } from '../../src/core/layout.js';
import { makeArticle } from '../helpers/articles.js';
import { fitMarked, markPieces } from '../../src/core/marked-text.js';
import { textWidth } from '../../src/core/text-width.js';

/** The matched pieces of `text`, as the reader would mark them. */
function found(text: string, query: string, terms = false): string[] {
  const needle = terms ? termsNeedle(query.split(' ')) : textNeedle(query);
  return findInText(text, needle).map(({ start, end }) => text.slice(start, end));
}

describe('findInText with a typed query (smart case)', () => {
  it.each([
    { text: 'Kim met Putin; kim again', query: 'kim', expected: ['Kim', 'kim'] },
    { text: 'Kim met Putin; kim again', query: 'Kim', expected: ['Kim'] },
    {
      text: 'The Communiqué, a communique',
      query: 'communique',
      expected: ['Communiqué', 'communique'],
    },
    // A capital letter makes the query exact: accents count too.
    { text: 'The Communiqué, a Communique', query: 'Communique', expected: ['Communique'] },
    // Lower case with an accent still folds: both spellings are found.
    { text: 'café and cafe', query: 'café', expected: ['café', 'cafe'] },
    // Decomposed accents (e + combining acute) are folded and marked whole.
    { text: 'cafe\u0301 time', query: 'cafe', expected: ['cafe\u0301'] },
    { text: 'ÉCOLE école', query: 'ecole', expected: ['ÉCOLE', 'école'] },
    // Inside words too, and phrases with spaces.
    { text: 'the spaceport was near', query: 'port was', expected: ['port was'] },
    { text: 'aaaa', query: 'aa', expected: ['aa', 'aa'] },
    // CJK: no word edges, found anywhere.
    { text: '東京で会議が開かれた。会議は長い', query: '会議', expected: ['会議', '会議'] },
    { text: 'ｋｉｍ and kim', query: 'kim', expected: ['ｋｉｍ', 'kim'] },
    // Emoji keep their surrogate pairs and variation selectors.
    { text: 'I ❤️ pizza 🍕 and 🍕!', query: '🍕', expected: ['🍕', '🍕'] },
    { text: 'I ❤️ pizza', query: '❤', expected: ['❤️'] },
    { text: '👩‍👩‍👧 family 👩‍👩‍👧', query: 'family', expected: ['family'] },
    { text: 'nothing here', query: 'kim', expected: [] },
    { text: 'nothing here', query: '', expected: [] },
  ])('$query in $text', ({ text, query, expected }) => {
    expect(found(text, query)).toEqual(expected);
  });

  it('gives ranges in UTF-16 units of the text as shown', () => {
    const text = '🍕 Café 🍕';
    expect(findInText(text, textNeedle('cafe'))).toEqual([{ start: 3, end: 7 }]);
  });
});

describe('findInText with the words a library search matched', () => {
  it.each([
    { text: 'The Spaceport, spaceports', terms: 'spaceport', expected: ['Spaceport'] },
    { text: 'in inside within in.', terms: 'in', expected: ['in', 'in'] },
    { text: 'Anzalone wrote; ANZALONE', terms: 'anzalone', expected: ['Anzalone', 'ANZALONE'] },
    { text: 'a communiqué came', terms: 'communique', expected: ['communiqué'] },
    { text: 'Kim met Putin', terms: 'putin kim', expected: ['Kim', 'Putin'] },
    // Words of scripts without spaces are found inside a run of them.
    { text: '東京で会議が開かれた', terms: '会議', expected: ['会議'] },
    { text: 'Kim’s visit', terms: 'kim', expected: ['Kim'] },
  ])('$terms in $text', ({ text, terms, expected }) => {
    expect(found(text, terms, true)).toEqual(expected);
  });

  it('drops blank and repeated terms', () => {
    expect(termsNeedle(['Kim', 'kim', ' ', '']).words).toEqual(['kim']);
  });
});

const line = (...texts: string[]): Line => ({
  segments: texts.map((text) => ({ text, style: {} })),
  block: 0,
});

describe('findInPage', () => {
  const lines = [line('Title with Kim'), line(), line('Kim ', 'Jo', 'ng Un met'), line('nobody')];

  it('finds matches in every line, in reading order, across segment edges', () => {
    expect(findInPage(lines, textNeedle('kim'))).toEqual([
      { line: 0, start: 11, end: 14 },
      { line: 2, start: 0, end: 3 },
    ]);
    expect(findInPage(lines, textNeedle('jong un'))).toEqual([{ line: 2, start: 4, end: 11 }]);
  });

  it('finds the same in lines folded ahead', () => {
    const page = [line('Café ', 'Kim'), line('cafe'), line('CAFÉ')];
    prepareFind(page);
    expect(findInPage(page, textNeedle('cafe'))).toEqual([
      { line: 0, start: 0, end: 4 },
      { line: 1, start: 0, end: 4 },
      { line: 2, start: 0, end: 4 },
    ]);
    expect(findInPage(page, textNeedle('Café'))).toEqual([{ line: 0, start: 0, end: 4 }]);
  });

  it('answers the same question with the same array, and groups matches by line', () => {
    const first = findInPage(lines, textNeedle('kim'));
    expect(findInPage(lines, textNeedle('kim'))).toBe(first);
    expect(matchesByLine(first).get(2)).toEqual([{ line: 2, start: 0, end: 3 }]);
    expect(matchesByLine(first)).toBe(matchesByLine(first));
  });
});

describe('findInPage over a long page, a step at a time', () => {
  // Each line its own paragraph (a block of its own): 4,000 lines of ~100 characters, about three steps.
  const long = (count: number) =>
    Array.from({ length: count }, (_, k) => ({
      ...line(`Line ${k}: ${'filler words to make a long page. '.repeat(3)}`),
      block: k,
    }));

  it('searches FIND_STEP characters a call, counting matches up until it is done', () => {
    const page = long(4000);
    const needle = textNeedle('line 3999:');
    const counts: number[] = [];
    while (!findDone(page, needle)) counts.push(findInPage(page, needle).length);
    expect(counts.length).toBeGreaterThan(1);
    expect(counts.at(-1)).toBe(1);
    expect(counts.slice(0, -1).every((count) => count === 0)).toBe(true);
    // Done, the same answer every time.
    expect(findInPage(page, needle)).toBe(findInPage(page, needle));
  });

  it('searches a page still being wrapped as far as it is, and its new lines as they come', () => {
    const all = long(300);
    const growing: Line[] = all.slice(0, 100);
    const needle = textNeedle('line 2');
    expect(findInPage(growing, needle, false).map((match) => match.line)).toEqual([
      2, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
    ]);
    expect(findDone(growing, needle)).toBe(false);
    growing.push(...all.slice(100));
    const matches = findInPage(growing, needle, true);
    expect(matches.map((match) => match.line)).toEqual(
      all.flatMap((_, k) => (String(k).startsWith('2') ? [k] : [])),
    );
    expect(findDone(growing, needle)).toBe(true);
  });
});

describe('markPieces', () => {
  it.each([
    {
      text: 'Kim Jong Un',
      ranges: [{ start: 4, end: 8 }],
      current: 4,
      offset: 0,
      expected: ['Kim |', '[Jong]', ' Un|'],
    },
    // A segment that starts at offset 4 of its line takes its share of a range crossing it.
    {
      text: 'Jong',
      ranges: [{ start: 2, end: 6 }],
      current: 0,
      offset: 4,
      expected: ['(Jo)', 'ng|'],
    },
    { text: 'none', ranges: [], current: undefined, offset: 0, expected: ['none|'] },
  ])('$text $ranges', ({ text, ranges, current, offset, expected }) => {
    const shown = markPieces(text, ranges, current, offset).map(({ text: piece, mark }) =>
      mark === 'current' ? `[${piece}]` : mark === 'match' ? `(${piece})` : `${piece}|`,
    );
    expect(shown).toEqual(expected);
  });
});

describe('fitMarked', () => {
  it('keeps a short snippet as it is, line breaks made spaces', () => {
    expect(fitMarked('a\nspaceport b', [{ start: 2, end: 11 }], 40)).toEqual({
      text: 'a spaceport b',
      ranges: [{ start: 2, end: 11 }],
    });
  });

  it('cuts the start of a long snippet so the first match shows', () => {
    const text = `${'word '.repeat(30)}spaceport and more words after it`;
    const start = text.indexOf('spaceport');
    const fitted = fitMarked(text, [{ start, end: start + 9 }], 40);
    expect(textWidth(fitted.text)).toBeLessThanOrEqual(40);
    expect(fitted.text.startsWith('…word')).toBe(true);
    const [range] = fitted.ranges;
    expect(fitted.text.slice(range!.start, range!.end)).toBe('spaceport');
  });

  it('cuts the end, and what it cuts of a match', () => {
    const fitted = fitMarked('東京で会議が開かれた', [{ start: 3, end: 5 }], 12);
    expect(textWidth(fitted.text)).toBeLessThanOrEqual(12);
    expect(fitted.text.slice(fitted.ranges[0]!.start, fitted.ranges[0]!.end)).toBe('会議');
  });
});

describe('findInPage over wrapped lines', () => {
  /** The text each piece of each match covers, a match's pieces joined by "|". */
  function phrases(body: string, query: string, columns: number): string[] {
    const lines = layoutArticle(makeArticle({ id: 'a', title: 'T', body }), columns);
    const texts = lines.map(lineText);
    return findInPage(lines, textNeedle(query)).map((match) =>
      [match, ...(match.rest ?? [])]
        .map(({ line: y, start, end }) => texts[y]!.slice(start, end))
        .join('|'),
    );
  }

  it.each([
    // A phrase cut by the wrap is found, marked on both lines.
    {
      body: 'one two three four five six seven',
      query: 'three four',
      columns: 14,
      expected: ['three|four'],
    },
    // Over three lines.
    { body: 'aaa bbb ccc ddd', query: 'aaa bbb ccc', columns: 4, expected: ['aaa|bbb|ccc'] },
    // In a quotation the bar of the next line is not part of the phrase.
    {
      body: '> one two three four five',
      query: 'two three',
      columns: 12,
      expected: ['two|three'],
    },
    // Under a list marker, the hang is not either; the next item is a paragraph of its own.
    {
      body: '- one two three four\n- five six',
      query: 'two three',
      columns: 12,
      expected: ['two|three'],
    },
    { body: '- one two three four\n- five six', query: 'four five', columns: 12, expected: [] },
    // A word too long for its line is cut, and found whole.
    { body: 'a well-known fact', query: 'well-known', columns: 8, expected: ['well-kno|wn'] },
    // Chinese has no spaces to restore between lines.
    { body: '東京で会議が開かれた', query: '会議', columns: 8, expected: ['会|議'] },
    // Paragraphs stay apart.
    { body: 'ends here\n\nstarts here', query: 'here starts', columns: 40, expected: [] },
  ])('$query in $body at $columns columns', ({ body, query, columns, expected }) => {
    expect(phrases(body, query, columns)).toEqual(expected);
  });

  it('marks every piece of a match on its own line, and knows the current piece of each line', () => {
    const lines = layoutArticle(
      makeArticle({ id: 'a', title: 'T', body: 'one two three four five six seven' }),
      14,
    );
    const [match] = findInPage(lines, textNeedle('three four'));
    const byLine = matchesByLine([match!]);
    expect([...byLine.keys()]).toEqual([match!.line, match!.rest![0]!.line]);
    expect(pieceOn(match, match!.rest![0]!.line)).toEqual(match!.rest![0]);
    expect(pieceOn(match, match!.line)).toBe(match);
    expect(pieceOn(match, 0)).toBeUndefined();
  });
});

describe("findInPage: a library search's quoted phrase", () => {
  it('finds the phrase whole across a wrap, and not its words elsewhere', () => {
    const body = 'machine parts. Then some machine learning came, and learning stayed.';
    const lines = layoutArticle(makeArticle({ id: 'a', title: 'T', body }), 32);
    const texts = lines.map(lineText);
    const found = findInPage(lines, termsNeedle(['Machine Learning'])).map((match) =>
      [match, ...(match.rest ?? [])]
        .map(({ line: y, start, end }) => texts[y]!.slice(start, end))
        .join('|'),
    );
    expect(found).toEqual(['machine|learning']);
  });
});
