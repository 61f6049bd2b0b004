import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import { textWidth } from '../../src/core/text-width.js';
import { KEYMAP, keysLabel, type Screen } from '../../src/ui/keymap.js';
import { runCli } from '../helpers/run-cli.js';
import { TERMINAL_CONTROLS } from '../helpers/terminal-controls.js';
import { articleText, tempDir, tempLibrary } from '../helpers/temp-library.js';

const SEED_ID = '2023-09-13-russias-putin-and-n-koreas-kim-hold-talks';
/** The fields of `list --json`, in their promised order; `show --json` adds bio and body. */
const SUMMARY_FIELDS = [
  'id',
  'title',
  'author',
  'date',
  'source',
  'url',
  'tags',
  'words',
  'readingMinutes',
  'path',
];
const BUNDLED_IDS = [
  '2026-11-28-welcome-to-inkwell',
  '2026-11-27-reading-with-inkwell',
  '2026-11-26-adding-your-own-articles',
  SEED_ID,
];

describe('inkwell list', () => {
  it('lists the bundled articles newest first', () => {
    const { status, stdout, stderr } = runCli(['list']);
    expect(status).toBe(0);
    expect(stderr).toBe('');
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(
      /^2026-11-28 {2}Welcome to inkwell +inkwell +1 min {2}2026-11-28-welcome-to-inkwell$/,
    );
    expect(lines[3]).toMatch(
      /^2023-09-13 {2}Russia’s Putin and N\. Korea’s Kim Hold Talks, Seek to Form ‘Unbreakable Relations’ {2}The Libertarian Institute {2}2 min {2}2023-09-13/,
    );
  });

  it('is what inkwell with no command prints when not on a terminal', () => {
    expect(runCli([]).stdout).toBe(runCli(['list']).stdout);
  });

  it('prints JSON with stable fields', () => {
    const { status, stdout } = runCli(['list', '--json']);
    expect(status).toBe(0);
    const list = JSON.parse(stdout) as Array<Record<string, unknown>>;
    expect(list.map((entry) => entry.id)).toEqual(BUNDLED_IDS);
    expect(Object.keys(list[3]!)).toEqual(SUMMARY_FIELDS);
    expect(list[3]).toMatchObject({
      title: 'Russia’s Putin and N. Korea’s Kim Hold Talks, Seek to Form ‘Unbreakable Relations’',
      author: 'Kyle Anzalone',
      date: '2023-09-13',
      source: 'The Libertarian Institute',
      url: null,
      readingMinutes: 2,
    });
  });

  it("adds the user's folder and --library folders, before or after the command", () => {
    const home = tempDir();
    mkdirSync(join(home, 'articles'));
    writeFileSync(
      join(home, 'articles', 'mine.md'),
      articleText({ title: 'Mine', date: '2030-01-01' }),
    );
    const extra = tempLibrary({ 'extra.md': articleText({ title: 'Extra', date: '2029-01-01' }) });
    const other = tempLibrary({ 'other.md': articleText({ title: 'Other', date: '2028-01-01' }) });
    const { stdout } = runCli(
      ['--library', extra, 'list', '--json', `--library=${other}`],
      {},
      home,
    );
    const ids = (JSON.parse(stdout) as Array<{ id: string }>).map((entry) => entry.id);
    expect(ids).toEqual(['mine', 'extra', 'other', ...BUNDLED_IDS]);
  });

  it("reports a clash and shows the user's copy", () => {
    const home = tempDir();
    mkdirSync(join(home, 'articles'));
    writeFileSync(join(home, 'articles', `${SEED_ID}.md`), articleText({ title: 'My own copy' }));
    const { stdout, stderr } = runCli(['list'], {}, home);
    expect(stdout).toContain('My own copy');
    expect(stdout).not.toContain('Unbreakable');
    expect(stderr).toMatch(
      new RegExp(`^inkwell: .*content/${SEED_ID}\\.md: not shown: same id "${SEED_ID}" as `),
    );
  });
});

