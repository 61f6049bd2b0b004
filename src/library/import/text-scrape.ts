// A page saved as plain text (a browser's "save as text", a scraper's output) → an article. The headline
// is the first line; a byline and date may follow; the body runs from the first real paragraph to the
// first block of page furniture (an "About NAME" box, related links, share buttons, promotions).
import { isoDate } from './dates.js';
import { titleFromFileName } from './markdown-source.js';
import { emptyArticle, ImportError, type ImportedArticle } from './types.js';

/** A paragraph: at least this many words. Shorter lines before the body are captions and alt text. */
const PARAGRAPH_WORDS = 10;
const DATE_WORDS =
  /(?:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\b\d{1,2}\.?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}|\b\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)/i;
/** "by NAME | DATE", "By NAME", "by | DATE", "Written by NAME". */
const BYLINE = /^(?:written\s+)?by\b\s*([^|•·,]*?)\s*(?:[|•·,]\s*(.*))?$/i;
/** "Published DATE", "Posted on DATE", "Updated: DATE". */
const DATELINE = /^(?:published|posted|updated|last updated)(?:\s+on)?:?\s+(.*)$/i;
/** "Author: NAME", "Words by NAME". */
const AUTHOR_LINE = /^(?:author|words by|text)\s*:?\s+(.+)$/i;
const ABOUT =
  /^[Aa]bout (?:[Tt]he [Aa]uthor:?\s*)?(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,4})$/u;
/** Blocks after which nothing is the article. */
const END_OF_ARTICLE =
  /^(?:related(?: articles| posts| stories)?|share this(?: article| story)?:?|share:?|our books|more from .*|you may also like|recommended(?: for you)?|read more|leave a (?:reply|comment)|\d* ?comments?|pin it on pinterest|tags?:.*|filed under:?.*|subscribe(?: to .*)?|sign up for .*newsletter.*|advertisement)$/i;
/** Single lines inside the body that belong to the page, not the article. */
const FURNITURE_LINE =
  /^(?:advertisement|ad|tweet|share|email|print|click to share.*|(?:photo|image|credit|picture)s?:.*|\((?:photo|image)[^)]*\)|continue reading.*|skip to (?:main )?content|menu|search|home)$/i;
/** A role at a publication, in a bio: "news editor of the Libertarian Institute". */
const ROLE_AT =
  /\b(?:editor|writer|reporter|correspondent|columnist|contributor|journalist|fellow|director|founder|analyst|host)\b[^.,;]*?\b(?:of|at|for|with)\s+((?:the\s+)?\p{Lu}[\p{L}’'&-]*(?:\s+(?:of\s+|&\s+)?\p{Lu}[\p{L}’'&-]*)*)/u;

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** Lines that start a Markdown construct are escaped so that a scrape's text stays text. */
function asMarkdownParagraph(block: string): string {
  return block
    .split('\n')
    .map((line) => line.trim().replace(/^([#>+*-]|\d+[.)])(?=\s|$)/, '\\$1'))
    .join('\n');
}

interface Header {
  author: string | null;
  date: string | null;
}

/** Reads a byline or dateline into `header`; says whether the block was one. */
function readByline(block: string, header: Header): boolean {
  const byline = BYLINE.exec(block);
  if (byline && words(block) <= 12) {
    const name = byline[1]?.trim();
    if (name && !DATE_WORDS.test(name)) header.author ??= name.replace(/\s+and\s+/gi, ', ');
    const date = byline[2] ? DATE_WORDS.exec(byline[2])?.[0] : undefined;
    if (date) header.date ??= isoDate(date);
    return true;
  }
  const author = AUTHOR_LINE.exec(block);
  if (author && words(block) <= 8) {
    header.author ??= author[1]!.trim();
    return true;
  }
  const dateline = DATELINE.exec(block);
  if (dateline && words(block) <= 12) {
    const date = DATE_WORDS.exec(dateline[1]!)?.[0];
    if (date) header.date ??= isoDate(date);
    // "Posted on March 3, 2024 by Ann Lee"
    const by = /\bby\s+(.+)$/i.exec(dateline[1]!)?.[1]?.trim();
    if (by && !DATE_WORDS.test(by)) header.author ??= by;
    return true;
  }
  if (
    words(block) <= 8 &&
    DATE_WORDS.test(block) &&
    block.replace(DATE_WORDS, '').trim().length < 20
  ) {
    header.date ??= isoDate(DATE_WORDS.exec(block)![0]);
    return true;
  }
  return false;
}

/** Extracts the article from a plain-text scrape; `fileName` titles a scrape with no headline. */
export function importTextScrape(text: string, fileName: string | null): ImportedArticle {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((block) => block.replace(/[ \t]+$/gm, '').trim())
    .filter(Boolean);
  // Navigation before the headline ("Skip to content", "Menu").
  while (blocks[0] !== undefined && FURNITURE_LINE.test(blocks[0])) blocks.shift();
  const first = blocks[0];
  if (!first) throw new ImportError('the text is empty');
  // A headline is one line, no byline, not a sentence of a paragraph's length, and not all there is.
  const titled =
    !first.includes('\n') &&
    !BYLINE.test(first) &&
    words(first) < PARAGRAPH_WORDS * 4 &&
    !(words(first) >= PARAGRAPH_WORDS && /\.["”’)]*$/.test(first)) &&
    blocks.length > 1;
  const title = titled ? first : fileName && titleFromFileName(fileName);
  if (!title) throw new ImportError('no headline: the first line is a paragraph, not a title');

  const header: Header = { author: null, date: null };
  let index = titled ? 1 : 0;
  // The header: bylines, the headline again, captions and alt text, until a real paragraph.
  for (; index < blocks.length; index++) {
    const block = blocks[index]!;
    if (block === title || readByline(block, header)) continue;
    if (words(block) >= PARAGRAPH_WORDS || END_OF_ARTICLE.test(block)) break;
  }
  const body: string[] = [];
  let bio: string | null = null;
  let aboutName: string | null = null;
  for (; index < blocks.length; index++) {
    const block = blocks[index]!;
    const about = ABOUT.exec(block);
    if (about) {
      aboutName = about[1]!;
      const next = blocks[index + 1];
      if (next && words(next) >= 5 && !END_OF_ARTICLE.test(next)) bio = next.replace(/\s+/g, ' ');
      break;
    }
    if (END_OF_ARTICLE.test(block)) break;
    if (FURNITURE_LINE.test(block) || block === title) continue;
    body.push(asMarkdownParagraph(block));
  }
  if (body.length === 0) throw new ImportError('no paragraphs found in the text');

  const article = emptyArticle(title, body.join('\n\n'));
  article.author = header.author ?? aboutName;
  article.date = header.date;
  article.bio = bio;
  const publication = bio ? ROLE_AT.exec(bio)?.[1] : undefined;
  if (publication) article.source = publication.replace(/^the\b/, 'The');
  return article;
}
