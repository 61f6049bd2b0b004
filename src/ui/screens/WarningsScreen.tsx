// The files the library skipped, and why; any key closes it.
import { sanitizeLine } from '../../core/sanitize.js';
import type { LoadWarning } from '../../library/load.js';
import { frameHeight, type Size } from '../state.js';
import { Overlay } from '../components/Overlay.js';

interface Props {
  warnings: readonly LoadWarning[];
  size: Size;
}

export function WarningsScreen({ warnings, size }: Props) {
  const title =
    warnings.length === 0
      ? 'No files were skipped (any key closes this)'
      : `Skipped ${warnings.length} file${warnings.length === 1 ? '' : 's'} (any key closes this)`;
  // Paths come from the disk and may hold anything.
  const rows = warnings.map(({ path, message }) => `  ${sanitizeLine(`${path}: ${message}`)}`);
  return <Overlay title={title} rows={rows} width={size.columns} height={frameHeight(size)} />;
}
