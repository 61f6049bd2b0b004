// The store from the command line: bookmarks, read marks and settings, against the built binary.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { TERMINAL_CONTROLS } from '../helpers/terminal-controls.js';
import { tempDir } from '../helpers/temp-library.js';

const SEED = '2023-09-13-russias-putin-and-n-koreas-kim-hold-talks';
const WELCOME = '2026-11-28-welcome-to-inkwell';

function cli(home: string, ...args: string[]) {
  return runCli(args, {}, home);
}

function bookmarksOf(home: string): { id: string; title: string; missing: boolean }[] {
  return JSON.parse(cli(home, 'bookmarks', '--json').stdout) as never;
}

describe('inkwell bookmark and bookmarks', () => {
  it('adds, lists newest first, and removes', async () => {
    const home = tempDir();
    expect(cli(home, 'bookmark', 'add', SEED)).toMatchObject({ status: 0, stderr: '' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(cli(home, 'bookmark', 'add', WELCOME).status).toBe(0);
    const listed = bookmarksOf(home);
    expect(listed.map((entry) => Object.keys(entry))).toEqual([
      ['id', 'title', 'bookmarkedAt', 'missing'],
      ['id', 'title', 'bookmarkedAt', 'missing'],
    ]);
    expect(listed.map((entry) => entry.id)).toEqual([WELCOME, SEED]);
    const text = cli(home, 'bookmarks').stdout.trimEnd().split('\n');
    expect(text[0]).toMatch(
      /^\d{4}-\d\d-\d\d {2}Welcome to inkwell +2026-11-28-welcome-to-inkwell$/,
    );
    expect(cli(home, 'bookmark', 'remove', WELCOME).status).toBe(0);
    expect(bookmarksOf(home).map((entry) => entry.id)).toEqual([SEED]);
  });

  it('changes nothing when one id is unknown, and names it', () => {
    const home = tempDir();
    const result = cli(home, 'bookmark', 'add', WELCOME, 'no-such-article');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('"no-such-article"');
    expect(bookmarksOf(home)).toEqual([]);
    expect(cli(home, 'read', 'nothing.like.this').status).toBe(1);
  });

  it('keeps a bookmark whose article is gone, shown as missing, and removes it by its id', () => {
    const home = tempDir();
    const library = tempDir();
    writeFileSync(join(library, 'temp.article.md'), '---\ntitle: Soon gone\n---\nText.\n');
    expect(runCli(['bookmark', 'add', 'temp.article', '--library', library], {}, home).status).toBe(
      0,
    );
    expect(bookmarksOf(home)).toMatchObject([
      { id: 'temp.article', title: 'Soon gone', missing: true },
    ]);
    expect(cli(home, 'bookmarks').stdout).toMatch(/Soon gone +temp\.article {2}missing/);
    expect(cli(home, 'bookmark', 'remove', 'temp.article').status).toBe(0);
    expect(bookmarksOf(home)).toEqual([]);
  });

  it('exports Markdown links with titles and dates, and JSON', () => {
    const home = tempDir();
    const library = tempDir();
    writeFileSync(
      join(library, 'linked.md'),
      '---\ntitle: "A [bracketed] *title*"\nurl: https://example.org/a_(b)\n---\nText.\n',
    );
    runCli(['bookmark', 'add', 'linked', '--library', library], {}, home);
    const markdown = runCli(
      ['bookmarks', 'export', '--format', 'markdown', '--library', library],
      {},
      home,
    );
    expect(markdown.status).toBe(0);
    expect(markdown.stdout).toMatch(
      /^# Bookmarks\n\n- \[A \\\[bracketed\\\] \\\*title\\\*\]\(<https:\/\/example\.org\/a_\(b\)>\) \(bookmarked \d{4}-\d\d-\d\d\)\n$/,
    );
    const json = JSON.parse(cli(home, 'bookmarks', 'export').stdout) as object[];
    expect(json).toMatchObject([{ id: 'linked', url: 'https://example.org/a_(b)', missing: true }]);
    expect(cli(home, 'bookmarks', 'export', '--format', 'pdf').status).toBe(2);
    expect(cli(home, 'bookmarks', '--format', 'json').status).toBe(2);
  });

  it('never prints control characters from a damaged title', () => {
    const home = tempDir();
    writeFileSync(
      join(home, 'config.json'),
      JSON.stringify({
        version: 2,
        bookmarks: { x: { title: 'evil\x1b]0;owned\x07 title', url: null, bookmarkedAt: 'now' } },
      }),
    );
    const { stdout } = cli(home, 'bookmarks');
    expect(stdout).toContain('evil');
    expect(stdout).not.toMatch(TERMINAL_CONTROLS);
  });
});

describe('inkwell read and unread', () => {
  it('marks articles read and unread', () => {
    const home = tempDir();
    expect(cli(home, 'read', SEED, WELCOME).status).toBe(0);
    const stored = JSON.parse(readFileSync(join(home, 'config.json'), 'utf8')) as {
      read: Record<string, string>;
    };
    expect(Object.keys(stored.read).sort()).toEqual([SEED, WELCOME]);
    expect(cli(home, 'unread', SEED).status).toBe(0);
    expect(readFileSync(join(home, 'config.json'), 'utf8')).not.toContain(SEED);
  });
});

describe('inkwell config', () => {
  it('says where the file is, and gets and sets the settings', () => {
    const home = tempDir();
    expect(cli(home, 'config', 'path').stdout).toBe(`${join(home, 'config.json')}\n`);
    expect(cli(home, 'config', 'get', 'measure').stdout).toBe('80\n');
    expect(cli(home, 'config', 'set', 'measure', '66').status).toBe(0);
    expect(cli(home, 'config', 'set', 'theme', 'light').status).toBe(0);
    expect(cli(home, 'config', 'set', 'keys.bookmark', 'x B').status).toBe(0);
    expect(cli(home, 'config', 'get').stdout).toBe(
      'measure = 66\ntheme = light\nkeys = {"bookmark":["x","B"]}\n',
    );
    expect(cli(home, 'config', 'get', 'keys.bookmark').stdout).toBe('x B\n');
  });

  it.each([
    [['set', 'measure', '5'], /measure must be a whole number from 20 to 400/],
    [['set', 'theme', 'pink'], /theme must be one of dark, light, mono/],
    [['set', 'keys.bookmark', 'j'], /j already means down/],
    [['set', 'keys', 'not json'], /keys takes JSON/],
    [['get', 'colour'], /no setting 'colour'/],
    [['set', 'measure'], /needs a key and a value/],
  ])('config %j is refused with exit 2', (args, message) => {
    const home = tempDir();
    const result = cli(home, 'config', ...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(existsSync(join(home, 'config.json'))).toBe(false);
  });
});

describe('the store file', () => {
  it('a damaged file is moved aside, the user told where, and what was valid kept', () => {
    const home = tempDir();
    const file = join(home, 'config.json');
    writeFileSync(
      file,
      JSON.stringify({
        version: 2,
        bookmarks: {
          [WELCOME]: {
            title: 'Welcome to inkwell',
            url: null,
            bookmarkedAt: '2026-01-01T00:00:00Z',
          },
          broken: { title: 42 },
        },
        settings: { theme: 'light', measure: 'wide' },
      }),
    );
    const result = cli(home, 'bookmarks', '--json');
    expect(result.status).toBe(0);
    const aside = readdirSync(home).find((name) => name.startsWith('config.json.corrupt-'));
    expect(aside).toBeDefined();
    expect(result.stderr).toContain(`moved to ${join(home, aside!)}`);
    expect((JSON.parse(result.stdout) as { id: string }[]).map((entry) => entry.id)).toEqual([
      WELCOME,
    ]);
    expect(cli(home, 'config', 'get', 'theme').stdout).toBe('light\n');
    // Said once: the file is valid from then on.
    expect(cli(home, 'bookmarks').stderr).toBe('');
  });

  it('changing commands exit 1 saying why when the folder cannot be written; reading ones work', () => {
    const parent = tempDir();
    writeFileSync(join(parent, 'file'), '');
    const home = join(parent, 'file', 'home');
    const result = cli(home, 'bookmark', 'add', WELCOME);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/nothing was saved: cannot write .*not a folder/);
    expect(cli(home, 'config', 'set', 'theme', 'mono').status).toBe(1);
    expect(cli(home, 'bookmarks', '--json')).toMatchObject({ status: 0, stdout: '[]\n' });
  });
});
