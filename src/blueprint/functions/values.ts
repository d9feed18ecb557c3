/**
 * The evaluator's result: plain data, with deferred references where a value is only known at deployment (an
 * attribute of a resource, a secret) or comes from configuration (an input). The live emitter turns the references
 * into Pulumi Outputs; the code emitter into TypeScript expressions. Pure data, no Pulumi imports.
 */

/**
 * Sets `obj[key] = value` as an own property even for `__proto__` (a plain assignment of that key would set the
 * object's prototype instead, and the value would vanish).
 */
export function setKey<T>(obj: Record<string, T>, key: string, value: T): void {
  if (key === "__proto__") Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

import { dump } from "js-yaml";
import { type ScriptSpec, parseRuntimeProperties, renderScript } from "../scripts/render";

/** A blueprint value after evaluation. */
export type Value = null | boolean | number | string | Value[] | { [key: string]: Value } | Deferred;

/** A deployment input, with the value it has for this import (inputs are configuration in the generated program). */
export class InputRef {
  public readonly kind = "input";
  constructor(
    public readonly name: string,
    public readonly path: readonly (string | number)[],
    /** The value for this import, with every input inside it replaced by its own value (never an InputRef). */
    public readonly resolved: Value,
    /** True when the input has no value at import (no default, none given): the program requires it from config. */
    public readonly unset = false,
  ) {}
}

/** A value with every {@link InputRef} replaced by the value it has for this import (so no chain of inputs nests). */
export function flatten(v: Value): Value {
  if (v instanceof InputRef) return v.unset ? v : v.resolved;
  if (v instanceof CallRef) return v.args.some(hasInputRef) ? new CallRef(v.fn, v.args.map(flatten)) : v;
  if (isDeferred(v) || v === null || typeof v !== "object") return v;
  if (!hasInputRef(v)) return v;
  if (Array.isArray(v)) return v.map(flatten);
  const out: { [key: string]: Value } = {};
  for (const [k, x] of Object.entries(v)) setKey(out, k, flatten(x));
  return out;
}

/** True when an input reference is anywhere in a value. */
export function hasInputRef(v: Value): boolean {
  if (v instanceof InputRef) return true;
  if (v instanceof CallRef) return v.args.some(hasInputRef);
  if (isDeferred(v) || v === null || typeof v !== "object") return false;
  return (Array.isArray(v) ? v : Object.values(v)).some(hasInputRef);
}

/** An attribute (output) of the resource a node instance maps to, or a nested path into it. */
export class AttributeRef {
  public readonly kind = "attribute";
  constructor(
    public readonly node: string,
    /** The instance of the referring node (the target instance is chosen from it when the plan is made). */
    public readonly fromNode: string | undefined,
    public readonly fromIndex: number,
    /**
     * The mapped resource's output property (`accessIpV4`, `id`, ...), or one of the special kinds: `#runtime` (a
     * runtime property a script sets, its name first in `path`), `#instance_id`, `#instance_index`.
     */
    public readonly output: string,
    public readonly path: readonly (string | number)[],
    /** What Cloudify falls back to when the runtime property is not set: the node's property of that name. @default null */
    public readonly fallback: Value = null,
    /** `get_attributes_list` / `get_attributes_dict`: every instance of the node, as a list or by instance id. @default one */
    public readonly all: "list" | "dict" | undefined = undefined,
  ) {}
}

/** A capability of another deployment (`get_capability`, `get_environment_capability`): an output of its stack. */
export class CapabilityRef {
  public readonly kind = "capability";
  constructor(
    /** The deployment id (a plain value or an input); `environment` for the environment's capabilities. */
    public readonly deployment: Value,
    public readonly capability: string,
    public readonly path: readonly (string | number)[],
  ) {}
}

/** A secret: a Pulumi config secret of this name (optionally a path into its JSON value). */
export class SecretRef {
  public readonly kind = "secret";
  constructor(
    public readonly name: string,
    public readonly path: readonly (string | number)[],
  ) {}
}

/** A function whose arguments are not all known at import time, applied at run time by the same helper both ways. */
export class CallRef {
  public readonly kind = "call";
  constructor(
    public readonly fn: RuntimeFunction,
    public readonly args: readonly Value[],
  ) {}
}

/** The run-time helpers a {@link CallRef} can name (exported from `berth/blueprint`, see runtime.ts). */
export type RuntimeFunction =
  | "concat"
  | "merge"
  | "pick"
  | "stringFind"
  | "stringReplace"
  | "stringSplit"
  | "stringLower"
  | "stringUpper"
  | "toJson"
  | "script"
  | "runtimeProperties"
  | "runtimeProperty"
  | "sshUrl"
  | "base64"
  | "cloudConfig";

/**
 * The run-time helpers of `berth/blueprint` that read the stack's configuration or other stacks (not pure): a
 * {@link HelperRef} names one; both emitters call the same function.
 */
export type RuntimeHelper = "blueprintRequire" | "blueprintSsh" | "blueprintSshUrl" | "blueprintStackName" | "blueprintSys" | "blueprintConfig";

/** A call of a run-time helper (config reads, stack references), made when the program runs. */
export class HelperRef {
  public readonly kind = "helper";
  constructor(
    public readonly helper: RuntimeHelper,
    public readonly args: readonly Value[],
  ) {}
}

/** A deferred reference. */
export type Deferred = InputRef | AttributeRef | SecretRef | CallRef | OutputRef | HelperRef | CapabilityRef;

/** True for a deferred reference. */
export function isDeferred(v: unknown): v is Deferred {
  return (
    v instanceof InputRef ||
    v instanceof AttributeRef ||
    v instanceof SecretRef ||
    v instanceof CallRef ||
    v instanceof OutputRef ||
    v instanceof HelperRef ||
    v instanceof CapabilityRef
  );
}

/** True when a value holds no attribute, secret or call reference anywhere (inputs count as known). */
export function isKnown(v: Value): boolean {
  if (v instanceof InputRef) return true;
  if (isDeferred(v)) return false;
  if (Array.isArray(v)) return v.every(isKnown);
  if (v !== null && typeof v === "object") return Object.values(v).every(isKnown);
  return true;
}

/**
 * The value as known at import time: inputs replaced by their values; attributes, secrets and calls over them are
 * undefined (unknown until deployment).
 */
export function concrete(v: Value): unknown {
  if (v instanceof InputRef) return v.unset ? undefined : concrete(v.resolved);
  if (v instanceof CallRef) {
    const args = v.args.map(concrete);
    if (args.some((a) => a === undefined)) return undefined;
    return applyFunction(v.fn, args);
  }
  if (isDeferred(v)) return undefined;
  if (Array.isArray(v)) {
    const items = v.map(concrete);
    return items.some((i) => i === undefined) ? undefined : items;
  }
  if (v !== null && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const c = concrete(x);
      if (c === undefined) return undefined;
      setKey(out, k, c);
    }
    return out;
  }
  return v;
}

