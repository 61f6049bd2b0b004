// The inkwell executable (bundled as CommonJS, dist/inkwell.cjs). The full-screen reader starts from one
// script that V8 compiles from its code cache (src/cached-script.ts), which ES modules cannot on Node 20;
// the commands start from the ES modules, which load only what each one needs. Both run src/cli.ts.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCachedScript } from './cached-script.js';
import type * as Cli from './cli.js';
import { resolvePaths } from './library/paths.js';
import { mark, onFirstFrame } from './startup.js';
import { READER_FLAGS, setFlags } from './v8-flags.js';

/** dist/chunks/app-<hash>.cjs, set by the build; unset when src/ runs as it is. */
declare const __INKWELL_APP_SCRIPT__: string | undefined;

/** The reader starts when both ends are a terminal and nothing but library folders is asked for. */
function startsReader(args: readonly string[]): boolean {
  if (!process.stdin.isTTY || !process.stdout.isTTY) return false;
  for (let k = 0; k < args.length; k++) {
    if (args[k] === '--library' && k + 1 < args.length) k++;
    else if (!args[k]!.startsWith('--library=')) return false;
  }
  return true;
}

async function load(): Promise<typeof Cli> {
  if (typeof __INKWELL_APP_SCRIPT__ !== 'string' || !startsReader(process.argv.slice(2))) {
    return import('./cli.js');
  }
  mark('node started');
  // The reader's memory, favoured over a little of its time (see READER_FLAGS).
  setFlags(READER_FLAGS);
  const script = runCachedScript(
    fileURLToPath(new URL(__INKWELL_APP_SCRIPT__, import.meta.url)),
    join(resolvePaths().cache, 'code'),
    import.meta.url,
  );
  if (!script.fromCache) {
    // What the first frame needed is compiled by then, and no more: the cache holds just that. A start
    // that draws no frame (the list printed to a dumb terminal) saves what it compiled as it exits.
    onFirstFrame(() => script.save());
    process.on('exit', () => script.save());
  }
  return script.exports as unknown as typeof Cli;
}

void load().then((cli) => cli.main(import.meta.url));
