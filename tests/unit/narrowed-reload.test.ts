// A live reload looks again only at the folders the watcher named: the other folders' files are taken as
// the last open left them, unstat'ed, and what changed in the named ones is right.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openLibrary } from '../../src/library/library-cache.js';
import { loadLibrary } from '../../src/library/load.js';
import { age, ageFresh, articleText, tempDir, tempLibrary } from '../helpers/temp-library.js';

const article = (title: string, date: string) => articleText({ title, date });
const titles = (library: { articles: { title: string }[] }) => library.articles.map((a) => a.title);

/** A library of two folders (the top and sub/), opened once: what a reload starts from. */
async function opened() {
  const dir = tempLibrary({
    'a.md': article('Alpha', '2024-01-04'),
    'b.md': article('Beta', '2024-01-03'),
    'sub/c.md': article('Gamma', '2024-01-02'),
    'sub/d.md': article('Delta', '2024-01-01'),
  });
  age(dir, 120);
  const folders = [{ dir, required: true }];
  const cacheDir = join(tempDir(), 'cache');
  const first = await openLibrary(folders, { cacheDir });
  const reload = (changed: string[], known = first.known) =>
    openLibrary(folders, { cacheDir, known, changed: new Set(changed), writeLater: true });
  return { dir, sub: join(dir, 'sub'), folders, cacheDir, first, reload };
}

describe('openLibrary with the folders a watcher named', () => {
  it.each([
    {
      change: 'a file added',
      apply: (sub: string) => writeFileSync(join(sub, 'e.md'), article('Epsilon', '2025-01-01')),
      read: 1,
      expected: ['Epsilon', 'Alpha', 'Beta', 'Gamma', 'Delta'],
    },
    {
      change: 'a file changed',
      apply: (sub: string) =>
        writeFileSync(join(sub, 'c.md'), article('Gamma, edited', '2024-01-02')),
      read: 1,
      expected: ['Alpha', 'Beta', 'Gamma, edited', 'Delta'],
    },
    {
      change: 'a file removed',
      apply: (sub: string) => rmSync(join(sub, 'd.md')),
      read: 0,
      expected: ['Alpha', 'Beta', 'Gamma'],
    },
    {
      change: 'a folder added',
      apply: (sub: string) => {
        mkdirSync(join(sub, 'more'));
        writeFileSync(join(sub, 'more', 'f.md'), article('Phi', '2023-01-01'));
      },
      read: 1,
      expected: ['Alpha', 'Beta', 'Gamma', 'Delta', 'Phi'],
    },
  ])('$change in the folder named: right, and only it read', async ({ apply, read, expected }) => {
    const { sub, folders, reload } = await opened();
    apply(sub);
    ageFresh(sub);
    const after = await reload([sub]);
    expect(after.stats).toMatchObject({ cache: 'warm', read, changed: true });
    expect(titles(after)).toEqual(expected);
    expect(after.articles).toEqual(loadLibrary(folders).articles);
    // The next reload starts from this one's outcome, and finds nothing more to read.
    const again = await reload([sub], after.known);
    expect(again.stats).toMatchObject({ read: 0, changed: false });
    expect(titles(again)).toEqual(expected);
  });

  it.each([
    {
      change: 'changed',
      apply: (file: string) => writeFileSync(file, article('Gamma, edited', '2024-01-02')),
      expected: ['Alpha', 'Beta', 'Gamma, edited', 'Delta'],
    },
    {
      change: 'removed',
      apply: (file: string) => rmSync(file),
      expected: ['Alpha', 'Beta', 'Delta'],
    },
    {
      change: 'added',
      apply: (file: string) =>
        writeFileSync(file.replace('c.md', 'e.md'), article('Epsilon', '2025-01-01')),
      expected: ['Epsilon', 'Alpha', 'Beta', 'Gamma', 'Delta'],
    },
  ])(
    'a file $change, named alone: right, the other files of its folder unstat’ed',
    async ({ apply, expected }) => {
      const { sub, folders, reload } = await opened();
      const file = join(sub, 'c.md');
      // Delta changed too, unnamed: taken as it was (a watcher would have named it).
      writeFileSync(join(sub, 'd.md'), article('Delta, unseen', '2024-01-01'));
      apply(file);
      ageFresh(sub);
      const after = await reload([file, file.replace('c.md', 'e.md')]);
      expect(titles(after)).toEqual(expected);
      expect(after.articles).toEqual(
        loadLibrary(folders).articles.map((article) =>
          article.title === 'Delta, unseen' ? expect.objectContaining({ title: 'Delta' }) : article,
        ),
      );
    },
  );

  it('takes the files of a folder not named as they were, unstat’ed', async () => {
    const { dir, sub, reload, folders, cacheDir, first } = await opened();
    writeFileSync(join(dir, 'a.md'), article('Alpha, edited', '2024-01-04'));
    ageFresh(dir);
    // Only sub/ named: the change at the top is not looked for.
    const narrowed = await reload([sub]);
    expect(narrowed.stats).toMatchObject({ read: 0, changed: false });
    expect(titles(narrowed)[0]).toBe('Alpha');
    // Named, it is seen; and a full look (a start) sees it without any name.
    expect(titles(await reload([dir]))[0]).toBe('Alpha, edited');
    const full = await openLibrary(folders, { cacheDir, known: first.known });
    expect(titles(full)[0]).toBe('Alpha, edited');
  });

  it('sees a folder named that was removed', async () => {
    const { dir, sub, folders, reload } = await opened();
    rmSync(sub, { recursive: true });
    ageFresh(dir);
    const after = await reload([sub, dir]);
    expect(titles(after)).toEqual(['Alpha', 'Beta']);
    expect(after.articles).toEqual(loadLibrary(folders).articles);
  });
});

