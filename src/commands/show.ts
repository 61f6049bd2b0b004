// `inkwell show <id>`: one article as a reader sees it, wrapped to the width, or as JSON.
import { lookUpId, type Article } from '../core/article.js';
import { layoutArticle } from '../core/layout.js';
import { sanitizeLine } from '../core/sanitize.js';
import { UsageError } from './args.js';
import type { CommandContext } from './context.js';
import { articleSummaryJson } from './list.js';
import { renderLines, toJson } from './output.js';

/** The measure: lines longer than this are hard to follow back to their start. */
export const DEFAULT_WIDTH = 80;
const MIN_WIDTH = 10;
const MAX_WIDTH = 1000;

export function showCommand({ library, args, out }: CommandContext): number {
  const width = widthFrom(args.width, out.columns);
  const query = args.positionals[0]!;
  const found = lookUpId(library.articles, query);
  if (found.kind !== 'found') {
    out.warn(
      notFoundMessage(
        query,
        found.kind === 'ambiguous' ? found.candidates : found.suggestions,
        found.kind,
      ),
    );
    return 1;
  }
  const { article } = found;
  if (args.json) {
    out.write(toJson({ ...articleSummaryJson(article), bio: article.bio, body: article.body }));
  } else {
    out.write(renderLines(layoutArticle(article, width), out.style) + '\n');
  }
  return 0;
}

/** --width N, else the terminal's width capped at the measure, else the measure. */
function widthFrom(option: string | undefined, columns: number | undefined): number {
  if (option === undefined) return Math.min(columns ?? DEFAULT_WIDTH, DEFAULT_WIDTH);
  const width = /^\d+$/.test(option) ? Number(option) : NaN;
  if (!(width >= MIN_WIDTH && width <= MAX_WIDTH)) {
    throw new UsageError(`--width must be a whole number from ${MIN_WIDTH} to ${MAX_WIDTH}`);
  }
  return width;
}

function notFoundMessage(given: string, near: Article[], kind: 'ambiguous' | 'missing'): string {
  const query = sanitizeLine(given);
  const head =
    kind === 'ambiguous'
      ? `inkwell: "${query}" starts ${near.length} ids; which one?`
      : `inkwell: no article with id "${query}"${near.length > 0 ? '; did you mean:' : ' (see inkwell list)'}`;
  const shown = near.slice(0, 8).map((article) => `  ${article.id}  ${article.title}`);
  if (near.length > shown.length) shown.push(`  … and ${near.length - shown.length} more`);
  return [head, ...shown].join('\n') + '\n';
}
