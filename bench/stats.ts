// Small statistics and timing helpers shared by the bench modules.
import { performance } from 'node:perf_hooks';

/** The middle sample (the upper middle for an even count). */
export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/** The nearest-rank percentile: the smallest sample with at least `p` % of the samples at or below it. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  if (p === 50) return sorted[Math.floor(sorted.length / 2)]!;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function timeCall(call: () => unknown): number {
  const start = performance.now();
  call();
  return performance.now() - start;
}

export function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}
