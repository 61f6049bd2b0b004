import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/library/load.js';
import { startSearcher, type LibrarySearcher } from '../../src/library/searcher.js';
import { articleText, tempDir, tempLibrary } from '../helpers/temp-library.js';

const CONTENT = fileURLToPath(new URL('../../content/', import.meta.url));
const WORKER = new URL('../../dist/search-worker.js', import.meta.url);
const SEED_ID = '2023-09-13-russias-putin-and-n-koreas-kim-hold-talks';
const { articles } = loadLibrary([{ dir: CONTENT, required: true }]);

const started: LibrarySearcher[] = [];
afterAll(() => started.forEach((searcher) => searcher.close()));

describe.each([
  { where: 'worker', workerUrl: WORKER },
  { where: 'in-process', workerUrl: null },
])('startSearcher ($where)', ({ where, workerUrl }) => {
  it('answers a query asked before the index is ready, once it is', async () => {
    const searcher = startSearcher(articles, { workerUrl, indexFile: null });
    started.push(searcher);
    const answer = await searcher.search('sovreignty');
    expect(answer).toMatchObject({ ok: true, hits: [{ id: SEED_ID, terms: ['sovereignty'] }] });
    expect(await searcher.ready).toMatchObject({ articles: articles.length, where });
  });

  it('answers in the order asked, blank queries at once, bad ones with a hint', async () => {
    const searcher = startSearcher(articles, { workerUrl, indexFile: null });
    started.push(searcher);
    const answers = await Promise.all([
      searcher.search('hegemonik'),
      searcher.search('  '),
      searcher.search('| putin'),
      searcher.search('inkwell', 1),
    ]);
    expect(answers[0]).toMatchObject({ ok: true, hits: [{ id: SEED_ID }] });
    expect(answers[1]).toEqual({ ok: true, hits: [] });
    expect(answers[2]).toMatchObject({ ok: false, error: expect.stringContaining('|') });
    expect(answers[3]).toMatchObject({ ok: true, hits: [{}], total: 3 });
  });

  it('answers after close with an error, never a rejection', async () => {
    const searcher = startSearcher(articles, { workerUrl, indexFile: null });
    searcher.close();
    await expect(searcher.search('putin')).resolves.toMatchObject({ ok: false });
  });
});

describe('startSearcher when its worker dies', () => {
  it.each([
    { name: 'it ends', script: 'process.exit(3)' },
    { name: 'it throws', script: 'throw new Error("broken")' },
  ])('answers from an index built in process when $name', async ({ script }) => {
    const workerUrl = new URL(`data:text/javascript,${encodeURIComponent(script)}`);
    const searcher = startSearcher(articles, { workerUrl, indexFile: null });
    started.push(searcher);
    const answer = await searcher.search('spaceprot');
    expect(answer).toMatchObject({ ok: true, hits: [{ id: SEED_ID }] });
    expect(await searcher.ready).toMatchObject({ where: 'in-process' });
  });
});

describe.each([
  { where: 'worker', workerUrl: WORKER },
  { where: 'in-process', workerUrl: null },
])('startSearcher with a saved index ($where)', ({ workerUrl }) => {
  it('saves the index, reads it back at the next start, and takes changes while it runs', async () => {
    const indexFile = join(tempDir(), 'cache', 'search-index.bin');
    const first = startSearcher(articles, { workerUrl, indexFile });
    started.push(first);
    expect(await first.ready).toMatchObject({ reused: 0, indexed: articles.length });
    expect(await first.saved).toBeNull();
    first.close();

    const second = startSearcher(articles, { workerUrl, indexFile });
    started.push(second);
    expect(await second.ready).toMatchObject({ reused: articles.length, indexed: 0 });
    const dir = tempLibrary({
      'watched.md': articleText({ title: 'Watched' }, 'A solitary okapi.'),
    });
    const path = join(dir, 'watched.md');
    second.update({
      upsert: [{ id: 'watched', title: 'Watched', author: null, source: null, tags: [], path }],
      remove: [SEED_ID],
    });
    expect(await second.search('okapi')).toMatchObject({ ok: true, hits: [{ id: 'watched' }] });
    expect(await second.search('sovreignty')).toMatchObject({ ok: true, hits: [] });
  });
});
