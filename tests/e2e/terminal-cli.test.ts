// The command line in a real pseudo-terminal: widths follow the terminal, colour is on by default.
import { afterEach, describe, expect, it } from 'vitest';
import { TerminalSession } from '../helpers/terminal.js';

const SEED_ID = '2023-09-13-russias-putin-and-n-koreas-kim-hold-talks';
const YELLOW = 3;
const MAGENTA = 5;
const sessions: TerminalSession[] = [];
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((session) => session.dispose()));
});

async function run(args: string[], options: ConstructorParameters<typeof TerminalSession>[1]) {
  const session = new TerminalSession(args, options);
  sessions.push(session);
  expect(await session.exited).toBe(0);
  return session;
}

const widest = (lines: string[]) => Math.max(...lines.map((line) => [...line].length));

describe('inkwell on a terminal', () => {
  it('wraps show to 80 columns on a wide terminal, and to the terminal on a narrow one', async () => {
    const wide = await run(['show', SEED_ID], { cols: 120, rows: 40 });
    expect(widest(wide.lines())).toBeLessThanOrEqual(80);
    expect(widest(wide.lines())).toBeGreaterThan(70);
    const narrow = await run(['show', SEED_ID], { cols: 50, rows: 40 });
    expect(widest(narrow.lines())).toBeLessThanOrEqual(50);
    expect(widest(narrow.lines())).toBeGreaterThan(40);
    expect(narrow.lines().at(-1)).toMatch(/Freeman\.$/);
  });

  it('colours quotations by default, nested ones apart, and titles bold', async () => {
    const session = await run(['show', SEED_ID], { cols: 80, rows: 40 });
    expect(session.lookOf('“That’s why')).toMatchObject({ italic: true, color: YELLOW });
    expect(session.lookOf('“the')).toMatchObject({ italic: true, color: MAGENTA });
    expect(session.lookOf('Peskov added')).toMatchObject({ italic: false, color: -1 });
    expect(session.lookOf('Russia’s Putin and N.')).toMatchObject({ bold: true });
  });

  it('prints no styles with NO_COLOR', async () => {
    const session = await run(['show', SEED_ID], { cols: 80, rows: 40, env: { NO_COLOR: '1' } });
    expect(session.lookOf('“That’s why')).toMatchObject({ italic: false, color: -1 });
    expect(session.lookOf('Russia’s Putin and N.')).toMatchObject({ bold: false });
  });

  it('fits the list to the terminal, cutting titles and leaving out ids', async () => {
    const session = await run(['list'], { cols: 60, rows: 24 });
    const lines = session.lines();
    expect(lines).toHaveLength(4);
    expect(widest(lines)).toBeLessThanOrEqual(60);
    expect(lines[3]).toBe('2023-09-13  Russia’s Putin and N. Kor…  The Libertar…  2 min');
  });
});
