// Real feeds (../shared/corpus/feeds) through the feed importer: every entry of a good feed becomes an
// article; the malformed ones fail with a one-line reason.
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { entriesOf, readSource } from '../../src/library/import/read-source.js';

const FEEDS = fileURLToPath(new URL('../../../shared/corpus/feeds/', import.meta.url));
const present = existsSync(FEEDS);
if (!present) console.warn(`skipping the corpus feed tests: ${FEEDS} is not there`);
const MALFORMED = new Set(['unrecognized.rss', 'incomplete-fields.atom']);
const names = present ? readdirSync(FEEDS).filter((name) => !MALFORMED.has(name)) : [];

/** How many entries each feed holds, counted by hand from the files. */
const ENTRIES: Record<string, number> = {
  'content-encoded.rss': 7,
  'craigslist.rss': 25,
  'encoding.rss': 40,
  'feedburner.atom': 25,
  'guardian.rss': 55,
  'heise.atom': 15,
  'narro.rss': 1,
  'reddit.rss': 24,
  'uolNoticias.rss': 15,
};

const tally = { feeds: 0, entries: 0, dated: 0, linked: 0 };
afterAll(() => {
  if (present)
    console.log(
      `corpus feeds: ${tally.feeds} feeds, ${tally.entries} entries, ${tally.dated} with a date, ${tally.linked} with a link`,
    );
});

describe.skipIf(!present)('corpus feeds', () => {
  it.each(names)('%s imports every entry', async (name) => {
    const result = await readSource(`${FEEDS}${name}`);
    expect(result.kind).toBe('feed');
    const articles = entriesOf(result).map((entry) => (entry.ok ? entry.article : entry.reason));
    expect(articles).toHaveLength(ENTRIES[name] ?? -1);
    tally.feeds++;
    for (const article of articles) {
      if (typeof article === 'string') throw new Error(article);
      tally.entries++;
      if (article.date) tally.dated++;
      if (article.url) tally.linked++;
      expect(article.title.trim()).not.toBe('');
      expect(article.title).not.toMatch(/[<>]|&\w+;|\ufffd/);
      expect(article.source).toBe(result.feedTitle);
      expect(article.body).not.toMatch(/<script|javascript:/i);
    }
  });

  it.each([...MALFORMED])('%s fails with a one-line reason', async (name) => {
    const error = await readSource(`${FEEDS}${name}`).then(
      () => undefined,
      (reason: Error) => reason,
    );
    expect(error?.message).toMatch(/^[^\n]+$/);
  });
});
