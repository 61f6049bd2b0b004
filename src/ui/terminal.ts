// The terminal around the full-screen reader: the alternate screen going in, everything put back going
// out however the program ends, and both again around a suspend (Ctrl+Z, SIGTSTP) and its continue.
import { constants } from 'node:os';
import { sanitize } from '../core/sanitize.js';

// With alternate scroll (DECSET 1007) on, the terminal turns the mouse wheel into arrow keys while the
// alternate screen is up, so the wheel scrolls an article; unlike mouse reporting, it leaves the mouse to
// the terminal, and selecting text still works.
const ENTER_ALTERNATE_SCREEN = '\x1b[?1049h\x1b[H\x1b[?1007h';
const LEAVE_ALTERNATE_SCREEN = '\x1b[?1007l\x1b[?1049l';
const SHOW_CURSOR = '\x1b[?25h';
const HIDE_CURSOR = '\x1b[?25l';
const ERASE_SCROLLBACK = '\x1b[3J';

/** The full screen the reader runs in, and the ways out of it. */
export interface FullScreen {
  /**
   * stdout as Ink should see it. Ink cannot erase the scrollback through it, and what Ink writes while the
   * terminal is given back (suspended, or restored for good) is dropped: no frame lands on the main screen.
   */
  stdout: NodeJS.WriteStream;
  /** Gives the terminal back for good: main screen, visible cursor, raw mode off. Safe to call again. */
  restore(): void;
  /**
   * Gives the terminal back and stops the process, as Ctrl+Z does in a shell; once continued (`fg`), the
   * full screen is back and the listeners of `onContinue` redraw it.
   */
  suspend(): void;
  /** Calls `listener` after each continue (SIGCONT), the full screen back: the app redraws its frame. */
  onContinue(listener: () => void): () => void;
}

/** Switches to the alternate screen and keeps it, around suspends, until `restore` is called. */
export function enterFullScreen(stdin: NodeJS.ReadStream, stdout: NodeJS.WriteStream): FullScreen {
  let restored = false;
  let suspended = false;
  const continueListeners = new Set<() => void>();

  const setRaw = (raw: boolean) => {
    if (stdin.isTTY) stdin.setRawMode(raw);
  };
  const giveBack = () => {
    setRaw(false);
    stdout.write(SHOW_CURSOR + LEAVE_ALTERNATE_SCREEN);
  };
  const takeOver = () => {
    // Raw mode first: from the background (`bg`) it stops the process (SIGTTOU) before anything is drawn
    // over the shell, and goes on once `fg` brings it to the front.
    setRaw(true);
    stdout.write(ENTER_ALTERNATE_SCREEN + HIDE_CURSOR);
  };
  const continued = () => {
    if (restored) return;
    if (suspended) {
      suspended = false;
      takeOver();
    } else {
      // Stopped by SIGSTOP, which cannot be caught: the shell may have reset the terminal meanwhile.
      setRaw(true);
    }
    for (const listener of continueListeners) listener();
  };
  const suspend = () => {
    if (restored || suspended) return;
    suspended = true;
    giveBack();
    // SIGTSTP again, with its default action this time, to the whole process group as the terminal's own
    // Ctrl+Z would send it (so a script that started inkwell stops too, and its shell sees the job stop):
    // the process stops here, and kill() returns once it is continued. A process group no shell could
    // continue (an orphaned one) is not stopped at all, and simply goes on.
    process.off('SIGTSTP', suspend);
    try {
      process.kill(0, 'SIGTSTP');
    } finally {
      process.on('SIGTSTP', suspend);
    }
    continued();
  };
  const restore = () => {
    if (restored) return;
    restored = true;
    process.off('SIGTSTP', suspend);
    process.off('SIGCONT', continued);
    continueListeners.clear();
    if (!suspended) giveBack();
  };

  // Raw mode before the first byte, as after a continue: started in the background (`inkwell &`), the
  // process stops here, before it draws over the shell.
  setRaw(true);
  stdout.write(ENTER_ALTERNATE_SCREEN);
  process.on('SIGTSTP', suspend);
  process.on('SIGCONT', continued);
  // The last resort: an exit nobody planned for still leaves a usable terminal.
  process.once('exit', restore);
  const quiet = () => restored || suspended;
  return {
    stdout: inkStdout(stdout, quiet),
    restore,
    suspend,
    onContinue(listener) {
      continueListeners.add(listener);
      return () => void continueListeners.delete(listener);
    },
  };
}

