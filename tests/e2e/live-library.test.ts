// The library followed live, in a real pseudo-terminal: a file added from outside while the reader runs
// appears in its list; files removed and added while it was closed are right at the next start.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { articleText, tempDir } from '../helpers/temp-library.js';
import { TerminalSession } from '../helpers/terminal.js';

const SLOW = 20_000;
/** The bundled seed article, the oldest: the last row of the list. */
const SEED_TITLE = 'Russia’s Putin';

const sessions: TerminalSession[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.dispose();
});

async function start(home: string): Promise<TerminalSession> {
  const session = new TerminalSession([], { cols: 100, rows: 24, env: { INKWELL_HOME: home } });
  sessions.push(session);
  await session.waitFor('q quit', 10_000);
  return session;
}

const header = (session: TerminalSession) => session.screen()[0]!;

describe('the live library', () => {
  it(
    'shows a file added while it runs, and what changed while it was closed at the next start',
    async () => {
      const home = tempDir();
      // The user's folder does not exist yet: it is waited for.
      const folder = join(home, 'articles');
      let session = await start(home);
      expect(header(session)).toMatch(/4 articles/);
      session.write('G');
      await session.waitFor('4/4');

      mkdirSync(folder);
      writeFileSync(
        join(folder, 'arrived.md'),
        articleText({ title: 'Arrived While Running', date: '2030-01-01' }),
      );
      await session.waitFor('Arrived While Running', SLOW);
      await session.waitFor((rows) => /5 articles/.test(rows[0]!) && /5\/5/.test(rows[0]!));
      // The selection stayed on the seed, now the fifth row.
      expect(session.lookOf(SEED_TITLE)?.inverse).toBe(true);
      session.write('q');
      expect(await session.exited).toBe(0);

      rmSync(join(folder, 'arrived.md'));
      writeFileSync(
        join(folder, 'closed.md'),
        articleText({ title: 'Added While Closed', date: '2030-02-02' }),
      );
      session = await start(home);
      await session.waitFor('Added While Closed');
      expect(session.screen().join('\n')).not.toContain('Arrived While Running');
      expect(header(session)).toMatch(/5 articles/);
      session.write('q');
      expect(await session.exited).toBe(0);
    },
    SLOW * 3,
  );
});
