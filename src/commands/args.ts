// The command line's grammar: one table of commands and options, parsed into what to run.
import { parseArgs } from 'node:util';

/** Every option inkwell knows; which ones a command takes is listed with the command. */
export const OPTIONS = {
  library: {
    type: 'string',
    multiple: true,
    value: 'DIR',
    help: 'also read the articles in DIR (repeatable)',
  },
  json: { type: 'boolean', help: 'print one JSON document, for scripts' },
  width: {
    type: 'string',
    value: 'N',
    help: 'wrap to N columns, 10 to 1000 (default: the terminal width, at most 80)',
  },
  limit: { type: 'string', value: 'N', help: 'at most N results (default: all)' },
  force: { type: 'boolean', help: 'replace imported articles even when you have edited them' },
  timeout: {
    type: 'string',
    value: 'S',
    help: 'give up on an address after S seconds (default 30)',
  },
  format: {
    type: 'string',
    value: 'FORMAT',
    help: 'what bookmarks export writes: json (the default) or markdown',
  },
  help: { type: 'boolean', short: 'h', help: 'show help' },
  version: { type: 'boolean', help: 'print the version' },
} as const;

export type OptionName = keyof typeof OPTIONS;

export interface CommandSpec {
  name: string;
  /** What follows the command name in its usage line. */
  args: string;
  summary: string;
  options: OptionName[];
  /** Lines the command's --help adds after its options. */
  notes?: string[];
  /** How many positional arguments it takes. */
  positionals: { min: number; max: number; missing?: string };
}

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'list',
    args: '',
    summary: 'list the articles, newest first',
    options: ['json', 'library', 'help'],
    positionals: { min: 0, max: 0 },
  },
  {
    name: 'show',
    args: '<id>',
    summary: 'print an article, wrapped for reading',
    options: ['width', 'json', 'library', 'help'],
    positionals: {
      min: 1,
      max: 1,
      missing: 'show needs the id of an article, as inkwell list gives it',
    },
  },
  {
    name: 'search',
    args: '<query>',
    summary: 'find articles by their words, typos forgiven',
    notes: [
      'Every word must match, in the title, author, source, tags or body; typos are forgiven.',
      "  'word   contains word exactly        =word  is exactly word",
      '  ^word   starts with word             word$  ends with word',
      '  !word   leaves out what has word     a | b  either side',
      '  "two words"  the words side by side   !"two words"  leaves out what has them',
      '  author:name  source:name  tag:name  title:word  body:word   only that field',
    ],
    options: ['json', 'limit', 'library', 'help'],
    positionals: {
      min: 1,
      max: Infinity,
      missing: 'search needs words to look for: inkwell search spaceport',
    },
  },
  {
    name: 'add',
    args: '<source>...',
    summary: 'import articles from files, web pages, feeds or - (stdin) into your library',
    options: ['json', 'force', 'timeout', 'library', 'help'],
    positionals: {
      min: 1,
      max: Infinity,
      missing: 'add needs a file, an http(s) address or - (standard input)',
    },
  },
  {
    name: 'bookmarks',
    args: '[export]',
    summary: 'list your bookmarks, newest first, or export them (--format json|markdown)',
    options: ['json', 'format', 'library', 'help'],
    positionals: { min: 0, max: 1 },
  },
  {
    name: 'bookmark',
    args: 'add|remove <id>...',
    summary: 'bookmark articles, or remove bookmarks',
    options: ['library', 'help'],
    positionals: {
      min: 2,
      max: Infinity,
      missing: 'bookmark needs add or remove and the ids of articles',
    },
  },
  {
    name: 'read',
    args: '<id>...',
    summary: 'mark articles read',
    options: ['library', 'help'],
    positionals: { min: 1, max: Infinity, missing: 'read needs the ids of articles' },
  },
  {
    name: 'unread',
    args: '<id>...',
    summary: 'mark articles unread',
    options: ['library', 'help'],
    positionals: { min: 1, max: Infinity, missing: 'unread needs the ids of articles' },
  },
  {
    name: 'keys',
    args: '',
    summary: "the full-screen reader's keys, with your overrides",
    options: ['help'],
    positionals: { min: 0, max: 0 },
  },
  {
    name: 'config',
    args: 'path|get|set [<key> [<value>]]',
    summary: 'where the settings live, and what they are: measure, theme, keys',
    options: ['help'],
    positionals: { min: 1, max: 3, missing: 'config needs path, get or set' },
  },
];

