// What an article, a file name or the environment could do to the terminal, beyond escape sequences:
// characters measured narrower than they are drawn, addresses that smuggle arguments, help and names
// printed raw, and the reader's ways out (signals, suspend, a terminal that cannot go full screen).
import { Chalk } from 'chalk';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canDrawFullScreen, formatWarnings, type Output } from '../../src/commands/output.js';
import { run } from '../../src/commands/run.js';
import { layoutBlocks, lineText } from '../../src/core/layout.js';
import { parseMarkdown } from '../../src/core/markdown.js';
import { sanitize, sanitizeLine, SOFT_HYPHEN } from '../../src/core/sanitize.js';
import { textWidth } from '../../src/core/text-width.js';
import { loadLibrary } from '../../src/library/load.js';
import { parseArticle, webUrl } from '../../src/library/parse-article.js';
import { resolvePaths } from '../../src/library/paths.js';
import { keyToAction } from '../../src/ui/keymap.js';
import { initialState, reduce } from '../../src/ui/state.js';
import { inkStdout, terminatingSignals } from '../../src/ui/terminal.js';
import { makeArticle } from '../helpers/articles.js';
import { TERMINAL_CONTROLS } from '../helpers/terminal-controls.js';
import { articleText, tempDir } from '../helpers/temp-library.js';

const S = SOFT_HYPHEN;
const lines = (body: string, width: number) =>
  layoutBlocks(parseMarkdown(sanitize(body)), width).map(lineText);

describe('characters measured as nothing but drawn wider', () => {
  it.each([
    ['Hangul filler', '\u3164'],
    ['Hangul choseong filler', '\u115f'],
    ['Hangul jungseong filler', '\u1160'],
    ['halfwidth Hangul filler', '\uffa0'],
    ['unassigned default-ignorable', '\ufff0'],
    ['unassigned tag-block code point', '\u{e0002}'],
  ])('drops the %s at load', (_, filler) => {
    const text = `A${filler.repeat(40)}title`;
    expect(sanitize(text)).toBe('Atitle');
    expect(sanitizeLine(text)).toBe('Atitle');
    expect(sanitize(sanitize(text))).toBe(sanitize(text));
  });

  it('keeps what only looks alike: joiners, variation selectors, emoji tags, Hangul syllables', () => {
    for (const kept of [
      'a\u200db',
      '✌\ufe0f',
      '🏴\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f}',
      '한국어',
      '\u1100\u1161',
    ]) {
      expect(sanitize(kept)).toBe(kept);
    }
  });

  it('drops the soft hyphens of one-line fields, which are cut, never broken', () => {
    expect(sanitizeLine(`In${S}com${S}pre${S}hen${S}si${S}ble`)).toBe('Incomprehensible');
    const { article } = parseOk(`---\ntitle: "T${S.repeat(200)}itle"\nauthor: "A${S}n"\n---\n`);
    expect(article.title).toBe('Title');
    expect(article.author).toBe('An');
  });

  it.each([
    {
      body: `in${S}com${S}pre${S}hen${S}si${S}ble words`,
      width: 8,
      out: ['incom-', 'prehen-', 'sible', 'words'],
    },
    { body: `in${S}com${S}pre${S}hen${S}si${S}ble`, width: 40, out: ['incomprehensible'] },
    { body: `aa bb${S}cc${S}dd`, width: 6, out: ['aa bb-', 'ccdd'] },
    // A soft hyphen at a word's end, or doubled, is no place to break and never shows.
    { body: `xy${S}${S} zw${S}`, width: 3, out: ['xy', 'zw'] },
    { body: `${S.repeat(5)}abc${S}`, width: 2, out: ['ab', 'c'] },
    // Room is kept for the hyphen: "abcd-" would not fit in 4 columns.
    { body: `abcd${S}ef`, width: 5, out: ['abcd-', 'ef'] },
    { body: `abc${S}def`, width: 4, out: ['abc-', 'def'] },
  ])('shows a soft hyphen only where a line breaks: $body at $width', ({ body, width, out }) => {
    const got = lines(body, width);
    expect(got).toEqual(out);
    for (const line of got) {
      expect(line).not.toContain(S);
      expect(textWidth(line)).toBeLessThanOrEqual(width);
    }
  });

  it('keeps no soft hyphen in code, and none in an article’s lines however narrow', () => {
    expect(lines(`    co${S}de`, 40)).toEqual(['▎ code']);
    const body = `${'lo'.repeat(3)}${S}`.repeat(2000);
    for (const width of [2, 3, 7, 80]) {
      for (const line of lines(body, width)) {
        expect(line).not.toContain(S);
        expect(textWidth(line)).toBeLessThanOrEqual(width);
      }
    }
  });

  it('wraps a word of 100,000 soft hyphens', () => {
    const got = lines(`a${S}`.repeat(100_000), 80);
    expect(got.join('').replaceAll('-', '')).toBe('a'.repeat(100_000));
  });
});

