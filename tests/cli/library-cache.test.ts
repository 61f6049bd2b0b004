// The library cache as the binary uses it: processes starting at once leave a cache the next one uses.
import { readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cacheFileFor, readCache } from '../../src/library/library-cache.js';
import { runCli, runCliAsync } from '../helpers/run-cli.js';
import { articleText, tempDir } from '../helpers/temp-library.js';

const CONTENT = fileURLToPath(new URL('../../content/', import.meta.url));

describe('the library cache', () => {
  it('is left whole by processes writing it at once', async () => {
    const dir = tempDir();
    const old = new Date(Date.now() - 60_000);
    for (let k = 0; k < 300; k++) {
      const path = join(dir, `a${k}.md`);
      writeFileSync(path, articleText({ title: `Article ${k}` }));
      utimesSync(path, old, old);
    }
    utimesSync(dir, old, old);
    const home = tempDir();
    const results = await Promise.all(
      Array.from({ length: 4 }, () => runCliAsync(['list', '--json', '--library', dir], { home })),
    );
    for (const result of results) expect(JSON.parse(result.stdout)).toHaveLength(304);
    const cacheDir = join(home, 'cache');
    expect(readdirSync(cacheDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    const [file] = readdirSync(cacheDir);
    expect(file).toMatch(/^library-[0-9a-f]{16}\.v8$/);
    const after = runCli(['list', '--json', '--library', dir], {}, home);
    expect(after.stdout).toBe(results[0]!.stdout);
    // Whole, and of this library: the folders as the binary names them (bundled, the user's, --library).
    const key = JSON.stringify([
      [CONTENT, true],
      [join(home, 'articles'), false],
      [dir, true],
    ]);
    expect(join(cacheDir, file!)).toBe(cacheFileFor(cacheDir, key));
    expect(readCache(join(cacheDir, file!), key).ok).toBe(true);
  });
});
