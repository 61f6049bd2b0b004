import { describe, expect, it } from 'vitest';
import { readerPage } from '../../src/ui/article-pages.js';
import { initialState } from '../../src/ui/state.js';
import { makeArticle } from '../helpers/articles.js';
import { after, key } from '../helpers/reducer.js';

const SIZE = { columns: 80, rows: 24 };
const articles = Array.from({ length: 30 }, (_, k) => makeArticle({ id: `a${k}` }));
const start = initialState(articles, [], SIZE, readerPage);

describe('the a prompt in the reducer', () => {
  it('opens on a, in the list and in the reader', () => {
    expect(after(start, key('a')).adding).toEqual({ text: '', progress: null });
    expect(after(start, key('enter'), key('a')).adding).toEqual({ text: '', progress: null });
  });

  it('holds one line of safe text, and keys meant for the list do nothing while it is open', () => {
    const open = after(start, key('a'), key('j'), key('G'));
    expect(open.selected).toBe(0);
    const typed = after(open, { type: 'addText', text: 'a\x1b[2Jb\nc ' });
    expect(typed.adding!.text).toBe('ab c ');
  });

  it('Esc closes it, unless an import is running', () => {
    expect(after(start, key('a'), key('escape')).adding).toBeNull();
    const running = after(
      start,
      key('a'),
      { type: 'addText', text: ' x.md ' },
      { type: 'addSubmit' },
    );
    expect(running.request).toEqual({ kind: 'import', source: 'x.md' });
    expect(running.adding).toEqual({ text: 'x.md', progress: 'Starting…' });
    expect(after(running, key('escape')).adding).not.toBeNull();
    expect(after(running, { type: 'addText', text: 'y' }).adding!.text).toBe('x.md');
    expect(after(running, key('ctrl+c')).request).toEqual({ kind: 'quit' });
  });

  it('an empty prompt submits nothing', () => {
    expect(after(start, key('a'), { type: 'addSubmit' }).request).toBeNull();
  });

  it('selects the new article in the list once it is in, and says so', () => {
    const added = makeArticle({ id: 'new' });
    const done = after(
      start,
      key('enter'),
      key('a'),
      { type: 'addText', text: 'x.md' },
      { type: 'addSubmit' },
      { type: 'addProgress', text: 'Saving 1 of 1…' },
      {
        type: 'added',
        result: { articles: [...articles, added], warnings: [], id: 'new', notice: 'Added: x' },
      },
    );
    expect(done).toMatchObject({
      screen: 'list',
      selected: 30,
      adding: null,
      notice: 'Added: x',
      request: null,
    });
    expect(done.articles).toHaveLength(31);
    expect(done.listTop).toBeGreaterThan(0); // scrolled to keep the selection in view
  });

  it('a failure closes the prompt with its reason', () => {
    const failed = after(start, key('a'), {
      type: 'addFailed',
      text: 'Not added: no such file\x07',
    });
    expect(failed).toMatchObject({ adding: null, notice: 'Not added: no such file' });
  });
});
