// One article file's text → an Article, or the reason it cannot be one. Everything is sanitized here.
// The YAML parser is handed in by those that have it loaded (src/library/parse-article.ts).
import { countWords, readingMinutes, type Article } from '../core/article.js';
import { sanitize, sanitizeLine } from '../core/sanitize.js';
import { FRONT_MATTER } from './article-file.js';
import { simpleFrontMatter } from './simple-front-matter.js';

/** An article as its text gives it: all but the file's size and time, which the loader adds. */
export type ParsedArticle = Omit<Article, 'size' | 'mtimeMs'>;

/**
 * Reads YAML front matter into its fields, or says what is wrong (src/library/yaml-fields.ts: the YAML
 * parser is loaded only by what needs it).
 */
export type YamlFields = (
  frontMatter: string,
) => { ok: true; data: unknown } | { ok: false; reason: string };

/**
 * The words of a body counted already, at an earlier reading of the same file: counting 4 MB takes
 * 100-250 ms, which opening it in the reader must not wait for.
 */
export type Counted = Pick<ParsedArticle, 'words' | 'readingMinutes'>;

/** What parseArticle answers when the front matter needs the YAML parser and it was not given. */
export const NEEDS_YAML = Symbol('needs YAML');

export type ParseResult =
  { ok: true; article: ParsedArticle; warnings: string[] } | { ok: false; reason: string };

const ISO_DATE =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const SAFE_ID = /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u;
/** Front matter longer than this is not parsed: an article's fields take a few hundred characters. */
export const MAX_FRONT_MATTER_CHARACTERS = 32 * 1024;
/** Nor front matter with more fields than this, counted at any depth. */
export const MAX_FRONT_MATTER_FIELDS = 500;
/** What may end a key: a colon before a space or the end of a line (in a URL it is not). */
const KEY_LIKE = /:(?=[ \t\n]|$)/gm;
const KB = (characters: number) => `${Math.round(characters / 1024)} KB`;

/**
 * Parses an article file: YAML front matter (title required; author, date, source, url, tags, id, bio)
 * and a Markdown body. Field problems that leave a readable article are warnings, not failures.
 */
export function parseArticleWith(
  raw: string,
  path: string,
  fileId: string,
  yaml: YamlFields | undefined,
  counted?: Counted,
): ParseResult | typeof NEEDS_YAML {
  const text = sanitize(raw.replace(/^\ufeff/, ''));
  if (!text.startsWith('---'))
    return { ok: false, reason: 'no front matter (a title is required)' };
  const match = FRONT_MATTER.exec(text);
  if (!match) return { ok: false, reason: 'front matter is not closed by a --- line' };
  const frontMatter = match[1] ?? '';
  // The YAML parser's time grows faster than the text (its duplicate-key check compares every key with
  // every other): what it is given is bounded first.
  if (frontMatter.length > MAX_FRONT_MATTER_CHARACTERS)
    return {
      ok: false,
      reason: `front matter is longer than the limit of ${KB(MAX_FRONT_MATTER_CHARACTERS)}`,
    };
  const keys = frontMatter.match(KEY_LIKE)?.length ?? 0;
  if (keys > MAX_FRONT_MATTER_FIELDS)
    return {
      ok: false,
      reason: `front matter has more than the limit of ${MAX_FRONT_MATTER_FIELDS} fields`,
    };

  // Most front matter is a few plain `key: value` lines, read without the YAML parser; the rest is YAML's,
  // which a caller that has not loaded it is told it needs.
  let data: unknown = simpleFrontMatter(frontMatter);
  if (data === undefined) {
    if (!yaml) return NEEDS_YAML;
    const read = yaml(frontMatter);
    if (!read.ok) return read;
    data = read.data;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, reason: 'front matter is not a list of fields' };
  }
  const fields = data as Record<string, unknown>;
  const warnings: string[] = [];
  const title = line(fields.title);
  if (!title) return { ok: false, reason: 'no title in the front matter' };
  for (const field of ['source', 'bio'] as const) {
    const value = fields[field];
    if (value !== undefined && value !== null && typeof value === 'object') {
      warnings.push(`${field} is not text; ignored`);
    }
  }

  let id = sanitizeLine(fileId);
  const wanted = line(fields.id);
  if (wanted && SAFE_ID.test(wanted)) id = wanted;
  else if (fields.id !== undefined) {
    warnings.push(`id must be letters, digits, '.', '_' or '-'; using the file name, ${id}`);
  }

  let date = line(fields.date);
  if (date && !isIsoDate(date)) {
    warnings.push(`date ${JSON.stringify(date)} is not an ISO 8601 date; ignored`);
    date = null;
  }

  const givenUrl = line(fields.url);
  const url = givenUrl ? webUrl(givenUrl) : null;
  if (givenUrl && !url) {
    warnings.push(`url ${JSON.stringify(givenUrl)} is not a valid http(s) address; ignored`);
  }

  const body = text.slice(match[0].length).replace(/^\n+/, '');
  const words = counted?.words ?? countWords(body);
  return {
    ok: true,
    warnings,
    article: {
      id,
      title,
      author: authorsOf(fields.author),
      date,
      source: line(fields.source),
      url,
      tags: tagsOf(fields.tags),
      bio: line(fields.bio),
      body,
      words,
      readingMinutes: counted?.readingMinutes ?? readingMinutes(words),
      path,
    },
  };
}

/** A one-line text field; YAML escapes can spell control characters, so values are sanitized again. */
function line(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = sanitizeLine(String(value));
  // Only zero-width characters (U+200B, U+FEFF, ...) shows nothing: as good as no value.
  return INVISIBLE.test(text) ? null : text;
}

const INVISIBLE = /^[\s\p{Default_Ignorable_Code_Point}]*$/u;

/** One author, or several as a list (joined with commas). */
function authorsOf(value: unknown): string | null {
  return Array.isArray(value) ? tagsOf(value).join(', ') || null : line(value);
}

function tagsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  return list.map(line).filter((tag): tag is string => tag !== null);
}

/** ISO 8601, and a day the calendar has (Date.parse takes 2023-02-31 for March 3). */
function isIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text) || Number.isNaN(Date.parse(text))) return false;
  const [year, month, day] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  return calendar.getUTCMonth() === month - 1 && calendar.getUTCDate() === day;
}

/**
 * An http(s) address as the URL parser normalizes it (lower-case scheme and host, punycode, escapes), the
 * one form every view and the browser get; null for anything else. The parser would escape a space inside
 * the address, but a space is where an address ends and a second argument begins: it makes one invalid.
 */
export function webUrl(text: string): string | null {
  if (/[\s\p{Cc}]/u.test(text)) return null;
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return null;
  }
  const web =
    (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '';
  return web ? parsed.href : null;
}
