/**
 * Compose units: durations (`1m30s`, `500ms`, `10s`), byte sizes (`512m`, `1gb`, `2048`) and CPU counts (`0.5`),
 * converted the way the Docker CLI converts them for `docker stack deploy`.
 */

const DURATION_UNITS: Record<string, number> = { ns: 1, us: 1e3, "µs": 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/** A Compose duration in nanoseconds, or undefined when the text is not a duration. A bare number is seconds. */
export function parseDuration(text: string | number): number | undefined {
  if (typeof text === "number") return Number.isFinite(text) && text >= 0 ? Math.round(text * 1e9) : undefined;
  const t = text.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Math.round(Number(t) * 1e9);
  if (t === "" || !/^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/.test(t)) return undefined;
  let total = 0;
  for (const m of t.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)) total += Number(m[1]) * DURATION_UNITS[m[2]!]!;
  return Math.round(total);
}

/** Nanoseconds as Go's `time.Duration.String()` writes them (`1m30s`, `500ms`, `0s`), which the provider parses back. */
export function formatDuration(ns: number): string {
  if (ns === 0) return "0s";
  if (ns < 1e3) return `${ns}ns`;
  if (ns < 1e6) return `${trim(ns / 1e3)}us`;
  if (ns < 1e9) return `${trim(ns / 1e6)}ms`;
  const h = Math.floor(ns / 3600e9);
  const m = Math.floor((ns % 3600e9) / 60e9);
  const s = (ns % 60e9) / 1e9;
  if (h > 0) return `${h}h${m}m${trim(s)}s`;
  if (m > 0) return `${m}m${trim(s)}s`;
  return `${trim(s)}s`;
}

function trim(n: number): string {
  return String(Number(n.toFixed(9)));
}

const BYTE_UNITS: Record<string, number> = { "": 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };

/**
 * A Compose byte size in bytes (`512m`, `1.5g`, `100kb`, `2048`; binary multiples, as the Docker CLI reads them),
 * or undefined when the text is not a size.
 */
export function parseBytes(text: string | number): number | undefined {
  if (typeof text === "number") return Number.isInteger(text) && text >= 0 ? text : undefined;
  const m = /^(\d+(?:\.\d+)?)\s*([bkmgt]?)b?$/i.exec(text.trim());
  if (!m) return undefined;
  return Math.floor(Number(m[1]) * BYTE_UNITS[m[2]!.toLowerCase()]!);
}

/** A CPU count (`"0.5"`, `2`) as nano-CPUs (`500000000`), or undefined when it is not a positive number. */
export function parseCpus(text: string | number): number | undefined {
  const n = typeof text === "number" ? text : /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : Number.NaN;
  return Number.isFinite(n) && n >= 0 ? Math.round(n * 1e9) : undefined;
}