describe('the cache a reload writes a moment later', () => {
  it('is never written once a later open has written a newer one', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { sub, folders, cacheDir, reload } = await opened();
      const file = join(sub, 'c.md');
      writeFileSync(file, article('Gamma, edited', '2024-01-02'));
      ageFresh(sub);
      // Its write waits a moment.
      await reload([file]);
      writeFileSync(file, article('Gamma, again', '2024-01-02'));
      ageFresh(sub);
      // Written at once (a start).
      await openLibrary(folders, { cacheDir });
      vi.advanceTimersByTime(60_000);
      // The cache is the newer one: nothing to read again.
      const next = await openLibrary(folders, { cacheDir });
      expect(next.stats).toMatchObject({ cache: 'warm', read: 0 });
      expect(titles(next)).toContain('Gamma, again');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the order after a few files are read again', () => {
  it('is the order a whole settling gives, ties and clashes included', async () => {
    const dir = tempLibrary({
      'a.md': article('Same', '2024-01-01'),
      'b.md': article('Same', '2024-01-01'),
      'c.md': article('Other', '2024-01-01'),
      'd.md': article('Older', '2023-01-01'),
    });
    age(dir, 120);
    const folders = [{ dir, required: true }];
    const cacheDir = join(tempDir(), 'cache');
    let known = (await openLibrary(folders, { cacheDir })).known;
    const steps = [
      // A tie with b.md (same date and title): the walk's order decides, as in a whole sort.
      () =>
        writeFileSync(
          join(dir, 'a.md'),
          articleText({ title: 'Same', date: '2024-01-01', author: 'Someone' }),
        ),
      () => writeFileSync(join(dir, 'e.md'), article('Same', '2024-01-01')),
      // An id clash (e.md says it is d): the whole settling decides, and says so.
      () =>
        writeFileSync(
          join(dir, 'e.md'),
          articleText({ title: 'New', id: 'd', date: '2025-01-01' }),
        ),
      () => rmSync(join(dir, 'e.md')),
    ];
    for (const step of steps) {
      step();
      ageFresh(dir);
      const after = await openLibrary(folders, { cacheDir, known });
      const whole = loadLibrary(folders);
      expect(after.articles).toEqual(whole.articles);
      expect(after.warnings).toEqual(whole.warnings);
      known = after.known;
    }
  });
});
