// Reads article files: one file into an article (the bad ones skipped with a reason), or a whole library
// at once without a cache (the cached start is src/library/library-cache.ts). The YAML parser comes with
// this module; src/library/read-article.ts reads without it.
import type { Article } from '../core/article.js';
import { metaOf, settleLibrary, type Library, type LoadedFile } from './library.js';
import { NEEDS_YAML, readArticle, type Known } from './read-article.js';
import { MAX_ENTRIES, walkLibrary, type LibraryFolder, type LoadWarning } from './walk.js';
import { yamlFields } from './yaml-fields.js';

export { MAX_FILE_BYTES } from './read-article.js';

export type { Library } from './library.js';
export { MAX_ENTRIES, type LibraryFolder, type LoadWarning } from './walk.js';

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

/**
 * Reads and parses one file, body included; on failure records why and returns undefined. Given what an
 * earlier reading found, its words are not counted again if the file has not changed since.
 */
export function loadArticle(
  path: string,
  warnings: LoadWarning[],
  known?: Known,
): Article | undefined {
  const article = readArticle(path, warnings, yamlFields, known);
  return article === NEEDS_YAML ? undefined : article;
}
