// The bundled seed article against the web page it was taken from (../shared/seed, beside the project).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-library.js';

const SEED = fileURLToPath(
  new URL('../../../shared/seed/000_11603c5c69428a9e.txt', import.meta.url),
);
const SEED_ID = '2023-09-13-russias-putin-and-n-koreas-kim-hold-talks';
const present = existsSync(SEED);
if (!present) console.warn(`skipping the seed article tests: ${SEED} is not there`);

/** The page's paragraphs, as the scrape has them. */
const pageParagraphs = () =>
  readFileSync(SEED, 'utf8')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);

describe.skipIf(!present)('the seed article', () => {
  const article = JSON.parse(runCli(['show', SEED_ID, '--json']).stdout) as {
    title: string;
    body: string;
    bio: string;
  };
  const printed = runCli(['show', SEED_ID, '--width', '60']).stdout;
  /** What a reader sees, with line breaks made spaces again. */
  const unwrapped = printed.replace(/\n(?!\n)/g, ' ').replace(/\u00a0/g, ' ');

  it('keeps the title exactly', () => {
    expect(article.title).toBe(pageParagraphs()[0]);
  });

  it('keeps every body paragraph exactly, in order, in the file and on the screen', () => {
    const paragraphs = pageParagraphs();
    const first = paragraphs.findIndex((paragraph) =>
      paragraph.startsWith('North Korean Supreme Leader'),
    );
    const about = paragraphs.indexOf('About Kyle Anzalone');
    const body = paragraphs.slice(first, about);
    expect(body.length).toBeGreaterThan(8);
    expect(article.body.trim().split('\n\n')).toEqual(body);
    let from = 0;
    for (const paragraph of body) {
      const at = unwrapped.indexOf(paragraph, from);
      expect(at, paragraph.slice(0, 40)).toBeGreaterThanOrEqual(from);
      from = at + paragraph.length;
    }
  });

  it('keeps the bio', () => {
    const paragraphs = pageParagraphs();
    expect(article.bio).toBe(paragraphs[paragraphs.indexOf('About Kyle Anzalone') + 1]);
    expect(unwrapped).toContain(article.bio);
  });

  it('leaves out the page furniture', () => {
    for (const furniture of [
      'by | Sep 13, 2023',
      'kim putin',
      'Our Books',
      'libertarian inst books',
      'Related Articles',
      'Pin It on Pinterest',
      'Share This',
      'About Kyle Anzalone',
    ]) {
      expect(article.body).not.toContain(furniture);
      expect(unwrapped).not.toContain(furniture);
    }
    expect(unwrapped.split(article.title)).toHaveLength(2); // the headline once
  });
});

describe.skipIf(!present)('importing the seed page', () => {
  const home = tempDir();
  const report = JSON.parse(runCli(['add', '--json', SEED], {}, home).stdout) as {
    added: { id: string; path: string }[];
  };
  const [added] = report.added;
  const show = (id: string) =>
    JSON.parse(runCli(['show', id, '--json'], {}, home).stdout) as Record<string, unknown>;

  it('gives the article that content/ holds: title, author, date, source, bio and paragraphs', () => {
    expect(added).toBeDefined();
    const imported = show(added!.id);
    const bundled = show(SEED_ID);
    for (const field of ['title', 'author', 'date', 'source', 'bio'] as const) {
      expect(imported[field], field).toBe(bundled[field]);
    }
    const paragraphs = (body: unknown) => String(body).trim().split('\n\n');
    expect(paragraphs(imported.body)).toEqual(paragraphs(bundled.body));
  });

  it('goes into the user library beside the bundled copy, under an id of its own', () => {
    expect(added!.path.startsWith(home)).toBe(true);
    expect(added!.id).not.toBe(SEED_ID);
  });
});
