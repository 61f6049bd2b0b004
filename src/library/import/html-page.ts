// A web page → an article: Mozilla Readability finds the article in a linkedom DOM, and its HTML becomes
// Markdown. Title, byline, site name, date, language and direction come from the page.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { htmlToMarkdown, safeHref, type DomNode } from './html-to-markdown.js';
import { isoDate } from './dates.js';
import { emptyArticle, ImportError, type ImportedArticle } from './types.js';

/** Extracts the article of an HTML page; `url` resolves its relative links. */
export function importHtmlPage(html: string, url: string | null): ImportedArticle {
  const { document } = parseHTML(html);
  const lang = document.documentElement?.getAttribute('lang') || null;
  const pageDir = document.documentElement?.getAttribute('dir') || null;
  const metaDate = metaPublished(document);
  resolveLinks(document, url);
  type ReadabilityDocument = ConstructorParameters<typeof Readability>[0];
  let parsed;
  try {
    parsed = new Readability<DomNode>(document as unknown as ReadabilityDocument, {
      serializer: (node) => node,
    }).parse();
  } catch (error) {
    throw new ImportError(`the page could not be read (${(error as Error).message})`);
  }
  if (!parsed || !parsed.content) throw new ImportError('no article found in the page');
  const title = parsed.title?.trim() || document.querySelector('title')?.textContent?.trim();
  if (!title) throw new ImportError('the page has no title');
  // The headline is the article's title: the reader shows it once, above the body.
  const body = htmlToMarkdown(parsed.content).replace(/^#{1,6} (.*)\n+/, (heading, text: string) =>
    text.trim() === title ? '' : heading,
  );
  if (!body) throw new ImportError('no article text found in the page');
  const article = emptyArticle(title, body);
  article.author = cleanByline(parsed.byline);
  article.source = parsed.siteName?.trim() || null;
  article.url = url;
  article.lang = parsed.lang?.trim() || lang;
  const dir = (parsed.dir ?? pageDir)?.toLowerCase();
  article.dir = dir === 'rtl' || dir === 'ltr' ? dir : null;
  article.date = isoDate(parsed.publishedTime ?? metaDate ?? '');
  return article;
}

/** A byline without its "By" and without a date run on after it. */
export function cleanByline(byline: string | null | undefined): string | null {
  const text = byline
    ?.replace(/\s+/g, ' ')
    .trim()
    .replace(/^by\s+/i, '');
  return text || null;
}

function metaPublished(document: ReturnType<typeof parseHTML>['document']): string | null {
  for (const selector of [
    'meta[property="article:published_time"]',
    'meta[name="date"]',
    'meta[itemprop="datePublished"]',
    'time[datetime]',
  ]) {
    const element = document.querySelector(selector);
    const value = element?.getAttribute('content') ?? element?.getAttribute('datetime');
    if (value) return value;
  }
  return null;
}

/** Links made absolute against the page's address (or its <base>); unsafe ones lose their target. */
function resolveLinks(document: ReturnType<typeof parseHTML>['document'], url: string | null) {
  const base =
    safeHref(document.querySelector('base[href]')?.getAttribute('href') ?? null, url) ?? url;
  for (const link of document.querySelectorAll('a[href]')) {
    const href = safeHref(link.getAttribute('href'), base);
    if (href) link.setAttribute('href', href);
    else link.removeAttribute('href');
  }
}
