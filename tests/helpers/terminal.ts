// A real pseudo-terminal running the built binary, read back through a headless xterm: the screen (and
// scrollback) exactly as a person would see it, cell attributes included.
import xterm, { type IBufferCell } from '@xterm/headless';
import { spawn, type IPty } from 'node-pty';
import { BINARY } from './run-cli.js';
import { tempDir } from './temp-library.js';

/** One cell's look, as the terminal drew it. */
export interface CellLook {
  char: string;
  italic: boolean;
  bold: boolean;
  inverse: boolean;
  /** Palette index of the foreground colour, or -1 for the default. */
  color: number;
}

export interface SessionOptions {
  cols?: number;
  rows?: number;
  env?: Record<string, string>;
  /** Runs this program and its arguments instead of the binary, e.g. a shell that runs it and then stty. */
  command?: readonly [string, ...string[]];
}

function lookOfCell(cell: IBufferCell): CellLook {
  return {
    char: cell.getChars(),
    italic: cell.isItalic() !== 0,
    bold: cell.isBold() !== 0,
    inverse: cell.isInverse() !== 0,
    color: cell.isFgDefault() ? -1 : cell.getFgColor(),
  };
}

export class TerminalSession {
  private readonly pty: IPty;
  private readonly term: InstanceType<typeof xterm.Terminal>;
  private raw = '';
  private ended = false;
  /** Resolves with the exit code once the program has ended and its output is drawn. */
  readonly exited: Promise<number>;
  /** The signal that ended the program, if one did (set once `exited` resolves). */
  signal: number | undefined;

  constructor(args: string[], { cols = 80, rows = 24, env = {}, command }: SessionOptions = {}) {
    this.term = new xterm.Terminal({ cols, rows, scrollback: 5000, allowProposedApi: true });
    const inherited = { ...process.env };
    for (const name of ['NO_COLOR', 'FORCE_COLOR', 'CI', 'COLORTERM', 'BROWSER'])
      delete inherited[name];
    const [file, ...fileArgs] = command ?? [process.execPath, BINARY, ...args];
    this.pty = spawn(file, fileArgs, {
      cols,
      rows,
      // node-pty sets TERM from the terminal's name.
      name: env.TERM ?? 'xterm-256color',
      env: { ...inherited, TERM: 'xterm-256color', INKWELL_HOME: tempDir(), ...env },
    });
    let writes = Promise.resolve();
    this.pty.onData((data) => {
      this.raw += data;
      writes = writes.then(() => new Promise<void>((done) => this.term.write(data, done)));
    });
    this.exited = new Promise((resolve) => {
      this.pty.onExit(({ exitCode, signal }) => {
        this.ended = true;
        this.signal = signal || undefined;
        void writes.then(() => resolve(exitCode));
      });
    });
  }

  /** Every line the program printed, scrollback included, trailing blanks trimmed. */
  lines(): string[] {
    const buffer = this.term.buffer.active;
    const lines: string[] = [];
    for (let y = 0; y < buffer.length; y++) lines.push(buffer.getLine(y)!.translateToString(true));
    while (lines.length > 0 && lines.at(-1) === '') lines.pop();
    return lines;
  }

  /** The rows in view now, trailing spaces trimmed: a full-screen app's frame, without scrollback. */
  screen(): string[] {
    const buffer = this.term.buffer.active;
    const rows: string[] = [];
    for (let y = 0; y < this.term.rows; y++) {
      rows.push(buffer.getLine(buffer.baseY + y)?.translateToString(true) ?? '');
    }
    return rows;
  }

  /** Rows in view that continue the row above: something was drawn wider than the terminal. */
  wrappedRows(): number[] {
    const buffer = this.term.buffer.active;
    const wrapped: number[] = [];
    for (let y = 0; y < this.term.rows; y++) {
      if (buffer.getLine(buffer.baseY + y)?.isWrapped) wrapped.push(y);
    }
    return wrapped;
  }

  /** Everything the program wrote, escape sequences included, to check the order they came in. */
  get output(): string {
    return this.raw;
  }

  /** Which screen the terminal shows: the alternate one while a full-screen app runs. */
  get bufferType(): 'normal' | 'alternate' {
    return this.term.buffer.active.type;
  }

  /** The process id of the program the terminal runs (the shell, when a command was given). */
  get pid(): number {
    return this.pty.pid;
  }

  /** Whether the program is still running. */
  get alive(): boolean {
    return !this.ended;
  }

  /** Types keys into the terminal, as a person (or a paste) would. */
  write(keys: string): void {
    this.pty.write(keys);
  }

  /** Resizes the terminal and the screen reading it, as a window resize does. */
  resize(cols: number, rows: number): void {
    this.term.resize(cols, rows);
    this.pty.resize(cols, rows);
  }

  /** Sends the program a signal, as `kill` would. */
  kill(signal: string): void {
    this.pty.kill(signal);
  }

  /**
   * Waits until the screen shows `text` (or `test` holds for its rows): the app draws when it is ready,
   * so tests wait for what they expect instead of sleeping. Fails with the screen in the message.
   */
  async waitFor(test: string | ((rows: string[]) => boolean), timeoutMs = 5000): Promise<void> {
    const holds =
      typeof test === 'string' ? (rows: string[]) => rows.join('\n').includes(test) : test;
    const deadline = Date.now() + timeoutMs;
    while (!holds(this.screen())) {
      if (Date.now() > deadline) {
        const what = typeof test === 'string' ? JSON.stringify(test) : 'the condition';
        throw new Error(
          `timed out waiting for ${what}; the screen shows:\n${this.screen().join('\n')}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** How the cell holding the first occurrence of `text` (at or below row `fromRow`) looks. */
  lookOf(text: string, fromRow = 0): CellLook | undefined {
    return this.looksOf(text, fromRow)?.[0];
  }

  /** How each cell of the first occurrence of `text` at or below row `fromRow` looks, one look per character. */
  looksOf(text: string, fromRow = 0): CellLook[] | undefined {
    const buffer = this.term.buffer.active;
    for (let y = fromRow; y < buffer.length; y++) {
      const line = buffer.getLine(y)!;
      // One entry per character drawn: the second half of a wide character holds none.
      const cells: IBufferCell[] = [];
      for (let x = 0; x < line.length; x++) {
        const cell = line.getCell(x)!;
        if (cell.getWidth() > 0) cells.push(cell);
      }
      const chars = cells.map((cell) => cell.getChars() || ' ');
      const at = chars.join('').indexOf(text);
      if (at < 0) continue;
      // Map the string offset back to a cell: each cell's text may be more than one UTF-16 unit.
      let offset = 0;
      let first = 0;
      while (offset < at) offset += chars[first++]!.length;
      let last = first;
      while (offset < at + text.length) offset += chars[last++]!.length;
      return cells.slice(first, last).map(lookOfCell);
    }
    return undefined;
  }

  /**
   * Ends the program (SIGHUP, as closing the terminal does) and resolves once it has exited: on a hangup
   * the reader writes what is pending to its store, and the test's folders must outlast that write.
   */
  async dispose(): Promise<void> {
    if (!this.ended) {
      this.pty.kill();
      // A program that ignores the hangup is not waited for long.
      const stuck = setTimeout(() => this.ended || this.pty.kill('SIGKILL'), 2000);
      await this.exited;
      clearTimeout(stuck);
    }
    this.term.dispose();
  }
}
