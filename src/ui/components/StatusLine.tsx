// A one-row bar: text on the left, text on the right, cut so that the row never outgrows the terminal.
import { Text } from 'ink';
import { textWidth, truncate } from '../../core/text-width.js';

interface Props {
  left: string;
  right: string;
  width: number;
  /** Draws the left text dim: key hints, not news. */
  dimLeft?: boolean;
}

export function StatusLine({ left, right, width, dimLeft = false }: Props) {
  const shownRight = truncate(right, width);
  const room = width - textWidth(shownRight);
  const shownLeft = room > 1 ? truncate(left, room - 1) : '';
  const gap = ' '.repeat(Math.max(0, width - textWidth(shownLeft) - textWidth(shownRight)));
  return (
    <Text wrap="truncate-end">
      <Text dimColor={dimLeft}>{shownLeft}</Text>
      {gap}
      <Text bold>{shownRight}</Text>
    </Text>
  );
}
