// An article's HTML (as Readability leaves it) → Markdown: paragraphs, headings, lists, quotes, code and
// links kept; anything a page could use against the reader (scripts, forms, unsafe links) dropped.
import TurndownService from 'turndown';

const UNSAFE_ELEMENTS = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'svg',
  'math',
  'canvas',
  'link',
  'meta',
] as const;

/** The little of a DOM element this module reads (the project builds without the DOM's types). */
interface ElementLike {
  nodeType: number;
  hasAttribute(name: string): boolean;
  getAttribute(name: string): string | null;
}

/** A linkedom node, handed to Turndown (which is typed for the browser's DOM). */
export type DomNode = object;

let service: TurndownService | undefined;

/** Only web and mail links survive: a javascript: or data: target becomes plain text. */
export function safeHref(href: string | null, base: string | null): string | null {
  if (!href) return null;
  try {
    const url = base ? new URL(href, base) : new URL(href);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

function converter(): TurndownService {
  if (service) return service;
  service = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    bulletListMarker: '-',
    emDelimiter: '_',
    hr: '---',
  });
  service.remove([...UNSAFE_ELEMENTS]);
  // Hidden elements carry trackers and tricks, never the article.
  service.remove((node) => {
    const element = node as unknown as ElementLike;
    return (
      element.nodeType === 1 &&
      (element.hasAttribute('hidden') ||
        element.getAttribute('aria-hidden') === 'true' ||
        /display\s*:\s*none|visibility\s*:\s*hidden/i.test(element.getAttribute('style') ?? ''))
    );
  });
  service.addRule('safe-links', {
    filter: 'a',
    replacement: (content, node) => {
      const text = content.trim();
      const href = safeHref((node as unknown as ElementLike).getAttribute('href'), null);
      if (!text) return '';
      return href ? `[${text}](${href.replace(/[()\s]/g, encodeURIComponent)})` : text;
    },
  });
  // Images are not shown in a terminal; their alt text would read as stray lines of the article.
  service.addRule('no-images', {
    filter: ['img', 'picture', 'video', 'audio', 'figure'],
    replacement: (content) => (content.trim() ? `\n\n${content.trim()}\n\n` : ''),
  });
  service.addRule('no-captions', { filter: ['figcaption'], replacement: () => '' });
  return service;
}

/** Converts a DOM element to Markdown; relative links must be resolved beforehand. */
export function htmlToMarkdown(node: DomNode): string {
  const markdown = converter().turndown(node as unknown as string);
  return markdown
    .replace(/^[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
