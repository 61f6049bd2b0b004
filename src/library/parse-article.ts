// One article file's text → an Article, or the reason it cannot be one. Everything is sanitized here.
import { parseDocument, type ErrorCode, type YAMLError } from 'yaml';
import { countWords, readingMinutes, type Article } from '../core/article.js';
import { sanitize, sanitizeLine } from '../core/sanitize.js';
import { FRONT_MATTER } from './article-file.js';

/** An article as its text gives it: all but the file's size and time, which the loader adds. */
export type ParsedArticle = Omit<Article, 'size' | 'mtimeMs'>;

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
export function parseArticle(raw: string, path: string, fileId: string): ParseResult {
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

  const doc = parseDocument(frontMatter, {
    schema: 'core',
    uniqueKeys: true,
    // The library would print its warnings (which quote the file) to stderr unsanitized.
    logLevel: 'silent',
  });
  const error = doc.errors[0];
  if (error) return { ok: false, reason: yamlReason(error, frontMatter) };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (aliasError) {
    return {
      ok: false,
      reason: `front matter is not valid YAML: ${firstLine((aliasError as Error).message)}`,
    };
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
  const words = countWords(body);
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
      readingMinutes: readingMinutes(words),
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

/**
 * A YAML error as the person who wrote the file can act on it: the line of the file (the opening --- is
 * line 1), what is wrong, and for the usual slips what to do.
 */
function yamlReason(error: YAMLError, frontMatter: string): string {
  const at = error.linePos?.[0]?.line;
  // yaml's message ends with its own position, counted from the front matter: ours replaces it.
  const what = firstLine(error.message).replace(/ at line \d+, column \d+:?$/, '');
  const hint = at === undefined ? undefined : yamlHint(error.code, frontMatter.split('\n'), at);
  const where = at === undefined ? '' : ` at line ${at + 1}`;
  return `front matter is not valid YAML${where}: ${what}${hint ? ` (${hint})` : ''}`;
}

/** What to do about the usual slips; `at` is the front matter's line (from 1) the error names. */
function yamlHint(code: ErrorCode, lines: readonly string[], at: number): string | undefined {
  const line = lines[at - 1];
  const field = /^\s*([\w-]+)\s*:/.exec(line ?? '')?.[1];
  switch (code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
      // title: Putin: the talks. A ": " inside a value starts another field unless the value is quoted.
      return field ? `put the ${field} in quotes` : undefined;
    case 'DUPLICATE_KEY':
      return field ? `${field} is given twice` : undefined;
    case 'UNEXPECTED_TOKEN':
      // title: "Putin" and Kim: a quoted value must be quoted whole.
      return /:\s*["'][^"']*["']\s*\S/.test(line ?? '')
        ? `quote the whole ${field ?? 'value'}, not its start`
        : undefined;
    case 'BAD_INDENT':
    case 'MISSING_CHAR': {
      // An unclosed [ list is noticed only on a later line: name the field that opened it.
      const opened = lines
        .slice(0, at)
        .map((text) => /^\s*([\w-]+)\s*:\s*\[[^\]]*$/.exec(text)?.[1])
        .findLast(Boolean);
      return opened ? `close the [ list of ${opened} with ]` : undefined;
    }
    default:
      return undefined;
  }
}

function firstLine(message: string): string {
  return sanitizeLine(message.split('\n')[0] ?? message);
}
