import { describe, expect, it, vi } from 'vitest';
import type { Article, ArticleMeta } from '../../src/core/article.js';
import { readerPage } from '../../src/ui/article-pages.js';
import type { SearchAnswer, Searcher } from '../../src/core/search/types.js';
import type { Library } from '../../src/library/load.js';
import { App, type LibraryWatch } from '../../src/ui/App.js';
import { makeArticle, paragraphs } from '../helpers/articles.js';
import { inkApps, plain } from '../helpers/ink-app.js';

const first = makeArticle({ id: 'first', title: 'First article', date: '2024-03-03' });
const second = makeArticle({
  id: 'second',
  title: 'Second article',
  date: '2024-02-02',
  body: paragraphs(30),
});
const third = makeArticle({ id: 'third', title: 'Third article', date: '2024-01-01' });
const added = makeArticle({ id: 'added', title: 'Added meanwhile', date: '2025-01-01' });

/** A search engine per library: each answers with the titles holding the query, at once. */
function engines() {
  const started: { articles: readonly ArticleMeta[]; asked: string[] }[] = [];
  const startSearcher = (articles: readonly ArticleMeta[]): Searcher => {
    const engine = { articles, asked: [] as string[] };
    started.push(engine);
    return {
      search: async (query: string): Promise<SearchAnswer> => {
        engine.asked.push(query);
        const hits = articles
          .filter((article) => article.title.toLowerCase().includes(query.toLowerCase()))
          .map((article) => ({
            id: article.id,
            score: 1,
            titleRanges: [],
            snippet: null,
            matches: [],
            terms: [],
          }));
        return { ok: true, hits, total: hits.length };
      },
    };
  };
  return { started, startSearcher };
}

/** A watch the test drives: it hands the app a library read again, or a notice. */
function fakeWatch() {
  let send: ((library: Library) => void) | undefined;
  let say: ((text: string) => void) | undefined;
  let stopped = false;
  const watch: LibraryWatch = (onLibrary, onNotice) => {
    send = onLibrary;
    say = onNotice;
    return () => (stopped = true);
  };
  return {
    watch,
    change: (articles: Article[], warnings: Library['warnings'] = []) =>
      send!({ articles, warnings }),
    notice: (text: string) => say!(text),
    stopped: () => stopped,
  };
}

const { mount } = inkApps();

function start() {
  const search = engines();
  const live = fakeWatch();
  const app = mount(
    <App
      articles={[first, second, third]}
      warnings={[]}
      color={false}
      openLink={async () => ''}
      paginate={readerPage}
      startSearcher={search.startSearcher}
      watchLibrary={live.watch}
    />,
  );
  const screen = () => plain(app.lastFrame());
  const until = (test: (screen: string) => boolean) =>
    vi.waitFor(() => {
      if (!test(screen())) throw new Error(`not yet:\n${screen()}`);
    });
  return { app, search, live, screen, until };
}

describe('the library changing while the reader runs', () => {
  it('adds a new article to the list, the selection and the counts following', async () => {
    const { app, live, until } = start();
    app.stdin.write('j');
    await until((screen) => screen.includes('2/3'));
    live.change([added, first, second, third]);
    await until((screen) => screen.includes('Added meanwhile') && screen.includes('3/4'));
    live.change([added, first, third], [{ path: '/library/bad.md', message: 'skipped: no title' }]);
    // The selected article went: its neighbour is selected, and the skipped file is counted.
    await until((screen) => screen.includes('3/3') && screen.includes('1 file skipped'));
  });

  it('asks a new engine about the query shown, and shows its answer', async () => {
    const { app, search, live, until } = start();
    app.stdin.write('/article');
    await until((screen) => screen.includes('3 of 3 articles'));
    app.stdin.write('\r');
    live.change([makeArticle({ id: 'new', title: 'Another article' }), first, second, third]);
    await until((screen) => screen.includes('4 of 4 articles') && screen.includes('Another'));
    expect(search.started).toHaveLength(2);
    expect(search.started[1]!.asked).toEqual(['article']);
  });

  it('keeps the open article open when its file goes, and says so', async () => {
    const { app, live, until } = start();
    app.stdin.write('j\r');
    await until((screen) => screen.includes('Second article') && /\d+%/.test(screen));
    live.change([first, third]);
    await until((screen) => screen.includes('removed from the library'));
    app.stdin.write('q');
    await until((screen) => screen.includes('2/2') && !screen.includes('Second article'));
  });

  it('says what the watch reports, and stops it when the app ends', async () => {
    const { app, live, until } = start();
    await until((screen) => screen.includes('q quit'));
    live.notice('Live updates are off for part of the library.');
    await until((screen) => screen.includes('Live updates are off'));
    app.unmount();
    expect(live.stopped()).toBe(true);
  });
});
