// `inkwell keys`: the full-screen reader's keys as they are in force, the overrides of the settings applied.
import { sanitizeLine } from '../core/sanitize.js';
import { withOverrides } from '../ui/key-overrides.js';
import type { CommandContext } from './context.js';
import { keyTable } from './key-table.js';
import { readStore } from './store-access.js';

export function keysCommand(context: CommandContext): number {
  const { keymap, problems } = withOverrides(readStore(context).settings.keys);
  // The overrides come from the settings file, which may hold anything.
  for (const problem of problems) context.out.warn(`inkwell: ${sanitizeLine(problem)}\n`);
  context.out.write(`${keyTable(keymap).join('\n')}\n`);
  return 0;
}
