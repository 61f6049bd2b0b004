import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bookmarkEntries } from '../../src/state/bookmark-list.js';
import { applyChange, emptyData, type Bookmark, type Change } from '../../src/state/data.js';
import { withLock } from '../../src/state/lock.js';
import { migrate } from '../../src/state/migrate.js';
import { parseTruncated } from '../../src/state/repair.js';
import { salvage, toFile } from '../../src/state/schema.js';
import { Store, StoreError } from '../../src/state/store.js';
import { makeArticle } from '../helpers/articles.js';
import { tempDir } from '../helpers/temp-library.js';

const AT = '2026-11-30T04:00:00.000Z';
const mark = (title: string): Bookmark => ({ title, url: null, bookmarkedAt: AT });
const add = (id: string, title = id): Change => ({ kind: 'bookmark', id, bookmark: mark(title) });
const fixedClock = () => new Date(AT);

function storeIn(dir = tempDir()): Store {
  return new Store(dir, fixedClock);
}

function fileOf(store: Store): Record<string, unknown> {
  return JSON.parse(readFileSync(store.path, 'utf8')) as Record<string, unknown>;
}

describe('changes', () => {
  it('bookmarks and removes, keeping other entries', () => {
    let data = applyChange(emptyData(), add('a'));
    data = applyChange(data, add('b'));
    data = applyChange(data, { kind: 'bookmark', id: 'a', bookmark: null });
    expect([...data.bookmarks.keys()]).toEqual(['b']);
  });

  it('keeps the first reading time', () => {
    let data = applyChange(emptyData(), { kind: 'read', id: 'a', at: AT });
    data = applyChange(data, { kind: 'read', id: 'a', at: '2030-01-01T00:00:00.000Z' });
    expect(data.read.get('a')).toBe(AT);
    data = applyChange(data, { kind: 'read', id: 'a', at: null });
    expect(data.read.has('a')).toBe(false);
  });
});

describe('the store', () => {
  it('starts empty, writes nothing until asked, and keeps what it is given', () => {
    const store = storeIn();
    expect(store.load().data.bookmarks.size).toBe(0);
    expect(existsSync(store.path)).toBe(false);
    store.update([add('a', 'First'), { kind: 'read', id: 'a', at: AT }]);
    const again = storeIn(store.dir).load().data;
    expect(again.bookmarks.get('a')).toEqual(mark('First'));
    expect(again.read.get('a')).toBe(AT);
    expect(fileOf(store).version).toBe(2);
  });

  it.each([
    'example.org/a.b.c',
    'https://example.org/page?x=1.2',
    'a.b',
    '__proto__',
    'constructor',
    '.leading',
  ])('keeps the id %j whole', (id) => {
    const store = storeIn();
    store.update([
      add(id),
      { kind: 'position', id, position: { block: 2, offset: 5, savedAt: AT } },
    ]);
    const data = storeIn(store.dir).load().data;
    expect([...data.bookmarks.keys()]).toEqual([id]);
    expect(data.positions.get(id)?.block).toBe(2);
    expect(Object.keys(fileOf(store).bookmarks as object)).toEqual([id]);
  });

  it('keeps a bookmark whose article is gone, with its title', () => {
    const store = storeIn();
    store.update([add('gone', 'A title to remember')]);
    expect(storeIn(store.dir).load().data.bookmarks.get('gone')?.title).toBe('A title to remember');
  });

  it('rejects a write that breaks the schema, and keeps the file as it was', () => {
    const store = storeIn();
    store.update([add('a')]);
    const bad: Change = { kind: 'setting', settings: { measure: 5 } };
    expect(() => store.update([bad])).toThrow(/schema/);
    expect(storeIn(store.dir).load().data.bookmarks.has('a')).toBe(true);
  });

  it('says why when the folder cannot be written', () => {
    const parent = tempDir();
    writeFileSync(join(parent, 'file'), 'not a folder');
    const store = storeIn(join(parent, 'file', 'config'));
    expect(() => store.update([add('a')])).toThrow(StoreError);
    expect(() => store.update([add('a')])).toThrow(/cannot write/);
  });
});

