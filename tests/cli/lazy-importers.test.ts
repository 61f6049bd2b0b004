// The importers (Readability, linkedom, Turndown, feedsmith) load only for `add` and the reader's `a`:
// nothing the list's first frame loads holds them.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BINARY } from '../helpers/run-cli.js';

/** The files a module loads before it runs: its static imports, and theirs. */
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const match of code.matchAll(
    /\bimport\s*(?:[\w${},\s*]+from\s*)?["'](\.{1,2}\/[^"']+)["']/g,
  )) {
    staticClosure(join(dirname(file), match[1]!), seen);
  }
  return seen;
}

/** A chunk's file, from the dynamic import in `file` that names it. */
function dynamicChunk(prefix: string, file = CLI): string {
  const code = readFileSync(file, 'utf8');
  const name = new RegExp(`import\\("(\\.\\/(?:chunks\\/)?${prefix}-[^"]+)"\\)`).exec(code)?.[1];
  if (!name) throw new Error(`no ${prefix} chunk is imported by ${file}`);
  return join(dirname(file), name);
}

/** The program's entry, which the binary imports when it runs a command. */
const CLI = join(dirname(BINARY), 'cli.js');

describe('the importers stay off the first frame', () => {
  it.each([
    { marker: '_readabilityDataTable', what: 'Readability' },
    { marker: 'jsonfeed.org', what: 'the feed importer' },
  ])('$what is only in what add loads', ({ marker }) => {
    const start = [
      ...staticClosure(BINARY),
      ...staticClosure(CLI),
      ...staticClosure(dynamicChunk('start')),
    ];
    expect(start.length).toBeGreaterThan(2); // the reader's chunk and the chunks it shares
    for (const file of start) expect(readFileSync(file, 'utf8'), file).not.toContain(marker);
    const add = [...staticClosure(dynamicChunk('add'))];
    expect(add.some((file) => readFileSync(file, 'utf8').includes(marker))).toBe(true);
  });
});
