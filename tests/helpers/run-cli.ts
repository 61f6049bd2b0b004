// Runs the built binary the way a user's shell would, with its own INKWELL_HOME.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { tempDir } from './temp-library.js';

export const BINARY = fileURLToPath(new URL('../../dist/inkwell.cjs', import.meta.url));

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(
  args: string[],
  env: Record<string, string> = {},
  home = tempDir(),
): CliResult {
  // Colour is decided by each test, not by the shell that runs the tests.
  const inherited = { ...process.env };
  delete inherited.NO_COLOR;
  delete inherited.FORCE_COLOR;
  const result = spawnSync(process.execPath, [BINARY, ...args], {
    encoding: 'utf8',
    env: { ...inherited, INKWELL_HOME: home, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs the binary without blocking this process, so that a server the test runs (on 127.0.0.1) can
 * answer it; `input` is written to its stdin.
 */
export function runCliAsync(
  args: string[],
  {
    env = {},
    home = tempDir(),
    input,
  }: { env?: Record<string, string>; home?: string; input?: string } = {},
): Promise<CliResult> {
  const inherited = { ...process.env };
  delete inherited.NO_COLOR;
  delete inherited.FORCE_COLOR;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BINARY, ...args], {
      env: { ...inherited, INKWELL_HOME: home, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}
