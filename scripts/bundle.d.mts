// Types for bundle.mjs, which tests use to bundle small programs the way inkwell is bundled.
export function bundle(
  entryPoints: Record<string, string>,
  outdir: string,
  options?: { appScript?: string; launcher?: { name: string; source: string } },
): Promise<void>;
