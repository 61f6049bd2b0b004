// The links of an article: numbered as the text shows them ("text[3]"), listed for following, and written
// as OSC 8 hyperlinks that terminals make clickable.
import type { Line, Segment } from './layout.js';
import type { Block, Run } from './markdown.js';
import { wrap } from './wrap.js';

/** One link target of an article, under the number its text shows. */
export interface ArticleLink {
  number: number;
  /** The text of its first link in the article. */
  text: string;
  url: string;
}

/** Every link target of the blocks, by number (the order of first appearance). */
export function articleLinks(blocks: readonly Block[]): ArticleLink[] {
  const byNumber = new Map<number, ArticleLink>();
  // A link's text runs come right before its number, within one block's runs.
  const visit = (runs: readonly Run[]) => {
    let text = '';
    let url = '';
    for (const run of runs) {
      if (run.style.link) {
        if (run.style.link !== url) text = '';
        url = run.style.link;
        text += run.text;
      } else if (run.style.linkNumber !== undefined) {
        const number = run.style.linkNumber;
        // A target linked again keeps the text it was first given.
        if (!byNumber.has(number)) byNumber.set(number, { number, text: text.trim(), url });
        text = '';
        url = '';
      }
    }
  };
  const walk = (block: Block) => {
    switch (block.kind) {
      case 'paragraph':
      case 'heading':
        visit(block.runs);
        break;
      case 'blockquote':
        block.blocks.forEach(walk);
        break;
      case 'list':
        block.items.forEach((item) => item.forEach(walk));
        break;
      case 'table':
        for (const row of [block.header, ...block.rows]) row.forEach(visit);
        break;
    }
  };
  blocks.forEach(walk);
  return [...byNumber.values()].sort((a, b) => a.number - b.number);
}

/**
 * Adds the links of the next blocks of an article (a section) to those of the blocks before them. Numbers
 * count up through the body, so a link is new when its number is past the last one known.
 */
export function addLinks(links: ArticleLink[], blocks: readonly Block[]): void {
  const known = links.at(-1)?.number ?? 0;
  for (const link of articleLinks(blocks)) if (link.number > known) links.push(link);
}

/** The "Links:" list under an article, as `show` prints it: "[3] text: address", wrapped to the width. */
export function linkListLines(links: readonly ArticleLink[], width: number): Line[] {
  if (links.length === 0) return [];
  const lines: Line[] = [
    { segments: [], block: -1 },
    { segments: [{ text: 'Links:', style: { role: 'heading', level: 3 } }], block: -1 },
  ];
  for (const link of links) {
    const pieces: Segment[] = [
      { text: `[${link.number}] `, style: { linkNumber: link.number } },
      ...(link.text ? [{ text: `${link.text}: `, style: {} }] : []),
      { text: link.url, style: { link: link.url } },
    ];
    wrap(pieces, width, [], [{ text: '    ', style: {} }], -1, lines);
  }
  return lines;
}

const OSC8 = '\x1b]8;;';
const ST = '\x1b\\';

/**
 * Text as an OSC 8 hyperlink to `url`. Only ever given a target that linkTarget() accepted (printable
 * ASCII, no spaces), so nothing in it can end the sequence early.
 */
export function hyperlink(text: string, url: string): string {
  return isLinkable(url) ? `${OSC8}${url}${ST}${text}${OSC8}${ST}` : text;
}

/** Printable ASCII, no spaces: an address that cannot end an OSC 8 sequence or smuggle a control. */
export function isLinkable(url: string): boolean {
  return /^[\x21-\x7e]+$/.test(url);
}
