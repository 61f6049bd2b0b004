// `inkwell read <id>...` and `inkwell unread <id>...`: read marks from the command line.
import type { Change } from '../state/data.js';
import { find, unknownIds } from './bookmarks.js';
import type { CommandContext } from './context.js';
import { changeStore, readStore } from './store-access.js';

export function readCommand(context: CommandContext): number {
  return mark(context, new Date().toISOString());
}

export function unreadCommand(context: CommandContext): number {
  return mark(context, null);
}

function mark(context: CommandContext, at: string | null): number {
  const read = at === null ? readStore(context).read : new Map<string, string>();
  const changes: Change[] = [];
  const unknown: string[] = [];
  for (const id of context.args.positionals) {
    // A read mark outlives its article: it can be cleared by its id.
    const article = find(context.library.articles, id);
    if (article) changes.push({ kind: 'read', id: article.id, at });
    else if (read.has(id)) changes.push({ kind: 'read', id, at });
    else unknown.push(id);
  }
  if (unknown.length > 0) return unknownIds(context, unknown);
  return changeStore(context, changes);
}
