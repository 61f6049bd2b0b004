// Several processes changing the store at the same moment: the lock keeps every change.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/state/store.js';
import { tempDir } from '../helpers/temp-library.js';

const STORE = fileURLToPath(new URL('../../src/state/store.ts', import.meta.url));
const PROCESSES = 4;
const EACH = 50;

/** A script that adds `EACH` bookmarks one update at a time, once every process is ready to start. */
const WORKER = `
import { Store } from './store.js';
import { existsSync } from 'node:fs';
const [dir, name, go] = process.argv.slice(2);
while (!existsSync(go)) await new Promise((resolve) => setTimeout(resolve, 5));
const store = new Store(dir);
for (let k = 0; k < ${EACH}; k++) {
  const id = name + '-' + k + '.example.org';
  store.update([{ kind: 'bookmark', id, bookmark: { title: id, url: null, bookmarkedAt: new Date().toISOString() } }]);
}
`;

function run(script: string, args: string[]): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', resolve);
  });
}

describe('the store across processes', () => {
  it(`keeps all ${PROCESSES * EACH} bookmarks that ${PROCESSES} processes add at once`, async () => {
    const work = tempDir();
    await build({
      entryPoints: { store: STORE },
      outdir: work,
      bundle: true,
      platform: 'node',
      format: 'esm',
      logLevel: 'warning',
      banner: {
        js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      },
    });
    writeFileSync(join(work, 'worker.mjs'), WORKER);
    const dir = join(work, 'config');
    const go = join(work, 'go');
    const runs = Array.from({ length: PROCESSES }, (_, k) =>
      run(join(work, 'worker.mjs'), [dir, `p${k}`, go]),
    );
    writeFileSync(go, '');
    expect(await Promise.all(runs)).toEqual(Array(PROCESSES).fill(0));
    const { data } = new Store(dir).load();
    expect(data.bookmarks.size).toBe(PROCESSES * EACH);
    expect(data.bookmarks.has('p3-49.example.org')).toBe(true);
  }, 60_000);
});
