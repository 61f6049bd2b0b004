// The inkwell program: wires the real process (argv, environment, terminal) to the commands. src/main.ts
// starts it, from the ES modules or from the reader's cached script.
import { fileURLToPath } from 'node:url';
import packageJson from '../package.json' with { type: 'json' };
import { canDrawFullScreen, processOutput } from './commands/output.js';
import { run } from './commands/run.js';
import type { Library } from './library/library.js';
import type { Progress } from './library/library-cache.js';
import type { LiveLibrary } from './library/watch.js';
import { resolvePaths } from './library/paths.js';
import { sanitize } from './core/sanitize.js';
import { mark } from './startup.js';
import type { AddSource } from './ui/state.js';
import { describe } from './ui/terminal.js';
import { withoutFetch } from './ui/without-fetch.js';

/**
 * Runs inkwell on this process and sets its exit status. `entryUrl` is the address of dist/inkwell.cjs (or
 * of src/main.ts), one folder below the project, beside content/.
 */
export async function main(entryUrl: string): Promise<void> {
  mark('entry evaluated');
  // `inkwell list | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  // Warnings are best-effort: a closed stderr (EPIPE) loses them, never the list on stdout.
  process.stderr.on('error', () => {});

  const out = processOutput();
  const paths = resolvePaths();

  // Ink and React are loaded only for the full-screen reader: the commands start faster without them.
  async function startReader(
    { articles, warnings }: Library,
    addSource: AddSource,
    live: LiveLibrary,
    revalidate?: (onProgress?: Progress) => Promise<Library | null>,
    indexing?: boolean,
  ): Promise<number> {
    mark('library loaded');
    const { startReader } = await withoutFetch(() => import('./ui/start.js'));
    mark('reader evaluated');
    return startReader({
      articles,
      warnings,
      colorLevel: out.style.level,
      configDir: paths.config,
      addSource,
      live,
      ...(revalidate ? { revalidate } : {}),
      ...(indexing ? { indexing } : {}),
    });
  }

  process.exitCode = await run(process.argv.slice(2), {
    version: packageJson.version,
    bundledContent: fileURLToPath(new URL('../content/', entryUrl)),
    paths,
    out,
    startReader:
      process.stdin.isTTY && process.stdout.isTTY && canDrawFullScreen(process.env)
        ? startReader
        : undefined,
  }).catch((error: unknown) => {
    // A bug's message can quote a path or a file's text: sanitized like everything else printed.
    out.warn(`inkwell: ${sanitize(describe(error))}\n`);
    return 1;
  });
}
