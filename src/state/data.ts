// What the user owns, in memory: bookmarks, read marks, reading positions and settings, and the one pure
// function that applies a change to them. Shared by the store (on disk) and the reader (in its state).

/** A kept article: its title and link are saved with it, so it can be listed after the file is gone. */
export interface Bookmark {
  title: string;
  url: string | null;
  /** ISO 8601 time the bookmark was made. */
  bookmarkedAt: string;
}

/**
 * Where an article was left, independent of the terminal's width: the body block at the top of the view
 * (-1 for the title and byline) and how many characters of that block lie above it.
 */
export interface Position {
  block: number;
  offset: number;
  /** ISO 8601 time it was saved. */
  savedAt: string;
}

/** The colour schemes; mono is what NO_COLOR gives (attributes only). */
export const THEMES = ['dark', 'light', 'mono'] as const;
export type ThemeName = (typeof THEMES)[number];

/** The user's settings. `keys` maps a command of the keymap to the keys that give it instead. */
export interface Settings {
  measure: number;
  theme: ThemeName;
  keys: Readonly<Record<string, readonly string[]>>;
}

export const DEFAULT_SETTINGS: Settings = { measure: 80, theme: 'dark', keys: {} };
/** What a measure may be: narrower is unreadable, wider is no longer a measure. */
export const MEASURE_RANGE = { min: 20, max: 400 } as const;

/** Everything kept for the user. Maps, never plain objects: an id is any string, "__proto__" included. */
export interface UserData {
  bookmarks: ReadonlyMap<string, Bookmark>;
  /** Article id → ISO 8601 time it was first read. */
  read: ReadonlyMap<string, string>;
  positions: ReadonlyMap<string, Position>;
  settings: Settings;
}

export function emptyData(): UserData {
  return {
    bookmarks: new Map(),
    read: new Map(),
    positions: new Map(),
    settings: DEFAULT_SETTINGS,
  };
}

/**
 * One change, stated as the result wanted ("bookmarked", not "toggled"), so that applying it again, or
 * over a copy another process has changed meanwhile, does what the user meant and nothing more.
 */
export type Change =
  | { kind: 'bookmark'; id: string; bookmark: Bookmark | null }
  | { kind: 'read'; id: string; at: string | null }
  | { kind: 'position'; id: string; position: Position | null }
  | { kind: 'setting'; settings: Partial<Settings> };

export function applyChange(data: UserData, change: Change): UserData {
  return applyChanges(data, [change]);
}

/** The changes applied in order. The maps are copied once, however many changes there are. */
export function applyChanges(data: UserData, changes: readonly Change[]): UserData {
  if (changes.length === 0) return data;
  const bookmarks = new Map(data.bookmarks);
  const read = new Map(data.read);
  const positions = new Map(data.positions);
  let settings = data.settings;
  const put = <T>(map: Map<string, T>, id: string, value: T | null) =>
    value === null ? map.delete(id) : map.set(id, value);
  for (const change of changes) {
    switch (change.kind) {
      case 'bookmark':
        put(bookmarks, change.id, change.bookmark);
        break;
      case 'read':
        // The first reading is the one kept: reading again does not move it.
        if (change.at === null || !read.has(change.id)) put(read, change.id, change.at);
        break;
      case 'position':
        put(positions, change.id, change.position);
        break;
      case 'setting':
        settings = { ...settings, ...change.settings };
        break;
    }
  }
  return { bookmarks, read, positions, settings };
}
