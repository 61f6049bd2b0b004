// The searcher in a bundled program, as the reader runs it: its worker starts from beside the bundle,
// answers, never keeps the process alive once nothing waits for it, and sets the reader's V8 flags again
// once its own heap has put them back.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundle } from '../../scripts/bundle.mjs';
import { tempDir } from '../helpers/temp-library.js';

const SOURCE = fileURLToPath(new URL('../../src/', import.meta.url));
const CONTENT = fileURLToPath(new URL('../../content/', import.meta.url));
let outdir = '';

const program = (body: string) =>
  [
    `import { startSearcher } from ${JSON.stringify(join(SOURCE, 'library', 'searcher.ts'))};`,
    `import { loadLibrary } from ${JSON.stringify(join(SOURCE, 'library', 'load.ts'))};`,
    `const { articles } = loadLibrary([{ dir: ${JSON.stringify(CONTENT)}, required: true }]);`,
    body,
  ].join('\n');

beforeAll(async () => {
  const dir = tempDir();
  outdir = join(dir, 'dist');
  writeFileSync(
    join(dir, 'answers.ts'),
    program(
      [
        'const searcher = startSearcher(articles);',
        "const answer = await searcher.search('spaceprot');",
        'console.log(JSON.stringify({ where: (await searcher.ready).where, answer }));',
      ].join('\n'),
    ),
  );
  writeFileSync(join(dir, 'leaves.ts'), program("startSearcher(articles); console.log('done');"));
  // The young generation's size after keeping 32 MB of small objects, with the reader's flags or V8's.
  writeFileSync(
    join(dir, 'young.ts'),
    program(
      [
        `import { setFlags, READER_FLAGS } from ${JSON.stringify(join(SOURCE, 'v8-flags.ts'))};`,
        "import { getHeapSpaceStatistics } from 'node:v8';",
        "const young = () => getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')!.space_size;",
        "if (process.argv.includes('--reader-flags')) setFlags(READER_FLAGS);",
        'const before = young();',
        'const searcher = startSearcher(articles, { indexFile: null });',
        // The worker keeps nothing alive by itself: a timer does, meanwhile.
        'const alive = setInterval(() => undefined, 1000);',
        'await searcher.started;',
        'clearInterval(alive);',
        'const kept = [];',
        'for (let k = 0; k < 1_000_000; k++) kept.push({ k, text: `article ${k}` });',
        'console.log(JSON.stringify({ before, after: young(), kept: kept.length }));',
        'searcher.close();',
      ].join('\n'),
    ),
  );
  await bundle(
    {
      'search-worker': join(SOURCE, 'library', 'search-worker.ts'),
      answers: join(dir, 'answers.ts'),
      leaves: join(dir, 'leaves.ts'),
      young: join(dir, 'young.ts'),
    },
    outdir,
  );
}, 60_000);

const run = (name: string, ...args: string[]) =>
  spawnSync(process.execPath, [join(outdir, `${name}.js`), ...args], {
    encoding: 'utf8',
    timeout: 20_000,
    // The saved index goes to a cache folder of the test's own.
    env: { ...process.env, INKWELL_HOME: tempDir() },
  });

describe('startSearcher in a bundle', () => {
  it('builds the index on the worker beside the bundle and answers', () => {
    const { status, stdout, stderr } = run('answers');
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const { where, answer } = JSON.parse(stdout) as {
      where: string;
      answer: { ok: boolean; hits: Array<{ id: string }> };
    };
    expect(where).toBe('worker');
    expect(answer.hits.map((hit) => hit.id)).toEqual([
      '2023-09-13-russias-putin-and-n-koreas-kim-hold-talks',
    ]);
  });

  it('lets the program end while the index is still building', () => {
    const { status, stdout, signal } = run('leaves');
    expect(signal).toBeNull();
    expect(status).toBe(0);
    expect(stdout).toBe('done\n');
  });

  it("keeps the reader's young generation at its starting size: the worker sets the flags again", () => {
    const sizes = (args: string[]) => {
      const { status, stdout, stderr } = run('young', ...args);
      expect(stderr).toBe('');
      expect(status).toBe(0);
      return JSON.parse(stdout) as { before: number; after: number };
    };
    const reader = sizes(['--reader-flags']);
    expect(reader.after).toBe(reader.before);
    // V8's own setting grows it for the same objects: the check above can fail.
    const plain = sizes([]);
    expect(plain.after).toBeGreaterThan(plain.before);
  });
});
