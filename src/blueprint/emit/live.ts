import { visible } from "../../core/terminal";
import * as pulumi from "@pulumi/pulumi";
import type { JsonAny } from "../../core/json";
import { formatDiagnostics } from "../../yaml";
import { compileBlueprint } from "../compile";
import { CallRef, CapabilityRef, HelperRef, InputRef, OutputRef, SecretRef, type Value, setKey } from "../functions/values";
import { formatReport } from "../report";
import { RUNTIME_HELPERS, blueprintCall, blueprintInput, blueprintOutput, blueprintRequire, blueprintSecret } from "../runtime";
import type { TargetClass } from "../types/target";
import type { PlannedResource } from "./plan";

/** The arguments of a {@link Blueprint}. */
export interface BlueprintArgs {
  /** The blueprint's main YAML file. */
  file: string;
  /** Deployment inputs (unknown names and missing required inputs are errors). @default {} */
  inputs?: { [key: string]: JsonAny };
  /** Import URL → local file, for imports the offline catalogue does not know. @default {} */
  importMap?: { [url: string]: string };
  /** Folders of local type files, searched before the built-in catalogue (see `berth import --catalogue`). @default none */
  catalogueDirs?: string[];
  /** The folder imports, scripts and resource files must stay inside. @default the blueprint file's folder */
  root?: string;
  /** The largest file read, in bytes. @default 16 MiB */
  maxFileBytes?: number;
  /** The most node instances the blueprint may expand to. @default 10000 */
  maxInstances?: number;
}

type ResourceClass = new (name: string, args: Record<string, unknown>, opts: pulumi.CustomResourceOptions) => pulumi.Resource;
type Lookup = (name: string, id: unknown, state: undefined, opts: pulumi.CustomResourceOptions) => pulumi.Resource;

/** Loads a target class from its module (only the providers a blueprint uses are loaded). */
export function loadClass(target: TargetClass): ResourceClass & { get?: Lookup } {
  // Berth's own components load from this package (berth/swarm → ../../swarm), the providers from node_modules.
  const spec = target.module.startsWith("berth/") ? `../../${target.module.slice("berth/".length)}` : target.module;
  let cur: unknown = require(spec);
  for (const p of target.path) cur = cur !== null && typeof cur === "object" ? (cur as Record<string, unknown>)[p] : undefined;
  if (typeof cur !== "function") throw new Error(`${target.module} has no ${target.path.join(".")} (needed for ${target.token}); update berth`);
  return cur as ResourceClass & { get?: Lookup };
}

/**
 * Each Blueprint's resources per node name. Kept outside the class: Pulumi's component schema analyzer reads every
 * member of a component class (private ones too) as an output, and has no type for a map of resources.
 */
const blueprintNodes = new WeakMap<Blueprint, Map<string, pulumi.Resource[]>>();

/**
 * A Cloudify blueprint as a live construct tree: every node template becomes its mapped resource (a Berth component
 * or a provider resource) as a child of this component, in relationship order; `getNode` hands them back by name.
 * What cannot be converted is logged with `pulumi.log.warn`, one line per node, with file:line.
 *
 * @example
 * ```ts
 * const app = new Blueprint("nodecellar", { file: "blueprint.yaml", inputs: { web_port: 8080 } });
 * export const endpoint = app.outputs["endpoint"];
 * const web = app.getNode("nodecellar_container");
 * ```
 */
export class Blueprint extends pulumi.ComponentResource {
  /** The blueprint's outputs and capabilities. */
  public readonly outputs: { [name: string]: pulumi.Output<JsonAny> };

  constructor(name: string, args: BlueprintArgs, opts?: pulumi.ComponentResourceOptions) {
    super("berth:index:Blueprint", name, {}, opts);
    const compiled = compileBlueprint(args.file, {
      inputs: (args.inputs ?? {}) as Record<string, unknown>,
      importMap: args.importMap,
      catalogueDirs: args.catalogueDirs,
      root: args.root,
      maxFileBytes: args.maxFileBytes,
      maxInstances: args.maxInstances,
    });
    if (!compiled.plan) throw new pulumi.ResourceError(`Blueprint "${name}" cannot be imported:\n${formatDiagnostics(compiled.diagnostics)}`, this, true);
    const plan = compiled.plan;
    const made = new Map<string, pulumi.Resource>();
    const nodes = new Map<string, pulumi.Resource[]>();
    blueprintNodes.set(this, nodes);
    // Inputs are read from the stack's config as the generated program reads them.
    const inputs = new Map<string, unknown>();
    const toInput = (v: Value): unknown => liveValue(v, made, inputs);
    for (const i of plan.inputs) {
      inputs.set(i.name, i.required ? blueprintRequire(i.name, i.type, i.secret) : blueprintInput(i.name, toInput(i.defaultValue), i.secret));
    }
    for (const r of plan.resources) {
      const res = createPlanned(name, r, made, toInput, this);
      made.set(r.key, res);
      const list = nodes.get(r.node) ?? [];
      list.push(res);
      nodes.set(r.node, list);
    }
    for (const l of plan.lines) if (l.partial) pulumi.log.warn(visible(`${l.at.file}:${l.at.line}:${l.at.col}: ${l.message}`), this);
    for (const r of plan.report) if (r.status !== "converted") pulumi.log.warn(visible(formatReport([r]).split("\n").slice(0, -1).join("\n")), this);
    this.outputs = Object.fromEntries(plan.outputs.map((o) => [o.name, pulumi.output(toInput(o.value))]));
    this.registerOutputs(this.outputs);
  }

