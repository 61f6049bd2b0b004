// Which importer reads a source: a local file's extension first, then what the content plainly is (a feed
// or a page), then the HTTP content type, then a guess between Markdown and plain text.
import type { SourceKind } from './types.js';

const BY_EXTENSION: Record<string, SourceKind> = {
  md: 'markdown',
  markdown: 'markdown',
  txt: 'text',
  text: 'text',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  rss: 'feed',
  atom: 'feed',
  rdf: 'feed',
  xml: 'feed',
};

const BY_TYPE: [RegExp, SourceKind][] = [
  [/^application\/(?:rss|atom|rdf)\+xml$/, 'feed'],
  [/^application\/feed\+json$/, 'json-feed'],
  [/^(?:text\/html|application\/xhtml\+xml)$/, 'html'],
  [/^text\/(?:markdown|x-markdown)$/, 'markdown'],
  [/^(?:text|application)\/xml$/, 'feed'],
];

/** What the first bytes plainly are, or undefined when they could be Markdown or text. */
function sniffContent(head: string): SourceKind | undefined {
  const start = head.replace(/^\ufeff/, '').trimStart();
  if (/^\{[\s\S]*"version"\s*:\s*"https?:\/\/jsonfeed\.org/.test(start)) return 'json-feed';
  const markup = start.replace(/^(?:<\?xml[^>]*>|<!--[\s\S]*?-->|<\?[^>]*>|\s)*/, '');
  if (/^<(?:rss|feed|rdf:RDF)[\s>]/i.test(markup)) return 'feed';
  if (/^<(?:!doctype\s+html|html|head|body)[\s>]/i.test(markup)) return 'html';
  return undefined;
}

/** A source whose content is neither a feed nor a page: Markdown when it looks like it. */
function markdownOrText(head: string): SourceKind {
  const looksMarkdown =
    /^---[ \t]*\r?\n/.test(head) ||
    /^#{1,6}[ \t]+\S/m.test(head) ||
    /\[[^\]\n]+\]\([^)\s]+\)/.test(head) ||
    /^```/m.test(head);
  return looksMarkdown ? 'markdown' : 'text';
}

/** Chooses the importer for a source from its name, its content type and its first characters. */
export function sniffKind(
  head: string,
  { fileName, contentType }: { fileName: string | null; contentType: string | null },
): SourceKind {
  const extension = fileName ? /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() : undefined;
  const byExtension = extension ? BY_EXTENSION[extension] : undefined;
  if (byExtension) return byExtension;
  if (extension === 'json' && head.includes('jsonfeed.org')) return 'json-feed';
  const sniffed = sniffContent(head);
  if (sniffed) return sniffed;
  const type = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  const byType = BY_TYPE.find(([pattern]) => pattern.test(type))?.[1];
  if (byType) return byType;
  return markdownOrText(head);
}
