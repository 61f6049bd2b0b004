// Bookmarks, read marks, the lists Tab cycles and key overrides, through real keys into the App, with a
// store that records what it is sent.
import { describe, expect, it } from 'vitest';
import { readerPage } from '../../src/ui/article-pages.js';
import { applyChanges, emptyData, type Change, type UserData } from '../../src/state/data.js';
import { App } from '../../src/ui/App.js';
import type { Action } from '../../src/ui/state.js';
import type { StoreLink } from '../../src/ui/store-link.js';
import { makeArticle, paragraphs } from '../helpers/articles.js';
import { inkApps, plain, sleep, type Rendered } from '../helpers/ink-app.js';

const AT = '2026-11-30T04:00:00.000Z';
const articles = [
  makeArticle({ id: 'a.one', title: 'Alpha', date: '2024-03-03', body: paragraphs(40) }),
  makeArticle({ id: 'b.two', title: 'Bravo', date: '2024-02-02' }),
  makeArticle({ id: 'c.three', title: 'Charlie', date: '2024-01-01' }),
];

const { mount } = inkApps();
let current: Rendered | undefined;

/** A store in memory: records every change sent, and lets a test deliver data as another process would. */
class FakeStore implements StoreLink {
  sent: Change[] = [];
  positions: Change[] = [];
  dispatch: ((action: Action) => void) | undefined;
  /** `initial` is loaded at once; with `later`, only when `load` is called. */
  constructor(
    private readonly initial: UserData = emptyData(),
    private readonly later = false,
  ) {}
  connect(dispatch: (action: Action) => void) {
    this.dispatch = dispatch;
    if (!this.later) this.load();
    return () => undefined;
  }
  load() {
    this.dispatch!({ type: 'stored', data: this.initial, external: true });
  }
  send(changes: readonly Change[]) {
    this.sent.push(...changes);
  }
  notePosition(change: Change) {
    this.positions.push(change);
  }
  flush() {}
}

function start(initial?: UserData, later = false) {
  const store = new FakeStore(initial, later);
  current = mount(
    <App
      articles={articles}
      warnings={[]}
      color={true}
      openLink={async () => ''}
      paginate={readerPage}
      store={store}
      now={() => AT}
    />,
  );
  const { stdin, lastFrame, frames } = current;
  const screen = () => plain(lastFrame());
  return {
    store,
    screen,
    /** The frame as Ink wrote it, escape sequences included. */
    raw: () => lastFrame() ?? '',
    row: (title: string) =>
      screen()
        .split('\n')
        .find((line) => line.includes(title)) ?? '',
    async press(...keys: string[]) {
      for (const key of keys) {
        const before = frames.length;
        stdin.write(key);
        const deadline = Date.now() + 1000;
        while (frames.length === before && Date.now() < deadline) await sleep(2);
        await sleep(20);
      }
    },
  };
}

const bookmark = (id: string, title: string, at = AT): Change => ({
  kind: 'bookmark',
  id,
  bookmark: { title, url: null, bookmarkedAt: at },
});

describe('bookmarks and read marks', () => {
  it('s stars the selected article at once, and again removes it', async () => {
    const app = start();
    await app.press('s');
    expect(app.row('Alpha')).toMatch(/^•★ /);
    expect(app.store.sent).toEqual([bookmark('a.one', 'Alpha')]);
    await app.press('s');
    expect(app.row('Alpha')).toMatch(/^• {2}/);
    expect(app.store.sent.at(-1)).toEqual({ kind: 'bookmark', id: 'a.one', bookmark: null });
  });

  it('s in the reader stars the open article, shown in its header', async () => {
    const app = start();
    await app.press('j', '\r');
    expect(app.screen()).not.toContain('★');
    await app.press('s');
    expect(app.screen().split('\n')[0]).toMatch(/★$/);
    expect(app.screen().split('\n').at(-1)).not.toContain('★');
    await app.press('q');
    expect(app.row('Bravo')).toMatch(/^ ★ /);
  });

  it('opening marks read for good; m toggles it; the header counts from the store', async () => {
    const app = start(applyChanges(emptyData(), [{ kind: 'read', id: 'c.three', at: AT }]));
    await sleep(20);
    expect(app.screen().split('\n')[0]).toContain('3 articles · 2 unread');
    expect(app.row('Charlie')).toMatch(/^ {3}/);
    await app.press('\r');
    expect(app.store.sent).toEqual([{ kind: 'read', id: 'a.one', at: AT }]);
    await app.press('q');
    expect(app.screen().split('\n')[0]).toContain('1 unread');
    await app.press('m');
    expect(app.row('Alpha')).toMatch(/^• /);
    expect(app.store.sent.at(-1)).toEqual({ kind: 'read', id: 'a.one', at: null });
    await app.press('j', 'm');
    expect(app.row('Bravo')).toMatch(/^ {3}/);
  });
});

