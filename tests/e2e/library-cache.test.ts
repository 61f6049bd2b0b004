// The reader started again after its library changed while it was closed: the start draws the list the
// cache knew, then shows the folders as they are, the selection on the same article.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { articleText, tempDir, tempLibrary } from '../helpers/temp-library.js';
import { TerminalSession } from '../helpers/terminal.js';

const STARTUP_MS = 10_000;
const sessions: TerminalSession[] = [];
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((session) => session.dispose()));
});

function start(dir: string, home: string): TerminalSession {
  const session = new TerminalSession(['--library', dir], { env: { INKWELL_HOME: home } });
  sessions.push(session);
  return session;
}

describe('the library cache in the reader', () => {
  it('shows files removed and added while it was closed at the next start', async () => {
    const dir = tempLibrary({
      'kept.md': articleText({ title: 'Kept Article', date: '2030-01-02' }, 'The kept text.'),
      'gone.md': articleText({ title: 'Gone Article', date: '2030-01-01' }),
    });
    const home = tempDir();
    const first = start(dir, home);
    await first.waitFor('Gone Article', STARTUP_MS);
    first.write('q');
    expect(await first.exited).toBe(0);

    rmSync(join(dir, 'gone.md'));
    writeFileSync(
      join(dir, 'new.md'),
      articleText({ title: 'New Article', date: '2030-01-03' }, 'The new text.'),
    );
    const second = start(dir, home);
    await second.waitFor((rows) => rows.join('\n').includes('New Article'), STARTUP_MS);
    await second.waitFor((rows) => !rows.join('\n').includes('Gone Article'), STARTUP_MS);
    // The selection stayed on the article it was on (the newest known to the cache), now second.
    second.write('\r');
    await second.waitFor('The kept text.', STARTUP_MS);
    // Opened, the new article reads from its file.
    second.write('q');
    second.write('k');
    second.write('\r');
    await second.waitFor('The new text.', STARTUP_MS);
  });
});
