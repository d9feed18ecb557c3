/**
 * Whether a written value fits a declared type (`string`, `integer`, ..., or a data type), as Cloudify's parser checks
 * property values and input defaults. Values that hold an intrinsic function are checked only where they are plain:
 * their type is known when the function has run.
 */
import type { Entry } from "../parse/merge";
import { isMap } from "./site";

/** The primitive type names and their checks. */
export const PRIMITIVES: Record<string, (v: unknown) => boolean> = {
  string: (v) => typeof v === "string",
  textarea: (v) => typeof v === "string",
  regex: (v) => typeof v === "string",
  integer: (v) => typeof v === "number" && Number.isInteger(v),
  float: (v) => typeof v === "number",
  boolean: (v) => typeof v === "boolean",
  list: (v) => Array.isArray(v),
  dict: (v) => isMap(v),
};

/** Input types of DSL 1_4 and 1_5 that name things on a manager (their values are strings or lists of them). */
export const MANAGER_INPUT_TYPES = new Set([
  "blueprint_id",
  "deployment_id",
  "capability_value",
  "scaling_group",
  "node_id",
  "node_type",
  "node_instance",
  "secret_key",
  "operation_name",
]);

/** True for a type name the DSL knows without a definition. */
export function isBuiltinType(type: string): boolean {
  return type in PRIMITIVES || MANAGER_INPUT_TYPES.has(type);
}

/** True when an intrinsic function call (a one-key mapping whose key starts with `get_` or names a function) is anywhere in the value. */
export function holdsFunction(v: unknown): boolean {
  const todo: unknown[] = [v];
  while (todo.length > 0) {
    const x = todo.pop();
    if (x === null || typeof x !== "object") continue;
    if (Array.isArray(x)) {
      todo.push(...x);
      continue;
    }
    const keys = Object.keys(x);
    if (keys.length === 1 && /^(get_|concat$|merge$|string_)/.test(keys[0]!)) return true;
    todo.push(...Object.values(x));
  }
  return false;
}

/** Why `value` does not fit `type` (a primitive or a data type of `dataTypes`), or undefined when it fits or cannot be told. */
export function misfit(value: unknown, type: string | undefined, dataTypes: ReadonlyMap<string, Entry>): string | undefined {
  if (type === undefined || value === null || value === undefined) return undefined;
  if (holdsFunction(value) && !isMap(value)) return undefined;
  const check = PRIMITIVES[type];
  if (check) {
    if (holdsFunction(value)) return undefined;
    return check(value) ? undefined : `must be a${/^[aeiou]/.test(type) ? "n" : ""} ${type}, got ${describe(value)}`;
  }
  const dt = dataTypes.get(type);
  if (!dt) return undefined;
  if (!isMap(value)) return holdsFunction(value) ? undefined : `must be a mapping of ${type}'s properties, got ${describe(value)}`;
  const known = new Set<string>();
  let cur: Entry | undefined = dt;
  const seen = new Set<string>();
  while (cur && !seen.has(cur.name)) {
    seen.add(cur.name);
    const body: Record<string, unknown> = isMap(cur.value) ? cur.value : {};
    if (isMap(body["properties"])) for (const k of Object.keys(body["properties"])) known.add(k);
    cur = typeof body["derived_from"] === "string" ? dataTypes.get(body["derived_from"]) : undefined;
  }
  const unknown = Object.keys(value).filter((k) => !known.has(k));
  if (unknown.length === 0) return undefined;
  return `has ${unknown.map((k) => JSON.stringify(k)).join(", ")}, which data type ${type} does not declare (it declares: ${[...known].sort().join(", ") || "nothing"})`;
}

function describe(v: unknown): string {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * The value a property typed by a data type takes when it is not set and has no default of its own: the data type's
 * field defaults, when every field has one or is not required (Cloudify merges nested defaults, so such a property
 * needs no value). Undefined when `type` is not a data type or some field must be given.
 */
export function dataTypeDefault(type: string | undefined, dataTypes: ReadonlyMap<string, Entry>, within: ReadonlySet<string> = new Set()): Record<string, unknown> | undefined {
  // A data type nested in itself (directly or not), or nested deeper than any real one, needs a value written.
  if (type === undefined || within.has(type) || within.size >= 32) return undefined;
  const chain: Entry[] = [];
  const seen = new Set<string>();
  for (let cur = dataTypes.get(type); cur && !seen.has(cur.name); ) {
    seen.add(cur.name);
    chain.push(cur);
    const body: Record<string, unknown> = isMap(cur.value) ? cur.value : {};
    cur = typeof body["derived_from"] === "string" ? dataTypes.get(body["derived_from"]) : undefined;
  }
  if (chain.length === 0) return undefined;
  const out: Record<string, unknown> = {};
  const decided = new Set<string>();
  // The derived type's fields first: they override their parent's.
  for (const dt of chain) {
    const body: Record<string, unknown> = isMap(dt.value) ? dt.value : {};
    const props = isMap(body["properties"]) ? body["properties"] : {};
    for (const [k, spec] of Object.entries(props)) {
      if (decided.has(k)) continue;
      decided.add(k);
      const field: Record<string, unknown> = isMap(spec) ? spec : {};
      if (Object.hasOwn(field, "default")) setOwn(out, k, field["default"]);
      else if (field["required"] !== false) {
        const nested = dataTypeDefault(typeof field["type"] === "string" ? field["type"] : undefined, dataTypes, new Set([...within, type]));
        if (!nested) return undefined;
        setOwn(out, k, nested);
      }
    }
  }
  return out;
}

function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}
