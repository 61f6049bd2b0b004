// `inkwell config path|get|set`: where the settings file is, and the settings in it.
import { sanitizeLine } from '../core/sanitize.js';
import { DEFAULT_SETTINGS, type Settings } from '../state/data.js';
import { settingProblem } from '../state/schema.js';
import { configFile } from '../state/store.js';
import { withOverrides } from '../ui/key-overrides.js';
import { UsageError } from './args.js';
import type { CommandContext } from './context.js';
import { changeStore, readStore } from './store-access.js';

const KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];
const KEYS_HELP = `${KEYS.join(', ')} or keys.<command>`;

export function configCommand(context: CommandContext): number {
  const { args, out, paths } = context;
  const [action, key, value] = args.positionals;
  switch (action) {
    case 'path':
      if (key !== undefined) throw new UsageError('config path takes nothing more');
      out.write(`${configFile(paths.config)}\n`);
      return 0;
    case 'get': {
      if (value !== undefined) throw new UsageError(`unexpected argument '${value}'`);
      const settings = readStore(context).settings;
      if (key === undefined) {
        out.write(KEYS.map((name) => `${name} = ${show(settings, name)}\n`).join(''));
      } else {
        out.write(`${show(settings, parseKey(key))}\n`);
      }
      return 0;
    }
    case 'set': {
      if (key === undefined || value === undefined) {
        throw new UsageError('config set needs a key and a value, as in: config set measure 72');
      }
      const settings = readStore(context).settings;
      return changeStore(context, [
        { kind: 'setting', settings: parseSetting(settings, key, value) },
      ]);
    }
    default:
      throw new UsageError(`config takes path, get or set, not '${action}'`);
  }
}

type Key = keyof Settings | { command: string };

function parseKey(key: string): Key {
  if (key.startsWith('keys.') && key.length > 5) return { command: key.slice(5) };
  if ((KEYS as string[]).includes(key)) return key as keyof Settings;
  throw new UsageError(`no setting '${key}': the settings are ${KEYS_HELP}`);
}

function show(settings: Settings, key: Key): string {
  if (typeof key === 'object')
    return sanitizeLine(settings.keys[key.command]?.join(' ') ?? '(default)');
  const value = settings[key];
  return sanitizeLine(typeof value === 'object' ? JSON.stringify(value) : String(value));
}

/** The settings that `key = value` gives, checked as the store checks them. */
function parseSetting(current: Settings, key: string, value: string): Partial<Settings> {
  const parsed = parseKey(key);
  let change: Partial<Settings>;
  if (typeof parsed === 'object') {
    const keys = { ...current.keys };
    const given = value.split(/\s+/).filter(Boolean);
    if (given.length === 0) delete keys[parsed.command];
    else keys[parsed.command] = given;
    change = { keys };
  } else if (parsed === 'measure') {
    change = { measure: /^\d+$/.test(value) ? Number(value) : NaN };
  } else if (parsed === 'theme') {
    change = { theme: value as Settings['theme'] };
  } else {
    try {
      change = { keys: JSON.parse(value) as Settings['keys'] };
    } catch {
      throw new UsageError('keys takes JSON, as in: config set keys \'{"bookmark": ["S"]}\'');
    }
  }
  for (const [name, given] of Object.entries(change) as [keyof Settings, unknown][]) {
    const problem = settingProblem(name, given);
    if (problem) throw new UsageError(problem);
  }
  if (change.keys) {
    const [problem] = withOverrides(change.keys).problems;
    if (problem) throw new UsageError(problem);
  }
  return change;
}
