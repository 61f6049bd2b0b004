// Every key of the full-screen reader, in one table: input handling, the help screen and the README's key
// table all come from here.
import type { Key } from 'ink';
import type { FieldEdit } from './text-field.js';

export type Screen = 'list' | 'reader';
/** Where keys go: a screen, or a search field open on it (the list's search, the reader's find). */
export type KeyContext = Screen | 'field' | 'overlay';

/** What a key asks for; the reducer or the app carries it out. */
export type Command =
  | 'down'
  | 'up'
  | 'pageDown'
  | 'pageUp'
  | 'halfDown'
  | 'halfUp'
  | 'first'
  | 'last'
  | 'open'
  | 'back'
  | 'nextArticle'
  | 'previousArticle'
  | 'nextQuote'
  | 'previousQuote'
  | 'openLink'
  | 'links'
  | 'pickLink'
  | 'count'
  | 'percent'
  | 'bookmark'
  | 'toggleRead'
  | 'nextView'
  | 'warnings'
  | 'add'
  | 'help'
  | 'suspend'
  | 'quit'
  | 'search'
  | 'clearSearch'
  | 'find'
  | 'nextMatch'
  | 'previousMatch'
  // In a search field:
  | 'submit'
  | 'cancel'
  | FieldEdit;

export interface Binding {
  command: Command;
  /** Key names as keyNames() gives them: 'down', 'pagedown', 'ctrl+f', 'space', or the character typed. */
  keys: readonly string[];
  help: string;
  /** The footer's short word for it, for the few keys worth showing there. */
  hint?: string;
}

