import * as path from "node:path";
import { holesInUserinfo, isSecret as isSecretValue, isSecretName, secretConfigKey } from "../../core/secret-rule";
import type { ConfigType } from "../runtime";
import { Evaluator, toValue } from "../functions/evaluate";
import { AttributeRef, CallRef, CapabilityRef, HelperRef, InputRef, OutputRef, SecretRef, type Value, concrete, hasInputRef, isKnown, setKey } from "../functions/values";
import { DEFAULT_MAX_INSTANCES, type NodeInstance, checkInstanceCount, instancesOf, resolveCounts } from "../model/instances";
import { type Diagnostics, type Site, positionOf, sub } from "../model/site";
import type { BlueprintModel, InputDef, NodeTemplate, Operation, RelationshipUse } from "../model/types";
import { type BlueprintReader, isRefusal } from "../parse/reader";
import type { ConversionStatus, NodeReport, ReportLine } from "../report";
import { interpreterFor } from "../scripts/render";
import { TARGETS, mappingFor } from "../types/mappings";
import type { MapContext, ProviderRequest, Related, TargetClass, TypeMapping } from "../types/target";
import { ReadTracker, untracked } from "./reads";
import { operationKind, resourcesNamedBy, unservedCtx } from "./scripts";
import type { SourcePosition } from "../../yaml";
import { topologicalOrder } from "../../core/graph";

/** One resource to create: the same plan drives the live tree and the generated code. */
export interface PlannedResource {
  /** Unique key, also the resource name's suffix (`node-0`, `node-0-rule-1`). */
  key: string;
  node: string;
  index: number;
  target: TargetClass;
  args: Value;
  /** Keys of resources this one depends on (relationships, and the previous lifecycle step). */
  dependsOn: string[];
  /** Key of the provider resource (a Kubernetes master, an explicit cloud provider). @default none */
  provider?: string;
  /** For `use_external_resource`: the id to look the resource up by; it is read, never created or deleted. @default none */
  lookupId?: Value;
  /** The node's description, for comments. @default none */
  description?: string;
  /** Outputs Pulumi stores encrypted (a script's stdout carries its runtime properties). @default none */
  secretOutputs?: string[];
}

/** A node that is not converted: the program keeps it as a typed value that creates nothing. */
export interface PlannedPlaceholder {
  key: string;
  node: string;
  type: string;
  reason: string;
  /** The node's properties as evaluated (first instance). */
  properties: Value;
  description?: string;
}

/** A deployment input as the program reads it from the stack's config. */
export interface PlanInput {
  name: string;
  description?: string;
  /** The config type its declared type reads as. */
  type: ConfigType;
  /** True when it is (or feeds) a secret: read with requireSecret, never written to the stack file or the code. */
  secret: boolean;
  /**
   * True when the program requires it from config: the blueprint gives no value (no default, none in --inputs), or
   * it is a secret whose value is written out (never copied into the program).
   */
  required: boolean;
  /** The value for this import (undefined when required). */
  value: unknown;
  hasDefault: boolean;
  /** What the program falls back to when config does not set it (the --inputs value, else the default). */
  defaultValue: Value;
}

/**
 * One key of the stack's config the program reads, as data for whatever writes `Pulumi.<stack>.yaml`: inputs, the
 * secrets `get_secret` names, the SSH user and key of hosts, other deployments' stacks.
 */
export interface ConfigEntry {
  key: string;
  type: ConfigType;
  secret: boolean;
  /** True when the program stops without it. */
  required: boolean;
  /** A value to pre-fill (never for secrets). @default none */
  value?: unknown;
  /** What it is (one line; the project writer adds how to set it). */
  comment: string;
}

/** Everything both emitters need. */
export interface Plan {
  resources: PlannedResource[];
  placeholders: PlannedPlaceholder[];
  outputs: { name: string; description?: string; value: Value }[];
  inputs: PlanInput[];
  /** Every config key the program reads. */
  config: ConfigEntry[];
  /** The config keys of the secrets the program reads (`secret_NAME` for each `get_secret NAME`, the SSH key). */
  secrets: string[];
  report: NodeReport[];
  /** Blueprint-level report lines (imports, workflows, policies, labels). */
  lines: ReportLine[];
  description?: string;
  /** The npm packages the program imports, besides berth and @pulumi/pulumi. */
  packages: string[];
}

const LIFECYCLE = "cloudify.interfaces.lifecycle";
const RELATIONSHIP = "cloudify.interfaces.relationship_lifecycle";


/** Topological order of node templates, relationship targets first (cycles were reported by the model). */
export function dependencyOrder(model: BlueprintModel): NodeTemplate[] {
  return topologicalOrder(model.nodes.values(), (n) => n.relationships.map((r) => model.nodes.get(r.target))).order;
}

/** `file:line:col: ` of a site (of its key with `key: true`). */
function where(site: Site, key = false): string {
  const p = positionOf(site, key);
  return `${p.file}:${p.line}:${p.col}: `;
}

/** The config type of an input's declared type. */
function configType(def: InputDef): ConfigType {
  switch (def.type) {
    case "integer":
    case "float":
      return "number";
    case "boolean":
      return "boolean";
    case "list":
    case "dict":
      return "object";
    case undefined:
    case "string":
    case "textarea":
    case "regex":
      return "string";
    default:
      return def.type.startsWith("cloudify.") || !/_id$|_key$|_value$|_group$|_type$|_instance$|_name$/.test(def.type) ? "object" : "string";
  }
}

/** The notes of one node: `partial` ones are what the program does not reproduce. */
class NoteBook {
  private readonly notes = new Map<string, { message: string; partial: boolean }[]>();

  public add(node: string, message: string, partial: boolean): void {
    const list = this.notes.get(node) ?? [];
    if (!list.some((n) => n.message === message)) list.push({ message, partial });
    this.notes.set(node, list);
  }

  public of(node: string): { message: string; partial: boolean }[] {
    return this.notes.get(node) ?? [];
  }
}

/** What the plan knows about each node's instances once they are planned. */
interface Planned {
  /** Per instance: the resource other nodes' attributes read (the mapped resource, else the first command). */
  main: (string | undefined)[];
  /** Per instance: the last lifecycle step (what dependants wait for). */
  last: (string | undefined)[];
  /** Per instance: the last script command (whose stdout carries the runtime properties). */
  props: (string | undefined)[];
  /** Per instance, for a node that computes values instead of creating a resource: its attributes. */
  values: (Record<string, Value> | undefined)[];
}

