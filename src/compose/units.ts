/**
 * Compose CPU counts (`0.5`), converted the way the Docker CLI converts them for `docker stack deploy`. Durations
 * and byte sizes are read by core/duration and core/size, shared with the docker-py params.
 */

/** A CPU count (`"0.5"`, `2`) as nano-CPUs (`500000000`), or undefined when it is not a positive number. */
export function parseCpus(text: string | number): number | undefined {
  const n = typeof text === "number" ? text : /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : Number.NaN;
  return Number.isFinite(n) && n >= 0 ? Math.round(n * 1e9) : undefined;
}
