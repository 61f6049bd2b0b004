import { Chalk } from 'chalk';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Output } from '../../src/commands/output.js';
import { run } from '../../src/commands/run.js';
import { resolvePaths } from '../../src/library/paths.js';
import { articleText, tempDir, tempLibrary } from '../helpers/temp-library.js';

function captured(columns?: number) {
  const out = { stdout: '', stderr: '' };
  const output: Output = {
    write: (text) => void (out.stdout += text),
    warn: (text) => void (out.stderr += text),
    columns,
    style: new Chalk({ level: 0 }),
  };
  return { out, output };
}

async function runWith(argv: string[], bundledContent: string, columns?: number) {
  const home = tempDir();
  const { out, output } = captured(columns);
  const status = await run(argv, {
    version: '9.9.9',
    bundledContent,
    paths: resolvePaths({ INKWELL_HOME: home }),
    out: output,
  });
  return { status, home, ...out };
}

describe('run', () => {
  it('says how to add articles when the library is empty', async () => {
    const { status, stdout, home } = await runWith(['list'], tempDir());
    expect(status).toBe(0);
    expect(stdout).toBe(
      `No articles yet. Save Markdown files with a title in their front matter to\n  ${join(home, 'articles')}\nor name a folder of them with --library DIR.\n`,
    );
  });

  it('prints an empty JSON list for an empty library', async () => {
    expect((await runWith(['list', '--json'], tempDir())).stdout).toBe('[]\n');
  });

  it('wraps show to the terminal width, capped at 80 columns', async () => {
    const body = Array.from({ length: 60 }, (_, k) => `word${k}`).join(' ');
    const library = tempLibrary({ 'a.md': articleText({ title: 'A' }, body) });
    const longest = async (columns: number) => {
      const { stdout } = await runWith(['show', 'a'], library, columns);
      return Math.max(...stdout.split('\n').map((line) => line.length));
    };
    expect(await longest(50)).toBeLessThanOrEqual(50);
    expect(await longest(50)).toBeGreaterThan(40);
    expect(await longest(200)).toBeLessThanOrEqual(80);
    expect(await longest(200)).toBeGreaterThan(70);
  });
});

describe('resolvePaths', () => {
  it('keeps articles, config and cache in INKWELL_HOME when it is set', () => {
    expect(resolvePaths({ INKWELL_HOME: '/x/home' })).toEqual({
      home: '/x/home',
      articles: '/x/home/articles',
      config: '/x/home',
      cache: '/x/home/cache',
    });
  });
  it('uses the platform data folder otherwise', () => {
    const paths = resolvePaths({});
    expect(paths.home).toMatch(/inkwell$/);
    expect(paths.articles).toBe(join(paths.home, 'articles'));
    expect(paths.config).not.toBe(paths.home);
    expect(paths.cache).toMatch(/inkwell$/);
    expect(paths.cache).not.toBe(paths.home);
  });
});
