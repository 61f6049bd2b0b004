// The store's file format (version 2): its JSON schema, and the salvage that turns any parsed file into
// valid data, keeping every entry that is valid on its own (and checks every write: see Store.write).
import {
  DEFAULT_SETTINGS,
  MEASURE_RANGE,
  THEMES,
  type Bookmark,
  type Position,
  type Settings,
  type UserData,
} from './data.js';

/** The format version written today; older files are migrated (migrate.ts). */
export const FORMAT_VERSION = 2;

const TIME = { type: 'string', minLength: 1, maxLength: 64 } as const;

/**
 * The format as a JSON schema, one per top-level key (ids are keys of maps, never paths). salvage applies
 * the same rules in plain code; conf is not given it, as compiling it cost the first save 60-250 ms.
 */
export const SCHEMA = {
  version: { type: 'integer', const: FORMAT_VERSION },
  bookmarks: {
    type: 'object',
    additionalProperties: {
      type: 'object',
      required: ['title', 'url', 'bookmarkedAt'],
      additionalProperties: false,
      properties: {
        title: { type: 'string' },
        url: { type: ['string', 'null'] },
        bookmarkedAt: TIME,
      },
    },
  },
  read: { type: 'object', additionalProperties: TIME },
  positions: {
    type: 'object',
    additionalProperties: {
      type: 'object',
      required: ['block', 'offset', 'savedAt'],
      additionalProperties: false,
      properties: {
        block: { type: 'integer', minimum: -1 },
        offset: { type: 'integer', minimum: 0 },
        savedAt: TIME,
      },
    },
  },
  settings: {
    type: 'object',
    additionalProperties: false,
    properties: {
      measure: { type: 'integer', minimum: MEASURE_RANGE.min, maximum: MEASURE_RANGE.max },
      theme: { enum: [...THEMES] },
      keys: {
        type: 'object',
        additionalProperties: { type: 'array', items: { type: 'string' } },
      },
    },
  },
} as const;

/** The data as the file holds it. */
export interface FileData {
  version: number;
  bookmarks: Record<string, Bookmark>;
  read: Record<string, string>;
  positions: Record<string, Position>;
  settings: Partial<Settings>;
}

export function toFile(data: UserData): FileData {
  return {
    version: FORMAT_VERSION,
    bookmarks: Object.fromEntries(data.bookmarks),
    read: Object.fromEntries(data.read),
    positions: Object.fromEntries(data.positions),
    settings: { ...data.settings },
  };
}

/** What a salvage kept, and what it had to leave out (for the message to the user). */
export interface Salvaged {
  data: UserData;
  /** One line per thing left out; empty when the file was valid. */
  dropped: string[];
}

type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isTime = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= 64;
const isIndex = (value: unknown, min: number): value is number =>
  Number.isInteger(value) && (value as number) >= min;

/** Every valid entry of a version-2 file (or what is left of one); anything else is named in `dropped`. */
export function salvage(file: unknown): Salvaged {
  const dropped: string[] = [];
  if (!isPlain(file)) {
    return { data: fromParts({}, {}, {}, {}), dropped: ['the file does not hold an object'] };
  }
  if (file.version !== FORMAT_VERSION) dropped.push(`version ${JSON.stringify(file.version)}`);
  const section = (name: string): Plain => {
    const value = file[name];
    if (value === undefined) return {};
    if (isPlain(value)) return value;
    dropped.push(`${name}: not a map`);
    return {};
  };
  const keep = <T>(name: string, check: (value: unknown) => T | undefined): Map<string, T> => {
    const kept = new Map<string, T>();
    for (const [id, value] of Object.entries(section(name))) {
      const valid = check(value);
      if (valid === undefined) dropped.push(`${name}: ${JSON.stringify(id)}`);
      else kept.set(id, valid);
    }
    return kept;
  };
  const bookmarks = keep<Bookmark>('bookmarks', (value) =>
    isPlain(value) &&
    typeof value.title === 'string' &&
    (value.url === null || typeof value.url === 'string') &&
    isTime(value.bookmarkedAt) &&
    Object.keys(value).length === 3
      ? { title: value.title, url: value.url, bookmarkedAt: value.bookmarkedAt }
      : undefined,
  );
  const read = keep<string>('read', (value) => (isTime(value) ? value : undefined));
  const positions = keep<Position>('positions', (value) =>
    isPlain(value) &&
    isIndex(value.block, -1) &&
    isIndex(value.offset, 0) &&
    isTime(value.savedAt) &&
    Object.keys(value).length === 3
      ? { block: value.block, offset: value.offset, savedAt: value.savedAt }
      : undefined,
  );
  const settings: Partial<Record<keyof Settings, unknown>> = {};
  for (const [key, value] of Object.entries(section('settings'))) {
    if (key in DEFAULT_SETTINGS && settingProblem(key as keyof Settings, value) === undefined) {
      settings[key as keyof Settings] = value;
    } else dropped.push(`settings: ${JSON.stringify(key)}`);
  }
  for (const key of Object.keys(file)) {
    if (!(key in SCHEMA)) dropped.push(`unknown key ${JSON.stringify(key)}`);
  }
  return { data: fromParts(bookmarks, read, positions, settings), dropped };
}

function fromParts(
  bookmarks: Map<string, Bookmark> | Plain,
  read: Map<string, string> | Plain,
  positions: Map<string, Position> | Plain,
  settings: Partial<Record<keyof Settings, unknown>>,
): UserData {
  const asMap = <T>(value: Map<string, T> | Plain) =>
    value instanceof Map ? value : new Map<string, T>();
  return {
    bookmarks: asMap(bookmarks),
    read: asMap(read),
    positions: asMap(positions),
    settings: { ...DEFAULT_SETTINGS, ...(settings as Partial<Settings>) },
  };
}

/** Why `value` cannot be the setting `key`, or undefined when it can. */
export function settingProblem(key: keyof Settings, value: unknown): string | undefined {
  switch (key) {
    case 'measure':
      return Number.isInteger(value) &&
        (value as number) >= MEASURE_RANGE.min &&
        (value as number) <= MEASURE_RANGE.max
        ? undefined
        : `measure must be a whole number from ${MEASURE_RANGE.min} to ${MEASURE_RANGE.max}`;
    case 'theme':
      return THEMES.includes(value as never)
        ? undefined
        : `theme must be one of ${THEMES.join(', ')}`;
    case 'keys':
      return isPlain(value) &&
        Object.values(value).every(
          (keys) => Array.isArray(keys) && keys.every((key) => typeof key === 'string'),
        )
        ? undefined
        : 'keys must map each command to a list of keys';
  }
}
