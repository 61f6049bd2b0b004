import { describe, expect, it, vi } from 'vitest';
import { readerPage } from '../../src/ui/article-pages.js';
import { App } from '../../src/ui/App.js';
import { makeArticle, paragraphs } from '../helpers/articles.js';
import { inkApps, plain, sleep, type Rendered } from '../helpers/ink-app.js';

const articles = [
  makeArticle({
    id: 'first',
    title: 'First article',
    source: 'The Daily',
    date: '2024-02-02',
    url: 'https://example.org/first',
    body: paragraphs(30),
  }),
  makeArticle({ id: 'second', title: 'Second article', date: '2024-01-01', body: 'Short body.' }),
];

const { mount } = inkApps();
let current: Rendered | undefined;

function start(openLink = async (url: string) => `Opened ${url}`, color = true) {
  current = mount(
    <App
      articles={articles}
      warnings={[{ path: '/lib/broken.md', message: 'no title in the front matter' }]}
      color={color}
      openLink={openLink}
      paginate={readerPage}
    />,
  );
  const { stdin, lastFrame, frames } = current;
  return {
    /** Sends keys as a terminal would, each once Ink has drawn what the last one did. */
    async press(...keys: string[]) {
      for (const key of keys) {
        const before = frames.length;
        stdin.write(key);
        await settled(frames, before);
      }
    },
    /** The frame as text. */
    screen: () => plain(lastFrame()),
    /** The frame with its styles. */
    styled: () => lastFrame() ?? '',
  };
}

/** Ink draws asynchronously: waits for a new frame (a key that changes nothing draws none), then quiet. */
async function settled(frames: readonly string[], before: number) {
  const deadline = Date.now() + 1000;
  while (frames.length === before && Date.now() < deadline) await sleep(2);
  let seen;
  do {
    seen = frames.length;
    await sleep(15);
  } while (frames.length !== seen);
}

/** A reader's frame without its header row, which always names the article. */
const body = (frame: string) => frame.split('\n').slice(1).join('\n');

const DOWN = '\x1b[B';
const ESC = '\x1b';

