/**
 * A compact way to write type definitions (node types, relationships, plugins) for the offline catalogue. The
 * helpers expand into the same shape a blueprint's YAML has, so catalogue entries go through the same loader.
 */

/** Marks a property that is required and has no default. */
export const REQUIRED = Symbol("required");
/** Marks a property that is optional (`required: false`) and has no default. */
export const OPTIONAL = Symbol("optional");

/** A property default, or one of the markers. */
export type PropSpec = unknown;

/** An operation: its implementation, or the implementation and its input defaults. */
export type OpSpec = string | { impl: string; inputs: Record<string, unknown> };

/** Expands property specs into a `properties:` schema. */
function props(spec: Record<string, PropSpec>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(spec)) {
    if (v === REQUIRED) out[name] = {};
    else if (v === OPTIONAL) out[name] = { required: false };
    else out[name] = { default: v };
  }
  return out;
}

/** Expands `"lifecycle.create": impl` entries into `interfaces:` (short interface names get `cloudify.interfaces.`). */
function interfaces(ops: Record<string, OpSpec>): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [key, op] of Object.entries(ops)) {
    const dot = key.lastIndexOf(".");
    const iface = key.slice(0, dot);
    const name = key.slice(dot + 1);
    const full = iface.includes(".") ? iface : `cloudify.interfaces.${iface}`;
    const inputs: Record<string, unknown> = {};
    if (typeof op !== "string") for (const [k, d] of Object.entries(op.inputs)) inputs[k] = { default: d };
    out[full] ??= {};
    out[full]![name] = typeof op === "string" ? { implementation: op } : { implementation: op.impl, inputs };
  }
  return out;
}

/** A node type definition. */
export function nodeType(
  derivedFrom: string | undefined,
  properties: Record<string, PropSpec> = {},
  ops: Record<string, OpSpec> = {},
): Record<string, unknown> {
  const def: Record<string, unknown> = { properties: props(properties), interfaces: interfaces(ops) };
  if (derivedFrom) def["derived_from"] = derivedFrom;
  return def;
}

/** A relationship type definition. */
export function relType(derivedFrom: string | undefined, properties: Record<string, PropSpec> = {}): Record<string, unknown> {
  const def: Record<string, unknown> = { properties: props(properties) };
  if (derivedFrom) def["derived_from"] = derivedFrom;
  return def;
}

/** A data type definition. */
export function dataType(properties: Record<string, PropSpec>, derivedFrom?: string): Record<string, unknown> {
  const def: Record<string, unknown> = { properties: props(properties) };
  if (derivedFrom) def["derived_from"] = derivedFrom;
  return def;
}

/** A plugin declaration. */
export function plugin(executor: string, packageName: string): Record<string, unknown> {
  return { executor, package_name: packageName, install: true };
}
