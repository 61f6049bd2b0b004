// How inkwell is bundled, shared by the build (scripts/build.mjs) and the benchmark, which must measure
// exactly what users run.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
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
        '        if (writes.length === 2 && writes[0] >= 0 && writes[0] <= this.width) return this.drawWrite(writes[0], writes[1]);',
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
        // A row written once (nearly every row of a frame): the text Ink would make of its cells, made as it
        // goes. A run of characters between two codes shares one list of styles, and a cell's styles become
        // codes only where they differ from the cell before's (the codes Ink writes there), so there is no
        // object per cell and no copy of the styles per character: most of what a frame allocated.
        '    drawWrite(x, line) {',
        "        let text = '';",
        '        let previous = null;',
        '        const put = (styles, value) => {',
        '            if (previous === null) text += rowCodesToString(styles);',
        '            else if (styles !== previous) text += rowCodesToString(rowDiffCodes(previous, styles));',
        '            text += value;',
        '            previous = styles;',
        '        };',
        '        const none = [];',
        '        let offsetX = 0;',
        "        for (; offsetX < x; offsetX++) put(none, ' ');",
        '        let codes = none;',
        '        for (const token of tokenize(line)) {',
        "            if (token.type === 'ansi') {",
        '                codes = rowReduceCodes(codes, [token]);',
        "            } else if (token.type === 'char') {",
        '                put(codes, token.value);',
        // One code unit below U+1100 (the first wide characters) is at most one column: 1 either way.
        '                const value = token.value;',
        '                offsetX += value.length === 1 && value.charCodeAt(0) < 0x1100 ? 1 : Math.max(1, this.caches.getStringWidth(value));',
        '            }',
        '        }',
        "        for (; offsetX < this.width; offsetX++) put(none, ' ');",
        '        if (previous !== null) text += rowCodesToString(rowDiffCodes(previous, []));',
        '        return text.trimEnd();',
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
      const rowCodes =
        "import { ansiCodesToString as rowCodesToString, diffAnsiCodes as rowDiffCodes, reduceAnsiCodesIncremental as rowReduceCodes } from '@alcalzone/ansi-tokenize';";
      const contents = `${rowCodes}\n${patched}\n${shared}\n${rowsCache}\n`;
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

/** Replaces `old` in `source` (from `path`) with `new`, failing the build when a pinned package has changed. */
function patch(path, source, old, replacement) {
  if (!source.includes(old)) throw new Error(`${path}: the code to patch has changed`);
  return source.replace(old, replacement);
}

/**
 * Starts yoga (Ink's layout engine) synchronously: the same WebAssembly, compiled and instantiated at once
 * instead of through a promise awaited at the module's top level. A script cannot await at its top level,
 * and without the promise nothing looks for a global fetch either, which would cost ~25 ms to load.
 */
const yogaSyncStart = {
  name: 'yoga-sync-start',
  setup(build) {
    build.onLoad({ filter: /[\\/]yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/ }, ({ path }) => {
      const source = readFileSync(path, 'utf8');
      const contents = patch(
        path,
        patch(
          path,
          source,
          "import loadYoga from '../binaries/yoga-wasm-base64-esm.js';",
          "import loadYoga, { wasmDataUrl } from '../binaries/yoga-wasm-base64-esm.js';",
        ),
        'const Yoga = wrapAssembly(await loadYoga());',
        [
          "const wasm = Buffer.from(wasmDataUrl.slice(wasmDataUrl.indexOf(',') + 1), 'base64');",
          // Emscripten asks this hook for the instance; given one at once, the module is ready on return.
          'const yogaModule = { instantiateWasm(imports, receive) {',
          '  receive(new WebAssembly.Instance(new WebAssembly.Module(wasm), imports));',
          '  return {};',
          '} };',
          'loadYoga(yogaModule);',
          'const Yoga = wrapAssembly(yogaModule);',
        ].join('\n'),
      );
      return { contents, loader: 'js' };
    });
    build.onLoad(
      { filter: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ },
      ({ path }) => {
        const source = readFileSync(path, 'utf8');
        const url = /H="(data:application\/octet-stream;base64,[A-Za-z0-9+/=]+)"/.exec(source);
        if (!url) throw new Error(`${path}: the code to patch has changed`);
        // The bytes are named rather than copied, so the bundle holds them once.
        const contents = `export const wasmDataUrl = "${url[1]}";\n${source.replace(url[0], 'H=wasmDataUrl')}`;
        return { contents, loader: 'js' };
      },
    );
  },
};

/** ink-text-input's module, which keysKeptByTextInput patches. */
export const TEXT_INPUT_MODULE = /[\\/]ink-text-input[\\/]build[\\/]index\.js$/;

/**
 * ink-text-input (the `a` prompt's field) made lossless: it worked each key out from the value and cursor
 * it last drew, so a key arriving before the next frame undid the one before it (4 of 52 characters typed
 * back to back were lost), and a cursor moved left past the start (or right past the end) inserted the
 * next character one place off. Each key now starts from what the key before it left, and the cursor stays
 * within the text. Tests load the package through the same function (vitest.config.ts).
 */
