import { describe, expect, it } from 'vitest';
import { pageOf } from '../../src/core/paginate.js';
import { readerPage } from '../../src/ui/article-pages.js';
import type { Command } from '../../src/ui/keymap.js';
import {
  currentPage,
  initialState,
  listHeight,
  readerHeight,
  reduce,
  type Action,
  type AppState,
} from '../../src/ui/state.js';
import { makeArticle, paragraphs } from '../helpers/articles.js';

const SIZE = { columns: 80, rows: 24 };
const articles = Array.from({ length: 50 }, (_, k) =>
  makeArticle({ id: `a${k}`, body: paragraphs(40), url: `https://example.org/${k}` }),
);

function after(state: AppState, ...steps: (Command | Action)[]): AppState {
  return steps.reduce<AppState>(
    (current, step) =>
      reduce(current, typeof step === 'string' ? { type: 'command', command: step } : step),
    state,
  );
}

const start = initialState(articles, [], SIZE, readerPage);
const reading = after(start, 'open');

describe('the list', () => {
  it('moves the selection and keeps it in view', () => {
    expect(after(start, 'down', 'down', 'up').selected).toBe(1);
    expect(after(start, 'up').selected).toBe(0);
    const paged = after(start, 'pageDown');
    expect(paged.selected).toBe(listHeight(SIZE));
    expect(paged.listTop).toBe(1);
    const last = after(start, 'last');
    expect(last.selected).toBe(49);
    expect(last.listTop).toBe(50 - listHeight(SIZE));
    expect(after(last, 'first')).toMatchObject({ selected: 0, listTop: 0 });
    expect(after(last, 'down').selected).toBe(49);
  });

  it('opens the selected article and marks it read', () => {
    const opened = after(start, 'down', 'open');
    expect(opened).toMatchObject({ screen: 'reader', selected: 1, top: 0 });
    expect(opened.user.read.has('a1')).toBe(true);
    expect(after(opened, 'back')).toMatchObject({ screen: 'list', selected: 1 });
  });

  it('quits on Ctrl+C even when more keys follow it at once', () => {
    const quitting = after(
      reading,
      { type: 'key', name: 'ctrl+c' },
      { type: 'key', name: 'q' },
      { type: 'key', name: 'j' },
    );
    expect(quitting.request).toEqual({ kind: 'quit' });
    expect(quitting.screen).toBe('reader');
  });

  it('quits on q, and on Ctrl+C from anywhere', () => {
    expect(reduce(start, { type: 'key', name: 'q' }).request).toEqual({ kind: 'quit' });
    expect(reduce(reading, { type: 'key', name: 'q' }).screen).toBe('list');
    expect(reduce(reading, { type: 'key', name: 'ctrl+c' }).request).toEqual({ kind: 'quit' });
  });

  it('opens nothing in an empty library', () => {
    const empty = initialState([], [], SIZE, readerPage);
    expect(after(empty, 'open', 'down', 'last')).toMatchObject({ screen: 'list', selected: 0 });
  });
});

