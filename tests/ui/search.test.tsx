import { describe, expect, it, vi } from 'vitest';
import { readerPage } from '../../src/ui/article-pages.js';
import type { SearchAnswer, Searcher } from '../../src/core/search/types.js';
import { App } from '../../src/ui/App.js';
import { makeArticle, paragraphs } from '../helpers/articles.js';
import { inkApps, plain, sleep, type Rendered } from '../helpers/ink-app.js';
import { hit } from '../helpers/search-hit.js';

const articles = [
  makeArticle({ id: 'first', title: 'First article', date: '2024-03-03', body: paragraphs(10) }),
  makeArticle({
    id: 'port',
    title: 'The Spaceport Report',
    date: '2024-02-02',
    body: `${paragraphs(40)}\n\nAt the spaceport, a second spaceport.`,
  }),
  makeArticle({ id: 'third', title: 'Third article', date: '2024-01-01', body: 'Short body.' }),
];

/** A search engine the test answers for: each question waits until the test answers it. */
class FakeSearcher implements Searcher {
  readonly asked: { query: string; answer: (answer: SearchAnswer) => void }[] = [];
  search(query: string): Promise<SearchAnswer> {
    return new Promise((answer) => this.asked.push({ query, answer }));
  }
  /** Answers the oldest question waiting. */
  answerNext(make: (query: string) => SearchAnswer): string {
    const question = this.asked.shift();
    if (!question) throw new Error('no question waiting');
    question.answer(make(question.query));
    return question.query;
  }
}

/** Answers like an engine that knows one word: "spaceprot" and its beginnings find two articles. */
function spaceAnswer(query: string): SearchAnswer {
  if (!'spaceprot'.startsWith(query.trim())) return { ok: true, hits: [] };
  return {
    ok: true,
    hits: [
      hit('port', { titleRanges: [{ start: 4, end: 13 }], terms: ['spaceport'] }),
      hit('first', { snippet: { text: 'near a spaceport', ranges: [{ start: 7, end: 16 }] } }),
    ],
  };
}

const { mount } = inkApps();
let current: Rendered | undefined;

function start(searcher = new FakeSearcher()) {
  current = mount(
    <App
      articles={articles}
      warnings={[]}
      color={true}
      openLink={async () => ''}
      paginate={readerPage}
      startSearcher={() => searcher}
    />,
  );
  const { stdin, lastFrame } = current;
  const screen = () => plain(lastFrame());
  return {
    searcher,
    stdin,
    screen,
    styled: () => lastFrame() ?? '',
    rows: () => screen().split('\n'),
    /** Waits until the screen shows what `test` expects. */
    until: (test: (screen: string) => boolean) =>
      vi.waitFor(() => {
        if (!test(screen())) throw new Error(`not yet:\n${screen()}`);
      }),
    /** Answers the app's questions as the engine would, until the screen shows what `test` expects. */
    async answerUntil(test: (screen: string) => boolean) {
      await vi.waitFor(() => {
        while (searcher.asked.length > 0) searcher.answerNext(spaceAnswer);
        if (!test(screen())) throw new Error(`not yet:\n${screen()}`);
      });
    },
  };
}

/** The styles switched on right before the first `text` in a frame (chalk leaves out those already on). */
function stylesBefore(frame: string, text: string): string {
  return new RegExp(`((?:\x1b\\[[0-9;]*m)*)${text}`).exec(frame)?.[1] ?? '';
}

const QUERY = 'the quick brown fox jumps over'; // 30 characters
const ESC = '\x1b';

