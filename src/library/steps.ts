// Long work as generators that pause (yield) now and then: run to the end at once (a command), or a few
// milliseconds at a time with the event loop turning in between (a worker answering queries meanwhile).

/** Runs steps to the end at once (a command, a small change); returns what they return. */
export function runSteps<T>(steps: Generator<void, T>, done?: (value: T) => void): T {
  for (;;) {
    const next = steps.next();
    if (next.done) {
      done?.(next.value);
      return next.value;
    }
  }
}

/**
 * Runs steps a few milliseconds at a time, letting the event loop turn in between (a query is answered,
 * a key read), and resolves to what they return.
 */
export function runStepsAside<T>(steps: Generator<void, T>, sliceMs = 8): Promise<T> {
  return new Promise((resolve, reject) => {
    const slice = () => {
      const start = performance.now();
      try {
        for (;;) {
          const next = steps.next();
          if (next.done) return resolve(next.value);
          if (performance.now() - start > sliceMs) break;
        }
      } catch (error) {
        return reject(error as Error);
      }
      setImmediate(slice);
    };
    slice();
  });
}
