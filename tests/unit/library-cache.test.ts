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
import { deserialize, serialize } from 'node:v8';

/** A cache file's fields, to spoil one at a time. */
type Doctored = Record<string, unknown> & { text: string };
import { describe, expect, it } from 'vitest';
import {
  cacheFileFor,
  CACHE_VERSION,
  openLibrary,
  peekLibrary,
  readCache,
} from '../../src/library/library-cache.js';
import { decodeCache } from '../../src/library/cache-format.js';
import { listRow, measureList } from '../../src/core/list-rows.js';
import { loadLibrary } from '../../src/library/load.js';
import { age, ageFresh, articleText, tempDir, tempLibrary } from '../helpers/temp-library.js';

const article = (title: string, extra: Record<string, string> = {}) =>
  articleText({ title, ...extra });

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
    ...[
      {
        name: 'its text cut short of its ends',
        doctor: (cache: Doctored) => (cache.text = cache.text.slice(0, -1)),
      },
      {
        name: 'an article listed twice',
        doctor: (cache: Doctored) => (cache.order = Uint32Array.from([0, 0])),
      },
      {
        name: 'a column of the wrong kind',
        doctor: (cache: Doctored) => (cache.order = Array.from(cache.order as Uint32Array)),
      },
      {
        name: 'columns of different lengths',
        doctor: (cache: Doctored) => (cache.sizes = new Float64Array(1)),
      },
      {
        name: 'an article without an id',
        doctor: (cache: Doctored) => {
          const ends = cache.ends as Uint32Array;
          cache.text = cache.text.slice(ends[0]);
          cache.ends = ends.map((end) => end - ends[0]!);
        },
      },
    ].map(({ name, doctor }) => ({
      name,
      spoil: (bytes: Buffer) => {
        const cache = deserialize(bytes) as Doctored;
        doctor(cache);
        return serialize(cache);
      },
      reason: 'corrupt',
    })),
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

