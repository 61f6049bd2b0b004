// The library followed live, in a real pseudo-terminal: a file added from outside while the reader runs
// appears in its list; files removed and added while it was closed are right at the next start.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { articleText, longReadParagraphs, tempDir } from '../helpers/temp-library.js';
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

  it(
    'keeps an article open as its file is edited, then removed',
    async () => {
      const home = tempDir();
      const folder = join(home, 'articles');
      mkdirSync(folder);
      const path = join(folder, 'long.md');
      const body = (k: number) => `Paragraph ${k} of the long read, with a few words to fill it.`;
      const paragraphs = Array.from({ length: 60 }, (_, k) => body(k));
      const write = (lines: string[]) =>
        writeFileSync(
          path,
          articleText({ title: 'A Long Read', date: '2030-01-01' }, lines.join('\n\n')),
        );
      write(paragraphs);
      const session = await start(home);
      session.write('\r');
      await session.waitFor('Paragraph 0 of');
      session.write('30j');
      // The frame drawn whole: a row read while it is still being written can hold half a paragraph.
      const drawn = (rows: string[]) =>
        rows
          .filter((row) => row.includes('Paragraph'))
          .every((row) => /Paragraph \d+ of/.test(row));
      await session.waitFor((rows) => !rows.join('\n').includes('Paragraph 0 of') && drawn(rows));
      const top = session.screen().find((row) => row.includes('Paragraph'))!;
      const below = /Paragraph (\d+)/.exec(
        session.screen().filter((row) => row.includes('Paragraph'))[3]!,
      )![1]!;

      // A paragraph added at the start, and one in view rewritten: the view stays where it was.
      const edited = paragraphs.map((text, k) =>
        k === Number(below) ? 'This one was rewritten.' : text,
      );
      write(['A note added at the start.', ...edited]);
      await session.waitFor('This one was rewritten.', SLOW);
      expect(session.screen().find((row) => row.includes('Paragraph'))).toBe(top);

      rmSync(path);
      await session.waitFor('removed from the library', SLOW);
      expect(session.screen().find((row) => row.includes('Paragraph'))).toBe(top);
      session.write('q');
      await session.waitFor((rows) => /4 articles/.test(rows[0]!));
      expect(session.screen().join('\n')).not.toContain('A Long Read');
      session.write('q');
      expect(await session.exited).toBe(0);
    },
    SLOW * 3,
  );

  it(
    'wraps a long article changed on disk again in steps, answering keys, and goes back to its paragraph',
    async () => {
      const home = tempDir();
      const folder = join(home, 'articles');
      mkdirSync(folder);
      const path = join(folder, 'long.md');
      // Wrapped a section at a time.
      const paragraphs = longReadParagraphs();
      const write = (lines: string[]) =>
        writeFileSync(
          path,
          articleText({ title: 'The Longest Read', date: '2099-01-01' }, lines.join('\n\n')),
        );
      write(paragraphs);
      const session = await start(home);
      const wrapping = (rows: string[]) => /wrapping… ([\d.]+) of/.exec(rows.at(-2)!)?.[1];
      const shown = (rows: string[]) => rows.join(' ').replace(/\s+/g, ' ');
      session.write('\r');
      await session.waitFor((rows) => shown(rows).includes('Paragraph 0:'), SLOW);
      await session.waitFor((rows) => !wrapping(rows) && rows.at(-2)!.includes('%'), SLOW);
      session.write('G');
      await session.waitFor((rows) => shown(rows).includes('Paragraph 6999:'), SLOW);

      write(['A note added at the start.', ...paragraphs]);
      // Wrapped again a section at a time: the footer counts up, frames drawn in between.
      await session.waitFor((rows) => !!wrapping(rows), SLOW);
      const first = Number(wrapping(session.screen()));
      await session.waitFor((rows) => Number(wrapping(rows) ?? 0) > first, SLOW);
      // And back at its paragraph once the wrapping gets there.
      await session.waitFor(
        (rows) => !wrapping(rows) && shown(rows).includes('Paragraph 6999:'),
        SLOW,
      );

      // Changed again, and Ctrl+C while it is wrapped: answered, the terminal as it was.
      write(['Another note.', ...paragraphs]);
      await session.waitFor((rows) => !!wrapping(rows), SLOW);
      session.write('\x03');
      expect(await session.exited).toBe(0);
      expect(session.bufferType).toBe('normal');
    },
    SLOW * 3,
  );

  it(
    'asks the search shown again when a file comes that it finds',
    async () => {
      const home = tempDir();
      const folder = join(home, 'articles');
      mkdirSync(folder);
      writeFileSync(
        join(folder, 'one.md'),
        articleText({ title: 'Zebra Crossings, Part One', date: '2030-01-01' }),
      );
      const session = await start(home);
      session.write('/zebra');
      await session.waitFor('1 of 5 articles', SLOW);
      session.write('\r');
      writeFileSync(
        join(folder, 'two.md'),
        articleText({ title: 'Zebra Crossings, Part Two', date: '2030-02-02' }),
      );
      await session.waitFor('2 of 6 articles', SLOW);
      expect(session.screen().join('\n')).toContain('Part Two');
      // The selection stayed on the result it was on.
      expect(session.lookOf('Part One')?.inverse).toBe(true);
      session.write('q');
      expect(await session.exited).toBe(0);
    },
    SLOW * 3,
  );
});
