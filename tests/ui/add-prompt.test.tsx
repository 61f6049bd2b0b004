import { describe, expect, it, vi } from 'vitest';
import { readerPage } from '../../src/ui/article-pages.js';
import { App } from '../../src/ui/App.js';
import type { AddSource } from '../../src/ui/state.js';
import { makeArticle } from '../helpers/articles.js';
import { inkApps, plain, sleep, type Rendered } from '../helpers/ink-app.js';

const articles = [
  makeArticle({ id: 'first', title: 'First article', date: '2024-02-02' }),
  makeArticle({ id: 'second', title: 'Second article', date: '2024-01-01' }),
];
const imported = makeArticle({ id: 'imported', title: 'The imported one', date: '2023-06-01' });

const { mount } = inkApps();
let current: Rendered | undefined;

function start(addSource?: AddSource) {
  current = mount(
    <App
      articles={articles}
      warnings={[]}
      color={true}
      openLink={async () => ''}
      paginate={readerPage}
      {...(addSource ? { addSource } : {})}
    />,
  );
  const { stdin, lastFrame } = current;
  return {
    /** Opens the prompt, and waits until its text field is there to take keys. */
    async open() {
      stdin.write('a');
      await vi.waitFor(() => expect(plain(lastFrame())).toContain('path or URL'));
      await sleep(50);
    },
    /** Types into the prompt a key at a time, each its own piece of input, with no pause between. */
    async type(text: string) {
      for (const char of text) stdin.write(char);
      await vi.waitFor(() => expect(plain(lastFrame())).toContain(`> ${text}`));
    },
    async press(...keys: string[]) {
      for (const key of keys) {
        stdin.write(key);
        await sleep(40);
      }
    },
    screen: () => plain(lastFrame()),
  };
}

describe('the a prompt', () => {
  it('imports what is typed, shows progress, and selects the new article', async () => {
    let finish: () => void = () => undefined;
    const addSource = vi.fn<AddSource>(
      (_source, onProgress) =>
        new Promise((resolve) => {
          onProgress('Fetching… 12 KB');
          finish = () =>
            resolve({
              articles: [...articles, imported],
              warnings: [],
              id: 'imported',
              notice: 'Added: The imported one',
            });
        }),
    );
    const { open, type, press, screen } = start(addSource);
    await open();
    expect(screen()).toContain('Add articles: a file, an http(s) address, a feed');
    await type('https://example.org/x');
    await press('\r');
    expect(addSource).toHaveBeenCalledWith('https://example.org/x', expect.any(Function));
    expect(screen()).toContain('Fetching… 12 KB');
    finish();
    await vi.waitFor(() => expect(screen()).toContain('Added: The imported one'));
    const lines = screen().split('\n');
    expect(lines[0]).toMatch(/3 articles.*3\/3$/);
    expect(lines.find((line) => line.includes('The imported one'))).toBeDefined();
  });

  it('Esc closes the prompt and nothing is imported', async () => {
    const addSource = vi.fn<AddSource>();
    const { open, press, screen } = start(addSource);
    await open();
    await press('x', 'y', '\x1b');
    await vi.waitFor(() => expect(screen()).toContain('First article'));
    expect(addSource).not.toHaveBeenCalled();
  });

  it('a failed import says why and keeps the list', async () => {
    const { open, type, press, screen } = start(async () => {
      throw new Error('no such file');
    });
    await open();
    await type('nope.txt');
    await press('\r');
    await vi.waitFor(() => expect(screen()).toContain('Not added: no such file'));
    expect(screen()).toContain('2 articles');
  });

  it('keeps every key typed before the next frame, Enter included', async () => {
    const addSource = vi.fn<AddSource>(async () => ({
      articles,
      warnings: [],
      id: null,
      notice: 'nothing',
    }));
    const { open, screen } = start(addSource);
    await open();
    const address = 'https://example.com/some/long/path/article-name.html';
    for (const char of `${address}\r`) current!.stdin.write(char);
    await vi.waitFor(() => expect(addSource).toHaveBeenCalledWith(address, expect.any(Function)));
    await vi.waitFor(() => expect(screen()).toContain('nothing'));
  });

  it('keeps the cursor within the text: moved past the start, the next key goes first', async () => {
    const { open, type, press, screen } = start();
    await open();
    await type('abc');
    const left = '\x1b[D';
    const right = '\x1b[C';
    await press(left, left, left, left, left, 'x');
    await vi.waitFor(() => expect(screen()).toContain('> xabc'));
    await press(right, right, right, right, right, right, 'y');
    await vi.waitFor(() => expect(screen()).toContain('> xabcy'));
    // Backspace at the start deletes nothing.
    await press(left, left, left, left, left, left, '\x7f', 'z');
    await vi.waitFor(() => expect(screen()).toContain('> zxabcy'));
  });

  it('keys typed into the prompt do not move the list', async () => {
    const { open, type, press, screen } = start(async () => ({
      articles,
      warnings: [],
      id: null,
      notice: 'nothing',
    }));
    await open();
    await type('jjq');
    await press('\x1b');
    await vi.waitFor(() => expect(screen().split('\n')[0]).toMatch(/1\/2$/));
  });
});
