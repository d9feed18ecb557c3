/** Small helpers the mapping functions share: reading evaluated values without trusting their shapes. */
import { type Value, isDeferred, setKey } from "../../functions/values";

/** An evaluated mapping value. */
export type Obj = { [key: string]: Value };

/** A mapping (object) value, or {} when the value is not one (a list, a scalar, a deferred reference). */
export function obj(v: Value | undefined): Obj {
  return v !== null && v !== undefined && typeof v === "object" && !Array.isArray(v) && !isDeferred(v) ? (v as Obj) : {};
}

/** Drops undefined members and empty strings (Cloudify's "not set"). */
export function clean(o: Record<string, Value | undefined>): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined && v !== "" && v !== null) setKey(out, k, v);
  return out;
}

/** The first non-empty of several values. */
export function first(...vs: (Value | undefined)[]): Value | undefined {
  return vs.find((v) => v !== undefined && v !== null && v !== "");
}

/** A list value, or [] when the value is not one. */
export function list(v: Value | undefined): Value[] {
  return Array.isArray(v) ? v : [];
}

/** True when an object holds at least one set member. */
export function any(o: Obj): boolean {
  return Object.values(o).some((v) => v !== undefined && v !== null && v !== "" && !(typeof v === "object" && !isDeferred(v) && !Array.isArray(v) && Object.keys(v).length === 0));
}
