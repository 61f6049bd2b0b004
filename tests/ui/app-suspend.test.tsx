// Ctrl+Z in the app: it asks the terminal to suspend, and draws its whole frame again once continued.
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { readerPage } from '../../src/ui/article-pages.js';
import { App } from '../../src/ui/App.js';
import { makeArticle } from '../helpers/articles.js';

const articles = [makeArticle({ id: 'a', title: 'An article', body: 'Its text.' })];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `holds()` (Ink draws and runs effects asynchronously); fails after a generous while. */
async function until(holds: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!holds()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(5);
  }
}

let current: ReturnType<typeof render> | undefined;
afterEach(() => {
  current?.unmount();
  current = undefined;
});

describe('suspending the app', () => {
  it('suspends on Ctrl+Z, from the list and from an overlay, and redraws once continued', async () => {
    let suspends = 0;
    const listeners = new Set<() => void>();
    const jobControl = {
      suspend: () => void suspends++,
      onContinue: (listener: () => void) => {
        listeners.add(listener);
        return () => void listeners.delete(listener);
      },
    };
    current = render(
      <App
        articles={articles}
        warnings={[]}
        color={false}
        openLink={async () => ''}
        paginate={readerPage}
        jobControl={jobControl}
      />,
    );
    const { stdin, frames, lastFrame } = current;
    await until(() => listeners.size === 1);
    stdin.write('\x1a');
    await until(() => suspends === 1);
    stdin.write('?');
    await until(() => (lastFrame() ?? '').includes('Keys:'));
    stdin.write('\x1a');
    await until(() => suspends === 2);

    expect(listeners.size).toBe(1);
    const before = frames.length;
    for (const listener of listeners) listener();
    // The same frame, written again whole.
    await until(() => frames.slice(before).some((frame) => frame.includes('Keys:')));
  });
});
