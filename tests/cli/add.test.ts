// `inkwell add` against the built binary, with web sources on a server on 127.0.0.1.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { localServer, serve } from '../helpers/http-server.js';
import { runCli, runCliAsync } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-library.js';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));
const read = (name: string) => readFileSync(fixture(name));

interface Report {
  added: { id: string; title: string; path: string }[];
  updated: { id: string; title: string; path: string }[];
  skipped: { id: string; title: string; path: string; reason: string }[];
  failed: { source: string; reason: string }[];
}

const base = await localServer({
  '/page': serve(read('rtl-page.html'), 'text/html; charset=utf-8'),
  '/legacy': serve(read('winter-trains.cp1250.html'), 'text/html'),
  '/feed': serve(read('workshop.atom'), 'application/atom+xml'),
  '/feed-as-html': serve(read('garden.rss'), 'text/html'),
  '/json-feed': serve(read('kitchen.json'), 'application/json'),
  '/note': serve(read('scrape-by-name.txt'), 'text/plain; charset=utf-8'),
  '/missing': serve('gone', 'text/plain', 404),
  '/big': serve('x'.repeat(64), 'text/plain'),
  '/redirect/1': (_req, res) => void res.writeHead(302, { location: '/page' }).end(),
  ...Object.fromEntries(
    Array.from({ length: 6 }, (_, n) => [
      `/loop/${n}`,
      (_req: unknown, res: import('node:http').ServerResponse) =>
        void res.writeHead(301, { location: `/loop/${n + 1}` }).end(),
    ]),
  ),
  '/to-file': (_req, res) => void res.writeHead(302, { location: 'file:///etc/passwd' }).end(),
  '/slow': () => undefined, // never answers
  '/hostile': serve(
    '<html><head><title>Safe \x1b]0;owned\x07title\x1b[2J</title></head><body><article>' +
      '<p>A paragraph long enough to be the article, with a bell \x07 and a \u202e reversal in it, ' +
      'and more words so that Readability takes it for the article it is.</p>' +
      '<p>A second paragraph of the same article, written plainly, with nothing odd in it at all.</p>' +
      '</article></body></html>',
    'text/html',
  ),
});

