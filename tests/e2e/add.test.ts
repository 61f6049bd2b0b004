// The reader's `a` prompt in a real pseudo-terminal: a path typed in, the articles imported into the
// user's folder, and the new one selected in the list.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-library.js';
import { TerminalSession } from '../helpers/terminal.js';

const FEED = fileURLToPath(new URL('../fixtures/import/workshop.atom', import.meta.url));
const SLOW = 20_000;

const sessions: TerminalSession[] = [];
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((session) => session.dispose()));
});

/** The reader on its bundled articles, its `a` prompt open. */
async function promptOpen(): Promise<TerminalSession> {
  const session = new TerminalSession([], { cols: 100, rows: 24 });
  sessions.push(session);
  await session.waitFor('q quit', 10_000);
  session.write('a');
  await session.waitFor('Esc cancels');
  return session;
}

describe('the a prompt in a terminal', () => {
  it(
    'imports a feed and selects its first article',
    async () => {
      const home = tempDir();
      const session = new TerminalSession([], { cols: 100, rows: 24, env: { INKWELL_HOME: home } });
      sessions.push(session);
      await session.waitFor('q quit', 10_000);
      session.write('a');
      await session.waitFor('Esc cancels');
      // A paste arrives as one piece of input.
      session.write(FEED);
      await session.waitFor(FEED.slice(-30));
      session.write('\r');
      await session.waitFor('2 added', SLOW);
      const rows = session.screen();
      expect(rows[0]).toMatch(/6 articles .*5\/6\s*$/);
      expect(session.lookOf('Hobel & Säge')?.inverse).toBe(true);
      expect(readdirSync(join(home, 'articles')).sort()).toEqual([
        '2022-04-20-nur-eine-zusammenfassung.md',
        '2022-05-01-hobel-säge.md',
      ]);
      session.write('q');
      expect(await session.exited).toBe(0);
    },
    SLOW * 2,
  );

  it(
    'keeps every character typed back to back',
    async () => {
      const session = await promptOpen();
      // A key a millisecond: each its own piece of input, most before the frame of the one before. (Keys
      // that land in one read come as one piece, which the field takes as typed text, like a paste.)
      const address = 'https://example.com/some/long/path/article-name.html';
      for (const char of address) {
        session.write(char);
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      await session.waitFor(`> ${address}`);
      session.write('\x1b');
      await session.waitFor('q quit');
    },
    SLOW * 2,
  );

  it(
    'Esc leaves the prompt without importing',
    async () => {
      const session = await promptOpen();
      session.write('\x1b');
      await session.waitFor('q quit');
      expect(session.screen()[0]).toMatch(/4 articles/);
    },
    SLOW * 2,
  );
});
