// `inkwell search <query>`: the articles a query finds, best first, as lines (with a snippet on a terminal)
// or as JSON. The index is opened here, in-process (one query does not need a worker): the saved one
// read back, what changed indexed beside it; once the answer is out, the two are merged and saved.
import { join } from 'node:path';
import { dayOf, type ArticleMeta } from '../core/article.js';
import { GAP } from '../core/list-rows.js';
import { sanitizeLine } from '../core/sanitize.js';
import type { TextRange } from '../core/search/fold.js';
import type { SearchHit } from '../core/search/types.js';
import { textWidth, truncate } from '../core/text-width.js';
import { INDEX_FILE } from '../library/index-store.js';
import { runSteps, SearchEngine } from '../library/search-engine.js';
import { sourceOf } from '../library/searcher.js';
import type { CommandContext } from './context.js';
import { toJson } from './output.js';

/** The least a title keeps on a terminal before the id column goes. */
const MIN_TITLE = 24;
const SNIPPET_INDENT = ' '.repeat(4);

export async function searchCommand({
  library,
  args,
  out,
  paths,
}: CommandContext): Promise<number> {
  const query = args.positionals.join(' ');
  const engine = new SearchEngine(join(paths.cache, INDEX_FILE));
  runSteps(engine.open(library.articles.map(sourceOf)));
  const answer = engine.search(query, args.limit);
  if (!answer.ok) {
    out.warn(`inkwell: ${sanitizeLine(answer.error)}\n`);
    return 2;
  }
  const byId = new Map(library.articles.map((article) => [article.id, article]));
  const found = answer.hits.map((hit) => ({ hit, article: byId.get(hit.id)! }));
  if (args.json) {
    out.write(toJson(found.map(({ hit, article }) => hitJson(hit, article))));
  } else if (found.length > 0) {
    out.write(formatHits(found, out.columns, out.style));
  }
  // Saved for next time; a cache that cannot be written costs only the time to build it again.
  if (runSteps(engine.compact()) || engine.needsSaving) await engine.save();
  return found.length > 0 ? 0 : 1;
}

/**
 * One hit for --json. Ranges count characters (code points, as most languages index strings) into the
 * field as printed here: title, author, the snippet, the source, and the tags joined with ", ".
 */
export function hitJson(hit: SearchHit, article: ArticleMeta) {
  const snippet = hit.snippet?.text ?? null;
  const textOf = (field: string) =>
    field === 'body'
      ? (snippet ?? '')
      : field === 'tags'
        ? article.tags.join(', ')
        : ((article[field as 'title' | 'author' | 'source'] as string | null) ?? '');
  return {
    id: hit.id,
    title: article.title,
    author: article.author,
    date: article.date,
    score: hit.score,
    snippet,
    matches: hit.matches.map(({ field, ranges }) => ({
      field: field === 'body' ? 'snippet' : field,
      ranges: ranges.map((range) => codePointRange(textOf(field), range)),
    })),
  };
}

/** A range of UTF-16 units as a range of code points. */
function codePointRange(text: string, { start, end }: TextRange): TextRange {
  const count = (to: number) => [...text.slice(0, to)].length;
  return { start: count(start), end: count(end) };
}

interface Styles {
  dim: (text: string) => string;
  bold: (text: string) => string;
}

/** Date, title, id, one hit a line; on a terminal, titles cut to fit and each snippet on a line below. */
export function formatHits(
  found: ReadonlyArray<{ hit: SearchHit; article: ArticleMeta }>,
  columns: number | undefined,
  style: Styles,
): string {
  const dateWidth = Math.max(...found.map(({ article }) => dayOf(article.date).length));
  const idWidth = Math.max(...found.map(({ article }) => textWidth(article.id)));
  let titleWidth = Math.max(...found.map(({ article }) => textWidth(article.title)));
  let showId = true;
  if (columns !== undefined) {
    const room = columns - dateWidth - GAP.length * 2 - idWidth;
    showId = room >= MIN_TITLE;
    titleWidth = Math.max(1, Math.min(titleWidth, showId ? room : columns - dateWidth - 2));
  }
  const lines: string[] = [];
  for (const { hit, article } of found) {
    const date = dayOf(article.date).padEnd(dateWidth);
    const title = fitted(article.title, hit.titleRanges, titleWidth, style.bold);
    const parts = [style.dim(date), title];
    if (showId) parts.push(style.dim(article.id));
    lines.push(parts.join(GAP).trimEnd());
    if (columns !== undefined && hit.snippet) {
      const width = Math.max(1, columns - SNIPPET_INDENT.length);
      const snippet = fitted(hit.snippet.text, hit.snippet.ranges, width, style.bold).trimEnd();
      lines.push(SNIPPET_INDENT + snippet);
    }
  }
  return lines.join('\n') + '\n';
}

/** `text` cut to `width` columns (and padded to them), its matched ranges painted. */
function fitted(
  text: string,
  ranges: readonly TextRange[],
  width: number,
  paint: (text: string) => string,
): string {
  const cut = truncate(text, width);
  // What truncate keeps is a prefix of the text, then its … mark.
  const kept = cut.endsWith('…') && cut !== text ? cut.length - 1 : cut.length;
  let out = '';
  let at = 0;
  for (const { start, end } of ranges) {
    const from = Math.min(Math.max(start, at), kept);
    const to = Math.min(end, kept);
    if (to <= from) continue;
    out += cut.slice(at, from) + paint(cut.slice(from, to));
    at = to;
  }
  out += cut.slice(at);
  return out + ' '.repeat(Math.max(0, width - textWidth(cut)));
}
