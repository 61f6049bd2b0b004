// Front matter of the plainest kind (`key: value` lines, quoted or plain text, lists of words) read
// without the YAML parser, which costs most of a first start on a large library. Anything else, or
// anything that YAML might read differently, is left to YAML: the answer is the same either way.

const KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** What plain text may start with: a letter or a digit, never one of YAML's indicators. */
const PLAIN_START = /^[\p{L}\p{N}]/u;
/** Plain text the core schema reads as something else (booleans, null, numbers). */
const NOT_TEXT =
  /^(?:true|false|null|~|[-+]?(?:\.\d+|\d+(?:\.\d*)?)(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/i;
const DOUBLE_QUOTED = /^"([^"\\]*)"$/;
const SINGLE_QUOTED = /^'([^']*)'$/;
const FLOW_LIST = /^\[([^[\]{}"'#]*)\]$/;

/**
 * The fields of front matter YAML would read as a map of text and lists of text, or undefined when it
 * is anything else (then YAML reads it, and says what is wrong).
 */
export function simpleFrontMatter(text: string): Record<string, unknown> | undefined {
  const fields: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  let count = 0;
  for (const line of text.split('\n')) {
    const colon = line.indexOf(': ');
    if (colon <= 0) return undefined;
    const key = line.slice(0, colon);
    if (!KEY.test(key) || NOT_TEXT.test(key) || key in fields || key === '__proto__')
      return undefined;
    const value = scalarOrList(line.slice(colon + 2));
    if (value === undefined) return undefined;
    fields[key] = value;
    count += 1;
  }
  return count > 0 ? { ...fields } : undefined;
}

function scalarOrList(raw: string): string | string[] | undefined {
  const value = raw.trim();
  if (value === '' || value !== raw.trimStart() || /\t/.test(value)) return undefined;
  const list = FLOW_LIST.exec(value);
  if (list) {
    const inside = list[1]!.trim();
    if (inside === '') return [];
    const items: string[] = [];
    for (const item of inside.split(',')) {
      const word = plain(item.trim(), true);
      if (word === undefined) return undefined;
      items.push(word);
    }
    return items;
  }
  const quoted = DOUBLE_QUOTED.exec(value) ?? SINGLE_QUOTED.exec(value);
  if (quoted) return quoted[1]!;
  return plain(value, false);
}

/**
 * Plain text as YAML reads it: the string itself, or undefined when YAML might read it otherwise (as a
 * number, a map, with a comment cut off). In a list (`flow`) commas and brackets end an item.
 */
function plain(value: string, flow: boolean): string | undefined {
  if (value === '' || !PLAIN_START.test(value) || NOT_TEXT.test(value)) return undefined;
  if (/:(?:\s|$)|\s#|\s$|\t/.test(value)) return undefined;
  if (flow && /[,[\]{}]/.test(value)) return undefined;
  return value;
}
