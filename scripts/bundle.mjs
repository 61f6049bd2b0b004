// How inkwell is bundled, shared by the build (scripts/build.mjs) and the benchmark, which must measure
// exactly what users run.
import { build } from 'esbuild';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Hands Ink (and the packages it measures text with) our string-width, which gives the same widths faster. */
const inkStringWidth = {
  name: 'ink-string-width',
  setup(build) {
    build.onResolve({ filter: /^string-width$/ }, ({ importer }) =>
      importer.includes(`${join('node_modules', '')}`)
        ? { path: join(root, 'src', 'ui', 'string-width.ts') }
        : undefined,
    );
  },
};

/**
 * Lets Ink's frames share what they learn about each line. Ink turns every line of every frame into styled
 * characters and measures them, with caches that it throws away after each frame; scrolling by one line
 * redraws a screenful of lines it has just processed, and that is most of a frame's cost. Keyed by the
 * line's exact text, the results cannot go stale; the shared caches start over once they grow large.
 *
 * Each row of the frame is kept too, keyed by what was written on it (where, and the text): Ink builds
 * every row of every frame anew from a grid of one object per cell and turns it back into text, so a
 * search's frame, where a key changes the field's row and the results' rows, paid for the header, the
 * footer and every unchanged row as well. A row written the same way gives the same text, so only rows
 * that changed are built; the grid and the way each row is built are Ink's own.
 */
const inkSharedOutputCaches = {
  name: 'ink-shared-output-caches',
  setup(build) {
    build.onLoad({ filter: /[\\/]ink[\\/]build[\\/]output\.js$/ }, ({ path }) => {
      const source = readFileSync(path, 'utf8');
      const perFrame = '    caches = new OutputCaches();';
      // A pinned Ink is patched; a different one fails the build here rather than drawing wrongly.
      if (!source.includes(perFrame)) throw new Error(`${path}: Ink's output caches have changed`);
      const shared = [
        'let shared;',
        'function sharedCaches() {',
        '  if (!shared || shared.styledChars.size > 4000) shared = new OutputCaches();',
        '  return shared;',
        '}',
      ].join('\n');
      const getStart = '    get() {\n';
      const getEnd =
        '        return {\n            output: generatedOutput,\n            height: output.length,\n        };\n    }\n';
      const from = source.indexOf(getStart);
      const to = source.indexOf(getEnd);
      if (from < 0 || to < from) throw new Error(`${path}: Ink's Output.get has changed`);
      const original = source.slice(from, to + getEnd.length);
      // The operations are read as Ink reads them; what Ink did to the grid cell by cell is done per row.
      const gridStart = '        // Initialize output array';
      const clipsStart = '        const clips = [];';
      const placeStart = '                let offsetY = 0;';
      const placeEnd = '        const generatedOutput = output';
      for (const mark of [gridStart, clipsStart, placeStart, placeEnd]) {
        if (!original.includes(mark)) throw new Error(`${path}: Ink's Output.get has changed`);
      }
      const operations = original.slice(original.indexOf(clipsStart), original.indexOf(placeStart));
      const place = original.slice(original.indexOf(placeStart), original.indexOf(placeEnd));
      const rowWrites = [
        '                let offsetY = 0;',
        '                for (let [index, line] of lines.entries()) {',
        '                    const currentLine = rows[y + offsetY];',
        '                    if (!currentLine) {',
        '                        continue;',
        '                    }',
        '                    for (const transformer of transformers) {',
        '                        line = transformer(line, index);',
        '                    }',
        '                    currentLine.push(x, line);',
        '                    offsetY++;',
        '                }',
        '            }',
        '        }',
        '',
      ].join('\n');
      // A row written once by itself is kept as text: its styled characters are not kept too, which would
      // only fill the young heap with objects that outlive a frame (long collector pauses while typing).
      const styledOnce =
        '                    const characters = writes.length === 2 ? styledCharsFromTokens(tokenize(line)) : this.caches.getStyledChars(line);';
      const cellPlacing = place
        .slice(
          place.indexOf('                    const characters'),
          place.lastIndexOf('                    offsetY++;'),
        )
        .replaceAll('\n    ', '\n')
        .replace(
          '                    const characters = this.caches.getStyledChars(line);',
          styledOnce,
        );
      if (!cellPlacing.includes(styledOnce))
        throw new Error(`${path}: Ink's Output.get has changed`);
      const get = [
        '    get() {',
        '        const rows = [];',
        '        for (let y = 0; y < this.height; y++) {',
        '            rows.push([]);',
        '        }',
        operations.replace(/\n$/, ''),
        rowWrites,
        '        const drawn = sharedRows();',
        '        const generated = [];',
        '        for (const writes of rows) {',
        "            const key = writes.length === 0 ? '' : `${this.width}\\u0000${writes.join('\\u0000')}`;",
        '            let text = drawn.get(key);',
        '            if (text === undefined) {',
        '                text = this.drawRow(writes);',
        '                drawn.set(key, text);',
        '            }',
        '            generated.push(text);',
        '        }',
        "        return { output: generated.join('\\n'), height: rows.length };",
        '    }',
        '    drawRow(writes) {',
        '        const currentLine = [];',
        '        for (let x = 0; x < this.width; x++) {',
        "            currentLine.push({ type: 'char', value: ' ', fullWidth: false, styles: [] });",
        '        }',
        '        for (let write = 0; write < writes.length; write += 2) {',
        '            const x = writes[write];',
        '            const line = writes[write + 1];',
        cellPlacing.replace(/\n$/, ''),
        '        }',
        '        return styledCharsToString(currentLine.filter(item => item !== undefined)).trimEnd();',
        '    }',
        '',
      ].join('\n');
      const rowsCache = [
        'let sharedDrawn;',
        'function sharedRows() {',
        '  if (!sharedDrawn || sharedDrawn.size > 2000) sharedDrawn = new Map();',
        '  return sharedDrawn;',
        '}',
      ].join('\n');
      const patched = source
        .replace(perFrame, '    caches = sharedCaches();')
        .replace(original, () => get);
      const contents = `${patched}\n${shared}\n${rowsCache}\n`;
      return { contents, loader: 'js' };
    });
  },
};

