// One article file's text → an Article, or the reason it cannot be one. Everything is sanitized here.
import { parseDocument } from 'yaml';
import { countWords, readingMinutes, type Article } from '../core/article.js';
import { sanitize, sanitizeLine } from '../core/sanitize.js';

export type ParseResult =
  { ok: true; article: Article; warnings: string[] } | { ok: false; reason: string };

const FRONT_MATTER = /^---[ \t]*\n(?:([\s\S]*?)\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)/;
const ISO_DATE =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const SAFE_ID = /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u;

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

  const doc = parseDocument(match[1] ?? '', {
    schema: 'core',
    uniqueKeys: true,
    // The library would print its warnings (which quote the file) to stderr unsanitized.
    logLevel: 'silent',
  });
  const error = doc.errors[0];
  if (error)
    return { ok: false, reason: `front matter is not valid YAML: ${firstLine(error.message)}` };
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

function firstLine(message: string): string {
  return sanitizeLine(message.split('\n')[0] ?? message);
}
