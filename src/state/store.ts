// The store on disk: conf's file (checked against the format, written atomically), read and changed under
// a lock between processes, and recovered, never cleared, when it is damaged.
import Conf from 'conf';
import { mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { applyChanges, emptyData, type Change, type UserData } from './data.js';
import { LockError, withLock } from './lock.js';
import { migrate } from './migrate.js';
import { parseTruncated } from './repair.js';
import { FORMAT_VERSION, salvage, toFile, type FileData } from './schema.js';

/** What the usual reasons a folder cannot be written mean. */
const WHY: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'part of the path is not a folder',
  ENOSPC: 'the disk is full',
};

/** The config file's name in its folder. */
export const CONFIG_NAME = 'config';

/** A damaged file that was moved aside, and what could not be kept from it. */
export interface Recovery {
  /** Where the damaged file now is. */
  aside: string;
  /** Why it was damaged. */
  reason: string;
  /** What was left out; everything else was kept. */
  dropped: string[];
}

/** The store's data, and the recovery that reading it took, if any. */
export interface Snapshot {
  data: UserData;
  recovery?: Recovery;
}

/** The store cannot be written (the folder is read-only, not a folder, or locked for too long). */
export class StoreError extends Error {}

/**
 * What happened to a damaged file, in a sentence for stderr or the reader's footer. Paths come from the
 * environment: the caller sanitizes the sentence (here, sanitize.ts would be one more chunk to load).
 */
export function describeRecovery(path: string, { aside, reason, dropped }: Recovery): string {
  const left =
    dropped.length > 0
      ? ` (${dropped.length} invalid entr${dropped.length === 1 ? 'y' : 'ies'} left out)`
      : '';
  return `${path} was damaged: ${reason}. It was moved to ${aside}, and everything valid in it was kept${left}.`;
}

/** The config file for a config folder. */
export function configFile(dir: string): string {
  return join(dir, `${CONFIG_NAME}.json`);
}

export class Store {
  readonly path: string;
  private conf: Conf<FileData> | undefined;

  constructor(
    readonly dir: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.path = configFile(dir);
  }

  /** Reads the store under the lock, recovering or migrating the file if it needs it. */
  load(): Snapshot {
    return this.update([]);
  }

  /**
   * Applies `changes` to what the file holds now (another process may have changed it) and writes the
   * result, all under the lock, so that nothing anyone saved meanwhile is lost. Throws StoreError when
   * nothing can be written.
   */
  update(changes: readonly Change[]): Snapshot {
    try {
      mkdirSync(this.dir, { recursive: true });
      return withLock(this.path, () => {
        const read = this.readFile();
        const data = applyChanges(read.data, changes);
        if (changes.length > 0 || read.rewrite) this.write(data);
        return read.recovery ? { data, recovery: read.recovery } : { data };
      });
    } catch (error) {
      if (error instanceof LockError) throw new StoreError(error.message);
      const code = (error as NodeJS.ErrnoException).code;
      if (code && /^E[A-Z]+$/.test(code)) {
        throw new StoreError(`cannot write ${this.path}: ${WHY[code] ?? code}`);
      }
      throw error;
    }
  }

  /**
   * The file as it is, without the lock and without changing it: for a look now and then at what other
   * processes saved (writes are atomic renames, so a read never sees half a file). A damaged file gives
   * undefined (the next update recovers it), or with `tolerant` whatever can be salvaged from it.
   */
  peek(tolerant = false): UserData | undefined {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      return missing || tolerant ? emptyData() : undefined;
    }
    const { data, reason } = this.parse(text);
    return reason === undefined || tolerant ? data : undefined;
  }

  /** Changes whenever the file is replaced: cheap to ask every few seconds. */
  stamp(): string {
    try {
      const { ino, mtimeMs, size } = statSync(this.path);
      return `${ino}:${mtimeMs}:${size}`;
    } catch {
      return 'none';
    }
  }

  /** Reads the file; one that is damaged is moved aside and what was valid in it comes back. */
  private readFile(): { data: UserData; rewrite: boolean; recovery?: Recovery } {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return { data: emptyData(), rewrite: false };
      }
      throw error;
    }
    const now = this.now().toISOString();
    const { data, reason, from, dropped } = this.parse(text);
    if (reason !== undefined) {
      const aside = `${this.path}.corrupt-${now.replace(/[:.]/g, '-')}`;
      renameSync(this.path, aside);
      return { data, rewrite: true, recovery: { aside, reason, dropped } };
    }
    if (from !== FORMAT_VERSION) {
      // The older file stays beside the new one, as it was, in case anything was misread.
      renameSync(this.path, `${this.path}.version-${from}`);
      return { data, rewrite: true };
    }
    return { data, rewrite: false };
  }

  /** The data in a file's text, and why it is damaged, if it is. */
  private parse(text: string) {
    let parsed: unknown;
    let reason: string | undefined;
    try {
      parsed = JSON.parse(text);
    } catch {
      reason = text.trim() === '' ? 'it was empty' : 'it was not valid JSON (cut short?)';
      parsed = parseTruncated(text) ?? {};
    }
    const { file, from } = migrate(parsed, this.now().toISOString());
    const { data, dropped } = salvage(file);
    if (reason === undefined && dropped.length > 0) reason = 'parts of it did not fit the schema';
    return { data, reason, from, dropped };
  }

  /**
   * Checks the data against the file format, then writes it through conf, atomically (a temporary file,
   * renamed). The check is salvage's, the rules every read applies (the same as SCHEMA): conf's own check
   * compiles an ajv validator on the first write of a session, which froze the reader for 60-250 ms on
   * the first key that saved anything (issue #12).
   */
  private write(data: UserData): void {
    const file = toFile(data);
    const { dropped } = salvage(file);
    if (dropped.length > 0) {
      throw new Error(
        `refused to write ${this.path}: it would not fit the schema (${dropped.join('; ')})`,
      );
    }
    this.conf ??= new Conf<FileData>({
      cwd: this.dir,
      configName: CONFIG_NAME,
      projectName: 'inkwell',
      // Ids and links hold dots: a key is a key, never a path.
      accessPropertiesByDotNotation: false,
      // A file conf cannot read is ours to recover (readFile), never to clear.
      clearInvalidConfig: false,
    });
    this.conf.store = file;
  }
}
