// The bottom row: a notice when there is one, else the key hints that fit; facts about the view on the right.
import { textWidth } from '../../core/text-width.js';
import type { AppState } from '../state.js';
import { StatusLine } from './StatusLine.js';

interface Props {
  state: AppState;
  hints: readonly string[];
  right: string;
}

const SEPARATOR = '  ';

export function Footer({ state, hints, right }: Props) {
  const { columns } = state.size;
  if (state.notice) return <StatusLine left={state.notice} right={right} width={columns} />;
  const skipped = state.warnings.length;
  const items = [...hints];
  // The skipped files matter more than the hints: they go first when room is short.
  if (skipped > 0) items.unshift(`w: ${skipped} file${skipped === 1 ? '' : 's'} skipped`);
  // Whole hints only: a hint cut in half helps nobody.
  const room = columns - textWidth(right) - 1;
  let left = '';
  for (const item of items) {
    const next = left ? left + SEPARATOR + item : item;
    if (textWidth(next) > room) break;
    left = next;
  }
  return <StatusLine left={left} right={right} width={columns} dimLeft />;
}
