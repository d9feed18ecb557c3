import type { Entry, Merged } from "../parse/merge";
import { readInterfaces, readSchema } from "./schema";
import { type Diagnostics, type Site, isMap, sub } from "./site";
import { TypeRegistry } from "./type-defs";
import type {
  BlueprintModel,
  GroupDef,
  InputDef,
  NodeTemplate,
  OutputDef,
  ScalingPolicy,
  Written,
} from "./types";

function buildInputs(merged: Merged, d: Diagnostics): Map<string, InputDef> {
  const out = new Map<string, InputDef>();
  for (const [name, entry] of merged.sections.inputs) {
    const schema = readSchema({ [name]: entry.value }, { doc: entry.site.doc, path: entry.site.path.slice(0, -1) }, d, "input").get(name);
    if (!schema) continue;
    const body = isMap(entry.value) ? entry.value : {};
    const TYPES = new Set(["string", "integer", "float", "boolean", "list", "dict", "regex", "textarea"]);
    if (schema.type && !TYPES.has(schema.type) && !merged.sections.data_types.has(schema.type)) {
      d.at(sub(entry.site, "type"), `input type "${schema.type}" is unknown; use string, integer, float, boolean, list, dict or a data type`);
    }
    const constraints = body["constraints"];
    out.set(name, { ...schema, constraints: constraints === undefined ? undefined : { value: constraints, site: sub(entry.site, "constraints") } });
  }
  return out;
}

function readInstances(body: Record<string, unknown>, site: Site, d: Diagnostics): number {
  const deploy = isMap(body["instances"]) ? body["instances"]["deploy"] : undefined;
  const caps = isMap(body["capabilities"]) ? body["capabilities"] : undefined;
  const scalable = caps && isMap(caps["scalable"]) ? caps["scalable"] : undefined;
  const props = scalable && isMap(scalable["properties"]) ? scalable["properties"] : undefined;
  const def = props?.["default_instances"];
  if (deploy !== undefined && def !== undefined) {
    d.at(sub(site, "instances"), "instances.deploy and capabilities.scalable cannot both be set; keep capabilities.scalable");
  }
  const check = (v: unknown, at: Site): number => {
    if (typeof v === "number" && Number.isInteger(v) && v >= 0) return v;
    d.at(at, "an instance count must be a whole number of 0 or more");
    return 1;
  };
  if (def !== undefined) return check(def, sub(sub(sub(sub(site, "capabilities"), "scalable"), "properties"), "default_instances"));
  if (deploy !== undefined) return check(deploy, sub(sub(site, "instances"), "deploy"));
  return 1;
}

const TEMPLATE_KEYS = new Set(["type", "properties", "interfaces", "relationships", "instances", "capabilities", "description"]);

