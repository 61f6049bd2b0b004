import { parseMarkdown } from '../src/core/markdown.js';
import { layoutBlocks } from '../src/core/layout.js';
import { articleLinks, linkListLines } from '../src/core/links.js';
import { renderLines } from '../src/commands/output.js';
import { Chalk } from 'chalk';
import { Lexer } from 'marked';
const shapes: Record<string, () => string> = {
  rows: () => '| a | b |\n|---|---|\n' + '| a | b |\n'.repeat(500_000),
  headings: () => '#\n'.repeat(2_000_000),
  paras: () => 'a\n\n'.repeat(1_600_000),
  items: () => '- a\n'.repeat(1_200_000),
  links: () => Array.from({ length: 240_000 }, (_, k) => `[a](http://x.y/${k.toString(36)})`).join(''),
  links2: () => Array.from({ length: 240_000 }, (_, k) => `[a](http://x.y/${k.toString(36)})`).join(' '),
  token: () => '```\n' + 'x'.repeat(4.9 * 1024 * 1024) + '\n```',
  ordinary: () => ('The reader keeps “every quotation” in view, and the city’s long-standing café stays naïve. '.repeat(8) + '\n\n').repeat(5600),
};
const name = process.argv[2]!;
const body = shapes[name]!();
const mb = () => (process.memoryUsage().heapUsed / 2 ** 20).toFixed(0) + 'MB';
let t = performance.now();
const lap = (label: string) => { const n = performance.now(); console.log(label, (n - t).toFixed(0), 'ms', mb()); t = n; };
if (process.argv[3] === 'lex') { new Lexer({ gfm: true }).lex(body); lap('marked lex'); }
const blocks = parseMarkdown(body); lap('parse ' + blocks.length);
const lines = layoutBlocks(blocks, 80); lap('layout ' + lines.length);
const links = linkListLines(articleLinks(blocks), 80); lap('links ' + links.length);
const text = renderLines([...lines, ...links], new Chalk({ level: 0 })); lap('render ' + text.length);
console.log('rss', (process.memoryUsage().rss / 2 ** 20).toFixed(0));
