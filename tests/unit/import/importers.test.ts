import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { entriesOf, readSource } from '../../../src/library/import/read-source.js';
import type { ImportedArticle } from '../../../src/library/import/types.js';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../fixtures/import/${name}`, import.meta.url));

async function articlesOf(name: string): Promise<ImportedArticle[]> {
  const result = await readSource(fixture(name));
  return entriesOf(result).map((entry) => {
    if (!entry.ok) throw new Error(entry.reason);
    return entry.article;
  });
}

async function one(name: string): Promise<ImportedArticle> {
  const [article, ...rest] = await articlesOf(name);
  expect(rest).toEqual([]);
  return article!;
}

describe('text scrapes: headline, byline, date, body; page furniture dropped', () => {
  it.each([
    {
      file: 'scrape-by-name.txt',
      title: 'The Night the River Froze Over',
      author: 'Marta Lindqvist',
      date: '2024-03-03',
      first: 'The river had not frozen in living memory',
      last: 'The thaw, when it came, took a single afternoon.',
      paragraphs: 4,
      dropped: [
        'Skip to content',
        'A frozen river under a grey sky',
        'Photo:',
        'Share this',
        'Related',
        'ten walks',
      ],
    },
    {
      file: 'scrape-published.txt',
      title: 'Why Small Libraries Still Matter',
      author: null,
      date: '2022-06-12',
      first: 'Small public libraries',
      last: 'Funding decisions are due in the autumn.',
      paragraphs: 4,
      dropped: ['Published on', 'Posted in', 'Tags:', 'Leave a Reply'],
    },
    {
      file: 'scrape-no-byline.txt',
      title: 'Notes on Keeping Bees in a City',
      author: null,
      date: null,
      first: 'Urban beekeeping',
      last: 'Swarming in late spring is the moment city keepers dread most.',
      paragraphs: 4,
      dropped: [],
    },
  ])('$file', async ({ file, title, author, date, first, last, paragraphs, dropped }) => {
    const article = await one(file);
    expect(article).toMatchObject({ title, author, date });
    const blocks = article.body.split('\n\n');
    expect(blocks).toHaveLength(paragraphs);
    expect(blocks[0]).toMatch(new RegExp(`^${first}`));
    expect(blocks.at(-1)).toBe(last);
    for (const furniture of dropped) expect(article.body).not.toContain(furniture);
  });

  it('keeps a line that looks like Markdown as text', async () => {
    const article = await one('scrape-no-byline.txt');
    expect(article.body).toContain('\\# Not a heading');
  });
});

describe('Markdown files', () => {
  it.each([
    {
      file: 'with-front-matter.md',
      expected: {
        title: 'Letters From the Lighthouse',
        author: 'Ines Okafor, Tom Reyes',
        date: '2021-10-05',
        source: 'Coastal Quarterly',
        url: 'https://example.org/letters-from-the-lighthouse',
        tags: ['sea', 'letters'],
        body: 'The keeper wrote every Sunday, whatever the weather.',
      },
    },
    {
      file: 'note-with-heading.md',
      expected: {
        title: 'A Field Guide to Puddles',
        body: [
          'Some preamble before the heading is unusual, but allowed.',
          'Puddles come in three kinds: shallow, deep, and the kind you only learn about by stepping in them.',
          '## Shallow puddles',
          'They dry by noon.',
        ].join('\n\n'),
      },
    },
    {
      file: 'plain-note.md',
      expected: { title: 'plain note', author: null, date: null },
    },
  ])('$file', async ({ file, expected }) => {
    expect(await one(file)).toMatchObject(expected);
  });
});

describe('HTML pages', () => {
  it('decodes the declared character set and keeps the article, not the page', async () => {
    const article = await one('winter-trains.cp1250.html');
    expect(article).toMatchObject({
      author: 'Jiří Novák',
      source: 'Železniční zpravodaj',
      date: '2024-01-15T08:30:00+01:00',
      lang: 'cs',
      dir: null,
    });
    expect(article.title).toMatch(/^Zimní vlaky/);
    const { body } = article;
    expect(body).toMatch(/^Když napadne sníh/);
    expect(body).toContain('## Jak se připravují');
    expect(body).toMatch(/^- +kontrola výhybek$/m);
    expect(body).toContain('> Vlak, který nejede');
    expect(body).toContain('```\nodjezd 23:41, příjezd 05:12\n```');
    for (const gone of [
      'pwned',
      'color: red',
      'Skrytý',
      'Odebírat',
      'javascript:',
      'data:',
      'Domů',
      '©',
    ]) {
      expect(body).not.toContain(gone);
    }
    expect(body).toContain('Klikněte zde nebo'); // the unsafe link's text stays, as text
  });

  it('makes relative links absolute against the address it came from', async () => {
    const { importHtmlPage } = await import('../../../src/library/import/html-page.js');
    const { decodeText } = await import('../../../src/library/import/decode.js');
    const html = decodeText(readFileSync(fixture('winter-trains.cp1250.html')));
    const article = importHtmlPage(html, 'https://vlaky.example.org/zpravy/zima');
    expect(article.body).toContain('[loňskou zprávu](https://vlaky.example.org/archiv/2023)');
    expect(article.url).toBe('https://vlaky.example.org/zpravy/zima');
  });

  it('keeps right-to-left text in logical order and records its direction', async () => {
    const article = await one('rtl-page.html');
    expect(article).toMatchObject({ title: 'מכתב מהנמל', lang: 'he', dir: 'rtl' });
    expect(article.body.split('\n\n')).toHaveLength(3); // the headline is not repeated in the body
    expect(article.body).toMatch(/^הספינות נכנסו/);
  });
});

describe('feeds: one article per entry', () => {
  it('RSS 2.0: full content over the summary, feed title as source, dates in ISO 8601', async () => {
    const [garlic, leeks, untitled] = await articlesOf('garden.rss');
    expect(garlic).toMatchObject({
      title: 'Planting garlic before the frost',
      author: 'Priya Shah',
      date: '2023-10-10T08:15:00Z',
      source: 'The Allotment & Garden',
      url: 'https://garden.example.org/posts/garlic',
      lang: 'en-gb',
      tags: ['autumn'],
    });
    expect(garlic!.body).toContain('[two knuckles deep](https://garden.example.org/posts/depth)');
    expect(garlic!.body).not.toContain('summary');
    expect(garlic!.body).not.toContain('alert');
    expect(leeks).toMatchObject({
      title: 'Leeks and patience',
      body: 'Leeks take all summer, and then some.',
    });
    expect(untitled!.title).toMatch(/^An entry with no title/);
  });

  it('RSS 1.0 (RDF)', async () => {
    expect(await articlesOf('station.rdf')).toMatchObject([
      {
        title: 'Fog until noon',
        author: 'Night shift',
        date: '2020-02-02T12:00:00Z',
        source: 'Weather Station Log',
        url: 'https://station.example.org/log/2020-02-02',
      },
    ]);
  });

  it('Atom: HTML titles as text, relative links against the feed, the summary when there is no content', async () => {
    expect(await articlesOf('workshop.atom')).toMatchObject([
      {
        title: 'Hobel & Säge',
        author: 'Anna Berger',
        date: '2022-05-01T08:00:00+02:00',
        source: 'Werkstatt-Notizen',
        url: 'https://werkstatt.example.org/beitrag/hobel',
        lang: 'de',
        body: 'Ein scharfer Hobel spart mehr Zeit als jede Maschine.\n\n> Erst schärfen, dann arbeiten.',
      },
      {
        title: 'Nur eine Zusammenfassung',
        date: '2022-04-20T10:00:00Z',
        body: 'Dieser Eintrag hat keinen vollen Text.',
      },
    ]);
  });

  it('JSON Feed', async () => {
    expect(await articlesOf('kitchen.json')).toMatchObject([
      {
        title: "Soupe à l'oignon",
        author: 'Claire Dubois',
        date: '2019-11-20T19:30:00+01:00',
        source: 'Small Kitchen',
        lang: 'fr',
        tags: ['soupe', 'hiver'],
        body: 'Il faut du temps : une heure pour les oignons, pas moins.',
      },
      { title: 'Pain du dimanche', body: 'Une pâte simple, qui lève pendant la nuit.' },
    ]);
  });

  it('a malformed feed fails with a one-line reason', async () => {
    await expect(readSource(fixture('broken.rss'))).rejects.toThrow(
      /^not a feed that can be read \([^\n]+\)$/,
    );
  });
});

describe('sources that cannot be read', () => {
  it.each([
    { source: fixture('no-such-file.txt'), reason: 'no such file' },
    { source: fixture(''), reason: 'a folder, not a file' },
    {
      source: 'ftp://example.org/feed.xml',
      reason: 'only http and https addresses can be fetched',
    },
    { source: '-', reason: 'no standard input to read' },
  ])('$reason', async ({ source, reason }) => {
    await expect(readSource(source)).rejects.toThrow(reason);
  });

  it('reads standard input, sniffing what it is', async () => {
    const stdin = async () =>
      new TextEncoder().encode(readFileSync(fixture('workshop.atom'), 'utf8'));
    const result = await readSource('-', { stdin });
    expect(result.kind).toBe('feed');
    expect(result.count).toBe(2);
  });
});

describe('text scrapes: more shapes of header', () => {
  const body =
    'The first real paragraph of this article has well over ten words in it, as articles do.';
  it.each([
    {
      shape: 'byline and date on lines of their own',
      header: 'By Ann Lee\n\nMarch 3, 2024',
      author: 'Ann Lee',
      date: '2024-03-03',
    },
    {
      shape: 'posted on DATE by NAME',
      header: 'Posted on 5 May 2021 by Tom Reyes',
      author: 'Tom Reyes',
      date: '2021-05-05',
    },
    {
      shape: 'Author: NAME',
      header: 'Author: Ines Okafor\n\nUpdated: 2020-02-02',
      author: 'Ines Okafor',
      date: '2020-02-02',
    },
    {
      shape: 'two authors',
      header: 'By Ann Lee and Tom Reyes | Jan 9, 2019',
      author: 'Ann Lee, Tom Reyes',
      date: '2019-01-09',
    },
    { shape: 'nothing but the headline', header: '', author: null, date: null },
  ])('$shape', async ({ header, author, date }) => {
    const { importTextScrape } = await import('../../../src/library/import/text-scrape.js');
    const text = ['A Headline of Some Length', header, body, 'Related Articles', 'More links'].join(
      '\n\n',
    );
    const article = importTextScrape(text, null);
    expect(article).toMatchObject({ title: 'A Headline of Some Length', author, date, body });
  });

  it('titles a scrape without a headline from its file name', async () => {
    const { importTextScrape } = await import('../../../src/library/import/text-scrape.js');
    expect(importTextScrape(body, 'river-notes.txt').title).toBe('river notes');
  });
});
