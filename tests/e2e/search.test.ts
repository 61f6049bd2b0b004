// Searching in a real pseudo-terminal: a misspelt word from the middle of the seed article's body narrows
// the list to it, and opening it shows the word marked; Ctrl+C still quits from the field.
import { afterEach, describe, expect, it } from 'vitest';
import { TerminalSession } from '../helpers/terminal.js';

const SEED_TITLE = 'Russia’s Putin and N. Korea’s Kim';
/** In the seed article's body only, once: no title or other bundled article has it. */
const WORD = 'Spaceport';
const MISSPELT = 'spaceprot';
/** The machine is shared and slow: a test waits long before it calls the app stuck. */
const SLOW = 20_000;
const STARTUP_MS = 10_000;
const LIST_FOOTER = 'q quit';

const sessions: TerminalSession[] = [];
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((session) => session.dispose()));
});

async function startList(): Promise<TerminalSession> {
  const session = new TerminalSession([], { cols: 100, rows: 24, env: { CI: 'false' } });
  sessions.push(session);
  await session.waitFor(LIST_FOOTER, STARTUP_MS);
  return session;
}

/** The screen's text as one line of words, so phrases match across the line breaks of any width. */
const words = (rows: string[]) => rows.join(' ').replace(/\s+/g, ' ');

describe('searching the library', () => {
  it(
    'finds a misspelt word of the body, and opens the article at it, marked',
    async () => {
      const session = await startList();
      session.write('/');
      await session.waitFor('Enter keep');
      session.write(MISSPELT);
      await session.waitFor('Search · 1 of 4 articles', STARTUP_MS);
      let rows = session.screen();
      expect(rows[1]).toMatch(new RegExp(`^/ ${MISSPELT}`));
      expect(rows[2]).toContain(SEED_TITLE);
      // The body's match, under the title, marked.
      expect(rows[3]).toContain(WORD);
      expect(session.lookOf(WORD)).toMatchObject({ bold: true });
      expect(words(rows)).not.toContain('Welcome to inkwell');

      session.write('\r');
      await session.waitFor('Esc clears');
      session.write('\r');
      await session.waitFor('match 1/1');
      rows = session.screen();
      expect(words(rows)).toContain(WORD);
      expect(session.lookOf(WORD)).toMatchObject({ inverse: true });

      // Back in the list the results stay; Esc brings every article back.
      session.write('q');
      await session.waitFor('Esc clears');
      session.write('\x1b');
      await session.waitFor('Library · 4 articles');
      expect(words(session.screen())).toContain('Welcome to inkwell');
    },
    SLOW,
  );

  it(
    'quits on Ctrl+C from the search field, giving the terminal back',
    async () => {
      const session = await startList();
      session.write('/kim');
      await session.waitFor('/ kim');
      session.write('\x03');
      expect(await session.exited).toBe(0);
      expect(session.bufferType).toBe('normal');
      expect(session.output.lastIndexOf('\x1b[?1049l')).toBeGreaterThan(
        session.output.lastIndexOf('\x1b[?1049h'),
      );
    },
    SLOW,
  );
});
