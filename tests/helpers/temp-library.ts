// Temporary folders of article files for tests, removed when the test file ends.
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
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

/** Every file and folder under `dir` dated `secondsAgo` back: older than the library cache's racy window. */
export function age(dir: string, secondsAgo = 60): void {
  const when = new Date(Date.now() - secondsAgo * 1000);
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    utimesSync(join(dir, name), when, when);
  }
  utimesSync(dir, when, when);
}

/** What changed in the last seconds under `dir` (the folder too) dated half a minute back. */
export function ageFresh(dir: string): void {
  const when = new Date(Date.now() - 30_000);
  for (const path of [
    dir,
    ...(readdirSync(dir, { recursive: true }) as string[]).map((name) => join(dir, name)),
  ]) {
    if (statSync(path).mtimeMs > Date.now() - 10_000) utimesSync(path, when, when);
  }
}

/**
 * A long read's paragraphs, "Paragraph 0:" to "Paragraph 6999:", 4.8 MB in all: wrapping it whole takes
 * over a second, so the reader wraps it a section at a time.
 */
export function longReadParagraphs(): string[] {
  const filler = 'words of a long article, wrapped a section at a time. '.repeat(12);
  return Array.from({ length: 7000 }, (_, k) => `Paragraph ${k}: ${filler}`);
}
