// The article list: a header, the search field while a search is open, the entries in view (the whole
// library or a search's results), and a footer of key hints.
import { Box, Text } from 'ink';
import { sanitizeLine } from '../../core/sanitize.js';
import { FieldLine } from '../components/FieldLine.js';
import { Footer } from '../components/Footer.js';
import { ListEntry } from '../components/ListEntry.js';
import { StatusLine } from '../components/StatusLine.js';
import { hasFieldRow } from '../geometry.js';
import { keyHints } from '../keymap.js';
import { entriesInView, showsSnippets } from '../list-window.js';
import { queryOf } from '../list-search.js';
import { hasBars, type AppState } from '../state.js';
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
  const { articles, shown, hits, search, size, selected, user, view } = state;
  const bars = hasBars('list', size);
  let left = `inkwell · ${VIEW_NAMES[view]} · ${counts(state)}`;
  if (state.indexing) {
    // In place of the counts, which are not known yet.
    const { done, total } = state.indexing;
    const far = total > 0 ? ` ${thousands(done)} of ${thousands(total)}` : '…';
    left = `inkwell · ${VIEW_NAMES[view]} · indexing${far}`;
  }
  if (search && search.shownFor !== null) {
    left = `inkwell · Search · ${search.approximate ? 'about ' : ''}${thousands(search.total)} of ${plural(articles.length, 'article')}`;
  } else if (queryOf(search) !== null && !search?.hint) {
    left = `inkwell · Search · searching ${plural(articles.length, 'article')}…`;
  }
  // Only the entries in view are drawn: a list of 100,000 articles costs what a screenful does.
  const { from, to } = entriesInView(state);
  const hints = search?.editing ? keyHints('field') : keyHints('list', state.keymap);
  return (
    <>
      {bars && (
        <StatusLine
          left={left}
          right={
            shown.length > 0
              ? `${selected + 1}/${search?.shownFor != null ? search.total : shown.length}`
              : ''
          }
          width={size.columns}
        />
      )}
      {search && hasFieldRow(size) && (
        <FieldLine
          prompt="/ "
          field={search.field}
          focused={search.editing}
          right={search.editing ? '' : 'Esc clears'}
          width={size.columns}
        />
      )}
      <Box flexDirection="column" flexGrow={1}>
        {shown.length === 0 && (
          <Text wrap="truncate-end">
            {search ? 'No article matches.' : state.indexing ? 'Reading the library…' : EMPTY[view]}
          </Text>
        )}
        {shown.slice(from, to).map((article, k) => {
          const bookmark = user.bookmarks.get(article.id);
          return (
            <ListEntry
              key={article.id}
              list={hits ? articles : shown}
              article={article}
              width={size.columns}
              unread={!user.read.has(article.id) && !state.missing.has(article.id)}
              bookmarked={bookmark !== undefined}
              day={view === 'bookmarks' && !hits ? bookmark?.bookmarkedAt.slice(0, 10) : undefined}
              selected={from + k === selected}
              hit={hits?.[from + k]}
              snippet={showsSnippets(state)}
              color={color}
            />
          );
        })}
      </Box>
      {bars && (
        <Footer
          state={search?.hint ? { ...state, notice: sanitizeLine(search.hint) } : state}
          hints={hints}
          right=""
        />
      )}
    </>
  );
}

/** The header's counts: the library's articles and unread, the unread, or the bookmarks. */
function counts({ view, articles, user }: AppState): string {
  switch (view) {
    case 'library':
      return `${plural(articles.length, 'article')} · ${thousands(unreadCount(articles, user.read))} unread`;
    case 'unread':
      return `${thousands(unreadCount(articles, user.read))} unread`;
    case 'bookmarks':
      return plural(user.bookmarks.size, 'bookmark');
  }
}

function plural(count: number, word: string): string {
  return `${thousands(count)} ${word}${count === 1 ? '' : 's'}`;
}

/** 100000 → "100,000". toLocaleString would load ICU's number formats (~5 ms) before the first frame. */
function thousands(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+$)/g, ',');
}
