// The full-screen reader in a real pseudo-terminal: what a person sees, how keys and resizes change it,
// and that the terminal comes back as it was however the program ends.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BINARY, runCli } from '../helpers/run-cli.js';
import { longReadParagraphs, tempDir } from '../helpers/temp-library.js';
import { TerminalSession, type SessionOptions } from '../helpers/terminal.js';

const SEED_ID = '2023-09-13-russias-putin-and-n-koreas-kim-hold-talks';
const SEED_FILE = new URL(`../../content/${SEED_ID}.md`, import.meta.url);
const SEED_TITLE = 'Russia’s Putin and N. Korea’s Kim';
const SEED_BYLINE = 'Kyle Anzalone · The Libertarian Institute';
/** From the seed's last paragraph. */
const LAST_PARAGRAPH = 'Kim continued.';
const YELLOW = 3;
/** The machine is shared and slow: a test waits long before it calls the app stuck. */
const SLOW = 20_000;
const STARTUP_MS = 10_000;

const sessions: TerminalSession[] = [];
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((session) => session.dispose()));
});

function start(options: SessionOptions = {}): TerminalSession {
  const session = new TerminalSession([], options);
  sessions.push(session);
  return session;
}

/** Columns a screen row takes: the bundled articles hold no wide characters. */
const width = (row: string) => [...row].length;
/** The footer: the frame's last row, one above the terminal's last. */
const footer = (session: TerminalSession) => session.screen().at(-2)!;
const percentOf = (session: TerminalSession) => /(\d+)%/.exec(footer(session))?.[1];
/** The screen's text as one line of words, so phrases match across the line breaks of any width. */
const words = (rows: string[]) => rows.join(' ').replace(/\s+/g, ' ');

/**
 * The list's footer. A frame can reach the terminal in several pieces, and the footer is drawn last: once
 * a screen's own footer shows, the rows above it are drawn too. 'q quit' is the hint the footer keeps
 * to the last, at any width (the reader's q says 'back').
 */
const LIST_FOOTER = 'q quit';
/** The reader's footer always gives how far the reader has got; no other screen shows a %. */
const readerShown = (rows: string[]) => rows.at(-2)!.includes('%');

/** Starts the app and waits for the whole list. */
async function startList(options: SessionOptions = {}): Promise<TerminalSession> {
  const session = start(options);
  await session.waitFor(LIST_FOOTER, STARTUP_MS);
  return session;
}

/** Starts the app and opens the seed, the oldest article, on the last row of the list. */
async function openSeed(options: SessionOptions = {}): Promise<TerminalSession> {
  const session = await startList(options);
  session.write('G');
  await session.waitFor('4/4');
  session.write('\r');
  await session.waitFor((rows) => readerShown(rows) && words(rows).includes(SEED_BYLINE));
  return session;
}

/** Checks the program ended with `code` and left the terminal as it found it. */
async function expectRestored(session: TerminalSession, code: number): Promise<void> {
  expect(await session.exited).toBe(code);
  expect(session.signal).toBeUndefined();
  expect(session.bufferType).toBe('normal');
  const out = session.output;
  expect(out).toContain('\x1b[?1049h');
  expect(out).toContain('\x1b[?25l');
  expect(out.lastIndexOf('\x1b[?25h')).toBeGreaterThan(out.lastIndexOf('\x1b[?25l'));
  expect(out.lastIndexOf('\x1b[?1049l')).toBeGreaterThan(out.lastIndexOf('\x1b[?1049h'));
  // Alternate scroll (the wheel as arrow keys) is on only while the alternate screen is.
  expect(out).toContain('\x1b[?1007h');
  expect(out.lastIndexOf('\x1b[?1007l')).toBeGreaterThan(out.lastIndexOf('\x1b[?1007h'));
  // The frames stayed on the alternate screen: the main one holds none of them.
  expect(session.screen().join('')).not.toContain('inkwell · Library');
}

/** Does `act` and waits until the app has drawn something since: a frame, whatever it shows. */
async function drawn(session: TerminalSession, act: () => void): Promise<void> {
  const before = session.output.length;
  act();
  await session.waitFor(() => session.output.length > before);
}

/** Waits until the app has written nothing for a while: every frame of what came before is drawn. */
async function quiet(session: TerminalSession, ms = 150): Promise<void> {
  let seen = -1;
  while (seen !== session.output.length) {
    seen = session.output.length;
    await new Promise((resolve) => setTimeout(resolve, ms));
  }
}