/** Builds the plan for a checked model and checked inputs. Problems (function errors) go to `d`. */
export function makePlan(
  model: BlueprintModel,
  inputs: Record<string, unknown>,
  d: Diagnostics,
  reader?: BlueprintReader,
  limits: { maxInstances: number } = { maxInstances: DEFAULT_MAX_INSTANCES },
): Plan {
  const notes = new NoteBook();
  const note = (node: string, message: string, partial = false) => notes.add(node, message, partial);
  const scriptNodes = new Set<string>();
  const ev = new Evaluator(model, d, {
    inputs,
    note: (node, message) => note(node, message, true),
    attributeOutput: (node, attr) => {
      const out = mappingFor(node.type.chain)?.attributes[attr];
      if (out !== undefined) return out;
      return scriptNodes.has(node.name) ? "#runtime" : undefined;
    },
  });
  for (const node of model.nodes.values()) if (runsScripts(node, ev)) scriptNodes.add(node.name);
  ev.prepare();
  resolveCounts(model, (w, self) => concrete(ev.evaluate(w, self ? { self } : {})), d, (n, m) => note(n, m, true));
  const empty: Plan = { resources: [], placeholders: [], outputs: [], inputs: [], config: [], secrets: [], report: [], lines: [], packages: [], description: model.description };
  if (!checkInstanceCount(model, limits.maxInstances, d)) return empty;
  const instances = instancesOf(model);
  const planned = new Map<string, Planned>();
  const resources: PlannedResource[] = [];
  const placeholders: PlannedPlaceholder[] = [];
  const secrets = new Set<string>();
  const config = new Map<string, ConfigEntry>();
  const useConfig = (e: ConfigEntry) => {
    if (!config.has(e.key)) config.set(e.key, e);
  };
  const report: NodeReport[] = [];
  const baseDir = path.dirname(model.mainFile);
  const stacks = new Map<string, string>();
  /** Each command's runtime-properties source (the command before it), for the teardown scripts attached to it. */
  const propsBefore = new Map<string, string | undefined>();

  // Resource paths (scripts, manifests) are relative to the blueprint's folder, as in the blueprint archive.
  const resource = (file: string, site: Site): string | undefined => {
    if (!reader) return undefined;
    const r = reader.relative(file, baseDir);
    if (!isRefusal(r)) return r.text;
    if (!r.missing) d.at(site, `cannot read the resource file: ${r.message}`);
    return undefined;
  };

  const hostChain = (node: string, index: number): Map<string, number> => {
    const out = new Map<string, number>();
    let cur = instances.get(node)?.[index];
    while (cur && cur.hostIndex !== undefined) {
      const host = model.nodes.get(cur.node)?.host;
      if (!host) break;
      out.set(host, cur.hostIndex);
      cur = instances.get(host)?.[cur.hostIndex];
    }
    return out;
  };
  const targetIndex = (from: string | undefined, fromIndex: number, target: string): number => {
    const count = instances.get(target)?.length ?? 1;
    if (from !== undefined) {
      const hosted = hostChain(from, fromIndex).get(target);
      if (hosted !== undefined) return hosted;
      const fromCount = instances.get(from)?.length ?? 1;
      if (fromCount === count) return fromIndex;
    }
    return count <= 1 ? 0 : fromIndex % count;
  };

  /** The stack reference standing for another deployment (one per distinct deployment value). */
  const stackFor = (deployment: Value, owner: string): string => {
    const id = JSON.stringify(concrete(deployment) ?? `#${stacks.size}`);
    const known = stacks.get(id);
    if (known) return known;
    const key = `stack-${stacks.size}`;
    stacks.set(id, key);
    const name = concrete(deployment);
    resources.push({
      key,
      node: owner,
      index: 0,
      target: TARGETS.stackReference,
      args: { name: new HelperRef("blueprintStackName", [typeof name === "string" ? name : resolveRefs(deployment, owner)]) },
      dependsOn: [],
      description: `The stack of Cloudify deployment ${typeof name === "string" ? name : "(given by an input)"} (its capabilities are the stack's outputs).`,
    });
    useConfig({ key: "stacks", type: "object", secret: false, required: false, comment: "the Pulumi stack of each Cloudify deployment whose capabilities the program reads, {deployment: org/project/stack} (default: a stack named like the deployment)" });
    return key;
  };

  /** The explicit provider resource for a configuration (one per distinct configuration and provider type). */
  const providers = new Map<string, string>();
  const providerFor = (request: ProviderRequest, owner: string): string => {
    const args = resolveRefs(request.args, owner);
    const id = `${request.target.token} ${JSON.stringify(args, (_k, v) => (v instanceof OutputRef ? `@${v.resource}.${v.output}` : v))}`;
    const known = providers.get(id);
    if (known) return known;
    const key = `provider-${request.target.module.split("/").pop()}-${[...providers.values()].filter((k) => k.startsWith(`provider-${request.target.module.split("/").pop()}-`)).length}`;
    providers.set(id, key);
    resources.push({ key, node: owner, index: 0, target: request.target, args, dependsOn: [], description: `The ${request.target.module} provider of the blueprint's ${owner} configuration (not the ambient credentials).` });
    return key;
  };

  /** Replaces the references a value holds with what the program reads: outputs of planned resources, config. */
  const resolveRefs = (v: Value, owner: string, self?: { index: number; propsKey: string | undefined }): Value => {
    if (v instanceof AttributeRef) {
      const p = planned.get(v.node);
      const pick = (idx: number): Value => {
        if (v.output === "#instance_id") return `${v.node}_${idx}`;
        if (v.output === "#instance_index") return idx;
        if (v.output === "#runtime") {
          const key = v.node === owner && self && v.fromNode === owner ? self.propsKey : p?.props[idx];
          const fallback = resolveRefs(v.fallback, owner, self);
          if (!key) return fallback;
          return new CallRef("runtimeProperty", [new OutputRef(key, "stdout", []), v.path[0] ?? null, fallback, ...v.path.slice(1)]);
        }
        const values = p?.values[idx];
        const staticName = v.output.startsWith("=") ? v.output.slice(1) : values && !p?.main[idx] ? v.output : undefined;
        if (values && staticName !== undefined) {
          const value = values[staticName];
          return value === undefined ? null : v.path.length === 0 ? value : new CallRef("pick", [value, ...v.path]);
        }
        const key = p?.main[idx];
        if (!key) {
          note(owner, `get_attribute on ${v.node} refers to a node that creates no resource; it is null`, true);
          return null;
        }
        return new OutputRef(key, v.output, v.path);
      };
      if (v.all) {
        const count = instances.get(v.node)?.length ?? 0;
        const list = Array.from({ length: count }, (_, i) => pick(i));
        if (v.all === "list") return list;
        const out: { [k: string]: Value } = {};
        for (let i = 0; i < list.length; i++) setKey(out, `${v.node}_${i}`, list[i]!);
        return out;
      }
      return pick(targetIndex(v.fromNode, v.fromIndex, v.node));
    }
    if (v instanceof CapabilityRef) return new OutputRef(stackFor(v.deployment, owner), "outputs", [v.capability, ...v.path]);
    if (v instanceof SecretRef) {
      secrets.add(secretConfigKey(v.name));
      return v;
    }
    if (v instanceof CallRef) return new CallRef(v.fn, v.args.map((a) => resolveRefs(a, owner, self)));
    if (v instanceof HelperRef) return new HelperRef(v.helper, v.args.map((a) => resolveRefs(a, owner, self)));
    if (v instanceof InputRef || v instanceof OutputRef) return v;
    // Plain lists and mappings are walked as written (not through a mapping's read tracking: what reaches here was
    // handed on), and kept as they are when nothing inside them is a reference to resolve.
    const raw = untracked(v);
    if (Array.isArray(raw)) {
      let changed = false;
      const items = raw.map((x) => {
        const r = resolveRefs(x, owner, self);
        if (r !== x) changed = true;
        return r;
      });
      return changed ? items : raw;
    }
    if (raw !== null && typeof raw === "object") {
      let changed = false;
      const out: { [key: string]: Value } = {};
      for (const [k, x] of Object.entries(raw)) {
        const r = resolveRefs(x, owner, self);
        if (r !== x) changed = true;
        setKey(out, k, r);
      }
      return changed ? out : raw;
    }
    return v;
  };

  /** The nearest host a node runs on (the Compute it is contained in, or the top of its containment). */
  const hostOf = (node: NodeTemplate): string | undefined => {
    let cur = node.host;
    const seen = new Set<string>();
    while (cur !== undefined && !seen.has(cur)) {
      seen.add(cur);
      const n = model.nodes.get(cur);
      if (!n || n.type.chain.includes("cloudify.nodes.Compute") || n.host === undefined) return cur;
      cur = n.host;
    }
    return undefined;
  };

  /** The address a host is reached at (its mapped IP output, its `ip` property), or null when the program must be told. */
  const addresses = new Map<string, Value>();
  /** The Docker engine of each host instance, once. */
  const engines = new Map<string, Value | undefined>();
  const addressOf = (host: string, index: number, owner: string): Value => {
    const id = `${host}\u0000${index}`;
    if (addresses.has(id)) return addresses.get(id)!;
    const v = findAddress(host, index, owner);
    addresses.set(id, v);
    return v;
  };
  const findAddress = (host: string, index: number, owner: string): Value => {
    const h = model.nodes.get(host)!;
    const m = mappingFor(h.type.chain);
    const publicFirst = concrete(ev.evaluate(h.properties.get("use_public_ip") ?? { value: false, site: h.site }, { self: host })) === true;
    const out = m ? (publicFirst ? (m.attributes["public_ip"] ?? m.attributes["public_ip_address"]) : undefined) ?? m.attributes["ip"] : undefined;
    const key = planned.get(host)?.main[index];
    if (out && key) return new OutputRef(key, out, []);
    const ip = h.properties.get("ip");
    const v = ip ? concrete(ev.evaluate(ip, { self: host, index })) : undefined;
    if (typeof v === "string" && v !== "") return resolveRefs(ev.evaluate(ip!, { self: host, index }), owner);
    return null;
  };

  /** The SSH user and key the blueprint names for a host (agent_config, fabric_env), as values read when the program runs. */
  const sshDefaults = (host: string, index: number, owner: string, fabricEnv: Value | undefined): { [k: string]: Value } => {
    const h = model.nodes.get(host)!;
    const agent = obj(ev.evaluate(h.properties.get("agent_config") ?? { value: {}, site: h.site }, { self: host, index }));
    const legacy = obj(ev.evaluate(h.properties.get("cloudify_agent") ?? { value: {}, site: h.site }, { self: host, index }));
    const fabric = obj(fabricEnv ?? null);
    const user = fabric["user"] ?? agent["user"] ?? legacy["user"] ?? null;
    const keyValue = fabric["key"] ?? agent["key"] ?? legacy["key"] ?? null;
    // A key that is a path names a file on the Cloudify manager: the program reads the key from config instead.
    const keyIsPath = typeof keyValue === "string" && !keyValue.includes("PRIVATE KEY");
    const keyIsLiteral = typeof keyValue === "string" && keyValue.includes("PRIVATE KEY");
    if (keyIsLiteral) note(owner, "the SSH key is written into the blueprint; the program reads it from the agent_key_private config secret instead", true);
    const key = keyIsPath || keyIsLiteral ? null : keyValue;
    const keypair = sshKeyOfHost(h, index);
    useConfig({ key: "agent_user", type: "string", secret: false, required: user === null, comment: "the SSH user of the blueprint's hosts (overrides the user the blueprint names)" });
    if (key === null && !keypair) {
      secrets.add("agent_key_private");
      useConfig({ key: "agent_key_private", type: "string", secret: true, required: true, comment: "the SSH private key of the blueprint's hosts: pulumi config set --secret agent_key_private -- \"$(cat KEY.pem)\"" });
    }
    useConfig({ key: `${host}_address`, type: "string", secret: false, required: addressOf(host, index, owner) === null, comment: `the address commands reach host ${host} at (default: its IP)` });
    return { user: resolveRefs(user, owner), privateKey: keypair ?? resolveRefs(key, owner), port: resolveRefs(agent["port"] ?? fabric["port"] ?? null, owner) };
  };

  /** The private key of a keypair (or generated RSA key) node a host is connected to, when the program makes it. */
  const sshKeyOfHost = (host: NodeTemplate, index: number): Value | undefined => {
    for (const r of host.relationships) {
      const t = model.nodes.get(r.target);
      if (!t) continue;
      const m = mappingFor(t.type.chain);
      const privateOut = m?.attributes["private_key_export"] ?? m?.attributes["private_key"];
      if (!privateOut) continue;
      const ti = targetIndex(host.name, index, t.name);
      if (privateOut.startsWith("=")) {
        const value = planned.get(t.name)?.values[ti]?.[privateOut.slice(1)];
        if (value !== undefined) return value;
        continue;
      }
      const key = planned.get(t.name)?.main[ti];
      if (key) return new OutputRef(key, privateOut, []);
    }
    return undefined;
  };

  for (const node of dependencyOrder(model)) {
    const list: NodeInstance[] = instances.get(node.name) ?? [];
    const mapping = node.placeholder ? undefined : mappingFor(node.type.chain);
    const state: Planned = { main: [], last: [], props: [], values: [] };
    planned.set(node.name, state);
    const tokens = new Set<string>();
    for (const n of node.notes) note(node.name, n.message, n.partial);
    const reads = new ReadTracker();
    const evaluated: { props: Record<string, Value>; ops: Map<string, Record<string, Value>> }[] = [];
    const consulted = new Set<string>();
    let placeholderReason = node.placeholder;
    const kinds = new Map<string, ReturnType<typeof operationKind>>();
    const kindOf = (key: string, op: Operation | undefined, scope: { self: string; index: number }) => {
      const k = operationKind(op, () => (op ? concrete(op.inputs.get("script_path") ? ev.evaluate(op.inputs.get("script_path")!, scope) : null) : null));
      kinds.set(key, k);
      return k;
    };
    const pluginOps = [...node.operations.entries()].filter(([, op]) => {
      const k = operationKind(op, () => null);
      return k.kind === "plugin" && !ignoredOperation(node, op);
    });
    if (!placeholderReason && !mapping && !scriptNodes.has(node.name) && pluginOps.length > 0) {
      placeholderReason = `its operations run plugin code Berth has no Pulumi equivalent for: ${pluginOps.map(([k, op]) => `${k.replace("cloudify.interfaces.", "")} = ${op.implementation}`).join(", ")}`;
    }
    for (const inst of list) {
      const scope = { self: node.name, index: inst.index };
      const plainProps: Record<string, Value> = {};
      // Instance 0 sees what prepare() evaluated already (the same scope); other instances evaluate their own.
      for (const [k, w] of node.properties) setKey(plainProps, k, (inst.index === 0 ? ev.preparedProperty(node.name, k) : undefined) ?? ev.evaluate(w, scope));
      const opValues = new Map<string, Record<string, Value>>();
      evaluated.push({ props: plainProps, ops: opValues });
      if (placeholderReason) {
        if (inst.index === 0) placeholders.push({ key: node.name, node: node.name, type: node.type.name, reason: placeholderReason, properties: resolveRefs(plainProps, node.name), description: node.description });
        continue;
      }
      const props = mapping ? reads.track(plainProps, []) : plainProps;
      const opInputs = (op: Operation): Record<string, Value> => {
        const out: Record<string, Value> = {};
        for (const [k, w] of op.inputs) setKey(out, k, ev.evaluate(w, scope));
        const opKey = `${op.iface}.${op.name}`;
        opValues.set(opKey, out);
        return mapping ? reads.track(out, ["interfaces", opKey]) : out;
      };
      const key = `${node.name}-${inst.index}`;
      const deps = (): string[] =>
        node.relationships.flatMap((r) => {
          const t = planned.get(r.target);
          return t ? t.last.filter((k): k is string => k !== undefined) : [];
        });
      let previous: string | undefined;
      let firstCommand: PlannedResource | undefined;
      let lastCommand: PlannedResource | undefined;
      let propsKey: string | undefined;
      const plannedBefore = resources.length;
      try {
      if (mapping?.values) {
        const ctx = mapContext(node, inst.index, props, opInputs, consulted, reads);
        const values = mapping.values(ctx);
        reads.handedOn(Object.values(values));
        const resolved: Record<string, Value> = {};
        for (const [k, v] of Object.entries(values)) setKey(resolved, k, resolveRefs(v, node.name));
        state.values[inst.index] = resolved;
      } else if (mapping) {
        const ctx = mapContext(node, inst.index, props, opInputs, consulted, reads);
        const target = mapping.targetFor?.(ctx) ?? mapping.target;
        const providerRequest = mapping.provider?.(ctx);
        reads.handedOn(providerRequest?.args);
        const mapped = mapping.args(ctx);
        reads.handedOn(mapped);
        const args = resolveRefs(mapped, node.name);
        const external = ctx.known("use_external_resource") === true && target !== TARGETS.dockerContainer && !target.invoke;
        const master = node.relationships.find((r) => r.type.chain.includes("cloudify.kubernetes.relationships.managed_by_master"));
        const lookup = external ? (mapping.lookupId?.(ctx) ?? props["resource_id"] ?? null) : undefined;
        if (external) reads.handedOn(lookup);
        const providerKey = master ? planned.get(master.target)?.main[0] : providerRequest ? providerFor(providerRequest, node.name) : undefined;
        const extras = mapping.extras?.(ctx) ?? [];
        reads.handedOn(extras.map((e) => e.args));
        const providerOf = (t: TargetClass) => (providerKey && t.module === target.module ? providerKey : undefined);
        for (const extra of extras.filter((e) => e.before)) {
          const ekey = `${key}-${extra.suffix}`;
          resources.push({ key: ekey, node: node.name, index: inst.index, target: extra.target, args: resolveRefs(extra.args, node.name), dependsOn: [...deps(), ...(extra.dependsOn ?? [])], provider: providerOf(extra.target), description: node.description });
          tokens.add(extra.target.token);
        }
        resources.push({
          key,
          node: node.name,
          index: inst.index,
          target,
          args,
          dependsOn: [...deps(), ...extras.filter((e) => e.before).map((e) => `${key}-${e.suffix}`)],
          provider: providerKey,
          lookupId: lookup === undefined ? undefined : resolveRefs(lookup, node.name),
          description: node.description,
        });
        if (external) note(node.name, "use_external_resource: looked up by resource_id, never created or deleted");
        tokens.add(target.token);
        previous = key;
        const statics = mapping.staticAttributes?.(ctx);
        if (statics) {
          reads.handedOn(Object.values(statics));
          const resolved: Record<string, Value> = {};
          for (const [k, v] of Object.entries(statics)) setKey(resolved, k, resolveRefs(v, node.name));
          state.values[inst.index] = resolved;
        }
        for (const extra of extras.filter((e) => !e.before)) {
          const ekey = `${key}-${extra.suffix}`;
          resources.push({ key: ekey, node: node.name, index: inst.index, target: extra.target, args: resolveRefs(extra.args, node.name), dependsOn: [key, ...(extra.dependsOn ?? [])], provider: providerOf(extra.target), description: undefined });
          tokens.add(extra.target.token);
          if (extra.last) previous = ekey;
        }
        state.main[inst.index] = key;
      }
      } catch (err) {
        // A mapping that cannot read this node's values is Berth's gap, never a crash: the node is kept as a placeholder.
        resources.length = plannedBefore;
        placeholderReason = `Berth's mapping of ${mapping?.type ?? node.type.name} could not read this node's values (${err instanceof Error ? err.message : String(err)}); please report this with the blueprint`;
        if (inst.index === 0) placeholders.push({ key: node.name, node: node.name, type: node.type.name, reason: placeholderReason, properties: resolveRefs(plainProps, node.name), description: node.description });
        continue;
      }
      // Lifecycle scripts (for a mapped node: only the template's overrides), then relationship operations, in
      // Cloudify's order: create, preconfigure, configure, postconfigure, start, establish.
      const host = hostOf(node);
      const phases: { phase: string; run: () => PlannedResource | undefined }[] = [];
      const lifecycleScript = (name: string) => () => {
        const opKey = `${LIFECYCLE}.${name}`;
        const op = node.operations.get(opKey);
        if (!op) return undefined;
        if (mapping && !overridden(node, opKey)) return undefined;
        const k = kindOf(opKey, op, scope);
        if (k.kind !== "script" && k.kind !== "commands") return undefined;
        if (mapping) note(node.name, `${where(op.site)}${opKey} is overridden with ${op.implementation}: the program runs it after the mapped resource, which does the type's own ${name}`, true);
        return command({ node, inst, op, opKey, kind: k, inputs: opInputs(op), host, previous, propsKey, deps, side: undefined });
      };
      const relationshipOps = (name: string) => () => {
        let made: PlannedResource | undefined;
        for (const r of node.relationships) {
          for (const side of ["source", "target"] as const) {
            const op = (side === "source" ? r.sourceOperations : r.targetOperations).get(`${RELATIONSHIP}.${name}`);
            if (!op || op.implementation === "") continue;
            const k = operationKind(op, () => (op.inputs.get("script_path") ? concrete(ev.evaluate(op.inputs.get("script_path")!, { source: node.name, target: r.target })) : null));
            if (k.kind === "plugin") {
              if (!consulted.has(r.type.name) && !pluginRelationshipHandled(model, node, r)) {
                note(node.name, `${where(r.site)}the ${side} operation ${name} of relationship ${r.type.name} to ${r.target} runs plugin code (${op.implementation}) the program does not reproduce`, true);
              }
              continue;
            }
            if (k.kind === "none") continue;
            const tIndex = targetIndex(node.name, inst.index, r.target);
            const targetNode = model.nodes.get(r.target)!;
            const sideHost = side === "source" ? host : hostOf(targetNode) ?? (targetNode.type.chain.includes("cloudify.nodes.Compute") ? targetNode.name : undefined);
            const inputs: Record<string, Value> = {};
            for (const [ik, w] of op.inputs) setKey(inputs, ik, ev.evaluate(w, { source: node.name, target: r.target, index: inst.index }));
            const c = command({ node, inst, op, opKey: `${RELATIONSHIP}.${name}`, kind: k, inputs, host: sideHost, hostIndex: side === "target" ? (sideHost === r.target ? tIndex : hostChain(r.target, tIndex).get(sideHost ?? "") ?? 0) : undefined, previous: made?.key ?? previous, propsKey: made?.key ?? propsKey, deps, side: { rel: r, side, targetIndex: tIndex } });
            if (c) made = c;
          }
        }
        return made;
      };
      phases.push({ phase: "create", run: lifecycleScript("create") });
      phases.push({ phase: "preconfigure", run: relationshipOps("preconfigure") });
      phases.push({ phase: "configure", run: lifecycleScript("configure") });
      phases.push({ phase: "postconfigure", run: relationshipOps("postconfigure") });
      phases.push({ phase: "start", run: lifecycleScript("start") });
      phases.push({ phase: "poststart", run: lifecycleScript("poststart") });
      phases.push({ phase: "establish", run: relationshipOps("establish") });
      for (const p of phases) {
        const c = p.run();
        if (!c) continue;
        firstCommand ??= c;
        lastCommand = c;
        previous = c.key;
        propsKey = c.key;
        tokens.add(c.target.token);
      }
      // Stop and delete scripts run when the program's resources are destroyed: stop with the last step, delete with
      // the first, so Pulumi's reverse order runs them as Cloudify's uninstall did.
      for (const [name, atStep] of [["stop", lastCommand], ["delete", firstCommand]] as const) {
        const opKey = `${LIFECYCLE}.${name}`;
        const op = node.operations.get(opKey);
        if (!op || op.implementation === "" || (mapping && !overridden(node, opKey))) continue;
        const k = kindOf(opKey, op, scope);
        if (k.kind !== "script" && k.kind !== "commands") continue;
        let step = atStep;
        if (!step) {
          step = command({ node, inst, op: undefined, opKey: `${LIFECYCLE}.create`, kind: { kind: "commands", fabric: true }, inputs: {}, host, previous, propsKey, deps, side: undefined, noop: true });
          if (!step) continue;
          firstCommand ??= step;
          lastCommand = step;
          previous = step.key;
          tokens.add(step.target.token);
        }
        // The teardown reads the runtime properties the step itself started from (its own output is not known yet).
        const teardown = scriptText(node, op, k, opInputs(op), host, inst.index, propsBefore.get(step.key), name);
        const args = step.args as { [k: string]: Value };
        args["delete"] = name === "stop" && args["delete"] !== undefined ? new CallRef("concat", [teardown, "\n", args["delete"]]) : teardown;
      }
      if (lastCommand) {
        scriptNodes.add(node.name);
        state.main[inst.index] ??= firstCommand!.key;
      }
      state.last[inst.index] = previous;
      state.props[inst.index] = propsKey;
    }
    if (mapping) {
      for (const n of unreadValues(node, reads, evaluated)) note(node.name, n, true);
      for (const n of unreproducedOperations(node, mapping, kinds)) note(node.name, n, true);
    }
    const nodeNotes = notes.of(node.name);
    let status: ConversionStatus = nodeNotes.some((n) => n.partial) ? "partial" : "converted";
    const messages = nodeNotes.map((n) => n.message);
    const monitoring = [...node.operations.values()].filter((op) => op.implementation.startsWith("diamond."));
    if (monitoring.length > 0) {
      messages.push("monitoring agent (diamond) operations: monitoring agents have no Pulumi meaning, not converted");
      status = "partial";
    }
    if (placeholderReason) {
      status = "not converted";
      messages.unshift(`not converted: ${placeholderReason}; the program keeps a placeholder with its properties, which creates nothing`);
    } else if (!mapping && !scriptNodes.has(node.name) && list.length > 0) {
      messages.push(node.type.chain.includes("cloudify.nodes.Compute") ? "an existing host (no resource is created; software contained in it connects to its address)" : "nothing to create (no operations)");
    }
    if (list.length === 0) messages.push("0 instances: nothing is created");
    report.push({ node: node.name, type: node.type.name, status, resources: [...tokens], notes: messages, at: positionOf(node.site, true), kind: "node" });
  }

  /** The command that runs one script (or fabric command list) of a node instance, planned and pushed. */
  function command(spec: {
    node: NodeTemplate;
    inst: NodeInstance;
    op: Operation | undefined;
    opKey: string;
    kind: ReturnType<typeof operationKind>;
    inputs: Record<string, Value>;
    host: string | undefined;
    hostIndex?: number;
    previous: string | undefined;
    propsKey: string | undefined;
    deps: () => string[];
    side: { rel: RelationshipUse; side: "source" | "target"; targetIndex: number } | undefined;
    noop?: boolean;
  }): PlannedResource | undefined {
    const { node, inst } = spec;
    const phase = spec.opKey.split(".").pop()!;
    const key = spec.side ? `${node.name}-${inst.index}-${phase}-${spec.side.rel.target}-${spec.side.side}` : `${node.name}-${inst.index}-${phase}`;
    const text = spec.noop || !spec.op ? "true" : scriptText(node, spec.op, spec.kind, spec.inputs, spec.host, spec.hostIndex ?? inst.index, spec.propsKey, phase, spec.side);
    const executor = spec.op?.executor;
    const hostIndex = spec.hostIndex ?? (spec.host ? (hostChain(node.name, inst.index).get(spec.host) ?? 0) : 0);
    const remote = spec.host !== undefined && executor !== "central_deployment_agent";
    const args: { [k: string]: Value } = { create: text };
    if (remote) {
      const fabricEnv = spec.inputs["fabric_env"];
      args["connection"] = new HelperRef("blueprintSsh", [spec.host!, addressOf(spec.host!, hostIndex, node.name), sshDefaults(spec.host!, hostIndex, node.name, fabricEnv)]);
    } else {
      args["interpreter"] = ["/bin/sh", "-c"];
      if (!spec.noop) note(node.name, `${spec.op ? where(spec.op.site) : ""}${spec.opKey} runs on the machine that runs the program (Cloudify ran it on the ${spec.host === undefined ? "manager: the node has no host" : "manager (central_deployment_agent)"})`);
    }
    const c: PlannedResource = {
      key,
      node: node.name,
      index: inst.index,
      target: remote ? TARGETS.remoteCommand : TARGETS.localCommand,
      args: resolveRefs(args, node.name, { index: inst.index, propsKey: spec.propsKey }),
      dependsOn: spec.previous ? [spec.previous] : spec.deps(),
      description: undefined,
      secretOutputs: ["stdout"],
    };
    resources.push(c);
    propsBefore.set(key, spec.propsKey);
    return c;
  }

  /** The command text of one script operation: the script and the ctx shim, or fabric's command list. */
  function scriptText(
    node: NodeTemplate,
    op: Operation,
    kind: ReturnType<typeof operationKind>,
    inputs: Record<string, Value>,
    host: string | undefined,
    hostIndex: number,
    propsKey: string | undefined,
    phase: string,
    side?: { rel: RelationshipUse; side: "source" | "target"; targetIndex: number },
  ): Value {
    const inst = { index: side ? 0 : hostIndex };
    if (kind.kind === "commands") {
      const cmds = inputs["commands"];
      return Array.isArray(cmds) ? new CallRef("concat", cmds.flatMap((c, i) => (i === 0 ? [c] : ["\n", c]))) : "true";
    }
    if (kind.kind !== "script" || kind.path === undefined) {
      note(node.name, `${where(op.site)}${op.implementation}: the script path is not known at import; the command does nothing`, true);
      return "true";
    }
    const text = resource(kind.path, op.site);
    if (text === undefined) {
      note(node.name, `${where(op.site)}dropped script ${kind.path}: not found beside the blueprint (the command does nothing)`, true);
      return "true";
    }
    if (/\.ps1$|\.bat$|\.cmd$/i.test(kind.path)) note(node.name, `${where(op.site)}${kind.path} is a Windows script; the command runs it with the host's shell`, true);
    for (const why of unservedCtx(text)) note(node.name, `${where(op.site)}${kind.path} ${why}`, true);
    const files: Record<string, Value> = {};
    const named = resourcesNamedBy(text);
    for (const p of named.literal) {
      const t = resource(p, op.site);
      if (t === undefined) note(node.name, `${where(op.site)}${kind.path} downloads ${p}, which is not a file of the blueprint`, true);
      else setKey(files, p, t);
    }
    for (const v of Object.values(inputs)) {
      const c = concrete(v);
      if (typeof c === "string" && /^[\w./-]+\.[A-Za-z0-9]+$/.test(c) && !c.startsWith("/") && !(c in files)) {
        const t = reader && !isRefusal(reader.relative(c, baseDir)) ? resource(c, op.site) : undefined;
        if (t !== undefined) setKey(files, c, t);
      }
    }
    if (named.computed && Object.keys(files).length === 0) note(node.name, `${where(op.site)}${kind.path} downloads a resource whose name it computes; only files it names literally or gets as inputs are packed with it`, true);
    const env: { [k: string]: Value } = {};
    for (const [k, v] of Object.entries(inputs)) if (k !== "process" && k !== "script_path" && k !== "fabric_env") setKey(env, k, v);
    const proc = obj(inputs["process"] ?? null);
    for (const [k, v] of Object.entries(obj(proc["env"] ?? null))) setKey(env, k, v);
    if (proc["cwd"] !== undefined || proc["command_prefix"] !== undefined || proc["args"] !== undefined) note(node.name, `${where(op.site)}process.cwd, command_prefix and args are not carried over (the script runs in its own folder, by its interpreter)`, true);
    const scriptInputs: { [k: string]: Value } = {};
    for (const [k, v] of Object.entries(inputs)) if (k !== "process" && k !== "script_path" && k !== "fabric_env") setKey(scriptInputs, k, v);
    const hostAddress = host ? addressOf(host, hostIndex, node.name) : null;
    const props = (key: string | undefined): Value => (key ? new CallRef("runtimeProperties", [new OutputRef(key, "stdout", [])]) : {});
    const nodeView = (n: NodeTemplate, index: number, runtime: Value, address: Value): { [k: string]: Value } => ({
      node: { id: n.name, type: n.type.name, type_hierarchy: [...n.type.chain].reverse(), properties: propsOf(n, index) },
      instance: { id: `${n.name}_${index}`, runtime_properties: runtime, host_ip: address },
    });
    const common = {
      operation: `${op.iface}.${op.name}`,
      inputs: scriptInputs,
      deployment_id: new HelperRef("blueprintSys", ["deployment", "id"]),
      blueprint_id: new HelperRef("blueprintSys", ["deployment", "blueprint"]),
      tenant_name: new HelperRef("blueprintSys", ["tenant", "name"]),
    };
    let context: { [k: string]: Value };
    if (side) {
      const t = model.nodes.get(side.rel.target)!;
      const tHost = hostOf(t) ?? (t.type.chain.includes("cloudify.nodes.Compute") ? t.name : undefined);
      const srcHost = hostOf(node);
      context = {
        type: "relationship-instance",
        ...common,
        source: nodeView(node, hostIndex, props(propsKey), srcHost ? addressOf(srcHost, 0, node.name) : null),
        target: nodeView(t, side.targetIndex, runtimeOf(t.name, side.targetIndex), tHost ? addressOf(tHost, 0, node.name) : null),
      };
      if (side.side === "target" && /ctx\.target\.instance\.runtime_properties\s*\[/.test(text)) note(node.name, `${where(op.site)}the target operation writes runtime properties of ${t.name}; they do not come back to the program`, true);
    } else {
      context = { type: "node-instance", ...common, ...nodeView(node, inst.index, props(propsKey), hostAddress) };
    }
    void phase;
    return new CallRef("script", [{ path: kind.path, text, interpreter: interpreterFor(kind.path), context, resources: files, env }]);
  }

  /** A node's evaluated properties for an instance (the ctx shim serves them). */
  function propsOf(n: NodeTemplate, index: number): Value {
    const out: { [k: string]: Value } = {};
    for (const [k, w] of n.properties) setKey(out, k, ev.evaluate(w, { self: n.name, index }));
    return out;
  }

  /** The runtime properties the program knows for a node instance: a script's output, or a mapped resource's attributes. */
  function runtimeOf(name: string, index: number): Value {
    const p = planned.get(name);
    const propsKey = p?.props[index];
    if (propsKey) return new CallRef("runtimeProperties", [new OutputRef(propsKey, "stdout", [])]);
    const n = model.nodes.get(name);
    const m = n ? mappingFor(n.type.chain) : undefined;
    const main = p?.main[index];
    if (!m || !main) return {};
    const out: { [k: string]: Value } = {};
    for (const [attr, output] of Object.entries(m.attributes)) setKey(out, attr, new OutputRef(main, output, []));
    return out;
  }

  /** The mapping context of one node instance. */
  function mapContext(node: NodeTemplate, index: number, props: Record<string, Value>, opInputs: (op: Operation) => Record<string, Value>, consulted: Set<string>, reads?: ReadTracker): MapContext {
    const related = (found: RelationshipUse[]): Related[] => {
      for (const r of found) consulted.add(r.type.name);
      return found.map(
        (r): Related => ({
          node: r.target,
          type: model.nodes.get(r.target)?.type.name ?? "",
          kind: r.kind,
          relationship: r.type.name,
          chain: model.nodes.get(r.target)?.type.chain ?? [],
          output: (name) => {
            const key = planned.get(r.target)?.main[targetIndex(node.name, index, r.target)];
            if (key) return new OutputRef(key, name, []);
            const value = planned.get(r.target)?.values[targetIndex(node.name, index, r.target)]?.[name];
            if (value !== undefined) return value;
            const prop = model.nodes.get(r.target)?.properties.get(name);
            return prop ? ev.evaluate(prop, { self: r.target }) : null;
          },
          key: () => planned.get(r.target)?.main[targetIndex(node.name, index, r.target)],
        }),
      );
    };
    return {
      node,
      index,
      props,
      known: (p) => concrete(props[p] ?? null),
      op: (key) => {
        const op = node.operations.get(key);
        return op ? opInputs(op) : undefined;
      },
      related: (type) => related(node.relationships.filter((r) => r.type.chain.includes(type) || r.kind === type.replace("cloudify.relationships.", ""))),
      relatedByType: (nodeType) => related(node.relationships.filter((r) => model.nodes.get(r.target)?.type.chain.includes(nodeType))),
      relatedFrom: (type) =>
        [...model.nodes.values()].flatMap((n) =>
          n.relationships
            .filter((r) => r.target === node.name && r.type.chain.includes(type))
            .map((r) => {
              consulted.add(r.type.name);
              return { node: n.name, relationship: r.type.name };
            }),
        ),
      resource: (p, site) => resource(p, site ?? node.site),
      self: (output) => new OutputRef(`${node.name}-${index}`, output, []),
      extra: (suffix, output) => new OutputRef(`${node.name}-${index}-${suffix}`, output, []),
      hostEngine: () => {
        const host = hostOf(node);
        if (!host) return undefined;
        const hi = hostChain(node.name, index).get(host) ?? 0;
        const id = `${host}\u0000${hi}`;
        if (engines.has(id)) {
          note(node.name, `the container runs on the Docker engine of ${host}, reached over SSH (ssh://user@address; the SSH agent of the machine running the program must hold the host's key)`);
          return engines.get(id);
        }
        const address = addressOf(host, hi, node.name);
        const literal = concrete(address);
        if (typeof literal === "string" && ["", "localhost", "127.0.0.1", "::1"].includes(literal)) return undefined;
        const h = model.nodes.get(host)!;
        const agent = obj(ev.evaluate(h.properties.get("agent_config") ?? { value: {}, site: h.site }, { self: host, index: hi }));
        useConfig({ key: "agent_user", type: "string", secret: false, required: agent["user"] === undefined, comment: "the SSH user of the blueprint's hosts (overrides the user the blueprint names)" });
        useConfig({ key: `${host}_address`, type: "string", secret: false, required: address === null, comment: `the address host ${host} is reached at (default: its IP)` });
        note(node.name, `the container runs on the Docker engine of ${host}, reached over SSH (ssh://user@address; the SSH agent of the machine running the program must hold the host's key)`);
        const engine = new HelperRef("blueprintSshUrl", [host, address, resolveRefs(agent["user"] ?? null, node.name)]);
        engines.set(id, engine);
        return engine;
      },
      drop: (what, at) => {
        if (at) reads?.accounted(at);
        note(node.name, `${at ? where(siteOfPath(node, at), true) : ""}dropped ${what}`, true);
      },
      note: (message, at) => note(node.name, `${at ? where(siteOfPath(node, at), true) : ""}${message}`),
      secret: (name) => {
        secrets.add(name);
        return new SecretRef(name, []);
      },
      nodeKey: (name, i) => planned.get(name)?.main[i],
    };
  }

  for (const g of model.groups.values()) {
    for (const p of g.policies) {
      report.push({ node: `${g.name}/${p.name}`, type: p.type, status: "not converted", resources: [], notes: ["monitoring-driven (Riemann) policies have no Pulumi meaning; use your platform's autoscaling"], at: positionOf(p.site, true), kind: "group-policy" });
    }
  }
  // Outputs and capabilities are one namespace in a stack's outputs: a capability named like an output gets a suffix.
  const outputs = [...model.outputs.values()].map((o) => ({ name: o.name, description: o.description, value: resolveRefs(ev.evaluate(o.value, {}), o.name) }));
  for (const c of model.capabilities.values()) {
    const value = resolveRefs(ev.evaluate(c.value, {}), c.name);
    const clash = outputs.find((o) => o.name === c.name);
    if (!clash) outputs.push({ name: c.name, description: c.description, value });
    else if (JSON.stringify(clash.value) !== JSON.stringify(value)) {
      outputs.push({ name: `${c.name}_capability`, description: c.description, value });
      model.lines.push({ kind: "capability", name: c.name, message: `capability ${c.name} has the name of an output; the stack output is ${c.name}_capability`, site: c.site, partial: false });
    }
  }
  for (const o of outputs) for (const n of notes.of(o.name)) if (n.partial) model.lines.push({ kind: "output", name: o.name, message: n.message, site: model.outputs.get(o.name)?.site ?? model.capabilities.get(o.name)!.site, partial: true });
  // Inputs: a secret is one by its declaration, its name, or what it feeds (a credential of a resource or command).
  const fedSecrets = inputsFeedingSecrets(resources.map((r) => r.args));
  const planInputs: PlanInput[] = ev.inputOrder().map((name) => {
    const i = model.inputs.get(name)!;
    const given = Object.hasOwn(inputs, name);
    const ref = ev.input(name, i.site);
    const required = ref instanceof InputRef && ref.unset;
    const body = model.inputs.get(name);
    const secret = isSecretValue(name, i.description) || fedSecrets.has(name) || (body as { hidden?: boolean } | undefined)?.hidden === true || i.type === "secret_key";
    // A secret's value written out in the blueprint or --inputs is not copied into the program: config must give it.
    const fallback = given ? toValue(inputs[name]) : (ev.inputDefault(name) ?? null);
    const literal = fallback !== null && fallback !== "" && isKnown(fallback) && !hasInputRef(fallback);
    return {
      name,
      description: i.description,
      type: configType(i),
      secret,
      required: required || (secret && literal),
      value: required ? undefined : concrete(ref),
      hasDefault: i.hasDefault,
      defaultValue: given ? toValue(inputs[name]) : resolveRefs(ev.inputDefault(name) ?? null, name),
    };
  });
  for (const name of [...ev.implicit].sort()) {
    model.lines.push({ kind: "input", name, message: `input ${name} is used but not declared (this file imports nothing: an include); the program requires it as config`, site: { doc: model.docs[0]!, path: [] }, partial: true });
    planInputs.push({ name, description: "used by this include without a declaration", type: "string", secret: isSecretName(name) || fedSecrets.has(name), required: true, value: undefined, hasDefault: false, defaultValue: null });
  }
  for (const i of planInputs) {
    const value = i.secret || i.required ? undefined : i.value;
    const what = i.description ? i.description.trim().split(/\r\n|[\r\n\u2028\u2029]/)[0]!.slice(0, 120) : `blueprint input ${i.name}`;
    useConfig({ key: i.name, type: i.type, secret: i.secret, required: i.required || i.secret, value, comment: what });
  }
  // `secrets` holds config keys: get_secret NAME is read from secret_NAME, never an input's key.
  for (const s of secrets) useConfig({ key: s, type: "string", secret: true, required: true, comment: `a secret the blueprint reads with get_secret ${s.slice("secret_".length)}` });
  for (const r of resources) r.dependsOn = [...new Set(r.dependsOn)];
  const lines: ReportLine[] = model.lines.map((l) => ({ kind: l.kind, name: l.name, message: `${l.message}`, at: positionOf(l.site, true) as SourcePosition, partial: l.partial }));
  const packages = [...new Set(resources.map((r) => r.target.module).filter((m) => !m.startsWith("berth") && m !== "@pulumi/pulumi"))].sort();
  return {
    resources,
    placeholders,
    outputs,
    inputs: planInputs,
    config: [...config.values()],
    secrets: [...secrets].sort(),
    report,
    lines,
    description: model.description,
    packages,
  };
}

/** True when a node runs scripts (a script lifecycle operation, or a script relationship operation on either side). */
function runsScripts(node: NodeTemplate, ev: Evaluator): boolean {
  if (node.placeholder) return false;
  const isScript = (op: Operation, scope: Parameters<Evaluator["evaluate"]>[1]) => {
    const k = operationKind(op, () => (op.inputs.get("script_path") ? concrete(ev.evaluate(op.inputs.get("script_path")!, scope)) : null));
    return k.kind === "script" || k.kind === "commands";
  };
  for (const [key, op] of node.operations) if (key.startsWith(`${LIFECYCLE}.`) && isScript(op, { self: node.name })) return true;
  for (const r of node.relationships) for (const op of [...r.sourceOperations.values(), ...r.targetOperations.values()]) if (isScript(op, { source: node.name, target: r.target })) return true;
  return false;
}

/** True when the template overrides an operation with an implementation its type does not have. */
function overridden(node: NodeTemplate, key: string): boolean {
  const op = node.operations.get(key);
  if (!op || op.implementation === "") return false;
  return node.type.operations.get(key)?.implementation !== op.implementation;
}

/** Relationship plugin operations the mappings reproduce through the relationship itself (ordering-only ones). */
function pluginRelationshipHandled(model: BlueprintModel, node: NodeTemplate, r: RelationshipUse): boolean {
  const source = mappingFor(node.type.chain);
  const target = mappingFor(model.nodes.get(r.target)?.type.chain ?? []);
  return (source?.relationships ?? []).some((t) => r.type.chain.includes(t)) || (target?.relationshipsFrom ?? []).some((t) => r.type.chain.includes(t));
}

/** A mapping (object) value, or {} when the value is not one. */
function obj(v: Value): { [k: string]: Value } {
  return v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Object && "kind" in v && typeof (v as { kind: unknown }).kind === "string" && Object.getPrototypeOf(v) !== Object.prototype)
    ? (v as { [k: string]: Value })
    : {};
}

