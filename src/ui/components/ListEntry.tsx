// One entry of the list: its row and, for a search result whose body matched, the snippet under it, the
// matched characters marked in both.
import { Text } from 'ink';
import { memo } from 'react';
import type { Article } from '../../core/article.js';
import { listRow } from '../../core/list-rows.js';
import { clipRanges, fitMarked, markPieces, sharedStart } from '../../core/marked-text.js';
import type { TextRange } from '../../core/search/fold.js';
import type { SearchHit } from '../../core/search/types.js';
import { textWidth } from '../../core/text-width.js';
import { matchLook } from '../../core/theme.js';

interface Props {
  /** The whole library: the columns are fitted to it, so they stay put while results change. */
  library: readonly Article[];
  article: Article;
  width: number;
  unread: boolean;
  selected: boolean;
  hit: SearchHit | undefined;
  /** Whether the snippet's row may be drawn, when the hit has one. */
  snippet: boolean;
  color: boolean;
}

export const ListEntry = memo(function ListEntry({
  library,
  article,
  width,
  unread,
  selected,
  hit,
  snippet: withSnippet,
  color,
}: Props) {
  const row = listRow(library, article, width, unread);
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
        <Text color={color ? 'cyan' : undefined}>{row.markers}</Text>
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

function Marked({ text, ranges, color }: { text: string; ranges: TextRange[]; color: boolean }) {
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
