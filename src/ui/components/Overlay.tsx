// A screen drawn over another until the next key: a title, then as many rows as fit.
import { Box, Text } from 'ink';
import { truncate } from '../../core/text-width.js';

interface OverlayProps {
  title: string;
  rows: readonly string[];
  width: number;
  height: number;
}

/** A title and as many rows as fit, the last saying how many more there were. */
export function Overlay({ title, rows, width, height }: OverlayProps) {
  const room = Math.max(0, height - 2);
  let shown = rows;
  if (rows.length > room) {
    shown = room > 0 ? [...rows.slice(0, room - 1), `  … ${rows.length - room + 1} more`] : [];
  }
  return (
    <Box flexDirection="column" flexGrow={1}>
      <Text bold wrap="truncate-end">
        {truncate(title, width)}
      </Text>
      {height >= 2 && <Text> </Text>}
      {shown.map((row, k) => (
        <Text key={k} wrap="truncate-end">
          {truncate(row, width)}
        </Text>
      ))}
    </Box>
  );
}
