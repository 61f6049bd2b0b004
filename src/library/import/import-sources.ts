// Imports sources into the user's folder, one after another: a source that fails is reported with its
// reason and the rest go on. The command line and the reader's `a` prompt both come through here.
import { sanitizeLine } from '../../core/sanitize.js';
import { DEFAULT_LIMITS, type FetchLimits } from './fetch-source.js';
import { readSource } from './read-source.js';
import { LibraryWriter, type SaveOutcome } from './store.js';
import { ImportError } from './types.js';
import { openLibrary } from '../library-cache.js';

/** An article written (or left alone), as `--json` reports it. */
export interface ImportedEntry {
  id: string;
  title: string;
  path: string;
  reason?: string;
}

/** What became of every source: `--json` prints this. */
export interface ImportReport {
  added: ImportedEntry[];
  updated: ImportedEntry[];
  skipped: ImportedEntry[];
  failed: { source: string; reason: string }[];
}

/** Where an import is, for a progress bar. */
export type ImportProgress =
  | {
      phase: 'reading';
      source: string;
      index: number;
      count: number;
      received?: number;
      total?: number | null;
    }
  | { phase: 'saving'; source: string; done: number; entries: number };

export interface ImportOptions {
  /** The user's folder of articles. */
  dir: string;
  /** Ids already in the library (bundled, --library), which new articles must not take. */
  knownIds: Iterable<string>;
  /** The library cache's folder: the user's folder is read through it. */
  cacheDir?: string;
  force?: boolean;
  limits?: FetchLimits;
  stdin?: () => Promise<Uint8Array>;
  onProgress?: (progress: ImportProgress) => void;
}

function reasonOf(error: unknown): string {
  if (error instanceof ImportError) return sanitizeLine(error.message);
  const code = (error as NodeJS.ErrnoException).code;
  return sanitizeLine(
    code ? `cannot be written (${code})` : String((error as Error).message ?? error),
  );
}

export async function importSources(
  sources: readonly string[],
  options: ImportOptions,
): Promise<ImportReport> {
  const report: ImportReport = { added: [], updated: [], skipped: [], failed: [] };
  // The user's folder as the cache knows it: only what changed since is read, not every file.
  const own = options.cacheDir
    ? (await openLibrary([{ dir: options.dir, required: false }], { cacheDir: options.cacheDir }))
        .articles
    : undefined;
  const writer = new LibraryWriter(options.dir, options.knownIds, own);
  const limits = options.limits ?? DEFAULT_LIMITS;
  for (const [index, source] of sources.entries()) {
    const shown = sanitizeLine(source);
    options.onProgress?.({ phase: 'reading', source: shown, index, count: sources.length });
    let result;
    try {
      result = await readSource(source, {
        limits,
        ...(options.stdin ? { stdin: options.stdin } : {}),
        onProgress: (received, total) =>
          options.onProgress?.({
            phase: 'reading',
            source: shown,
            index,
            count: sources.length,
            received,
            total,
          }),
      });
    } catch (error) {
      report.failed.push({ source: shown, reason: reasonOf(error) });
      continue;
    }
    const many = result.count > 1;
    for (let position = 0; position < result.count; position++) {
      let entry;
      try {
        entry = result.entry(position);
      } catch (error) {
        entry = { ok: false as const, reason: reasonOf(error) };
      }
      const label = many ? `${shown} (entry ${position + 1})` : shown;
      if (!entry.ok) {
        report.failed.push({ source: label, reason: entry.reason });
        continue;
      }
      let outcome: SaveOutcome;
      try {
        outcome = writer.save(entry.article, { force: options.force ?? false });
      } catch (error) {
        report.failed.push({ source: label, reason: reasonOf(error) });
        continue;
      }
      const { status, ...saved } = outcome;
      report[status].push(saved);
      options.onProgress?.({
        phase: 'saving',
        source: shown,
        done: position + 1,
        entries: result.count,
      });
    }
  }
  return report;
}