describe('recovery', () => {
  const valid = toFile(
    [add('a', 'Alpha'), add('b', 'Beta'), { kind: 'read', id: 'a', at: AT } as Change].reduce(
      applyChange,
      emptyData(),
    ),
  );
  const text = JSON.stringify(valid, null, '\t');

  it.each([
    { name: 'an empty file', content: '', bookmarks: [] as string[] },
    {
      name: 'a truncated file',
      content: text.slice(0, text.indexOf('"b"') + 20),
      bookmarks: ['a'],
    },
    {
      name: 'wrong types',
      content: JSON.stringify({
        ...valid,
        bookmarks: { ...valid.bookmarks, c: { title: 3, url: null, bookmarkedAt: AT } },
        read: 'everything',
        settings: { measure: 'wide', theme: 'light' },
      }),
      bookmarks: ['a', 'b'],
    },
    { name: 'not an object', content: '[1, 2, 3]', bookmarks: [] },
  ])('$name: moved aside, the valid part kept', ({ content, bookmarks }) => {
    const store = storeIn();
    mkdirSync(store.dir, { recursive: true });
    writeFileSync(store.path, content);
    const { data, recovery } = store.load();
    expect([...data.bookmarks.keys()]).toEqual(bookmarks);
    expect(recovery?.aside).toBe(`${store.path}.corrupt-2026-11-30T04-00-00-000Z`);
    expect(readFileSync(recovery!.aside, 'utf8')).toBe(content);
    // What was kept is written back, valid, and is read without a word next time.
    expect(storeIn(store.dir).load().recovery).toBeUndefined();
  });

  it('wrong types keep every valid setting', () => {
    const { data, dropped } = salvage({ ...valid, settings: { measure: 'wide', theme: 'light' } });
    expect(data.settings).toEqual({ measure: 80, theme: 'light', keys: {} });
    expect(dropped).toEqual(['settings: "measure"']);
  });

  it('repairs text cut anywhere without throwing', () => {
    for (let cut = 0; cut < text.length; cut += 7) {
      expect(() => salvage(parseTruncated(text.slice(0, cut)) ?? {})).not.toThrow();
    }
  });
});

describe('migration', () => {
  const version1 = { version: 1, bookmarks: ['a.b', 'c'], read: ['c', 42], width: 72 };

  it('takes version 1 to version 2', () => {
    const { file, from } = migrate(version1, AT);
    expect(from).toBe(1);
    const { data, dropped } = salvage(file);
    expect(dropped).toEqual([]);
    expect(data.bookmarks.get('a.b')).toEqual({ title: 'a.b', url: null, bookmarkedAt: AT });
    expect([...data.read.keys()]).toEqual(['c']);
    expect(data.settings.measure).toBe(72);
  });

  it('migrates the file on disk and keeps the old one beside it', () => {
    const store = storeIn();
    mkdirSync(store.dir, { recursive: true });
    writeFileSync(store.path, JSON.stringify(version1));
    const { data, recovery } = store.load();
    expect(recovery).toBeUndefined();
    expect(data.bookmarks.size).toBe(2);
    expect(fileOf(store).version).toBe(2);
    expect(JSON.parse(readFileSync(`${store.path}.version-1`, 'utf8'))).toEqual(version1);
  });

  it('leaves a current file alone', () => {
    const file = toFile(emptyData());
    expect(migrate(file, AT)).toEqual({ file, from: 2 });
  });
});

describe('the lock', () => {
  it('takes over a lock left by a process that died', () => {
    const dir = tempDir();
    const file = join(dir, 'config.json');
    mkdirSync(`${file}.lock`);
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${file}.lock`, old, old);
    expect(withLock(file, () => 'done')).toBe('done');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('the bookmarks list', () => {
  it('lists newest first, titles from the library, missing articles with their saved title', () => {
    const articles = [makeArticle({ id: 'here', title: 'Title now' })];
    const data = [
      {
        kind: 'bookmark',
        id: 'here',
        bookmark: { title: 'Title then', url: null, bookmarkedAt: '2026-01-02T00:00:00Z' },
      },
      {
        kind: 'bookmark',
        id: 'gone',
        bookmark: {
          title: 'Kept title',
          url: 'https://example.org/',
          bookmarkedAt: '2026-03-01T00:00:00Z',
        },
      },
    ].reduce((current, next) => applyChange(current, next as Change), emptyData());
    expect(
      bookmarkEntries(articles, data.bookmarks).map(({ id, title, missing }) => [
        id,
        title,
        missing,
      ]),
    ).toEqual([
      ['gone', 'Kept title', true],
      ['here', 'Title now', false],
    ]);
  });
});
