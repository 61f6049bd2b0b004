import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/article.js';
import { readerPage } from '../../src/ui/article-pages.js';
import { REMOVED_NOTICE } from '../../src/ui/library-change.js';
import { currentPage, initialState, type Action, type AppState } from '../../src/ui/state.js';
import { makeArticle, paragraphs } from '../helpers/articles.js';
import { hit } from '../helpers/search-hit.js';
import { after, key } from '../helpers/reducer.js';

const SIZE = { columns: 80, rows: 24 };
const make = (k: number, extra: Partial<Article> = {}) =>
  makeArticle({ id: `a${k}`, title: `Title ${k}`, ...extra });
const articles = Array.from({ length: 40 }, (_, k) => make(k));

const keys = (...names: string[]) => names.map(key);
const library = (next: readonly Article[], warnings = [] as AppState['warnings']): Action => ({
  type: 'library',
  articles: next,
  warnings,
});
const without = (...ids: string[]) => articles.filter((article) => !ids.includes(article.id));
const selectedId = (state: AppState) => state.shown[state.selected]?.id;

const start = initialState(articles, [], SIZE, readerPage);
/** The selection on a10, the eleventh row. */
const onTen = after(start, ...keys('1', '1', 'G'));

describe('the library read again, in the list', () => {
  it.each([
    { name: 'an article added above', next: [make(99), ...articles], id: 'a10', row: 11 },
    { name: 'an article added below', next: [...articles, make(99)], id: 'a10', row: 10 },
    { name: 'one above removed', next: without('a3'), id: 'a10', row: 9 },
    { name: 'the selected one removed: the next', next: without('a10'), id: 'a11', row: 10 },
    {
      name: 'it and the next removed: the one before',
      next: without('a10', 'a11'),
      id: 'a9',
      row: 9,
    },
    { name: 'everything after it removed', next: articles.slice(0, 10), id: 'a9', row: 9 },
    { name: 'everything removed', next: [], id: undefined, row: 0 },
  ])('$name', ({ next, id, row }) => {
    expect(selectedId(onTen)).toBe('a10');
    const changed = after(onTen, library(next));
    expect(selectedId(changed)).toBe(id);
    expect(changed.selected).toBe(row);
    expect(changed.articles).toBe(next);
    expect(changed.shown).toBe(next);
  });

  it('keeps the selected row where it was on the screen', () => {
    const low = after(start, ...keys('3', '0', 'G'));
    const changed = after(low, library([make(99), ...articles]));
    expect(changed.selected - changed.listTop).toBe(low.selected - low.listTop);
  });

  it('replaces the skipped-file warnings', () => {
    const warnings = [{ path: '/library/bad.md', message: 'skipped: no title' }];
    expect(after(onTen, library(articles, warnings)).warnings).toBe(warnings);
  });

  it('scrolls the skipped files shown over the list back to their top', () => {
    const many = Array.from({ length: 60 }, (_, k) => ({ path: `/l/${k}.md`, message: 'skipped' }));
    const open = after(start, library(articles, many), key('w'), key('space'));
    expect(open.overlayView.top).toBeGreaterThan(0);
    const changed = after(open, library(articles, many.slice(0, 3)));
    expect(changed.overlay).toBe('warnings');
    expect(changed.overlayView.top).toBe(0);
  });

  it('keeps the rows of Unread read meanwhile, and adds the new unread ones', () => {
    // a0 read, then Tab to Unread: a1 first; reading it there keeps its row.
    const unread = after(start, key('m'), key('tab'), key('m'));
    expect(unread.view).toBe('unread');
    expect(unread.shown[0]!.id).toBe('a1');
    const changed = after(unread, library([make(99), ...articles]));
    expect(changed.shown.slice(0, 2).map((article) => article.id)).toEqual(['a99', 'a1']);
    expect(selectedId(changed)).toBe('a1');
  });

  it('shows a bookmarked article removed as missing in Bookmarks', () => {
    const marks = after(start, key('s'), key('j'), key('s'), key('tab'), key('tab'));
    expect(marks.view).toBe('bookmarks');
    const changed = after(marks, library(without('a1')));
    expect(changed.shown.map((article) => article.id).sort()).toEqual(['a0', 'a1']);
    expect([...changed.missing]).toEqual(['a1']);
  });
});

