import * as path from "node:path";
import { Evaluator, toValue } from "../functions/evaluate";
import { AttributeRef, CallRef, InputRef, OutputRef, SecretRef, type Value, concrete, setKey } from "../functions/values";
import { type NodeInstance, instancesOf } from "../model/instances";
import { type Site, positionOf, sub } from "../model/site";
import { type BlueprintReader, isRefusal } from "../parse/reader";
import type { BlueprintModel, NodeTemplate, Operation } from "../model/types";
import type { ConversionStatus, NodeReport } from "../report";
import { TARGETS, mappingFor } from "../types/mappings";
import type { MapContext, Related, TargetClass, TypeMapping } from "../types/target";
import { ReadTracker } from "./reads";
import type { Diagnostics } from "../model/site";

/** One resource to create: the same plan drives the live tree and the generated code. */
export interface PlannedResource {
  /** Unique key, also the resource name's suffix (`node-0`, `node-0-rule-1`). */
  key: string;
  node: string;
  index: number;
  target: TargetClass;
  args: Value;
  /** Keys of resources this one depends on (relationships). */
  dependsOn: string[];
  /** Key of the provider resource (a Kubernetes master). @default none */
  provider?: string;
  /** For `use_external_resource`: the id to look the resource up by; it is read, never created or deleted. @default none */
  lookupId?: Value;
  /** The node's description, for comments. @default none */
  description?: string;
}

/** Everything both emitters need. */
export interface Plan {
  resources: PlannedResource[];
  outputs: { name: string; description?: string; value: Value }[];
  /**
   * The deployment inputs, each after the inputs its default refers to: the value for this import, and what the
   * program falls back to when the stack's config does not set it (the `--inputs` value, else the default).
   */
  inputs: { name: string; description?: string; value: unknown; hasDefault: boolean; defaultValue: Value }[];
  secrets: string[];
  report: NodeReport[];
  description?: string;
}

const SCRIPT = /\.(sh|bash|py|ps1)$|\//;
const LIFECYCLE = ["create", "configure", "start"] as const;

/** Topological order of node templates, relationship targets first (cycles were reported by the model). */
export function dependencyOrder(model: BlueprintModel): NodeTemplate[] {
  const out: NodeTemplate[] = [];
  const done = new Set<string>();
  const visit = (n: NodeTemplate, stack: Set<string>): void => {
    if (done.has(n.name) || stack.has(n.name)) return;
    stack.add(n.name);
    for (const r of n.relationships) {
      const t = model.nodes.get(r.target);
      if (t) visit(t, stack);
    }
    stack.delete(n.name);
    done.add(n.name);
    out.push(n);
  };
  for (const n of model.nodes.values()) visit(n, new Set());
  return out;
}

