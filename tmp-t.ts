import { readdirSync } from 'node:fs';
import { readSource } from './src/library/import/read-source.ts';
const dir = 'tests/fixtures/import/';
for (const f of readdirSync(dir)) {
  try {
    const r = await readSource(dir + f);
    console.log('==', f, r.kind, r.feedTitle);
    for (const e of r.entries) console.log(JSON.stringify(e.ok ? { ...e.article } : e));
  } catch (e) { console.log('==', f, 'ERR', (e as Error).message); }
}
