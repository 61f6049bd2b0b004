// What every command is handed: the loaded library, its arguments, where to print, where data lives.
import type { Library } from '../library/library.js';
import type { Paths } from '../library/paths.js';
import type { ParsedArgs } from './args.js';
import type { Output } from './output.js';

export interface CommandContext {
  library: Library;
  args: ParsedArgs;
  out: Output;
  paths: Paths;
}