describe('App', () => {
  it('lists the articles newest first, with the selection and the counts', () => {
    const { screen } = start();
    const lines = screen().split('\n');
    expect(lines[0]).toMatch(/^inkwell · Library · 2 articles · 2 unread +1\/2$/);
    expect(lines[1]).toContain('First article');
    expect(lines[2]).toContain('Second article');
    expect(screen().split('\n')[22]).toMatch(/^w: 1 file skipped {2}q quit {2}\? keys/);
    expect(lines).toHaveLength(23);
  });

  it('draws only the rows in view of a long list, and counts in thousands', async () => {
    const many = Array.from({ length: 1234 }, (_, k) =>
      makeArticle({ id: `n${k}`, title: `No. ${k}` }),
    );
    current = mount(
      <App
        articles={many}
        warnings={[]}
        color={true}
        openLink={async () => ''}
        paginate={readerPage}
      />,
    );
    const lines = plain(current.lastFrame()).split('\n');
    expect(lines[0]).toMatch(/^inkwell · Library · 1,234 articles · 1,234 unread +1\/1234$/);
    expect(lines.filter((line) => line.includes('No. '))).toHaveLength(21);
  });

  it('draws the first lines of a long article at once, and the rest right after', async () => {
    const long = makeArticle({ id: 'long', title: 'Long one', body: paragraphs(800) });
    current = mount(
      <App
        articles={[long]}
        warnings={[]}
        color={true}
        openLink={async () => ''}
        paginate={readerPage}
      />,
    );
    current.stdin.write('\r');
    await vi.waitFor(() => expect(current!.frames.join('')).toContain('Paragraph 0'));
    expect(
      current.frames.some((frame) =>
        /wrapping… \d+ of \d+ KB\s*$/.test(frame.replace(/\x1b\[[0-9;]*m/g, '')),
      ),
    ).toBe(true);
    await vi.waitFor(() => expect(current!.lastFrame()).toMatch(/\d+%/));
  });

  it('moves with j and arrows, opens with Enter, goes back with q', async () => {
    const { press, screen } = start();
    await press('j');
    expect(screen().split('\n')[0]).toMatch(/2\/2$/);
    await press('k', DOWN, '\r');
    expect(screen()).toContain('Short body.');
    expect(screen()).toContain('100%');
    await press('q');
    expect(screen()).toContain('1 unread');
    expect(screen().split('\n')[0]).toMatch(/2\/2$/);
  });

  it('pages through an article to 100%, and back with Esc', async () => {
    const { press, screen } = start();
    await press('\r');
    expect(screen()).toContain('First article');
    expect(screen()).not.toContain('100%');
    await press('G');
    expect(screen()).toContain('100%');
    expect(screen()).toContain('Paragraph 29');
    await press('g');
    expect(screen()).toContain('First article');
    await press(' ');
    // The header row keeps the title in view: the article's own lines are below it.
    expect(body(screen())).not.toContain('First article');
    await press(ESC);
    expect(screen()).toContain('2 articles · 1 unread');
  });

  it('jumps to quotations and marks them', async () => {
    const { press, screen, styled } = start();
    await press('\r', '"');
    expect(screen()).toContain('quotation 1/10');
    // The mark is drawn inverse.
    expect(styled()).toMatch(/\x1b\[(?:[0-9;]*;)?7m[^\n]*“quotation number 1/);
    await press('"', '"');
    expect(screen()).toContain('quotation 3/10');
    await press("'");
    expect(screen()).toContain('quotation 2/10');
  });

  it('tells quotations, headings and the selection apart without colour', async () => {
    const { press, styled } = start(undefined, false);
    const colours = /\x1b\[(?:[0-9;]*;)?(?:3[0-7]|9[0-7]|38;[0-9;]+)m/;
    expect(styled()).toMatch(/\x1b\[(?:[0-9;]*;)?7m[^\n]*First article/);
    await press('\r', '"');
    // Italic and underlined: emphasis is italic alone.
    expect(styled()).toContain('\x1b[4m\x1b[3m“quotation number 4');
    expect(styled()).toMatch(/\x1b\[(?:[0-9;]*;)?7m[^\n]*“quotation number 1/);
    expect(styled()).not.toMatch(colours);
  });

  it('steps to the next article with ] and back with [', async () => {
    const { press, screen } = start();
    await press('\r', ']');
    expect(screen()).toContain('Short body.');
    await press('[');
    expect(screen()).toContain('Paragraph 0');
    await press('[');
    expect(screen()).toContain('This is the newest article.');
  });

  it('shows every key of the screen on ?, and any key closes it', async () => {
    const { press, screen } = start();
    await press('?');
    expect(screen()).toContain('Keys: the list');
    expect(screen()).toContain('read the article');
    await press('x');
    expect(screen()).toContain('First article');
    await press('\r', '?');
    expect(screen()).toContain('next quotation');
    expect(screen()).toContain('half a page down');
  });

  it('lists the skipped files on w', async () => {
    const { press, screen } = start();
    await press('w');
    expect(screen()).toContain('Skipped 1 file');
    expect(screen()).toContain('/lib/broken.md: no title in the front matter');
  });

  it('opens the link through the app and shows how it went', async () => {
    const openLink = vi.fn(async (url: string) => `Opened ${url}`);
    const { press, screen } = start(openLink);
    await press('\r', 'o');
    await vi.waitFor(() => expect(screen()).toContain('Opened https://example.org/first'));
    expect(openLink).toHaveBeenCalledTimes(1);
    await press(']', 'o');
    expect(screen()).toContain('This article has no link to open.');
    expect(openLink).toHaveBeenCalledTimes(1);
  });

  it('keeps every key typed fast', async () => {
    const slow = start();
    await slow.press('\r', ...'jjjjjjjjjj');
    const oneByOne = slow.screen();
    current!.unmount();
    const fast = start();
    // A fast typist's keys arrive as one piece of input.
    await fast.press('\rjjjjjjjjjj');
    expect(fast.screen()).toBe(oneByOne);
    expect(body(oneByOne)).not.toContain('First article');
  });
});
