// Every key of the screen underneath and of its search field, straight from the keymap; any key closes it.
import { textWidth } from '../../core/text-width.js';
import { Overlay } from '../components/Overlay.js';
import type { Keymap } from '../key-overrides.js';
import { KEYMAP, keysLabel, type Binding, type Screen } from '../keymap.js';
import { frameHeight, type Size } from '../state.js';

interface Props {
  screen: Screen;
  size: Size;
  /** The keys in force: the table with the user's overrides (a search field's keys are the table's own). */
  keymap: Keymap;
}

export function HelpScreen({ screen, size, keymap }: Props) {
  const bindings = keymap[screen];
  const field = KEYMAP.field;
  const keyWidth = Math.max(...[...bindings, ...field].map(keysLabel).map(textWidth));
  const row = (binding: Binding) => `  ${keysLabel(binding).padEnd(keyWidth)}   ${binding.help}`;
  const rows = [
    ...bindings.map(row),
    '',
    `In the ${screen === 'list' ? 'search' : 'find'} field (other keys type):`,
    ...field.map(row),
  ];
  const title = `Keys: ${screen === 'list' ? 'the list' : 'reading'} (any key closes this)`;
  return <Overlay title={title} rows={rows} width={size.columns} height={frameHeight(size)} />;
}
