// A Markdown file → an article: its front matter's fields when it has them; the title from the front
// matter, else the first heading (taken out of the body), else the file name.
import { parse } from 'yaml';
import { isoDate } from './dates.js';
import { emptyArticle, ImportError, type ImportedArticle } from './types.js';

const FRONT_MATTER = /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const HEADING = /^(?: {0,3})(#{1,6})[ \t]+(.+?)[ \t#]*$/m;
const SETEXT = /^(?! {4})(\S[^\n]*)\n {0,3}=+[ \t]*$/m;

function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return null;
}

/** A file name as a title: "my-first_note.md" → "my first note". */
export function titleFromFileName(fileName: string): string {
  return fileName
    .replace(/\.[^.]+$/, '')
    .replace(/[-_]+/g, ' ')
    .trim();
}

export function importMarkdown(source: string, fileName: string | null): ImportedArticle {
  const raw = source.replace(/^\ufeff/, '');
  let fields: Record<string, unknown> = {};
  let body = raw;
  const match = FRONT_MATTER.exec(raw);
  if (match) {
    let data: unknown;
    try {
      data = parse(match[1] ?? '', { schema: 'core', logLevel: 'silent', maxAliasCount: 100 });
    } catch (error) {
      throw new ImportError(
        `front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`,
      );
    }
    if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
      fields = data as Record<string, unknown>;
    }
    body = raw.slice(match[0].length);
  }
  let title = text(fields.title);
  if (!title) {
    const heading = [HEADING.exec(body), SETEXT.exec(body)]
      .filter((found) => found !== null)
      .sort((a, b) => a.index - b.index)[0];
    if (heading) {
      title = (heading[2] ?? heading[1])!.trim();
      body = body.slice(0, heading.index) + body.slice(heading.index + heading[0].length);
    }
  }
  title ??= fileName ? titleFromFileName(fileName) : null;
  if (!title) throw new ImportError('no title: no front matter title, no heading, no file name');
  body = body
    .replace(/^\s*\n/, '')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd();
  if (!body.trim()) throw new ImportError('the Markdown has no text besides its title');

  const article = emptyArticle(title, body);
  const author = fields.author;
  article.author = Array.isArray(author)
    ? author.map(text).filter(Boolean).join(', ') || null
    : text(author);
  const date = text(fields.date);
  article.date = date ? isoDate(date) : null;
  article.source = text(fields.source);
  article.url = text(fields.url);
  article.bio = text(fields.bio);
  article.lang = text(fields.lang);
  const dir = text(fields.dir);
  article.dir = dir === 'rtl' || dir === 'ltr' ? dir : null;
  const tags = fields.tags;
  article.tags = (Array.isArray(tags) ? tags : typeof tags === 'string' ? tags.split(',') : [])
    .map(text)
    .filter((tag): tag is string => tag !== null);
  return article;
}
