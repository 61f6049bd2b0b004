// One entry of the list: its row and, for a search result whose body matched, the snippet under it, the
// matched characters marked in both.
import { Text } from 'ink';
import { memo } from 'react';
import type { ArticleMeta } from '../../core/article.js';
import { listRow } from '../../core/list-rows.js';
import { clipRanges, fitMarked, markPieces, sharedStart } from '../../core/marked-text.js';
import type { TextRange } from '../../core/search/fold.js';
import type { SearchHit } from '../../core/search/types.js';
import { textWidth } from '../../core/text-width.js';
import { matchLook } from '../../core/theme.js';

interface Props {
  /** The list the columns are fitted to: the whole library for results, so they stay put as results change. */
  list: readonly ArticleMeta[];
  article: ArticleMeta;
  width: number;
  unread: boolean;
  bookmarked: boolean;
  /** A day shown in the date's place (when the bookmark was made, in the bookmarks list). */
  day: string | undefined;
  selected: boolean;
  hit: SearchHit | undefined;
  /** Whether the snippet's row may be drawn, when the hit has one. */
  snippet: boolean;
  /** False under NO_COLOR or the mono theme; 'light' for the light theme. */
  color: boolean | 'light';
}

export const ListEntry = memo(function ListEntry({
  list,
  article,
  width,
  unread,
  bookmarked,
  day,
  selected,
  hit,
  snippet: withSnippet,
  color,
}: Props) {
  const row = listRow(list, article, width, unread, bookmarked, day);
  // The title cell may be cut short: only the ranges of what is left of the title are marked.
  const titleRanges = hit ? clipRanges(hit.titleRanges, sharedStart(row.title, article.title)) : [];
  const indent = textWidth(row.markers) + textWidth(row.date);
  const snippet =
    withSnippet && hit?.snippet
      ? fitMarked(hit.snippet.text, hit.snippet.ranges, width - indent)
      : undefined;
  return (
    <>
      <Text wrap="truncate-end" inverse={selected} bold={selected}>
        <Text color={color === 'light' ? 'blue' : color ? 'cyan' : undefined}>{row.markers}</Text>
        <Text dimColor={!selected}>{row.date}</Text>
        <Marked text={row.title} ranges={titleRanges} color={color} />
        <Text dimColor={!selected}>
          {row.by}
          {row.time}
        </Text>
      </Text>
      {snippet && (
        <Text wrap="truncate-end" dimColor>
          {' '.repeat(indent)}
          <Marked text={snippet.text} ranges={snippet.ranges} color={color} />
        </Text>
      )}
    </>
  );
});

interface MarkedProps {
  text: string;
  ranges: TextRange[];
  color: boolean | 'light';
}

function Marked({ text, ranges, color }: MarkedProps) {
  if (ranges.length === 0) return <>{text}</>;
  return (
    <>
      {markPieces(text, ranges).map((piece, k) =>
        piece.mark ? (
          <Text key={k} {...matchLook(piece.mark, 'list', color)}>
            {piece.text}
          </Text>
        ) : (
          piece.text
        ),
      )}
    </>
  );
}
