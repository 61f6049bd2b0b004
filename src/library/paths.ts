// Where inkwell keeps the user's things: INKWELL_HOME, else the platform's data, config and cache folders.
import envPaths from 'env-paths';
import { join } from 'node:path';

export interface Paths {
  /** INKWELL_HOME, or the platform data folder (~/.local/share/inkwell on Linux). */
  home: string;
  /** The user's own articles. */
  articles: string;
  /**
   * The folder of the config file: INKWELL_HOME when set, so one variable isolates everything; else conf's
   * own default (~/.config/inkwell-nodejs on Linux).
   */
  config: string;
  /**
   * What can be made again and is safe to delete (parsed article fields, so a start reads only changed
   * files; the code the reader starts from; the saved search index): $INKWELL_HOME/cache, else the
   * platform cache folder (~/.cache/inkwell on Linux).
   */
  cache: string;
}

export function resolvePaths(env: NodeJS.ProcessEnv = process.env): Paths {
  const platform = envPaths('inkwell', { suffix: '' });
  const home = env.INKWELL_HOME || platform.data;
  return {
    home,
    articles: join(home, 'articles'),
    config: env.INKWELL_HOME ? home : envPaths('inkwell', { suffix: 'nodejs' }).config,
    cache: env.INKWELL_HOME ? join(home, 'cache') : platform.cache,
  };
}
