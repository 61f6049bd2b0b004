// What the user owns survives the reader ending, however it ends, and a terminal of another size: the
// built binary in a real pseudo-terminal, started twice over the same INKWELL_HOME.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-library.js';
import { TerminalSession, type SessionOptions } from '../helpers/terminal.js';

/** The start of the seed's title: a narrow list cuts the rest. */
const SEED_TITLE = 'Russia’s Putin';
const WELCOME = 'Welcome to inkwell';
const LIST_FOOTER = 'q quit';
const SLOW = 40_000;
const STARTUP_MS = 10_000;

const sessions: TerminalSession[] = [];
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((session) => session.dispose()));
});

async function startList(home: string, options: SessionOptions = {}): Promise<TerminalSession> {
  const session = new TerminalSession([], { ...options, env: { INKWELL_HOME: home } });
  sessions.push(session);
  await session.waitFor(LIST_FOOTER, STARTUP_MS);
  return session;
}

const rowOf = (session: TerminalSession, title: string) =>
  session.screen().find((row) => row.includes(title)) ?? '';
const footer = (session: TerminalSession) => session.screen().at(-2)!;
/** The reader's header row: the article's title, source and ★. */
const header = (session: TerminalSession) => session.screen()[0]!;
const percentOf = (session: TerminalSession) => Number(/(\d+)%/.exec(footer(session))?.[1]);
const readerShown = (rows: string[]) => rows.at(-2)!.includes('%');

/** Opens the seed, the last row of the list: at its top, or where it was left. */
async function openSeed(session: TerminalSession): Promise<void> {
  session.write('G');
  await session.waitFor('4/4');
  session.write('\r');
  await session.waitFor(
    (rows) => readerShown(rows) && /Kyle Anzalone|Resumed at/.test(rows.join(' ')),
  );
}

/** Pages down, once at least, until `percent` is read; returns the first words in view. */
async function readTo(session: TerminalSession, percent: number): Promise<string> {
  for (let pages = 0; pages === 0 || percentOf(session) < percent; pages++) {
    const before = footer(session);
    session.write(' ');
    await session.waitFor(() => footer(session) !== before);
  }
  return session
    .screen()
    .find((row) => row.trim().split(/\s+/).length > 4)!
    .trim()
    .split(/\s+/)
    .slice(0, 4)
    .join(' ');
}