function parseOk(text: string) {
  const result = parseArticle(text, '/lib/a.md', 'a');
  if (!result.ok) throw new Error(result.reason);
  return result;
}

describe('article addresses', () => {
  it.each([
    ['https://example.com/a', 'https://example.com/a'],
    ['HTTPS://Example.COM', 'https://example.com/'],
    ['http://exämple.com/ä?q=1#x', 'http://xn--exmple-cua.com/%C3%A4?q=1#x'],
    ['https://example.com/%20x', 'https://example.com/%20x'],
  ])('normalizes %s to %s', (given, normalized) => {
    expect(webUrl(given)).toBe(normalized);
    expect(webUrl(normalized)).toBe(normalized);
  });

  it.each([
    'https://example.com/ --new-window file:///etc/passwd',
    'https://example.com/a\tb',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'ftp://example.com/',
    'mailto:a@example.com',
    'https://',
    '//example.com/a',
    'example.com',
  ])('refuses %s', (given) => {
    expect(webUrl(given)).toBeNull();
  });

  it('keeps the normalized address, the one list --json, show and the reader use', () => {
    const { article, warnings } = parseOk('---\ntitle: T\nurl: HTTPS://Example.COM/a?b\n---\n');
    expect(article.url).toBe('https://example.com/a?b');
    expect(warnings).toEqual([]);
  });

  it('drops an address with a second argument in it, with a warning', () => {
    const { article, warnings } = parseOk(
      '---\ntitle: T\nurl: https://example.com/ --new-window file:///etc/passwd\n---\n',
    );
    expect(article.url).toBeNull();
    expect(warnings).toEqual([expect.stringMatching(/not a valid http\(s\) address; ignored/)]);
  });
});

describe('file names', () => {
  it('says a file whose name is not UTF-8 is that, and shows its name safely', () => {
    const dir = tempDir();
    writeFileSync(Buffer.from(`${dir}/caf\xe9\x1b[2J.md`, 'latin1'), articleText({ title: 'T' }));
    const { articles, warnings } = loadLibrary([{ dir, required: true }]);
    expect(articles).toEqual([]);
    expect(warnings).toEqual([
      {
        path: join(dir, 'caf\ufffd\x1b[2J.md'),
        message: 'skipped: its name is not valid UTF-8 (rename the file to read it)',
      },
    ]);
    expect(formatWarnings(warnings)).toBe(
      `inkwell: ${join(dir, 'caf\ufffd.md')}: skipped: its name is not valid UTF-8 (rename the file to read it)\n`,
    );
  });

  it('says a folder whose name is not UTF-8 is skipped, and why', () => {
    const dir = tempDir();
    mkdirSync(Buffer.from(`${dir}/d\xe9j\xe0`, 'latin1'));
    writeFileSync(Buffer.from(`${dir}/d\xe9j\xe0/a.md`, 'latin1'), articleText({ title: 'T' }));
    const { articles, warnings } = loadLibrary([{ dir, required: true }]);
    expect(articles).toEqual([]);
    expect(warnings).toEqual([
      {
        path: join(dir, 'd\ufffdj\ufffd'),
        message: 'skipped: its name is not valid UTF-8 (rename it to read it)',
      },
    ]);
  });
});