describe('the reader', () => {
  const page = pageOf(articles[0]!, SIZE.columns);
  const height = readerHeight(SIZE);
  const end = page.lines.length - height;

  it('scrolls by lines, pages and half pages, within the article', () => {
    expect(after(reading, 'down', 'down').top).toBe(2);
    expect(after(reading, 'up').top).toBe(0);
    expect(after(reading, 'pageDown').top).toBe(height - 1);
    expect(after(reading, 'pageDown', 'pageUp').top).toBe(0);
    expect(after(reading, 'halfDown').top).toBe(Math.ceil(height / 2));
    expect(after(reading, 'last').top).toBe(end);
    expect(after(reading, 'last', 'down', 'pageDown').top).toBe(end);
    expect(after(reading, 'last', 'first').top).toBe(0);
  });

  it('steps to the next and previous article, from the top', () => {
    const next = after(reading, 'pageDown', 'nextArticle');
    expect(next).toMatchObject({ selected: 1, top: 0, screen: 'reader' });
    expect(after(next, 'previousArticle').selected).toBe(0);
    expect(after(reading, 'previousArticle')).toMatchObject({
      selected: 0,
      notice: 'This is the newest article.',
    });
  });

  it('jumps from quotation to quotation, scrolling each into view', () => {
    expect(page.quotes.length).toBeGreaterThan(5);
    let state = reading;
    for (let k = 0; k < page.quotes.length; k++) {
      state = after(state, 'nextQuote');
      expect(state.mark).toBe(k);
      const line = page.quotes[k]!.line;
      expect(line).toBeGreaterThanOrEqual(state.top);
      expect(line).toBeLessThan(state.top + height);
    }
    expect(after(state, 'nextQuote').notice).toBe('No more quotations below.');
    expect(after(state, 'previousQuote').mark).toBe(page.quotes.length - 2);
  });

  it('starts quotation jumps from the view when the mark has scrolled away', () => {
    const marked = after(reading, 'nextQuote');
    const away = after(marked, 'last');
    const next = after(away, 'previousQuote');
    expect(page.quotes[next.mark!]!.line).toBeLessThan(away.top);
  });

  it('says when an article has no quotations', () => {
    const plain = initialState(
      [makeArticle({ id: 'p', body: 'No quotes here.' })],
      [],
      SIZE,
      readerPage,
    );
    expect(after(plain, 'open', 'nextQuote').notice).toBe('No quotations in this article.');
  });

  it('asks to open only web links', () => {
    expect(after(reading, 'openLink').request).toEqual({
      kind: 'openLink',
      url: 'https://example.org/0',
    });
    const local = initialState(
      [makeArticle({ id: 'f', url: 'file:///etc/passwd' })],
      [],
      SIZE,
      readerPage,
    );
    expect(after(local, 'open', 'openLink')).toMatchObject({
      request: null,
      notice: 'Only http and https links are opened.',
    });
    const none = initialState([makeArticle({ id: 'n' })], [], SIZE, readerPage);
    expect(after(none, 'open', 'openLink').notice).toBe('This article has no link to open.');
  });

  it('clears a notice with the next key', () => {
    const noticed = after(reading, 'previousArticle');
    expect(after(noticed, 'down').notice).toBeNull();
  });
});

describe('before the pages have loaded', () => {
  it('holds keys back, then handles them in order; Ctrl+C never waits', () => {
    const early = initialState(articles, [], SIZE);
    const held = after(
      early,
      { type: 'key', name: 'j' },
      { type: 'key', name: 'enter' },
      { type: 'key', name: 'j' },
    );
    expect(held).toMatchObject({ selected: 0, screen: 'list', heldKeys: ['j', 'enter', 'j'] });
    expect(reduce(held, { type: 'key', name: 'ctrl+c' }).request).toEqual({ kind: 'quit' });
    const ready = reduce(held, { type: 'ready', paginate: readerPage });
    expect(ready).toMatchObject({ selected: 1, screen: 'reader', top: 1, heldKeys: [] });
  });
});

describe('overlays', () => {
  it('opens help over either screen; j scrolls it, any other key closes it, doing nothing else', () => {
    const help = after(reading, 'help');
    expect(help.overlay).toBe('help');
    const small = reduce(help, { type: 'resize', size: { columns: 80, rows: 8 } });
    const scrolled = reduce(small, { type: 'key', name: 'j' });
    expect(scrolled).toMatchObject({ overlay: 'help', overlayView: { top: 1 }, top: 0 });
    const back = reduce(scrolled, { type: 'key', name: 'k' });
    expect(back.overlayView.top).toBe(0);
    const closed = reduce(scrolled, { type: 'key', name: 'x' });
    expect(closed).toMatchObject({ overlay: null, top: 0, screen: 'reader' });
    expect(after(start, 'warnings').overlay).toBe('warnings');
  });

  it('lists the links on L; a number or Enter opens one, any other key closes', () => {
    const linked = makeArticle({
      id: 'linked',
      title: 'Linked',
      body: Array.from(
        { length: 12 },
        (_, k) => `Link [number ${k + 1}](https://example.org/${k + 1}).`,
      ).join('\n\n'),
    });
    const state = initialState([linked], [], { columns: 80, rows: 10 }, readerPage);
    const open = after(state, 'open', 'links');
    expect(open.overlay).toBe('links');
    // "1" could begin "12": it waits; "12" opens at once.
    const one = reduce(open, { type: 'key', name: '1' });
    expect(one).toMatchObject({ overlay: 'links', overlayView: { selected: 0, digits: '1' } });
    expect(reduce(one, { type: 'key', name: '2' })).toMatchObject({
      overlay: null,
      request: { kind: 'openLink', url: 'https://example.org/12' },
    });
    expect(reduce(one, { type: 'key', name: 'enter' }).request).toEqual({
      kind: 'openLink',
      url: 'https://example.org/1',
    });
    // j chooses the next, and the list scrolls to keep it in view.
    let moved = open;
    for (let k = 0; k < 9; k++) moved = reduce(moved, { type: 'key', name: 'j' });
    expect(moved.overlayView.selected).toBe(9);
    expect(moved.overlayView.top).toBeGreaterThan(0);
    expect(reduce(moved, { type: 'key', name: 'enter' }).request).toEqual({
      kind: 'openLink',
      url: 'https://example.org/10',
    });
    expect(reduce(open, { type: 'key', name: 'x' })).toMatchObject({
      overlay: null,
      request: null,
    });
  });

  it('quits on Ctrl+C over an overlay', () => {
    const help = after(start, 'help');
    expect(reduce(help, { type: 'key', name: 'ctrl+c' }).request).toEqual({ kind: 'quit' });
    expect(reduce(help, { type: 'key', name: 'other' }).overlay).toBeNull();
  });
});

