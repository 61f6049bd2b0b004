// Older store files brought up to today's format, one version at a time. Pure: the store reads and writes.
import { FORMAT_VERSION } from './schema.js';

type Plain = Record<string, unknown>;
type Migration = (file: Plain, now: string) => Plain;

/**
 * Version 1 kept bare lists of ids (`bookmarks`, `read`) and the text width as `width`. Version 2 keeps
 * maps keyed by id, with what a bookmark needs to be listed once its article is gone, plus positions and
 * settings. A version-1 bookmark's title is its id until the article is seen again; its date is the
 * migration's, the best there is.
 */
const fromVersion1: Migration = (file, now) => {
  const ids = (value: unknown) =>
    Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
  const settings: Plain = {};
  if (file.width !== undefined) settings.measure = file.width;
  return {
    version: 2,
    bookmarks: Object.fromEntries(
      ids(file.bookmarks).map((id) => [id, { title: id, url: null, bookmarkedAt: now }]),
    ),
    read: Object.fromEntries(ids(file.read).map((id) => [id, now])),
    positions: {},
    settings,
  };
};

/** MIGRATIONS[n] takes a file of version n to version n + 1. */
const MIGRATIONS: Record<number, Migration> = { 1: fromVersion1 };

/** The file at today's version, and the version it was found at. A file without a version is version 1. */
export function migrate(file: unknown, now: string): { file: unknown; from: number | undefined } {
  if (typeof file !== 'object' || file === null || Array.isArray(file)) {
    return { file, from: undefined };
  }
  let current = file as Plain;
  const from = current.version === undefined ? 1 : current.version;
  if (typeof from !== 'number') return { file, from: undefined };
  let version = from;
  while (version < FORMAT_VERSION && MIGRATIONS[version]) {
    current = MIGRATIONS[version]!(current, now);
    version += 1;
  }
  return { file: current, from };
}
