import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../../src/library/load.js';
import { withBodies } from '../../../src/library/open-article.js';
import {
  articleFile,
  isUnedited,
  LibraryWriter,
  slugFor,
  withoutUnsafeLinks,
} from '../../../src/library/import/store.js';
import { emptyArticle, type ImportedArticle } from '../../../src/library/import/types.js';
import { tempDir } from '../../helpers/temp-library.js';

function article(fields: Partial<ImportedArticle> = {}): ImportedArticle {
  return { ...emptyArticle('The Night the River Froze', 'The ice came in February.'), ...fields };
}

/** The library with bodies, as the reader opens it. */
const load = (dir: string) => {
  const library = loadLibrary([{ dir, required: true }]);
  return { ...library, articles: withBodies(library.articles) };
};

describe('slugFor', () => {
  it.each([
    {
      title: 'Russia’s Putin and N. Korea’s Kim Hold Talks, Seek to Form ‘Unbreakable Relations’',
      date: '2023-09-13',
      expected: '2023-09-13-russias-putin-and-n-koreas-kim-hold-talks',
    },
    {
      title: 'Soupe à l’oignon',
      date: '2019-11-20T19:30:00+01:00',
      expected: '2019-11-20-soupe-à-loignon',
    },
    { title: '欲張りなイヌ', date: null, expected: '欲張りなイヌ' },
    { title: '!!!', date: null, expected: 'article' },
  ])('$expected', ({ title, date, expected }) => {
    expect(slugFor(title, date)).toBe(expected);
  });
});

