import { readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { addFromReader, expandHome, progressBar, progressText } from '../../../src/commands/add.js';
import { fetchSource } from '../../../src/library/import/fetch-source.js';
import { localServer, serve } from '../../helpers/http-server.js';
import { tempDir } from '../../helpers/temp-library.js';

const FEED = fileURLToPath(new URL('../../fixtures/import/garden.rss', import.meta.url));

const base = await localServer({
  '/small': serve('x'.repeat(100), 'text/plain'),
  '/chunked': (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain' });
    for (let n = 0; n < 20; n++) response.write('y'.repeat(100));
    response.end();
  },
});
const limits = { timeoutMs: 5000, maxBytes: 1000, maxRedirects: 5 };

describe('fetchSource: the size limit', () => {
  it('takes a body within the limit and reports progress', async () => {
    const seen: number[] = [];
    const fetched = await fetchSource(`${base}/small`, limits, (received) => seen.push(received));
    expect(fetched.bytes).toHaveLength(100);
    expect(fetched.contentType).toBe('text/plain');
    expect(seen.at(-1)).toBe(100);
  });

  it('refuses a body over the limit, declared or not', async () => {
    await expect(fetchSource(`${base}/chunked`, limits)).rejects.toThrow('larger than 1000 bytes');
    await expect(fetchSource(`${base}/small`, { ...limits, maxBytes: 50 })).rejects.toThrow(
      /^larger than/,
    );
  });

  it('says why an address cannot be reached', async () => {
    // A port that was free a moment ago: nothing listens there now.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    await expect(fetchSource(`http://127.0.0.1:${port}/`, limits)).rejects.toThrow(
      /cannot be fetched \(ECONNREFUSED\)/,
    );
  });
});

describe('progress', () => {
  it.each([
    {
      progress: { phase: 'saving', source: 'f', done: 3, entries: 40 } as const,
      text: 'Saving 3 of 40…',
    },
    {
      progress: {
        phase: 'reading',
        source: 'u',
        index: 0,
        count: 1,
        received: 20480,
        total: null,
      } as const,
      text: 'Fetching… 20 KB',
    },
    { progress: { phase: 'reading', source: 'u', index: 0, count: 1 } as const, text: 'Reading…' },
  ])('$text', ({ progress, text }) => {
    expect(progressText(progress)).toBe(text);
  });

  it('draws a bar in place and clears it', () => {
    let written = '';
    const bar = progressBar((text) => (written += text), 10);
    bar.draw({ phase: 'saving', source: 'feed.rss', done: 5, entries: 10 });
    bar.draw({ phase: 'saving', source: 'feed.rss', done: 5, entries: 10 });
    bar.clear();
    expect(written).toBe('\r\x1b[2K[#####.....] 5/10 entries feed.rss\r\x1b[2K');
  });
});

describe('expandHome: what is typed into the prompt', () => {
  it.each([
    { typed: '~/saved/a.html', expected: '/home/me/saved/a.html' },
    { typed: '~', expected: '/home/me' },
    { typed: '~other/a.html', expected: '~other/a.html' },
    { typed: 'notes/~/a.md', expected: 'notes/~/a.md' },
    { typed: 'https://example.org/~me', expected: 'https://example.org/~me' },
  ])('$typed', ({ typed, expected }) => {
    expect(expandHome(typed, '/home/me')).toBe(expected);
  });
});

describe('addFromReader', () => {
  it('imports, reads the library again and names the article to select', async () => {
    const home = tempDir();
    const paths = { home, articles: `${home}/articles`, config: home, cache: `${home}/cache` };
    const progress: string[] = [];
    const result = await addFromReader(FEED, {
      paths,
      folders: [{ dir: paths.articles, required: false }],
      onProgress: (text) => progress.push(text),
    });
    expect(result.notice).toBe('3 added');
    expect(result.articles).toHaveLength(3);
    expect(result.id).toBe(
      readdirSync(paths.articles)
        .find((name) => name.includes('garlic'))
        ?.slice(0, -3),
    );
    expect(progress).toContain('Saving 3 of 3…');
    const failed = await addFromReader(`${home}/nothing.md`, {
      paths,
      folders: [{ dir: paths.articles, required: false }],
      onProgress: () => undefined,
    });
    expect(failed).toMatchObject({ id: null, notice: 'Not added: no such file' });
  });
});
