import { readFileSync, readdirSync } from 'node:fs';
import { importHtmlPage } from './src/library/import/html-page.ts';
import { decodeText } from './src/library/import/decode.ts';
const dir = '/work/shared/corpus/pages/';
for (const f of readdirSync(dir).filter((n) => /^[^.]+\.html$/.test(n))) {
  const name = f.replace('.html', '');
  const exp = JSON.parse(readFileSync(dir + name + '.expected.json', 'utf8'));
  const t0 = performance.now();
  try {
    const a = importHtmlPage(decodeText(readFileSync(dir + f)), 'https://example.org/' + name);
    const ms = (performance.now() - t0).toFixed(0);
    console.log(name, ms + 'ms', a.title === exp.title ? 'T' : `T✗[${a.title}|${exp.title}]`, a.author === exp.byline ? 'B' : `B✗[${a.author}|${exp.byline}]`, a.lang === exp.lang ? 'L' : `L✗[${a.lang}|${exp.lang}]`, a.dir === exp.dir ? 'D': `D✗[${a.dir}|${exp.dir}]`, `date=${a.date} exp=${exp.publishedTime}`, a.body.length);
  } catch (e) { console.log(name, 'ERR', e.message); }
}
