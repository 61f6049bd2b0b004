// Types for bundle.mjs, which tests use to bundle small programs the way inkwell is bundled.
export function bundle(
  entryPoints: Record<string, string>,
  outdir: string,
  options?: { appScript?: string; launcher?: { name: string; source: string } },
): Promise<void>;

/** Where ink-text-input's module is, which keysKeptByTextInput patches. */
export const TEXT_INPUT_MODULE: RegExp;
/** ink-text-input's module, patched so that keys typed before the next frame are all kept. */
export function keysKeptByTextInput(path: string, source: string): string;
