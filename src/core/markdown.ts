// Article body (Markdown) → blocks of styled runs, the shape every view draws from.
import type { Token, Tokens } from 'marked';
import { markdownLexer, MAX_INLINE_MARKS, newState, type ParseState } from './markdown-lexer.js';
import {
  boundMarkdown,
  capBlocks,
  MAX_BLOCK_NESTING,
  MAX_BLOCKS,
  MAX_CODE_LINES,
} from './markdown-bounds.js';
import { eachSection, linkDefinitions, SECTION_CHARACTERS } from './markdown-sections.js';
import { isLinkable } from './links.js';
import { sanitize } from './sanitize.js';

/** How a run of inline text is marked up. */
export interface InlineStyle {
  strong?: boolean;
  emphasis?: boolean;
  code?: boolean;
  strike?: boolean;
  /** The target of a link (http, https or mailto, normalized); the run holds the link's text. */
  link?: string;
  /** The run is the number that follows a link's text ("[3]"), the same number for the same target. */
  linkNumber?: number;
  /** The run stands for an image (its alt text). */
  image?: boolean;
}

/** A piece of text with one style. */
export interface Run {
  text: string;
  style: InlineStyle;
}

/** A block of an article body. A `\n` inside runs is a hard line break. */
export type Block =
  | { kind: 'paragraph'; runs: Run[] }
  | { kind: 'heading'; level: number; runs: Run[] }
  | { kind: 'blockquote'; blocks: Block[] }
  /** A loose list has blank lines between its items and between the blocks of an item. */
  | { kind: 'list'; ordered: boolean; start: number; loose: boolean; items: Block[][] }
  /** `lang`: the language the fence names (```ts), if any. */
  | { kind: 'code'; text: string; lang: string | null }
  | { kind: 'table'; header: Run[][]; rows: Run[][][]; align: ColumnAlign[] }
  | { kind: 'rule' };

/** How a table column's cells sit in it, as the delimiter row says (`:--`, `:-:`, `--:`). */
export type ColumnAlign = 'left' | 'center' | 'right' | null;

export { MAX_BLOCK_NESTING, MAX_BLOCKS, MAX_CODE_LINES, MAX_INLINE_MARKS };
/** The parse under way: set for each section, which is parsed in one synchronous call. */
let current: ParseState = newState(undefined);

/**
 * The blocks of a Markdown body, which must be sanitized text, as every loaded article is; what decoding
 * makes here (entities, link targets) is sanitized again. Never throws; raw HTML keeps only its text.
 */
export function parseMarkdown(body: string): Block[] {
  const blocks: Block[] = [];
  for (const section of parseMarkdownSections(body))
    for (const block of section) blocks.push(block);
  return blocks;
}

/**
 * The blocks of a body a section at a time (see splitSections), as parseMarkdown gives them all: a caller
 * can wrap or print each before the next is parsed. Past MAX_BLOCKS blocks the rest is left out, and a last
 * block says so; past MAX_INLINE_MARKS the text is plain, and a block after the section says so.
 */
export function* parseMarkdownSections(
  body: string,
  size = SECTION_CHARACTERS,
  progress?: SectionProgress,
): Generator<Block[]> {
  const capped = capBlocks(body);
  // Cut as it goes, one section ahead (to know the last): the first is parsed without a pass over the rest.
  const sections = eachSection(capped.text, size);
  let ahead = sections.next();
  const state = newState(ahead.value !== capped.text ? linkDefinitions(capped.text) : undefined);
  let parsed = 0;
  while (!ahead.done) {
    const section = ahead.value;
    ahead = sections.next();
    const blocks = parseSection(section, state);
    parsed += section.length;
    if (state.plain === 'now') {
      state.plain = 'told';
      blocks.push(
        notice(
          `(Links and formatting past here are shown as plain text: inkwell formats an article's first ${thousands(MAX_INLINE_MARKS)} marks of markup.)`,
        ),
      );
    }
    const last = !!ahead.done;
    if (last && capped.omittedLines > 0) {
      blocks.push(
        notice(
          `(… ${thousands(capped.omittedLines)} more lines not shown: inkwell shows an article's first ${thousands(MAX_BLOCKS)} blocks and ${thousands(MAX_CODE_LINES)} lines of code. The file is whole.)`,
        ),
      );
    }
    if (progress) {
      // The part left out counts with the last section (a table header or a fence a section repeats, with none).
      progress.characters = last ? body.length : Math.min(parsed, body.length);
      progress.last = last;
    }
    yield blocks;
  }
}