describe('inkwell show', () => {
  it('prints the seed article at 60 columns, whole and clean', () => {
    const { status, stdout, stderr } = runCli(['show', SEED_ID, '--width', '60']);
    expect(status).toBe(0);
    expect(stderr).toBe('');
    const lines = stdout.trimEnd().split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'Russia’s Putin and N. Korea’s Kim Hold Talks, Seek to Form',
      '‘Unbreakable Relations’',
      'Kyle Anzalone · The Libertarian Institute · 2023-09-13 ·',
      '2\u00a0min\u00a0read',
    ]);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(60);
    expect(stdout).not.toMatch(TERMINAL_CONTROLS);
    expect(lines.at(-1)).toBe('Will Porter and Connor Freeman.');
  });

  it('numbers the links and lists them under the article; a terminal gets OSC 8 links', () => {
    const dir = tempLibrary({
      'linked.md': articleText(
        { title: 'Linked' },
        'See [the report](https://example.org/r) and [a script](javascript:alert(1)).',
      ),
    });
    const plain = runCli(['show', 'linked', '--library', dir]);
    expect(plain.stdout).toContain('See the report[1] and a script.');
    expect(plain.stdout.trimEnd().split('\n').slice(-2)).toEqual([
      'Links:',
      '[1] the report: https://example.org/r',
    ]);
    expect(plain.stdout).not.toContain('\x1b');
    const styled = runCli(['show', 'linked', '--library', dir], { FORCE_COLOR: '1' });
    expect(styled.stdout).toContain('\x1b]8;;https://example.org/r\x1b\\');
    expect(styled.stdout).not.toContain('javascript');
  });

  it('wraps to 80 columns when not on a terminal', () => {
    const lines = runCli(['show', SEED_ID]).stdout.trimEnd().split('\n');
    expect(Math.max(...lines.map((line) => [...line].length))).toBeLessThanOrEqual(80);
    expect(Math.max(...lines.map((line) => [...line].length))).toBeGreaterThan(70);
  });

  it('measures columns, not characters, in CJK text', () => {
    const cjk = tempLibrary({
      'cjk.md': articleText(
        { title: '日本語の記事' },
        '日本語の文章を折り返して表示する。'.repeat(8),
      ),
    });
    const { status, stdout } = runCli(['show', 'cjk', '--width', '20', '--library', cjk]);
    expect(status).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(Math.max(...lines.map(textWidth))).toBe(20);
    expect(lines.length).toBeGreaterThan(8);
  });

  it('checks --width before it reads the library', () => {
    const broken = tempLibrary({ 'broken.md': 'no front matter' });
    const { status, stderr } = runCli(['show', SEED_ID, '--width', '5', '--library', broken]);
    expect(status).toBe(2);
    expect(stderr).toBe(
      'inkwell: --width must be a whole number from 10 to 1000 (see inkwell --help)\n',
    );
  });

  it('opens an article by a unique prefix of its id', () => {
    expect(runCli(['show', '2023-09-13']).stdout).toBe(runCli(['show', SEED_ID]).stdout);
  });

  it('highlights quotations when colour is forced, and nothing when NO_COLOR is set', () => {
    const coloured = runCli(['show', SEED_ID], { FORCE_COLOR: '1' }).stdout;
    expect(coloured).toContain('\x1b[33m\x1b[3m“That’s why');
    expect(coloured).toContain('\x1b[35m\x1b[3m“the\x1b'); // a quotation inside a quotation
    expect(runCli(['show', SEED_ID], { NO_COLOR: '1' }).stdout).not.toContain('\x1b');
  });

  it('prints JSON with the body and bio', () => {
    const article = JSON.parse(runCli(['show', SEED_ID, '--json']).stdout) as Record<
      string,
      unknown
    >;
    expect(Object.keys(article)).toEqual([...SUMMARY_FIELDS, 'bio', 'body']);
    expect(article.bio).toMatch(/^Kyle Anzalone is news editor of the Libertarian Institute/);
    expect(article.body).toMatch(/^North Korean Supreme Leader/);
  });

  it('exits 1 with a clear message for an unknown id, with suggestions', () => {
    const missing = runCli(['show', 'no-such-article']);
    expect(missing.status).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toBe(
      'inkwell: no article with id "no-such-article" (see inkwell list)\n',
    );
    const near = runCli(['show', 'putin']);
    expect(near.status).toBe(1);
    expect(near.stderr).toBe(
      `inkwell: no article with id "putin"; did you mean:\n  ${SEED_ID}  Russia’s Putin and N. Korea’s Kim Hold Talks, Seek to Form ‘Unbreakable Relations’\n`,
    );
  });

  it('asks which one when a prefix fits several ids', () => {
    const { status, stderr } = runCli(['show', '2026-11']);
    expect(status).toBe(1);
    expect(stderr.split('\n')[0]).toBe('inkwell: "2026-11" starts 3 ids; which one?');
  });
});