function buildTemplates(merged: Merged, registry: TypeRegistry, d: Diagnostics): Map<string, NodeTemplate> {
  const out = new Map<string, NodeTemplate>();
  const names = merged.sections.node_templates;
  for (const [name, entry] of names) {
    if (!isMap(entry.value)) {
      d.at(entry.site, `node template ${name} must be a mapping with at least a type`);
      continue;
    }
    const body = entry.value;
    for (const k of Object.keys(body)) if (!TEMPLATE_KEYS.has(k)) d.at(sub(entry.site, k), `unknown node template key "${k}"; use ${[...TEMPLATE_KEYS].join(", ")}`, true);
    const typeName = body["type"];
    const type = typeof typeName === "string" ? registry.nodeType(typeName) : undefined;
    if (!type) {
      if (typeof typeName !== "string") d.at(entry.site, `node template ${name} has no type; add type: <a node type>`);
      else d.at(sub(entry.site, "type"), `unknown node type "${typeName}"; define it in node_types or import the file that does`);
      continue;
    }
    const properties = new Map<string, Written>();
    const propsSite = sub(entry.site, "properties");
    const rawProps = body["properties"];
    if (rawProps !== undefined && rawProps !== null && !isMap(rawProps)) d.at(propsSite, "properties must be a mapping");
    const given = isMap(rawProps) ? rawProps : {};
    for (const [k, v] of Object.entries(given)) {
      if (!type.properties.has(k)) {
        const known = [...type.properties.keys()].sort().join(", ") || "none";
        d.at(sub(propsSite, k), `property "${k}" is not declared by ${type.name} (declared: ${known})`, true);
        continue;
      }
      properties.set(k, { value: v, site: sub(propsSite, k) });
    }
    for (const [k, spec] of type.properties) {
      if (properties.has(k)) continue;
      if (spec.default) properties.set(k, spec.default);
      else if (spec.required) d.at(entry.site, `node template ${name} must set property "${k}" (required by ${type.name}, no default)`, true);
    }
    // Most templates override no operation: they share their type's map, copied only when one is overridden.
    let operations = type.operations;
    for (const [k, op] of readInterfaces(body["interfaces"], sub(entry.site, "interfaces"), false, d)) {
      if (operations === type.operations) operations = new Map(type.operations);
      const base = type.operations.get(k);
      if (base && (op.implementation === "" || op.implementation === base.implementation)) {
        operations.set(k, { ...op, implementation: base.implementation, executor: op.executor ?? base.executor, inputs: new Map([...base.inputs, ...op.inputs]) });
      } else {
        operations.set(k, op);
      }
    }
    const relationships: NodeTemplate["relationships"] = [];
    let host: string | undefined;
    const relsSite = sub(entry.site, "relationships");
    const rawRels = body["relationships"];
    if (rawRels !== undefined && rawRels !== null && !Array.isArray(rawRels)) d.at(relsSite, "relationships must be a list of {type, target}");
    (Array.isArray(rawRels) ? rawRels : []).forEach((r, i) => {
      const at = sub(relsSite, i);
      if (!isMap(r)) {
        d.at(at, "a relationship must be a mapping {type, target}");
        return;
      }
      const rt = typeof r["type"] === "string" ? registry.relationshipType(r["type"]) : undefined;
      if (!rt) {
        d.at(r["type"] === undefined ? at : sub(at, "type"), `unknown relationship type ${JSON.stringify(r["type"] ?? null)}; define it under relationships or import it`);
        return;
      }
      const target = r["target"];
      if (typeof target !== "string" || !names.has(target)) {
        d.at(r["target"] === undefined ? at : sub(at, "target"), `relationship target ${JSON.stringify(target ?? null)} is not a node template of this blueprint`);
        return;
      }
      if (target === name) {
        d.at(sub(at, "target"), `node ${name} cannot have a relationship to itself`);
        return;
      }
      const kind = rt.kind;
      if (kind === "contained_in") {
        if (host !== undefined) {
          d.at(at, `node ${name} is contained in ${host} already; a node has at most one contained_in relationship`);
          return;
        }
        host = target;
      }
      const properties = new Map<string, Written>();
      for (const [k, spec] of rt.properties) if (spec.default) properties.set(k, spec.default);
      if (isMap(r["properties"])) for (const [k, v] of Object.entries(r["properties"])) properties.set(k, { value: v, site: sub(sub(at, "properties"), k) });
      relationships.push({ type: rt, kind, target, properties, site: at });
    });
    out.set(name, {
      name,
      type,
      description: typeof body["description"] === "string" ? body["description"] : undefined,
      properties,
      operations,
      relationships,
      host,
      instances: readInstances(body, entry.site, d),
      site: entry.site,
    });
  }
  return out;
}

/** Reports dependency cycles among node templates, printing the chain. */
function checkCycles(nodes: Map<string, NodeTemplate>, d: Diagnostics): void {
  const state = new Map<string, 1 | 2>();
  const path: string[] = [];
  const visit = (n: string): void => {
    state.set(n, 1);
    path.push(n);
    const node = nodes.get(n);
    for (const r of node?.relationships ?? []) {
      const s = state.get(r.target);
      if (s === 1) {
        const from = path.indexOf(r.target);
        d.at(r.site, `relationship cycle: ${[...path.slice(from), r.target].join(" -> ")}; remove one of these relationships`);
      } else if (s === undefined && nodes.has(r.target)) visit(r.target);
    }
    path.pop();
    state.set(n, 2);
  };
  for (const n of nodes.keys()) if (!state.has(n)) visit(n);
}

