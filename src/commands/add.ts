// `inkwell add <source>...`: imports files, web pages, feeds and stdin into the user's library, saying
// what became of each source; a progress bar on stderr when it is a terminal.
import { sanitizeLine } from '../core/sanitize.js';
import { importSources, type ImportProgress } from '../library/import/import-sources.js';
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