describe('LibraryWriter', () => {
  it('writes a file the loader reads back with the same fields, sanitized', () => {
    const dir = tempDir();
    const imported = article({
      title: 'Title \x1b[31mred\x1b[0m',
      author: 'Ann\u202e Evil',
      date: '2024-03-03',
      source: 'Valley Post',
      url: 'https://example.org/river',
      lang: 'ar',
      dir: 'rtl',
      bio: 'Writes about rivers.',
      tags: ['winter'],
      body: 'First \x07paragraph.\n\nSecond.',
    });
    const outcome = new LibraryWriter(dir, []).save(imported);
    expect(outcome).toMatchObject({
      status: 'added',
      id: '2024-03-03-title-red',
      title: 'Title red',
    });
    const [loaded] = load(dir).articles;
    expect(loaded).toMatchObject({
      id: '2024-03-03-title-red',
      title: 'Title red',
      author: 'Ann Evil',
      date: '2024-03-03',
      source: 'Valley Post',
      url: 'https://example.org/river',
      bio: 'Writes about rivers.',
      tags: ['winter'],
      body: 'First paragraph.\n\nSecond.\n',
    });
    const text = readFileSync(outcome.path, 'utf8');
    expect(text).toContain('lang: "ar"');
    expect(text).toContain('dir: "rtl"');
    expect(isUnedited(text)).toBe(true);
  });

  it('updates in place by url, keeping the id, and never duplicates', () => {
    const dir = tempDir();
    const first = new LibraryWriter(dir, []).save(
      article({ url: 'https://example.org/a', date: '2024-01-01' }),
    );
    const second = new LibraryWriter(dir, []).save(
      article({
        url: 'https://example.org/a#comments',
        title: 'A New Headline',
        date: '2024-01-02',
        body: 'Changed.',
      }),
    );
    expect(second).toMatchObject({
      status: 'updated',
      id: first.id,
      path: first.path,
      title: 'A New Headline',
    });
    expect(readdirSync(dir)).toEqual([`${first.id}.md`]);
    expect(load(dir).articles[0]).toMatchObject({
      id: first.id,
      title: 'A New Headline',
      body: 'Changed.\n',
    });
  });

  it('updates in place by title and date when there is no url', () => {
    const dir = tempDir();
    const writer = new LibraryWriter(dir, []);
    const first = writer.save(article({ date: '2024-01-01' }));
    expect(writer.save(article({ date: '2024-01-01T10:00:00Z' }))).toMatchObject({
      status: 'updated',
      id: first.id,
    });
    expect(writer.save(article({ date: '2024-01-02' }))).toMatchObject({ status: 'added' });
  });

  it('two different addresses are two articles, whatever their titles', () => {
    const dir = tempDir();
    const writer = new LibraryWriter(dir, []);
    writer.save(article({ url: 'https://example.org/1', date: '2024-01-01' }));
    const second = writer.save(article({ url: 'https://example.org/2', date: '2024-01-01' }));
    expect(second).toMatchObject({ status: 'added', id: '2024-01-01-the-night-the-river-froze-2' });
  });

  it('new ids do not take the ids of the rest of the library', () => {
    const dir = tempDir();
    const outcome = new LibraryWriter(dir, ['2024-01-01-the-night-the-river-froze']).save(
      article({ date: '2024-01-01' }),
    );
    expect(outcome.id).toBe('2024-01-01-the-night-the-river-froze-2');
  });

  it('leaves a file the user edited alone without force, and replaces it with force', () => {
    const dir = tempDir();
    const { path } = new LibraryWriter(dir, []).save(article({ url: 'https://example.org/a' }));
    const edited = readFileSync(path, 'utf8').replace('The ice came', 'My own note. The ice came');
    writeFileSync(path, edited);
    const skipped = new LibraryWriter(dir, []).save(
      article({ url: 'https://example.org/a', body: 'New.' }),
    );
    expect(skipped).toMatchObject({
      status: 'skipped',
      path,
      reason: expect.stringMatching(/edited.*--force/),
    });
    expect(readFileSync(path, 'utf8')).toBe(edited);
    const forced = new LibraryWriter(dir, []).save(
      article({ url: 'https://example.org/a', body: 'New.' }),
      {
        force: true,
      },
    );
    expect(forced.status).toBe('updated');
    expect(readFileSync(path, 'utf8')).toContain('New.');
  });

  it('a hand-written file with the same url counts as edited', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'mine.md'),
      '---\ntitle: Mine\nurl: https://example.org/a\n---\nMy words.\n',
    );
    const outcome = new LibraryWriter(dir, []).save(article({ url: 'https://example.org/a' }));
    expect(outcome).toMatchObject({ status: 'skipped', id: 'mine' });
  });

  it('leaves no temporary files behind', () => {
    const dir = tempDir();
    const writer = new LibraryWriter(dir, []);
    for (let n = 0; n < 3; n++) writer.save(article({ url: `https://example.org/${n}` }));
    expect(readdirSync(dir).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('a title that is only markup still makes a valid file', () => {
    const text = articleFile(article({ title: '"quoted": and # hashes --- too' }), null);
    const dir = tempDir();
    writeFileSync(join(dir, 'x.md'), text);
    expect(load(dir).articles[0]!.title).toBe('"quoted": and # hashes --- too');
  });
});

describe('withoutUnsafeLinks', () => {
  it.each([
    { input: 'See [this](javascript:alert(1)) here.', expected: 'See this here.' },
    { input: 'See [this](javascript:alert%281%29) now.', expected: 'See this now.' },
    { input: 'A [pic]( data:text/html;base64,AAAA ) too.', expected: 'A pic too.' },
    { input: 'An <JavaScript:alert(1)> autolink.', expected: 'An  autolink.' },
    { input: 'Text.\n\n[ref]: vbscript:msgbox\n', expected: 'Text.\n\n' },
    { input: 'A [good](https://example.org) one.', expected: 'A [good](https://example.org) one.' },
    {
      input: 'A [mail](mailto:me@example.org) one.',
      expected: 'A [mail](mailto:me@example.org) one.',
    },
  ])('$input', ({ input, expected }) => {
    expect(withoutUnsafeLinks(input)).toBe(expected);
  });

  it('is applied to every written body, and a url that is not http(s) is dropped', () => {
    const text = articleFile(
      article({ body: 'Click [me](javascript:void(0)).', url: 'javascript:alert(1)' }),
      null,
    );
    expect(text).not.toMatch(/javascript/i);
  });
});

describe('slugFor: long titles without spaces', () => {
  it('cuts a title with no spaces to a file name of reasonable length', () => {
    const slug = slugFor('新'.repeat(300), '2024-01-01');
    expect([...slug]).toHaveLength('2024-01-01-'.length + 42);
    expect(Buffer.byteLength(`${slug}-99.md`)).toBeLessThan(255);
  });
});

describe('LibraryWriter: articles the loader would refuse', () => {
  it('writes no file for an article over 5 MB, and says why', () => {
    const dir = tempDir();
    const writer = new LibraryWriter(dir, []);
    expect(() => writer.save(article({ body: 'word '.repeat(1_100_000) }))).toThrow(
      'the article would be larger than 5 MB, which inkwell does not load',
    );
    expect(readdirSync(dir)).toEqual([]);
  });
});
