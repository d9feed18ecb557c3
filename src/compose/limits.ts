/**
 * The bounds on the work a Compose project may cause. A Compose file is shared, downloaded and reviewed by people who
 * do not read every byte, so every multiplication it can ask for (port ranges, replicas, nested files, a build
 * context's size) is counted before it is done, and a project over a bound is an error that shows the count and the
 * option that raises it.
 */
import { DEFAULT_MAX_FILE_BYTES } from "../core/files";

/** The bounds, all positive. */
export interface ComposeLimits {
  /** The largest file read (a Compose file, an env file, a secret or config file). @default 16 MiB */
  maxFileBytes: number;
  /** Published ports after expanding ranges, in the whole project (`--max-ports`). @default 10000 */
  maxPorts: number;
  /** Containers (one host) or tasks (Swarm) the project runs: replicas summed over services (`--max-instances`). @default 10000 */
  maxInstances: number;
  /** Compose files read for one project: the `-f` files, `include`s and `extends` files. @default 256 */
  maxFiles: number;
  /** How deeply YAML collections may nest. Real files nest fewer than 10 levels. @default 64 */
  maxDepth: number;
  /** Files in one build context, for its content digest (`--max-context-files`). @default 100000 */
  maxContextFiles: number;
  /** Bytes in one build context, for its content digest (`--max-context-size`). @default 2 GiB */
  maxContextBytes: number;
}

/** The default bounds. */
export const DEFAULT_COMPOSE_LIMITS: Readonly<ComposeLimits> = Object.freeze({
  maxFileBytes: DEFAULT_MAX_FILE_BYTES,
  maxPorts: 10_000,
  maxInstances: 10_000,
  maxFiles: 256,
  maxDepth: 64,
  maxContextFiles: 100_000,
  maxContextBytes: 2 * 1024 ** 3,
});

/** The default bounds with `overrides` applied. */
export function composeLimits(overrides: Partial<ComposeLimits> = {}): ComposeLimits {
  const out: ComposeLimits = { ...DEFAULT_COMPOSE_LIMITS };
  for (const [k, v] of Object.entries(overrides) as [keyof ComposeLimits, number | undefined][]) {
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/** A count as people read it: `1,048,576`. */
export function count(n: number): string {
  return n > 1e15 ? "more than 10^15" : n.toLocaleString("en-US");
}
