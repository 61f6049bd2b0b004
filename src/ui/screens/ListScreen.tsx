// The article list: a header, one row per article in view, and a footer of key hints.
import { Box, Text } from 'ink';
import { listRow } from '../../core/list-rows.js';
import { Footer } from '../components/Footer.js';
import { StatusLine } from '../components/StatusLine.js';
import { keyHints } from '../keymap.js';
import { hasBars, listHeight, type AppState } from '../state.js';

interface Props {
  state: AppState;
  color: boolean;
}

export function ListScreen({ state, color }: Props) {
  const { articles, size, selected, listTop, read } = state;
  const bars = hasBars('list', size);
  // Ids are unique, and only ids of listed articles are ever marked read.
  const unread = articles.length - read.size;
  const counts = `${thousands(articles.length)} article${articles.length === 1 ? '' : 's'}`;
  // Only the rows in view are drawn: a list of 100,000 articles costs what a screenful does.
  const rows = articles.slice(listTop, listTop + listHeight(size));
  return (
    <>
      {bars && (
        <StatusLine
          left={`inkwell · Library · ${counts} · ${thousands(unread)} unread`}
          right={articles.length > 0 ? `${selected + 1}/${articles.length}` : ''}
          width={size.columns}
        />
      )}
      <Box flexDirection="column" flexGrow={1}>
        {articles.length === 0 && (
          <Text wrap="truncate-end">No articles yet: see inkwell --help for where they go.</Text>
        )}
        {rows.map((article, k) => {
          const row = listRow(articles, article, size.columns, !read.has(article.id));
          const isSelected = listTop + k === selected;
          return (
            <Text key={article.id} wrap="truncate-end" inverse={isSelected} bold={isSelected}>
              <Text color={color ? 'cyan' : undefined}>{row.markers}</Text>
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
      {bars && <Footer state={state} hints={keyHints('list')} right="" />}
    </>
  );
}

/** 100000 → "100,000". toLocaleString would load ICU's number formats (~5 ms) before the first frame. */
function thousands(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+$)/g, ',');
}
