// A search field on one row: a prompt, the query with its cursor, and facts on the right.
import { Text } from 'ink';
import { textWidth, truncate } from '../../core/text-width.js';
import type { TextField } from '../text-field.js';

interface Props {
  prompt: string;
  field: TextField;
  /** Keys go to the field: the cursor shows. */
  focused: boolean;
  right: string;
  width: number;
}

export function FieldLine({ prompt, field, focused, right, width }: Props) {
  const shownRight = truncate(right, Math.max(0, width - textWidth(prompt) - 2));
  const room = Math.max(0, width - textWidth(prompt) - textWidth(shownRight) - 2);
  const { text, cursor } = visiblePart(field, room);
  const under = text.slice(cursor).match(/^./su)?.[0] ?? ' ';
  const after = text.slice(cursor + (cursor < text.length ? under.length : 0));
  const used = textWidth(prompt) + textWidth(text) + (cursor >= text.length && focused ? 1 : 0);
  const gap = ' '.repeat(Math.max(0, width - used - textWidth(shownRight)));
  return (
    <Text wrap="truncate-end">
      <Text bold>{prompt}</Text>
      {text.slice(0, cursor)}
      {focused ? <Text inverse>{under}</Text> : cursor < text.length ? under : ''}
      {after}
      {gap}
      <Text bold>{shownRight}</Text>
    </Text>
  );
}

/** The part of a long query around the cursor that fits in `room` columns, and the cursor in it. */
function visiblePart(field: TextField, room: number): TextField {
  let { text, cursor } = field;
  // Drops characters from the start until the text up to the cursor, and the cursor, fit.
  while (text.length > 0 && cursor > 0 && textWidth(text.slice(0, cursor)) + 1 > room) {
    const step = (text.codePointAt(0) ?? 0) > 0xffff ? 2 : 1;
    text = text.slice(step);
    cursor -= step;
  }
  return { text: truncate(text, Math.max(0, room)), cursor };
}
