// The article list: a header, one row per article in view, and a footer of key hints.
import { Box, Text } from 'ink';
import { listRow } from '../../core/list-rows.js';
import { Footer } from '../components/Footer.js';
import { StatusLine } from '../components/StatusLine.js';
import { keyHints } from '../keymap.js';
import { hasBars, listHeight, type AppState } from '../state.js';
import { unreadCount, VIEW_NAMES } from '../views.js';

interface Props {
  state: AppState;
  /** False under NO_COLOR or the mono theme; 'light' for the light theme. */
  color: boolean | 'light';
}

const EMPTY = {
  library: 'No articles yet: see inkwell --help for where they go.',
  unread: 'Nothing unread. Tab shows your bookmarks.',
  bookmarks: 'No bookmarks yet: s bookmarks the article selected.',
};

export function ListScreen({ state, color }: Props) {
  const { shown, size, selected, listTop, user, view } = state;
  const bars = hasBars('list', size);
  // Only the rows in view are drawn: a list of 100,000 articles costs what a screenful does.
  const rows = shown.slice(listTop, listTop + listHeight(size));
  return (
    <>
      {bars && (
        <StatusLine
          left={`inkwell · ${VIEW_NAMES[view]} · ${counts(state)}`}
          right={shown.length > 0 ? `${selected + 1}/${shown.length}` : ''}
          width={size.columns}
        />
      )}
      <Box flexDirection="column" flexGrow={1}>
        {shown.length === 0 && <Text wrap="truncate-end">{EMPTY[view]}</Text>}
        {rows.map((article, k) => {
          const bookmark = user.bookmarks.get(article.id);
          const row = listRow(
            shown,
            article,
            size.columns,
            !user.read.has(article.id) && !state.missing.has(article.id),
            bookmark !== undefined,
            view === 'bookmarks' ? bookmark?.bookmarkedAt.slice(0, 10) : undefined,
          );
          const isSelected = listTop + k === selected;
          return (
            <Text key={article.id} wrap="truncate-end" inverse={isSelected} bold={isSelected}>
              <Text color={color === 'light' ? 'blue' : color ? 'cyan' : undefined}>
                {row.markers}
              </Text>
              <Text dimColor={!isSelected}>{row.date}</Text>
              {row.title}
              <Text dimColor={!isSelected}>
                {row.by}
                {row.time}
              </Text>
            </Text>
          );
        })}
      </Box>
      {bars && <Footer state={state} hints={keyHints('list', state.keymap)} right="" />}
    </>
  );
}

/** The header's counts: the library's articles and unread, the unread, or the bookmarks. */
function counts({ view, articles, user }: AppState): string {
  const plural = (count: number, word: string) =>
    `${thousands(count)} ${word}${count === 1 ? '' : 's'}`;
  switch (view) {
    case 'library':
      return `${plural(articles.length, 'article')} · ${thousands(unreadCount(articles, user.read))} unread`;
    case 'unread':
      return `${thousands(unreadCount(articles, user.read))} unread`;
    case 'bookmarks':
      return plural(user.bookmarks.size, 'bookmark');
  }
}

/** 100000 → "100,000". toLocaleString would load ICU's number formats (~5 ms) before the first frame. */
function thousands(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+$)/g, ',');
}
