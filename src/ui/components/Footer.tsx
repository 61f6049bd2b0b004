// The bottom row: a notice when there is one, else the screen's key hints; facts about the view on the right.
import type { AppState } from '../state.js';
import { StatusLine } from './StatusLine.js';

interface Props {
  state: AppState;
  hints: string;
  right: string;
}

export function Footer({ state, hints, right }: Props) {
  const skipped = state.warnings.length;
  const warning = skipped > 0 ? `  w: ${skipped} file${skipped === 1 ? '' : 's'} skipped` : '';
  return state.notice ? (
    <StatusLine left={state.notice} right={right} width={state.size.columns} />
  ) : (
    <StatusLine left={hints + warning} right={right} width={state.size.columns} dimLeft />
  );
}