/** Builds the plan for a checked model and checked inputs. Problems (function errors) go to `d`. */
export function makePlan(model: BlueprintModel, inputs: Record<string, unknown>, d: Diagnostics, reader?: BlueprintReader): Plan {
  // What each node's report says: `partial` notes are things the program does not reproduce.
  const notes = new Map<string, { message: string; partial: boolean }[]>();
  const note = (node: string, message: string, partial = false): void => {
    const list = notes.get(node) ?? [];
    if (!list.some((n) => n.message === message)) list.push({ message, partial });
    notes.set(node, list);
  };
  const ev = new Evaluator(model, d, {
    inputs,
    note: (node, message) => note(node, message, true),
    attributeOutput: (node, attr) => mappingFor(node.type.chain)?.attributes[attr],
  });
  ev.prepare();
  const instances = instancesOf(model);
  const mainKey = new Map<string, string[]>();
  const resources: PlannedResource[] = [];
  const secrets = new Set<string>();
  const report: NodeReport[] = [];
  const baseDir = path.dirname(model.mainFile);
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
  const resolveRefs = (v: Value, owner: string): Value => {
    if (v instanceof AttributeRef) {
      const keys = mainKey.get(v.node);
      const key = keys?.[targetIndex(v.fromNode, v.fromIndex, v.node)];
      if (!key) {
        note(owner, `get_attribute on ${v.node} refers to a node that creates no resource; it is null`, true);
        return null;
      }
      return new OutputRef(key, v.output, v.path);
    }
    if (v instanceof SecretRef) {
      secrets.add(v.name);
      return v;
    }
    if (v instanceof CallRef) return new CallRef(v.fn, v.args.map((a) => resolveRefs(a, owner)));
    if (v instanceof InputRef || v instanceof OutputRef) return v;
    if (Array.isArray(v)) return v.map((x) => resolveRefs(x, owner));
    if (v !== null && typeof v === "object") {
      const out: { [key: string]: Value } = {};
      for (const [k, x] of Object.entries(v)) setKey(out, k, resolveRefs(x, owner));
      return out;
    }
    return v;
  };

  for (const node of dependencyOrder(model)) {
    const mapping = mappingFor(node.type.chain);
    const list: NodeInstance[] = instances.get(node.name) ?? [];
    const made: string[] = [];
    const tokens = new Set<string>();
    let handled = mapping !== undefined;
    const depends = (): string[] => node.relationships.flatMap((r) => mainKey.get(r.target) ?? []);
    const reads = new ReadTracker();
    const evaluated: { props: Record<string, Value>; ops: Map<string, Record<string, Value>> }[] = [];
    for (const inst of list) {
      const scope = { self: node.name, index: inst.index };
      const plainProps: Record<string, Value> = {};
      for (const [k, w] of node.properties) setKey(plainProps, k, ev.evaluate(w, scope));
      const opValues = new Map<string, Record<string, Value>>();
      evaluated.push({ props: plainProps, ops: opValues });
      const props = mapping ? reads.track(plainProps, []) : plainProps;
      const opInputs = (op: Operation): Record<string, Value> => {
        const out: Record<string, Value> = {};
        for (const [k, w] of op.inputs) setKey(out, k, ev.evaluate(w, scope));
        const opKey = `${op.iface}.${op.name}`;
        opValues.set(opKey, out);
        return mapping ? reads.track(out, ["interfaces", opKey]) : out;
      };
      const ctx: MapContext = {
        node,
        index: inst.index,
        props,
        known: (p) => concrete(props[p] ?? null),
        op: (key) => {
          const op = node.operations.get(key);
          return op ? opInputs(op) : undefined;
        },
        related: (type) =>
          node.relationships
            .filter((r) => r.type.chain.includes(type) || r.kind === type.replace("cloudify.relationships.", ""))
            .map((r): Related => ({
              node: r.target,
              type: model.nodes.get(r.target)?.type.name ?? "",
              kind: r.kind,
              relationship: r.type.name,
              output: (name) => {
                const keys = mainKey.get(r.target);
                const key = keys?.[targetIndex(node.name, inst.index, r.target)];
                if (key) return new OutputRef(key, name, []);
                const prop = model.nodes.get(r.target)?.properties.get(name);
                return prop ? ev.evaluate(prop, { self: r.target }) : null;
              },
            })),
        resource: (p, site) => resource(p, site ?? node.site),
        self: (output) => new OutputRef(`${node.name}-${inst.index}`, output, []),
        drop: (what, at) => note(node.name, `${at ? `${where(siteOfPath(node, at))}: ` : ""}dropped ${what}`, true),
        note: (message, at) => note(node.name, `${at ? `${where(siteOfPath(node, at))}: ` : ""}${message}`),
      };
      const key = `${node.name}-${inst.index}`;
      if (mapping) {
        const target = mapping.targetFor?.(ctx) ?? mapping.target;
        const mapped = mapping.args(ctx);
        reads.handedOn(mapped);
        const args = resolveRefs(mapped, node.name);
        const external = ctx.known("use_external_resource") === true && target !== TARGETS.dockerContainer;
        const master = node.relationships.find((r) => r.type.chain.includes("cloudify.kubernetes.relationships.managed_by_master"));
        const planned: PlannedResource = {
          key,
          node: node.name,
          index: inst.index,
          target,
          args,
          dependsOn: depends(),
          provider: master ? mainKey.get(master.target)?.[0] : undefined,
          lookupId: external ? resolveRefs(props["resource_id"] ?? null, node.name) : undefined,
          description: node.description,
        };
        if (external) note(node.name, "use_external_resource: looked up by resource_id, never created or deleted");
        resources.push(planned);
        made.push(key);
        tokens.add(target.token);
        const extras = mapping.extras?.(ctx) ?? [];
        reads.handedOn(extras.map((e) => e.args));
        if (external) reads.handedOn(props["resource_id"]);
        for (const extra of extras) {
          resources.push({ key: `${key}-${extra.suffix}`, node: node.name, index: inst.index, target: extra.target, args: resolveRefs(extra.args, node.name), dependsOn: [key], description: undefined });
          tokens.add(extra.target.token);
        }
        continue;
      }
      const commands = scriptCommands(node, ctx, opInputs, (n) => note(node.name, n, true));
      if (commands.length > 0) {
        handled = true;
        const host = hostOf(model, node);
        const hostIp = host ? resolveRefs(hostIpOf(model, host, ev, node.name, inst.index), node.name) : null;
        const hostNode = host ? model.nodes.get(host) : undefined;
        const agent = hostNode ? concrete(ev.evaluate(hostNode.properties.get("agent_config") ?? { value: {}, site: node.site }, { self: host })) : undefined;
        const user = agent && typeof agent === "object" && typeof (agent as Record<string, unknown>)["user"] === "string" ? (agent as Record<string, unknown>)["user"] as string : "ubuntu";
        if (!host) note(node.name, "no contained_in host: the commands have no machine to run on (connection host is empty)", true);
        secrets.add("agent_key_private");
        let previous: string | undefined;
        for (const c of commands) {
          const ckey = `${key}-${c.phase}`;
          const args: Value = {
            connection: { host: hostIp ?? "", user, privateKey: new SecretRef("agent_key_private", []) },
            create: c.create,
            ...(c.delete !== undefined ? { delete: c.delete } : {}),
            ...(Object.keys(c.environment).length > 0 ? { environment: c.environment } : {}),
          };
          resources.push({ key: ckey, node: node.name, index: inst.index, target: TARGETS.remoteCommand, args: resolveRefs(args, node.name), dependsOn: previous ? [previous] : depends(), description: node.description });
          previous = ckey;
          made.push(ckey);
        }
        tokens.add(TARGETS.remoteCommand.token);
      }
    }
    mainKey.set(node.name, list.map((i) => (mapping ? `${node.name}-${i.index}` : made.find((m) => m.startsWith(`${node.name}-${i.index}-`)) ?? "")).filter((k) => k !== ""));
    if (mapping) {
      for (const n of unreadValues(node, reads, evaluated)) note(node.name, n, true);
      for (const n of unreproducedOperations(node, mapping)) note(node.name, n, true);
    }
    const nodeNotes = notes.get(node.name) ?? [];
    const dropped = nodeNotes.map((n) => n.message);
    let status: ConversionStatus = nodeNotes.some((n) => n.partial) ? "partial" : "converted";
    const meaningful = [...node.operations.values()].filter((op) => op.implementation !== "" && !ignoredOperation(node, op));
    const monitoring = [...node.operations.values()].filter((op) => op.implementation.startsWith("diamond."));
    if (monitoring.length > 0) {
      dropped.push("monitoring agent (diamond) operations: monitoring agents have no Pulumi meaning, not converted");
      status = "partial";
    }
    if (!handled) {
      if (meaningful.length > 0) {
        status = "not converted";
        dropped.push(`operations ${meaningful.map((o) => `${o.iface.replace("cloudify.interfaces.", "")}.${o.name}=${o.implementation}`).join(", ")} run plugin code that has no Pulumi equivalent`);
      } else if (list.length > 0) {
        dropped.push(node.type.chain.includes("cloudify.nodes.Compute") ? "an existing host (no resource is created; software contained in it connects to its ip)" : "nothing to create (no operations)");
      }
    }
    if (list.length === 0) dropped.push("0 instances: nothing is created");
    report.push({ node: node.name, type: node.type.name, status, resources: [...tokens], notes: dropped, at: positionOf(node.site, true) });
  }
  for (const g of model.groups.values()) {
    for (const p of g.policies) {
      report.push({ node: `${g.name}/${p.name}`, type: p.type, status: "not converted", resources: [], notes: ["monitoring-driven (Riemann) policies have no Pulumi meaning; use your platform's autoscaling"], at: positionOf(p.site, true) });
    }
  }
  const outputs = [...model.outputs.values(), ...model.capabilities.values()].map((o) => ({ name: o.name, description: o.description, value: resolveRefs(ev.evaluate(o.value, {}), o.name) }));
  const planInputs = ev.inputOrder().map((name) => {
    const i = model.inputs.get(name)!;
    const given = Object.hasOwn(inputs, name);
    return {
      name,
      description: i.description,
      value: concrete(ev.input(name, i.site)),
      hasDefault: i.hasDefault,
      defaultValue: given ? toValue(inputs[name]) : resolveRefs(ev.inputDefault(name) ?? null, name),
    };
  });
  for (const r of resources) r.dependsOn = [...new Set(r.dependsOn)];
  return { resources, outputs, inputs: planInputs, secrets: [...secrets].sort(), report, description: model.description };
}

