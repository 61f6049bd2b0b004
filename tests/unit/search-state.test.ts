import { describe, expect, it } from 'vitest';
import { readerPage } from '../../src/ui/article-pages.js';
import type { SearchAnswer, SearchHit } from '../../src/core/search/types.js';
import { matchesOf } from '../../src/ui/find-state.js';
import { listHeight } from '../../src/ui/geometry.js';
import { entriesInView, windowRows } from '../../src/ui/list-window.js';
import { firstResults, queryOf } from '../../src/ui/list-search.js';
import { currentPage, fieldOpen, initialState, type Action } from '../../src/ui/state.js';
import { makeArticle, paragraphs } from '../helpers/articles.js';
import { hit } from '../helpers/search-hit.js';
import { after, key } from '../helpers/reducer.js';

const SIZE = { columns: 80, rows: 24 };
const articles = Array.from({ length: 60 }, (_, k) =>
  makeArticle({
    id: `a${k}`,
    title: k === 7 ? 'The Spaceport Report' : `Title ${k}`,
    body:
      k === 42 ? `${paragraphs(30)}\n\nThe Vostochny spaceport, and a spaceport again.` : 'Short.',
  }),
);

/** Keys typed, a character each (a space as its name). */
const typed = (text: string): Action[] => [...text].map((c) => key(c === ' ' ? 'space' : c));

const answer = (query: string, hits: SearchHit[], total?: number): Action => ({
  type: 'answer',
  query,
  answer: { ok: true, hits, total } satisfies SearchAnswer,
});

const start = initialState(articles, [], SIZE, readerPage);
/** Moved down the list first, so that Esc has a selection to go back to. */
const moved = after(start, ...Array.from({ length: 30 }, () => key('j')));
const searching = after(moved, key('/'), ...typed('spaceprot'));
const spaceHits = [
  hit('a7', { titleRanges: [{ start: 4, end: 13 }], terms: ['spaceport'] }),
  hit('a42', {
    snippet: { text: 'The Vostochny spaceport, and', ranges: [{ start: 14, end: 23 }] },
    terms: ['spaceport'],
  }),
];
const answered = after(searching, answer('spaceprot', spaceHits));

