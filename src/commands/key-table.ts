// The full-screen reader's keys as text for the command line, from the one keymap table.
import { KEYMAP, keysLabel, type Binding, type KeyContext } from '../ui/keymap.js';

const CONTEXT_NAMES: Record<KeyContext, string> = {
  list: 'In the list',
  reader: 'In the reader',
  field: 'In a search field',
  overlay: 'In a list drawn over the screen (help, skipped files, links)',
};

/** The key table: a heading a screen, then one line a command, its keys in a column. */
export function keyTable(
  keymap: Partial<Record<KeyContext, readonly Binding[]>> = KEYMAP,
): string[] {
  // Contexts the keymap given leaves out (keys no override can change) keep their defaults.
  const full = { ...KEYMAP, ...keymap };
  const screens = Object.keys(full) as KeyContext[];
  const labels = screens.flatMap((screen) => full[screen].map(keysLabel));
  const width = Math.max(...labels.map((label) => label.length));
  return screens.flatMap((screen, k) => [
    ...(k > 0 ? [''] : []),
    `${CONTEXT_NAMES[screen]}:`,
    ...full[screen].map((binding) => `  ${keysLabel(binding).padEnd(width)}  ${binding.help}`),
  ]);
}
