// Writing a file so that a reader sees its old contents or its new ones, never half: the data goes to a
// hidden file of this writer's own beside it (the library walk and the watcher skip hidden names), which is
// then renamed over it. Of two processes writing at once, the last rename wins and both leave whole files.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Writes `data` to `path`, making its folder; throws when it cannot, leaving no temporary file behind. */
export function writeFileAtomically(path: string, data: string | Uint8Array): void {
  const folder = dirname(path);
  const unique = `${process.pid}.${Math.random().toString(36).slice(2)}`;
  const temporary = join(folder, `.${basename(path)}.${unique}.tmp`);
  try {
    mkdirSync(folder, { recursive: true });
    writeFileSync(temporary, data, { flag: 'wx' });
    renameSync(temporary, path);
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Its folder could not be made either: there is nothing to remove.
    }
    throw error;
  }
}
