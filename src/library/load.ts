// Reads article files: one file into an article (the bad ones skipped with a reason), or a whole library
// at once without a cache (the cached start is src/library/library-cache.ts).
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { Article } from '../core/article.js';
import { metaOf, settleLibrary, type Library, type LoadedFile } from './library.js';
import { MAX_FILE_BYTES } from './article-file.js';
import { parseArticle } from './parse-article.js';
import { MAX_ENTRIES, walkLibrary, type LibraryFolder, type LoadWarning } from './walk.js';

export type { Library } from './library.js';
export { MAX_ENTRIES, type LibraryFolder, type LoadWarning } from './walk.js';

export { MAX_FILE_BYTES };
const READ_CHUNK_BYTES = 64 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Every article of every folder, read now; later folders win id clashes. */
export function loadLibrary(folders: readonly LibraryFolder[], maxEntries = MAX_ENTRIES): Library {
  const walk = walkLibrary(folders, maxEntries);
  const warnings = walk.warnings;
  const loaded: LoadedFile[] = walk.files.map(({ path, rank }) => {
    const article = loadArticle(path, warnings);
    return { article: article && metaOf(article), rank };
  });
  const settled = settleLibrary(loaded);
  return { articles: settled.articles, warnings: [...warnings, ...settled.warnings] };
}

/** Reads and parses one file, body included; on failure records why and returns undefined. */
export function loadArticle(path: string, warnings: LoadWarning[]): Article | undefined {
  const skip = (reason: string) => {
    warnings.push({ path, message: `skipped: ${reason}` });
    return undefined;
  };
  let read: ReturnType<typeof readUpTo>;
  try {
    read = readUpTo(path, MAX_FILE_BYTES);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Names are read as UTF-8, invalid bytes becoming U+FFFD: such a name no longer names the file.
    if (code === 'ENOENT' && path.includes('\ufffd')) {
      return skip('its name is not valid UTF-8 (rename the file to read it)');
    }
    return skip(`cannot be read (${code ?? String(error)})`);
  }
  const { bytes, size, mtimeMs } = read;
  if (!bytes) return skip('larger than 5 MB');
  if (bytes.includes(0)) return skip('binary content, not text');
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return skip('not valid UTF-8 text');
  }
  const id = basename(path, extname(path));
  const result = parseArticle(text, path, id);
  if (!result.ok) return skip(result.reason);
  for (const message of result.warnings) warnings.push({ path, message });
  return { ...result.article, size, mtimeMs };
}

/**
 * A regular file's bytes (undefined when it holds more than `max`), and its size and time as stat'ed
 * before reading. Never blocks on a FIFO or device and never reads past `max`, whatever the file claims
 * its size is.
 */
function readUpTo(
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
      // The reported size is a hint: files under /proc report 0 and hold more, so reads are never small.
      const wanted = Math.max(stat.size - length, READ_CHUNK_BYTES);
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
