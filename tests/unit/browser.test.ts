import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserLaunchers, openInBrowser } from '../../src/ui/browser.js';

const URL = 'https://example.org/a?b=1&c=2';

describe('browserLaunchers', () => {
  it.each([
    { browser: undefined, expected: [] },
    { browser: '', expected: [] },
    { browser: ' : ', expected: [] },
    { browser: 'firefox', expected: [{ command: 'firefox', args: [URL] }] },
    {
      browser: 'firefox --new-window',
      expected: [{ command: 'firefox', args: ['--new-window', URL] }],
    },
    {
      browser: 'chromium --app=%s --incognito:lynx',
      expected: [
        { command: 'chromium', args: [`--app=${URL}`, '--incognito'] },
        { command: 'lynx', args: [URL] },
      ],
    },
    {
      browser: '/opt/my browser/run',
      expected: [{ command: '/opt/my', args: ['browser/run', URL] }],
    },
  ])('$browser', ({ browser, expected }) => {
    expect(browserLaunchers(browser, URL)).toEqual(expected);
  });

  it('never hands a shell the link: quotes and semicolons stay inside one argument', () => {
    const hostile = 'https://example.org/";rm -rf ~;"';
    expect(browserLaunchers('sh -c %s', hostile)).toEqual([
      { command: 'sh', args: ['-c', hostile] },
    ]);
  });
});

describe('openInBrowser with $BROWSER', () => {
  /** A fake browser that writes the arguments it was given, one a line, and exits with `status`. */
  function fakeBrowser(status: number) {
    const dir = mkdtempSync(join(tmpdir(), 'inkwell-browser-'));
    const program = join(dir, 'fake-browser');
    const noted = join(dir, 'args');
    writeFileSync(program, `#!/bin/sh\nprintf '%s\\n' "$@" > '${noted}'\nexit ${status}\n`);
    chmodSync(program, 0o755);
    return { program, noted, dir };
  }

  it('uses the first program that starts, with the link as one argument', async () => {
    const { program, noted, dir } = fakeBrowser(0);
    const browser = `${join(dir, 'not-installed')}:${program} --flag`;
    await expect(openInBrowser(URL, browser)).resolves.toBe('Opened example.org in the browser.');
    expect(readFileSync(noted, 'utf8')).toBe(`--flag\n${URL}\n`);
  });

  it('says so when the browser fails', async () => {
    const { program } = fakeBrowser(4);
    await expect(openInBrowser(URL, program)).resolves.toBe('No browser could open example.org.');
  });

  it('says so when nothing in $BROWSER starts', async () => {
    await expect(openInBrowser(URL, '/nonexistent/one:/nonexistent/two')).resolves.toBe(
      'No browser to open links with: nothing in $BROWSER could be started.',
    );
  });
});
