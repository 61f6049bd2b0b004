// --help texts, generated from the same table the parser uses, so they cannot drift apart.
import { join } from 'node:path';
import type { Paths } from '../library/paths.js';
import { keyTable } from './key-table.js';
import { COMMANDS, OPTIONS, TOP_LEVEL_OPTIONS, type CommandSpec, type OptionName } from './args.js';

export function mainHelp(version: string, paths: Paths): string {
  const commands = COMMANDS.map((spec) => [usageOf(spec), spec.summary] as const);
  return [
    `inkwell ${version}: a terminal newsreader for the articles you keep`,
    '',
    'Usage:',
    '  inkwell [--library DIR]...    the full-screen reader (the list, when not on a terminal)',
    '  inkwell <command> [options]',
    '',
    'Commands:',
    ...columns(commands),
    '',
    'Options:',
    ...optionLines(TOP_LEVEL_OPTIONS),
    '',
    "Run 'inkwell <command> --help' for the options of a command.",
    '',
    // The defaults, from the one keymap table: `inkwell keys` shows them with the user's overrides.
    'Keys of the full-screen reader (inkwell keys shows yours):',
    ...keyTable().map((line) => (line ? `  ${line}` : '')),
    '',
    `Your articles: ${paths.articles}`,
    // Not configFile() from state/store.ts: that module brings conf, which --help does without.
    `Your bookmarks and settings: ${join(paths.config, 'config.json')}`,
    'INKWELL_HOME moves your articles and settings; NO_COLOR and FORCE_COLOR set colour.',
    '',
  ].join('\n');
}

export function commandHelp(spec: CommandSpec): string {
  return [
    `Usage: inkwell ${usageOf(spec)} [options]`,
    '',
    spec.summary[0]!.toUpperCase() + spec.summary.slice(1) + '.',
    '',
    'Options:',
    ...optionLines(spec.options),
    '',
  ].join('\n');
}

function usageOf(spec: CommandSpec): string {
  return spec.args ? `${spec.name} ${spec.args}` : spec.name;
}

function optionLines(names: readonly OptionName[]): string[] {
  return columns(
    names.map((name) => {
      const option: { short?: string; value?: string; help: string } = OPTIONS[name];
      const flag = `${option.short ? `-${option.short}, ` : ''}--${name}${option.value ? ` ${option.value}` : ''}`;
      return [flag, option.help] as const;
    }),
  );
}

function columns(rows: ReadonlyArray<readonly [string, string]>): string[] {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
}