/** The inputs that reach a credential (an argument whose key names one) in any planned resource. */
function inputsFeedingSecrets(args: readonly Value[]): Set<string> {
  const out = new Set<string>();
  const secretKeys = new Map<string, boolean>();
  const todo: { v: Value; secret: boolean }[] = args.map((v) => ({ v, secret: false }));
  while (todo.length > 0) {
    const { v, secret } = todo.pop()!;
    if (v instanceof InputRef) {
      if (secret) out.add(v.name);
      continue;
    }
    if (v instanceof CallRef || v instanceof HelperRef) {
      // A concat that builds a URL: what lands in its userinfo password is a secret whatever key it sits under.
      const inUserinfo = v instanceof CallRef && v.fn === "concat" ? holesInUserinfo(v.args.map((a) => (typeof a === "string" ? a : { hole: a }))) : new Set<number>();
      for (let i = 0; i < v.args.length; i++) todo.push({ v: v.args[i]!, secret: secret || inUserinfo.has(i) });
      continue;
    }
    if (v === null || typeof v !== "object" || v instanceof OutputRef || v instanceof SecretRef || v instanceof AttributeRef || v instanceof CapabilityRef) continue;
    if (Array.isArray(v)) {
      for (const x of v) todo.push({ v: x, secret });
      continue;
    }
    for (const k of Object.keys(v)) {
      const x = (v as Record<string, Value>)[k]!;
      if (x === null || typeof x !== "object") continue;
      let isSecret = secretKeys.get(k);
      if (isSecret === undefined) {
        isSecret = isSecretName(k);
        secretKeys.set(k, isSecret);
      }
      todo.push({ v: x, secret: secret || isSecret });
    }
  }
  return out;
}

