/**
 * A compact way to write the facts of type definitions (node types, relationships, data types, plugins) for the
 * offline catalogue. The helpers expand into the shape a blueprint's YAML has, so catalogue entries go through the
 * same loader and merger as imported files.
 */

/** Marks a property that is required and has no default. */
export const REQUIRED = Symbol("required");
/** Marks a property that is optional (`required: false`) and has no default. */
export const OPTIONAL = Symbol("optional");

/** A property with a declared type (a data type, so its value's keys are checked). */
export class Typed {
  constructor(
    public readonly type: string,
    public readonly spec: { default?: unknown; required?: boolean },
  ) {}
}

/** A property of data type `type` with a default. */
export function typed(type: string, defaultValue: unknown): Typed {
  return new Typed(type, { default: defaultValue });
}

/** An optional property of data type `type`, without a default. */
export function optional(type: string): Typed {
  return new Typed(type, { required: false });
}

/** A required property of data type `type`, without a default. */
export function required(type: string): Typed {
  return new Typed(type, {});
}

/** A property default, or one of the markers. */
export type PropSpec = unknown;

/** An operation: its implementation, or the implementation and its input defaults. */
export type OpSpec = string | { impl: string; inputs: Record<string, unknown> };

/** The definitions of one catalogue entry, in the shape of a blueprint file. */
export type Defs = Record<string, unknown>;

/** Expands property specs into a `properties:` schema. */
function props(spec: Record<string, PropSpec>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(spec)) {
    if (v === REQUIRED) out[name] = {};
    else if (v === OPTIONAL) out[name] = { required: false };
    else if (v instanceof Typed) out[name] = { type: v.type, ...v.spec };
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

/**
 * Lifecycle operations whose implementations share a module: `life("aws.cloudify_aws.ec2.resources.vpc", "precreate=prepare
 * create delete")` is `precreate: ...vpc.prepare`, `create: ...vpc.create`, `delete: ...vpc.delete`; `op=` is a no-op.
 */
export function life(module: string, spec: string, iface = "lifecycle"): Record<string, OpSpec> {
  const out: Record<string, OpSpec> = {};
  for (const part of spec.split(/\s+/).filter((p) => p !== "")) {
    const eq = part.indexOf("=");
    const op = eq < 0 ? part : part.slice(0, eq);
    const fn = eq < 0 ? part : part.slice(eq + 1);
    out[`${iface}.${op}`] = fn === "" ? "" : `${module}.${fn}`;
  }
  return out;
}

/** A node type definition. */
export function nodeType(
  derivedFrom: string | undefined | null,
  properties: Record<string, PropSpec> = {},
  ops: Record<string, OpSpec> = {},
): Record<string, unknown> {
  const def: Record<string, unknown> = { properties: props(properties), interfaces: interfaces(ops) };
  if (derivedFrom) def["derived_from"] = derivedFrom;
  return def;
}

/** A relationship type definition, with its source and target operations. */
export function relType(
  derivedFrom: string | undefined | null,
  properties: Record<string, PropSpec> = {},
  sourceOps: Record<string, OpSpec> = {},
  targetOps: Record<string, OpSpec> = {},
): Record<string, unknown> {
  const def: Record<string, unknown> = { properties: props(properties) };
  if (derivedFrom) def["derived_from"] = derivedFrom;
  if (Object.keys(sourceOps).length > 0) def["source_interfaces"] = interfaces(sourceOps);
  if (Object.keys(targetOps).length > 0) def["target_interfaces"] = interfaces(targetOps);
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

/** Workflow names (a plugin's or the core's), as `workflows:` entries the report lists. */
export function workflows(plugin: string, names: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(names.map((n) => [n, { mapping: `${plugin}.workflows.${n}` }]));
}
