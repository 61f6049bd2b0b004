// Runs the built binary the way a user's shell would, with its own INKWELL_HOME.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { tempDir } from './temp-library.js';

export const BINARY = fileURLToPath(new URL('../../dist/inkwell.js', import.meta.url));

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
