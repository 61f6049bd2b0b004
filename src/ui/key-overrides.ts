// The user's key overrides (settings.keys: command → keys) laid over the keymap table, which stays the one
// source of commands and help. A bad override is reported and left out; the default keys stay.
import { KEYMAP, type Binding, type Command, type Screen } from './keymap.js';

export type Keymap = Record<Screen, readonly Binding[]>;

/** Key names besides single characters, as keyNames() gives them. */
const NAMED = new Set([
  'tab',
  'up',
  'down',
  'left',
  'right',
  'pageup',
  'pagedown',
  'home',
  'end',
  'enter',
  'escape',
  'space',
]);
/** Ctrl+C always quits: a key the user cannot lose. */
const RESERVED = new Set(['ctrl+c']);

/** Whether `name` is a key the reader can tell apart: a printable character, a named key or Ctrl+letter. */
export function isKeyName(name: string): boolean {
  if (NAMED.has(name) || /^ctrl\+[a-z]$/.test(name)) return true;
  const chars = [...name];
  return chars.length === 1 && /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(name);
}

/** The commands a user may rebind: every command of the screens' tables (a search field's keys type). */
export function commandNames(): Command[] {
  const screens = [KEYMAP.list, KEYMAP.reader];
  return [...new Set(screens.flatMap((bindings) => bindings.map((b) => b.command)))];
}

/** The keymap with `overrides` applied, and one line for each override that was left out, and why. */
export function withOverrides(
  overrides: Readonly<Record<string, readonly string[]>>,
  base: Keymap = KEYMAP,
): { keymap: Keymap; problems: string[] } {
  const keymap: Record<Screen, Binding[]> = { list: [...base.list], reader: [...base.reader] };
  const problems: string[] = [];
  const known = new Set<string>(commandNames());
  for (const [command, keys] of Object.entries(overrides)) {
    const problem = overrideProblem(keymap, known, command, keys);
    if (problem) {
      problems.push(`keys.${command}: ${problem}; the default keys are kept`);
      continue;
    }
    for (const screen of Object.keys(keymap) as Screen[]) {
      keymap[screen] = keymap[screen].map((binding) =>
        binding.command === command ? { ...binding, keys: [...keys] } : binding,
      );
    }
  }
  return { keymap, problems };
}

function overrideProblem(
  keymap: Keymap,
  known: ReadonlySet<string>,
  command: string,
  keys: readonly string[],
): string | undefined {
  if (!known.has(command)) return 'no such command';
  if (!Array.isArray(keys) || keys.length === 0) return 'give at least one key';
  const bad = keys.find((key) => typeof key !== 'string' || !isKeyName(key));
  if (bad !== undefined) return `${JSON.stringify(bad)} is not a key name`;
  const reserved = keys.find((key) => RESERVED.has(key));
  if (reserved) return `${reserved} always quits`;
  for (const screen of Object.keys(keymap) as Screen[]) {
    if (!keymap[screen].some((binding) => binding.command === command)) continue;
    for (const binding of keymap[screen]) {
      if (binding.command === command) continue;
      const taken = keys.find((key) => binding.keys.includes(key));
      if (taken) return `${taken} already means ${binding.command} (${screen})`;
    }
  }
  return undefined;
}