describe('the lists', () => {
  it('Tab cycles Library, Unread and Bookmarks, each keeping its selection', async () => {
    const app = start(
      applyChanges(emptyData(), [
        { kind: 'read', id: 'b.two', at: AT },
        bookmark('c.three', 'Charlie', '2026-11-01T00:00:00.000Z'),
        bookmark('gone.article', 'A title kept', '2026-11-20T00:00:00.000Z'),
      ]),
    );
    await sleep(20);
    await app.press('j', 'j');
    expect(app.screen().split('\n')[0]).toMatch(/Library · 3 articles · 2 unread +3\/3$/);

    await app.press('\t');
    expect(app.screen().split('\n')[0]).toMatch(/Unread · 2 unread +1\/2$/);
    expect(app.row('Bravo')).toBe('');
    await app.press('j');
    expect(app.screen().split('\n')[0]).toMatch(/2\/2$/);

    await app.press('\t');
    const lines = app.screen().split('\n');
    expect(lines[0]).toMatch(/Bookmarks · 2 bookmarks +1\/2$/);
    // Newest first, dated the day each was made; the one whose article is gone keeps its title.
    expect(lines[1]).toMatch(/^ ★ 2026-11-20 {2}A title kept .*missing/);
    expect(lines[2]).toMatch(/^•★ 2026-11-01 {2}Charlie/);

    await app.press('\r');
    expect(app.screen()).toContain('no longer in the library');
    await app.press('s');
    expect(app.row('A title kept')).toMatch(/^ {3}/);
    expect(app.store.sent.at(-1)).toEqual({ kind: 'bookmark', id: 'gone.article', bookmark: null });

    await app.press('\t');
    expect(app.screen().split('\n')[0]).toMatch(/Library.*3\/3$/);
    await app.press('\t');
    expect(app.screen().split('\n')[0]).toMatch(/Unread.*2\/2$/);
  });

  it('a bookmark made elsewhere shows in the list it belongs to', async () => {
    const app = start(emptyData());
    await app.press('\t', '\t');
    expect(app.screen()).toContain('No bookmarks yet');
    app.store.dispatch!({
      type: 'stored',
      data: applyChanges(emptyData(), [bookmark('b.two', 'Bravo')]),
      external: true,
    });
    await sleep(50);
    expect(app.row('Bravo')).toMatch(/^•★/);
  });
});

describe('positions and settings', () => {
  it('reopens an article where it was left, saying so', async () => {
    const app = start();
    await app.press('\r', ' ', ' ');
    const position = app.store.positions.at(-1);
    expect(position).toMatchObject({ kind: 'position', id: 'a.one' });
    await app.press('q');
    expect(app.store.sent.at(-1)).toMatchObject({ kind: 'position', id: 'a.one' });
    await app.press('\r');
    expect(app.screen()).toMatch(/Resumed at \d+%/);
  });

  it('moves an article opened before the store has loaded to where it was left, and keeps that place', async () => {
    const left: Change = {
      kind: 'position',
      id: 'a.one',
      position: { block: 20, offset: 0, savedAt: AT },
    };
    const app = start(applyChanges(emptyData(), [left]), true);
    await app.press('\r');
    expect(app.screen()).not.toMatch(/Resumed at/);
    // Opened at the top, but that is not news for the store: it would overwrite the place it keeps.
    expect(app.store.positions).toEqual([]);
    app.store.load();
    await sleep(50);
    expect(app.screen()).toMatch(/Resumed at \d+%/);
    expect(app.store.positions.at(-1)).toMatchObject({ id: 'a.one', position: { block: 20 } });
  });

  it('takes key overrides, says once which are bad, and shows the keys in force', async () => {
    const data = applyChanges(emptyData(), [
      { kind: 'setting', settings: { keys: { bookmark: ['x'], nope: ['y'] } } },
    ]);
    const app = start(data);
    await sleep(20);
    expect(app.screen()).toContain('keys.nope: no such command');
    await app.press('x');
    expect(app.row('Alpha')).toMatch(/^•★/);
    await app.press('s');
    expect(app.row('Alpha')).toMatch(/^•★/);
    await app.press('?');
    expect(app.screen()).toMatch(/x +bookmark the article/);
    await app.press('q', 'j');
    expect(app.screen()).not.toContain('keys.nope');
  });

  it('wraps to the measure set', async () => {
    const data = applyChanges(emptyData(), [{ kind: 'setting', settings: { measure: 40 } }]);
    const app = start(data);
    await sleep(20);
    await app.press('\r');
    const widest = Math.max(
      ...app
        .screen()
        .split('\n')
        .slice(0, -1)
        .map((line) => line.trim().length),
    );
    expect(widest).toBeLessThanOrEqual(40);
    expect(widest).toBeGreaterThan(30);
  });
});

describe('untrusted text from the config file', () => {
  it('never reaches the terminal raw: saved titles and bad overrides are sanitized', async () => {
    const data = applyChanges(emptyData(), [
      bookmark('gone', 'evil\x1b]0;owned\x07 title\x1b[2J'),
      { kind: 'setting', settings: { keys: { 'bad\x1b[31m': ['x'] } } },
    ]);
    const app = start(data);
    await sleep(20);
    expect(app.raw()).not.toMatch(/\x1b\]|\x1b\[2J|\x1b\[31m/);
    expect(app.screen()).toContain('keys.bad');
    await app.press('\t', '\t');
    expect(app.screen()).toContain('evil');
    expect(app.raw()).not.toMatch(/\x1b\]|\x1b\[2J|\x07/);
  });
});
