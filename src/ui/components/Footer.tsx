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

export function Footer({ state, hints, right: facts }: Props) {
  const { columns } = state.size;
  // A count typed for the next key (5j, 50%) shows until that key comes.
  const right = state.count ? [`${state.count}…`, facts].filter(Boolean).join(' · ') : facts;
  if (state.notice) return <StatusLine left={state.notice} right={right} width={columns} />;
  const left = footerLeft(hints, state.warnings.length, columns - textWidth(right) - 1);
  return <StatusLine left={left} right={right} width={columns} dimLeft />;
}

/**
 * The footer's left side in `room` columns: whole hints only, the most important first (a hint cut in half
 * helps nobody), and the skipped files told in the shortest words that fit beside them, never in their place.
 */
export function footerLeft(hints: readonly string[], skipped: number, room: number): string {
  const notices =
    skipped === 0
      ? ['']
      : [
          `w: ${skipped} file${skipped === 1 ? '' : 's'} skipped`,
          `w: ${skipped} skipped`,
          `w:${skipped}`,
        ];
  const shortest = notices.at(-1)!;
  const shown: string[] = [];
  let used = shortest ? textWidth(shortest) : -SEPARATOR.length;
  for (const hint of hints) {
    const width = SEPARATOR.length + textWidth(hint);
    if (used + width > room) break;
    shown.push(hint);
    used += width;
  }
  const spare = room - used + textWidth(shortest);
  const notice = notices.find((text) => textWidth(text) <= spare) ?? '';
  return [notice, ...shown].filter(Boolean).join(SEPARATOR);
}
