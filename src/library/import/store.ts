// Writes imported articles into the user's folder: a new file for a new article, the same file for one
// imported before (same url, or same title and date), never a file the user has edited since (without
// force). Every write goes to a hidden temporary file first and is renamed over the old one.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { stringify } from 'yaml';
import type { ArticleMeta } from '../../core/article.js';
import { sanitize, sanitizeLine } from '../../core/sanitize.js';
import { loadLibrary, MAX_FILE_BYTES } from '../load.js';
import { ImportError, type ImportedArticle } from './types.js';
import { writeFileAtomically } from '../write-atomically.js';

/** What became of one imported article. */
export interface SaveOutcome {
  status: 'added' | 'updated' | 'skipped';
  id: string;
  title: string;
  path: string;
  /** Why it was skipped. */
  reason?: string;
}

// Markdown links whose target could run or embed something: the text stays, the target goes.
const UNSAFE_SCHEME = '(?:javascript|vbscript|data|file):';
// The target may hold one level of balanced parentheses, as javascript:alert(1) does.
const UNSAFE_INLINE_LINK = new RegExp(
  `\\[([^\\]\\n]*)\\]\\(\\s*<?\\s*${UNSAFE_SCHEME}[^()\\n]*(?:\\([^()\\n]*\\)[^()\\n]*)*\\)`,
  'gi',
);
const UNSAFE_AUTOLINK = new RegExp(`<\\s*${UNSAFE_SCHEME}[^>\\n]*>`, 'gi');
const UNSAFE_DEFINITION = new RegExp(
  `^ {0,3}\\[[^\\]\\n]+\\]:\\s*<?\\s*${UNSAFE_SCHEME}.*$\\n?`,
  'gim',
);

/** A body without links to javascript:, data:, vbscript: or file: targets, from any importer. */
export function withoutUnsafeLinks(markdown: string): string {
  return markdown
    .replace(UNSAFE_INLINE_LINK, '$1')
    .replace(UNSAFE_AUTOLINK, '')
    .replace(UNSAFE_DEFINITION, '');
}

const CHECKSUM_LINE = /^checksum: ?"?([0-9a-f]+)"?\n/m;
const SLUG_LENGTH = 42;

function checksumOf(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** An article's id from its date and the first words of its title, as the bundled articles have them. */
export function slugFor(title: string, date: string | null): string {
  const words = sanitizeLine(title)
    .toLowerCase()
    .replace(/['’`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > SLUG_LENGTH && slug) break;
    // A first word longer than the limit (a CJK title has no spaces) is cut: file names have a byte limit.
    slug = [...next].slice(0, SLUG_LENGTH).join('');
  }
  const day = date?.slice(0, 10);
  return [day, slug || 'article'].filter(Boolean).join('-');
}

const normalUrl = (url: string | null) => url?.replace(/#.*$/, '') ?? null;
const titleKey = (title: string, date: string | null) => `${title}\n${date?.slice(0, 10) ?? ''}`;

/** The article file's text: sanitized front matter, then the body. */
export function articleFile(article: ImportedArticle, id: string | null): string {
  const line = (value: string | null) => (value === null ? null : sanitizeLine(value) || null);
  const fields: Record<string, unknown> = {
    title: line(article.title),
    author: line(article.author),
    date: line(article.date),
    source: line(article.source),
    url: webUrl(line(article.url)),
    lang: line(article.lang),
    dir: article.dir,
    bio: line(article.bio),
    tags: article.tags.map(line).filter(Boolean),
    id,
  };
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) {
      delete fields[key];
    }
  }
  const frontMatter = stringify(fields, {
    lineWidth: 0,
    defaultStringType: 'QUOTE_DOUBLE',
    defaultKeyType: 'PLAIN',
  });
  const body = withoutUnsafeLinks(sanitize(article.body)).trim();
  const text = `---\n${frontMatter}---\n${body}\n`;
  return text.replace(/^---\n/, `---\nchecksum: ${checksumOf(text)}\n`);
}

/** Only http(s) addresses are kept as an article's url: the reader hands it to a browser. */
function webUrl(url: string | null): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}

