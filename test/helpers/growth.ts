/**
 * How a function's running time grows with its input, measured within one run so the machine's speed and load
 * cancel out: the best of a few timings at two sizes, as a ratio. Linear work on a 10x larger input gives about 10;
 * quadratic work gives about 100. Tests assert on this ratio, never on a wall-clock figure.
 */
import { performance } from "node:perf_hooks";

function best(f: () => void, tries: number): number {
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < tries; i++) {
    const t0 = performance.now();
    f();
    min = Math.min(min, performance.now() - t0);
  }
  return Math.max(min, 0.01);
}

/** Time at the larger input over time at the smaller one (best of `tries` each), with both figures for messages. */
export function growth(small: () => void, large: () => void, tries = 3): { ratio: number; smallMs: number; largeMs: number } {
  small(); // warm-up: compile the code paths before timing
  const smallMs = best(small, tries);
  const largeMs = best(large, tries);
  return { ratio: largeMs / smallMs, smallMs, largeMs };
}
