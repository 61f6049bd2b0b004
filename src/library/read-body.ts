// An article's body read again from its file, for the search index (which is given only what identifies
// each article) and for the snippets of the few results shown (the index keeps no texts). Only the body:
// the front matter is skipped, not parsed. The same checks as loading: a regular text file under the limit.
import { sanitize } from '../core/sanitize.js';
import { plainText } from '../core/search/tokenize.js';
import { FRONT_MATTER, MAX_FILE_BYTES, readUpTo } from './article-file.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The Markdown body of the article file at `path`, or null when it cannot be read as one. */
export function readBody(path: string): string | null {
  let bytes: Buffer | undefined;
  try {
    bytes = readUpTo(path, MAX_FILE_BYTES).bytes;
  } catch {
    return null;
  }
  if (!bytes || bytes.includes(0)) return null;
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
