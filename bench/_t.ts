import { parseMarkdown } from '../src/core/markdown.js';
for (const b of ['[w](https://en.wikipedia.org/wiki/Foo_(bar)) x', '[a](http://x.y/a\\)b)', '[a](<http://x y>)', '[a](http://x "t")', '[a]()', '[a](b(c)d(e)f)', '[a](b(c(d)))'])
  console.log(b, JSON.stringify(parseMarkdown(b)));
