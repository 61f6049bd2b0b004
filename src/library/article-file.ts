// What makes a file an article file, shared by loading and by reading a body again (which must not pull
// in the YAML parser): the size limit, the fence of its front matter, and reading its bytes safely.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** Larger files are not read. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** The front matter: `---`, its YAML lines, then `---` or `...`. */
export const FRONT_MATTER = /^---[ \t]*\n(?:([\s\S]*?)\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)/;

const READ_CHUNK_BYTES = 64 * 1024;
const END_PROBE_BYTES = 1024;

/**
 * A regular file's bytes (undefined when it holds more than `max`), and its size and time as stat'ed
 * before reading. Never blocks on a FIFO or device and never reads past `max`, whatever the file claims
 * its size is.
 */
export function readUpTo(
  path: string,
  max: number,
): { bytes: Buffer | undefined; size: number; mtimeMs: number } {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw Object.assign(new Error(path), { code: 'not a regular file' });
    const chunks: Buffer[] = [];
    let length = 0;
    while (length <= max) {
      // The reported size is a hint: files under /proc report 0 and hold more, and a file can grow while
      // it is read. Read what it claims, then a small read to see that it ends there (a large buffer per
      // file would be garbage a library of thousands feels), and large reads past that.
      const wanted =
        length < stat.size
          ? stat.size - length
          : length === stat.size && length > 0
            ? END_PROBE_BYTES
            : READ_CHUNK_BYTES;
      const chunk = Buffer.allocUnsafe(Math.min(wanted, max - length) + 1);
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      length += read;
    }
    const bytes = length > max ? undefined : Buffer.concat(chunks, length);
    return { bytes, size: stat.size, mtimeMs: stat.mtimeMs };
  } finally {
    closeSync(fd);
  }
}