/** `file:line:col` of a site (of its key with `key: true`). */
function where(site: Site, key = false): string {
  const p = positionOf(site, key);
  return `${p.file}:${p.line}:${p.col}`;
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
        out.add(`${where(w.site, true)}: property ${k} is not carried over: Berth's mapping of ${node.type.name} has no equivalent for it`);
        continue;
      }
      for (const path of reads.unread(props[k], [k])) out.add(`${where(siteOfPath(node, path), true)}: ${path.join(".")} is not carried over: Berth's mapping of ${node.type.name} does not read it (check the spelling)`);
    }
    for (const [opKey, inputs] of ops) {
      const op = node.operations.get(opKey)!;
      for (const [k, w] of op.inputs) {
        if (!writtenByTemplate(node, w.site)) continue;
        if (!reads.wasRead(["interfaces", opKey, k])) {
          out.add(`${where(w.site, true)}: operation input ${k} of ${opKey} is not carried over: Berth's mapping of ${node.type.name} does not read it`);
          continue;
        }
        for (const path of reads.unread(inputs[k], ["interfaces", opKey, k])) out.add(`${where(siteOfPath(node, path), true)}: ${opKey} input ${path.slice(2).join(".")} is not carried over (check the spelling)`);
      }
    }
  }
  return [...out];
}

