// The library cache: a start reads only what changed, and a cache that is wrong in any way is rebuilt.
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import {
  cacheFileFor,
  CACHE_VERSION,
  openLibrary,
  readCache,
} from '../../src/library/library-cache.js';
import { loadLibrary } from '../../src/library/load.js';
import { articleText, tempDir, tempLibrary } from '../helpers/temp-library.js';

const article = (title: string, extra: Record<string, string> = {}) =>
  articleText({ title, ...extra });

/** Every file and folder under `dir` dated a minute back: older than the cache's racy window. */
function age(dir: string, secondsAgo = 60): void {
  const when = new Date(Date.now() - secondsAgo * 1000);
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    utimesSync(join(dir, name), when, when);
  }
  utimesSync(dir, when, when);
}

/** What changed in the last seconds under `dir` (the folder too) dated half a minute back. */
function ageFresh(dir: string): void {
  const when = new Date(Date.now() - 30_000);
  for (const path of [
    dir,
    ...(readdirSync(dir, { recursive: true }) as string[]).map((name) => join(dir, name)),
  ]) {
    if (statSync(path).mtimeMs > Date.now() - 10_000) utimesSync(path, when, when);
  }
}

/** A library folder and a cache folder, both aged; the library holds a bad file and an id clash. */
function setUp() {
  const dir = tempLibrary({
    'a.md': article('Alpha', { date: '2024-01-03' }),
    'b.md': article('Beta', { date: '2024-01-02' }),
    'sub/c.md': article('Gamma', { date: '2024-01-01' }),
    'sub/d.md': article('Delta clashes', { id: 'a' }),
    'bad.md': 'no front matter here',
  });
  age(dir);
  const cacheDir = join(tempDir(), 'cache');
  const folders = [{ dir, required: true }];
  const open = () => openLibrary(folders, { cacheDir });
  return { dir, cacheDir, folders, open };
}

const titles = (library: { articles: { title: string }[] }) => library.articles.map((a) => a.title);

describe('openLibrary: what a warm start reads', () => {
  it('reads every file once, then none, with the same articles and warnings', async () => {
    const { folders, open } = setUp();
    const cold = await open();
    expect(cold.stats).toMatchObject({ cache: 'cold', read: 5, reused: 0 });
    const warm = await open();
    expect(warm.stats).toMatchObject({ cache: 'warm', read: 0, reused: 5 });
    const uncached = loadLibrary(folders);
    for (const library of [cold, warm]) {
      expect(library.articles).toEqual(uncached.articles);
      expect(library.warnings).toEqual(uncached.warnings);
    }
    expect(warm.warnings.map((w) => w.message)).toEqual([
      'skipped: no front matter (a title is required)',
      expect.stringMatching(/^not shown: same id "a"/),
    ]);
  });

  it.each([
    {
      change: 'a changed file',
      apply: (dir: string) => writeFileSync(join(dir, 'b.md'), article('Beta, edited')),
      read: 1,
      expected: ['Alpha', 'Gamma', 'Beta, edited'],
    },
    {
      change: 'an added file',
      apply: (dir: string) =>
        writeFileSync(join(dir, 'e.md'), article('Epsilon', { date: '2025-01-01' })),
      read: 1,
      expected: ['Epsilon', 'Alpha', 'Beta', 'Gamma'],
    },
    {
      change: 'a removed file',
      apply: (dir: string) => rmSync(join(dir, 'b.md')),
      read: 0,
      expected: ['Alpha', 'Gamma'],
    },
    {
      change: 'a renamed file',
      apply: (dir: string) => renameSync(join(dir, 'b.md'), join(dir, 'beta.md')),
      read: 1,
      expected: ['Alpha', 'Beta', 'Gamma'],
    },
    {
      change: 'a folder added',
      apply: (dir: string) => {
        mkdirSync(join(dir, 'more'));
        writeFileSync(join(dir, 'more', 'f.md'), article('Phi', { date: '2023-01-01' }));
        writeFileSync(join(dir, 'more', 'g.md'), article('Gimel', { date: '2022-01-01' }));
      },
      read: 2,
      expected: ['Alpha', 'Beta', 'Gamma', 'Phi', 'Gimel'],
    },
  ])('$change: only it is read, and the list is right', async ({ apply, read, expected }) => {
    const { dir, folders, open } = setUp();
    await open();
    apply(dir);
    ageFresh(dir);
    const after = await open();
    expect(after.stats).toMatchObject({ cache: 'warm', read });
    expect(titles(after)).toEqual(expected);
    expect(after.articles).toEqual(loadLibrary(folders).articles);
    // And the start after that reads nothing.
    expect((await open()).stats).toMatchObject({ read: 0 });
  });

  it('reads again a file changed without a change of size or time as soon as its time moves', async () => {
    const { dir, open } = setUp();
    await open();
    const path = join(dir, 'a.md');
    const { mtime } = statSync(path);
    writeFileSync(path, article('Alpho', { date: '2024-01-03' }));
    utimesSync(path, mtime, mtime);
    // Same size, same time: taken as unchanged (as make and git do).
    expect(titles(await open())[0]).toBe('Alpha');
    utimesSync(path, new Date(), new Date(mtime.getTime() + 1000));
    expect(titles(await open())[0]).toBe('Alpho');
  });

  it('does not trust a file changed just before it was read', async () => {
    const { dir, open } = setUp();
    writeFileSync(join(dir, 'a.md'), article('Fresh'));
    await open();
    // Its time is within the racy window of the first read: the next start reads it again.
    expect((await open()).stats.read).toBe(1);
  });
});

