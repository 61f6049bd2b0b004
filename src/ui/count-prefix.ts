// Count prefixes, as in less and vim: 5j moves five lines, 3 Space three pages, 12G goes to line (or row)
// 12, 50% or 50p halfway. The count is typed first and waits in the state until the key it is for.
import type { Command } from './keymap.js';

/** Digits kept at most: a count past a million rows or lines means nothing more. */
const MAX_DIGITS = 6;
/** Commands a count repeats. */
const REPEATED = new Set<Command>([
  'down',
  'up',
  'pageDown',
  'pageUp',
  'halfDown',
  'halfUp',
  'nextQuote',
  'previousQuote',
  'nextMatch',
  'previousMatch',
]);

/** The pending count with `digit` typed after it. */
export function typedDigit(count: string, digit: string): string {
  return (count + digit).replace(/^0+/, '').slice(0, MAX_DIGITS);
}

/** What a count does to a command: repeat it, go to a place (a line or row, a percentage), or nothing. */
export type CountedStep =
  | { kind: 'repeat'; times: number }
  | { kind: 'line'; index: number }
  | { kind: 'percent'; percent: number }
  | { kind: 'once' };

export function countedStep(command: Command, count: number): CountedStep {
  if (REPEATED.has(command)) return { kind: 'repeat', times: count };
  if (command === 'first' || command === 'last') return { kind: 'line', index: count - 1 };
  if (command === 'percent') return { kind: 'percent', percent: Math.min(100, count) };
  return { kind: 'once' };
}
