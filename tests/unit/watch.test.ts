import { EventEmitter } from 'node:events';
import { mkdirSync, renameSync, rmSync, writeFileSync, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchLibrary, type LibraryWatcher, type WatchOptions } from '../../src/library/watch.js';
import { tempDir } from '../helpers/temp-library.js';

const running: LibraryWatcher[] = [];
afterEach(() => {
  for (const watcher of running.splice(0)) watcher.close();
  vi.useRealTimers();
});

function start(dirs: string[], options: WatchOptions = {}) {
  const calls = { count: 0 };
  running.push(watchLibrary(dirs, () => (calls.count += 1), options));
  return calls;
}

/** Waits (generously) until `holds` is true: the kernel reports changes when it does. */
async function until(holds: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!holds()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('watchLibrary on real folders', () => {
  it('sees a file added, changed, renamed and removed', async () => {
    const dir = tempDir();
    const calls = start([dir]);
    const steps = [
      () => writeFileSync(join(dir, 'a.md'), 'one'),
      () => writeFileSync(join(dir, 'a.md'), 'two'),
      () => renameSync(join(dir, 'a.md'), join(dir, 'b.md')),
      () => rmSync(join(dir, 'b.md')),
    ];
    for (const step of steps) {
      const before = calls.count;
      step();
      await until(() => calls.count > before);
    }
  });

  it('makes one call of a burst of fifty files', async () => {
    const dir = tempDir();
    const calls = start([dir]);
    for (let k = 0; k < 50; k++) writeFileSync(join(dir, `${k}.md`), 'text');
    await until(() => calls.count >= 1);
    // A file written after the first call is the second: the burst made no other.
    writeFileSync(join(dir, 'after.md'), 'text');
    await until(() => calls.count >= 2);
    expect(calls.count).toBe(2);
  });

  it('follows folders made inside, and their files', async () => {
    const dir = tempDir();
    const calls = start([dir]);
    mkdirSync(join(dir, 'sub', 'deeper'), { recursive: true });
    await until(() => calls.count >= 1);
    const before = calls.count;
    writeFileSync(join(dir, 'sub', 'deeper', 'a.md'), 'text');
    await until(() => calls.count > before);
  });

  it('waits for a folder that does not exist yet, and for one removed and made again', async () => {
    const parent = tempDir();
    const dir = join(parent, 'not', 'yet');
    const calls = start([dir]);
    mkdirSync(dir, { recursive: true });
    await until(() => calls.count >= 1);
    let before = calls.count;
    writeFileSync(join(dir, 'a.md'), 'text');
    await until(() => calls.count > before);

    before = calls.count;
    rmSync(join(parent, 'not'), { recursive: true });
    await until(() => calls.count > before);
    before = calls.count;
    mkdirSync(dir, { recursive: true });
    await until(() => calls.count > before);
    before = calls.count;
    writeFileSync(join(dir, 'b.md'), 'text');
    await until(() => calls.count > before);
  });

  it('reads again at once when a folder changed since the library was read', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.md'), 'text');
    const calls = start([dir], { since: Date.now() - 60_000 });
    await until(() => calls.count >= 1);
  });

  it('keeps nothing alive: no watch handle and no timer holds the process', async () => {
    const dir = tempDir();
    const held = () =>
      process.getActiveResourcesInfo().filter((name) => name === 'FSEventWrap').length;
    const before = held();
    const calls = start([dir], { debounceMs: 60_000 });
    writeFileSync(join(dir, 'a.md'), 'text');
    expect(held()).toBe(before);
    expect(calls.count).toBe(0);
  });
});

/** A stand-in for fs.watch: the test fires its events and errors. */
function fakeWatch() {
  const listeners = new Map<string, (event: string, name: string | null) => void>();
  const watchers = new Map<string, EventEmitter>();
  const watch = (path: string, listener: (event: string, name: string | null) => void) => {
    listeners.set(path, listener);
    const watcher = Object.assign(new EventEmitter(), {
      close: () => {
        listeners.delete(path);
        watchers.delete(path);
      },
      unref: () => watcher,
    });
    watchers.set(path, watcher);
    return watcher as unknown as FSWatcher;
  };
  return {
    watch,
    fire: (path: string, name: string | null) => listeners.get(path)?.('rename', name),
    fail: (path: string) => watchers.get(path)?.emit('error', new Error('gone')),
    watched: () => [...listeners.keys()],
  };
}

