import { execFileSync } from 'node:child_process';
import { chmodSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLibrary, MAX_FILE_BYTES } from '../../src/library/load.js';
import { articleText, tempDir, tempLibrary } from '../helpers/temp-library.js';

const good = (title: string, extra: Record<string, string> = {}) =>
  articleText({ title, ...extra });

describe('loadLibrary: bad files are skipped with a reason, the rest loads', () => {
  const invalidUtf8 = new Uint8Array([...Buffer.from('---\ntitle: T\n---\n'), 0xc3, 0x28, 0x0a]);
  const binary = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  it.each([
    {
      name: 'broken front matter',
      content: '---\ntitle: [oops\n---\n',
      reason: /front matter is not valid YAML/,
    },
    { name: 'no title', content: articleText({ author: 'A' }), reason: /no title/ },
    { name: 'invalid UTF-8', content: invalidUtf8, reason: /not valid UTF-8/ },
    { name: 'binary content', content: binary, reason: /binary content/ },
    { name: 'an empty file', content: '', reason: /no front matter/ },
    {
      name: 'a file over 5 MB',
      content: good('Big') + 'x'.repeat(MAX_FILE_BYTES),
      reason: /larger than 5 MB/,
    },
  ])('$name', ({ content, reason }) => {
    const dir = tempLibrary({ 'good.md': good('Good'), 'bad.md': content });
    const { articles, warnings } = loadLibrary([{ dir, required: true }]);
    expect(articles.map((a) => a.title)).toEqual(['Good']);
    expect(warnings).toEqual([
      { path: join(dir, 'bad.md'), message: expect.stringMatching(reason) },
    ]);
    expect(warnings[0]!.message).toMatch(/^skipped: /);
  });

  // Root reads every file, whatever its mode.
  it.skipIf(process.getuid?.() === 0)('an unreadable file', () => {
    const dir = tempLibrary({ 'good.md': good('Good'), 'locked.md': good('Locked') });
    chmodSync(join(dir, 'locked.md'), 0);
    const { articles, warnings } = loadLibrary([{ dir, required: true }]);
    expect(articles.map((a) => a.title)).toEqual(['Good']);
    expect(warnings[0]!.message).toMatch(/cannot be read \(EACCES\)/);
  });
});

describe('loadLibrary: files that are not files', () => {
  it('skips a FIFO and a device instead of waiting on them', () => {
    const dir = tempLibrary({ 'good.md': good('Good') });
    execFileSync('mkfifo', [join(dir, 'pipe.md')]);
    symlinkSync('/dev/zero', join(dir, 'zero.md'));
    const { articles, warnings } = loadLibrary([{ dir, required: true }]);
    expect(articles.map((a) => a.title)).toEqual(['Good']);
    expect(warnings).toEqual([
      { path: join(dir, 'pipe.md'), message: 'skipped: cannot be read (not a regular file)' },
      { path: join(dir, 'zero.md'), message: 'skipped: cannot be read (not a regular file)' },
    ]);
  });

  it('reads a linked folder once, however the links loop', () => {
    const dir = tempLibrary({ 'a.md': good('A') });
    for (let k = 0; k < 6; k++) symlinkSync('.', join(dir, `loop${k}`));
    const { articles, warnings } = loadLibrary([{ dir, required: true }]);
    expect(articles.map((a) => a.title)).toEqual(['A']);
    expect(warnings).toEqual([]);
  });

  it('names a dangling link', () => {
    const dir = tempLibrary({ 'a.md': good('A') });
    symlinkSync(join(dir, 'gone'), join(dir, 'dangling.md'));
    expect(loadLibrary([{ dir, required: true }]).warnings).toEqual([
      { path: join(dir, 'dangling.md'), message: 'skipped: cannot be read (ENOENT)' },
    ]);
  });

  it('takes a file of exactly 5 MB', () => {
    const text = good('Exactly');
    const dir = tempLibrary({ 'a.md': text + 'x'.repeat(MAX_FILE_BYTES - text.length) });
    expect(loadLibrary([{ dir, required: true }]).articles.map((a) => a.title)).toEqual([
      'Exactly',
    ]);
  });
});