  /** The resource(s) a node template became: the first instance's main resource. Throws naming the known nodes. */
  public getNode(node: string): pulumi.Resource {
    const nodes = blueprintNodes.get(this) ?? new Map<string, pulumi.Resource[]>();
    const list = nodes.get(node);
    if (!list || list.length === 0) throw new Error(`the blueprint has no converted node "${node}"; nodes: ${[...nodes.keys()].sort().join(", ")}`);
    return list[0]!;
  }
}

function createPlanned(name: string, r: PlannedResource, made: Map<string, pulumi.Resource>, toInput: (v: Value) => unknown, parent: pulumi.Resource): pulumi.Resource {
  const ctor = loadClass(r.target);
  if (r.target.invoke) {
    // A data source: its result stands in for a resource when other nodes read its outputs.
    const provider = r.provider ? made.get(r.provider) : undefined;
    const invoke = ctor as unknown as (args: unknown, opts: pulumi.InvokeOptions) => pulumi.Resource;
    return invoke(toInput(r.args), { parent, ...(provider ? { provider: provider as pulumi.ProviderResource } : {}) });
  }
  const opts: pulumi.CustomResourceOptions = { parent };
  const deps = r.dependsOn.map((k) => made.get(k)).filter((x): x is pulumi.Resource => x !== undefined && pulumi.Resource.isInstance(x));
  if (deps.length > 0) opts.dependsOn = deps;
  const provider = r.provider ? made.get(r.provider) : undefined;
  if (provider) opts.provider = provider as pulumi.ProviderResource;
  if (r.secretOutputs && r.secretOutputs.length > 0) opts.additionalSecretOutputs = r.secretOutputs;
  if (r.lookupId !== undefined && ctor.get) return ctor.get(`${name}-${r.key}`, toInput(r.lookupId), undefined, opts);
  return new ctor(`${name}-${r.key}`, toInput(r.args) as Record<string, unknown>, opts);
}

/** A plan value as a Pulumi input (`inputs`: each input's value as the program reads it). */
export function liveValue(v: Value, made: Map<string, pulumi.Resource>, inputs: Map<string, unknown> = new Map()): unknown {
  const live = (x: Value) => liveValue(x, made, inputs);
  if (v instanceof InputRef) {
    if (!inputs.has(v.name)) return live(v.resolved);
    const value = inputs.get(v.name);
    return v.path.length === 0 ? value : blueprintCall("pick", value, ...v.path);
  }
  if (v instanceof SecretRef) return blueprintSecret(v.name, ...v.path);
  if (v instanceof CallRef) return blueprintCall(v.fn, ...v.args.map(live));
  if (v instanceof HelperRef) return (RUNTIME_HELPERS[v.helper] as (...args: unknown[]) => unknown)(...v.args.map(live));
  if (v instanceof CapabilityRef) return null;
  if (v instanceof OutputRef) {
    const res = made.get(v.resource);
    return res ? blueprintOutput(res, v.output, ...v.path) : null;
  }
  if (Array.isArray(v)) return v.map(live);
  if (v !== null && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) setKey(out, k, live(x));
    return out;
  }
  return v;
}

/** The parent of a program written by `berth import`, as {@link blueprintScope} returns it. */
export interface BlueprintScope {
  /** The component every generated resource is parented to. */
  readonly resource: pulumi.ComponentResource;
  /** Registers the blueprint's outputs once every node exists. */
  finish(outputs: pulumi.Inputs): void;
}

/**
 * Creates the parent of a program written by `berth import`: a component with the same type token
 * (`berth:index:Blueprint`) and name as the live {@link Blueprint}, so a stack can move from one to the other without
 * replacing anything.
 *
 * It is a function rather than a second exported component class, so that the package's component schema (served to
 * other languages) has exactly one `Blueprint`.
 *
 * @example
 * ```ts
 * const root = blueprintScope("app");
 * new openstack.networking.Network("app-network-0", {}, { parent: root.resource });
 * root.finish({ url: "http://..." });
 * ```
 */
export function blueprintScope(name: string, opts?: pulumi.ComponentResourceOptions): BlueprintScope {
  const resource = new ScopeResource(name, opts);
  return { resource, finish: (outputs) => resource.finish(outputs) };
}

class ScopeResource extends pulumi.ComponentResource {
  constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
    super("berth:index:Blueprint", name, {}, opts);
  }

  public finish(outputs: pulumi.Inputs): void {
    this.registerOutputs(outputs);
  }
}
