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
import { styledText } from '../styled-text.js';

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
  // Each row is one styled string, built here once: a piece of its own (a React element, an Ink node)
  // for each part and each match would be styled again on every frame.
  const dim = { dimColor: !selected };
  const markers = styledText(row.markers, {
    color: color === 'light' ? 'blue' : color ? 'cyan' : undefined,
  });
  const line = `${markers}${styledText(row.date, dim)}${marked(row.title, titleRanges, color)}${styledText(`${row.by}${row.time}`, dim)}`;
  return (
    <>
      <Text wrap="truncate-end" inverse={selected} bold={selected}>
        {line}
      </Text>
      {snippet && (
        <Text wrap="truncate-end" dimColor>
          {' '.repeat(indent) + marked(snippet.text, snippet.ranges, color)}
        </Text>
      )}
    </>
  );
});

/** `text` with the characters of `ranges` styled as matches. */
function marked(text: string, ranges: TextRange[], color: boolean | 'light'): string {
  if (ranges.length === 0) return text;
  let styled = '';
  for (const piece of markPieces(text, ranges)) {
    styled += piece.mark
      ? styledText(piece.text, matchLook(piece.mark, 'list', color))
      : piece.text;
  }
  return styled;
}
