// One article: the lines in view of its page, centred, and a footer with how far the reader has got, or
// the find field while it is open.
import { Box } from 'ink';
import { matchesByLine, pieceOn } from '../../core/find-in-page.js';
import { markedSegments, progress, type Page } from '../../core/page.js';
import { Footer } from '../components/Footer.js';
import { FieldLine } from '../components/FieldLine.js';
import { StatusLine } from '../components/StatusLine.js';
import { StyledLine } from '../components/StyledLine.js';
import { findingDone, matchesOf } from '../find-state.js';
import { keyHints } from '../keymap.js';
import { hasReaderHeader } from '../geometry.js';
import { hasBars, readerHeight, type AppState } from '../state.js';

interface Props {
  state: AppState;
  page: Page;
  /** The palette: false under NO_COLOR or the mono theme. */
  color: boolean | 'light';
}

export function ReaderScreen({ state, page, color }: Props) {
  const { size, top, mark, find } = state;
  const height = readerHeight(size);
  const article = state.shown[state.selected]!;
  const star = state.user.bookmarks.has(article.id) ? '★' : '';
  const marked = mark === null ? undefined : page.quotes[mark];
  const { percent, minutesLeft } = progress(top, height, page.lines.length, article.readingMinutes);
  const matches = matchesOf(find, page);
  const byLine = matchesByLine(matches);
  const current = find ? matches[find.current] : undefined;
  let found = '';
  if (find && find.needle.words.length > 0) {
    // A long page is searched in steps: the count goes up until all of it is searched.
    const done = findingDone(find, page);
    const more = done ? '' : '…';
    if (matches.length === 0) found = done ? 'no match' : 'finding…';
    else if (find.current < 0) found = `${matches.length} found${more}`;
    else found = `match ${find.current + 1}/${matches.length}${more}`;
  }
  // How far is unknown until the whole article is wrapped, a moment after its first lines are drawn.
  const facts = page.complete
    ? [
        found,
        marked ? `quotation ${mark! + 1}/${page.quotes.length}` : '',
        `${percent}%`,
        minutesLeft > 0 ? `${minutesLeft} min left` : '',
      ]
    : [wrapping(page.wrapped?.characters ?? 0, page.wrapped?.of ?? 0)];
  let footer = null;
  if (find?.field && hasBars('reader', size)) {
    footer = <FieldLine prompt="/" field={find.field} focused right={found} width={size.columns} />;
  } else if (hasBars('reader', size)) {
    footer = (
      <Footer
        state={state}
        hints={keyHints('reader', state.keymap)}
        right={facts.filter(Boolean).join(' · ')}
      />
    );
  }
  // The title stays in view while scrolling, with the source and the bookmark's ★.
  const header = hasReaderHeader(size) && (
    <StatusLine
      left={[article.title, article.source].filter(Boolean).join(' · ')}
      right={star}
      width={size.columns}
      dimLeft
    />
  );
  return (
    <>
      {header}
      <Box flexDirection="column" flexGrow={1} marginLeft={page.indent}>
        {page.lines.slice(top, top + height).map((line, k) => {
          const y = top + k;
          return (
            <StyledLine
              key={y}
              line={line}
              color={color}
              {...markedSegments(marked, y)}
              matches={byLine.get(y)}
              current={pieceOn(current, y)?.start}
            />
          );
        })}
      </Box>
      {footer}
    </>
  );
}

/** How far the wrapping of a long article has got: "wrapping… 1.2 of 4.8 MB". */
function wrapping(done: number, total: number): string {
  const size = (characters: number) =>
    total >= 1024 * 1024
      ? (characters / (1024 * 1024)).toFixed(1)
      : String(Math.round(characters / 1024));
  return `wrapping… ${size(done)} of ${size(total)} ${total >= 1024 * 1024 ? 'MB' : 'KB'}`;
}