/** Python's `str()` of a JSON-like value, as Cloudify's `concat` applies it (`True`, `None`, `['a', 1]`). */
export function pythonStr(v: unknown): string {
  if (typeof v === "string") return v;
  return pythonRepr(v);
}

function pythonRepr(v: unknown): string {
  if (v === null || v === undefined) return "None";
  if (v === true) return "True";
  if (v === false) return "False";
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : String(v);
  if (typeof v === "string") return `'${v.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
  if (Array.isArray(v)) return `[${v.map(pythonRepr).join(", ")}]`;
  if (typeof v === "object") {
    return `{${Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${pythonRepr(k)}: ${pythonRepr(x)}`)
      .join(", ")}}`;
  }
  return String(v);
}

/** Applies a run-time function to known arguments (the same semantics the `berth/blueprint` helpers have). */
export function applyFunction(fn: RuntimeFunction, args: readonly unknown[]): unknown {
  const s = (i: number): string => pythonStr(args[i]);
  switch (fn) {
    case "concat":
      return args.map(pythonStr).join("");
    case "merge": {
      const out: Record<string, unknown> = {};
      for (const a of args) if (a !== null && typeof a === "object" && !Array.isArray(a)) for (const [k, x] of Object.entries(a)) setKey(out, k, x);
      return out;
    }
    case "pick": {
      let cur: unknown = args[0];
      for (const key of args.slice(1)) {
        if (cur === null || typeof cur !== "object") return null;
        cur = (cur as Record<string, unknown>)[String(key)] ?? null;
      }
      return cur;
    }
    case "stringFind":
      return s(0).indexOf(s(1));
    case "stringReplace": {
      const count = typeof args[3] === "number" ? args[3] : -1;
      let out = s(0);
      let done = 0;
      let from = 0;
      const old = s(1);
      const rep = s(2);
      if (old === "") return out;
      while (count < 0 || done < count) {
        const at = out.indexOf(old, from);
        if (at === -1) break;
        out = out.slice(0, at) + rep + out.slice(at + old.length);
        from = at + rep.length;
        done++;
      }
      return out;
    }
    case "stringSplit": {
      const parts = s(0).split(s(1));
      return typeof args[2] === "number" ? (parts[args[2]] ?? null) : parts;
    }
    case "stringLower":
      return s(0).toLowerCase();
    case "stringUpper":
      return s(0).toUpperCase();
    case "toJson":
      return JSON.stringify(args[0]);
    case "script":
      return renderScript(args[0] as ScriptSpec);
    case "runtimeProperties":
      return parseRuntimeProperties(args[0] as string);
    case "runtimeProperty": {
      const props = parseRuntimeProperties(args[0] as string);
      const name = String(args[1]);
      const base = Object.hasOwn(props, name) ? props[name] : args[2];
      return applyFunction("pick", [base, ...args.slice(3)]);
    }
    case "sshUrl":
      return `ssh://${s(0)}@${s(1)}`;
    case "cloudConfig": {
      // A cloud-init document as the utilities plugin renders it: the header line, then the configuration as YAML.
      const text = `${s(0)}\n${dump(args[1] ?? {}, { noRefs: true, lineWidth: -1 })}`;
      return args[2] === true ? Buffer.from(text, "utf8").toString("base64") : text;
    }
    case "base64":
      return Buffer.from(typeof args[0] === "string" ? args[0] : JSON.stringify(args[0]), "utf8").toString("base64");
  }
}

/** An output of a planned resource (what an {@link AttributeRef} becomes once the target instance is chosen). */
export class OutputRef {
  public readonly kind = "output";
  constructor(
    /** The planned resource's key. */
    public readonly resource: string,
    public readonly output: string,
    public readonly path: readonly (string | number)[],
  ) {}
}