/**
 * Operations a template overrides with an implementation its mapped type does not have: the mapping reproduces the
 * type's own operations, so an override (a script, another plugin task) is reported, never silently replaced.
 */
function unreproducedOperations(node: NodeTemplate, mapping: TypeMapping): string[] {
  const out: string[] = [];
  const mappedType = node.type.chain.find((t) => t === mapping.type);
  for (const [k, op] of node.operations) {
    if (op.implementation === "" || !writtenByTemplate(node, op.site)) continue;
    const base = node.type.operations.get(k);
    if (base && base.implementation === op.implementation) continue;
    out.push(`${where(op.site)}: operation ${k} is overridden with ${op.implementation}; Berth's mapping of ${mappedType ?? node.type.name} reproduces the type's own operation, not this one`);
  }
  return out;
}

function ignoredOperation(node: NodeTemplate, op: Operation): boolean {
  if (op.iface.startsWith("cloudify.interfaces.cloudify_agent") || op.iface === "cloudify.interfaces.validation" || op.iface === "cloudify.interfaces.monitoring_agent") return true;
  if (op.implementation.startsWith("diamond.")) return true;
  return node.type.chain.includes("cloudify.nodes.Compute") && op.implementation.startsWith("agent.");
}

function hostOf(model: BlueprintModel, node: NodeTemplate): string | undefined {
  let cur = node.host;
  while (cur !== undefined) {
    const n = model.nodes.get(cur);
    if (!n || n.type.chain.includes("cloudify.nodes.Compute") || n.host === undefined) return cur;
    cur = n.host;
  }
  return undefined;
}

