/**
 * Durations in nanoseconds: read from Compose and Docker text (`1m30s`, `500ms`, a bare number of seconds) and
 * written the way Go's `time.Duration.String()` writes them, which every Docker provider field parses back. Some
 * provider fields stop at milliseconds; {@link formatDuration} with `finest: "ms"` says when a value cannot be one.
 */

/** Nanoseconds per unit, as Go's `time.ParseDuration` reads them. */
const UNITS: Record<string, bigint> = { ns: 1n, us: 1_000n, "µs": 1_000n, "μs": 1_000n, ms: 1_000_000n, s: 1_000_000_000n, m: 60_000_000_000n, h: 3_600_000_000_000n };

const TERM = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/gy;

/** A Compose duration in nanoseconds, or undefined when the text is not a duration. A bare number is seconds. */
export function parseDuration(text: string | number): number | undefined {
  if (typeof text === "number") return Number.isFinite(text) && text >= 0 ? Math.round(text * 1e9) : undefined;
  const t = text.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Math.round(Number(t) * 1e9);
  let total = 0n;
  let pos = 0;
  TERM.lastIndex = 0;
  for (let m = TERM.exec(t); m; m = TERM.exec(t)) {
    total += scaled(m[1]!, UNITS[m[2]!]!);
    pos = TERM.lastIndex;
  }
  if (t === "" || pos !== t.length) return undefined;
  return Number(total);
}

/** `digits` (a decimal) times `unit` nanoseconds, truncated to whole nanoseconds as Go does. */
function scaled(digits: string, unit: bigint): bigint {
  const [whole = "", frac = ""] = digits.split(".");
  const scale = 10n ** BigInt(frac.length);
  return BigInt(whole || "0") * unit + (BigInt(frac || "0") * unit) / scale;
}

/** The smallest unit a formatted duration may need. */
export type DurationUnit = "ns" | "ms";

/**
 * Nanoseconds as Go's `time.Duration.String()` writes them (`1m30s`, `1.5s`, `500ms`, `0s`; micro as the ASCII
 * `us`, which Go reads as it reads `µs`). With
 * `finest: "ms"`, undefined when the value is not a whole number of milliseconds (for fields that stop at ms).
 */
export function formatDuration(ns: number, finest?: "ns"): string;
export function formatDuration(ns: number, finest: DurationUnit): string | undefined;
export function formatDuration(nanoseconds: number, finest: DurationUnit = "ns"): string | undefined {
  if (finest === "ms" && (!Number.isSafeInteger(nanoseconds) || nanoseconds % 1e6 !== 0)) return undefined;
  if (nanoseconds < 0) return `-${formatDuration(-nanoseconds)}`;
  const ns = Math.round(nanoseconds);
  if (ns === 0) return "0s";
  if (ns < 1e3) return `${ns}ns`;
  if (ns < 1e6) return `${decimal(ns, 1e3)}us`;
  if (ns < 1e9) return `${decimal(ns, 1e6)}ms`;
  const h = Math.floor(ns / 3600e9);
  const m = Math.floor((ns % 3600e9) / 60e9);
  const s = decimal(ns % 60e9, 1e9);
  if (h > 0) return `${h}h${m}m${s}s`;
  if (m > 0) return `${m}m${s}s`;
  return `${s}s`;
}

/** `value / unit` written exactly, without trailing zeros (`1500, 1000` → `1.5`). */
function decimal(value: number, unit: number): string {
  const whole = Math.floor(value / unit);
  const rest = value % unit;
  if (rest === 0) return String(whole);
  const digits = String(unit).length - 1;
  return `${whole}.${String(rest).padStart(digits, "0").replace(/0+$/, "")}`;
}