describe('watchLibrary: what counts and when', () => {
  it.each([
    { name: 'an article', changed: 'a.md', calls: 1 },
    { name: 'a folder', changed: '2024', calls: 1 },
    { name: 'no name given', changed: null, calls: 1 },
    { name: 'a hidden temporary file', changed: '.a.md.tmp-123', calls: 0 },
    { name: "an editor's swap file", changed: '.a.md.swp', calls: 0 },
    { name: 'a backup', changed: 'a.md~', calls: 0 },
  ])('$name: $calls call', ({ changed, calls }) => {
    vi.useFakeTimers();
    const dir = tempDir();
    const fake = fakeWatch();
    const seen = start([dir], { watch: fake.watch });
    fake.fire(dir, changed);
    vi.advanceTimersByTime(1000);
    expect(seen.count).toBe(calls);
  });

  it('names the files that changed, or none when anything may have', () => {
    vi.useFakeTimers();
    const dir = tempDir();
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    const fake = fakeWatch();
    const named: Array<string[] | undefined> = [];
    const watcher = watchLibrary([dir], (dirs) => named.push(dirs && [...dirs].sort()), {
      watch: fake.watch,
    });
    running.push(watcher);
    fake.fire(join(dir, 'a'), 'x.md');
    fake.fire(join(dir, 'b'), 'y.md');
    fake.fire(join(dir, 'a'), 'z.md');
    vi.advanceTimersByTime(1000);
    expect(named).toEqual([
      [join(dir, 'a', 'x.md'), join(dir, 'a', 'z.md'), join(dir, 'b', 'y.md')],
    ]);
    // A folder made: the folders watched change, and the next look is at everything.
    mkdirSync(join(dir, 'c'));
    fake.fire(dir, 'c');
    vi.advanceTimersByTime(1000);
    expect(named[1]).toBeUndefined();
    expect(fake.watched()).toContain(join(dir, 'c'));
    // A watch that fails: everything too.
    fake.fail(join(dir, 'b'));
    vi.advanceTimersByTime(1000);
    expect(named).toHaveLength(3);
    expect(named[2]).toBeUndefined();
    // Then back to the folder named alone.
    fake.fire(join(dir, 'c'), 'w.md');
    vi.advanceTimersByTime(1000);
    expect(named[3]).toEqual([join(dir, 'c', 'w.md')]);
    // No name given: the whole folder.
    fake.fire(join(dir, 'c'), null);
    vi.advanceTimersByTime(1000);
    expect(named[4]).toEqual([join(dir, 'c')]);
  });

  it('waits for quiet, but not for ever', () => {
    vi.useFakeTimers();
    const dir = tempDir();
    const fake = fakeWatch();
    const seen = start([dir], { watch: fake.watch, debounceMs: 250, maxWaitMs: 2000 });
    fake.fire(dir, 'a.md');
    vi.advanceTimersByTime(249);
    expect(seen.count).toBe(0);
    fake.fire(dir, 'b.md');
    vi.advanceTimersByTime(249);
    expect(seen.count).toBe(0);
    vi.advanceTimersByTime(1);
    expect(seen.count).toBe(1);
    // A change every 100 ms: a call every two seconds all the same.
    for (let k = 0; k < 20; k++) {
      fake.fire(dir, 'c.md');
      vi.advanceTimersByTime(100);
    }
    expect(seen.count).toBe(2);
  });

  it('watches the nearest parent of a missing folder for that folder alone', () => {
    vi.useFakeTimers();
    const parent = tempDir();
    const fake = fakeWatch();
    const seen = start([join(parent, 'articles')], { watch: fake.watch });
    expect(fake.watched()).toEqual([parent]);
    fake.fire(parent, 'notes.txt');
    vi.advanceTimersByTime(1000);
    expect(seen.count).toBe(0);
    mkdirSync(join(parent, 'articles'));
    fake.fire(parent, 'articles');
    vi.advanceTimersByTime(1000);
    expect(seen.count).toBe(1);
    expect(fake.watched()).toEqual([join(parent, 'articles')]);
  });

  it('a system limit is one notice, never a throw', () => {
    vi.useFakeTimers();
    const dirs = [tempDir(), tempDir()];
    const notices: string[] = [];
    const watch = () => {
      throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
    };
    start(dirs, { watch, onNotice: (text) => notices.push(text) });
    expect(notices).toEqual([expect.stringMatching(/Live updates are off .*limit of watched/)]);
  });

  it('a watch that fails is made again at the next look', () => {
    vi.useFakeTimers();
    const dir = tempDir();
    const fake = fakeWatch();
    const seen = start([dir], { watch: fake.watch });
    fake.fail(dir);
    expect(fake.watched()).toEqual([]);
    vi.advanceTimersByTime(1000);
    expect(seen.count).toBe(1);
    expect(fake.watched()).toEqual([dir]);
  });

  it('nothing is called after close', () => {
    vi.useFakeTimers();
    const dir = tempDir();
    const fake = fakeWatch();
    let calls = 0;
    const watcher = watchLibrary([dir], () => (calls += 1), { watch: fake.watch });
    fake.fire(dir, 'a.md');
    watcher.close();
    watcher.close();
    vi.advanceTimersByTime(1000);
    expect(calls).toBe(0);
    expect(fake.watched()).toEqual([]);
  });
});
