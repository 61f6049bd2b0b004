// The reader's link to the store: changes written a moment later, positions at a pause or on flush, and
// other processes' changes reported without overwriting them.
import { describe, expect, it } from 'vitest';
import type { Change } from '../../src/state/data.js';
import { Store } from '../../src/state/store.js';
import type { Action } from '../../src/ui/state.js';
import { storeLink } from '../../src/ui/store-link.js';
import { tempDir } from '../helpers/temp-library.js';

const AT = '2026-11-30T04:00:00.000Z';
const TIMES = { writeMs: 20, positionMs: 200, pollMs: 50 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const bookmark = (id: string): Change => ({
  kind: 'bookmark',
  id,
  bookmark: { title: id, url: null, bookmarkedAt: AT },
});
const position = (id: string, block: number): Change => ({
  kind: 'position',
  id,
  position: { block, offset: 0, savedAt: AT },
});

async function connected(dir: string) {
  const link = storeLink(dir, TIMES);
  const actions: Action[] = [];
  const undo = link.connect((action) => actions.push(action));
  for (let tries = 0; actions.length === 0; tries++) {
    if (tries > 200) throw new Error('the store never loaded');
    await sleep(10);
  }
  return { link, actions, undo };
}

describe('the store link', () => {
  it('writes changes a moment after they are sent, and reports the data back', async () => {
    const dir = tempDir();
    const { link, actions, undo } = await connected(dir);
    link.send([bookmark('a.b')]);
    expect(new Store(dir).peek()?.bookmarks.size).toBe(0);
    await sleep(80);
    expect(new Store(dir).peek()?.bookmarks.has('a.b')).toBe(true);
    expect(actions.at(-1)).toMatchObject({ type: 'stored', external: false });
    undo();
  });

  it('keeps a position until reading pauses, or until flushed', async () => {
    const dir = tempDir();
    const { link, undo } = await connected(dir);
    link.notePosition(position('x', 3));
    link.notePosition(position('x', 4));
    await sleep(60);
    expect(new Store(dir).peek()?.positions.size).toBe(0);
    link.flush();
    expect(new Store(dir).peek()?.positions.get('x')?.block).toBe(4);
    undo();
  });

  it('reports what another process saved, and saves over it without losing it', async () => {
    const dir = tempDir();
    const { link, actions, undo } = await connected(dir);
    new Store(dir).update([bookmark('elsewhere')]);
    await sleep(200);
    const seen = actions.findLast((action) => action.type === 'stored' && action.external);
    expect(seen?.type === 'stored' && seen.data.bookmarks.has('elsewhere')).toBe(true);
    link.send([bookmark('here')]);
    link.flush();
    expect([...(new Store(dir).peek()?.bookmarks.keys() ?? [])].sort()).toEqual([
      'elsewhere',
      'here',
    ]);
    undo();
  });
});