describe('openLibrary: read in slices, the library handed over as it is read', () => {
  it('hands over growing libraries, newest first, and ends with the whole', async () => {
    const { folders, cacheDir } = setUp();
    const seen: Array<{ titles: string[]; done: number; total: number }> = [];
    const library = await openLibrary(folders, {
      cacheDir,
      pace: { sliceMs: 0, showMs: 0 },
      onProgress: ({ articles }, done, total) => {
        seen.push({ titles: articles.map((article) => article.title), done, total });
      },
    });
    // At least the first slice's (a slow settle spaces the later ones out), each further along. The
    // folders are walked as the files are read: the total is what the folders listed so far name.
    expect(seen[0]).toMatchObject({ done: 1 });
    const totals = seen.map((progress) => progress.total);
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
    expect(Math.max(...totals)).toBeLessThanOrEqual(5);
    for (const { done, total } of seen) expect(done).toBeLessThanOrEqual(total);
    const done = seen.map((progress) => progress.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(new Set(done).size).toBe(done.length);
    expect(Math.max(...done)).toBeLessThan(5);
    for (const { titles } of seen) {
      // Each one is the whole library's order, cut to what is read.
      expect(titles).toEqual(
        titles.filter((title) => library.articles.some((a) => a.title === title)),
      );
    }
    expect(library.articles).toEqual(loadLibrary(folders).articles);
  });
});

describe('openLibrary with no cache: the first rows shown once a screenful is read', () => {
  it.each([
    // Many more to come: shown at once at the screenful, however long a slice is.
    { files: 12, firstShow: 2, sliceMs: 60_000, first: 2 },
    // Few more to come: not before the screenful, then as slices end.
    { files: 5, firstShow: 3, sliceMs: 0, first: 3 },
    // Fewer than a screenful, and slices too long to end: never shown, the whole handed back.
    { files: 4, firstShow: 10, sliceMs: 60_000, first: undefined },
  ])('$files files, a screenful of $firstShow: first shown at $first', async (row) => {
    const files: Record<string, string> = {};
    for (let k = 0; k < row.files; k++) {
      files[`${String(k).padStart(2, '0')}.md`] = article(`Article ${k}`, {
        date: `2024-01-${String(k + 1).padStart(2, '0')}`,
      });
    }
    const dir = tempLibrary(files);
    age(dir);
    const seen: number[] = [];
    const library = await openLibrary([{ dir, required: true }], {
      cacheDir: join(tempDir(), 'cache'),
      pace: { sliceMs: row.sliceMs, showMs: 0 },
      firstShow: row.firstShow,
      onProgress: (_library, done) => {
        seen.push(done);
      },
    });
    expect(seen[0]).toBe(row.first);
    expect(library.articles).toHaveLength(row.files);
  });
});

describe('peekLibrary: the cache as it was, each article made as it is looked at', () => {
  it('behaves as the array it stands for', async () => {
    const { folders, cacheDir, open } = setUp();
    const opened = await open();
    const peeked = peekLibrary(folders, cacheDir)!;
    const lazy = peeked.library.articles;
    expect(lazy.length).toBe(opened.articles.length);
    expect(lazy[1]).toEqual(opened.articles[1]);
    expect(lazy.map((article) => article.id)).toEqual(opened.articles.map((a) => a.id));
    expect(lazy.filter(() => true)).toEqual(opened.articles);
    expect([...lazy]).toEqual(opened.articles);
    expect(lazy.slice(1, 2)).toEqual(opened.articles.slice(1, 2));
    expect(lazy.findIndex((article) => article.title === 'Gamma')).toBe(
      opened.articles.findIndex((article) => article.title === 'Gamma'),
    );
    expect(JSON.parse(JSON.stringify(lazy))).toEqual(JSON.parse(JSON.stringify(opened.articles)));
    expect(lazy[0]).toBe(lazy[0]);
    expect(peeked.library.warnings).toEqual(opened.warnings);
  });

  it('keeps nothing of the bytes it read: the buffer can go', async () => {
    const { folders, cacheDir, open } = setUp();
    await open();
    const key = JSON.stringify(folders.map(({ dir, required }) => [dir, required]));
    const file = cacheFileFor(cacheDir, key);
    const entries = (bytes: Buffer, spoil: boolean) => {
      const decoded = decodeCache(bytes, key);
      if (!decoded.ok) throw new Error(decoded.reason);
      if (spoil) bytes.fill(0);
      const { cache } = decoded;
      return Array.from({ length: cache.count }, (_, at) => cache.entry(at));
    };
    const expected = entries(readFileSync(file), false);
    expect(expected.filter((entry) => entry.meta === null)).toHaveLength(1);
    expect(entries(readFileSync(file), true)).toEqual(expected);
  });

  it('knows the columns of the list without measuring it', async () => {
    const { folders, cacheDir, open } = setUp();
    const opened = await open();
    const lazy = peekLibrary(folders, cacheDir)!.library.articles;
    for (const width of [40, 80, 120]) {
      expect(listRow(lazy, lazy[0]!, width, true)).toEqual(
        listRow(opened.articles, opened.articles[0]!, width, true),
      );
    }
    expect(measureList(lazy)).toEqual(measureList(opened.articles));
  });
});

describe('openLibrary: front matter beyond plain lines', () => {
  it('is read with the YAML parser, loaded then, and gives what loadLibrary gives', async () => {
    const dir = tempLibrary({
      'plain.md': '---\ntitle: Plain one\ntags: [a, b]\n---\nBody.\n',
      'yaml.md': '---\ntitle: YAML one\ntags:\n  - c\n  - d\n---\nBody.\n',
      'broken.md': '---\ntitle: Broken: colon\n---\nBody.\n',
    });
    age(dir);
    const folders = [{ dir, required: true }];
    const library = await openLibrary(folders, { cacheDir: join(tempDir(), 'cache') });
    const loaded = loadLibrary(folders);
    expect(library.articles).toEqual(loaded.articles);
    expect(library.warnings).toEqual(loaded.warnings);
    expect(library.articles.find((a) => a.title === 'YAML one')?.tags).toEqual(['c', 'd']);
    expect(library.warnings[0]?.message).toMatch(/not valid YAML/);
  });
});
