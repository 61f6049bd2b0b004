// One article file's text → an Article, or the reason it cannot be one, with the YAML parser at hand.
import { parseArticleWith, NEEDS_YAML, type ParseResult } from './article-text.js';
import { yamlFields } from './yaml-fields.js';

export {
  MAX_FRONT_MATTER_CHARACTERS,
  MAX_FRONT_MATTER_FIELDS,
  webUrl,
  type ParsedArticle,
  type ParseResult,
} from './article-text.js';

/**
 * Parses an article file: YAML front matter (title required; author, date, source, url, tags, id, bio)
 * and a Markdown body. Field problems that leave a readable article are warnings, not failures.
 */
export function parseArticle(raw: string, path: string, fileId: string): ParseResult {
  const result = parseArticleWith(raw, path, fileId, yamlFields);
  // Never: the YAML parser was given.
  if (result === NEEDS_YAML) throw new Error('front matter needs the YAML parser');
  return result;
}
