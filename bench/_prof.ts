import { parseMarkdown } from '../src/core/markdown.js';
import { layoutBlocks } from '../src/core/layout.js';
const kind = process.argv[2]!;
for (const n of [10000, 20000, 40000]) {
  const body = kind === 'join' ? Array.from({ length: n }, (_, k) => `[a](http://x.y/${k.toString(36)})`).join('')
    : Array.from({ length: n }, (_, k) => `[a](http://x.y/${k.toString(36)})`).join(' ');
  let t = performance.now();
  const b = parseMarkdown(body);
  const p = performance.now() - t; t = performance.now();
  const l = layoutBlocks(b, 80);
  console.log(n, 'parse', p.toFixed(0), 'layout', (performance.now() - t).toFixed(0), l.length);
}
