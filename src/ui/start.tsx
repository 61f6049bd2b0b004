// Starts the full-screen reader on the process's terminal and returns its exit status once it is closed.
import chalk from 'chalk';
import { render } from 'ink';
import type { Article } from '../core/article.js';
import type { LoadWarning } from '../library/load.js';
import { App } from './App.js';
import { openInBrowser } from './browser.js';
import { describe, enterFullScreen, keepScrollback, onAbnormalExit } from './terminal.js';

export interface ReaderOptions {
  articles: readonly Article[];
  warnings: readonly LoadWarning[];
  /** The colour level the command line chose (FORCE_COLOR, NO_COLOR, the terminal). */
  colorLevel: 0 | 1 | 2 | 3;
}

export async function startReader({
  articles,
  warnings,
  colorLevel,
}: ReaderOptions): Promise<number> {
  const { stdin, stdout, stderr } = process;
  // Ink styles text through chalk. Without colour, bold, italic, underline and inverse still tell a
  // selection, a quotation and a heading apart, so chalk keeps at least its basic level.
  chalk.level = Math.max(colorLevel, 1) as 1 | 2 | 3;
  const restoreTerminal = enterFullScreen(stdin, stdout);
  // On a resize Ink redraws the frame it has before the app has drawn one for the new size; when the
  // terminal got shorter, that frame is as tall as the terminal, and Ink clears the screen and the
  // scrollback for it. So Ink hears of a resize only once the app has drawn the new size.
  // Ink subscribes when it is created: it is created with nothing to draw, so that only its own listener
  // is taken, before the app subscribes.
  const earlier = new Set(stdout.listeners('resize'));
  const instance = render(null, {
    stdin,
    stdout: keepScrollback(stdout),
    stderr,
    exitOnCtrlC: false,
    incrementalRendering: false,
  });
  const inkListeners = stdout
    .listeners('resize')
    .filter((listener) => !earlier.has(listener)) as (() => void)[];
  for (const listener of inkListeners) stdout.off('resize', listener);
  const inkResized = () => {
    for (const listener of inkListeners) listener();
  };
  instance.rerender(
    <App
      articles={articles}
      warnings={warnings}
      color={colorLevel > 0}
      openLink={openInBrowser}
      onResized={inkResized}
    />,
  );
  const stop = () => {
    try {
      instance.unmount();
    } finally {
      restoreTerminal();
    }
  };
  const forget = onAbnormalExit(stop);
  try {
    await instance.waitUntilExit();
    return 0;
  } catch (error) {
    stop();
    stderr.write(`inkwell: ${describe(error)}\n`);
    return 1;
  } finally {
    stop();
    forget();
  }
}