describe('openLibrary: a cache that is wrong is rebuilt, never trusted, never fatal', () => {
  const key = (folders: { dir: string; required: boolean }[]) =>
    JSON.stringify(folders.map(({ dir, required }) => [dir, required]));

  it.each([
    { name: 'garbage', spoil: () => Buffer.from('not a cache at all'), reason: 'corrupt' },
    {
      name: 'truncated',
      spoil: (bytes: Buffer) => bytes.subarray(0, bytes.length >> 1),
      reason: 'corrupt',
    },
    { name: 'empty', spoil: () => Buffer.alloc(0), reason: 'corrupt' },
    {
      name: 'from another version',
      spoil: () =>
        serialize({ format: 'inkwell library cache', version: CACHE_VERSION + 1, files: [] }),
      reason: 'another version',
    },
    {
      name: 'holding a terminal escape in a title',
      spoil: (bytes: Buffer) =>
        Buffer.from(bytes.toString('latin1').replace('Alpha', '\x1b[2J!'), 'latin1'),
      reason: 'corrupt',
    },
    {
      name: 'of the wrong shape',
      spoil: (bytes: Buffer) =>
        Buffer.from(bytes.toString('latin1').replace('Beta', 'Bet\x00'), 'latin1'),
      reason: 'corrupt',
    },
  ])('$name', async ({ spoil, reason }) => {
    const { folders, cacheDir, open } = setUp();
    await open();
    const file = cacheFileFor(cacheDir, key(folders));
    writeFileSync(file, spoil(readFileSync(file)));
    const rebuilt = await open();
    expect(rebuilt.stats).toMatchObject({ cache: 'cold', read: 5, rebuilt: reason });
    expect(rebuilt.articles).toEqual(loadLibrary(folders).articles);
    expect(readCache(file, key(folders)).ok).toBe(true);
    expect((await open()).stats).toMatchObject({ cache: 'warm', read: 0 });
  });

  it('unreadable: the library loads all the same, and nothing is written', async () => {
    const { folders, cacheDir, open } = setUp();
    // A folder where the cache file should be: it can be neither read nor replaced.
    mkdirSync(cacheFileFor(cacheDir, key(folders)), { recursive: true });
    const library = await open();
    expect(library.stats.rebuilt).toMatch(/^unreadable/);
    expect(library.articles).toEqual(loadLibrary(folders).articles);
    expect(readdirSync(cacheDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('deleted: the next start reads everything and writes it again', async () => {
    const { cacheDir, open } = setUp();
    await open();
    rmSync(cacheDir, { recursive: true });
    expect((await open()).stats).toMatchObject({ cache: 'cold', read: 5 });
    expect((await open()).stats).toMatchObject({ cache: 'warm', read: 0 });
  });

  it('keeps one cache per set of folders', async () => {
    const { dir, cacheDir, open } = setUp();
    await open();
    const other = await openLibrary([{ dir, required: false }], { cacheDir });
    expect(other.stats.cache).toBe('cold');
    expect((await open()).stats.cache).toBe('warm');
  });
});

describe('openLibrary: a cache folder that cannot be made', () => {
  it('loads the library all the same', async () => {
    const dir = tempLibrary({ 'a.md': article('Alpha') });
    const parent = tempDir();
    writeFileSync(join(parent, 'file'), '');
    const library = await openLibrary([{ dir, required: true }], {
      cacheDir: join(parent, 'file', 'cache'),
    });
    expect(titles(library)).toEqual(['Alpha']);
  });
});