describe('the search field', () => {
  it('keeps every character typed 1 ms apart', async () => {
    const app = start();
    app.stdin.write('/');
    await app.until((screen) => screen.includes('Enter keep'));
    for (const char of QUERY) {
      app.stdin.write(char);
      await sleep(1);
    }
    await app.until((screen) => screen.split('\n')[1]!.startsWith(`/ ${QUERY}`));
    expect(QUERY).toHaveLength(30);
    // The engine was last asked about exactly that query, which finds nothing.
    await app.answerUntil((screen) => screen.includes('0 of 3 articles'));
  });

  it('keeps every character of keys that all land before the next frame', async () => {
    const app = start();
    app.stdin.write('/');
    await app.until((screen) => screen.includes('Enter keep'));
    // Each its own piece of input, with no chance to draw in between.
    for (const char of QUERY) app.stdin.write(char);
    await app.until((screen) => screen.split('\n')[1]!.startsWith(`/ ${QUERY}`));
  });

  it('keeps every character of a paste, and edits it', async () => {
    const app = start();
    app.stdin.write(`/${QUERY}`);
    await app.until((screen) => screen.split('\n')[1]!.startsWith(`/ ${QUERY}`));
    app.stdin.write('\x7f\x7f\x7f');
    await app.until((screen) => screen.split('\n')[1]!.trimEnd() === `/ ${QUERY.slice(0, -3)}`);
  });

  it('narrows the list as answers come, marks the matches, and counts the results', async () => {
    const app = start();
    app.stdin.write('/spaceprot');
    await app.answerUntil((screen) => screen.includes('Search · 2 of 3 articles'));
    const rows = app.rows();
    expect(rows[2]).toContain('The Spaceport Report');
    expect(rows[3]).toContain('First article');
    // The body's match shows under its title, marked.
    expect(rows[4]).toContain('near a spaceport');
    expect(app.screen()).not.toContain('Third article');
    expect(stylesBefore(app.styled(), 'Spaceport')).toContain('\x1b[4m');
    expect(stylesBefore(app.styled(), 'Spaceport')).toContain('\x1b[33m');
    expect(stylesBefore(app.styled(), 'spaceport')).toContain('\x1b[4m');
  });

  it('never shows an older query after a newer one', async () => {
    const app = start();
    app.stdin.write('/s');
    await sleep(20);
    app.stdin.write('z');
    await sleep(20);
    // "s" was asked; "sz" waits until it is answered, then is asked in its place.
    expect(app.searcher.asked.map((question) => question.query)).toEqual(['s']);
    app.searcher.answerNext(spaceAnswer);
    await vi.waitFor(() => expect(app.searcher.asked.map((q) => q.query)).toEqual(['sz']));
    await sleep(20);
    expect(app.screen()).not.toContain('Search · 2 of');
    app.searcher.answerNext(spaceAnswer);
    await app.until((screen) => screen.includes('Search · 0 of 3 articles'));
    expect(app.screen()).toContain('No article matches.');
  });

  it('keeps the results on Enter, moves in them, and Esc brings back the list as it was', async () => {
    const app = start();
    app.stdin.write('j');
    await app.until((screen) => screen.split('\n')[0]!.endsWith('2/3'));
    app.stdin.write('/spaceprot');
    await app.answerUntil((screen) => screen.includes('2 of 3'));
    app.stdin.write('\r');
    await app.until((screen) => screen.includes('Esc clears'));
    app.stdin.write('j');
    await app.until((screen) => screen.split('\n')[0]!.endsWith('2/2'));
    expect(app.rows()[1]).toMatch(/^\/ spaceprot/);
    app.stdin.write(ESC);
    await app.until((screen) => screen.includes('Library · 3 articles'));
    expect(app.rows()[0]).toMatch(/2\/3$/);
    expect(app.screen()).toContain('Third article');
  });

  it('draws only the results in view, two rows for one with a snippet', async () => {
    const many = Array.from({ length: 40 }, (_, k) =>
      makeArticle({ id: `m${k}`, title: `Made ${k}` }),
    );
    const searcher = new FakeSearcher();
    current = mount(
      <App
        articles={many}
        warnings={[]}
        color={true}
        openLink={async () => ''}
        paginate={readerPage}
        startSearcher={() => searcher}
      />,
    );
    current.stdin.write('/made');
    const snippet = { text: 'a snippet of the body', ranges: [{ start: 2, end: 9 }] };
    await vi.waitFor(() => {
      while (searcher.asked.length > 0) {
        searcher.answerNext(() => ({ ok: true, hits: many.map(({ id }) => hit(id, { snippet })) }));
      }
      expect(plain(current!.lastFrame())).toContain('40 of 40');
    });
    const rows = plain(current.lastFrame()).split('\n');
    // 23 rows: the header, the field, 10 results of two rows each, the footer.
    expect(rows).toHaveLength(23);
    expect(rows.filter((row) => row.includes('Made '))).toHaveLength(10);
    expect(rows.filter((row) => row.includes('a snippet'))).toHaveLength(10);
  });

  it('shows the hint of a query the engine cannot read', async () => {
    const app = start();
    app.stdin.write('/author:');
    await vi.waitFor(() => {
      while (app.searcher.asked.length > 0) {
        app.searcher.answerNext(() => ({ ok: false, error: 'author: wants a name' }));
      }
      expect(app.screen()).toContain('author: wants a name');
    });
  });

  it('opens a result at its first match, and n and N step through the matches', async () => {
    const app = start();
    app.stdin.write('/spaceprot');
    await app.answerUntil((screen) => screen.includes('2 of 3'));
    app.stdin.write('\r');
    await app.until((screen) => screen.includes('Esc clears'));
    app.stdin.write('\r');
    await app.until((screen) => screen.includes('match 1/3'));
    // The title's match and two in the body: the first is marked as the current one.
    // Below the header row, which names the article.
    const text = app.styled().split('\n').slice(1).join('\n');
    expect(stylesBefore(text, 'Spaceport')).toContain('\x1b[7m');
    expect(stylesBefore(text, 'Spaceport')).toContain('\x1b[4m');
    app.stdin.write('n');
    await app.until((screen) => screen.includes('match 2/3'));
    expect(app.screen()).toContain('At the spaceport, a second spaceport.');
    app.stdin.write('n');
    await app.until((screen) => screen.includes('match 3/3'));
    app.stdin.write('N');
    await app.until((screen) => screen.includes('match 2/3'));
  });

  it('types a quoted phrase, says when its count is an estimate, and opens at the phrase', async () => {
    const app = start();
    app.stdin.write('/"second spaceport"');
    await vi.waitFor(() => {
      while (app.searcher.asked.length > 0) {
        app.searcher.answerNext((query) =>
          query === '"second spaceport"'
            ? {
                ok: true,
                hits: [hit('port', { terms: ['second spaceport'] })],
                total: 1,
                approximate: true,
              }
            : { ok: true, hits: [] },
        );
      }
      expect(app.screen()).toContain('Search · about 1 of 3 articles');
    });
    expect(app.rows()[1]).toContain('/ "second spaceport"');
    app.stdin.write('\r');
    await app.until((screen) => screen.includes('Esc clears'));
    app.stdin.write('\r');
    // Only where the words stand together: "spaceport" alone (the title, "At the spaceport") is not it.
    await app.until((screen) => screen.includes('match 1/1'));
  });

  it('finds in the article as it is typed, with the field in the footer', async () => {
    const app = start();
    app.stdin.write('j\r');
    await app.until((screen) => screen.includes('%'));
    app.stdin.write('/');
    await app.until((screen) => screen.split('\n').at(-1)!.startsWith('/'));
    app.stdin.write('paragraph 3');
    await app.until((screen) => screen.includes('match 1/11'));
    app.stdin.write('\r');
    await app.until((screen) => /match 1\/11 · \d+%/.test(screen));
    app.stdin.write('N');
    await app.until((screen) => screen.includes('match 11/11'));
    expect(app.screen()).toContain('Paragraph 39');
  });
});
