// A real pseudo-terminal running the built binary, read back through a headless xterm: the screen (and
// scrollback) exactly as a person would see it, cell attributes included.
import xterm from '@xterm/headless';
import { spawn, type IPty } from 'node-pty';
import { BINARY } from './run-cli.js';
import { tempDir } from './temp-library.js';

/** One cell's look, as the terminal drew it. */
export interface CellLook {
  char: string;
  italic: boolean;
  bold: boolean;
  /** Palette index of the foreground colour, or -1 for the default. */
  color: number;
}

export class TerminalSession {
  private readonly pty: IPty;
  private readonly term: InstanceType<typeof xterm.Terminal>;
  /** Resolves with the exit code once the program has ended and its output is drawn. */
  readonly exited: Promise<number>;

  constructor(args: string[], { cols = 80, rows = 24, env = {} as Record<string, string> } = {}) {
    this.term = new xterm.Terminal({ cols, rows, scrollback: 5000, allowProposedApi: true });
    const inherited = { ...process.env };
    for (const name of ['NO_COLOR', 'FORCE_COLOR', 'CI', 'COLORTERM']) delete inherited[name];
    this.pty = spawn(process.execPath, [BINARY, ...args], {
      cols,
      rows,
      name: 'xterm-256color',
      env: { ...inherited, TERM: 'xterm-256color', INKWELL_HOME: tempDir(), ...env },
    });
    let writes = Promise.resolve();
    this.pty.onData((data) => {
      writes = writes.then(() => new Promise<void>((done) => this.term.write(data, done)));
    });
    this.exited = new Promise((resolve) => {
      this.pty.onExit(({ exitCode }) => void writes.then(() => resolve(exitCode)));
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

  /** How the cell holding the first occurrence of `text` looks. */
  lookOf(text: string): CellLook | undefined {
    const buffer = this.term.buffer.active;
    for (let y = 0; y < buffer.length; y++) {
      const line = buffer.getLine(y)!;
      const x = line.translateToString(false).indexOf(text);
      if (x < 0) continue;
      const cell = line.getCell(x)!;
      return {
        char: cell.getChars(),
        italic: cell.isItalic() !== 0,
        bold: cell.isBold() !== 0,
        color: cell.isFgDefault() ? -1 : cell.getFgColor(),
      };
    }
    return undefined;
  }

  dispose(): void {
    this.pty.kill();
    this.term.dispose();
  }
}
