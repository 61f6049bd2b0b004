// Reads one article file: a regular file under the size cap, UTF-8, parsed. The YAML parser is not
// loaded here: plain front matter needs none, and a file whose front matter does says so.
import { basename, extname } from 'node:path';
import type { Article } from '../core/article.js';
import { NEEDS_YAML, parseArticleWith, type Counted, type YamlFields } from './article-text.js';
import type { LoadWarning } from './walk.js';
import { MAX_FILE_BYTES, readUpTo } from './article-file.js';

export { NEEDS_YAML } from './article-text.js';

export { MAX_FILE_BYTES };
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** What an earlier reading of the file found: its words, counted then, and the file's size and time. */
export type Known = Counted & Pick<Article, 'size' | 'mtimeMs'>;

/**
 * Reads and parses one file, body included; on failure records why and returns undefined. Without `yaml`,
 * front matter that needs the YAML parser gives NEEDS_YAML (and no warning): read it again with it.
 */
export function readArticle(
  path: string,
  warnings: LoadWarning[],
  yaml?: YamlFields,
  known?: Known,
): Article | undefined | typeof NEEDS_YAML {
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
  // The words counted at an earlier reading are kept only if the file is the one read then.
  const counted = known && known.size === size && known.mtimeMs === mtimeMs ? known : undefined;
  const result = parseArticleWith(text, path, id, yaml, counted);
  if (result === NEEDS_YAML) return NEEDS_YAML;
  if (!result.ok) return skip(result.reason);
  for (const message of result.warnings) warnings.push({ path, message });
  return { ...result.article, size, mtimeMs };
}
