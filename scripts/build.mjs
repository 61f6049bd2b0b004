// Bundles src/cli.ts into dist/inkwell.js: one file loads far faster than many modules. The full-screen
// reader (Ink, React) goes into chunks loaded only when it starts, so the commands do not pay for it.
// `--if-stale` skips the build when dist/inkwell.js is newer than every source file and the lockfile.
import { build } from 'esbuild';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = join(root, 'dist');
const outfile = join(outdir, 'inkwell.js');

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
  const inputs = ['src', 'package.json', 'package-lock.json', 'scripts/build.mjs'];
  return inputs.some((input) => newestMtime(join(root, input)) > built);
}

if (!process.argv.includes('--if-stale') || isStale()) {
  rmSync(join(outdir, 'chunks'), { recursive: true, force: true });
  await build({
    entryPoints: { inkwell: join(root, 'src', 'cli.ts') },
    outdir,
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    // React picks its production build at bundle time; the banner covers anything that reads it at run time.
    define: { 'process.env.NODE_ENV': '"production"' },
    banner: {
      js: [
        '#!/usr/bin/env node',
        "process.env.NODE_ENV = 'production';",
        // CommonJS dependencies bundled into ESM still call require() for Node's built-in modules.
        "import { createRequire as __inkwellCreateRequire } from 'node:module';",
        'const require = __inkwellCreateRequire(import.meta.url);',
      ].join('\n'),
    },
    // Ink loads React's devtools only when DEV=true, and they are not installed: Ink says so itself then.
    external: ['react-devtools-core'],
    legalComments: 'none',
    logLevel: 'warning',
  });
}
