// `inkwell show <id>`: one article as a reader sees it, wrapped to the width, or as JSON.
import { lookUpId, type ArticleMeta } from '../core/article.js';
import { ArticleLayout } from '../core/layout.js';
import { addLinks, linkListLines, type ArticleLink } from '../core/links.js';
import { parseMarkdownSections } from '../core/markdown.js';
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
    // A section at a time, each printed before the next is parsed: a long article never has all its
    // tokens, blocks and lines in memory at once, and the first lines come at once.
    const layout = new ArticleLayout(article, width);
    const links: ArticleLink[] = [];
    const print = () => {
      if (layout.lines.length === 0) return;
      out.write(renderLines(layout.lines, out.style) + '\n');
      layout.lines.length = 0;
    };
    for (const blocks of parseMarkdownSections(article.body)) {
      layout.add(blocks);
      addLinks(links, blocks);
      print();
    }
    layout.finish();
    print();
    const listed = linkListLines(links, width);
    if (listed.length > 0) out.write(renderLines(listed, out.style) + '\n');
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
