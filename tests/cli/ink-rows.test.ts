// The bundle makes a row written once without Ink's object per cell (scripts/bundle.mjs): over styled
// lines of every kind (wide and joined characters, nested and reset styles, tabs, any offset, lines
// wider than the row) its text must be exactly the one Ink makes from its cells.
import { Chalk } from 'chalk';
import { rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// Inside the project, so that the bundle finds the packages it leaves out.
const OUTDIR = `${ROOT}dist/test-ink-rows/`;

afterAll(() => rmSync(OUTDIR, { recursive: true, force: true }));

describe('rows written once', () => {
  it('are the text Ink makes of their cells', async () => {
    const { bundle } = (await import(pathToFileURL(`${ROOT}scripts/bundle.mjs`).href)) as {
      bundle: (entries: Record<string, string>, outdir: string) => Promise<void>;
    };
    await bundle({ 'ink-rows': `${ROOT}tests/helpers/ink-rows-entry.ts` }, OUTDIR);
    const { bothRows } = (await import(
      pathToFileURL(`${OUTDIR}ink-rows.js`).href
    )) as typeof import('../helpers/ink-rows-entry.js');
    const colour = new Chalk({ level: 2 });
    const styles = [
      (text: string) => colour.bold(text),
      (text: string) => colour.dim(text),
      (text: string) => colour.inverse(text),
      (text: string) => colour.cyan(text),
      (text: string) => colour.bgYellow.black(text),
      (text: string) => colour.underline.bold(text),
      (text: string) => text,
      (text: string) => colour.bold(`${colour.dim(text)}q`),
      (text: string) => colour.reset(text),
    ];
    const pieces = ['abc', 'Zürich', '日本語', '👍🏽', 'e\u0301', ' ', '  ', 'x', 'snippet…', '\t'];
    let seed = 1;
    const random = (below: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return Math.floor((seed / 0x80000000) * below);
    };
    const cases = Array.from({ length: 3000 }, (_, k) => {
      let line = '';
      for (let piece = random(12); piece > 0; piece--) {
        line += styles[random(styles.length)]!(
          pieces[random(pieces.length)]!.repeat(1 + random(4)),
        );
      }
      const width = [10, 40, 80][k % 3]!;
      return { x: random(width + 1), width, line };
    });
    const rows = bothRows(cases);
    expect(rows.filter(({ quick, ink }) => quick !== ink)).toEqual([]);
    // The cases do hold styles, so that the comparison says something.
    expect(rows.filter(({ ink }) => ink.includes('\x1b[')).length).toBeGreaterThan(2000);
  }, 60_000);
});
