// `inkwell list`: the library, newest first, as aligned columns or as JSON.
import { dayOf, type ArticleMeta } from '../core/article.js';
import { bylineOf, cell, GAP, MAX_BY, timeOf } from '../core/list-rows.js';
import { sanitizeLine } from '../core/sanitize.js';
import { textWidth, truncate } from '../core/text-width.js';
import type { CommandContext } from './context.js';
import { articleJson, jsonArrayPieces } from './output.js';

export function listCommand({ library, args, out, paths }: CommandContext): number {
  const { articles } = library;
  if (args.json) {
    for (const piece of jsonArrayPieces(articles, (article) => articleJson(article, 'summary'))) {
      out.write(piece);
    }
  } else if (articles.length === 0) {
    out.write(
      `No articles yet. Save Markdown files with a title in their front matter to\n` +
        `  ${sanitizeLine(paths.articles)}\nor name a folder of them with --library DIR.\n`,
    );
  } else {
    out.write(formatList(articles, out.columns, out.style.dim));
  }
  return 0;
}

const MIN_TITLE = 24;

interface Row {
  date: string;
  title: string;
  by: string;
  time: string;
  id: string;
}

/**
 * Columns: date, title, source or author, reading time, id. On a terminal the title is cut to fit, and the
 * id column is left out when it would leave the title too little room; piped, nothing is cut.
 */
export function formatList(
  articles: readonly ArticleMeta[],
  columns: number | undefined,
  dim: (text: string) => string,
): string {
  const rows: Row[] = articles.map((article) => ({
    date: dayOf(article.date),
    title: article.title,
    by: bylineOf(article),
    time: timeOf(article),
    id: article.id,
  }));
  const widest = (key: keyof Row) =>
    rows.reduce((most, row) => Math.max(most, textWidth(row[key])), 0);
  const dateWidth = widest('date');
  const timeWidth = widest('time');
  const idWidth = widest('id');
  let byWidth = widest('by');
  let titleWidth = widest('title');
  let showId = true;
  if (columns !== undefined) {
    // Title and byline share what date and time leave; the byline gets a third at most, the title the
    // rest, and the id only when the title keeps MIN_TITLE columns beside it.
    const shared = columns - dateWidth - timeWidth - GAP.length * 3;
    const idRoom = (withId: boolean) => (withId ? idWidth + GAP.length : 0);
    const byShare = Math.min(byWidth, MAX_BY, Math.max(8, Math.floor(shared / 3)));
    showId = shared - byShare - idRoom(true) >= MIN_TITLE;
    titleWidth = Math.max(1, Math.min(titleWidth, shared - byShare - idRoom(showId)));
    byWidth = Math.max(0, Math.min(byWidth, MAX_BY, shared - titleWidth - idRoom(showId)));
  }
  return rows
    .map((row) => {
      const plain = [cell(row.date, dateWidth), cell(row.title, titleWidth), cell(row.by, byWidth)];
      const parts = [...plain, row.time.padStart(timeWidth)];
      if (showId) parts.push(row.id);
      const line = parts.join(GAP).trimEnd();
      if (columns !== undefined && textWidth(line) > columns) return truncate(line, columns);
      return [dim(parts[0]!), parts[1], dim(parts.slice(2).join(GAP).trimEnd())].join(GAP);
    })
    .join('\n')
    .concat('\n');
}
