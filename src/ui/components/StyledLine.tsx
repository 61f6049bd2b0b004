// One laid-out line, each segment drawn with its theme attributes, and search matches marked over them.
import { Text } from 'ink';
import { memo } from 'react';
import type { Line } from '../../core/layout.js';
import { hyperlink } from '../../core/links.js';
import { markPieces } from '../../core/marked-text.js';
import type { TextRange } from '../../core/search/fold.js';
import { attributesOf, matchLook } from '../../core/theme.js';

interface Props {
  line: Line;
  /** False under NO_COLOR or the mono theme (attributes only); 'light' for the light theme. */
  color: boolean | 'light';
  /** The segments from `from` to `to` (inclusive) are marked: the quotation last jumped to. */
  from?: number;
  to?: number;
  /** Search matches in the line's text (its segments joined), sorted; they may cross segments. */
  matches?: readonly TextRange[];
  /** Where the current match starts, when it is on this line. */
  current?: number;
}

/** Memoized: a page's lines are built once, so scrolling redraws only the lines it brings in. */
export const StyledLine = memo(function StyledLine({
  line,
  color,
  from,
  to,
  matches,
  current,
}: Props) {
  if (line.segments.length === 0) return <Text> </Text>;
  let offset = 0;
  return (
    <Text wrap="truncate-end">
      {line.segments.map((segment, x) => {
        const attributes = attributesOf(segment.style, color);
        const marked = from !== undefined && to !== undefined && x >= from && x <= to;
        const inverse = marked && !!segment.style.quote;
        const at = offset;
        offset += segment.text.length;
        const { link } = segment.style;
        const linked = (text: string) => (link ? hyperlink(text, link) : text);
        if (!matches?.some((match) => match.start < offset && match.end > at)) {
          return (
            <Text key={x} {...attributes} inverse={inverse}>
              {linked(segment.text)}
            </Text>
          );
        }
        return (
          <Text key={x} {...attributes} inverse={inverse}>
            {markPieces(segment.text, matches, current, at).map((piece, k) =>
              piece.mark ? (
                <Text key={k} {...matchLook(piece.mark, 'reader', color)}>
                  {linked(piece.text)}
                </Text>
              ) : (
                linked(piece.text)
              ),
            )}
          </Text>
        );
      })}
    </Text>
  );
});
