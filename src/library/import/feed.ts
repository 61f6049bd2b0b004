// A feed (RSS 0.9x/1.0/2.0, Atom, JSON Feed, parsed by feedsmith) → one article per entry: full content
// over the summary, HTML converted to Markdown, the feed's title as the source, the entry's link as url.
import { parseFeed } from 'feedsmith';
import { parseHTML } from 'linkedom';
import { isoDate } from './dates.js';
import { htmlToMarkdown, safeHref } from './html-to-markdown.js';
import { emptyArticle, ImportError, type ImportedArticle } from './types.js';

/** feedsmith's result differs by format; entries are read field by field, trusting none. */
type Loose = Record<string, unknown>;

/** One entry's article, or the reason it could not be one. */
export type FeedEntry = { ok: true; article: ImportedArticle } | { ok: false; reason: string };

export interface ParsedFeed {
  title: string | null;
  count: number;
  /** Converts one entry: done one at a time, so a long feed shows progress and holds little at once. */
  entry: (index: number) => FeedEntry;
}

const get = (value: unknown, key: string): unknown =>
  value !== null && typeof value === 'object' ? (value as Loose)[key] : undefined;
const list = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];

/** A text construct: a string, or Atom's {value, type}. HTML in it becomes plain text. */
function plain(value: unknown): string | null {
  const raw = typeof value === 'string' ? value : get(value, 'value');
  if (typeof raw !== 'string') return null;
  const text = /[<&]/.test(raw)
    ? parseHTML(`<!doctype html><html><body><p>${raw}</p></body></html>`).document.body.textContent
    : raw;
  return text?.replace(/\s+/g, ' ').trim() || null;
}

function html(value: unknown): string | null {
  const raw = typeof value === 'string' ? value : get(value, 'value');
  return typeof raw === 'string' && raw.trim() ? raw : null;
}

/** HTML from a feed → Markdown, links resolved against the entry. */
function markdownOf(source: string, base: string | null): string {
  const { document } = parseHTML(`<!doctype html><html><body>${source}</body></html>`);
  for (const link of document.querySelectorAll('a[href]')) {
    const href = safeHref(link.getAttribute('href'), base);
    if (href) link.setAttribute('href', href);
    else link.removeAttribute('href');
  }
  return htmlToMarkdown(document.body);
}

function entryLink(entry: unknown, base: string | null): string | null {
  const links = list(get(entry, 'links'));
  const alternate =
    links.find((link) => !get(link, 'rel') || get(link, 'rel') === 'alternate') ?? links[0];
  const guid = get(entry, 'guid');
  const candidates = [
    get(entry, 'url'),
    get(entry, 'link'),
    get(alternate, 'href'),
    get(guid, 'isPermaLink') === false ? undefined : (get(guid, 'value') ?? guid),
    get(entry, 'id'),
  ];
  for (const candidate of candidates) {
    if (typeof candidate !== 'string' || !candidate.trim()) continue;
    const href = safeHref(candidate.trim(), base);
    if (href && href.startsWith('http')) return href;
  }
  return null;
}

function entryAuthor(entry: unknown): string | null {
  const names = [
    ...list(get(entry, 'authors')).map((author) => plain(get(author, 'name') ?? author)),
    ...list(get(get(entry, 'dc'), 'creators')).map(plain),
    plain(get(get(entry, 'dc'), 'creator')),
    plain(get(entry, 'author')),
  ].filter((name): name is string => Boolean(name));
  return [...new Set(names)].join(', ') || null;
}

function entryDate(entry: unknown): string | null {
  const dc = get(entry, 'dc');
  for (const value of [
    get(entry, 'date_published'),
    get(entry, 'published'),
    get(entry, 'pubDate'),
    ...list(get(dc, 'dates')),
    get(dc, 'date'),
    get(entry, 'updated'),
    get(entry, 'date_modified'),
    get(get(entry, 'atom'), 'updated'),
  ]) {
    const date = typeof value === 'string' ? isoDate(value) : null;
    if (date) return date;
  }
  return null;
}

function entryArticle(
  entry: unknown,
  feedTitle: string | null,
  base: string | null,
  lang: string | null,
): FeedEntry {
  const url = entryLink(entry, base);
  const full =
    html(get(get(entry, 'content'), 'encoded')) ??
    html(get(entry, 'content_html')) ??
    html(get(entry, 'content'));
  const summary = html(get(entry, 'description')) ?? html(get(entry, 'summary'));
  const textOnly =
    typeof get(entry, 'content_text') === 'string' ? (get(entry, 'content_text') as string) : null;
  const body = full ?? summary;
  const markdown = body ? markdownOf(body, url ?? base) : (textOnly?.trim() ?? '');
  const title = plain(get(entry, 'title')) ?? plain(markdown.split('\n')[0]?.slice(0, 80));
  if (!title) return { ok: false, reason: 'an entry has no title and no text' };
  const article = emptyArticle(title, markdown || title);
  article.url = url;
  article.source = feedTitle;
  article.author = entryAuthor(entry);
  article.date = entryDate(entry);
  article.lang = lang;
  article.tags = list(get(entry, 'categories') ?? get(entry, 'tags'))
    .map((tag) => plain(get(tag, 'label') ?? get(tag, 'name') ?? get(tag, 'term') ?? tag))
    .filter((tag): tag is string => Boolean(tag))
    .slice(0, 20);
  return { ok: true, article };
}

/** Parses a feed; throws an ImportError with a one-line reason when it is not one. */
export function importFeed(text: string, feedUrl: string | null): ParsedFeed {
  let parsed: { format: string; feed: unknown };
  try {
    parsed = parseFeed(text) as { format: string; feed: unknown };
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0] || 'unknown error';
    throw new ImportError(`not a feed that can be read (${reason.toLowerCase()})`);
  }
  const { feed } = parsed;
  const title = plain(get(feed, 'title'));
  const links = list(get(feed, 'links'));
  const home =
    get(feed, 'home_page_url') ??
    get(feed, 'link') ??
    get(links.find((link) => get(link, 'rel') === 'alternate') ?? links[0], 'href');
  const base = safeHref(typeof home === 'string' ? home : null, feedUrl) ?? feedUrl;
  const lang =
    plain(get(feed, 'language')) ??
    plain(get(get(feed, 'xml'), 'lang')) ??
    plain(list(get(get(feed, 'dc'), 'languages'))[0]);
  const entries = list(get(feed, 'items') ?? get(feed, 'entries'));
  if (entries.length === 0) throw new ImportError('the feed has no entries');
  return {
    title,
    count: entries.length,
    entry: (index) => entryArticle(entries[index], title, base, lang),
  };
}
