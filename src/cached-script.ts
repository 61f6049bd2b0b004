// Runs a CommonJS bundle (inkwell as the full-screen reader starts it) from V8's code cache, kept in the cache
// folder: a start then skips parsing and compiling what the last one compiled (tens of milliseconds of Ink
// and React). A cache that is missing, corrupt, from another build or another Node is ignored and rewritten.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import type * as Zlib from 'node:zlib';
import { Script } from 'node:vm';
import { writeFileAtomically } from './library/write-atomically.js';
import { mark } from './startup.js';

/** A bundle evaluated: its exports, and how to keep what V8 compiled of it for the next start. */
export interface CachedScript {
  exports: Record<string, unknown>;
  /** Whether this start used a cache (false: none, or it did not fit). */
  fromCache: boolean;
  /**
   * Writes V8's code for the bundle, with what it has compiled so far, when the cache was not used. Never
   * throws: a cache folder that cannot be written only means the next start compiles again.
   */
  save(): void;
}

/**
 * V8 checks that a cache fits its own version, flags and the source's length, but not its bytes, and a
 * damaged cache can crash it: each file starts with this tag and a CRC-32 of the rest.
 */
const MAGIC = 0x696b7763; // "ikwc"
const HEADER_BYTES = 8;

/** What the build wraps the script's code in: it is run as a function of these (see scripts/bundle.mjs). */
export const SCRIPT_PARAMETERS = 'exports, require, module, __filename, __dirname, __inkwellUrl';

/**
 * Evaluates `file` with the code cache kept in `cacheDir` (made when first written). The file, whose name
 * carries its content's hash, is CommonJS code in ASCII alone, wrapped as `(function (SCRIPT_PARAMETERS)
 * {...})`; where its source said `import.meta.url` it sees `url`.
 */
export function runCachedScript(file: string, cacheDir: string, url: string): CachedScript {
  // ASCII read as Latin-1 becomes a one-byte string with no UTF-8 to decode, and the wrapping is already
  // done: V8 gets the file's text as it is.
  const source = readFileSync(file, 'latin1');
  // The bundle's name changes with its content, the cache's with Node's: a cache can only meet its own.
  const cacheFile = join(cacheDir, `${basename(file)}.${process.version}-${process.arch}.v8`);
  const cachedData = readCache(cacheFile);
  // No importModuleDynamically: the script has no import() (the build checks), and the loader that option
  // would name warns, on Node 20, that it is experimental.
  const script = new Script(source, { filename: file, ...(cachedData ? { cachedData } : {}) });
  mark('script compiled');
  const fromCache = cachedData !== undefined && !script.cachedDataRejected;
  const module = { exports: {} as Record<string, unknown> };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper(module.exports, createRequire(file), module, file, dirname(file), url);
  let saved = fromCache;
  return {
    exports: module.exports,
    fromCache,
    save() {
      if (saved) return;
      saved = true;
      try {
        writeCache(cacheFile, script.createCachedData());
      } catch {
        // The next start compiles again, and tries again.
      }
    },
  };
}

/** CRC-32, from zlib loaded when first needed: the commands, which load this module too, never need it. */
function crc32(data: Buffer): number {
  return (process.getBuiltinModule('node:zlib') as typeof Zlib).crc32(data);
}

function readCache(cacheFile: string): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  if (bytes.length <= HEADER_BYTES || bytes.readUInt32LE(0) !== MAGIC) return undefined;
  const data = bytes.subarray(HEADER_BYTES);
  return crc32(data) === bytes.readUInt32LE(4) ? data : undefined;
}

function writeCache(cacheFile: string, data: Buffer): void {
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32LE(MAGIC, 0);
  header.writeUInt32LE(crc32(data), 4);
  writeFileAtomically(cacheFile, Buffer.concat([header, data]));
  const dir = dirname(cacheFile);
  // The caches of earlier builds and other Nodes are of no more use.
  const prefix = `${basename(cacheFile).split('-')[0]}-`;
  for (const name of readdirSync(dir)) {
    if (name.startsWith(prefix) && name.endsWith('.v8') && name !== basename(cacheFile)) {
      rmSync(join(dir, name), { force: true });
    }
  }
}