describe('the library read again during a search', () => {
  const searching = after(onTen, key('/'), key('t'), {
    type: 'answer',
    query: 't',
    answer: { ok: true, hits: ['a5', 'a10', 'a20'].map((id) => hit(id)), total: 3 },
  });

  it('keeps the results shown, less the removed, until the engine answers again', () => {
    const changed = after(searching, key('down'), library(without('a5')));
    expect(changed.shown.map((article) => article.id)).toEqual(['a10', 'a20']);
    expect(changed.hits?.map((h) => h.id)).toEqual(['a10', 'a20']);
    expect(selectedId(changed)).toBe('a10');
    expect(changed.search?.stale).toBe(true);
    // The answer over the new library replaces them: the selection stays on its article.
    const answered = after(changed, {
      type: 'answer',
      query: 't',
      answer: { ok: true, hits: ['a99', 'a20', 'a10'].map((id) => hit(id)), total: 3 },
    });
    expect(answered.search?.stale).toBe(false);
    expect(answered.shown.map((article) => article.id)).toEqual(['a20', 'a10']);
    expect(selectedId(answered)).toBe('a10');
  });

  it('takes a new answer with as many hits as before', () => {
    const next = [make(99), ...without('a5')];
    const changed = after(searching, library(next));
    const answered = after(changed, {
      type: 'answer',
      query: 't',
      answer: { ok: true, hits: ['a99', 'a10', 'a20'].map((id) => hit(id)), total: 3 },
    });
    expect(answered.shown.map((article) => article.id)).toEqual(['a99', 'a10', 'a20']);
    expect(answered.shown[0]).toBe(next[0]);
  });

  it('Esc goes back to the new library, on the article selected before the search', () => {
    const changed = after(searching, library([make(99), ...articles]));
    const cleared = after(changed, key('escape'), key('escape'));
    expect(cleared.search).toBeNull();
    expect(cleared.shown).toHaveLength(41);
    expect(selectedId(cleared)).toBe('a10');
  });
});

describe('the library read again while an article is open', () => {
  const long = make(10, { body: paragraphs(60) });
  const withLong = articles.map((article) => (article.id === 'a10' ? long : article));
  const reading = after(
    initialState(withLong, [], SIZE, readerPage),
    ...keys('1', '1', 'G', 'enter', '4', '0', 'j'),
  );
  const firstWords = (state: AppState) => {
    const page = currentPage(state)!;
    return page.lines[state.top]!.segments.map((segment) => segment.text).join('');
  };

  it('stays on it when others change', () => {
    expect(reading.screen).toBe('reader');
    const changed = after(reading, library([make(99), ...withLong.slice(0, 30)]));
    expect(changed.screen).toBe('reader');
    expect(selectedId(changed)).toBe('a10');
    expect(changed.top).toBe(reading.top);
  });

  it('keeps the paragraph in view when its text changed above it', () => {
    const edited = { ...long, body: `A paragraph added at the start.\n\n${long.body}` };
    const changed = after(
      reading,
      library(withLong.map((article) => (article.id === 'a10' ? edited : article))),
    );
    expect(changed.screen).toBe('reader');
    expect(changed.shown[changed.selected]).toBe(edited);
    expect(firstWords(changed)).toBe(firstWords(reading));
  });

  it('keeps it open when its file is removed, says so, and drops its row on leaving', () => {
    const changed = after(reading, library(withLong.filter((article) => article.id !== 'a10')));
    expect(changed.screen).toBe('reader');
    expect(changed.notice).toBe(REMOVED_NOTICE);
    expect(selectedId(changed)).toBe('a10');
    expect(firstWords(changed)).toBe(firstWords(reading));
    expect(after(changed, key('j')).top).toBe(reading.top + 1);
    const back = after(changed, key('q'));
    expect(back.screen).toBe('list');
    expect(back.shown.map((article) => article.id)).not.toContain('a10');
    expect(selectedId(back)).toBe('a11');
  });
});
