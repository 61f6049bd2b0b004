// Temporary folders of article files for tests, removed when the test file ends.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A new empty folder. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'inkwell-test-'));
  made.push(dir);
  return dir;
}

/** A folder holding `files` (relative path → text or bytes). */
export function tempLibrary(files: Record<string, string | Uint8Array>): string {
  const dir = tempDir();
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return dir;
}

/** An article file's text from front matter lines and a body. */
export function articleText(fields: Record<string, string>, body = 'Some text.'): string {
  const lines = Object.entries(fields).map(([key, value]) => `${key}: ${value}`);
  return ['---', ...lines, '---', body, ''].join('\n');
}