export function keysKeptByTextInput(path, source) {
  const remembered = patch(
    path,
    source,
    '    const { cursorOffset, cursorWidth } = state;\n',
    [
      '    const { cursorOffset, cursorWidth } = state;',
      '    const latest = React.useRef(null);',
      '    latest.current = { value: originalValue, cursorOffset };',
      '',
    ].join('\n'),
  );
  // Its effect that keeps the cursor within a value changed from outside measures the value the last
  // key left too: measured against the value drawn, it put the cursor back before keys not drawn yet.
  const measured = patch(
    path,
    remembered,
    "            const newValue = originalValue || '';\n",
    "            const newValue = latest.current.value || '';\n",
  );
  const fromLatest = patch(
    path,
    measured,
    '    useInput((input, key) => {\n',
    [
      '    useInput((input, key) => {',
      '        const { value: originalValue, cursorOffset } = latest.current;',
      '',
    ].join('\n'),
  );
  return patch(
    path,
    fromLatest,
    [
      '        if (cursorOffset < 0) {',
      '            nextCursorOffset = 0;',
      '        }',
      '        if (cursorOffset > originalValue.length) {',
      '            nextCursorOffset = originalValue.length;',
      '        }',
      '',
    ].join('\n'),
    [
      '        nextCursorOffset = Math.max(0, Math.min(nextCursorOffset, nextValue.length));',
      '        latest.current = { value: nextValue, cursorOffset: nextCursorOffset };',
      '',
    ].join('\n'),
  );
}

const textInputKeepsKeys = {
  name: 'text-input-keeps-keys',
  setup(build) {
    build.onLoad({ filter: TEXT_INPUT_MODULE }, ({ path }) => ({
      contents: keysKeptByTextInput(path, readFileSync(path, 'utf8')),
      loader: 'js',
    }));
  },
};

/**
 * Leaves React's devtools out of Ink. Ink imports them, with DEV=true, at its module's top level, which a
 * script cannot do; inkwell does not ship them, so all that import could do is warn that they are missing.
 */
const inkWithoutDevtools = {
  name: 'ink-without-devtools',
  setup(build) {
    build.onLoad({ filter: /[\\/]ink[\\/]build[\\/]reconciler\.js$/ }, ({ path }) => {
      const source = readFileSync(path, 'utf8');
      const start = source.indexOf(
        "if (isDev()) {\n    try {\n        await import('./devtools.js');",
      );
      const end = source.indexOf('\n}\n', start);
      if (start < 0 || end < 0) throw new Error(`${path}: the code to patch has changed`);
      const withoutImport = source.slice(0, start) + source.slice(end + 3);
      const contents = patch(
        path,
        withoutImport,
        'const packageJson = isDev()\n    ? await loadPackageJson()\n    : { name: undefined, version: undefined };',
        'const packageJson = { name: undefined, version: undefined };',
      );
      return { contents, loader: 'js' };
    });
  },
};

/**
 * Keeps Intl.Segmenter off the first frame: the first one a process creates costs ~15 ms (ICU loads its
 * rules), each later one a few. Ink's tokenizer (@alcalzone/ansi-tokenize) made one as it loaded and split
 * every line with it; it now asks the core's `graphemes`, which needs none for text whose characters
 * cannot join (as nearly all text is), and gives the same graphemes. slice-ansi makes its own only when it
 * is first asked to slice.
 */
