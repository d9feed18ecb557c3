/**
 * Walking recorded values: masking secrets for display and collecting secret strings for the security rules.
 * Paths are the recorder's: `key`, `key.child`, `list[0].key`.
 */
import type { RecordedValue } from "../resources/recorder";

/** What a secret value is shown as, everywhere a preview prints or writes values. */
export const SECRET_MASK = "[secret]";

function walk(
  value: RecordedValue,
  path: string,
  visit: (value: RecordedValue, path: string) => RecordedValue | undefined,
): RecordedValue {
  const replaced = visit(value, path);
  if (replaced !== undefined) return replaced;
  if (Array.isArray(value)) return value.map((v, i) => walk(v, `${path}[${i}]`, visit));
  if (value !== null && typeof value === "object") {
    const out: Record<string, RecordedValue> = {};
    for (const [k, v] of Object.entries(value)) out[k] = walk(v, path ? `${path}.${k}` : k, visit);
    return out;
  }
  return value;
}

/** `value` with everything at (or under) a secret path replaced by {@link SECRET_MASK}. */
export function maskSecrets(value: RecordedValue, secretPaths: readonly string[]): RecordedValue {
  if (secretPaths.length === 0) return value;
  const secret = new Set(secretPaths);
  return walk(value, "", (_v, p) => (secret.has(p) ? SECRET_MASK : undefined));
}

/** Structural equality of two recorded values. */
export function sameValue(a: RecordedValue | undefined, b: RecordedValue | undefined): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return false;
  if (typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  const ka = Object.keys(a);
  const rb = b as Record<string, RecordedValue>;
  const ra = a as Record<string, RecordedValue>;
  return ka.length === Object.keys(rb).length && ka.every((k) => k in rb && sameValue(ra[k], rb[k]));
}

/** `value` with every object's keys in sorted order, so that its JSON text is stable. */
export function sortKeys(value: RecordedValue): RecordedValue {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    const out: Record<string, RecordedValue> = {};
    for (const k of Object.keys(value).sort()) out[k] = sortKeys(value[k]!);
    return out;
  }
  return value;
}
