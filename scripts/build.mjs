// Bundles src/main.ts into dist/inkwell.cjs, src/cli.ts into dist/cli.js and the search worker into
// dist/search-worker.js (which sets V8's flags, then loads the rest of the thread's code from chunks): a
// few files load far faster than many modules.
// The full-screen reader (Ink, React) goes into chunks loaded only when it starts, so the commands do not
// pay for it, and the whole program also into one script, which the reader starts from V8's code cache
// (src/cached-script.ts).
// `--if-stale` skips the build when dist/inkwell.cjs is newer than every source file and the lockfile.
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle } from './bundle.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = join(root, 'dist');
const outfile = join(outdir, 'inkwell.cjs');

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

function isStale() {
  let built;
  try {
    built = statSync(outfile).mtimeMs;
  } catch {
    return true;
  }
  const inputs = ['src', 'package.json', 'package-lock.json', 'scripts'];
  return inputs.some((input) => newestMtime(join(root, input)) > built);
}

if (!process.argv.includes('--if-stale') || isStale()) {
  // The search index is built on a worker thread, which starts from a script of its own.
  await bundle(
    {
      cli: join(root, 'src', 'cli.ts'),
      'search-worker': join(root, 'src', 'library', 'search-worker.ts'),
    },
    outdir,
    {
      appScript: join(root, 'src', 'cli.ts'),
      launcher: { name: 'inkwell', source: join(root, 'src', 'main.ts') },
    },
  );
  // Before the launcher was CommonJS it was dist/inkwell.js: a copy left from then would only mislead.
  rmSync(join(outdir, 'inkwell.js'), { force: true });
}