const noSegmenterAtLoad = {
  name: 'no-segmenter-at-load',
  setup(build) {
    build.onLoad(
      { filter: /[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize\.js$/ },
      ({ path }) => {
        const source = readFileSync(path, 'utf8');
        const graphemes = JSON.stringify(join(root, 'src', 'core', 'text-width.ts'));
        const contents = patch(
          path,
          source,
          'const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });',
          [
            `import { graphemes as coreGraphemes } from ${graphemes};`,
            'function segments(text) {',
            '    let index = 0;',
            '    return coreGraphemes(text).map((segment) => {',
            '        const at = index;',
            '        index += segment.length;',
            '        return { segment, index: at };',
            '    });',
            '}',
            'const segmenter = { segment: segments };',
          ].join('\n'),
        );
        return { contents, loader: 'js' };
      },
    );
    build.onLoad({ filter: /[\\/]slice-ansi[\\/]tokenize-ansi\.js$/ }, ({ path }) => {
      const source = readFileSync(path, 'utf8');
      const contents = patch(
        path,
        source,
        "const GRAPHEME_SEGMENTER = new Intl.Segmenter(undefined, {granularity: 'grapheme'});",
        [
          'let graphemeSegmenter;',
          'const GRAPHEME_SEGMENTER = {',
          "  segment: (text) => (graphemeSegmenter ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'})).segment(text),",
          '};',
        ].join('\n'),
      );
      return { contents, loader: 'js' };
    });
  },
};

/** What every build shares: Node 20, minified, React in production mode, Ink's (and its field's) patches. */
const common = {
  // Paths in the metafile are relative to this, wherever the build is started from.
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  minify: true,
  plugins: [
    inkStringWidth,
    inkSharedOutputCaches,
    ansiSameStyles,
    yogaSyncStart,
    inkWithoutDevtools,
    noSegmenterAtLoad,
    textInputKeepsKeys,
  ],
  metafile: true,
  legalComments: 'none',
  logLevel: 'warning',
};

/**
 * Bundles the program (`source`, src/cli.ts) into one CommonJS script in `outdir/chunks`, named by its
 * content's hash: unlike an ES module, a script can be compiled from V8's code cache (src/cached-script.ts),
 * whose file the name keys. What it imports dynamically stays in it, evaluated only when imported.
 */
async function bundleAppScript(source, outdir) {
  const result = await build({
    ...common,
    entryPoints: { app: source },
    outdir: join(outdir, 'chunks'),
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    // src/cached-script.ts hands the script its own address under this name.
    define: { 'process.env.NODE_ENV': '"production"', 'import.meta.url': '__inkwellUrl' },
    write: false,
  });
  const [output] = result.outputFiles.filter((file) => file.path.endsWith('.cjs'));
  // Run as a function of what src/cached-script.ts hands it (SCRIPT_PARAMETERS there).
  const parameters = 'exports, require, module, __filename, __dirname, __inkwellUrl';
  // A script compiled by node:vm cannot import() without an experimental loader: everything is inside.
  if (/\bimport\(/.test(output.text))
    throw new Error(`${output.path}: the app script would import()`);
  const text = `(function (${parameters}) {${asciiOnly(output.text, output.path)}\n})`;
  // Named by what is written, byte for byte: the code cache is keyed by this name.
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 12);
  const path = join(outdir, 'chunks', `app-${hash}.cjs`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return { relative: `./chunks/${basename(path)}`, written: path };
}

/**
 * `code` with every non-ASCII character escaped (\uXXXX), which means the same in strings, regular
 * expressions and identifiers: esbuild leaves some in regular expressions. A script of ASCII alone is read
 * as Latin-1 into a one-byte string, without decoding UTF-8 into a string twice the size.
 */
function asciiOnly(code, path) {
  // After a backslash, an escape would stand for a different thing: no such code is expected.
  if (/\\[^\x00-\x7f]/.test(code))
    throw new Error(`${path}: a non-ASCII character after a backslash`);
  return code.replace(
    /[^\x00-\x7f]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * Bundles the executable (`source`, src/main.ts) as `outdir/<name>.cjs`, one CommonJS file with nothing
 * to load but Node's modules and, for the commands, the program's own entry (`./cli.js`, left as it is):
 * every module file more is one more for Node to find, read and link before anything runs.
 */
async function bundleLauncher(name, source, outdir, app) {
  const result = await build({
    ...common,
    entryPoints: { [name]: source },
    outdir,
    // CommonJS: Node starts it without its ES module loader, whose file reads wait on its thread pool.
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    define: {
      __INKWELL_APP_SCRIPT__: JSON.stringify(app.relative),
      'import.meta.url': '__inkwellLauncherUrl',
    },
    banner: {
      js: [
        '#!/usr/bin/env node',
        "const __inkwellLauncherUrl = require('node:url').pathToFileURL(__filename).href;",
      ].join('\n'),
    },
    plugins: [
      {
        name: 'program-entry',
        setup(build) {
          build.onResolve({ filter: /^\.\/cli\.js$/ }, ({ path }) => ({ path, external: true }));
        },
      },
    ],
  });
  return Object.keys(result.metafile.outputs).map((path) => join(root, path));
}

/**
 * Bundles `entryPoints` ({name: source}) into `outdir`: ESM, minified, React in production mode, and code
 * splitting, so that what a command does not import (Ink, React) is never loaded. With `appScript` and
 * `launcher` ({name, source}), the program (`entryPoints.cli`) is also bundled as one script (see
 * bundleAppScript), and the launcher, which starts either, as `outdir/<name>.js` (see bundleLauncher).
 */
export async function bundle(entryPoints, outdir, { appScript, launcher } = {}) {
  const app = appScript ? await bundleAppScript(appScript, outdir) : undefined;
  const result = await build({
    ...common,
    entryPoints,
    outdir,
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    format: 'esm',
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
  });
  if (app && launcher) await bundleLauncher(launcher.name, launcher.source, outdir, app);
  // Chunks of earlier builds go only once the new ones are written. A reader started before the build
  // that has yet to load one of its chunks (the Markdown parser, the browser opener) will then fail to.
  const written = new Set(Object.keys(result.metafile.outputs).map((path) => join(root, path)));
  if (app) written.add(app.written);
  const chunks = join(outdir, 'chunks');
  for (const name of existsSync(chunks) ? readdirSync(chunks) : []) {
    if (!written.has(join(chunks, name))) rmSync(join(chunks, name), { force: true });
  }
}
