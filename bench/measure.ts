/**
 * The bench's measuring tools: medians with min and max, timed runs after a warm-up, and the peak memory of the
 * current process. Every figure the bench reports is made with these.
 */

/** A set of measurements reduced to what the table shows. */
export interface Stats {
  median: number;
  min: number;
  max: number;
  /** How many measurements (warm-ups excluded). */
  runs: number;
}

/** The median, min and max of some measurements (the mean of the two middle ones for an even count). */
export function stats(values: readonly number[]): Stats {
  if (values.length === 0) throw new Error("stats of no measurements");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: sorted.length };
}

/** How many warm-up runs are thrown away and how many are kept. */
export interface RunPlan {
  warmup: number;
  runs: number;
}

/** Milliseconds since an arbitrary origin, sub-millisecond. */
export function now(): number {
  return performance.now();
}

/**
 * Runs `fn` `warmup` times, then `runs` times, and returns the kept durations in ms. `between` runs (untimed) before
 * each run, e.g. a garbage collection so that one run's garbage does not land on the next.
 */
export async function timeRuns(fn: () => unknown, plan: RunPlan, between?: () => void): Promise<number[]> {
  const kept: number[] = [];
  for (let i = 0; i < plan.warmup + plan.runs; i++) {
    between?.();
    const start = now();
    await fn();
    const ms = now() - start;
    if (i >= plan.warmup) kept.push(ms);
  }
  return kept;
}

/**
 * Runs several sides in turn (A, B, A, B, ...) so that a burst of load from elsewhere on the machine hits all sides
 * alike; returns each side's kept samples. Each side returns one sample per call.
 */
export async function interleave<K extends string, S>(sides: Record<K, () => Promise<S>>, plan: RunPlan): Promise<Record<K, S[]>> {
  const names = Object.keys(sides) as K[];
  const out = Object.fromEntries(names.map((n) => [n, [] as S[]])) as Record<K, S[]>;
  for (let i = 0; i < plan.warmup + plan.runs; i++) {
    for (const n of names) {
      const sample = await sides[n]();
      if (i >= plan.warmup) out[n].push(sample);
    }
  }
  return out;
}

/** The peak resident set size of this process so far, in MiB (`process.resourceUsage().maxRSS`, which is KiB). */
export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** A ratio of medians, or undefined when the baseline is zero. */
export function ratioOf(subject: Stats, baseline: Stats): number | undefined {
  return baseline.median === 0 ? undefined : subject.median / baseline.median;
}
