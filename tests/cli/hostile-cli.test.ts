// The command line against a hostile environment: folders named with escape sequences, a stderr closed
// under it. What it prints stays inert, and the list always comes out whole.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BINARY, runCli } from '../helpers/run-cli.js';
import { articleText, tempDir, tempLibrary } from '../helpers/temp-library.js';
import { TERMINAL_CONTROLS } from '../helpers/terminal-controls.js';

const HOSTILE = '/tmp/\x1b]52;c;b3duZWQ=\x07\x1b[2J\x9b1;31m\u202eevil';

describe('inkwell in a hostile environment', () => {
  it.each([
    ['INKWELL_HOME', { INKWELL_HOME: HOSTILE }],
    ['XDG_DATA_HOME', { INKWELL_HOME: '', XDG_DATA_HOME: HOSTILE }],
  ])('prints --help with %s sanitized', (_, env) => {
    const { status, stdout } = runCli(['--help'], env);
    expect(status).toBe(0);
    expect(stdout).toMatch(/Your articles: \/tmp\/.*evil/);
    expect(stdout.replaceAll('\n', '')).not.toMatch(TERMINAL_CONTROLS);
  });

  it('prints the whole list when stderr is closed while warnings are written', async () => {
    const files: Record<string, string> = {};
    for (let k = 0; k < 200; k++) files[`broken-${k}.md`] = 'no front matter';
    files['good.md'] = articleText({ title: 'The one good article', date: '2024-01-01' });
    const library = tempLibrary(files);
    const child = spawn(process.execPath, [BINARY, 'list', '--library', library], {
      env: { ...process.env, INKWELL_HOME: tempDir(), NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The reading end goes before the program starts: every warning it writes meets EPIPE.
    child.stderr.destroy();
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(status).toBe(0);
    expect(stdout).toContain('The one good article');
    expect(stdout).toContain('Welcome to inkwell');
  });
});