describe('what the reader keeps', () => {
  it(
    'keeps stars, read marks and the place read across a restart at another size',
    async () => {
      const home = tempDir();
      let session = await startList(home, { cols: 80, rows: 24 });
      // Nothing read yet: every row unread, none starred.
      expect(rowOf(session, WELCOME)).toMatch(/^• {2}2026/);
      session.write('s');
      await session.waitFor(() => rowOf(session, WELCOME).startsWith('•★'));

      await openSeed(session);
      expect(header(session)).not.toContain('★');
      session.write('s');
      await session.waitFor(() => header(session).includes('★'));
      const topWords = await readTo(session, 40);
      const percent = percentOf(session);
      expect(percent).toBeLessThan(100);

      session.write('q');
      await session.waitFor(LIST_FOOTER);
      expect(rowOf(session, SEED_TITLE)).toMatch(/^ ★/);
      session.write('q');
      expect(await session.exited).toBe(0);

      const listed = JSON.parse(runCli(['bookmarks', '--json'], {}, home).stdout) as {
        id: string;
      }[];
      expect(listed.map((bookmark) => bookmark.id).sort()).toEqual([
        '2023-09-13-russias-putin-and-n-koreas-kim-hold-talks',
        '2026-11-28-welcome-to-inkwell',
      ]);

      session = await startList(home, { cols: 60, rows: 18 });
      await session.waitFor(() => rowOf(session, SEED_TITLE).startsWith(' ★'));
      expect(rowOf(session, WELCOME)).toMatch(/^•★/);
      expect(session.screen()[0]).toContain('3 unread');
      await openSeed(session);
      await session.waitFor('Resumed at');
      expect(session.screen().join(' ').replace(/\s+/g, ' ')).toContain(topWords);
      expect(footer(session)).toMatch(/Resumed at \d+%/);
      session.write('\x03');
      expect(await session.exited).toBe(0);
    },
    SLOW,
  );

  it.each([
    ['Ctrl+C', (session: TerminalSession) => session.write('\x03')],
    ['SIGTERM', (session: TerminalSession) => session.kill('SIGTERM')],
    ['SIGHUP', (session: TerminalSession) => session.kill('SIGHUP')],
  ] as const)(
    'writes the place read at once on %s',
    async (_name, end) => {
      const home = tempDir();
      let session = await startList(home);
      await openSeed(session);
      const topWords = await readTo(session, 50);
      // At once: no pause for the position to be saved on its own.
      end(session);
      await session.exited;

      session = await startList(home, { cols: 100, rows: 30 });
      await openSeed(session);
      await session.waitFor('Resumed at');
      expect(session.screen().join(' ').replace(/\s+/g, ' ')).toContain(topWords);
    },
    SLOW,
  );

  it(
    'Tab shows the unread, then the bookmarks, each with its own selection',
    async () => {
      const home = tempDir();
      expect(runCli(['read', '2026-11-27'], {}, home).status).toBe(0);
      expect(runCli(['bookmark', 'add', '2026-11-26', '2023-09'], {}, home).status).toBe(0);
      const session = await startList(home);
      await session.waitFor(() => session.screen()[0]!.includes('3 unread'));
      session.write('\t');
      await session.waitFor('inkwell · Unread · 3 unread');
      expect(rowOf(session, 'Reading with inkwell')).toBe('');
      session.write('\t');
      await session.waitFor('inkwell · Bookmarks · 2 bookmarks');
      expect(rowOf(session, WELCOME)).toBe('');
      expect(rowOf(session, SEED_TITLE)).toMatch(/★/);
      session.write('\t');
      await session.waitFor('inkwell · Library · 4 articles');
      session.write('q');
      expect(await session.exited).toBe(0);
    },
    SLOW,
  );

  it(
    'shows a bookmark made by another inkwell within a few seconds, and keeps it',
    async () => {
      const home = tempDir();
      const session = await startList(home);
      await session.waitFor(() => rowOf(session, WELCOME).startsWith('• '));
      expect(runCli(['bookmark', 'add', '2026-11-28'], {}, home).status).toBe(0);
      await session.waitFor(() => rowOf(session, WELCOME).startsWith('•★'), 8000);
      // A change made here afterwards is saved over the file as it is now, not over an older copy.
      session.write('j');
      await session.waitFor('2/4');
      session.write('s');
      await session.waitFor(() => rowOf(session, 'Reading with inkwell').startsWith('•★'));
      session.write('q');
      expect(await session.exited).toBe(0);
      const listed = JSON.parse(runCli(['bookmarks', '--json'], {}, home).stdout) as unknown[];
      expect(listed).toHaveLength(2);
    },
    SLOW,
  );

  it(
    'moves a damaged file aside and says where',
    async () => {
      const home = tempDir();
      writeFileSync(join(home, 'config.json'), '{"version": 2, "bookmarks": {"a": ');
      const session = await startList(home);
      await session.waitFor('was damaged');
      expect(readdirSync(home).some((name) => name.startsWith('config.json.corrupt-'))).toBe(true);
      session.write('q');
      expect(await session.exited).toBe(0);
    },
    SLOW,
  );

  it(
    'works with a folder that cannot be written, and says once that nothing will be saved',
    async () => {
      const parent = tempDir();
      writeFileSync(join(parent, 'file'), '');
      const home = join(parent, 'file', 'home');
      const session = await startList(home);
      await session.waitFor('Nothing will be saved');
      session.write('s');
      await session.waitFor(() => rowOf(session, WELCOME).includes('★'));
      expect(footer(session)).not.toContain('Nothing will be saved');
      session.write('j');
      await session.waitFor('2/4');
      expect(session.screen().join('\n')).not.toContain('Nothing will be saved');
      session.write('q');
      expect(await session.exited).toBe(0);
      expect(existsSync(home)).toBe(false);
    },
    SLOW,
  );
});
