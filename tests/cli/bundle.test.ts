// What the built reader loads before its first frame: the list needs neither the Markdown parser nor the
// search engine, and they must stay in chunks of their own, loaded later.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BINARY } from '../helpers/run-cli.js';

const CHUNKS = join(dirname(BINARY), 'chunks');

/** Every file a chunk imports statically, itself included, followed through their own imports. */
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(join(CHUNKS, file), 'utf8');
  for (const [, name] of source.matchAll(/from\s*"\.\/([^"]+\.js)"/g)) staticClosure(name!, seen);
  return seen;
}

describe('the bundle', () => {
  it('starts the reader without the Markdown parser or the search engine', () => {
    const start = readdirSync(CHUNKS).find((name) => name.startsWith('start-'));
    expect(start).toBeDefined();
    const loaded = [...staticClosure(start!)].map((name) =>
      readFileSync(join(CHUNKS, name), 'utf8'),
    );
    // Markers of marked's code, and of the index builder's.
    expect(loaded.some((source) => source.includes('marked(): input parameter'))).toBe(false);
    expect(loaded.some((source) => source.includes('search-worker'))).toBe(false);
  });
});