/** Whether the file is as inkwell wrote it: its checksum still matches its text. */
export function isUnedited(text: string): boolean {
  const stored = CHECKSUM_LINE.exec(text)?.[1];
  return stored !== undefined && checksumOf(text.replace(CHECKSUM_LINE, '')) === stored;
}

/** An article file the loader would skip (over its size limit) is not written at all. */
function loadable(text: string): string {
  if (Buffer.byteLength(text) > MAX_FILE_BYTES) {
    throw new ImportError('the article would be larger than 5 MB, which inkwell does not load');
  }
  return text;
}

/** The user's folder, indexed for finding what was imported before. */
export class LibraryWriter {
  private readonly byUrl = new Map<string, ArticleMeta>();
  private readonly byTitle = new Map<string, ArticleMeta>();
  private readonly takenIds: Set<string>;
  private folderMade = false;

  /**
   * `otherIds`: the ids of the rest of the library (bundled, --library), which new ids must not take.
   * `own`: the articles of `dir` when the caller has them already (through the library cache); without
   * them every file of the folder is read.
   */
  constructor(
    private readonly dir: string,
    otherIds: Iterable<string>,
    own: readonly ArticleMeta[] = loadLibrary([{ dir, required: false }]).articles,
  ) {
    this.takenIds = new Set([...otherIds].map((id) => id.toLowerCase()));
    for (const article of own) this.remember(article);
  }

  private remember(article: ArticleMeta): void {
    const url = normalUrl(article.url);
    if (url) this.byUrl.set(url, article);
    this.byTitle.set(titleKey(article.title, article.date), article);
    this.takenIds.add(article.id.toLowerCase());
  }

  private freshId(title: string, date: string | null): string {
    const base = slugFor(title, date);
    let id = base;
    for (let n = 2; this.takenIds.has(id.toLowerCase()); n++) id = `${base}-${n}`;
    return id;
  }

  save(imported: ImportedArticle, { force = false } = {}): SaveOutcome {
    const title = sanitizeLine(imported.title);
    const url = normalUrl(imported.url ? sanitizeLine(imported.url) : null);
    const date = imported.date ? sanitizeLine(imported.date) : null;
    // Two different addresses are two articles, however alike their titles.
    const sameTitle = this.byTitle.get(titleKey(title, date));
    const existing =
      (url ? this.byUrl.get(url) : undefined) ??
      (sameTitle && (!url || !sameTitle.url) ? sameTitle : undefined);
    if (!this.folderMade) mkdirSync(this.dir, { recursive: true });
    this.folderMade = true;
    if (!existing) {
      const id = this.freshId(title, date);
      const path = join(this.dir, `${id}.md`);
      writeFileAtomically(path, loadable(articleFile(imported, null)));
      this.remember({ ...placeholder(path), id, title, url, date });
      return { status: 'added', id, title, path };
    }
    const { id, path } = existing;
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      // Gone since the folder was read: written anew below.
    }
    if (current && !force && !isUnedited(current)) {
      return {
        status: 'skipped',
        id,
        title,
        path,
        reason: 'edited since it was imported (--force replaces it)',
      };
    }
    const text = loadable(articleFile(imported, id === basename(path, extname(path)) ? null : id));
    if (text !== current) writeFileAtomically(path, text);
    this.remember({ ...existing, title, url: url ?? existing.url, date });
    return { status: 'updated', id, title, path };
  }
}

function placeholder(path: string): ArticleMeta {
  return {
    id: '',
    title: '',
    author: null,
    date: null,
    source: null,
    url: null,
    tags: [],
    bio: null,
    words: 0,
    readingMinutes: 0,
    path,
    size: 0,
    mtimeMs: 0,
  };
}
