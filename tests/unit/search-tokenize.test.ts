import { describe, expect, it } from 'vitest';
import { plainText, tokenize, unfoldInWord } from '../../src/core/search/tokenize.js';

describe('tokenize', () => {
  it.each([
    { text: 'Hello, World!', terms: ['hello', 'world'] },
    { text: 'Russia’s tight-lipped talks', terms: ['russia', 's', 'tight', 'lipped', 'talks'] },
    { text: 'Communiqué — naïve CAFÉ', terms: ['communique', 'naive', 'cafe'] },
    { text: 'Zoë 🚀 launch 👩‍👩‍👧 day', terms: ['zoe', 'launch', 'day'] },
    { text: '東京の朝', terms: ['東', '京', 'の', '朝'] },
    { text: 'abc東京def', terms: ['abc', '東', '京', 'def'] },
    { text: '한국어 텍스트', terms: ['한국어', '텍스트'].map((word) => word.normalize('NFKD')) },
    { text: 'ﬁle № 42', terms: ['file', '42'] },
    { text: '', terms: [] },
  ])('$text', ({ text, terms }) => {
    const tokens = tokenize(text);
    expect(tokens.map((token) => token.term)).toEqual(terms);
    // Each word's place is where it stands in the text shown.
    for (const token of tokens) {
      expect(text.slice(token.start, token.end).normalize('NFKD').toLowerCase()).toContain(
        token.term.normalize('NFKD')[0],
      );
    }
  });

  it.each([
    { word: 'Communiqué', from: 0, to: 10, shown: 'Communiqué' },
    { word: 'Communiqué', from: 9, to: 10, shown: 'é' },
    { word: 'cafe\u0301s', from: 3, to: 4, shown: 'e\u0301' },
    { word: 'ﬁle', from: 0, to: 1, shown: 'ﬁ' },
    { word: 'plain', from: 1, to: 3, shown: 'la' },
  ])('unfoldInWord($word, $from, $to)', ({ word, from, to, shown }) => {
    const [start, end] = unfoldInWord(word, from, to);
    expect(word.slice(start, end)).toBe(shown);
  });
});

describe('plainText', () => {
  it.each([
    { markdown: 'Plain words.\n\nTwo paragraphs.', text: 'Plain words.\n\nTwo paragraphs.' },
    { markdown: '# A heading\n\nText', text: ' A heading\n\nText' },
    { markdown: '> quoted *words* here', text: ' quoted words here' },
    { markdown: '- one\n- two', text: ' one\n two' },
    { markdown: 'a [link](https://example.org) and ![alt](x.png)', text: 'a link and alt' },
    { markdown: '_naïve_ and snake_case and `code`', text: 'naïve and snake_case and code' },
    { markdown: 'a <b>tag</b> and <https://example.org>', text: 'a  tag  and https://example.org' },
    { markdown: '```js\nconst x = 1;\n```', text: '\nconst x = 1;\n' },
  ])('$markdown', ({ markdown, text }) => {
    expect(plainText(markdown)).toBe(text);
  });
});
