// `inkwell show <id>`: one article as a reader sees it, wrapped to the width, or as JSON.
import { lookUpId, type ArticleMeta } from '../core/article.js';
import { layoutArticle } from '../core/layout.js';
import { articleLinks, linkListLines } from '../core/links.js';
import { parseMarkdown } from '../core/markdown.js';
import { MEASURE } from '../core/page.js';
import { sanitizeLine } from '../core/sanitize.js';
import { openArticle } from '../library/open-article.js';
import type { CommandContext } from './context.js';
import { articleJson, renderLines, toJson } from './output.js';

export function showCommand({ library, args, out }: CommandContext): number {
  // --width N, else the terminal's width capped at the measure, else the measure.
  const width = args.width ?? Math.min(out.columns ?? MEASURE, MEASURE);
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
  const opened = openArticle(found.article);
  if (!opened.ok) {
    out.warn(`inkwell: cannot show "${sanitizeLine(found.article.id)}": ${opened.message}\n`);
    return 1;
  }
  const { article } = opened;
  if (args.json) {
    out.write(toJson(articleJson(article, 'whole')));
  } else {
    const blocks = parseMarkdown(article.body);
    const lines = [
      ...layoutArticle(article, width, blocks),
      ...linkListLines(articleLinks(blocks), width),
    ];
    out.write(renderLines(lines, out.style) + '\n');
  }
  return 0;
}

function notFoundMessage(
  given: string,
  near: ArticleMeta[],
  kind: 'ambiguous' | 'missing',
): string {
  const query = sanitizeLine(given);
  const head =
    kind === 'ambiguous'
      ? `inkwell: "${query}" starts ${near.length} ids; which one?`
      : `inkwell: no article with id "${query}"${near.length > 0 ? '; did you mean:' : ' (see inkwell list)'}`;
  const shown = near.slice(0, 8).map((article) => `  ${article.id}  ${article.title}`);
  if (near.length > shown.length) shown.push(`  … and ${near.length - shown.length} more`);
  return [head, ...shown].join('\n') + '\n';
}