describe('searching the list', () => {
  it('opens a field that takes every key typed, and asks about its query', () => {
    expect(fieldOpen(searching)).toBe(true);
    expect(searching.search?.field.text).toBe('spaceprot');
    expect(queryOf(searching.search)).toBe('spaceprot');
    // Keys that are commands in the list type themselves in the field.
    const more = after(searching, ...typed(' jkq?G/'));
    expect(more.search?.field.text).toBe('spaceprot jkq?G/');
    expect(more).toMatchObject({ screen: 'list', overlay: null, request: null, selected: 30 });
    expect(after(searching, key('backspace')).search?.field.text).toBe('spacepro');
  });

  it('quits on Ctrl+C and suspends on Ctrl+Z from the field', () => {
    expect(after(searching, key('ctrl+c')).request).toEqual({ kind: 'quit' });
    const suspended = after(searching, key('ctrl+z'));
    expect(suspended.request).toEqual({ kind: 'suspend' });
    expect(suspended.search?.field.text).toBe('spaceprot');
  });

  it('shows the answer to the query in the field, best first, the first selected', () => {
    expect(answered.shown.map((article) => article.id)).toEqual(['a7', 'a42']);
    expect(answered).toMatchObject({ selected: 0, listTop: 0 });
    expect(answered.search).toMatchObject({ shownFor: 'spaceprot', total: 2, hint: null });
  });

  it('drops an answer that comes after the field changed', () => {
    const typedOn = after(searching, key('s'));
    const late = after(typedOn, answer('spaceprot', spaceHits));
    expect(late.shown).toBe(articles);
    expect(late.hits).toBeNull();
    // And an answer to a newer query is never replaced by an older one.
    const newer = after(answered, key('backspace'), answer('spacepro', [hit('a3')]));
    expect(after(newer, answer('spaceprot', spaceHits)).shown.map((a) => a.id)).toEqual(['a3']);
  });

  it('keeps the results and gives the hint of a query it cannot read', () => {
    const bad = after(answered, ...typed(' author:'), {
      type: 'answer',
      query: 'spaceprot author:',
      answer: { ok: false, error: 'author: needs a name after it' },
    });
    expect(bad.search?.hint).toBe('author: needs a name after it');
    expect(bad.shown.map((article) => article.id)).toEqual(['a7', 'a42']);
  });

  it('moves through the results with the arrows while the field is open', () => {
    const down = after(answered, key('down'));
    expect(down.selected).toBe(1);
    expect(fieldOpen(down)).toBe(true);
    expect(after(down, key('up')).selected).toBe(0);
  });

  it('keeps the results on Enter and gives keys back to the list; / edits again', () => {
    const kept = after(answered, key('enter'));
    expect(fieldOpen(kept)).toBe(false);
    expect(kept.search?.field.text).toBe('spaceprot');
    expect(after(kept, key('j')).selected).toBe(1);
    const editing = after(kept, key('/'), key('s'));
    expect(editing.search?.field.text).toBe('spaceprots');
  });

  it('clears on Esc, in the field or in the list, back to the whole list and the selection before', () => {
    for (const state of [answered, after(answered, key('enter'), key('j'))]) {
      const cleared = after(state, key('escape'));
      expect(cleared.search).toBeNull();
      expect(cleared.shown).toBe(articles);
      expect(cleared.hits).toBeNull();
      expect(cleared).toMatchObject({ selected: moved.selected, listTop: moved.listTop });
    }
  });

  it('goes back to the list it searched from, bookmarks too', () => {
    const bookmarks = after(start, key('tab'), key('tab'));
    expect(bookmarks.view).toBe('bookmarks');
    const back = after(bookmarks, key('/'), ...typed('x'), answer('x', spaceHits), key('escape'));
    expect(back.shown).toBe(bookmarks.shown);
    expect(back.view).toBe('bookmarks');
  });

  it('ends the search when Tab shows another list', () => {
    const next = after(answered, key('enter'), key('tab'));
    expect(next.view).toBe('unread');
    expect(next.search).toBeNull();
    expect(next.hits).toBeNull();
  });

  it('shows the whole list again when the field is emptied, and Enter on it closes the search', () => {
    const emptied = after(answered, ...Array.from({ length: 9 }, () => key('backspace')));
    expect(emptied.shown).toBe(articles);
    expect(emptied.selected).toBe(moved.selected);
    expect(queryOf(emptied.search)).toBeNull();
    expect(after(emptied, key('enter')).search).toBeNull();
  });

  it('counts two rows for a result with a snippet, and keeps the selection in view', () => {
    const many = Array.from({ length: 40 }, (_, k) =>
      hit(`a${k}`, { snippet: k % 2 ? { text: 'a snippet', ranges: [] } : null }),
    );
    let state = after(searching, answer('spaceprot', many), key('enter'));
    const height = listHeight(SIZE, true);
    for (let k = 0; k < 39; k++) {
      state = after(state, key('j'));
      const { from, to } = entriesInView(state);
      let rows = 0;
      for (let i = from; i < to; i++) rows += many[i]!.snippet ? 2 : 1;
      expect(rows).toBeLessThanOrEqual(height);
      expect(state.selected).toBeGreaterThanOrEqual(from);
      expect(state.selected).toBeLessThan(to);
    }
    // At the end the window is full: no row left blank below the last result.
    const { from, to } = entriesInView(state);
    let rows = 0;
    for (let i = from; i < to; i++) rows += many[i]!.snippet ? 2 : 1;
    expect(to).toBe(40);
    expect(rows).toBeGreaterThan(height - 2);
  });

  it('asks for more results as the selection nears the end of those it has', () => {
    // A screenful of one-row entries at first.
    const FIRST_RESULTS = firstResults(searching);
    expect(searching.search?.limit).toBe(FIRST_RESULTS);
    expect(FIRST_RESULTS).toBe(windowRows(searching));
    const hits = articles.map(({ id }) => hit(id)).slice(0, FIRST_RESULTS);
    // As many as asked for, of 500: G comes near their end, and twice as many are asked for.
    const state = after(searching, answer('spaceprot', hits, 500), key('enter'));
    expect(state.search).toMatchObject({ total: 500, limit: FIRST_RESULTS });
    const wanting = after(state, key('G'));
    expect(wanting.search?.limit).toBe(FIRST_RESULTS * 2);
    // More results of the same query keep the selection.
    const grown = after(
      wanting,
      answer('spaceprot', [...hits, hit(`a${FIRST_RESULTS}`)].slice(0, FIRST_RESULTS + 1), 500),
    );
    expect(grown.selected).toBe(FIRST_RESULTS - 1);
    // Fewer than asked for: that was all of them, and nothing more is asked.
    const all = after(searching, answer('spaceprot', hits.slice(0, 10)), key('enter'), key('G'));
    expect(all.search?.limit).toBe(FIRST_RESULTS);
  });
});

describe('a phrase whose checks were cut short', () => {
  const estimate = (query: string, hits: SearchHit[], total: number): Action => ({
    type: 'answer',
    query,
    answer: { ok: true, hits, total, approximate: true },
  });

  it('asks again for more at once while the window is part empty, until the count is exact', () => {
    const first = firstResults(searching);
    const few = articles.slice(0, 3).map(({ id }) => hit(id));
    // Three found in the time a keystroke allows, of about 40: more are asked for at once.
    const cut = after(searching, estimate('spaceprot', few, 40));
    expect(cut.search).toMatchObject({ approximate: true, total: 40 });
    expect(cut.search?.limit).toBe(first * 2);
    // The same three again, still estimated: asked further.
    const again = after(cut, estimate('spaceprot', few, 40));
    expect(again.search?.limit).toBe(first * 4);
    // Every candidate checked: five in all, exact, and nothing more is asked.
    const five = articles.slice(0, 5).map(({ id }) => hit(id));
    const exact = after(again, answer('spaceprot', five, 5));
    expect(exact.search).toMatchObject({ approximate: false, total: 5, limit: first * 4 });
    expect(exact.hits).toHaveLength(5);
  });

  it('asks nothing more while the window is full', () => {
    const first = firstResults(searching);
    const full = articles.slice(0, first).map(({ id }) => hit(id));
    const state = after(searching, estimate('spaceprot', full, 900));
    expect(state.search?.limit).toBe(first);
  });
});

