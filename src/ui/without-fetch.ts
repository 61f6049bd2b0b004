// Loading Ink without a global fetch, which would otherwise cost start-up time.

/**
 * Ink's layout engine (yoga) loads its WebAssembly from a data: URL through fetch() when there is one, and
 * loading Node's fetch costs ~25 ms of start-up; without it, yoga decodes the same bytes itself. The
 * property is swapped by descriptor, because reading it would load fetch.
 */
export async function withoutFetch<T>(load: () => Promise<T>): Promise<T> {
  const fetch = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (!fetch?.configurable) return load();
  Object.defineProperty(globalThis, 'fetch', {
    value: undefined,
    configurable: true,
    writable: true,
  });
  try {
    return await load();
  } finally {
    Object.defineProperty(globalThis, 'fetch', fetch);
  }
}
