// The terminal around the full-screen reader: the alternate screen going in, and everything put back
// going out, however the program ends.

const ENTER_ALTERNATE_SCREEN = '\x1b[?1049h\x1b[H';
const LEAVE_ALTERNATE_SCREEN = '\x1b[?1049l';
const SHOW_CURSOR = '\x1b[?25h';

/**
 * Switches to the alternate screen and returns the function that switches back: main screen, visible
 * cursor, raw mode off. It is safe to call more than once and from any exit path.
 */
export function enterFullScreen(stdin: NodeJS.ReadStream, stdout: NodeJS.WriteStream): () => void {
  stdout.write(ENTER_ALTERNATE_SCREEN);
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    if (stdin.isTTY) stdin.setRawMode(false);
    stdout.write(SHOW_CURSOR + LEAVE_ALTERNATE_SCREEN);
  };
  // The last resort: an exit nobody planned for still leaves a usable terminal.
  process.once('exit', restore);
  return restore;
}

const ERASE_SCROLLBACK = '\x1b[3J';

/**
 * stdout as Ink should see it: the same stream, except that Ink can no longer erase the scrollback. Ink
 * clears the terminal, scrollback included, when its last frame is as tall as the terminal, which happens
 * once each time the terminal gets shorter; on the alternate screen clearing that screen is enough.
 */
export function keepScrollback(stdout: NodeJS.WriteStream): NodeJS.WriteStream {
  const write = (chunk: unknown, ...rest: unknown[]) =>
    (stdout.write as (...args: unknown[]) => boolean)(
      typeof chunk === 'string' ? chunk.replaceAll(ERASE_SCROLLBACK, '') : chunk,
      ...rest,
    );
  return new Proxy(stdout, {
    get(target, property) {
      if (property === 'write') return write;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGTERM: 15 } as const;

/**
 * Ends the program cleanly on a signal or a crash: `stop` unmounts the app and restores the terminal,
 * then a crash's message is printed on the main screen, where it stays readable. Returns the undo.
 */
export function onAbnormalExit(stop: () => void): () => void {
  const handlers = Object.entries(SIGNALS).map(([signal, number]) => {
    const handler = () => {
      stop();
      process.exit(128 + number);
    };
    process.once(signal, handler);
    return [signal, handler] as const;
  });
  const crash = (error: unknown) => {
    stop();
    process.stderr.write(`inkwell: ${describe(error)}\n`);
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
