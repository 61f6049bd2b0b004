// One article: the lines in view of its page, centred, and a footer with how far the reader has got.
import { Box } from 'ink';
import { markedSegments, progress, type Page } from '../../core/page.js';
import { Footer } from '../components/Footer.js';
import { StyledLine } from '../components/StyledLine.js';
import { keyHints } from '../keymap.js';
import { hasBars, readerHeight, type AppState } from '../state.js';

interface Props {
  state: AppState;
  page: Page;
  /** The palette: false under NO_COLOR or the mono theme. */
  color: boolean | 'light';
}

export function ReaderScreen({ state, page, color }: Props) {
  const { size, top, mark } = state;
  const height = readerHeight(size);
  const article = state.shown[state.selected]!;
  const star = state.user.bookmarks.has(article.id) ? '★' : '';
  const marked = mark === null ? undefined : page.quotes[mark];
  const { percent, minutesLeft } = progress(top, height, page.lines.length, article.readingMinutes);
  // How far is unknown until the whole article is wrapped, a moment after its first lines are drawn.
  const facts = page.complete
    ? [
        star,
        marked ? `quotation ${mark! + 1}/${page.quotes.length}` : '',
        `${percent}%`,
        minutesLeft > 0 ? `${minutesLeft} min left` : '',
      ]
    : [star, '…'];
  return (
    <>
      <Box flexDirection="column" flexGrow={1} marginLeft={page.indent}>
        {page.lines.slice(top, top + height).map((line, k) => {
          const y = top + k;
          return <StyledLine key={y} line={line} color={color} {...markedSegments(marked, y)} />;
        })}
      </Box>
      {hasBars('reader', size) && (
        <Footer
          state={state}
          hints={keyHints('reader', state.keymap)}
          right={facts.filter(Boolean).join(' · ')}
        />
      )}
    </>
  );
}