function buildOutputs(entries: Map<string, Entry>, d: Diagnostics, what: string): Map<string, OutputDef> {
  const out = new Map<string, OutputDef>();
  for (const [name, entry] of entries) {
    if (!isMap(entry.value) || !("value" in entry.value)) {
      d.at(entry.site, `${what} ${name} must be a mapping with a value (and an optional description)`);
      continue;
    }
    const desc = entry.value["description"];
    out.set(name, { name, description: typeof desc === "string" ? desc : undefined, value: { value: entry.value["value"], site: sub(entry.site, "value") }, site: entry.site });
  }
  return out;
}

function buildGroups(merged: Merged, nodes: Map<string, NodeTemplate>, d: Diagnostics): Map<string, GroupDef> {
  const out = new Map<string, GroupDef>();
  const groups = merged.sections.groups;
  for (const [name, entry] of groups) {
    if (nodes.has(name)) d.at(entry.site, `group ${name} has the name of a node template; rename one of them`, true);
    const body = isMap(entry.value) ? entry.value : {};
    const members = Array.isArray(body["members"]) ? body["members"] : [];
    if (!Array.isArray(body["members"]) || members.length === 0) d.at(entry.site, `group ${name} needs a non-empty members list`);
    const ok: string[] = [];
    members.forEach((m, i) => {
      if (typeof m === "string" && (nodes.has(m) || groups.has(m))) ok.push(m);
      else d.at(sub(sub(entry.site, "members"), i), `group member ${JSON.stringify(m)} is neither a node template nor a group`);
    });
    const policies: GroupDef["policies"] = [];
    if (isMap(body["policies"])) {
      for (const [p, spec] of Object.entries(body["policies"])) {
        const type = isMap(spec) && typeof spec["type"] === "string" ? spec["type"] : "";
        policies.push({ name: p, type, site: sub(sub(entry.site, "policies"), p) });
      }
    }
    out.set(name, { name, members: ok, policies, site: entry.site });
  }
  return out;
}

function buildPolicies(merged: Merged, groups: Map<string, GroupDef>, d: Diagnostics): ScalingPolicy[] {
  const out: ScalingPolicy[] = [];
  const claimed = new Map<string, string>();
  for (const [name, entry] of merged.sections.policies) {
    const body = isMap(entry.value) ? entry.value : {};
    if (body["type"] !== "cloudify.policies.scaling") {
      d.at(isMap(entry.value) && "type" in entry.value ? sub(entry.site, "type") : entry.site, `policy ${name}: the only supported policy type is cloudify.policies.scaling`);
      continue;
    }
    const props = isMap(body["properties"]) ? body["properties"] : {};
    const def = props["default_instances"] ?? 1;
    let count = 1;
    if (typeof def === "number" && Number.isInteger(def) && def >= 0) count = def;
    else d.at(sub(sub(entry.site, "properties"), "default_instances"), "default_instances must be a whole number of 0 or more");
    const targets: string[] = [];
    const raw = Array.isArray(body["targets"]) ? body["targets"] : [];
    if (raw.length === 0) d.at(entry.site, `policy ${name} needs a non-empty targets list of groups`);
    raw.forEach((t, i) => {
      const at = sub(sub(entry.site, "targets"), i);
      if (typeof t !== "string" || !groups.has(t)) d.at(at, `policy target ${JSON.stringify(t)} is not a group`);
      else if (claimed.has(t)) d.at(at, `group ${t} is already scaled by policy ${claimed.get(t)}; a group is in at most one scaling group`);
      else {
        claimed.set(t, name);
        targets.push(t);
      }
    });
    out.push({ name, targets, defaultInstances: count, site: entry.site });
  }
  return out;
}

/** Builds the checked model from the merged files, recording every problem. */
export function buildModel(merged: Merged, docs: BlueprintModel["docs"], d: Diagnostics): BlueprintModel {
  const registry = new TypeRegistry(merged, d);
  const inputs = buildInputs(merged, d);
  const nodes = buildTemplates(merged, registry, d);
  checkCycles(nodes, d);
  const groups = buildGroups(merged, nodes, d);
  return {
    mainFile: merged.main.file,
    version: merged.version,
    description: merged.description,
    inputs,
    nodeTypes: registry.usedNodeTypes(),
    relationshipTypes: registry.usedRelationshipTypes(),
    nodes,
    outputs: buildOutputs(merged.sections.outputs, d, "output"),
    capabilities: buildOutputs(merged.sections.capabilities, d, "capability"),
    groups,
    policies: buildPolicies(merged, groups, d),
    docs,
  };
}
