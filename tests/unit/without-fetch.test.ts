import { describe, expect, it } from 'vitest';
import { withoutFetch } from '../../src/ui/without-fetch.js';

describe('withoutFetch', () => {
  it('hides fetch while it loads, and puts the same property back', async () => {
    const before = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
    const seen = await withoutFetch(async () => typeof globalThis.fetch);
    expect(seen).toBe('undefined');
    expect(Object.getOwnPropertyDescriptor(globalThis, 'fetch')).toEqual(before);
  });

  it('puts it back when the load fails', async () => {
    const before = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
    await expect(withoutFetch(() => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(Object.getOwnPropertyDescriptor(globalThis, 'fetch')).toEqual(before);
  });
});