/** The options `inkwell` takes without a command. */
export const TOP_LEVEL_OPTIONS: OptionName[] = ['library', 'help', 'version'];

/** What --width accepts. */
export const WIDTH_RANGE = { min: 10, max: 1000 } as const;

export interface ParsedArgs {
  /** Undefined when no command was given. */
  command: CommandSpec | undefined;
  positionals: string[];
  library: string[];
  json: boolean;
  /** What bookmarks export writes, when --format was given. */
  format: string | undefined;
  /** Columns to wrap to, when --width was given. */
  width: number | undefined;
  /** How many results to print, when --limit was given. */
  limit: number | undefined;
  force: boolean;
  /** Seconds before a fetch gives up, when --timeout was given. */
  timeout: number | undefined;
  help: boolean;
  version: boolean;
}

/** A mistake in the command line: exit status 2, with a one-line message. */
export class UsageError extends Error {}

export function parseCommandLine(argv: readonly string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(usageMessage(error as Error & { code?: string }));
  }
  const { values, positionals } = parsed;
  const [name, ...rest] = positionals;
  const command = name === undefined ? undefined : COMMANDS.find((spec) => spec.name === name);
  if (name !== undefined && !command) throw new UsageError(`unknown command '${name}'`);

  const allowed = command?.options ?? TOP_LEVEL_OPTIONS;
  for (const option of Object.keys(values) as OptionName[]) {
    if (!allowed.includes(option)) {
      throw new UsageError(
        `option --${option} does not apply to ${command ? command.name : 'inkwell'}`,
      );
    }
  }
  if (!values.help && command) {
    const { min, max, missing } = command.positionals;
    if (rest.length < min) throw new UsageError(missing ?? `${command.name} needs more arguments`);
    if (rest.length > max) throw new UsageError(`unexpected argument '${rest[max]}'`);
  }
  return {
    command,
    positionals: rest,
    library: values.library ?? [],
    json: values.json ?? false,
    format: values.format,
    width: values.width === undefined ? undefined : parseWidth(values.width),
    limit: values.limit === undefined ? undefined : parseLimit(values.limit),
    force: values.force ?? false,
    timeout: values.timeout === undefined ? undefined : parseTimeout(values.timeout),
    help: values.help ?? false,
    version: values.version ?? false,
  };
}

function parseWidth(value: string): number {
  const width = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(width >= WIDTH_RANGE.min && width <= WIDTH_RANGE.max)) {
    throw new UsageError(
      `--width must be a whole number from ${WIDTH_RANGE.min} to ${WIDTH_RANGE.max}`,
    );
  }
  return width;
}

function parseLimit(value: string): number {
  const limit = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(limit >= 1 && Number.isSafeInteger(limit))) {
    throw new UsageError('--limit must be a whole number from 1 up');
  }
  return limit;
}

function parseTimeout(value: string): number {
  const seconds = /^\d+(?:\.\d+)?$/.test(value) ? Number(value) : NaN;
  if (!(seconds > 0 && seconds <= 3600)) {
    throw new UsageError('--timeout must be a number of seconds, more than 0 and at most 3600');
  }
  return seconds;
}

/** Node's parseArgs messages are long and suggest `--`; ours name the option and stop. */
function usageMessage(error: Error & { code?: string }): string {
  const option = /'(-{1,2}[^' ]+)/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option '${option}'`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return OPTIONS[option.replace(/^-+/, '') as OptionName]?.type === 'string'
        ? `option '${option}' needs a value`
        : `option '${option}' takes no value`;
    default:
      return error.message.split('\n')[0] ?? error.message;
  }
}
