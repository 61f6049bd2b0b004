// YAML front matter read by the YAML parser, with its errors put so that the file's author can act on
// them. Loaded only when some front matter is more than plain `key: value` lines.
import { parseDocument, type ErrorCode, type YAMLError } from 'yaml';
import { sanitizeLine } from '../core/sanitize.js';
import type { YamlFields } from './article-text.js';

export const yamlFields: YamlFields = (frontMatter) => {
  const doc = parseDocument(frontMatter, {
    schema: 'core',
    uniqueKeys: true,
    // The library would print its warnings (which quote the file) to stderr unsanitized.
    logLevel: 'silent',
  });
  const error = doc.errors[0];
  if (error) return { ok: false, reason: yamlReason(error, frontMatter) };
  try {
    return { ok: true, data: doc.toJS({ maxAliasCount: 100 }) as unknown };
  } catch (aliasError) {
    return {
      ok: false,
      reason: `front matter is not valid YAML: ${firstLine((aliasError as Error).message)}`,
    };
  }
};

/**
 * A YAML error as the person who wrote the file can act on it: the line of the file (the opening --- is
 * line 1), what is wrong, and for the usual slips what to do.
 */
function yamlReason(error: YAMLError, frontMatter: string): string {
  const at = error.linePos?.[0]?.line;
  // yaml's message ends with its own position, counted from the front matter: ours replaces it.
  const what = firstLine(error.message).replace(/ at line \d+, column \d+:?$/, '');
  const hint = at === undefined ? undefined : yamlHint(error.code, frontMatter.split('\n'), at);
  const where = at === undefined ? '' : ` at line ${at + 1}`;
  return `front matter is not valid YAML${where}: ${what}${hint ? ` (${hint})` : ''}`;
}

/** What to do about the usual slips; `at` is the front matter's line (from 1) the error names. */
function yamlHint(code: ErrorCode, lines: readonly string[], at: number): string | undefined {
  const line = lines[at - 1];
  const field = /^\s*([\w-]+)\s*:/.exec(line ?? '')?.[1];
  switch (code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
      // title: Putin: the talks. A ": " inside a value starts another field unless the value is quoted.
      return field ? `put the ${field} in quotes` : undefined;
    case 'DUPLICATE_KEY':
      return field ? `${field} is given twice` : undefined;
    case 'UNEXPECTED_TOKEN':
      // title: "Putin" and Kim: a quoted value must be quoted whole.
      return /:\s*["'][^"']*["']\s*\S/.test(line ?? '')
        ? `quote the whole ${field ?? 'value'}, not its start`
        : undefined;
    case 'BAD_INDENT':
    case 'MISSING_CHAR': {
      // An unclosed [ list is noticed only on a later line: name the field that opened it.
      const opened = lines
        .slice(0, at)
        .map((text) => /^\s*([\w-]+)\s*:\s*\[[^\]]*$/.exec(text)?.[1])
        .findLast(Boolean);
      return opened ? `close the [ list of ${opened} with ]` : undefined;
    }
    default:
      return undefined;
  }
}

function firstLine(message: string): string {
  return sanitizeLine(message.split('\n')[0] ?? message);
}
