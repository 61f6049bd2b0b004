// Ctrl+Z in the app: it asks the terminal to suspend, and draws its whole frame again once continued.
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { pageOf } from '../../src/core/paginate.js';
import { App } from '../../src/ui/App.js';
import { makeArticle } from '../helpers/articles.js';

const articles = [makeArticle({ id: 'a', title: 'An article', body: 'Its text.' })];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
        paginate={pageOf}
        jobControl={jobControl}
      />,
    );
    const { stdin, frames, lastFrame } = current;
    await sleep(50);
    stdin.write('\x1a');
    await sleep(50);
    expect(suspends).toBe(1);
    stdin.write('?');
    await sleep(50);
    expect(lastFrame()).toContain('Keys:');
    stdin.write('\x1a');
    await sleep(50);
    expect(suspends).toBe(2);

    expect(listeners.size).toBe(1);
    const before = frames.length;
    for (const listener of listeners) listener();
    await sleep(50);
    // The same frame, written again whole.
    expect(frames.length).toBeGreaterThan(before);
    expect(frames.at(-1)).toContain('Keys:');
  });
});
