import {
  cpSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
  mkdirSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/core/search/build-index.js';
import { HEADER_BYTES } from '../../src/core/search/index-file.js';
import { mergeIndexes } from '../../src/core/search/merge-index.js';
import { searchIndex } from '../../src/core/search/search.js';
import { readIndexFile, writeIndexFile } from '../../src/library/index-store.js';
import { loadLibrary } from '../../src/library/load.js';
import { withBodies } from '../../src/library/open-article.js';
import { runSteps, SearchEngine } from '../../src/library/search-engine.js';
import { sourceOf } from '../../src/library/searcher.js';
import { articleText, tempDir } from '../helpers/temp-library.js';

/** The file's own prefix (magic, format, checksum, length), before the index's header. */
const PREFIX = 24;
const FIXTURES = fileURLToPath(new URL('../fixtures/search/', import.meta.url));
const QUERIES = [
  'launch',
  'communique',
  'spaceprot',
  'brooks lighthouse',
  "'omm",
  'port$',
  'author:brooks !rain',
  'tag:space',
  '東京',
  'author:ian | author:zoe',
  'r',
];

/** A copy of the fixture library, and a cache file beside it. */
function setUp() {
  const home = tempDir();
  const dir = join(home, 'library');
  cpSync(FIXTURES, dir, { recursive: true });
  return { dir, file: join(home, 'cache', 'search-index.bin') };
}

function sourcesOf(dir: string) {
  return loadLibrary([{ dir, required: true }]).articles.map(sourceOf);
}

function open(file: string | null, dir: string) {
  const engine = new SearchEngine(file);
  const stats = runSteps(engine.open(sourcesOf(dir)));
  return { engine, stats };
}

async function saved(file: string, dir: string) {
  const { engine } = open(file, dir);
  runSteps(engine.compact());
  expect(await engine.save()).toBeNull();
}

const answers = (engine: SearchEngine) => QUERIES.map((query) => engine.search(query));

describe('the saved search index', () => {
  it('is read back instead of built, and answers exactly as a new one', async () => {
    const { dir, file } = setUp();
    const fresh = buildIndex(withBodies(loadLibrary([{ dir, required: true }]).articles));
    await saved(file, dir);
    const { engine, stats } = open(file, dir);
    expect(stats).toMatchObject({ reused: 8, indexed: 0, cacheNote: null });
    expect(engine.indexes).toHaveLength(1);
    expect(answers(engine)).toEqual(QUERIES.map((query) => searchIndex(fresh, query)));
    expect(engine.needsSaving).toBe(false);
  });

  it('indexes only what was added or changed, leaves out what was removed, then saves it all', async () => {
    const { dir, file } = setUp();
    await saved(file, dir);
    // Changed: a new body (and a new time); removed; added.
    const changed = join(dir, 'tokyo-morning.md');
    writeFileSync(
      changed,
      readFileSync(changed, 'utf8').replace(/\n---\n[\s\S]*$/, '\n---\nA zeppelin over the bay.\n'),
    );
    utimesSync(changed, new Date(), new Date(Date.now() + 5000));
    rmSync(join(dir, 'launch-day.md'));
    writeFileSync(
      join(dir, 'new-arrival.md'),
      articleText({ title: 'A new arrival', date: '2030-01-01' }, 'The quokka came by boat.'),
    );
    const { engine, stats } = open(file, dir);
    expect(stats).toMatchObject({ reused: 6, indexed: 2, cacheNote: null });
    const ids = (query: string) => {
      const answer = engine.search(query);
      return answer.ok ? answer.hits.map((hit) => hit.id) : answer.error;
    };
    expect(ids('zeppelin')).toEqual(['tokyo-morning']);
    expect(ids('駅')).toEqual([]);
    expect(ids('quokka')).toEqual(['new-arrival']);
    expect(ids('hegemonic')).toEqual([]);
    expect(ids('launch')).toEqual([
      'cosmodrome-at-dawn',
      'rockets-and-cafes',
      'notes-from-the-garden',
    ]);
    const before = answers(engine);
    expect(runSteps(engine.compact())).toBe(true);
    expect(answers(engine)).toEqual(before);
    expect(await engine.save()).toBeNull();
    expect(open(file, dir).stats).toMatchObject({ reused: 8, indexed: 0 });
  });

  it('takes changes while it runs: added, changed, removed', () => {
    const { dir } = setUp();
    const { engine } = open(null, dir);
    const path = join(dir, 'watched.md');
    writeFileSync(path, articleText({ title: 'Watched' }, 'An ocelot.'));
    const watched = { id: 'watched', title: 'Watched', author: null, source: null, tags: [], path };
    engine.update({ upsert: [watched] });
    const first = engine.search('ocelot');
    expect(first.ok && first.hits.map((hit) => [hit.id, hit.snippet?.text])).toEqual([
      ['watched', 'An ocelot.'],
    ]);
    // Asked before the change, so that their rankings are remembered: the change must forget them.
    expect(engine.search('lighthouse')).toMatchObject({ total: 2 });
    const letter = engine.search('l');
    expect(letter.ok && letter.hits.map((hit) => hit.id)).toContain('twin-older');
    writeFileSync(path, articleText({ title: 'Watched' }, 'A pangolin.'));
    engine.update({ upsert: [watched], remove: ['twin-older'] });
    const again = engine.search('l');
    expect(again.ok && again.hits.map((hit) => hit.id)).not.toContain('twin-older');
    expect(engine.search('ocelot')).toMatchObject({ hits: [] });
    expect(engine.search('pangolin')).toMatchObject({ hits: [{ id: 'watched' }] });
    expect(engine.search('lighthouse')).toMatchObject({ hits: [{ id: 'twin-newer' }], total: 1 });
    const before = answers(engine);
    runSteps(engine.compact());
    expect(engine.indexes).toHaveLength(1);
    expect(answers(engine)).toEqual(before);
  });

  it.each([
    {
      name: 'a flipped byte',
      harm: (bytes: Buffer) => {
        bytes[bytes.length >> 1]! ^= 0xff;
        return bytes;
      },
      note: 'damaged',
    },
    {
      // The texts are read into a buffer apart from the postings: the checksum covers both.
      name: 'a flipped byte among the texts',
      harm: (bytes: Buffer) => {
        bytes[PREFIX + HEADER_BYTES + 3]! ^= 0xff;
        return bytes;
      },
      note: 'damaged',
    },
    {
      name: 'texts said to run past the end',
      harm: (bytes: Buffer) => {
        // The first section's length, in the header after the three counts.
        bytes.writeDoubleLE(bytes.length * 2, PREFIX + 3 * 8);
        return bytes;
      },
      note: 'cut short',
    },
    {
      name: 'a cut',
      harm: (bytes: Buffer) => bytes.subarray(0, bytes.length - 100),
      note: 'cut short',
    },
    { name: 'nothing left', harm: () => Buffer.alloc(0), note: 'cut short' },
    {
      name: 'another version',
      harm: (bytes: Buffer) => {
        bytes.writeUInt32LE(999, 8);
        return bytes;
      },
      note: 'from another version of inkwell',
    },
    { name: 'something else', harm: () => Buffer.from('x'.repeat(100)), note: 'not an index file' },
  ])('is rebuilt, never trusted, after $name', async ({ harm, note }) => {
    const { dir, file } = setUp();
    await saved(file, dir);
    writeFileSync(file, harm(readFileSync(file)));
    const { engine, stats } = open(file, dir);
    expect(stats).toMatchObject({ reused: 0, indexed: 8, cacheNote: note });
    expect(engine.search('spaceprot')).toMatchObject({ hits: [{ id: 'cosmodrome-at-dawn' }] });
    runSteps(engine.compact());
    expect(await engine.save()).toBeNull();
    expect(open(file, dir).stats).toMatchObject({ reused: 8, cacheNote: null });
  });

  it('is rebuilt when it cannot be read, and searching goes on when it cannot be written', async () => {
    const { dir, file } = setUp();
    // A folder where the file should be: unreadable and unwritable.
    mkdirSync(file, { recursive: true });
    const { engine, stats } = open(file, dir);
    expect(stats.indexed).toBe(8);
    expect(stats.cacheNote).toMatch(/unusable|unreadable/);
    expect(await engine.save()).toEqual(expect.any(String));
    expect(engine.search('launch')).toMatchObject({ ok: true, total: 4 });
  });

  it('stays whole when two processes write it at once', async () => {
    const { dir, file } = setUp();
    const index = buildIndex(withBodies(loadLibrary([{ dir, required: true }]).articles));
    const fingerprints = {
      sizes: new Float64Array(index.docs.length).fill(1),
      mtimes: new Float64Array(index.docs.length).fill(2),
    };
    mkdirSync(join(file, '..'), { recursive: true });
    const writes = await Promise.all(
      Array.from({ length: 4 }, () => writeIndexFile(file, index, fingerprints)),
    );
    expect(writes).toEqual([null, null, null, null]);
    const read = readIndexFile(file);
    expect(read.ok).toBe(true);
    expect(statSync(join(file, '..')).isDirectory()).toBe(true);
  });
});

describe('a large build', () => {
  it('indexed a part at a time and merged answers as one built at once', async () => {
    const { dir, file } = setUp();
    const fresh = buildIndex(withBodies(loadLibrary([{ dir, required: true }]).articles));
    const engine = new SearchEngine(file, 3);
    expect(runSteps(engine.open(sourcesOf(dir)))).toMatchObject({ indexed: 8 });
    expect(engine.indexes).toHaveLength(1);
    expect(answers(engine)).toEqual(QUERIES.map((query) => searchIndex(fresh, query)));
    expect(await engine.save()).toBeNull();
    expect(open(file, dir).stats).toMatchObject({ reused: 8 });
  });
});

describe('merging indexes', () => {
  it('answers as one index of the same articles, dropped ones left out', () => {
    const articles = withBodies(loadLibrary([{ dir: FIXTURES, required: true }]).articles);
    const whole = buildIndex(articles.filter((article) => article.id !== 'launch-day'));
    const first = buildIndex(articles.slice(0, 3));
    const second = buildIndex(articles.slice(3));
    const at = second.docs.findIndex((doc) => doc.id === 'launch-day');
    second.dropped = new Uint8Array(second.docs.length);
    second.dropped[at] = 1;
    const merged = mergeIndexes([first, second]);
    for (const query of QUERIES) {
      expect(searchIndex(merged, query), query).toEqual(searchIndex(whole, query));
    }
  });
});