/** How far a parse a section at a time has got. */
export interface SectionProgress {
  /** Characters of the body parsed. */
  characters: number;
  /** Whether the sections given so far are all of them. */
  last: boolean;
}

function parseSection(text: string, state: ParseState): Block[] {
  current = state;
  try {
    return toBlocks(markdownLexer(state).lex(boundMarkdown(text)));
  } catch {
    // A body the parser cannot take (inline markup nested deeper than its stack): keep its text.
    return text.split(/\n\s*\n/).flatMap((part) => paragraph(plainRuns(part)) ?? []);
  }
}

/** A line inkwell adds to say what it leaves out. */
function notice(text: string): Block {
  return { kind: 'paragraph', runs: [{ text, style: { emphasis: true } }] };
}

/** 1234567 as 1,234,567, without loading a locale. */
export function thousands(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** The plain text of some runs, as a reader sees it. */
export function runsText(runs: readonly Run[]): string {
  return runs.map((run) => run.text).join('');
}

function toBlocks(tokens: readonly Token[]): Block[] {
  const blocks: Block[] = [];
  for (const token of tokens) {
    const block = toBlock(token as Tokens.Generic);
    if (block) blocks.push(block);
  }
  return blocks;
}

/** One block. */
function toBlock(token: Tokens.Generic): Block | undefined {
  switch (token.type) {
    case 'paragraph':
    case 'text':
      return paragraph(token.tokens ? toRuns(token.tokens) : plainRuns(token.text as string));
    case 'heading':
      return { kind: 'heading', level: token.depth as number, runs: toRuns(token.tokens ?? []) };
    case 'blockquote':
      return { kind: 'blockquote', blocks: toBlocks(token.tokens ?? []) };
    case 'list': {
      const list = token as unknown as Tokens.List;
      return {
        kind: 'list',
        ordered: list.ordered,
        start: typeof list.start === 'number' ? list.start : 1,
        loose: list.loose,
        items: list.items.map(listItem),
      };
    }
    case 'code':
      return { kind: 'code', text: token.text as string, lang: fenceLanguage(token.lang) };
    case 'hr':
      return { kind: 'rule' };
    case 'html':
      return paragraph(plainRuns(stripTags(token.text as string)));
    case 'table':
      return table(token as unknown as Tokens.Table);
    default:
      return undefined; // space, link definitions
  }
}

function listItem(item: Tokens.ListItem): Block[] {
  const blocks = toBlocks(item.tokens);
  if (!item.task) return blocks;
  const box: Run = { text: item.checked ? '[x] ' : '[ ] ', style: {} };
  const first = blocks[0];
  if (first?.kind === 'paragraph') first.runs.unshift(box);
  else blocks.unshift({ kind: 'paragraph', runs: [box] });
  return blocks;
}

/** A table keeps its cells; every row has as many as the header. */
function table(token: Tokens.Table): Block {
  const cells = (row: Tokens.TableCell[], style: InlineStyle): Run[][] =>
    token.header.map((_, column) => trimRuns(toRuns(row[column]?.tokens ?? [], style)));
  return {
    kind: 'table',
    header: cells(token.header, { strong: true }),
    rows: token.rows.map((row) => cells(row, {})),
    align: token.align.map((align) => align ?? null),
  };
}

/** The language a code fence names: its first word, kept short, as plain text. */
function fenceLanguage(info: unknown): string | null {
  if (typeof info !== 'string') return null;
  const word = sanitize(info).trim().split(/\s+/)[0] ?? '';
  return word ? [...word].slice(0, 24).join('') : null;
}

function paragraph(runs: Run[]): Block | undefined {
  const trimmed = trimRuns(runs);
  return trimmed.length > 0 ? { kind: 'paragraph', runs: trimmed } : undefined;
}

function toRuns(tokens: readonly Token[], style: InlineStyle = {}): Run[] {
  const runs: Run[] = [];
  collectRuns(tokens, style, runs);
  return mergeRuns(runs);
}

function collectRuns(tokens: readonly Token[], style: InlineStyle, out: Run[]): void {
  const addText = (text: string) => {
    const clean = cleanText(text);
    if (clean) out.push({ text: clean, style });
  };
  for (const raw of tokens) {
    const token = raw as Tokens.Generic;
    switch (token.type) {
      case 'text':
      case 'escape':
        if (token.tokens) collectRuns(token.tokens, style, out);
        else addText(token.text as string);
        break;
      case 'strong':
      case 'em':
      case 'del': {
        const key =
          token.type === 'strong' ? 'strong' : token.type === 'em' ? 'emphasis' : 'strike';
        collectRuns(token.tokens ?? [], { ...style, [key]: true }, out);
        break;
      }
      case 'link': {
        const { linkTargets } = current;
        let target = linkTargets.get(token.href as string);
        if (target === undefined) {
          target = linkTarget(token.href);
          linkTargets.set(token.href as string, target);
        }
        if (!target) {
          collectRuns(token.tokens ?? [], style, out);
          break;
        }
        collectRuns(token.tokens ?? [], { ...style, link: target }, out);
        const { linkNumbers } = current;
        if (!linkNumbers.has(target)) linkNumbers.set(target, linkNumbers.size + 1);
        const linkNumber = linkNumbers.get(target)!;
        out.push({ text: `[${linkNumber}]`, style: { linkNumber } });
        break;
      }
      case 'image':
        out.push({
          text: `[${cleanText(token.text as string) || 'image'}]`,
          style: { ...style, image: true },
        });
        break;
      case 'codespan':
        out.push({ text: cleanText(token.text as string, false), style: { ...style, code: true } });
        break;
      case 'br':
        out.push({ text: '\n', style });
        break;
      case 'html':
        addText(stripTags(token.text as string));
        break;
      default:
        if (typeof token.text === 'string') addText(token.text);
    }
  }
}

/**
 * A link's target when a reader can follow it: an absolute http, https or mailto address, as the URL
 * parser normalizes it (which percent-encodes anything a terminal could act on).
 */
export function linkTarget(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  try {
    const url = new URL(sanitize(href).trim());
    if (!['http:', 'https:', 'mailto:'].includes(url.protocol)) return null;
    return isLinkable(url.href) ? url.href : null;
  } catch {
    return null;
  }
}

function plainRuns(text: string): Run[] {
  const clean = cleanText(text);
  return clean ? [{ text: clean, style: {} }] : [];
}

/** Decodes entities, then sanitizes again (an entity can spell a control character), folds soft breaks. */
function cleanText(text: string, decode = true): string {
  return sanitize(decode ? decodeEntities(text) : text).replace(/[ \n]+/g, ' ');
}

function stripTags(html: string): string {
  // An unclosed comment runs to the end, as in HTML; a tag ends at the next bracket. Both stay linear.
  return html.replace(/<!--[\s\S]*?(?:-->|$)/g, '').replace(/<[^<>]*>/g, '');
}

/** Joins neighbours of the same style and drops spaces at the edges of the block. */
function mergeRuns(runs: Run[]): Run[] {
  const merged: Run[] = [];
  for (const run of runs) {
    const last = merged.at(-1);
    if (last && sameStyle(last.style, run.style)) last.text += run.text;
    else if (run.text) merged.push({ ...run });
  }
  return merged;
}

function trimRuns(runs: Run[]): Run[] {
  const out = runs.map((run) => ({ ...run }));
  const first = out[0];
  if (first) first.text = first.text.replace(/^[ \n]+/, '');
  const last = out.at(-1);
  if (last) last.text = last.text.replace(/[ \n]+$/, '');
  return out.filter((run) => run.text !== '');
}

function sameStyle(a: InlineStyle, b: InlineStyle): boolean {
  return (
    a.strong === b.strong &&
    a.emphasis === b.emphasis &&
    a.code === b.code &&
    a.strike === b.strike &&
    a.link === b.link &&
    a.linkNumber === b.linkNumber &&
    a.image === b.image
  );
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
  deg: '°',
  times: '×',
  euro: '€',
  pound: '£',
  shy: '\u00ad',
};

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (entity, name: string) => {
    if (name[0] !== '#') return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
    const code =
      name[1] === 'x' || name[1] === 'X'
        ? parseInt(name.slice(2), 16)
        : parseInt(name.slice(1), 10);
    const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
    return valid ? String.fromCodePoint(code) : '\ufffd';
  });
}
