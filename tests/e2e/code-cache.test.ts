// The reader's code cache in a real pseudo-terminal: the first start writes it, the next starts from it, and
// a damaged cache or a cache folder that cannot be made never keeps the list from the screen.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TerminalSession } from '../helpers/terminal.js';
import { tempDir } from '../helpers/temp-library.js';

const SEED_TITLE = 'Russia’s Putin and N. Korea’s Kim';
/** The machine is shared and slow: a test waits long before it calls the app stuck. */
const SLOW = 30_000;
const STARTUP_MS = 10_000;

const sessions: TerminalSession[] = [];
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((session) => session.dispose()));
});

/** Starts the reader on `home`, waits for the list, quits with q; resolves to the exit status. */
async function readAndQuit(home: string): Promise<number> {
  const session = new TerminalSession([], { env: { INKWELL_HOME: home } });
  sessions.push(session);
  await session.waitFor(SEED_TITLE, STARTUP_MS);
  session.write('q');
  return session.exited;
}

const cacheFiles = (home: string) =>
  readdirSync(join(home, 'cache', 'code')).filter((name) => name.endsWith('.v8'));

describe('the code cache', () => {
  it(
    'is written by the first start, and the next starts from it',
    async () => {
      const home = tempDir();
      expect(await readAndQuit(home)).toBe(0);
      const [cache] = cacheFiles(home);
      expect(cache).toMatch(/^app-\w+\.cjs\.v\d+\.\d+\.\d+-\w+\.v8$/);
      const written = readFileSync(join(home, 'cache', 'code', cache!));
      expect(await readAndQuit(home)).toBe(0);
      // Used, not written again.
      expect(readFileSync(join(home, 'cache', 'code', cache!)).equals(written)).toBe(true);
    },
    SLOW,
  );

  it(
    'is written again when it is damaged, and the reader starts all the same',
    async () => {
      const home = tempDir();
      expect(await readAndQuit(home)).toBe(0);
      const path = join(home, 'cache', 'code', cacheFiles(home)[0]!);
      const bytes = readFileSync(path);
      for (let at = 100; at < bytes.length; at += 997) bytes[at] = bytes[at]! ^ 0xff;
      writeFileSync(path, bytes);
      expect(await readAndQuit(home)).toBe(0);
      expect(readFileSync(path).equals(bytes)).toBe(false);
      expect(await readAndQuit(home)).toBe(0);
    },
    SLOW,
  );

  it(
    'is done without when the cache folder cannot be made',
    async () => {
      const home = tempDir();
      // A file where the cache folder should be.
      writeFileSync(join(home, 'cache'), 'in the way');
      expect(await readAndQuit(home)).toBe(0);
      expect(await readAndQuit(home)).toBe(0);
    },
    SLOW,
  );
});