describe('help and messages', () => {
  const hostile = '/tmp/\x1b]0;owned\x07\x1b[2J\x9b31m\u202eevil';
  async function printed(argv: string[]) {
    let text = '';
    const output: Output = {
      write: (chunk) => void (text += chunk),
      warn: (chunk) => void (text += chunk),
      columns: undefined,
      style: new Chalk({ level: 0 }),
    };
    const status = await run(argv, {
      version: '1.0.0',
      bundledContent: tempDir(),
      paths: resolvePaths({ INKWELL_HOME: hostile }),
      out: output,
    });
    expect(status).toBe(0);
    expect(text.replaceAll('\n', '')).not.toMatch(TERMINAL_CONTROLS);
    return text;
  }

  it('prints help with the folders from the environment sanitized', async () => {
    expect(await printed(['--help'])).toContain('Your articles: /tmp/evil/articles');
  });

  it('names your folder sanitized when the library is empty', async () => {
    expect(await printed(['list'])).toContain('  /tmp/evil/articles\n');
  });
});

describe('the terminal', () => {
  it.each([
    [{ TERM: 'xterm-256color' }, 'linux', true],
    [{ TERM: 'screen' }, 'linux', true],
    [{ TERM: 'dumb' }, 'linux', false],
    [{ TERM: 'DUMB' }, 'linux', false],
    [{ TERM: 'unknown' }, 'linux', false],
    [{ TERM: '' }, 'linux', false],
    [{}, 'linux', false],
    [{}, 'win32', true],
  ] as const)('%o on %s can go full screen: %s', (env, platform, expected) => {
    expect(canDrawFullScreen(env, platform)).toBe(expected);
  });

  it('ends cleanly on every signal that would end it, and leaves the others alone', () => {
    const names = terminatingSignals([]).map(([name]) => name);
    for (const name of [
      'SIGHUP',
      'SIGINT',
      'SIGQUIT',
      'SIGTERM',
      'SIGUSR1',
      'SIGUSR2',
      'SIGALRM',
    ]) {
      expect(names).toContain(name);
    }
    for (const name of ['SIGVTALRM', 'SIGPROF', 'SIGXCPU', 'SIGXFSZ', 'SIGPOLL', 'SIGPWR']) {
      if (process.platform === 'linux') expect(names).toContain(name);
    }
    for (const name of ['SIGKILL', 'SIGSTOP', 'SIGSEGV', 'SIGBUS', 'SIGFPE', 'SIGILL', 'SIGPIPE']) {
      expect(names).not.toContain(name);
    }
    expect(terminatingSignals([]).find(([name]) => name === 'SIGUSR2')?.[1]).toBe(
      process.platform === 'linux' ? 12 : 31,
    );
    // The profiler ticks with SIGPROF.
    expect(terminatingSignals(['--cpu-prof']).map(([name]) => name)).not.toContain('SIGPROF');
    expect(terminatingSignals(['--prof']).map(([name]) => name)).not.toContain('SIGPROF');
  });

  it('lets Ink write nothing while the terminal is given back, and never erase the scrollback', () => {
    let written = '';
    let quiet = false;
    const stdout = {
      write: (chunk: string) => {
        written += chunk;
        return true;
      },
      columns: 42,
    } as unknown as NodeJS.WriteStream;
    const ink = inkStdout(stdout, () => quiet);
    ink.write('a\x1b[3Jb');
    expect(ink.columns).toBe(42);
    quiet = true;
    let called = false;
    ink.write('frame', () => (called = true));
    expect(written).toBe('ab');
    return new Promise<void>((resolve) => setImmediate(resolve)).then(() =>
      expect(called).toBe(true),
    );
  });

  it('suspends on Ctrl+Z from any screen, over an overlay, before the pages are ready', () => {
    expect(keyToAction('list', 'ctrl+z')).toBe('suspend');
    expect(keyToAction('reader', 'ctrl+z')).toBe('suspend');
    const articles = [makeArticle({ id: 'a', title: 'A' })];
    const waiting = initialState(articles, [], { columns: 80, rows: 24 });
    expect(reduce(waiting, { type: 'key', name: 'ctrl+z' }).request).toEqual({ kind: 'suspend' });
    const overlaid = { ...waiting, paginate: () => ({}) as never, overlay: 'help' as const };
    const suspended = reduce(overlaid, { type: 'key', name: 'ctrl+z' });
    expect(suspended.request).toEqual({ kind: 'suspend' });
    // Each Ctrl+Z is a new request, carried out once.
    expect(reduce(suspended, { type: 'key', name: 'ctrl+z' }).request).not.toBe(suspended.request);
  });
});