function hostIpOf(model: BlueprintModel, host: string, ev: Evaluator, from: string, index: number): Value {
  const node = model.nodes.get(host)!;
  const m = mappingFor(node.type.chain);
  const out = m?.attributes["ip"];
  if (out) return new AttributeRef(host, from, index, out, []);
  const ip = node.properties.get("ip");
  return ip ? ev.evaluate(ip, { self: host }) : null;
}

interface ScriptCommand {
  phase: string;
  create: Value;
  delete?: Value;
  environment: { [key: string]: Value };
}

/** Script operations (a script path, or fabric run_script/run_commands) as commands in lifecycle order. */
function scriptCommands(node: NodeTemplate, ctx: MapContext, inputsOf: (op: Operation) => Record<string, Value>, note: (m: string) => void): ScriptCommand[] {
  const text = (op: Operation | undefined): { cmd: Value; env: { [key: string]: Value } } | undefined => {
    if (!op || op.implementation === "") return undefined;
    const inputs = inputsOf(op);
    let file: string | undefined;
    if (SCRIPT.test(op.implementation) && !op.implementation.startsWith("fabric.")) file = op.implementation;
    else if (op.implementation === "fabric.fabric_plugin.tasks.run_script" || op.implementation === "script.script_runner.tasks.run") {
      const p = concrete(inputs["script_path"] ?? null);
      if (typeof p === "string") file = p;
    } else if (op.implementation === "fabric.fabric_plugin.tasks.run_commands") {
      const cmds = inputs["commands"];
      return { cmd: Array.isArray(cmds) ? new CallRef("concat", cmds.flatMap((c, i) => (i === 0 ? [c] : ["\n", c]))) : "", env: envOf(inputs) };
    } else return undefined;
    if (file === undefined) return undefined;
    const body = ctx.resource(file, op.site);
    if (body === undefined) note(`dropped script ${file}: not found beside the blueprint (the command is empty)`);
    const extra = Object.keys(inputs).filter((k) => k !== "process" && k !== "script_path" && k !== "fabric_env");
    if (extra.length > 0) note(`dropped operation inputs ${extra.join(", ")} (only process.env is passed, as environment)`);
    return { cmd: body ?? "", env: envOf(inputs) };
  };
  const op = (name: string) => node.operations.get(`cloudify.interfaces.lifecycle.${name}`);
  const out: ScriptCommand[] = [];
  const stop = text(op("stop"));
  const del = text(op("delete"));
  for (const phase of LIFECYCLE) {
    const t = text(op(phase));
    if (!t) continue;
    out.push({ phase, create: t.cmd, environment: t.env });
  }
  if (out.length === 0 && (stop || del)) out.push({ phase: "create", create: "true", environment: {} });
  if (out.length > 0) {
    if (del) out[0]!.delete = del.cmd;
    if (stop) out[out.length - 1]!.delete = stop.cmd;
  }
  return out;
}

function envOf(inputs: Record<string, Value>): { [key: string]: Value } {
  const proc = inputs["process"];
  if (proc === null || typeof proc !== "object" || Array.isArray(proc)) return {};
  const env = (proc as { [key: string]: Value })["env"];
  if (env === null || env === undefined || typeof env !== "object" || Array.isArray(env)) return {};
  const out: { [key: string]: Value } = {};
  for (const [k, v] of Object.entries(env as { [key: string]: Value })) out[k] = typeof v === "object" && v !== null ? v : v === null ? "" : String(v);
  return out;
}
