// The saved search index: one file in the cache folder, read back at the next start instead of building
// the index again. A file that is missing, short, from another version or damaged (its checksum) is
// reported and never used; a new one is written beside it and renamed over it, so a reader or a second
// writer always finds a whole file.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { SearchIndex } from '../core/search/build-index.js';
import {
  copiedLength,
  decodeIndex,
  encodeIndex,
  HEADER_BYTES,
  INDEX_FORMAT,
  type Fingerprints,
} from '../core/search/index-file.js';

/** The file's name in the cache folder (other caches live beside it). */
export const INDEX_FILE = 'search-index.bin';
const MAGIC = 'INKWIDX\n';
/** Magic, format, checksum of the rest, length of the rest. */
const PREFIX_BYTES = 24;

export type LoadedIndex =
  | { ok: true; index: SearchIndex; fingerprints: Fingerprints; bytes: number }
  | { ok: false; reason: string };

/** The saved index at `path`, or why there is none to use. Never throws. */
export function readIndexFile(path: string): LoadedIndex {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' ? 'none saved yet' : `unreadable (${code})` };
  }
  try {
    const size = fstatSync(fd).size;
    if (size < PREFIX_BYTES) return { ok: false, reason: 'cut short' };
    const prefix = Buffer.alloc(PREFIX_BYTES);
    readFully(fd, prefix, 0);
    if (prefix.toString('latin1', 0, 8) !== MAGIC)
      return { ok: false, reason: 'not an index file' };
    if (prefix.readUInt32LE(8) !== INDEX_FORMAT) {
      return { ok: false, reason: 'from another version of inkwell' };
    }
    const length = prefix.readDoubleLE(16);
    if (length !== size - PREFIX_BYTES) return { ok: false, reason: 'cut short' };
    // Two buffers of their own, so that the typed arrays decoded from them are aligned views: the part
    // decoded and copied out (texts: 2 MB at 10,000 articles) is let go, the postings stay in the other.
    const head = new Uint8Array(Math.min(HEADER_BYTES, length));
    readFully(fd, head, PREFIX_BYTES);
    const split = copiedLength(head);
    if (split > length) return { ok: false, reason: 'cut short' };
    const copied = new Uint8Array(new ArrayBuffer(split));
    const viewed = new Uint8Array(new ArrayBuffer(length - split));
    readFully(fd, copied, PREFIX_BYTES);
    readFully(fd, viewed, PREFIX_BYTES + split);
    if (crc32(viewed, crc32(copied)) !== prefix.readUInt32LE(12)) {
      return { ok: false, reason: 'damaged' };
    }
    const { index, fingerprints } = decodeIndex(copied, viewed);
    return { ok: true, index, fingerprints, bytes: size };
  } catch (error) {
    return { ok: false, reason: `unusable (${(error as Error).message})` };
  } finally {
    closeSync(fd);
  }
}

function readFully(fd: number, into: Uint8Array, position: number): void {
  let done = 0;
  while (done < into.length) {
    const read = readSync(fd, into, done, into.length - done, position + done);
    if (read === 0) throw new Error('the file ended early');
    done += read;
  }
}

/**
 * Saves `index` at `path`: written to a file of this process's own beside it, then renamed over it. Off
 * the thread (the writes are the file system's), never throws; resolves to why it failed, or null.
 */
export async function writeIndexFile(
  path: string,
  index: SearchIndex,
  fingerprints: Fingerprints,
): Promise<string | null> {
  const chunks = encodeIndex(index, fingerprints);
  let crc = 0;
  let length = 0;
  for (const chunk of chunks) {
    crc = crc32(chunk, crc);
    length += chunk.byteLength;
  }
  const prefix = Buffer.alloc(PREFIX_BYTES);
  prefix.write(MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(INDEX_FORMAT, 8);
  prefix.writeUInt32LE(crc, 12);
  prefix.writeDoubleLE(length, 16);
  const temporary = join(
    dirname(path),
    `.${INDEX_FILE}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`,
  );
  try {
    await mkdir(dirname(path), { recursive: true });
    await removeLeftovers(dirname(path));
    const file = await open(temporary, 'w');
    try {
      for (const chunk of [prefix, ...chunks]) {
        for (let done = 0; done < chunk.byteLength;) {
          done += (await file.write(chunk, done, chunk.byteLength - done)).bytesWritten;
        }
      }
    } finally {
      await file.close();
    }
    await rename(temporary, path);
    return null;
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    return (error as Error).message;
  }
}

/** How old a temporary file must be to be taken for one a writer that was stopped left behind. */
const LEFTOVER_MS = 10 * 60 * 1000;

/** Temporary files of writers stopped midway (the reader quit while saving). */
async function removeLeftovers(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(`.${INDEX_FILE}.`) || !name.endsWith('.tmp')) continue;
    const path = join(dir, name);
    const info = await stat(path).catch(() => null);
    if (info && Date.now() - info.mtimeMs > LEFTOVER_MS)
      await rm(path, { force: true }).catch(() => undefined);
  }
}
