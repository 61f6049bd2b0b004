// Built by tests/cli/ink-rows.test.ts with the bundle's own patches: Ink's Output, whose rows written once
// are made by the patched quick path, beside Ink's own way of making a row from its cells.
// Ink's internal module, bundled from its file (its package does not export it).
import Output from '../../node_modules/ink/build/output.js';

interface Rows {
  drawRow(writes: Array<number | string>): string;
}

/** Each line written at `x` on a row of `width`: the quick path's text and Ink's own. */
export function bothRows(
  cases: ReadonlyArray<{ x: number; width: number; line: string }>,
): Array<{ quick: string; ink: string }> {
  return cases.map(({ x, width, line }) => {
    const output = new Output({ width, height: 1 }) as unknown as Rows;
    // An empty second write changes no cell, but takes Ink's own path.
    return { quick: output.drawRow([x, line]), ink: output.drawRow([x, line, x, '']) };
  });
}