/**
 * stdout for Ink: the same stream, except that Ink can no longer erase the scrollback, and writes are
 * dropped while `quiet()` holds. Ink clears the terminal, scrollback included, when its last frame is as
 * tall as the terminal, which happens once each time the terminal gets shorter; on the alternate screen
 * clearing that screen is enough.
 */
export function inkStdout(stdout: NodeJS.WriteStream, quiet = () => false): NodeJS.WriteStream {
  const write = (chunk: unknown, ...rest: unknown[]) => {
    if (quiet()) {
      // A write's callback still runs: Ink waits on one before it resolves its exit.
      const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
      if (callback) process.nextTick(callback);
      return true;
    }
    return (stdout.write as (...args: unknown[]) => boolean)(
      typeof chunk === 'string' ? chunk.replaceAll(ERASE_SCROLLBACK, '') : chunk,
      ...rest,
    );
  };
  return new Proxy(stdout, {
    get(target, property) {
      if (property === 'write') return write;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * Signals whose default action ends the process, which end the reader cleanly instead. Left out: SIGKILL
 * and SIGSTOP (they cannot be caught); SIGSEGV, SIGBUS, SIGFPE and SIGILL (raised by a faulting instruction,
 * after which no JavaScript can safely run); SIGPIPE (Node ignores it, so a closed pipe is an EPIPE error
 * instead); SIGPROF while a profiler runs (it ticks with it). SIGUSR1 would start Node's inspector; in the
 * reader it ends the program like the rest (debug with `node --inspect`). A real abort (out of memory)
 * still ends the process at once: the handler only notes the signal, and abort() raises it again.
 */
const TERMINATING = [
  'SIGHUP',
  'SIGINT',
  'SIGQUIT',
  'SIGTRAP',
  'SIGABRT',
  'SIGUSR1',
  'SIGUSR2',
  'SIGALRM',
  'SIGTERM',
  'SIGSTKFLT',
  'SIGXCPU',
  'SIGXFSZ',
  'SIGVTALRM',
  'SIGPROF',
  'SIGPOLL',
  'SIGPWR',
  'SIGSYS',
] as const;

/** The terminating signals this platform has, with their numbers (the exit status is 128 + it). */
export function terminatingSignals(
  execArgv: readonly string[] = [
    ...process.execArgv,
    ...(process.env.NODE_OPTIONS ?? '').split(' '),
  ],
): Array<[NodeJS.Signals, number]> {
  const profiling = execArgv.some((arg) => /^--(?:cpu-)?prof(?:$|[=-])/.test(arg));
  const signals = constants.signals as Partial<Record<NodeJS.Signals, number>>;
  return TERMINATING.filter((name) => !(profiling && name === 'SIGPROF')).flatMap((name) => {
    const number = signals[name];
    return number === undefined ? [] : [[name, number] as [NodeJS.Signals, number]];
  });
}

/**
 * Ends the program cleanly on a signal or a crash: `stop` gives the terminal back (and unmounts the app),
 * then a crash's message is printed on the main screen, where it stays readable. Returns the undo.
 */
export function onAbnormalExit(stop: () => void): () => void {
  const handlers = terminatingSignals().map(([signal, number]) => {
    const handler = () => {
      stop();
      process.exit(128 + number);
    };
    process.once(signal, handler);
    return [signal, handler] as const;
  });
  const crash = (error: unknown) => {
    stop();
    // A crash's message can quote anything, an article's text included.
    process.stderr.write(`inkwell: ${sanitize(describe(error))}\n`);
    process.exit(1);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  return () => {
    for (const [signal, handler] of handlers) process.off(signal, handler);
    process.off('uncaughtException', crash);
    process.off('unhandledRejection', crash);
  };
}

/** An error as a person should see it: its stack when there is one, for a bug report. */
export function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? error.message;
  return String(error);
}
