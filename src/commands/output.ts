// Printing for the command line: whether to colour, laid-out lines to terminal text, warnings to stderr.
import { Chalk, type ChalkInstance } from 'chalk';
import type { Article, ArticleMeta } from '../core/article.js';
import type { Line } from '../core/layout.js';
import { hyperlink } from '../core/links.js';
import { sanitizeLine } from '../core/sanitize.js';
import { attributesOf } from '../core/theme.js';
import type { LoadWarning } from '../library/load.js';

/** Where a command writes, and how. */
export interface Output {
  write(text: string): void;
  warn(text: string): void;
  /** The terminal's width, or undefined when stdout is not a terminal. */
  columns: number | undefined;
  style: ChalkInstance;
}

/**
 * Colour and styles follow terminal conventions: FORCE_COLOR forces them (0 or false turns them off),
 * NO_COLOR turns them off, and otherwise only a terminal gets them.
 */
export function colorLevel(env: NodeJS.ProcessEnv, isTTY: boolean): 0 | 1 | 2 | 3 {
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    return force === '2' ? 2 : force === '3' ? 3 : 1;
  }
  if (env.NO_COLOR) return 0;
  if (!isTTY || /^\s*(?:dumb|unknown)\s*$/i.test(env.TERM ?? '')) return 0;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  return env.TERM?.includes('256') ? 2 : 1;
}

/**
 * Whether the terminal TERM names can run the full-screen reader: not a dumb one (Emacs's shell buffer, a
 * serial console) and not one nobody named, which may have no alternate screen or cursor movement. Windows
 * consoles set no TERM and have both.
 */
export function canDrawFullScreen(env: NodeJS.ProcessEnv, platform = process.platform): boolean {
  const term = env.TERM?.trim().toLowerCase() ?? '';
  if (term === '') return platform === 'win32';
  return term !== 'dumb' && term !== 'unknown';
}

export function processOutput(): Output {
  const { stdout, stderr, env } = process;
  return {
    write: (text) => void stdout.write(text),
    // Warnings are best-effort: a closed stderr (its 'error' is ignored in cli.ts) must not stop the output.
    warn: (text) => {
      if (!stderr.destroyed) stderr.write(text);
    },
    columns: stdout.isTTY ? stdout.columns : undefined,
    style: new Chalk({ level: colorLevel(env, Boolean(stdout.isTTY)) }),
  };
}

/** Laid-out lines as terminal text, styled through the theme. */
export function renderLines(lines: readonly Line[], style: ChalkInstance): string {
  return lines
    .map((line) =>
      line.segments
        .map(({ text, style: segmentStyle }) => {
          const { color, bold, italic, underline, dimColor, strikethrough } =
            attributesOf(segmentStyle);
          let paint = style;
          if (color) paint = paint[color];
          if (bold) paint = paint.bold;
          if (italic) paint = paint.italic;
          if (underline) paint = paint.underline;
          if (dimColor) paint = paint.dim;
          if (strikethrough) paint = paint.strikethrough;
          const painted = paint === style ? text : paint(text);
          // A terminal that styles text gets links it can follow; a pipe gets the text alone.
          return segmentStyle.link && style.level > 0
            ? hyperlink(painted, segmentStyle.link)
            : painted;
        })
        .join(''),
    )
    .join('\n');
}

/**
 * An article for --json, fields in a stable order: `list` gives the summary, `show` the whole article,
 * with its bio and Markdown body.
 */
export function articleJson(article: ArticleMeta, part: 'summary'): ArticleSummary;
export function articleJson(article: Article, part: 'whole'): ArticleSummary & WholeParts;
export function articleJson(article: ArticleMeta | Article, part: 'summary' | 'whole') {
  const { id, title, author, date, source, url, tags, words, readingMinutes, path } = article;
  const summary = { id, title, author, date, source, url, tags, words, readingMinutes, path };
  return part === 'summary' || !('body' in article)
    ? summary
    : { ...summary, bio: article.bio, body: article.body };
}

type ArticleSummary = Pick<
  ArticleMeta,
  | 'id'
  | 'title'
  | 'author'
  | 'date'
  | 'source'
  | 'url'
  | 'tags'
  | 'words'
  | 'readingMinutes'
  | 'path'
>;
type WholeParts = { bio: string | null; body: string };

/**
 * JSON for scripts, with every character a terminal could act on written as a \u escape: JSON.stringify
 * escapes C0 but leaves DEL, C1 and bidi controls raw, and paths (from the disk) are never sanitized.
 */
export function toJson(value: unknown): string {
  return escapeControls(JSON.stringify(value, null, 2)) + '\n';
}

function escapeControls(json: string): string {
  return json.replace(
    /[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Items a piece of a streamed JSON array holds: small enough that no piece is large. */
const JSON_PIECE = 512;

/**
 * `toJson(items.map(toValue))` in pieces, each item turned to JSON only as its piece is written: a list of
 * 100,000 articles never sits in memory as one string, nor as a second array of objects.
 */
export function* jsonArrayPieces<T>(
  items: readonly T[],
  toValue: (item: T) => unknown,
): Generator<string> {
  if (items.length === 0) {
    yield '[]\n';
    return;
  }
  for (let from = 0; from < items.length; from += JSON_PIECE) {
    const parts: string[] = [];
    const to = Math.min(items.length, from + JSON_PIECE);
    for (let at = from; at < to; at++) {
      // JSON strings hold no raw line breaks: every one is the layout's, indented one level more.
      parts.push('  ' + JSON.stringify(toValue(items[at]!), null, 2).replaceAll('\n', '\n  '));
    }
    const head = from === 0 ? '[\n' : ',\n';
    const tail = to === items.length ? '\n]\n' : '';
    yield head + escapeControls(parts.join(',\n')) + tail;
  }
}

/** One line a warning; paths come from the disk and may hold anything, so they are sanitized too. */
export function formatWarnings(warnings: readonly LoadWarning[]): string {
  return warnings
    .map(({ path, message }) => `inkwell: ${sanitizeLine(`${path}: ${message}`)}\n`)
    .join('');
}