export const KEYMAP: Record<KeyContext, readonly Binding[]> = {
  list: [
    { command: 'down', keys: ['down', 'j'], help: 'next article', hint: 'move' },
    { command: 'up', keys: ['up', 'k'], help: 'previous article' },
    { command: 'pageDown', keys: ['pagedown', 'space', 'ctrl+f'], help: 'a page down' },
    { command: 'pageUp', keys: ['pageup', 'b', 'ctrl+b'], help: 'a page up' },
    { command: 'first', keys: ['g', 'home'], help: 'first article' },
    { command: 'last', keys: ['G', 'end'], help: 'last article (12G: the 12th)' },
    {
      command: 'count',
      keys: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
      help: 'a count for the next key: 5j, 12G, 50%',
    },
    { command: 'percent', keys: ['%', 'p'], help: 'with a count, that far down the list: 50%' },
    { command: 'open', keys: ['enter', 'right', 'l'], help: 'read the article', hint: 'read' },
    { command: 'search', keys: ['/'], help: 'search the library', hint: 'search' },
    { command: 'clearSearch', keys: ['escape'], help: 'clear the search: the whole list again' },
    {
      command: 'bookmark',
      keys: ['s'],
      help: 'bookmark the article, or remove its bookmark',
      hint: 'star',
    },
    { command: 'toggleRead', keys: ['m'], help: 'mark the article read or unread' },
    {
      command: 'nextView',
      keys: ['tab'],
      help: 'next list: Library, Unread, Bookmarks',
      hint: 'lists',
    },
    { command: 'warnings', keys: ['w'], help: 'the files that were skipped' },
    { command: 'add', keys: ['a'], help: 'add articles from a file or web address' },
    { command: 'help', keys: ['?'], help: 'this list of keys', hint: 'keys' },
    { command: 'suspend', keys: ['ctrl+z'], help: 'suspend inkwell (fg resumes it)' },
    { command: 'quit', keys: ['q', 'ctrl+c'], help: 'quit inkwell', hint: 'quit' },
  ],
  reader: [
    {
      command: 'down',
      keys: ['down', 'j', 'enter', 'ctrl+e'],
      help: 'a line down',
      hint: 'scroll',
    },
    { command: 'up', keys: ['up', 'k', 'ctrl+y'], help: 'a line up' },
    { command: 'pageDown', keys: ['space', 'pagedown', 'f', 'ctrl+f'], help: 'a page down' },
    { command: 'pageUp', keys: ['pageup', 'b', 'ctrl+b'], help: 'a page up' },
    { command: 'halfDown', keys: ['d', 'ctrl+d'], help: 'half a page down' },
    { command: 'halfUp', keys: ['u', 'ctrl+u'], help: 'half a page up' },
    { command: 'first', keys: ['g', 'home'], help: 'top of the article' },
    { command: 'last', keys: ['G', 'end'], help: 'end of the article (12G: line 12)' },
    {
      command: 'count',
      keys: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
      help: 'a count for the next key: 5j, 3 Space, 12G, 50%',
    },
    { command: 'percent', keys: ['%', 'p'], help: 'with a count, that far into the article: 50%' },
    { command: 'nextQuote', keys: ['"'], help: 'next quotation', hint: 'quotes' },
    { command: 'previousQuote', keys: ["'"], help: 'previous quotation' },
    { command: 'find', keys: ['/'], help: 'find in the article', hint: 'find' },
    { command: 'nextMatch', keys: ['n'], help: 'next match' },
    { command: 'previousMatch', keys: ['N'], help: 'previous match' },
    { command: 'nextArticle', keys: [']'], help: 'next article' },
    { command: 'previousArticle', keys: ['['], help: 'previous article' },
    { command: 'openLink', keys: ['o'], help: 'open the article in the browser', hint: 'browser' },
    { command: 'links', keys: ['L'], help: 'the links of the article, to open one', hint: 'links' },
    {
      command: 'bookmark',
      keys: ['s'],
      help: 'bookmark the article, or remove its bookmark',
    },
    { command: 'toggleRead', keys: ['m'], help: 'mark the article read or unread' },
    { command: 'warnings', keys: ['w'], help: 'the files that were skipped' },
    { command: 'add', keys: ['a'], help: 'add articles from a file or web address' },
    { command: 'help', keys: ['?'], help: 'this list of keys', hint: 'keys' },
    { command: 'back', keys: ['q', 'escape', 'left', 'h'], help: 'back to the list', hint: 'back' },
    { command: 'suspend', keys: ['ctrl+z'], help: 'suspend inkwell (fg resumes it)' },
    { command: 'quit', keys: ['ctrl+c'], help: 'quit inkwell' },
  ],
  // Any other key types itself into the field.
  field: [
    {
      command: 'submit',
      keys: ['enter'],
      help: 'keep the search and leave the field',
      hint: 'keep',
    },
    { command: 'cancel', keys: ['escape'], help: 'clear the search', hint: 'clear' },
    { command: 'down', keys: ['down'], help: 'next result (reading: a line down)' },
    { command: 'up', keys: ['up'], help: 'previous result (reading: a line up)' },
    { command: 'deleteBack', keys: ['backspace', 'ctrl+h'], help: 'delete a character' },
    { command: 'cursorLeft', keys: ['left'], help: 'cursor left' },
    { command: 'cursorRight', keys: ['right'], help: 'cursor right' },
    { command: 'cursorHome', keys: ['home', 'ctrl+a'], help: 'start of the field' },
    { command: 'cursorEnd', keys: ['end', 'ctrl+e'], help: 'end of the field' },
    { command: 'clear', keys: ['ctrl+u'], help: 'empty the field' },
    { command: 'suspend', keys: ['ctrl+z'], help: 'suspend inkwell (fg resumes it)' },
    { command: 'quit', keys: ['ctrl+c'], help: 'quit inkwell' },
  ],
  // A list drawn over the screen (help, skipped files, links): any other key closes it.
  overlay: [
    { command: 'down', keys: ['down', 'j'], help: 'scroll down (links: the next link)' },
    { command: 'up', keys: ['up', 'k'], help: 'scroll up (links: the previous link)' },
    { command: 'pageDown', keys: ['pagedown', 'space', 'ctrl+f'], help: 'a page down' },
    { command: 'pageUp', keys: ['pageup', 'b', 'ctrl+b'], help: 'a page up' },
    {
      command: 'pickLink',
      keys: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
      help: "links: a link's number opens it",
    },
    { command: 'open', keys: ['enter'], help: 'links: open the chosen link' },
    { command: 'back', keys: ['escape', 'q'], help: 'close (so does any other key)' },
  ],
};

