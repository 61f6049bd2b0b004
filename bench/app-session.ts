// The real App rendered by Ink into a fake 80×24 terminal, driven by keys written to a fake stdin and timed
// by Ink's own onRender callback: what the reader benchmarks run.
import chalk from 'chalk';
import { render, type Instance } from 'ink';
import { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { createElement } from 'react';
import type { Article } from '../src/core/article.js';
import { pageOf } from '../src/core/paginate.js';
import type { Searcher } from '../src/core/search/types.js';
import { App } from '../src/ui/App.js';

export const COLUMNS = 80;
export const ROWS = 24;
// Ink draws at most maxFps frames a second (30 by default) and defers a frame that comes sooner. A person
// rarely presses keys 33 ms apart, so the bench lifts the cap (a 1 ms window) and waits past it between
// keys: every key then gets its frame at once, as it does for a person.
const MAX_FPS = 1000;
export const THROTTLE_MS = 2;
/** A frame that takes longer than this is not coming: the bench says so instead of waiting. */
const TIMEOUT_MS = 10_000;

/** A terminal's output that keeps what was written since the last key, for checking what was drawn. */
class FakeStdout extends Writable {
  readonly isTTY = true;
  readonly columns = COLUMNS;
  readonly rows = ROWS;
  written = '';

  override _write(chunk: Buffer | string, _encoding: string, done: () => void): void {
    this.written += String(chunk);
    done();
  }
}

/** A terminal's input as Ink reads it: 'readable', then read() until null (see ink-testing-library). */
class FakeStdin extends EventEmitter {
  readonly isTTY = true;
  private pending: string[] = [];

  send(data: string): void {
    this.pending.push(data);
    this.emit('readable');
  }

  read(): string | null {
    return this.pending.shift() ?? null;
  }

  setRawMode(): this {
    return this;
  }
  setEncoding(): this {
    return this;
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }
  resume(): this {
    return this;
  }
  pause(): this {
    return this;
  }
}

/** One App in a fake terminal: keys in, each frame's render time out. */
export class Session {
  readonly stdout = new FakeStdout();
  readonly stdin = new FakeStdin();
  readonly instance: Instance;
  /** Ink's renderTime of every frame so far. */
  readonly renderTimes: number[] = [];
  private waiting: (() => void) | undefined;

  constructor(
    articles: readonly Article[],
    startSearcher?: (articles: readonly Article[]) => Searcher,
  ) {
    this.instance = render(
      createElement(App, {
        articles,
        warnings: [],
        color: true,
        openLink: async () => '',
        paginate: pageOf,
        startSearcher,
      }),
      {
        stdout: this.stdout as unknown as NodeJS.WriteStream,
        stderr: new FakeStdout() as unknown as NodeJS.WriteStream,
        stdin: this.stdin as unknown as NodeJS.ReadStream,
        exitOnCtrlC: false,
        patchConsole: false,
        incrementalRendering: false,
        maxFps: MAX_FPS,
        onRender: ({ renderTime }) => {
          this.renderTimes.push(renderTime);
          const waiting = this.waiting;
          this.waiting = undefined;
          waiting?.();
        },
      },
    );
  }

  /** Waits until the app listens for keys and Ink's frame window has passed. */
  async settle(): Promise<void> {
    await sleep(THROTTLE_MS);
    for (let tries = 0; this.stdin.listenerCount('readable') === 0; tries++) {
      if (tries > 100) throw new Error('the app never listened to stdin');
      await sleep(1);
    }
  }

  /**
   * Writes `key` and resolves when Ink has rendered the frame it causes: the milliseconds from the write
   * to the onRender callback, and Ink's renderTime for that frame.
   */
  async press(key: string): Promise<{ roundTrip: number; renderTime: number }> {
    const frames = this.renderTimes.length;
    // Stamped in the callback itself: Ink writes the frame after it, and that is not part of the figure.
    const rendered = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no frame after ${JSON.stringify(key)}`)),
        TIMEOUT_MS,
      );
      this.waiting = () => {
        clearTimeout(timer);
        resolve(performance.now());
      };
    });
    this.stdout.written = '';
    const start = performance.now();
    this.stdin.send(key);
    const roundTrip = (await rendered) - start;
    if (this.renderTimes.length !== frames + 1) {
      throw new Error(
        `${JSON.stringify(key)} gave ${this.renderTimes.length - frames} frames, not 1`,
      );
    }
    return { roundTrip, renderTime: this.renderTimes.at(-1)! };
  }

  /** Resolves at the next frame the app draws by itself (a long article's rest, after its first lines). */
  nextFrame(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  close(): void {
    this.instance.unmount();
    this.instance.cleanup();
  }
}

/** Colour as the binary has it in an xterm-256color terminal, so frames carry their escape codes. */
export function setUpColour(): void {
  chalk.level = 2;
}
