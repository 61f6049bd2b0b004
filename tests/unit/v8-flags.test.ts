// The reader's V8 flags: set once, remembered, and handed to a worker thread, whose heap undid them, to set again.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const set = vi.fn<(flags: string) => void>();
vi.mock('node:v8', () => ({ setFlagsFromString: (flags: string) => set(flags) }));

const { flagsSet, setFlags } = await import('../../src/v8-flags.js');
const KEY = Symbol.for('inkwell.v8-flags');

beforeEach(() => {
  set.mockReset();
  delete (globalThis as Record<symbol, unknown>)[KEY];
});

describe('setFlags and flagsSet', () => {
  it.each([
    { name: 'none set: nothing to set again', calls: [] as string[][], again: [] as string[] },
    { name: 'one', calls: [['--a=1']], again: ['--a=1'] },
    { name: 'two at once', calls: [['--a=1', '--b']], again: ['--a=1', '--b'] },
    {
      name: 'set twice: once again',
      calls: [['--a=1'], ['--a=1', '--b']],
      again: ['--a=1', '--b'],
    },
  ])('$name', ({ calls, again }) => {
    for (const flags of calls) setFlags(flags);
    expect(set.mock.calls.map(([flag]) => flag)).toEqual(calls.flat());
    expect(flagsSet()).toEqual(again);
  });

  it('remembers across bundles (the launcher sets, the app sets again)', () => {
    setFlags(['--a=1']);
    expect((globalThis as Record<symbol, unknown>)[KEY]).toEqual(['--a=1']);
  });

  it('never throws, even where V8 refuses a flag', () => {
    set.mockImplementation(() => {
      throw new Error('no such flag');
    });
    expect(() => setFlags(['--nonsense'])).not.toThrow();
    expect(flagsSet()).toEqual(['--nonsense']);
  });
});
