// Opens a web link in the user's browser, and says in one line how that went.
import { spawn, type ChildProcess } from 'node:child_process';
import { sanitizeLine } from '../core/sanitize.js';

/** How long a launcher gets to report failure; one still running by then has handed the link on. */
const LAUNCH_GRACE_MS = 3000;

/** A program to start and the arguments to give it, the link among them. */
export interface Launcher {
  command: string;
  args: string[];
}

/**
 * The launchers a `$BROWSER` value names, in order: a colon-separated list of commands, each a program and
 * its arguments split at spaces, the link in place of `%s` or after them. No shell ever sees the link.
 */
export function browserLaunchers(browser: string | undefined, url: string): Launcher[] {
  return (browser ?? '')
    .split(':')
    .map((entry) => entry.trim().split(/\s+/).filter(Boolean))
    .filter((words) => words.length > 0)
    .map(([command, ...rest]) => {
      const placed = rest.some((word) => word.includes('%s'));
      const args = rest.map((word) => word.replaceAll('%s', url));
      return { command: command!, args: placed ? args : [...args, url] };
    });
}

/**
 * Opens `url` (http, https or mailto, already validated) with the first program of `$BROWSER` that starts,
 * else the desktop's opener (xdg-open, open).
 */
export async function openInBrowser(
  url: string,
  browser: string | undefined = process.env.BROWSER,
): Promise<string> {
  // A mailto: link has no host: the address itself says what was opened.
  const { host: webHost, pathname } = new URL(url);
  const host = webHost || pathname;
  // A link is a single argument and can never be taken for an option.
  if (url.startsWith('-')) return `Could not open ${host}: not a link.`;
  const launchers = browserLaunchers(browser, url);
  let launcher: ChildProcess | undefined;
  if (launchers.length > 0) {
    for (const { command, args } of launchers) {
      launcher = await started(command, args);
      if (launcher) break;
    }
    if (!launcher) return 'No browser to open links with: nothing in $BROWSER could be started.';
  } else {
    try {
      // Loaded on first use: most sessions never open a link.
      const { default: open } = await import('open');
      launcher = await open(url);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return code === 'ENOENT'
        ? 'No browser to open links with: xdg-open (or open) is not installed.'
        : `Could not open ${host}: ${sanitizeLine((error as Error).message)}`;
    }
  }
  // The launcher has started; xdg-open and friends report a missing browser by exiting with a failure.
  const status = await new Promise<number | null>((resolve) => {
    launcher.once('exit', (code) => resolve(code));
    setTimeout(() => resolve(0), LAUNCH_GRACE_MS).unref();
  });
  return status === 0 ? `Opened ${host} in the browser.` : `No browser could open ${host}.`;
}

/** The program, once it has started; undefined when it cannot be (not installed, not executable). */
function started(command: string, args: string[]): Promise<ChildProcess | undefined> {
  return new Promise((resolve) => {
    // Detached and silent: the browser outlives the reader and never writes over its screen.
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.once('spawn', () => {
      child.unref();
      resolve(child);
    });
    child.once('error', () => resolve(undefined));
  });
}
