import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Library } from '../../src/library/load.js';
import { lazyWatch } from '../../src/ui/live-library.js';
import { tempDir } from '../helpers/temp-library.js';

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

const empty: Library = { articles: [], warnings: [] };

describe("the reader's watch over the library", () => {
  it('reads the library again on a change, one reading at a time', async () => {
    const dir = tempDir();
    let readings = 0;
    let inFlight = 0;
    let most = 0;
    const reload = async () => {
      readings += 1;
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 500));
      inFlight -= 1;
      return { ...empty, warnings: [{ path: String(readings), message: 'read' }] };
    };
    const watch = lazyWatch({ dirs: [dir], reload, loadedAt: Date.now() });
    stops.push(watch.close);
    const seen: Library[] = [];
    watch.start(
      (library) => seen.push(library),
      () => {},
    );
    // A file every 300 ms, each read taking 500 ms: changes come while a reading runs.
    await vi.waitFor(
      () => {
        writeFileSync(join(dir, `${Date.now()}.md`), 'text');
        if (seen.length < 3) throw new Error('not yet');
      },
      { timeout: 15_000, interval: 300 },
    );
    expect(most).toBe(1);
  }, 20_000);

  it('says when the library cannot be read, and reads nothing once closed', async () => {
    const dir = tempDir();
    const notices: string[] = [];
    const reload = () => {
      throw new Error('disk on fire');
    };
    const watch = lazyWatch({ dirs: [dir], reload, loadedAt: 0 });
    watch.start(
      () => {},
      (text) => notices.push(text),
    );
    // Folders newer than `loadedAt` are read at once.
    await vi.waitFor(() => expect(notices).toEqual([expect.stringContaining('disk on fire')]), {
      timeout: 10_000,
    });
    watch.close();
    writeFileSync(join(dir, 'a.md'), 'text');
    expect(notices).toHaveLength(1);
  });

  it('tells the reload which file changed', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    // Made a minute ago: nothing changed since the library was read.
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(dir, 'sub'), old, old);
    utimesSync(dir, old, old);
    const named: Array<string[] | undefined> = [];
    const reload = (dirs?: ReadonlySet<string>) => {
      named.push(dirs && [...dirs]);
      return empty;
    };
    const watch = lazyWatch({ dirs: [dir], reload, loadedAt: Date.now() });
    stops.push(watch.close);
    watch.start(
      () => {},
      () => {},
    );
    await vi.waitFor(
      () => {
        writeFileSync(join(dir, 'sub', 'a.md'), 'text');
        if (named.length === 0) throw new Error('not yet');
      },
      { timeout: 10_000, interval: 300 },
    );
    expect(named[0]).toEqual([join(dir, 'sub', 'a.md')]);
  });
});