describe('resizing', () => {
  it('keeps the paragraph at the top in view', () => {
    const scrolled = after(reading, 'pageDown', 'pageDown', 'down');
    const before = pageOf(articles[0]!, 80).lines[scrolled.top]!.block;
    const narrow = reduce(scrolled, { type: 'resize', size: { columns: 40, rows: 20 } });
    const lines = currentPage(narrow)!.lines;
    const inView = lines.slice(narrow.top, narrow.top + readerHeight(narrow.size));
    expect(inView.map((line) => line.block)).toContain(before);
  });

  it('keeps the list selection in view on a shorter terminal', () => {
    const low = after(start, 'pageDown', { type: 'resize', size: { columns: 80, rows: 6 } });
    expect(low.selected).toBeGreaterThanOrEqual(low.listTop);
    expect(low.selected).toBeLessThan(low.listTop + listHeight(low.size));
  });

  it('fills the list again when the terminal grows', () => {
    const low = after(start, 'last', { type: 'resize', size: { columns: 80, rows: 6 } });
    const tall = reduce(low, { type: 'resize', size: { columns: 80, rows: 40 } });
    expect(tall.listTop).toBe(50 - listHeight(tall.size));
    expect(tall.selected).toBe(49);
  });

  it('never scrolls past the end after growing', () => {
    const end = after(reading, 'last', { type: 'resize', size: { columns: 80, rows: 60 } });
    expect(end.top).toBe(Math.max(0, currentPage(end)!.lines.length - readerHeight(end.size)));
  });

  it('keeps rows − 1 and at least one row of content on tiny terminals', () => {
    for (const rows of [1, 2, 3, 6]) {
      const size = { columns: 20, rows };
      expect(listHeight(size)).toBeGreaterThanOrEqual(1);
      expect(readerHeight(size)).toBeGreaterThanOrEqual(1);
      expect(listHeight(size)).toBeLessThanOrEqual(Math.max(1, rows - 1));
    }
  });
});

describe('counts before a key, as in less and vim', () => {
  const keys = (state: AppState, ...names: string[]) =>
    names.reduce((current, name) => reduce(current, { type: 'key', name }), state);
  const lines = pageOf(articles[0]!, SIZE.columns).lines.length;
  const height = readerHeight(SIZE);

  it.each([
    { name: '5j moves five rows', typed: ['5', 'j'], selected: 5 },
    { name: '12G selects the 12th row', typed: ['1', '2', 'G'], selected: 11 },
    { name: '3g does the same as 3G', typed: ['3', 'g'], selected: 2 },
    { name: '50% goes halfway down the list', typed: ['5', '0', '%'], selected: 24 },
    { name: '100p goes to the end', typed: ['1', '0', '0', 'p'], selected: 49 },
    { name: '999j stops at the last row', typed: ['9', '9', '9', 'j'], selected: 49 },
    { name: 'Esc cancels the count', typed: ['7', 'escape', 'j'], selected: 1 },
    { name: 'a key without a count moves once', typed: ['j', 'j'], selected: 2 },
  ])('in the list, $name', ({ typed, selected }) => {
    const after = keys(start, ...typed);
    expect(after.selected).toBe(selected);
    expect(after.count).toBe('');
  });

  it('keeps the count, shown in the footer, until its key comes', () => {
    expect(keys(start, '4', '2').count).toBe('42');
    expect(keys(start, '0').count).toBe('');
  });

  it.each([
    { name: '5j scrolls five lines', typed: ['5', 'j'], top: 5 },
    { name: '3 Space pages three times', typed: ['3', 'space'], top: 3 * (height - 1) },
    { name: '12G puts line 12 at the top', typed: ['1', '2', 'G'], top: 11 },
    { name: '10k after 20j comes back ten', typed: ['2', '0', 'j', '1', '0', 'k'], top: 10 },
  ])('in the reader, $name', ({ typed, top }) => {
    expect(keys(reading, ...typed).top).toBe(top);
  });

  it('in the reader, 50% goes halfway into the article', () => {
    expect(keys(reading, '5', '0', '%').top).toBe(Math.floor((lines - 1) / 2));
  });
});

