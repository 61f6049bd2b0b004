// `inkwell bookmarks [export]` and `inkwell bookmark add|remove <id>...`: the bookmarks on the command line.
import { lookUpId, type ArticleMeta } from '../core/article.js';
import { cell } from '../core/list-rows.js';
import { sanitizeLine } from '../core/sanitize.js';
import { textWidth } from '../core/text-width.js';
import { bookmarkEntries, bookmarkOf, type BookmarkEntry } from '../state/bookmark-list.js';
import type { Change } from '../state/data.js';
import { UsageError } from './args.js';
import type { CommandContext } from './context.js';
import { toJson } from './output.js';
import { changeStore, readStore } from './store-access.js';

export function bookmarksCommand(context: CommandContext): number {
  const { args, out, library } = context;
  const [sub] = args.positionals;
  if (sub !== undefined && sub !== 'export') {
    throw new UsageError(`bookmarks takes export or nothing, not '${sub}'`);
  }
  if (sub !== 'export' && args.format !== undefined) {
    throw new UsageError('--format applies to bookmarks export');
  }
  if (sub === 'export' && args.json)
    throw new UsageError('export writes JSON by default: drop --json');
  const format = args.format ?? 'json';
  if (format !== 'json' && format !== 'markdown') {
    throw new UsageError(`--format must be json or markdown, not '${format}'`);
  }
  const entries = bookmarkEntries(library.articles, readStore(context).bookmarks);
  if (sub === 'export') {
    out.write(format === 'json' ? toJson(entries.map(exportJson)) : markdownOf(entries));
  } else if (args.json) {
    out.write(
      toJson(
        entries.map(({ id, title, bookmarkedAt, missing }) => ({
          id,
          title,
          bookmarkedAt,
          missing,
        })),
      ),
    );
  } else if (entries.length === 0) {
    out.write(
      'No bookmarks yet: press s on an article in the reader, or run inkwell bookmark add <id>.\n',
    );
  } else {
    out.write(formatBookmarks(entries, out.columns));
  }
  return 0;
}

function exportJson({ id, title, url, bookmarkedAt, missing }: BookmarkEntry) {
  return { id, title, url, bookmarkedAt, missing };
}

/** Date, title (cut to fit a terminal), id, and "missing" for an article no longer in the library. */
function formatBookmarks(entries: readonly BookmarkEntry[], columns: number | undefined): string {
  const idWidth = Math.max(...entries.map((entry) => textWidth(sanitizeLine(entry.id))));
  const titleWidth =
    columns === undefined
      ? Math.max(...entries.map((entry) => textWidth(sanitizeLine(entry.title))))
      : Math.max(12, columns - 10 - 2 - 2 - idWidth - 10);
  return entries
    .map((entry) =>
      [
        entry.bookmarkedAt.slice(0, 10),
        cell(sanitizeLine(entry.title), titleWidth),
        sanitizeLine(entry.id),
        entry.missing ? 'missing' : '',
      ]
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
    .concat('\n');
}

/** A list of links, ready to paste: `- [Title](url) (bookmarked 2026-11-30)`. */
export function markdownOf(entries: readonly BookmarkEntry[]): string {
  const lines = entries.map((entry) => {
    const title = escapeMarkdown(sanitizeLine(entry.title)) || escapeMarkdown(entry.id);
    const date = entry.bookmarkedAt.slice(0, 10);
    const link =
      entry.url && /^https?:\/\//i.test(entry.url)
        ? `[${title}](<${entry.url.replace(/[<>\s]/g, encodeURIComponent)}>)`
        : title;
    return `- ${link} (bookmarked ${date}${entry.missing ? ', no longer in the library' : ''})`;
  });
  return ['# Bookmarks', '', ...lines, ''].join('\n');
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>()#!|~]/g, (char) => `\\${char}`);
}

export function bookmarkCommand(context: CommandContext): number {
  const { args, library } = context;
  const [action, ...ids] = args.positionals;
  if (action !== 'add' && action !== 'remove') {
    throw new UsageError(`bookmark takes add or remove, not '${action}'`);
  }
  const now = new Date();
  const bookmarks = action === 'remove' ? readStore(context).bookmarks : new Map();
  const changes: Change[] = [];
  const unknown: string[] = [];
  for (const id of ids) {
    if (action === 'remove' && bookmarks.has(id)) {
      changes.push({ kind: 'bookmark', id, bookmark: null });
      continue;
    }
    const article = find(library.articles, id);
    if (!article) unknown.push(id);
    else if (action === 'add')
      changes.push({ kind: 'bookmark', id: article.id, bookmark: bookmarkOf(article, now) });
    else changes.push({ kind: 'bookmark', id: article.id, bookmark: null });
  }
  if (unknown.length > 0) return unknownIds(context, unknown);
  return changeStore(context, changes);
}

/** An article by exact id or the one id that starts so. */
export function find(articles: readonly ArticleMeta[], id: string): ArticleMeta | undefined {
  const found = lookUpId(articles, id);
  return found.kind === 'found' ? found.article : undefined;
}

/** Nothing is changed when any id is unknown: the command says which, and exits 1. */
export function unknownIds({ out }: CommandContext, ids: readonly string[]): number {
  const list = ids.map((id) => `"${sanitizeLine(id)}"`).join(', ');
  out.warn(`inkwell: no article with id ${list}; nothing was changed (see inkwell list)\n`);
  return 1;
}
