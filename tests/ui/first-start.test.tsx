// A first start with no cache: the reader opens before the library is read, and the list fills in
// batches, the header saying how far it got and the selection staying on its article.
import { describe, expect, it } from 'vitest';
import type { ArticleMeta } from '../../src/core/article.js';
import { readerPage } from '../../src/ui/article-pages.js';
import { App } from '../../src/ui/App.js';
import { makeArticle } from '../helpers/articles.js';
import { inkApps, plain, sleep } from '../helpers/ink-app.js';

const all = ['2024-03-03', '2024-02-02', '2024-01-01'].map((date, k) =>
  makeArticle({ id: `a${k}`, title: `Article ${k}`, date }),
);
type Library = { articles: readonly ArticleMeta[]; warnings: [] };
type OnProgress = (library: Library, done: number, total: number) => void;

const { mount } = inkApps();

async function until(screen: () => string, text: string) {
  const deadline = Date.now() + 2000;
  while (!screen().includes(text) && Date.now() < deadline) await sleep(5);
  expect(screen()).toContain(text);
}

describe('a first start, the library read in batches', () => {
  it('shows progress, then each batch, the selection on the same article, then the whole', async () => {
    let report: OnProgress | undefined;
    let finish: (library: Library) => void = () => {};
    const revalidate = (onProgress?: OnProgress) => {
      report = onProgress!;
      return new Promise<Library>((resolve) => (finish = resolve));
    };
    const { lastFrame, stdin } = mount(
      <App
        articles={[]}
        warnings={[]}
        color={false}
        openLink={async () => ''}
        paginate={readerPage}
        revalidate={revalidate}
        indexing
      />,
    );
    const screen = () => plain(lastFrame());
    await until(screen, 'indexing…');
    expect(screen()).toContain('Reading the library…');
    expect(screen()).not.toContain('No articles yet');

    // revalidate is called a moment after the first frame.
    while (!report) await sleep(5);
    report({ articles: [all[1]!], warnings: [] }, 1, 3);
    await until(screen, 'indexing 1 of 3');
    expect(screen()).toContain('Article 1');

    report!({ articles: [all[1]!, all[2]!], warnings: [] }, 2, 3);
    await until(screen, 'indexing 2 of 3');
    stdin.write('j');
    await until(screen, '2/2');

    finish({ articles: all, warnings: [] });
    await until(screen, '3 articles');
    expect(screen()).not.toContain('indexing');
    expect(screen()).toContain('Article 0');
    // Still on Article 2, which moved down a row as a newer one arrived.
    expect(screen()).toContain('3/3');
  });
});