/**
 * Lets Ink skip the styles of a character that has the same styles as the one before it. Turning each line
 * of a frame back into text, Ink asks for the codes that go from one character's styles to the next, and
 * builds three sets to answer every time, most often for two characters alike (a run of plain or of
 * marked text): most of what a frame allocated. The answer for two alike is no codes at all.
 */
const ansiSameStyles = {
  name: 'ansi-same-styles',
  setup(build) {
    build.onLoad(
      { filter: /[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]diff\.js$/ },
      ({ path }) => {
        const source = readFileSync(path, 'utf8');
        const start = 'export function diffAnsiCodes(from, to) {\n';
        if (!source.includes(start)) throw new Error(`${path}: diffAnsiCodes has changed`);
        const alike = [
          start,
          '    if (from.length === to.length && from.every((code, k) => code.code === to[k].code && code.endCode === to[k].endCode))',
          '        return [];\n',
        ].join('\n');
        return { contents: source.replace(start, alike), loader: 'js' };
      },
    );
  },
};

/**
 * Bundles `entryPoints` ({name: source}) into `outdir`: ESM, minified, React in production mode, and code
 * splitting, so that what a command does not import (Ink, React) is never loaded.
 */
export async function bundle(entryPoints, outdir) {
  const result = await build({
    // Paths in the metafile are relative to this, wherever the build is started from.
    absWorkingDir: root,
    entryPoints,
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
    plugins: [inkStringWidth, inkSharedOutputCaches, ansiSameStyles],
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  // Chunks of earlier builds go only once the new ones are written. A reader started before the build
  // that has yet to load one of its chunks (the Markdown parser, the browser opener) will then fail to.
  const written = new Set(Object.keys(result.metafile.outputs).map((path) => join(root, path)));
  const chunks = join(outdir, 'chunks');
  for (const name of existsSync(chunks) ? readdirSync(chunks) : []) {
    if (!written.has(join(chunks, name))) rmSync(join(chunks, name), { force: true });
  }
}
