// Import speed: a 10,000-entry feed through the built binary (wall time and peak memory), and one web page
// in process. The inputs are generated here, so the bench needs nothing from outside the project.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { importHtmlPage } from '../src/library/import/html-page.js';
import { median, timeCall } from './stats.js';

const SENTENCE =
  'The committee met again on Thursday to weigh the proposal, and several members asked for more time to read the figures before a vote. ';

/** An RSS 2.0 feed of `entries` items with about `bytesPerEntry` of HTML content each. */
export function bigFeed(entries: number, bytesPerEntry: number): string {
  const paragraph = `<p>${SENTENCE.repeat(6)}<a href="/more">more</a></p>`;
  const content = paragraph.repeat(Math.max(1, Math.round(bytesPerEntry / paragraph.length)));
  const items: string[] = [];
  for (let n = 0; n < entries; n++) {
    const day = new Date(Date.UTC(2020, 0, 1) + n * 3_600_000).toUTCString();
    items.push(
      `<item><title>Entry number ${n}: the committee meets</title><link>https://feed.example.org/entries/${n}</link>` +
        `<guid>https://feed.example.org/entries/${n}</guid><pubDate>${day}</pubDate><dc:creator>Writer ${n % 50}</dc:creator>` +
        `<description>Summary ${n}.</description><content:encoded><![CDATA[${content}]]></content:encoded></item>`,
    );
  }
  return (
    '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Big Feed</title><link>https://feed.example.org/</link>' +
    `${items.join('')}</channel></rss>`
  );
}

/** A news page of about `bytes`: navigation, scripts, an article of paragraphs, a footer. */
export function averagePage(bytes: number): string {
  const paragraphs = Array.from(
    { length: Math.max(4, Math.round(bytes / 600)) },
    (_, n) => `<p>${SENTENCE.repeat(4)}Paragraph ${n} ends with <a href="/p/${n}">a link</a>.</p>`,
  ).join('\n');
  const nav = Array.from(
    { length: 60 },
    (_, n) => `<li><a href="/section/${n}">Section ${n}</a></li>`,
  ).join('');
  const script = `<script>${'var tracking = {a: 1, b: 2};'.repeat(200)}</script>`;
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The committee meets | Example News</title>` +
    `<meta property="og:site_name" content="Example News"><meta property="article:published_time" content="2024-05-01T10:00:00Z">` +
    `${script}</head><body><nav><ul>${nav}</ul></nav><article><h1>The committee meets</h1>` +
    `<p class="byline">By Jo Writer</p>${paragraphs}</article><footer><ul>${nav}</ul></footer></body></html>`
  );
}

export interface ImportBench {
  feedBytes: number;
  feedEntries: number;
  feedMs: number;
  /** CPU time (user and system) of the import: on a shared machine, what the import itself cost. */
  feedCpuMs: number;
  feedPeakMb: number;
  pageBytes: number;
  pageMs: number;
}

export function measureImport(binary: string, runs: number): ImportBench {
  const dir = mkdtempSync(join(tmpdir(), 'inkwell-bench-import-'));
  try {
    const entries = 10_000;
    const feed = bigFeed(entries, 3_900);
    const feedPath = join(dir, 'big.rss');
    writeFileSync(feedPath, feed);
    // The child reports its own peak memory as it exits.
    const probe = join(dir, 'peak.cjs');
    writeFileSync(
      probe,
      [
        "process.on('exit', () => {",
        '  const usage = process.resourceUsage();',
        '  const cpu = (usage.userCPUTime + usage.systemCPUTime) / 1000;',
        "  require('fs').writeSync(2, `\\npeak-rss-kb=${usage.maxRSS} cpu-ms=${cpu}\\n`);",
        '});',
        '',
      ].join('\n'),
    );
    const home = join(dir, 'home');
    const start = performance.now();
    const result = spawnSync(process.execPath, ['--require', probe, binary, 'add', feedPath], {
      env: { ...process.env, INKWELL_HOME: home },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const feedMs = performance.now() - start;
    if (result.status !== 0)
      throw new Error(`importing the feed failed: ${result.stderr.slice(0, 500)}`);
    const written = readdirSync(join(home, 'articles')).length;
    if (written !== entries) throw new Error(`the feed gave ${written} files, not ${entries}`);
    const peak = Number(/peak-rss-kb=(\d+)/.exec(result.stderr)?.[1] ?? NaN);
    const cpu = Number(/cpu-ms=([\d.]+)/.exec(result.stderr)?.[1] ?? NaN);

    const page = averagePage(100 * 1024);
    for (let warm = 0; warm < 3; warm++) importHtmlPage(page, 'https://news.example.org/a');
    const pageMs = median(
      Array.from({ length: runs }, () =>
        timeCall(() => importHtmlPage(page, 'https://news.example.org/a')),
      ),
    );
    return {
      feedBytes: Buffer.byteLength(feed),
      feedEntries: entries,
      feedMs,
      feedCpuMs: cpu,
      feedPeakMb: peak / 1024,
      pageBytes: Buffer.byteLength(page),
      pageMs,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
