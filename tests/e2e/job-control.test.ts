// The reader and the shell's job control in a real pseudo-terminal: Ctrl+Z and SIGTSTP suspend it with the
// terminal given back, `fg` brings it back redrawn; every signal that ends it gives the terminal back first;
// a terminal that cannot go full screen gets the list.
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { BINARY } from '../helpers/run-cli.js';
import { TerminalSession, type SessionOptions } from '../helpers/terminal.js';

const SEED_TITLE = 'Russia’s Putin and N. Korea’s Kim';
const LIST_FOOTER = 'q quit';
/** The machine is shared and slow: a test waits long before it calls the app stuck. */
const SLOW = 30_000;
const STARTUP_MS = 10_000;

const sessions: TerminalSession[] = [];
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((session) => session.dispose()));
});

function start(args: string[], options: SessionOptions = {}): TerminalSession {
  const session = new TerminalSession(args, options);
  sessions.push(session);
  return session;
}

const quoted = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;
const INKWELL = `${quoted(process.execPath)} ${quoted(BINARY)}`;
const readerShown = (rows: string[]) => rows.at(-2)!.includes('%');

/** An interactive shell with job control, no start-up files, and `$ ` for a prompt. */
async function shell(): Promise<TerminalSession> {
  const session = start([], {
    command: ['bash', '--norc', '--noprofile', '-i'],
    env: { PS1: '$ ', HISTFILE: '/dev/null' },
  });
  await session.waitFor('$');
  return session;
}

/** What the program wrote from the last time `marker` appeared. */
const since = (session: TerminalSession, marker: string) =>
  session.output.slice(session.output.lastIndexOf(marker));

/** The terminal as a shell wants it: main screen, cursor shown, line editing and echo on. */
async function expectGivenBack(session: TerminalSession): Promise<void> {
  expect(session.bufferType).toBe('normal');
  const out = session.output;
  expect(out.lastIndexOf('\x1b[?1049l')).toBeGreaterThan(out.lastIndexOf('\x1b[?1049h'));
  expect(out.lastIndexOf('\x1b[?25h')).toBeGreaterThan(out.lastIndexOf('\x1b[?25l'));
  session.write('stty -a; echo stty-done\r');
  await session.waitFor((rows) => rows.some((row) => row.startsWith('stty-done')));
  const modes = since(session, 'stty -a');
  expect(modes).toMatch(/(^|\s)icanon(\s|;|$)/m);
  expect(modes).toMatch(/(^|\s)echo(\s|;|$)/m);
  expect(modes).not.toMatch(/(^|\s)-icanon(\s|;|$)/m);
  expect(modes).not.toMatch(/(^|\s)-echo(\s|;|$)/m);
}

/** `fg`, then the list drawn again on the alternate screen, and keys that work: open, back, quit. */
async function expectBack(session: TerminalSession): Promise<void> {
  const before = session.output.length;
  session.write('fg\r');
  await session.waitFor(
    (rows) => session.output.length > before && rows.join('\n').includes(LIST_FOOTER),
    STARTUP_MS,
  );
  expect(session.bufferType).toBe('alternate');
  const back = session.output.slice(before);
  expect(back).toContain('\x1b[?1049h');
  expect(back.lastIndexOf('\x1b[?25l')).toBeGreaterThan(back.lastIndexOf('\x1b[?25h'));
  expect(session.screen().join('\n')).toContain('Welcome to inkwell');
  session.write('G');
  await session.waitFor('4/4');
  session.write('\r');
  await session.waitFor(readerShown);
  session.write('q');
  await session.waitFor(LIST_FOOTER);
  session.write('q');
  // The shell's prompt again, below the line `fg` printed.
  await session.waitFor((rows) =>
    rows.slice(rows.indexOf('$ fg') + 2).some((row) => row.trim() === '$'),
  );
  session.write('echo "status $?"\r');
  await session.waitFor('status 0');
  expect(session.bufferType).toBe('normal');
}

