// Loads the library: every article file of every folder, the bad ones skipped with a reason, id clashes
// settled in favour of the user's copy.
import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  readdirSync,
  readSync,
  realpathSync,
  statSync,
  type Dirent,
} from 'node:fs';
import { basename, extname, join, sep } from 'node:path';
import { byNewest, type Article } from '../core/article.js';
import { MAX_FILE_BYTES } from './article-file.js';
import { parseArticle } from './parse-article.js';

/** A folder of articles. Folders later in the list win id clashes over earlier ones. */
export interface LibraryFolder {
  dir: string;
  /** Whether a missing folder is worth a warning (it is for --library, not for the user's own folder). */
  required: boolean;
}

/** Something the user should hear about: a skipped file, an ignored field, an id clash. */
export interface LoadWarning {
  path: string;
  message: string;
}

export interface Library {
  /** Newest first. */
  articles: Article[];
  warnings: LoadWarning[];
}

export { MAX_FILE_BYTES };
const READ_CHUNK_BYTES = 64 * 1024;
const MAX_DEPTH = 8;
/** Entries (files and folders) read under one library folder at most: a library, not a whole disk. */
export const MAX_ENTRIES = 200_000;
const ARTICLE_EXTENSIONS = new Set(['.md', '.markdown']);
const utf8 = new TextDecoder('utf-8', { fatal: true });

export function loadLibrary(folders: readonly LibraryFolder[], maxEntries = MAX_ENTRIES): Library {
  const warnings: LoadWarning[] = [];
  const byId = new Map<string, { article: Article; rank: number }>();
  const seen = new Set<string>();
  folders.forEach((folder, rank) => {
    for (const path of articleFiles(folder, warnings, seen, maxEntries)) {
      const article = loadArticle(path, warnings);
      if (!article) continue;
      const held = byId.get(article.id);
      if (!held) {
        byId.set(article.id, { article, rank });
        continue;
      }
      // A later folder (the user's, --library) wins; within one folder the first file does.
      const [winner, loser] = rank > held.rank ? [article, held.article] : [held.article, article];
      if (winner === article) byId.set(article.id, { article, rank });
      warnings.push({
        path: loser.path,
        message: `not shown: same id "${article.id}" as ${winner.path}`,
      });
    }
  });
  const articles = [...byId.values()].map((held) => held.article).sort(byNewest);
  return { articles, warnings };
}

/** Reads and parses one file; on failure records why and returns undefined. */
export function loadArticle(path: string, warnings: LoadWarning[]): Article | undefined {
  const skip = (reason: string) => {
    warnings.push({ path, message: `skipped: ${reason}` });
    return undefined;
  };
  let bytes: Buffer | undefined;
  try {
    bytes = readUpTo(path, MAX_FILE_BYTES);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Names are read as UTF-8, invalid bytes becoming U+FFFD: such a name no longer names the file.
    if (code === 'ENOENT' && path.includes('\ufffd')) {
      return skip('its name is not valid UTF-8 (rename the file to read it)');
    }
    return skip(`cannot be read (${code ?? String(error)})`);
  }
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
  return result.article;
}

/**
 * A regular file's bytes, or undefined when it holds more than `max`. Never blocks on a FIFO or device and
 * never reads past `max`, whatever the file claims its size is.
 */
function readUpTo(path: string, max: number): Buffer | undefined {
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
    return length > max ? undefined : Buffer.concat(chunks, length);
  } finally {
    closeSync(fd);
  }
}

/**
 * Article files under a folder, sorted, hidden entries left out. `seen` holds the device:inode of every
 * folder and file met so far in this load: links that loop, and a folder named twice or inside another,
 * give each file once. A link to a folder outside this one is not followed (one to / would walk the whole
 * disk), and the walk stops after `maxEntries` entries; both say so.
 */
function articleFiles(
  folder: LibraryFolder,
  warnings: LoadWarning[],
  seen: Set<string>,
  maxEntries: number,
): string[] {
  const files: string[] = [];
  const firstVisit = (stat: { dev: number; ino: number }) => {
    const key = `${stat.dev}:${stat.ino}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  let inside: string | undefined;
  try {
    const real = realpathSync(folder.dir);
    inside = real.endsWith(sep) ? real : real + sep; // the root ends in one already
  } catch {
    // The walk reports it.
  }
  let entries = 0;
  let linksOut = 0;
  const walk = (dir: string, depth: number): boolean => {
    let names: Dirent[];
    try {
      names = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
        a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
      );
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (depth === 0 && code === 'ENOENT' && !folder.required) return true;
      const reason =
        code === 'ENOENT' ? 'folder not found' : code === 'ENOTDIR' ? 'not a folder' : code;
      warnings.push({ path: dir, message: `skipped: ${reason ?? String(error)}` });
      return true;
    }
    for (const entry of names) {
      const { name } = entry;
      if (name.startsWith('.')) continue;
      if (++entries > maxEntries) {
        warnings.push({
          path: folder.dir,
          message: `stopped after ${maxEntries.toLocaleString('en')} entries (the limit); the rest is not read`,
        });
        return false;
      }
      const path = join(dir, name);
      const isArticle = ARTICLE_EXTENSIONS.has(extname(name).toLowerCase());
      // Only folders and article files are worth a stat; a plain entry's type is known already.
      if (!entry.isDirectory() && !entry.isSymbolicLink() && !isArticle) continue;
      let stat;
      try {
        stat = statSync(path);
      } catch {
        // A dangling link: reading it says why it was skipped.
      }
      if (stat?.isDirectory()) {
        if (entry.isSymbolicLink() && !leadsInside(path, inside)) {
          linksOut += 1;
          continue;
        }
        if (depth < MAX_DEPTH && firstVisit(stat) && !walk(path, depth + 1)) return false;
      } else if (isArticle) {
        if (!stat || firstVisit(stat)) files.push(path);
      } else if (!stat && name.includes('\ufffd')) {
        // It may be a folder of articles: what is lost is said.
        warnings.push({
          path,
          message: 'skipped: its name is not valid UTF-8 (rename it to read it)',
        });
      }
    }
    return true;
  };
  let root;
  try {
    root = statSync(folder.dir);
  } catch {
    // The walk reports it.
  }
  if (!root || !root.isDirectory() || firstVisit(root)) walk(folder.dir, 0);
  if (linksOut > 0) {
    warnings.push({
      path: folder.dir,
      message: `not followed: ${linksOut === 1 ? 'a link to a folder' : `${linksOut} links to folders`} outside it`,
    });
  }
  return files;
}

/** Whether the folder a link names lies inside the library folder (`inside`, ending in a separator). */
function leadsInside(link: string, inside: string | undefined): boolean {
  try {
    return inside !== undefined && (realpathSync(link) + sep).startsWith(inside);
  } catch {
    return false;
  }
}
