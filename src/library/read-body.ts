// An article's body read again from its file, for the search index (which is given only what identifies
// each article) and for the snippets of the few results shown (the index keeps no texts). Only the body:
// the front matter is skipped, not parsed. The same checks as loading: a regular text file under the limit.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { sanitize } from '../core/sanitize.js';
import { plainText } from '../core/search/tokenize.js';
import { FRONT_MATTER, MAX_FILE_BYTES } from './article-file.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The Markdown body of the article file at `path`, or null when it cannot be read as one. */
export function readBody(path: string): string | null {
  let bytes: Uint8Array;
  try {
    const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const stat = fstatSync(fd);
      if (!stat.isFile() || stat.size > MAX_FILE_BYTES) return null;
      bytes = new Uint8Array(stat.size);
      let done = 0;
      while (done < bytes.length) {
        const read = readSync(fd, bytes, done, bytes.length - done, null);
        if (read === 0) break;
        done += read;
      }
      bytes = bytes.subarray(0, done);
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
  if (bytes.includes(0)) return null;
  let text: string;
  try {
    text = sanitize(utf8.decode(bytes).replace(/^\ufeff/, ''));
  } catch {
    return null;
  }
  const match = FRONT_MATTER.exec(text);
  return match ? text.slice(match[0].length).replace(/^\n+/, '') : null;
}

/** The body of the article file at `path` as plain text (see plainText), for a snippet; null when unreadable. */
export function readPlainText(path: string): string | null {
  const body = path ? readBody(path) : null;
  return body === null ? null : plainText(body);
}