/**
 * The site of a path below a node: `[prop, ...]` into a property value, `["interfaces", "iface.op", input, ...]` into
 * an operation input.
 */
function siteOfPath(node: NodeTemplate, at: readonly (string | number)[]): Site {
  if (at[0] === "interfaces") {
    const op = node.operations.get(String(at[1]));
    const input = op?.inputs.get(String(at[2]));
    const base = input?.site ?? op?.site ?? node.site;
    return at.slice(input ? 3 : 2).reduce<Site>((s, k) => sub(s, k), base);
  }
  const prop = node.properties.get(String(at[0]));
  return at.slice(1).reduce<Site>((s, k) => sub(s, k), prop?.site ?? sub(sub(node.site, "properties"), String(at[0])));
}

/** True when a written value is the template's own (not the type's default). */
function writtenByTemplate(node: NodeTemplate, site: Site): boolean {
  return site.doc === node.site.doc && site.path[0] === node.site.path[0] && site.path[1] === node.site.path[1];
}

/**
 * The values a node's template wrote that its mapping never read (a misspelt key, a setting with no equivalent), each
 * as a report line with its position: nothing the blueprint says vanishes without a word.
 */
function unreadValues(node: NodeTemplate, reads: ReadTracker, evaluated: { props: Record<string, Value>; ops: Map<string, Record<string, Value>> }[]): string[] {
  const out = new Set<string>();
  for (const { props, ops } of evaluated) {
    for (const [k, w] of node.properties) {
      if (!writtenByTemplate(node, w.site)) continue;
      const def = node.type.properties.get(k)?.default;
      if (!reads.wasRead([k])) {
        if (def && JSON.stringify(def.value) === JSON.stringify(w.value)) continue;
        out.add(`${where(w.site, true)}property ${k} is not carried over: Berth's mapping of ${node.type.name} has no equivalent for it`);
        continue;
      }
      for (const p of reads.unread(props[k], [k])) out.add(`${where(siteOfPath(node, p), true)}${p.join(".")} is not carried over: Berth's mapping of ${node.type.name} does not read it (check the spelling)`);
    }
    for (const [opKey, inputs] of ops) {
      const op = node.operations.get(opKey)!;
      for (const [k, w] of op.inputs) {
        if (!writtenByTemplate(node, w.site)) continue;
        if (!reads.wasRead(["interfaces", opKey, k])) {
          out.add(`${where(w.site, true)}operation input ${k} of ${opKey} is not carried over: Berth's mapping of ${node.type.name} does not read it`);
          continue;
        }
        for (const p of reads.unread(inputs[k], ["interfaces", opKey, k])) out.add(`${where(siteOfPath(node, p), true)}${opKey} input ${p.slice(2).join(".")} is not carried over (check the spelling)`);
      }
    }
  }
  return [...out];
}

