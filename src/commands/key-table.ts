// The full-screen reader's keys as text for the command line, from the one keymap table.
import { KEYMAP, keysLabel, type Binding, type Screen } from '../ui/keymap.js';

const SCREEN_NAMES: Record<Screen, string> = { list: 'In the list', reader: 'In the reader' };

/** The key table: a heading a screen, then one line a command, its keys in a column. */
export function keyTable(keymap: Record<Screen, readonly Binding[]> = KEYMAP): string[] {
  const screens = Object.keys(keymap) as Screen[];
  const labels = screens.flatMap((screen) => keymap[screen].map(keysLabel));
  const width = Math.max(...labels.map((label) => label.length));
  return screens.flatMap((screen, k) => [
    ...(k > 0 ? [''] : []),
    `${SCREEN_NAMES[screen]}:`,
    ...keymap[screen].map((binding) => `  ${keysLabel(binding).padEnd(width)}  ${binding.help}`),
  ]);
}