/** A shell word for `text`. */
const quoted = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

describe('the full-screen reader', () => {
  it(
    'lists, opens, pages, reflows on a resize and gives the terminal back',
    async () => {
      const session = await startList({ cols: 80, rows: 24 });
      let rows = session.screen();
      expect(rows[0]).toContain('inkwell · Library · 4 articles');
      expect(rows[1]).toContain('Welcome to inkwell');
      expect(rows[2]).toContain('Reading with inkwell');
      expect(rows[3]).toContain('Adding your own articles');
      expect(rows[4]).toContain(SEED_TITLE);
      expect(rows[5]).toBe('');
      expect(Math.max(...rows.map(width))).toBeLessThanOrEqual(80);
      expect(session.wrappedRows()).toEqual([]);
      // The frame is rows − 1 tall, footer at its bottom: the terminal's last row stays empty.
      expect(rows[22]).toContain('q quit');
      expect(rows[23]).toBe('');

      session.write('G');
      await session.waitFor('4/4');
      session.write('\r');
      await session.waitFor((now) => readerShown(now) && words(now).includes(SEED_BYLINE));
      rows = session.screen();
      expect(words(rows)).toContain(`${SEED_TITLE} Hold Talks`);
      expect(rows[23]).toBe('');
      expect(percentOf(session)).not.toBe('100');

      for (let page = 0; percentOf(session) !== '100'; page++) {
        expect(page).toBeLessThan(10);
        const before = percentOf(session);
        session.write(' ');
        await session.waitFor(() => percentOf(session) !== before);
      }
      rows = session.screen();
      expect(words(rows)).toContain(LAST_PARAGRAPH);
      expect(session.wrappedRows()).toEqual([]);
      expect(rows[23]).toBe('');
      const body = rows.slice(0, 22);
      expect(Math.max(...body.map(width))).toBeGreaterThan(60);
      // The end of the top line (below the header row): after the reflow the view starts at or a little
      // before it.
      const topWords = rows
        .slice(1)
        .find((row) => row.trim() !== '')!
        .trim()
        .split(' ')
        .slice(-3)
        .join(' ');
      expect(words(rows)).toContain(topWords);

      session.resize(50, 20);
      // Reflowed: the footer on the frame's new last row, every line of text within the new column.
      await session.waitFor(
        (now) => now[18]!.includes('%') && now.slice(1, 18).every((row) => width(row) <= 48),
      );
      rows = session.screen();
      expect(Math.max(...rows.map(width))).toBeLessThanOrEqual(50);
      expect(session.wrappedRows()).toEqual([]);
      expect(rows[19]).toBe('');
      expect(Math.max(...rows.slice(0, 18).map(width))).toBeGreaterThan(40);
      expect(words(rows)).toContain(topWords);
      // No frame was ever as tall as the terminal: Ink would have cleared the screen and scrollback.
      expect(session.output).not.toContain('\x1b[3J');

      session.write('q');
      await session.waitFor(LIST_FOOTER);
      session.write('q');
      await expectRestored(session, 0);
    },
    SLOW,
  );

  it(
    'leaves raw mode: the shell gets a canonical, echoing terminal back',
    async () => {
      const script = `${quoted(process.execPath)} ${quoted(BINARY)}; stty -a`;
      const session = await startList({ command: ['/bin/sh', '-c', script] });
      session.write('q');
      expect(await session.exited).toBe(0);
      const out = session.output;
      const afterApp = out.slice(out.lastIndexOf('\x1b[?1049l'));
      expect(afterApp).toMatch(/(^|\s)icanon(\s|;|$)/m);
      expect(afterApp).toMatch(/(^|\s)echo(\s|;|$)/m);
      expect(afterApp).not.toMatch(/(^|\s)-icanon(\s|;|$)/m);
      expect(afterApp).not.toMatch(/(^|\s)-echo(\s|;|$)/m);
    },
    SLOW,
  );

  it(
    'quits on Ctrl+C from the reader',
    async () => {
      const session = await openSeed();
      session.write('\x03');
      await expectRestored(session, 0);
    },
    SLOW,
  );

  it(
    'scrolls and quits on Ctrl+C while a long article is still being wrapped',
    async () => {
      // The newest article, wrapped a section at a time after its first lines are drawn.
      const home = longLibrary(longReadParagraphs().join('\n\n'));
      const session = await startList({ env: { INKWELL_HOME: home } });
      session.write('\r');
      // Its first lines, and a footer that says how much of it is wrapped, until all is.
      const wrapped = (rows: string[]) => /wrapping… ([\d.]+) of 4\.\d MB/.exec(rows.at(-2)!)?.[1];
      await session.waitFor((rows) => words(rows).includes('Paragraph 0:') && !!wrapped(rows));
      // The footer moves on while the article is wrapped: the app draws frames in between (in one step,
      // as it was, it drew none until the whole page).
      const first = Number(wrapped(session.screen()));
      await session.waitFor((rows) => Number(wrapped(rows) ?? 0) > first);
      // A page down is answered at once, the rest still to be wrapped.
      session.write(' ');
      await session.waitFor((rows) => words(rows).includes('Paragraph 2:'));
      expect(wrapped(session.screen())).toBeDefined();
      session.write('\x03');
      await expectRestored(session, 0);
    },
    SLOW,
  );

  /** Footer of a page still being wrapped: how much of it is, in megabytes. */
  const wrappedMB = (rows: string[]) => /wrapping… ([\d.]+) of \d\.\d MB/.exec(rows.at(-2)!)?.[1];
  /** A library of one long article (the newest), with its place saved at `position` if given. */
  function longLibrary(body: string, position?: { block: number; offset: number }): string {
    const home = tempDir();
    mkdirSync(join(home, 'articles'));
    writeFileSync(
      join(home, 'articles', 'long.md'),
      `---\ntitle: The longest read\ndate: 2099-01-01\n---\n\n${body}\n`,
    );
    if (position) {
      const saved = { ...position, savedAt: '2099-01-02T00:00:00.000Z' };
      const data = {
        version: 2,
        bookmarks: {},
        read: {},
        positions: { long: saved },
        settings: {},
      };
      writeFileSync(join(home, 'config.json'), JSON.stringify(data));
    }
    return home;
  }
  /** Waits until the footer's count of what is wrapped has moved on: frames are drawn while it works. */
  async function wrappingInSteps(session: TerminalSession): Promise<void> {
    await session.waitFor((rows) => !!wrappedMB(rows), SLOW / 2);
    const first = Number(wrappedMB(session.screen()));
    await session.waitFor((rows) => Number(wrappedMB(rows) ?? 0) > first, SLOW / 2);
  }

  it.each([
    ['a table of 300,000 rows', '| a | b |\n|---|---|\n' + '| cell | cell |\n'.repeat(300_000)],
    ['a paragraph of 4 MB that starts with markup', '*Note* ' + '中文的段落，'.repeat(230_000)],
    ['a list of 190,000 items with no blank line', '- an item of the list\n'.repeat(190_000)],
  ])(
    'draws and answers Ctrl+C while it wraps one block of 4 MB: %s',
    async (_name, body) => {
      const session = await startList({ env: { INKWELL_HOME: longLibrary(body) } });
      session.write('\r');
      // The block is wrapped a part at a time, frames drawn in between: in one step, as it was, the
      // footer said nothing until the whole page was wrapped.
      await wrappingInSteps(session);
      session.write('\x03');
      await expectRestored(session, 0);
    },
    SLOW,
  );

  it(
    'opens a long article at its saved place once the wrapping gets there, answering keys meanwhile',
    async () => {
      const body = longReadParagraphs();
      const home = longLibrary(body.join('\n\n'), { block: 5000, offset: 0 });
      const session = await startList({ env: { INKWELL_HOME: home } });
      session.write('\r');
      await wrappingInSteps(session);
      await session.waitFor((rows) => words(rows).includes('Paragraph 5000:'), SLOW / 2);
      expect(footer(session)).toContain('Resumed');
      session.write('\x03');
      await expectRestored(session, 0);
    },
    SLOW,
  );

  it(
    'wraps a long article again in steps on a resize, and stays at its place',
    async () => {
      const body = longReadParagraphs();
      const home = longLibrary(body.join('\n\n'), { block: 3000, offset: 0 });
      const session = await startList({ env: { INKWELL_HOME: home } });
      session.write('\r');
      await session.waitFor((rows) => words(rows).includes('Paragraph 3000:'), SLOW / 2);
      await session.waitFor((rows) => !wrappedMB(rows) && readerShown(rows), SLOW / 2);
      session.resize(60, 24);
      await wrappingInSteps(session);
      await session.waitFor(
        (rows) => !wrappedMB(rows) && words(rows).includes('Paragraph 3000:'),
        SLOW / 2,
      );
      session.write('\x03');
      await expectRestored(session, 0);
    },
    SLOW,
  );

  it(
    'finds in a long article as it is wrapped again after a resize, and answers Ctrl+C while it finds',
    async () => {
      const body = longReadParagraphs();
      const session = await startList({ env: { INKWELL_HOME: longLibrary(body.join('\n\n')) } });
      session.write('\r');
      await session.waitFor((rows) => !wrappedMB(rows) && readerShown(rows), SLOW / 2);
      // Wrapped again a section at a time, and found in as it goes: the last paragraph is found once
      // the wrapping gets there (the lines wrapped so far were searched once, and never again).
      session.resize(60, 24);
      session.write('/Paragraph 6999');
      await session.waitFor(
        (rows) => words(rows).includes('Paragraph 6999:') && /match 1\/1(?!…)/.test(rows.at(-2)!),
        SLOW / 2,
      );
      session.write('\x1b');
      await session.waitFor((rows) => readerShown(rows) && !rows.at(-2)!.startsWith('/'));
      // A find over all of it, and Ctrl+C at once: answered, the terminal as it was.
      session.write('/words');
      session.write('\x03');
      await expectRestored(session, 0);
    },
    SLOW,
  );

  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
    ['SIGQUIT', 131],
  ] as const)(
    'restores the terminal on %s and exits 128 + its number',
    async (signal, status) => {
      const session = await openSeed();
      session.kill(signal);
      await expectRestored(session, status);
    },
    SLOW,
  );

  it(
    'shows the keys on ?, and any key closes them',
    async () => {
      const session = await openSeed();
      session.write('?');
      await session.waitFor('next quotation');
      expect(words(session.screen())).toContain('Keys: reading');
      expect(words(session.screen())).not.toContain(SEED_BYLINE);
      session.write('x');
      await session.waitFor(readerShown);
      expect(words(session.screen())).toContain(SEED_BYLINE);
      expect(words(session.screen())).not.toContain('Keys:');
    },
    SLOW,
  );

  it(
    'jumps from quotation to quotation, marking the one it is on',
    async () => {
      const session = await openSeed();
      expect(session.lookOf('“That’s why')).toMatchObject({ italic: true, inverse: false });
      session.write('"');
      await session.waitFor('quotation 1/');
      // The title's quoted words come first (in the article, below the header row that names it).
      for (const text of ['‘Unbreakable', 'Relations’']) {
        for (const look of session.looksOf(text, 1)!) {
          expect(look).toMatchObject({ inverse: true, italic: true, color: YELLOW });
        }
      }
      expect(session.lookOf(SEED_TITLE, 1)).toMatchObject({ inverse: false });
      expect(session.lookOf('“That’s why')).toMatchObject({ inverse: false });

      session.write('"');
      await session.waitFor('quotation 2/');
      // The whole quotation, over its three lines, and nothing around it.
      for (const text of ['“That’s why we came', 'here. The leader', 'develop space.”']) {
        for (const look of session.looksOf(text)!) {
          expect(look).toMatchObject({ inverse: true, italic: true, color: YELLOW });
        }
      }
      expect(session.lookOf('Putin responded,')).toMatchObject({ inverse: false, italic: false });
      expect(session.lookOf('‘Unbreakable', 1)).toMatchObject({ inverse: false, italic: true });
    },
    SLOW,
  );

  it(
    'survives a tiny terminal',
    async () => {
      const session = await startList({ cols: 20, rows: 6 });
      expect(session.screen()[5]).toBe('');
      expect(session.wrappedRows()).toEqual([]);
      session.write('G');
      await session.waitFor('4/4');
      session.write('\r');
      await session.waitFor(readerShown);
      // Every key of the reader, then help: once help shows, the app has handled all the keys before it.
      for (const keys of ['jjkk', '   ', 'bb', 'ddu', 'G', 'g', '""""', "''", '][', 'w', 'x']) {
        session.write(keys);
      }
      session.write('?');
      await session.waitFor('Keys:');
      expect(session.alive).toBe(true);
      session.write('x');
      await session.waitFor(readerShown);
      expect(words(session.screen())).not.toContain('Keys:');

      // Smaller still, down to a single cell, in the reader and then in the list.
      for (const screen of ['reader', 'list']) {
        for (const [cols, rows] of [
          [10, 3],
          [2, 2],
        ] as const) {
          await drawn(session, () => session.resize(cols, rows));
          // Right after a shrink Ink draws a frame taller than the screen and clears it; a key's frame in
          // that moment can go unwritten until the next key (an Ink 6.8 quirk, noted for the team): the
          // keys wait until the resize's frames are done.
          await quiet(session);
          // Help changes the frame at any size: a new frame proves the keys before it were handled.
          await drawn(session, () => session.write('jG"g?'));
          await drawn(session, () => session.write('x'));
          expect(session.alive).toBe(true);
        }
        // One row leaves no room for a frame (it must stay a row short): nothing is drawn, keys still work.
        session.resize(1, 1);
        session.write('jG"g?x');
        await drawn(session, () => session.resize(20, 6));
        session.write('?');
        await session.waitFor('Keys:');
        session.write('x');
        await session.waitFor((rows) =>
          screen === 'reader' ? readerShown(rows) : rows.join('').includes(LIST_FOOTER),
        );
        expect(session.wrappedRows()).toEqual([]);
        expect(session.screen()[5]).toBe('');
        if (screen === 'reader') {
          session.write('q');
          await session.waitFor(LIST_FOOTER);
        }
      }
      session.write('\x03');
      await expectRestored(session, 0);
    },
    SLOW,
  );

  it(
    'centres the text column on a wide terminal',
    async () => {
      const session = await openSeed({ cols: 300, rows: 30 });
      // The article's rows, between the header row and the footer.
      const body = session
        .screen()
        .slice(1, 28)
        .filter((row) => row.trim() !== '');
      const left = Math.min(...body.map((row) => row.length - row.trimStart().length));
      // (300 − 80) / 2 = 110, give or take the column's own margins.
      expect(left).toBeGreaterThanOrEqual(100);
      expect(left).toBeLessThanOrEqual(120);
      expect(Math.max(...body.map(width))).toBeLessThanOrEqual(left + 80);
    },
    SLOW,
  );

  it(
    'tells things apart without colour under NO_COLOR',
    async () => {
      const session = await startList({ env: { NO_COLOR: '1' } });
      expect(session.lookOf('Welcome to inkwell')).toMatchObject({ inverse: true, color: -1 });
      expect(session.lookOf('Reading with inkwell')).toMatchObject({ inverse: false, color: -1 });
      session.write('G');
      await session.waitFor('4/4');
      session.write('\r');
      await session.waitFor(readerShown);
      expect(session.lookOf('“That’s why')).toMatchObject({
        italic: true,
        inverse: false,
        color: -1,
      });
      session.write('""');
      await session.waitFor('quotation 2/');
      for (const look of session.looksOf('“That’s why we came')!) {
        expect(look).toMatchObject({ italic: true, inverse: true, color: -1 });
      }
      expect(session.lookOf('“As neighbors')).toMatchObject({
        italic: true,
        inverse: false,
        color: -1,
      });
    },
    SLOW,
  );

  it('prints the list, as inkwell list does, when stdout is not a terminal', () => {
    const home = tempDir();
    const plain = runCli([], {}, home);
    const list = runCli(['list'], {}, home);
    expect(plain.status).toBe(0);
    expect(plain.stdout).toContain(SEED_TITLE);
    expect(plain.stdout).not.toContain('\x1b');
    expect(plain).toEqual(list);
  });

  it(
    'prints the list on the terminal when stdin is not one',
    async () => {
      const script = `${quoted(process.execPath)} ${quoted(BINARY)} < /dev/null; echo "exit $?"`;
      const session = start({ command: ['/bin/sh', '-c', script] });
      await session.waitFor('exit 0');
      const rows = session.screen();
      expect(rows.some((row) => row.includes(SEED_TITLE.slice(0, 20)))).toBe(true);
      expect(session.output).not.toContain('\x1b[?1049h');
    },
    SLOW,
  );

  it(
    'scrolls with the mouse wheel, which alternate scroll turns into arrow keys',
    async () => {
      const session = await openSeed();
      const first = session.screen();
      // What a terminal sends for three notches of the wheel down, under DECSET 1007.
      // Row 0 is the header, which stays; the article scrolls below it.
      for (let notch = 0; notch < 3; notch++) session.write('\x1b[B');
      await session.waitFor((rows) => rows[1] === first[4]);
      for (let notch = 0; notch < 3; notch++) session.write('\x1b[A');
      await session.waitFor((rows) => rows[1] === first[1]);
      expect(session.screen()[0]).toBe(first[0]);
    },
    SLOW,
  );

  describe('o opens the article in the browser', () => {
    /** A home whose own copy of the seed has a link, and a fake xdg-open that notes what it was given. */
    function setUp(status: number, url: string | null = 'https://example.com/putin-kim') {
      const home = tempDir();
      mkdirSync(join(home, 'articles'));
      const seed = readFileSync(SEED_FILE, 'utf8').replace(/^url:.*\n/m, '');
      const linked = url ? seed.replace('\n---\n', `\nurl: ${url}\n---\n`) : seed;
      writeFileSync(join(home, 'articles', `${SEED_ID}.md`), linked);
      const bin = tempDir();
      const opened = join(bin, 'opened');
      const script = `#!/bin/sh\nprintf '%s' "$1" > ${quoted(opened)}\nexit ${status}\n`;
      writeFileSync(join(bin, 'xdg-open'), script);
      chmodSync(join(bin, 'xdg-open'), 0o755);
      const env = { INKWELL_HOME: home, PATH: `${bin}:${process.env.PATH}` };
      return { env, opened, bin };
    }

    it(
      'says it opened the link when the launcher succeeds',
      async () => {
        const { env, opened } = setUp(0);
        const session = await openSeed({ env });
        session.write('o');
        await session.waitFor('Opened example.com');
        expect(readFileSync(opened, 'utf8')).toBe('https://example.com/putin-kim');
      },
      SLOW,
    );

    it(
      'uses $BROWSER when it is set, the first program in it that starts',
      async () => {
        const { env, opened, bin } = setUp(0);
        const browser = join(bin, 'my-browser');
        const script = `#!/bin/sh\nprintf '%s|%s' "$1" "$2" > ${quoted(`${opened}-browser`)}\n`;
        writeFileSync(browser, script);
        chmodSync(browser, 0o755);
        const session = await openSeed({
          env: { ...env, BROWSER: `${join(bin, 'missing')}:${browser} --new-tab` },
        });
        session.write('o');
        await session.waitFor('Opened example.com');
        expect(readFileSync(`${opened}-browser`, 'utf8')).toBe(
          '--new-tab|https://example.com/putin-kim',
        );
        expect(existsSync(opened)).toBe(false);
      },
      SLOW,
    );

    it(
      'follows link 2 of an article from L, through $BROWSER',
      async () => {
        const { env, bin } = setUp(0);
        const body = [
          'First [the report](https://example.org/report) and [the map](https://example.net/map?x=1).',
          '',
          'Then [mail us](mailto:desk@example.org).',
        ].join('\n');
        writeFileSync(
          join(env.INKWELL_HOME, 'articles', 'linked.md'),
          `---\ntitle: A linked article\ndate: 2099-01-01\n---\n${body}\n`,
        );
        const browser = join(bin, 'fake-browser');
        const noted = join(bin, 'noted');
        writeFileSync(browser, `#!/bin/sh\nprintf '%s' "$1" > ${quoted(noted)}\n`);
        chmodSync(browser, 0o755);
        // The fake browser is found on PATH by name, as a real one would be.
        const session = await startList({ env: { ...env, BROWSER: 'fake-browser' } });
        session.write('\r');
        await session.waitFor('the map[2]');
        session.write('L');
        await session.waitFor('Links: a number or Enter opens one');
        // A frame can reach the screen in more than one piece: wait for the row, then the whole list.
        await session.waitFor((rows) =>
          words(rows).includes('[2] the map · https://example.net/map?x=1'),
        );
        expect(words(session.screen())).toContain('[1] the report · https://example.org/report');
        session.write('2');
        await session.waitFor('Opened example.net');
        expect(readFileSync(noted, 'utf8')).toBe('https://example.net/map?x=1');
      },
      SLOW,
    );

    it(
      'says no browser could open it when the launcher fails',
      async () => {
        const { env, opened } = setUp(3);
        const session = await openSeed({ env });
        session.write('o');
        await session.waitFor('No browser could open example.com');
        expect(readFileSync(opened, 'utf8')).toBe('https://example.com/putin-kim');
      },
      SLOW,
    );

    it(
      'says so when the article has no link',
      async () => {
        const { env, opened } = setUp(0, null);
        const session = await openSeed({ env });
        session.write('o');
        await session.waitFor('This article has no link to open.');
        expect(existsSync(opened)).toBe(false);
      },
      SLOW,
    );
  });
});
