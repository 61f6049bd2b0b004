// A lock between processes around each change to the store: a directory beside the file, made atomically
// by mkdir. A lock left by a process that died is taken over once it is old.
import { mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** A holder keeps the lock for milliseconds; one this old belongs to a process that died holding it. */
export const STALE_MS = 10_000;
/** How long to wait for another process before giving up. */
const WAIT_MS = 15_000;

/** The lock could not be taken: the folder cannot be written, or another process holds it too long. */
export class LockError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));
/** Blocks this thread: the store's updates are synchronous and short, so waiting is too. */
function sleep(ms: number): void {
  Atomics.wait(pause, 0, 0, ms);
}

/** Runs `work` holding the lock for `file`, and releases it however `work` ends. */
export function withLock<T>(file: string, work: () => T, staleMs = STALE_MS): T {
  const lock = `${file}.lock`;
  const deadline = Date.now() + WAIT_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') {
        throw new LockError(`cannot write in ${dirname(file)}: ${describeCode(code, error)}`, code);
      }
      if (isStale(lock, staleMs)) {
        takeOver(lock, staleMs);
        continue;
      }
      if (Date.now() > deadline) {
        throw new LockError(`${lock} has been held for too long by another inkwell`, 'ETIMEDOUT');
      }
      // Short random pauses, growing a little: waiting processes do not wake in step.
      sleep(2 + Math.random() * Math.min(50, 4 + attempt));
    }
  }
  try {
    return work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function describeCode(code: string | undefined, error: unknown): string {
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'the file system is read-only';
  return code ?? String(error);
}

function isStale(lock: string, staleMs: number): boolean {
  try {
    return Date.now() - statSync(lock).mtimeMs > staleMs;
  } catch {
    // Released meanwhile: not stale, simply free.
    return false;
  }
}

/**
 * Removes a stale lock. Renaming first is atomic, so of several processes that found it stale only one
 * removes it; one that renamed a fresh lock taken meanwhile (it raced the first) puts it back.
 */
function takeOver(lock: string, staleMs: number): void {
  const aside = `${lock}.stale-${process.pid}-${Date.now()}`;
  try {
    renameSync(lock, aside);
  } catch {
    return;
  }
  if (isStale(aside, staleMs)) rmSync(aside, { recursive: true, force: true });
  else {
    try {
      renameSync(aside, lock);
    } catch {
      rmSync(aside, { recursive: true, force: true });
    }
  }
}
