// Bodies read when an article is opened: the file as it is now, or a message when it is gone or broken.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/library/load.js';
import { openArticle } from '../../src/library/open-article.js';
import { readerPage, withBody } from '../../src/ui/article-pages.js';
import { articleText, tempLibrary } from '../helpers/temp-library.js';

const listed = () => {
  const dir = tempLibrary({ 'a.md': articleText({ title: 'Alpha' }, 'The body of alpha.') });
  const [meta] = loadLibrary([{ dir, required: true }]).articles;
  return { dir, meta: meta! };
};

describe('openArticle', () => {
  it('reads the body the list left out', () => {
    const { meta } = listed();
    expect(meta).not.toHaveProperty('body');
    expect(openArticle(meta)).toMatchObject({
      ok: true,
      article: { body: 'The body of alpha.\n' },
    });
  });

  it.each([
    {
      name: 'gone',
      spoil: (path: string) => rmSync(path),
      message: /a\.md: the file is gone \(moved or deleted since the list was made\)$/,
    },
    {
      name: 'broken',
      spoil: (path: string) => writeFileSync(path, 'no front matter'),
      message: /a\.md: no front matter \(a title is required\)$/,
    },
  ])('says why when the file is $name, in the reader too', ({ spoil, message }) => {
    const { dir, meta } = listed();
    spoil(join(dir, 'a.md'));
    const opened = openArticle(meta);
    expect(opened.ok).toBe(false);
    expect(!opened.ok && opened.message).toMatch(message);
    expect(withBody(meta).body).toMatch(/^\*\*This article cannot be opened\.\*\*/);
    const text = readerPage(meta, 80).lines.map((line) =>
      line.segments.map((s) => s.text).join(''),
    );
    expect(text.join(' ')).toContain('This article cannot be opened.');
  });

  it('keeps the article it read, so its pages are reused', () => {
    const { meta } = listed();
    expect(withBody(meta)).toBe(withBody(meta));
    expect(readerPage(meta, 80)).toBe(readerPage(meta, 80));
  });
});