describe('loadLibrary: folders', () => {
  it('reads subfolders, skips hidden entries and files that are not Markdown', () => {
    const dir = tempLibrary({
      'a.md': good('A'),
      'sub/deeper/b.markdown': good('B'),
      '.hidden/c.md': good('C'),
      '.d.md': good('D'),
      'notes.txt': 'not an article',
    });
    const titles = loadLibrary([{ dir, required: true }]).articles.map((a) => a.title);
    expect(titles.sort()).toEqual(['A', 'B']);
  });

  it('warns about a missing --library folder, not about a missing home folder', () => {
    const missing = join(tempDir(), 'nope');
    expect(loadLibrary([{ dir: missing, required: false }]).warnings).toEqual([]);
    expect(loadLibrary([{ dir: missing, required: true }]).warnings).toEqual([
      { path: missing, message: 'skipped: folder not found' },
    ]);
  });

  it('warns when a --library path is a file', () => {
    const dir = tempLibrary({ 'a.md': good('A') });
    const file = join(dir, 'a.md');
    expect(loadLibrary([{ dir: file, required: true }]).warnings).toEqual([
      { path: file, message: 'skipped: not a folder' },
    ]);
  });

  it('sorts newest first, undated last, then by title', () => {
    const dir = tempLibrary({
      '1.md': good('Old', { date: '2020-01-01' }),
      '2.md': good('New', { date: '2024-05-01T10:00:00Z' }),
      '3.md': good('Undated B'),
      '4.md': good('Undated A'),
      '5.md': good('Same day, later', { date: '2024-05-01T12:00:00Z' }),
    });
    expect(loadLibrary([{ dir, required: true }]).articles.map((a) => a.title)).toEqual([
      'Same day, later',
      'New',
      'Old',
      'Undated A',
      'Undated B',
    ]);
  });
});

describe('loadLibrary: order', () => {
  it('sorts by the day shown first, then by the moment, reading times without a zone as UTC', () => {
    const dir = tempLibrary({
      '1.md': good('Early on the 13th, east of UTC', { date: '2023-09-13T01:00+05:00' }),
      '2.md': good('Late on the 12th, no zone', { date: '2023-09-12T22:00' }),
      '3.md': good('Later on the 12th, UTC', { date: '2023-09-12T23:30:00Z' }),
    });
    const zone = process.env.TZ;
    try {
      for (const tz of ['UTC', 'America/New_York', 'Asia/Tokyo']) {
        process.env.TZ = tz;
        expect(loadLibrary([{ dir, required: true }]).articles.map((a) => a.title)).toEqual([
          'Early on the 13th, east of UTC',
          'Later on the 12th, UTC',
          'Late on the 12th, no zone',
        ]);
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});

describe('loadLibrary: ids', () => {
  it('takes the front matter id, else the file name', () => {
    const dir = tempLibrary({
      'file-one.md': good('One'),
      'file-two.md': good('Two', { id: 'custom' }),
    });
    const ids = loadLibrary([{ dir, required: true }]).articles.map((a) => a.id);
    expect(ids.sort()).toEqual(['custom', 'file-one']);
  });

  it("lets the user's copy win a clash with a bundled article, and says so", () => {
    const bundled = tempLibrary({ 'welcome.md': good('Bundled') });
    const user = tempLibrary({ 'welcome.md': good('Mine') });
    const { articles, warnings } = loadLibrary([
      { dir: bundled, required: true },
      { dir: user, required: false },
    ]);
    expect(articles.map((a) => a.title)).toEqual(['Mine']);
    expect(warnings).toEqual([
      {
        path: join(bundled, 'welcome.md'),
        message: `not shown: same id "welcome" as ${join(user, 'welcome.md')}`,
      },
    ]);
  });

  it('reads a folder named twice, or inside another, once', () => {
    const dir = tempLibrary({ 'a.md': good('A'), 'sub/b.md': good('B') });
    const { articles, warnings } = loadLibrary([
      { dir, required: true },
      { dir: join(dir, 'sub'), required: true },
      { dir: `${dir}/`, required: true },
    ]);
    expect(articles.map((a) => a.title).sort()).toEqual(['A', 'B']);
    expect(warnings).toEqual([]);
  });

  it('settles a clash between a front matter id and a file name in another folder', () => {
    const bundled = tempLibrary({ 'shared-name.md': good('Bundled') });
    const user = tempLibrary({ 'other-file.md': good('Mine', { id: 'shared-name' }) });
    const { articles, warnings } = loadLibrary([
      { dir: bundled, required: true },
      { dir: user, required: false },
    ]);
    expect(articles.map((a) => [a.id, a.title])).toEqual([['shared-name', 'Mine']]);
    expect(warnings).toHaveLength(1);
  });

  it('keeps the first of two files with one id in the same folder', () => {
    const dir = tempLibrary({
      'a.md': good('First', { id: 'same' }),
      'b.md': good('Second', { id: 'same' }),
    });
    const { articles, warnings } = loadLibrary([{ dir, required: true }]);
    expect(articles.map((a) => a.title)).toEqual(['First']);
    expect(warnings).toEqual([
      { path: join(dir, 'b.md'), message: `not shown: same id "same" as ${join(dir, 'a.md')}` },
    ]);
  });
});
