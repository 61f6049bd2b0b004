// Every key of the screen underneath, straight from the keymap; any key closes it.
import { textWidth } from '../../core/text-width.js';
import { Overlay } from '../components/Overlay.js';
import type { Keymap } from '../key-overrides.js';
import { keysLabel, type Screen } from '../keymap.js';
import { frameHeight, type Size } from '../state.js';

interface Props {
  screen: Screen;
  size: Size;
  /** The keys in force: the table with the user's overrides. */
  keymap: Keymap;
}

export function HelpScreen({ screen, size, keymap }: Props) {
  const bindings = keymap[screen];
  const labels = bindings.map(keysLabel);
  const keyWidth = Math.max(...labels.map(textWidth));
  const rows = bindings.map((binding, k) => `  ${labels[k]!.padEnd(keyWidth)}   ${binding.help}`);
  const title = `Keys: ${screen === 'list' ? 'the list' : 'reading'} (any key closes this)`;
  return <Overlay title={title} rows={rows} width={size.columns} height={frameHeight(size)} />;
}
