// Opens a web link in the user's browser, and says in one line how that went.
import type { ChildProcess } from 'node:child_process';
import { sanitizeLine } from '../core/sanitize.js';

/** How long a launcher gets to report failure; one still running by then has handed the link on. */
const LAUNCH_GRACE_MS = 3000;

export async function openInBrowser(url: string): Promise<string> {
  const host = new URL(url).host;
  let launcher: ChildProcess;
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
  // open() resolves once the launcher has started; xdg-open and friends report a missing browser by
  // exiting with a failure status.
  const status = await new Promise<number | null>((resolve) => {
    launcher.once('exit', (code) => resolve(code));
    setTimeout(() => resolve(0), LAUNCH_GRACE_MS).unref();
  });
  return status === 0 ? `Opened ${host} in the browser.` : `No browser could open ${host}.`;
}