describe('results asked for as the window changes', () => {
  it('asks for more when the window grows taller than the results it has', () => {
    const first = firstResults(searching);
    const hits = articles.map(({ id }) => hit(id)).slice(0, first);
    const state = after(searching, answer('spaceprot', hits, 500));
    expect(state.search?.limit).toBe(first);
    const taller = after(state, { type: 'resize', size: { columns: 80, rows: 60 } });
    expect(taller.search?.limit).toBeGreaterThanOrEqual(firstResults(taller));
    expect(taller.search?.limit).toBeGreaterThan(first);
  });
});

describe('an answer that comes while an article is open', () => {
  it('waits until the reader closes, so the article shown stays the one opened', () => {
    // Enter twice before the first answer: the article under the selection of the whole list opens.
    const reading = after(searching, key('enter'), key('enter'));
    expect(reading.screen).toBe('reader');
    const opened = reading.shown[reading.selected]!.id;
    const later = after(reading, answer('spaceprot', spaceHits));
    expect(later.shown[later.selected]!.id).toBe(opened);
    const back = after(later, key('q'));
    expect(back.shown.map((article) => article.id)).toEqual(['a7', 'a42']);
    expect(back.search?.shownFor).toBe('spaceprot');
  });
});

describe('opening a result', () => {
  const opened = after(answered, key('enter'), key('j'), key('enter'));
  const page = currentPage(opened)!;

  it('opens the article at the first of the words the search matched, marked', () => {
    expect(opened.screen).toBe('reader');
    expect(opened.shown[opened.selected]!.id).toBe('a42');
    const matches = matchesOf(opened.find, page);
    expect(matches).toHaveLength(2);
    expect(opened.find?.current).toBe(0);
    const first = matches[0]!;
    expect(first.line).toBeGreaterThanOrEqual(opened.top);
    expect(first.line).toBeLessThan(opened.top + 22);
  });

  it('steps through the matches with n and N, round from the last to the first', () => {
    expect(after(opened, key('n')).find?.current).toBe(1);
    const round = after(opened, key('n'), key('n'));
    expect(round.find?.current).toBe(0);
    expect(round.notice).toMatch(/first/);
    expect(after(opened, key('N')).find?.current).toBe(1);
  });

  it('leaves the find behind with the article; ] opens the next result', () => {
    expect(after(opened, key('q')).find).toBeNull();
    expect(after(opened, key('q')).search?.shownFor).toBe('spaceprot');
    const previous = after(opened, key('['));
    expect(previous.shown[previous.selected]!.id).toBe('a7');
    expect(after(opened, key(']')).notice).toBe('This is the last result.');
  });
});

describe('finding in the article', () => {
  const reading = after(start, ...Array.from({ length: 42 }, () => key('j')), key('enter'));
  const page = currentPage(reading)!;

  it('finds as it is typed, smart case, and counts the matches', () => {
    const lower = after(reading, key('/'), ...typed('spaceport'));
    expect(fieldOpen(lower)).toBe(true);
    expect(matchesOf(lower.find, page)).toHaveLength(2);
    expect(lower.find?.current).toBe(0);
    // The first match is scrolled into view as it is typed.
    expect(matchesOf(lower.find, page)[0]!.line).toBeGreaterThanOrEqual(lower.top);
    const upper = after(reading, key('/'), ...typed('Spaceport'));
    expect(matchesOf(upper.find, page)).toHaveLength(0);
    const paragraph = after(reading, key('/'), ...typed('paragraph'));
    expect(matchesOf(paragraph.find, page)).toHaveLength(30);
  });

  it('keeps the matches on Enter for n and N; Esc ends the find where the view was', () => {
    const found = after(reading, key('/'), ...typed('paragraph 2'), key('enter'));
    expect(fieldOpen(found)).toBe(false);
    expect(after(found, key('n')).find?.current).toBe(1);
    expect(after(found, key('j')).top).toBe(found.top + 1);
    const cancelled = after(reading, key('/'), ...typed('spaceport'), key('escape'));
    expect(cancelled.find).toBeNull();
    expect(cancelled.top).toBe(reading.top);
    expect(cancelled.screen).toBe('reader');
    expect(after(reading, key('/'), key('enter')).find).toBeNull();
  });

  it('says so when there is nothing to step to', () => {
    expect(after(reading, key('n')).notice).toMatch(/finds/);
    expect(after(reading, key('/'), ...typed('zzz'), key('enter'), key('n')).notice).toMatch(
      /No matches/,
    );
  });
});
