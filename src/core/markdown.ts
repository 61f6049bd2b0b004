// Article body (Markdown) → blocks of styled runs, the shape every view draws from.
import { Lexer, Tokenizer, type Token, type Tokens } from 'marked';
import { boundMarkdown, capBlocks, MAX_BLOCK_NESTING, MAX_BLOCKS } from './markdown-bounds.js';
import {
  linkDefinitions,
  SECTION_CHARACTERS,
  splitSections,
  type LinkDefinition,
} from './markdown-sections.js';
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

export { MAX_BLOCK_NESTING, MAX_BLOCKS };

/**
 * marked's GFM rules look for an e-mail address with an unbounded run of address characters at every
 * position of a text, so a long run without a space (base64, 'a_a_a_...') costs quadratic time: 200 KB took
 * minutes. An address's local part has at most 64 characters; bounding the run keeps lexing linear.
 */
function boundedEmailRule(rule: RegExp): RegExp {
  const source = rule.source
    .replaceAll(']+@)', ']{1,64}@)')
    .replace('^[A-Za-z0-9._+-]+(@)', '^[A-Za-z0-9._+-]{1,64}(@)');
  return new RegExp(source, rule.flags);
}

/** A link's destination as marked writes it: any run of characters up to a space. */
const LINK_DESTINATION = String.raw`(?!<)[^ \t\n\x00-\x1f]+`;
/** The same, as CommonMark reads it: parentheses only in balanced pairs (one level deep), `\` escaping one. */
const BALANCED_DESTINATION = String.raw`(?!<)(?:[^ \t\n\x00-\x1f()\\]|\\[^ \t\n\x00-\x1f]|\((?:[^ \t\n\x00-\x1f()\\]|\\[^ \t\n\x00-\x1f])*\))+`;

/**
 * marked's link rule takes a destination up to the next space, then backs off to its last `)`: in text
 * without spaces each link scans the rest of the text, so 240,000 links written together took minutes.
 * A destination that stops at its first unbalanced `)`, as CommonMark's does, keeps each link's cost its
 * own length.
 */
function balancedLinkRule(rule: RegExp): RegExp {
  return new RegExp(rule.source.replace(LINK_DESTINATION, BALANCED_DESTINATION), rule.flags);
}

/** The bounded rules, made once from marked's own on first use. */
let boundedRules: { text: RegExp; url: RegExp; link: RegExp } | undefined;

function markdownLexer(state: ParseState): Lexer {
  const tokenizer = new Tokenizer();
  const lexer = new Lexer({ gfm: true, tokenizer }); // gives the tokenizer a fresh set of rules
  // Definitions found in the whole body, for links that refer to one in another section.
  if (state.definitions) lexer.tokens.links = state.definitions;
  boundInline(lexer, state);
  const { inline } = tokenizer.rules;
  boundedRules ??= {
    text: boundedEmailRule(inline.text),
    url: boundedEmailRule(inline.url),
    link: balancedLinkRule(inline.link),
  };
  tokenizer.rules.inline = { ...inline, ...boundedRules };
  boundNesting(tokenizer);
  return lexer;
}

/**
 * marked lexes the inside of a quote or list item again, as a document of its own: nesting n deep costs n
 * passes over the text (and n copies of it), so 2,000,000 `> ` took minutes and lines of ever more `>`
 * exhausted memory. Past MAX_BLOCK_NESTING, a quote or list marker is read as plain text, which keeps
 * the work at most MAX_BLOCK_NESTING passes (boundMarkdown drops such markers before the parser sees them).
 */
function boundNesting(tokenizer: Tokenizer): void {
  let depth = 0;
  const bounded =
    <T>(tokenize: (src: string) => T) =>
    (src: string): T | undefined => {
      if (depth >= MAX_BLOCK_NESTING) return undefined;
      depth += 1;
      try {
        return tokenize(src);
      } finally {
        depth -= 1;
      }
    };
  tokenizer.blockquote = bounded(tokenizer.blockquote.bind(tokenizer));
  tokenizer.list = bounded(tokenizer.list.bind(tokenizer));
}

/**
 * Marks of inline markup (`*`, `_`, backquotes, brackets, `<`, `~`, `\`, `@`, `:`, hard breaks) an article
 * is formatted by at most; the text past them is shown plain. Each mark can make a token, and marked took
 * seconds and a gigabyte over a million of them (240,000 links, `*a*` over and over). An article with a
 * thousand links uses a few thousand.
 */
export const MAX_INLINE_MARKS = 50_000;
const INLINE_MARK = /[*_`[<~\\@:]| {2}\n/g;

/** What one parse of a body keeps from section to section. */
interface ParseState {
  /** The number of each link target met so far, in order of first appearance. */
  linkNumbers: Map<string, number>;
  marksLeft: number;
  /** Whether text has been shown plain for want of marks, and whether the reader has been told. */
  plain: 'no' | 'now' | 'told';
  /** The body's link reference definitions, when it is parsed in several sections. */
  definitions: Record<string, LinkDefinition> | undefined;
}

/** The parse under way: set for each section, which is parsed in one synchronous call. */
let current: ParseState = newState(undefined);

function newState(definitions: ParseState['definitions']): ParseState {
  return { linkNumbers: new Map(), marksLeft: MAX_INLINE_MARKS, plain: 'no', definitions };
}

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
): Generator<Block[]> {
  const capped = capBlocks(body);
  const sections = splitSections(capped.text, size);
  const state = newState(sections.length > 1 ? linkDefinitions(capped.text) : undefined);
  for (const section of sections) {
    const blocks = parseSection(section, state);
    if (state.plain === 'now') {
      state.plain = 'told';
      blocks.push(
        notice(
          `(Links and formatting past here are shown as plain text: inkwell formats an article's first ${thousands(MAX_INLINE_MARKS)} marks of markup.)`,
        ),
      );
    }
    yield blocks;
  }
  if (capped.omittedLines > 0) {
    yield [
      notice(
        `(… ${thousands(capped.omittedLines)} more lines not shown: inkwell shows an article's first ${thousands(MAX_BLOCKS)} blocks. The file is whole.)`,
      ),
    ];
  }
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

function thousands(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+$)/g, ',');
}

/**
 * Lexes inline text while marks are left, and the rest as one plain text token: the cut falls at the
 * space before the first mark past the budget. Nested calls (a link's text) are counted with their outer text.
 */
function boundInline(lexer: Lexer, state: ParseState): void {
  const inlineTokens = lexer.inlineTokens.bind(lexer);
  let depth = 0;
  lexer.inlineTokens = (src: string, tokens: Token[] = []) => {
    if (depth > 0) return inlineTokens(src, tokens);
    let cut = -1;
    if (state.marksLeft <= 0) cut = 0;
    else {
      let marks = 0;
      INLINE_MARK.lastIndex = 0;
      for (let match = INLINE_MARK.exec(src); match; match = INLINE_MARK.exec(src)) {
        if (++marks > state.marksLeft) {
          const space = src.lastIndexOf(' ', match.index);
          cut = space > 0 ? space : match.index;
          break;
        }
      }
      state.marksLeft = cut < 0 ? state.marksLeft - marks : 0;
    }
    if (cut < 0 || cut > 0) {
      depth += 1;
      try {
        inlineTokens(cut < 0 ? src : src.slice(0, cut), tokens);
      } finally {
        depth -= 1;
      }
    }
    if (cut >= 0) {
      if (state.plain === 'no') state.plain = 'now';
      const rest = src.slice(cut);
      tokens.push({ type: 'text', raw: rest, text: rest, escaped: false });
    }
    return tokens;
  };
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
        const target = linkTarget(token.href);
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
