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

interface Props {
  state: AppState;
  color: boolean;
}

export function ListScreen({ state, color }: Props) {
  const { articles, shown, hits, search, size, selected, read } = state;
  const bars = hasBars('list', size);
  // Ids are unique, and only ids of listed articles are ever marked read.
  const unread = articles.length - read.size;
  let left = `inkwell · Library · ${counted(articles.length)} · ${thousands(unread)} unread`;
  if (search && search.shownFor !== null) {
    left = `inkwell · Search · ${thousands(search.total)} of ${counted(articles.length)}`;
  } else if (queryOf(search) !== null && !search?.hint) {
    left = `inkwell · Search · searching ${counted(articles.length)}…`;
  }
  // Only the entries in view are drawn: a list of 100,000 articles costs what a screenful does.
  const { from, to } = entriesInView(state);
  const hints = keyHints(search?.editing ? 'field' : 'list');
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
        {articles.length === 0 && (
          <Text wrap="truncate-end">No articles yet: see inkwell --help for where they go.</Text>
        )}
        {articles.length > 0 && shown.length === 0 && (
          <Text wrap="truncate-end">No article matches.</Text>
        )}
        {shown.slice(from, to).map((article, k) => (
          <ListEntry
            key={article.id}
            library={articles}
            article={article}
            width={size.columns}
            unread={!read.has(article.id)}
            selected={from + k === selected}
            hit={hits?.[from + k]}
            snippet={showsSnippets(state)}
            color={color}
          />
        ))}
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

function counted(count: number): string {
  return `${thousands(count)} article${count === 1 ? '' : 's'}`;
}

/** 100000 → "100,000". toLocaleString would load ICU's number formats (~5 ms) before the first frame. */
function thousands(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+$)/g, ',');
}
