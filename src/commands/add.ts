// `inkwell add <source>...`: imports files, web pages, feeds and stdin into the user's library, saying
// what became of each source; a progress bar on stderr when it is a terminal.
import { homedir } from 'node:os';
import { sanitizeLine } from '../core/sanitize.js';
import { importSources, type ImportProgress } from '../library/import/import-sources.js';
import { openLibrary } from '../library/library-cache.js';
import type { LibraryFolder } from '../library/walk.js';
import type { Paths } from '../library/paths.js';
import type { AddResult } from '../ui/state.js';
import { DEFAULT_LIMITS } from '../library/import/fetch-source.js';
import type { CommandContext } from './context.js';
import { toJson } from './output.js';

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A one-line bar, redrawn in place; only on a terminal, where it is also cleared at the end. */
export function progressBar(write: (text: string) => void, width = 24) {
  let last = '';
  const draw = (progress: ImportProgress) => {
    const [done, total, what] =
      progress.phase === 'saving'
        ? [progress.done, progress.entries, 'entries']
        : progress.total
          ? [progress.received ?? 0, progress.total, 'bytes']
          : [progress.index, progress.count, 'sources'];
    const filled = total ? Math.round((Math.min(done, total) / total) * width) : 0;
    const line =
      `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${what} ${progress.source}`.slice(
        0,
        78,
      );
    if (line === last) return;
    last = line;
    write(`\r\x1b[2K${line}`);
  };
  return { draw, clear: () => last && write('\r\x1b[2K') };
}

export async function addCommand({ library, args, out, paths }: CommandContext): Promise<number> {
  const sources = args.positionals;
  if (sources.filter((source) => source === '-').length > 1) {
    out.warn("inkwell: '-' (standard input) can be given once\n");
    return 2;
  }
  const bar = process.stderr.isTTY
    ? progressBar((text) => void process.stderr.write(text))
    : undefined;
  const report = await importSources(sources, {
    dir: paths.articles,
    cacheDir: paths.cache,
    // The user's own articles are matched by the writer; new ids must not shadow the others.
    knownIds: library.articles.map((article) => article.id),
    force: args.force,
    limits: { ...DEFAULT_LIMITS, ...(args.timeout ? { timeoutMs: args.timeout * 1000 } : {}) },
    stdin: readStdin,
    ...(bar ? { onProgress: bar.draw } : {}),
  });
  bar?.clear();
  if (args.json) {
    out.write(toJson(report));
  } else {
    const line = (verb: string, { id, title }: { id: string; title: string }) =>
      `${verb.padEnd(8)}${id}  ${sanitizeLine(title)}\n`;
    for (const entry of report.added) out.write(line('added', entry));
    for (const entry of report.updated) out.write(line('updated', entry));
    for (const entry of report.skipped) {
      out.warn(`inkwell: ${sanitizeLine(`not replaced: ${entry.path}: ${entry.reason ?? ''}`)}\n`);
    }
  }
  for (const { source, reason } of report.failed) {
    out.warn(`inkwell: ${sanitizeLine(`${source}: ${reason}`)}\n`);
  }
  return report.failed.length > 0 ? 1 : 0;
}

/** Progress in words, for the reader's prompt. */
export function progressText(progress: ImportProgress): string {
  if (progress.phase === 'saving') return `Saving ${progress.done} of ${progress.entries}…`;
  if (progress.received) return `Fetching… ${Math.round(progress.received / 1024)} KB`;
  return 'Reading…';
}

/** No shell expands what is typed into the prompt: a leading ~ is the home folder, as in a shell. */
export function expandHome(typed: string, home: string): string {
  return /^~(?=$|\/)/.test(typed) ? home + typed.slice(1) : typed;
}

/** The `a` prompt's import: one source, then the library read again, and a line on how it went. */
export async function addFromReader(
  source: string,
  {
    paths,
    folders,
    onProgress,
  }: { paths: Paths; folders: LibraryFolder[]; onProgress: (text: string) => void },
): Promise<AddResult> {
  // Through the cache, like every start: the articles added are read, the rest is known.
  const cache = { cacheDir: paths.cache };
  const before = await openLibrary(folders, cache);
  const report = await importSources([expandHome(source, homedir())], {
    dir: paths.articles,
    cacheDir: paths.cache,
    knownIds: before.articles.map((article) => article.id),
    onProgress: (progress) => onProgress(progressText(progress)),
    stdin: () => Promise.reject(new Error('not from the reader')),
  });
  const { articles, warnings } = await openLibrary(folders, cache);
  const first = report.added[0] ?? report.updated[0] ?? report.skipped[0];
  const count = (n: number, what: string) => (n ? [`${n} ${what}`] : []);
  const parts = [
    ...count(report.added.length, 'added'),
    ...count(report.updated.length, 'updated'),
    ...count(report.skipped.length, 'left alone (edited; inkwell add --force replaces)'),
  ];
  const failed = report.failed[0];
  const notice = failed
    ? `Not added: ${failed.reason}${parts.length ? ` (${parts.join(', ')})` : ''}`
    : parts.length === 1 && report.added.length === 1
      ? `Added: ${first!.title}`
      : parts.join(', ');
  return { articles, warnings, id: first?.id ?? null, notice: sanitizeLine(notice) };
}