describe('the library checked after the first frame', () => {
  const warnings = [{ path: '/library/x.md', message: 'skipped: no front matter' }];
  it('remakes the list, the selection staying on the same article', () => {
    const selected = after(start, 'down', 'down');
    const fresh = [makeArticle({ id: 'new', date: '2999-01-01' }), ...articles.slice(1)];
    const next = reduce(selected, { type: 'library', articles: fresh, warnings });
    expect(next.shown.map((a) => a.id).slice(0, 2)).toEqual(['new', 'a1']);
    expect(next.shown[next.selected]!.id).toBe('a2');
    expect(next.warnings).toEqual(warnings);
  });

  it('keeps an open article open, its row going once the reader is left', () => {
    const fresh = articles.slice(5);
    const next = reduce(reading, { type: 'library', articles: fresh, warnings: [] });
    expect(next.screen).toBe('reader');
    expect(next.shown[next.selected]).toBe(reading.shown[reading.selected]);
    const back = after(next, 'back');
    expect(back.shown.map((a) => a.id)).toEqual(fresh.map((a) => a.id));
  });
});

// A long article is wrapped a section at a time: the reader goes back to a saved place, or to its place
// after a resize, once the wrapping gets there, and answers keys meanwhile.
describe('going back to a place in a long article', () => {
  const body = Array.from({ length: 3000 }, (_, k) => `Paragraph ${k} of a long article.`).join(
    '\n\n',
  );
  /** Wraps one more section, as the app does between frames, and says so. */
  const wrapOn = (state: AppState) => {
    state.paginate!(state.shown[0]!, state.size.columns, 1, undefined, true);
    return reduce(state, { type: 'wrapped' });
  };
  /** A new article each time: pages are remembered by article. */
  const opened = (place: { block: number; offset: number }) => {
    const state = initialState([makeArticle({ id: 'long', body })], [], SIZE, readerPage);
    const user = {
      ...state.user,
      positions: new Map([['long', { ...place, savedAt: '2026-01-01T00:00:00.000Z' }]]),
    };
    return after({ ...state, user }, 'open');
  };
  /** The text of the view's first lines. */
  const topText = (state: AppState) =>
    currentPage(state)!
      .lines.slice(state.top, state.top + 2)
      .flatMap((line) => line.segments.map((segment) => segment.text))
      .join('');

  it('opens at the top, then goes to the saved place once it is wrapped', () => {
    let state = opened({ block: 2500, offset: 0 });
    expect(state.top).toBe(0);
    expect(currentPage(state)!.complete).toBe(false);
    while (state.resume) state = wrapOn(state);
    expect(topText(state)).toContain('Paragraph 2500 of');
    expect(state.notice).toMatch(/^Resumed/);
  });

  it('stays where a key moved it meanwhile', () => {
    let state = after(opened({ block: 2500, offset: 0 }), 'down');
    while (!currentPage(state)!.complete) state = wrapOn(state);
    expect(state.top).toBe(1);
    expect(state.resume).toBeNull();
  });

  it('goes back to its place after a resize, wrapping the page again in steps', () => {
    let state = opened({ block: 1200, offset: 0 });
    while (!currentPage(state)!.complete) state = wrapOn(state);
    expect(topText(state)).toContain('Paragraph 1200 of');
    state = reduce(state, { type: 'resize', size: { columns: 50, rows: 20 } });
    expect(currentPage(state)!.complete).toBe(false);
    while (state.resume) state = wrapOn(state);
    expect(topText(state)).toContain('Paragraph 1200 of');
  });
});