describe('usage', () => {
  it.each([
    { argv: ['frobnicate'], message: "inkwell: unknown command 'frobnicate' (see inkwell --help)" },
    { argv: ['list', '--frob'], message: "inkwell: unknown option '--frob' (see inkwell --help)" },
    {
      argv: ['show'],
      message:
        'inkwell: show needs the id of an article, as inkwell list gives it (see inkwell --help)',
    },
    {
      argv: ['show', SEED_ID, '--width', 'wide'],
      message: /--width must be a whole number from 10 to 1000/,
    },
    { argv: ['show', SEED_ID, '--width', '5'], message: /--width must be a whole number/ },
  ])('exits 2 with one line for $argv', ({ argv, message }) => {
    const { status, stdout, stderr } = runCli(argv);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr.trimEnd()).toMatch(message);
  });

  it('prints --version', () => {
    expect(runCli(['--version'])).toEqual({
      status: 0,
      stdout: `${packageJson.version}\n`,
      stderr: '',
    });
  });

  it('prints help for inkwell and for each command', () => {
    const main = runCli(['--help']);
    expect(main.status).toBe(0);
    expect(main.stdout).toContain('Usage:');
    for (const line of ['list ', 'show <id>', '--library DIR', '--version'])
      expect(main.stdout).toContain(line);
    const show = runCli(['show', '--help']);
    expect(show.stdout).toMatch(/^Usage: inkwell show <id> \[options\]/);
    for (const line of ['--width N', '--json', '--library DIR'])
      expect(show.stdout).toContain(line);
    expect(runCli(['list', '-h']).stdout).toMatch(/^Usage: inkwell list \[options\]/);
  });

  it('lists the reader and its keys in --help, from the keymap', () => {
    const { stdout } = runCli(['--help']);
    expect(stdout).not.toContain('coming');
    expect(stdout).not.toContain('undefined');
    expect(stdout).toContain('the full-screen reader');
    for (const screen of Object.keys(KEYMAP) as Screen[]) {
      for (const binding of KEYMAP[screen]) {
        expect(stdout).toMatch(
          new RegExp(`${escape(keysLabel(binding))} +${escape(binding.help)}`),
        );
      }
    }
  });

  it('prints the keys in force with inkwell keys: overrides applied, a bad one named and left out', () => {
    const home = tempDir();
    expect(runCli(['config', 'set', 'keys.nextQuote', 'Q'], {}, home).status).toBe(0);
    const { status, stdout } = runCli(['keys'], {}, home);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^In the list:\n/);
    expect(stdout).toMatch(/\n {2}Q +next quotation\n/);
    expect(stdout).toMatch(/\n {2}' +previous quotation\n/);
    writeFileSync(
      join(home, 'config.json'),
      JSON.stringify({ version: 2, settings: { keys: { 'no\x1b[2Jsuch': ['x'] } } }),
    );
    const bad = runCli(['keys'], {}, home);
    expect(bad.status).toBe(0);
    expect(bad.stderr).toContain('the default keys are kept');
    expect(bad.stderr).not.toMatch(TERMINAL_CONTROLS);
    expect(bad.stdout).toMatch(/\n {2}" +next quotation\n/);
  });
});

