// Real web pages (../shared/corpus/pages) through the HTML importer, against what Readability's own test
// suite expects of them: title, byline, language, direction, date, and the paragraphs in reading order.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeText } from '../../src/library/import/decode.js';
import { importHtmlPage } from '../../src/library/import/html-page.js';

const PAGES = fileURLToPath(new URL('../../../shared/corpus/pages/', import.meta.url));
const present = existsSync(PAGES);
if (!present) console.warn(`skipping the corpus page tests: ${PAGES} is not there`);
const names = present
  ? readdirSync(PAGES)
      .filter((name) => /^[^.]+\.html$/.test(name))
      .map((name) => name.slice(0, -'.html'.length))
  : [];

interface Expected {
  title: string;
  byline: string | null;
  lang?: string | null;
  dir?: string | null;
  publishedTime?: string | null;
}

const spaced = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim() || null;
/** Letters and digits only: Markdown escapes and link targets do not count against a paragraph. */
const letters = (text: string) => text.replace(/[^\p{L}\p{N}]+/gu, '').toLowerCase();

/** The share of the expected paragraphs found in the body, each after the one before. */
function paragraphsInOrder(expectedHtml: string, body: string): number {
  const { document } = parseHTML(`<!doctype html><html><body>${expectedHtml}</body></html>`);
  // Image captions are left out on purpose: without the image they read as stray lines.
  const paragraphs = [...document.querySelectorAll('p')]
    .filter((p) => !p.closest('figcaption'))
    .map((p) => letters(p.textContent ?? ''))
    .filter((text) => text.length >= 20);
  const text = letters(body.replace(/\]\([^)]*\)/g, ']'));
  let from = 0;
  let found = 0;
  for (const paragraph of paragraphs) {
    const at = text.indexOf(paragraph, from);
    if (at < 0) continue;
    found++;
    from = at + paragraph.length;
  }
  return paragraphs.length ? found / paragraphs.length : 1;
}

const tally = { pages: 0, title: 0, byline: 0, lang: 0, dir: 0, date: 0, dated: 0, paragraphs: 0 };
afterAll(() => {
  if (!present) return;
  const rate = (n: number, of = tally.pages) => `${n}/${of}`;
  console.log(
    `corpus pages: title ${rate(tally.title)}, byline ${rate(tally.byline)}, lang ${rate(tally.lang)}, ` +
      `dir ${rate(tally.dir)}, date ${rate(tally.date, tally.dated)} (of pages with one), ` +
      `paragraphs in order (≥ 95%) ${rate(tally.paragraphs)}`,
  );
});

describe.skipIf(!present)('corpus pages import as Readability expects', () => {
  it.each(names)('%s', (name) => {
    const expected = JSON.parse(readFileSync(`${PAGES}${name}.expected.json`, 'utf8')) as Expected;
    const html = decodeText(readFileSync(`${PAGES}${name}.html`));
    const article = importHtmlPage(html, `https://example.org/${name}`);
    tally.pages++;
    const agrees = {
      title: spaced(article.title) === spaced(expected.title),
      // The author is stored without Readability's leading "By ".
      byline: spaced(article.author) === (spaced(expected.byline)?.replace(/^by /i, '') ?? null),
      lang: (article.lang ?? null) === (expected.lang ?? null),
      dir: (article.dir ?? null) === (expected.dir ?? null),
    };
    for (const field of ['title', 'byline', 'lang', 'dir'] as const)
      if (agrees[field]) tally[field]++;
    if (expected.publishedTime) {
      tally.dated++;
      if (
        article.date &&
        Date.parse(article.date) === Date.parse(expected.publishedTime.replace(' ', 'T'))
      ) {
        tally.date++;
      }
    }
    const share = paragraphsInOrder(
      readFileSync(`${PAGES}${name}.expected.html`, 'utf8'),
      article.body,
    );
    if (share >= 0.95) tally.paragraphs++;
    expect(agrees).toEqual({ title: true, byline: true, lang: true, dir: true });
    expect(share).toBeGreaterThanOrEqual(0.95);
    expect(article.body).not.toMatch(/<script|<style|javascript:/i);
  });
});
