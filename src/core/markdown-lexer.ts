// marked's lexer made safe for any text: its rules that go quadratic bounded, nesting and inline markup
// capped. What it lexes is what markdown.ts turns into blocks.
import { Lexer, Tokenizer, type Token } from 'marked';
import { MAX_BLOCK_NESTING } from './markdown-bounds.js';
import type { LinkDefinition } from './markdown-sections.js';

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

export function markdownLexer(state: ParseState): Lexer {
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
export interface ParseState {
  /** The number of each link target met so far, in order of first appearance. */
  linkNumbers: Map<string, number>;
  /**
   * Each link address met, as normalized (null: not one to follow): an address a thousand references
   * share is normalized once, and its runs share one string (a 1 MB address so referred to, 300,000
   * times, ran out of memory).
   */
  linkTargets: Map<string, string | null>;
  marksLeft: number;
  /** Whether text has been shown plain for want of marks, and whether the reader has been told. */
  plain: 'no' | 'now' | 'told';
  /** The body's link reference definitions, when it is parsed in several sections. */
  definitions: Record<string, LinkDefinition> | undefined;
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

export function newState(definitions: ParseState['definitions']): ParseState {
  return {
    linkNumbers: new Map(),
    linkTargets: new Map(),
    marksLeft: MAX_INLINE_MARKS,
    plain: 'no',
    definitions,
  };
}