/** `text` as a literal piece of a regular expression. */
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('a hostile and a broken library', () => {
  const hostileTitle = 'Hostile\x1b]0;pwned\x07 \x1b[2J\x1b[Htitle\x9b31m \u202eevil';
  const dir = tempLibrary({
    'good.md': articleText({ title: 'A good article', date: '2024-01-01' }, 'Fine “words” here.'),
    'hostile.md': articleText(
      { title: JSON.stringify(hostileTitle), author: '"\\e]52;c;cm0gLXJm\\a"' },
      'Body \x1b]8;;http://evil\x07link\x1b]8;;\x07 and &#27;[2J and \r overwrite\b\b and \x1bP1$r\x1b\\ done.',
    ),
    'broken.md': '---\ntitle: [never closed\n---\nbody',
    'binary.md': new Uint8Array([0, 1, 2, 3, 0xff]),
  });

  it('lists the good articles, prints nothing dangerous and names the broken files', () => {
    const { status, stdout, stderr } = runCli(['list', '--library', dir]);
    expect(status).toBe(0);
    expect(stdout).toContain('A good article');
    expect(stdout).toContain('Hostile title evil');
    expect(stdout).not.toMatch(TERMINAL_CONTROLS);
    expect(stderr).not.toMatch(TERMINAL_CONTROLS);
    expect(stderr).toContain(
      `inkwell: ${join(dir, 'broken.md')}: skipped: front matter is not valid YAML`,
    );
    expect(stderr).toContain(
      `inkwell: ${join(dir, 'binary.md')}: skipped: binary content, not text`,
    );
  });

  it('shows the hostile article harmlessly, also in colour and as JSON', () => {
    for (const env of [{}, { FORCE_COLOR: '1' }] as Array<Record<string, string>>) {
      const { status, stdout } = runCli(['show', 'hostile', '--library', dir], env);
      expect(status).toBe(0);
      const withoutOurStyles = stdout.replace(/\x1b\[\d+m/g, '');
      expect(withoutOurStyles).not.toMatch(TERMINAL_CONTROLS);
      expect(withoutOurStyles).toContain('Body link and and overwrite and done.');
    }
    const json = runCli(['show', 'hostile', '--json', '--library', dir]).stdout;
    expect(json).not.toMatch(TERMINAL_CONTROLS);
  });

  it('escapes what a terminal could act on in JSON, even in paths', () => {
    const named = tempLibrary({ 'g\u202e\u009bfile.md': articleText({ title: 'ok' }) });
    const { stdout } = runCli(['list', '--json', '--library', named]);
    expect(stdout).not.toMatch(TERMINAL_CONTROLS);
    expect(stdout).toContain('g\\u202e\\u009bfile.md');
    const paths = (JSON.parse(stdout) as Array<{ path: string }>).map((entry) => entry.path);
    expect(paths).toContain(join(named, 'g\u202e\u009bfile.md'));
  });

  it('keeps the YAML library from printing warnings that quote the file', () => {
    const yamlKey = tempLibrary({
      'key.md':
        '---\ntitle: Collection key\n? ["\\x9d0;PWNED\\x9c\\x9b2J\\u202e"]\n: v\n---\nbody\n',
    });
    const { status, stdout, stderr } = runCli(['list', '--library', yamlKey]);
    expect(status).toBe(0);
    expect(stdout).toContain('Collection key');
    expect(stderr).toBe('');
  });

  it('names a hostile file name harmlessly', () => {
    const named = tempLibrary({ 'evil\x1b]0;x\x07name.md': 'no front matter' });
    const { stderr } = runCli(['list', '--library', named]);
    expect(stderr).toBe(
      `inkwell: ${join(named, 'evilname.md')}: skipped: no front matter (a title is required)\n`,
    );
  });
});
