// A list drawn over the screen until a key closes it: a title, then the rows in view, scrolled by j/k.
import { Box, Text } from 'ink';
import { truncate } from '../../core/text-width.js';

interface OverlayProps {
  title: string;
  rows: readonly string[];
  width: number;
  /** Rows in view. */
  height: number;
  /** The first row in view. */
  top: number;
  /** The row drawn chosen (inverse), if any. */
  selected?: number;
}

export function Overlay({ title, rows, width, height, top, selected }: OverlayProps) {
  const shown = rows.slice(top, top + height);
  // A list longer than the screen says which of its rows are in view.
  const where =
    rows.length > height && height > 0
      ? ` · ${top + 1}–${top + shown.length} of ${rows.length}`
      : '';
  return (
    <Box flexDirection="column" flexGrow={1}>
      <Text bold wrap="truncate-end">
        {truncate(title + where, width)}
      </Text>
      {height > 0 && <Text> </Text>}
      {shown.map((row, k) => (
        <Text key={top + k} wrap="truncate-end" inverse={top + k === selected}>
          {truncate(row, width)}
        </Text>
      ))}
    </Box>
  );
}