/**
 * Operations a template overrides with an implementation its mapped type does not have and that are not scripts the
 * program runs: the mapping reproduces the type's own operations, so such an override is reported.
 */
function unreproducedOperations(node: NodeTemplate, mapping: TypeMapping, kinds: Map<string, ReturnType<typeof operationKind>>): string[] {
  const out: string[] = [];
  for (const [k, op] of node.operations) {
    if (op.implementation === "" || !writtenByTemplate(node, op.site) || !overridden(node, k)) continue;
    const kind = kinds.get(k);
    if (kind && (kind.kind === "script" || kind.kind === "commands")) continue;
    out.push(`${where(op.site)}operation ${k} is overridden with ${op.implementation}; Berth's mapping of ${mapping.type} reproduces the type's own operation, not this one`);
  }
  return out;
}

function ignoredOperation(node: NodeTemplate, op: Operation): boolean {
  if (op.iface.startsWith("cloudify.interfaces.cloudify_agent") || op.iface === "cloudify.interfaces.validation" || op.iface === "cloudify.interfaces.monitoring_agent" || op.iface === "cloudify.interfaces.monitoring") return true;
  if (op.implementation.startsWith("diamond.")) return true;
  if (op.iface !== LIFECYCLE) return true;
  return node.type.chain.includes("cloudify.nodes.Compute") && op.implementation.startsWith("agent.");
}