describe('inkwell add', () => {
  it('imports files of every kind, reports them, and the library lists them', async () => {
    const home = tempDir();
    const result = await runCliAsync(
      [
        'add',
        '--json',
        fixture('scrape-by-name.txt'),
        fixture('with-front-matter.md'),
        fixture('workshop.atom'),
      ],
      { home },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.added.map((entry) => entry.title)).toEqual([
      'The Night the River Froze Over',
      'Letters From the Lighthouse',
      'Hobel & Säge',
      'Nur eine Zusammenfassung',
    ]);
    expect(report).toMatchObject({ updated: [], skipped: [], failed: [] });
    for (const entry of report.added)
      expect(entry.path).toBe(join(home, 'articles', `${entry.id}.md`));
    const listed = runCli(['list', '--json'], {}, home).stdout;
    for (const entry of report.added) expect(listed).toContain(entry.id);
  });

  it('importing again updates in place: same ids, no duplicates', async () => {
    const home = tempDir();
    const first = JSON.parse(
      (await runCliAsync(['add', '--json', fixture('garden.rss')], { home })).stdout,
    ) as Report;
    const again = JSON.parse(
      (await runCliAsync(['add', '--json', fixture('garden.rss')], { home })).stdout,
    ) as Report;
    expect(again.added).toEqual([]);
    expect(again.updated.map((entry) => entry.id)).toEqual(first.added.map((entry) => entry.id));
    expect(readdirSync(join(home, 'articles'))).toHaveLength(first.added.length);
  });

  it('knows an article written into the folder by hand since the last run', async () => {
    const home = tempDir();
    // The first import leaves a library cache behind; the file written after it must still be seen.
    await runCliAsync(['add', '--json', fixture('garden.rss')], { home });
    const url = `${base}/page`;
    writeFileSync(
      join(home, 'articles', 'by-hand.md'),
      `---\ntitle: Written by hand\nurl: ${url}\n---\nMy own notes.\n`,
    );
    const report = JSON.parse(
      (await runCliAsync(['add', '--json', url], { home })).stdout,
    ) as Report;
    expect(report.added).toEqual([]);
    expect(report.skipped.map((entry) => entry.id)).toEqual(['by-hand']);
    expect(readFileSync(join(home, 'articles', 'by-hand.md'), 'utf8')).toContain('My own notes.');
  });

  it('says when it leaves an edited file alone, and --force replaces it', async () => {
    const home = tempDir();
    const [added] = (
      JSON.parse(
        (await runCliAsync(['add', '--json', fixture('station.rdf')], { home })).stdout,
      ) as Report
    ).added;
    writeFileSync(added!.path, readFileSync(added!.path, 'utf8') + '\nMy own note.\n');
    const kept = await runCliAsync(['add', fixture('station.rdf')], { home });
    expect(kept.status).toBe(0);
    expect(kept.stderr).toMatch(
      /not replaced: .*edited since it was imported \(--force replaces it\)/,
    );
    expect(readFileSync(added!.path, 'utf8')).toContain('My own note.');
    const forced = await runCliAsync(['add', '--force', fixture('station.rdf')], { home });
    expect(forced.stdout).toMatch(/^updated +2020-02-02-fog-until-noon +Fog until noon$/m);
    expect(readFileSync(added!.path, 'utf8')).not.toContain('My own note.');
  });

  it('reports each failed source with its reason, goes on, and exits 1', async () => {
    const home = tempDir();
    const result = await runCliAsync(
      ['add', fixture('broken.rss'), fixture('nothing-here.md'), fixture('plain-note.md')],
      { home },
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^added +plain-note +plain note$/m);
    expect(result.stderr.split('\n').filter(Boolean)).toEqual([
      `inkwell: ${fixture('broken.rss')}: not a feed that can be read (invalid feed format)`,
      `inkwell: ${fixture('nothing-here.md')}: no such file`,
    ]);
  });

  it('reads one source from standard input', async () => {
    const home = tempDir();
    const result = await runCliAsync(['add', '-'], {
      home,
      input: read('kitchen.json').toString(),
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^added +2019-11-20-soupe-à-loignon +Soupe à l'oignon$/m);
  });

  it.each([
    { path: '/page', title: 'מכתב מהנמל', kind: 'an HTML page' },
    {
      path: '/legacy',
      title: 'Zimní vlaky | Železniční zpravodaj',
      kind: 'a page in windows-1250',
    },
    { path: '/feed', title: 'Hobel & Säge', kind: 'an Atom feed' },
    {
      path: '/feed-as-html',
      title: 'Planting garlic before the frost',
      kind: 'RSS served as text/html',
    },
    {
      path: '/json-feed',
      title: "Soupe à l'oignon",
      kind: 'a JSON Feed served as application/json',
    },
    { path: '/note', title: 'The Night the River Froze Over', kind: 'a text scrape' },
    { path: '/redirect/1', title: 'מכתב מהנמל', kind: 'a redirect' },
  ])('fetches $kind', async ({ path, title }) => {
    const home = tempDir();
    const result = await runCliAsync(['add', '--json', `${base}${path}`], { home });
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as Report;
    expect(report.added[0]!.title).toBe(title);
  });

  it('keeps the address of a fetched page as its url', async () => {
    const home = tempDir();
    await runCliAsync(['add', `${base}/redirect/1`], { home });
    const [article] = JSON.parse(runCli(['list', '--json'], {}, home).stdout).filter(
      (entry: { path: string }) => entry.path.startsWith(home),
    );
    expect(article.url).toBe(`${base}/page`);
  });

  it.each([
    { path: '/missing', reason: 'the server answered 404 Not Found' },
    { path: '/loop/0', reason: 'more than 5 redirects' },
    { path: '/to-file', reason: 'redirected to a file: address' },
    { path: '/slow', reason: 'no answer within 1 s', args: ['--timeout', '1'] },
  ])('$reason', async ({ path, reason, args = [] }) => {
    const result = await runCliAsync(['add', ...args, `${base}${path}`]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`inkwell: ${base}${path}: ${reason}\n`);
  });

  it('lets nothing from a page act on the terminal, in its messages or its file', async () => {
    const home = tempDir();
    const result = await runCliAsync(['add', `${base}/hostile`], { home });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^added +\S+ +Safe title$/m);
    const [file] = readdirSync(join(home, 'articles'));
    const text = readFileSync(join(home, 'articles', file!), 'utf8');
    for (const output of [result.stdout, result.stderr, text]) {
      expect(output).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
    }
  });

  it('refuses a bad --timeout as a usage error', () => {
    const result = runCli(['add', '--timeout', 'soon', 'x']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--timeout must be a number of seconds/);
  });

  it('needs a source', () => {
    const result = runCli(['add']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/add needs a file, an http\(s\) address or -/);
  });
});
