import { parseMarkdown } from '../src/core/markdown.js';
const shapes: Record<string, () => string> = {
  links: () => Array.from({ length: 240_000 }, (_, k) => `[a](http://x.y/${k.toString(36)})`).join(''),
  em: () => '*a* '.repeat(1_000_000),
  code: () => '`a` '.repeat(1_000_000),
  br: () => 'a  \n'.repeat(1_000_000),
  headings20k: () => '#\n'.repeat(20_000),
};
for (const name of process.argv.slice(2)) {
  const body = shapes[name]!();
  const t = performance.now();
  const blocks = parseMarkdown(body);
  console.log(name, (performance.now() - t).toFixed(0), 'ms', blocks.length, (process.memoryUsage().rss / 2 ** 20).toFixed(0));
}
