// The app in component tests, through ink-testing-library: styles on, as the reader sets them, so marks
// show in the frames, and each test's app unmounted after it.
import chalk from 'chalk';
import { render } from 'ink-testing-library';
import type { ReactElement } from 'react';
import { afterEach, beforeAll } from 'vitest';

export type Rendered = ReturnType<typeof render>;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A frame as text, its styles dropped. */
export const plain = (frame: string | undefined) => (frame ?? '').replace(/\x1b\[[0-9;]*m/g, '');

/** Sets a test file's hooks; `mount` renders an app, unmounting the one before it. */
export function inkApps(): { mount: (tree: ReactElement) => Rendered } {
  let current: Rendered | undefined;
  beforeAll(() => {
    chalk.level = 1;
  });
  afterEach(() => {
    current?.unmount();
    current = undefined;
  });
  return {
    mount(tree) {
      current?.unmount();
      current = render(tree);
      return current;
    },
  };
}
