// A long article body for benchmarks, made up here: mixed scripts, quotations, apostrophes, lists and quotes.
const WORDS = [
  'the',
  'reader',
  'column',
  'measure',
  'quiet',
  'terminal',
  'keeps',
  'every',
  'paragraph',
  'wrapped',
  'at',
  'a',
  'width',
  'eyes',
  'can',
  'follow',
  'without',
  'losing',
  'their',
  'place',
  'don’t',
  'it’s',
  'city’s',
  'long-standing',
  'extraordinarily',
  'café',
  'naïve',
  'Zürich',
  '東京',
  '文章を読む',
  '👍🏽',
];

/** About `bytes` bytes of Markdown, the same every time. */
export function longArticle(bytes: number): string {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const sentence = () => {
    const length = 6 + Math.floor(next() * 14);
    const words = Array.from({ length }, () => WORDS[Math.floor(next() * WORDS.length)]!);
    if (next() < 0.3) {
      const at = Math.floor(next() * (length - 3));
      words[at] = `“${words[at]}`;
      words[at + 2] = `${words[at + 2]}”`;
    }
    return words.join(' ') + '.';
  };
  const parts: string[] = [];
  let size = 0;
  for (let k = 0; size < bytes; k++) {
    const paragraph = Array.from({ length: 3 + Math.floor(next() * 5) }, sentence).join(' ');
    const block =
      k % 17 === 5
        ? `> ${paragraph}`
        : k % 23 === 7
          ? `- ${sentence()}\n- ${sentence()}`
          : paragraph;
    parts.push(block);
    size += Buffer.byteLength(block) + 2;
  }
  return parts.join('\n\n');
}
