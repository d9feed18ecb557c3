/** Reading the schema-shaped parts of definitions: property schemas, operations and interfaces. */
import { type Diagnostics, type Site, isMap, sub } from "./site";
import type { Operation, PropertySchema, Written } from "./types";

/** Reads a `properties:`-style schema (`{name: {type, default, required, description}}`). */
export function readSchema(body: unknown, site: Site, d: Diagnostics, what: string): Map<string, PropertySchema> {
  const out = new Map<string, PropertySchema>();
  if (body === undefined || body === null) return out;
  if (!isMap(body)) {
    d.at(site, `${what} must be a mapping of names to {type, default, required, description}`);
    return out;
  }
  for (const [name, spec] of Object.entries(body)) {
    const at = sub(site, name);
    if (spec !== null && spec !== undefined && !isMap(spec)) {
      d.at(at, `${what} "${name}" must be a mapping such as {type: string, default: ...}`);
      continue;
    }
    const s = (spec ?? {}) as Record<string, unknown>;
    const required = s["required"];
    if (required !== undefined && typeof required !== "boolean") d.at(sub(at, "required"), "required must be true or false");
    out.set(name, {
      name,
      type: typeof s["type"] === "string" ? s["type"] : undefined,
      description: typeof s["description"] === "string" ? s["description"] : undefined,
      hasDefault: "default" in s,
      default: "default" in s ? { value: s["default"], site: sub(at, "default") } : undefined,
      required: required !== false,
      site: at,
    });
  }
  return out;
}

/** Reads one operation: `"impl"` or `{implementation, inputs, executor, ...}`; in a type, inputs are a schema. */
export function readOperation(iface: string, name: string, body: unknown, site: Site, inType: boolean, d: Diagnostics): Operation | undefined {
  if (body === null || body === undefined) return { iface, name, implementation: "", inputs: new Map(), site };
  if (typeof body === "string") return { iface, name, implementation: body, inputs: new Map(), site };
  if (!isMap(body)) {
    d.at(site, `operation ${iface}.${name} must be an implementation string or {implementation, inputs}`);
    return undefined;
  }
  const known = new Set(["implementation", "inputs", "executor", "max_retries", "retry_interval", "timeout", "timeout_recoverable"]);
  for (const k of Object.keys(body)) if (!known.has(k)) d.at(sub(site, k), `unknown operation key "${k}"; use implementation, inputs, executor, max_retries or retry_interval`, true);
  const impl = body["implementation"];
  if (impl !== undefined && impl !== null && typeof impl !== "string") d.at(sub(site, "implementation"), "implementation must be a string");
  const inputs = new Map<string, Written>();
  const rawInputs = body["inputs"];
  const inputsSite = sub(site, "inputs");
  if (rawInputs !== undefined && rawInputs !== null) {
    if (!isMap(rawInputs)) d.at(inputsSite, "operation inputs must be a mapping");
    else if (inType) {
      for (const [k, spec] of readSchema(rawInputs, inputsSite, d, "operation input")) {
        inputs.set(k, spec.default ?? { value: null, site: spec.site });
      }
    } else {
      for (const [k, v] of Object.entries(rawInputs)) inputs.set(k, { value: v, site: sub(inputsSite, k) });
    }
  }
  return {
    iface,
    name,
    implementation: typeof impl === "string" ? impl : "",
    inputs,
    executor: typeof body["executor"] === "string" ? body["executor"] : undefined,
    site,
  };
}

/** Reads `interfaces:` into operations keyed `interface.operation`. */
export function readInterfaces(body: unknown, site: Site, inType: boolean, d: Diagnostics): Map<string, Operation> {
  const out = new Map<string, Operation>();
  if (body === undefined || body === null) return out;
  if (!isMap(body)) {
    d.at(site, "interfaces must be a mapping of interface names to operations");
    return out;
  }
  for (const [iface, ops] of Object.entries(body)) {
    const at = sub(site, iface);
    if (ops === null || ops === undefined) continue;
    if (!isMap(ops)) {
      d.at(at, `interface ${iface} must be a mapping of operation names to implementations`);
      continue;
    }
    for (const [name, op] of Object.entries(ops)) {
      const parsed = readOperation(iface, name, op, sub(at, name), inType, d);
      if (parsed) out.set(`${iface}.${name}`, parsed);
    }
  }
  return out;
}

