// The rows of the article list, full-screen and on the command line: cells cut with … to fit, never wrapped.
import { dayOf, type ArticleMeta } from './article.js';
import { textWidth, truncate } from './text-width.js';

/** One row's cells, each already cut and padded to its column. */
export interface ListRow {
  /** Two columns of markers: unread, then bookmarked. */
  markers: string;
  date: string;
  title: string;
  by: string;
  time: string;
}

interface Columns {
  date: number;
  title: number;
  by: number;
  time: number;
}

export const GAP = '  ';
/** The source or author column is never wider: the title matters more. */
export const MAX_BY = 22;
/** Columns of title the source column never takes away. */
const TITLE_FIRST = 36;
/** At this width or less the list has no source column. */
const NO_BY_AT = 60;
const UNREAD = '•';
const BOOKMARKED = '★';
/** Unread marker, bookmark marker, space. */
const MARKERS = 3;

/** What a list's widest cells take, measured over all its articles: fitted to each width after. */
export interface ListMeasures {
  /** 10 when any article has a date, else 0. */
  date: number;
  by: number;
  time: number;
}

// Measuring every article is linear in the library: done once per list, fitted once per width.
const measured = new WeakMap<readonly ArticleMeta[], ListMeasures>();
const known = new WeakMap<readonly ArticleMeta[], Map<number, Columns>>();

/** The widest cells of a list of articles. */
export function measureList(articles: readonly ArticleMeta[]): ListMeasures {
  let date = 0;
  let by = 0;
  let time = 0;
  for (const article of articles) {
    if (article.date) date = 10;
    by = Math.max(by, textWidth(bylineOf(article)));
    time = Math.max(time, textWidth(timeOf(article)));
  }
  return { date, by, time };
}

/**
 * Tells the list's measures when they are known already (the library cache keeps them), so that a first
 * frame need not look at every article of a large library to fit its columns.
 */
export function knowMeasures(articles: readonly ArticleMeta[], measures: ListMeasures): void {
  measured.set(articles, measures);
}

function columnsFor(articles: readonly ArticleMeta[], width: number): Columns {
  let byWidth = known.get(articles);
  if (!byWidth) known.set(articles, (byWidth = new Map()));
  let columns = byWidth.get(width);
  if (!columns) {
    let measures = measured.get(articles);
    if (!measures) measured.set(articles, (measures = measureList(articles)));
    columns = fitColumns(measures, width);
    byWidth.set(width, columns);
  }
  return columns;
}

function fitColumns(measures: ListMeasures, width: number): Columns {
  let { date, by, time } = measures;
  const title = () => width - MARKERS - [date, by, time].reduce((sum, w) => sum + (w && w + 2), 0);
  // The title has the room first: the source column takes only what is left beyond TITLE_FIRST columns of
  // title, and none on a terminal of 60 columns or less. Narrower still, the date gives way, and only
  // then the reading time.
  const natural = by;
  by = 0;
  const spare = title() - GAP.length - TITLE_FIRST;
  by = width <= NO_BY_AT ? 0 : Math.min(natural, MAX_BY, Math.max(0, spare));
  if (by < 8) by = 0;
  if (title() < 12) date = 0;
  if (title() < 12) time = 0;
  return { date, by, time, title: Math.max(0, title()) };
}

/** Who the list names for an article: its publication, else its author. */
export function bylineOf(article: ArticleMeta): string {
  return article.source ?? article.author ?? '';
}

/** "12 min", or nothing for an article without words. */
export function timeOf(article: ArticleMeta): string {
  return article.readingMinutes > 0 ? `${article.readingMinutes} min` : '';
}

/** `text` cut with … or padded with spaces to exactly `width` columns. */
export function cell(text: string, width: number): string {
  const cut = truncate(text, width);
  return cut + ' '.repeat(Math.max(0, width - textWidth(cut)));
}

/**
 * The row for `article` in a list `width` columns wide; its cells add up to at most `width` columns. `day`
 * stands in for the article's date (the bookmarks list shows the day each bookmark was made).
 */
export function listRow(
  articles: readonly ArticleMeta[],
  article: ArticleMeta,
  width: number,
  unread: boolean,
  bookmarked = false,
  day?: string,
): ListRow {
  const columns = columnsFor(articles, width);
  return {
    markers: `${unread ? UNREAD : ' '}${bookmarked ? BOOKMARKED : ' '} `.slice(
      0,
      Math.max(0, width),
    ),
    date: columns.date ? cell(day ?? dayOf(article.date), columns.date) + GAP : '',
    title: cell(article.title, columns.title),
    by: columns.by ? GAP + cell(bylineOf(article), columns.by) : '',
    time: columns.time ? GAP + timeOf(article).padStart(columns.time) : '',
  };
}
