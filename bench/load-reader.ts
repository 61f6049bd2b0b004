// Builds bench/reader-render.ts (Ink, React, the real App, the library's loader) exactly as the binary is
// built (scripts/bundle.mjs), then loads it: the bench's own single-file bundle cannot hold Ink, whose
// devtools import only a split build keeps away.
import { rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

type ReaderBench = typeof import('./reader-render.js');
type Bundle = (entryPoints: Record<string, string>, outdir: string) => Promise<void>;

const ENTRY = fileURLToPath(new URL('../bench/reader-render.ts', import.meta.url));
const OUTDIR = fileURLToPath(new URL('../dist/bench-reader/', import.meta.url));
const BUNDLER = new URL('../scripts/bundle.mjs', import.meta.url);

export async function loadReaderBench(): Promise<ReaderBench> {
  rmSync(OUTDIR, { recursive: true, force: true });
  // esbuild is a native tool: the bundler is loaded from the project at run time, not bundled.
  const { bundle } = (await import(BUNDLER.href)) as { bundle: Bundle };
  await bundle({ 'reader-render': ENTRY }, OUTDIR);
  // Ink reads CI once, when it loads: with CI set it would draw only the last frame.
  delete process.env.CI;
  return (await import(pathToFileURL(`${OUTDIR}reader-render.js`).href)) as ReaderBench;
}
