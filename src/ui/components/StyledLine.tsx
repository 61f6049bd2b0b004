// One laid-out line, each segment drawn with its theme attributes.
import { Text } from 'ink';
import { memo } from 'react';
import type { Line } from '../../core/layout.js';
import { hyperlink } from '../../core/links.js';
import { attributesOf } from '../../core/theme.js';

interface Props {
  line: Line;
  /** False under NO_COLOR or the mono theme (attributes only); 'light' for the light theme. */
  color: boolean | 'light';
  /** The segments from `from` to `to` (inclusive) are marked: the quotation last jumped to. */
  from?: number;
  to?: number;
}

/** Memoized: a page's lines are built once, so scrolling redraws only the lines it brings in. */
export const StyledLine = memo(function StyledLine({ line, color, from, to }: Props) {
  if (line.segments.length === 0) return <Text> </Text>;
  return (
    <Text wrap="truncate-end">
      {line.segments.map((segment, x) => {
        const attributes = attributesOf(segment.style, color);
        const marked = from !== undefined && to !== undefined && x >= from && x <= to;
        return (
          <Text key={x} {...attributes} inverse={marked && !!segment.style.quote}>
            {segment.style.link ? hyperlink(segment.text, segment.style.link) : segment.text}
          </Text>
        );
      })}
    </Text>
  );
});