const ARROWS: [keyof Key, string][] = [
  ['upArrow', 'up'],
  ['downArrow', 'down'],
  ['leftArrow', 'left'],
  ['rightArrow', 'right'],
  ['pageUp', 'pageup'],
  ['pageDown', 'pagedown'],
  ['home', 'home'],
  ['end', 'end'],
  ['return', 'enter'],
  ['escape', 'escape'],
];

/** A key with no name here (F1, Alt+x): it does nothing, except close an overlay. */
export const OTHER_KEY = 'other';

/** Keys that can arrive inside a run of typed characters, as in "G\r". */
const CHARACTER_NAMES: Record<string, string> = {
  ' ': 'space',
  '\r': 'enter',
  '\n': 'enter',
  '\t': 'tab',
  '\x7f': 'backspace',
};

/** Backspace, whichever code the terminal sends for it; Ink 6 reports it as Delete. */
const BACKSPACE = 'backspace';

/**
 * The key names in one piece of input. Typing fast or pasting delivers several characters at once: each
 * is a key of its own, control characters among them (Ctrl+C in "jj\x03").
 */
export function keyNames(input: string, key: Key): string[] {
  for (const [flag, name] of ARROWS) if (key[flag]) return [name];
  if (key.tab && !key.shift) return ['tab'];
  if (key.ctrl && input.length === 1) return [`ctrl+${input.toLowerCase()}`];
  if (key.backspace || key.delete) return [BACKSPACE];
  if (key.meta || key.tab || input === '') return [OTHER_KEY];
  return [...input].map(characterName);
}

function characterName(char: string): string {
  const named = CHARACTER_NAMES[char];
  if (named) return named;
  const code = char.charCodeAt(0);
  // Ctrl+A to Ctrl+Z are the codes 1 to 26.
  if (code >= 1 && code <= 26) return `ctrl+${String.fromCharCode(code + 96)}`;
  return code < 32 || code === 127 ? OTHER_KEY : char;
}

/**
 * The command a named key gives in a context, if any, in `keymap` (the table with the user's overrides,
 * which cover the screens; a search field's keys are always the table's own).
 */
export function keyToAction(
  context: KeyContext,
  name: string,
  keymap: Partial<Record<KeyContext, readonly Binding[]>> = KEYMAP,
): Command | undefined {
  return (keymap[context] ?? KEYMAP[context]).find((binding) => binding.keys.includes(name))
    ?.command;
}

const LABELS: Record<string, string> = {
  up: '↑',
  down: '↓',
  left: '←',
  right: '→',
  pageup: 'PgUp',
  pagedown: 'PgDn',
  home: 'Home',
  end: 'End',
  enter: 'Enter',
  escape: 'Esc',
  space: 'Space',
  backspace: 'Backspace',
  tab: 'Tab',
};

/** How a key is written for people: ↓, PgDn, Ctrl+F, G. */
export function keyLabel(name: string): string {
  if (name.startsWith('ctrl+')) return `Ctrl+${name.slice(5).toUpperCase()}`;
  return LABELS[name] ?? name;
}

/** Which hints the footer keeps when it is short of room: the first of these go last. */
const HINT_IMPORTANCE: readonly Command[] = [
  'quit',
  'back',
  'help',
  'open',
  'down',
  'search',
  'nextView',
  'bookmark',
  'nextQuote',
  'find',
  'openLink',
];

/**
 * The footer's reminders of the keys that matter on a screen ("q quit", "? keys", "↓ move", ...), the most
 * important first, so that a narrow footer drops the least important and never the way out.
 */
export function keyHints(
  context: KeyContext,
  keymap: Partial<Record<KeyContext, readonly Binding[]>> = KEYMAP,
): string[] {
  const rank = (command: Command) => {
    const at = HINT_IMPORTANCE.indexOf(command);
    return at < 0 ? HINT_IMPORTANCE.length : at;
  };
  return (keymap[context] ?? KEYMAP[context])
    .filter((binding) => binding.hint)
    .sort((a, b) => rank(a.command) - rank(b.command))
    .map((binding) => `${keyLabel(binding.keys[0]!)} ${binding.hint}`);
}

/** A binding's keys as people read them: "↓ j". */
export function keysLabel(binding: Binding): string {
  return binding.keys.map(keyLabel).join(' ');
}