describe('suspending the reader', () => {
  it(
    'gives the terminal back on Ctrl+Z, and takes it again on fg',
    async () => {
      const session = await shell();
      session.write(`${INKWELL}\r`);
      await session.waitFor(LIST_FOOTER, STARTUP_MS);
      session.write('\x1a');
      await session.waitFor('Stopped');
      await expectGivenBack(session);
      await expectBack(session);
    },
    SLOW,
  );

  it(
    'does the same on a SIGTSTP from elsewhere',
    async () => {
      const session = await shell();
      session.write(`${INKWELL}\r`);
      await session.waitFor(LIST_FOOTER, STARTUP_MS);
      const pid = Number(execFileSync('pgrep', ['-P', String(session.pid)], { encoding: 'utf8' }));
      process.kill(pid, 'SIGTSTP');
      await session.waitFor('Stopped');
      await expectGivenBack(session);
      await expectBack(session);
    },
    SLOW,
  );

  it(
    'started in the background, waits without drawing over the shell until fg',
    async () => {
      const session = await shell();
      session.write(`${INKWELL} &\r`);
      session.write('sleep 1; jobs\r');
      await session.waitFor('Stopped');
      expect(session.bufferType).toBe('normal');
      expect(session.output).not.toContain('\x1b[?1049h');
      await expectBack(session);
    },
    SLOW,
  );

  it(
    'goes on when no shell could continue it',
    async () => {
      // Started straight in the terminal, the reader is a process group no shell controls: the system
      // does not stop it, and it takes the screen back at once.
      const session = start([]);
      await session.waitFor(LIST_FOOTER, STARTUP_MS);
      const before = session.output.length;
      session.write('\x1a');
      await session.waitFor(() => session.output.slice(before).includes('\x1b[?1049h'));
      session.write('?');
      await session.waitFor('Keys:');
      expect(session.bufferType).toBe('alternate');
      session.write('x');
      session.write('q');
      expect(await session.exited).toBe(0);
      expect(session.bufferType).toBe('normal');
    },
    SLOW,
  );

  it(
    'redraws and reads keys again after SIGSTOP and SIGCONT',
    async () => {
      const session = start([]);
      await session.waitFor(LIST_FOOTER, STARTUP_MS);
      session.kill('SIGSTOP');
      const before = session.output.length;
      session.kill('SIGCONT');
      await session.waitFor(() => session.output.slice(before).includes('Welcome to inkwell'));
      session.write('?');
      await session.waitFor('Keys:');
      session.write('x');
      session.write('q');
      expect(await session.exited).toBe(0);
    },
    SLOW,
  );
});

describe('signals', () => {
  it.each([
    ['SIGUSR1', 138],
    ['SIGUSR2', 140],
    ['SIGALRM', 142],
    ['SIGVTALRM', 154],
    ['SIGXCPU', 152],
    ['SIGTRAP', 133],
    ['SIGSYS', 159],
  ] as const)(
    'gives the terminal back on %s and exits 128 + its number',
    async (signal, status) => {
      const session = start([]);
      await session.waitFor(LIST_FOOTER, STARTUP_MS);
      session.kill(signal);
      expect(await session.exited).toBe(status);
      expect(session.signal).toBeUndefined();
      expect(session.bufferType).toBe('normal');
      const out = session.output;
      expect(out.lastIndexOf('\x1b[?1049l')).toBeGreaterThan(out.lastIndexOf('\x1b[?1049h'));
      expect(out.lastIndexOf('\x1b[?25h')).toBeGreaterThan(out.lastIndexOf('\x1b[?25l'));
      // No frame after the terminal was given back.
      expect(out.slice(out.lastIndexOf('\x1b[?1049l'))).not.toContain('inkwell · Library');
    },
    SLOW,
  );

  it(
    'goes on reading after a SIGPIPE, which Node ignores',
    async () => {
      const session = start([]);
      await session.waitFor(LIST_FOOTER, STARTUP_MS);
      session.kill('SIGPIPE');
      session.write('?');
      await session.waitFor('Keys:');
      expect(session.alive).toBe(true);
    },
    SLOW,
  );
});

describe('a terminal that cannot go full screen', () => {
  it.each(['dumb', 'unknown'])(
    'gets the list, as inkwell list prints it, with TERM=%s',
    async (term) => {
      const session = start([], { env: { TERM: term } });
      expect(await session.exited).toBe(0);
      expect(session.output).not.toContain('\x1b[?1049h');
      expect(session.output).not.toContain('\x1b[');
      expect(session.lines().some((line) => line.includes(SEED_TITLE.slice(0, 20)))).toBe(true);
    },
    SLOW,
  );
});
