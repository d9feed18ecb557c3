import { INCLUDE_CORE, type ImportRecord } from "../parse/load";
import type { Entry, Merged } from "../parse/merge";
import { CORE, catalogueFamilyOf, catalogueVersionsDefining } from "../types/catalogue";
import { readSchema } from "./schema";
import { type Diagnostics, type Site, type SourceDoc, isMap, sub } from "./site";
import { type Leniency, buildTemplates } from "./templates";
import { TypeRegistry } from "./type-defs";
import { MANAGER_INPUT_TYPES } from "./value-types";
import type {
  BlueprintLine,
  BlueprintModel,
  GroupDef,
  InputDef,
  NodeTemplate,
  OutputDef,
  ScalingPolicy,
  Written,
} from "./types";
import { topologicalOrder } from "../../core/graph";

/** The `labels:` of the main blueprint (`key: {values: [...]}` or a plain value). */
function readLabels(merged: Merged): Map<string, Written> {
  const out = new Map<string, Written>();
  const labels = (merged.main.value as Record<string, unknown>)["labels"];
  if (!isMap(labels)) return out;
  for (const [k, v] of Object.entries(labels)) {
    const site = sub({ doc: merged.main, path: ["labels"] }, k);
    out.set(k, isMap(v) && "values" in v ? { value: v["values"], site: sub(site, "values") } : { value: v, site });
  }
  return out;
}

function buildInputs(merged: Merged, d: Diagnostics): Map<string, InputDef> {
  const out = new Map<string, InputDef>();
  for (const [name, entry] of merged.sections.inputs) {
    const schema = readSchema({ [name]: entry.value }, { doc: entry.site.doc, path: entry.site.path.slice(0, -1) }, d, "input").get(name);
    if (!schema) continue;
    const body = isMap(entry.value) ? entry.value : {};
    const TYPES = new Set(["string", "integer", "float", "boolean", "list", "dict", "regex", "textarea"]);
    if (schema.type && !TYPES.has(schema.type) && !MANAGER_INPUT_TYPES.has(schema.type) && !merged.sections.data_types.has(schema.type)) {
      d.at(sub(entry.site, "type"), `input type "${schema.type}" is unknown; use string, integer, float, boolean, list, dict or a data type`);
    }
    const constraints = body["constraints"];
    out.set(name, { ...schema, constraints: constraints === undefined ? undefined : { value: constraints, site: sub(entry.site, "constraints") } });
  }
  return out;
}

/** Reports dependency cycles among node templates, printing the chain. */
function checkCycles(nodes: Map<string, NodeTemplate>, d: Diagnostics): void {
  // Edges keep every relationship's position (unknown targets as gaps), so a cycle names its relationship's site.
  const targets = (n: string): (string | undefined)[] => (nodes.get(n)?.relationships ?? []).map((r) => (nodes.has(r.target) ? r.target : undefined));
  for (const c of topologicalOrder(nodes.keys(), targets).cycles) {
    const r = nodes.get(c.from)!.relationships[c.edge]!;
    d.at(r.site, `relationship cycle: ${c.path.join(" -> ")}; remove one of these relationships`);
  }
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

function buildGroups(merged: Merged, nodes: Map<string, NodeTemplate>, d: Diagnostics, lenient: Leniency, lines: BlueprintLine[]): Map<string, GroupDef> {
  const out = new Map<string, GroupDef>();
  const groups = merged.sections.groups;
  for (const [name, entry] of groups) {
    if (nodes.has(name)) d.at(entry.site, `group ${name} has the name of a node template; rename one of them`, true);
    const body = isMap(entry.value) ? entry.value : {};
    const members = Array.isArray(body["members"]) ? body["members"] : [];
    if (!Array.isArray(body["members"]) || members.length === 0) d.at(entry.site, `group ${name} needs a non-empty members list`);
    const ok: string[] = [];
    members.forEach((m, i) => {
      const gap = typeof m === "string" ? lenient.target(m) : undefined;
      if (typeof m === "string" && (nodes.has(m) || groups.has(m))) ok.push(m);
      else if (gap) lines.push({ kind: "group", name, message: `group ${name}: member ${m} left out: ${gap}`, site: sub(sub(entry.site, "members"), i), partial: true });
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

function buildPolicies(merged: Merged, groups: Map<string, GroupDef>, d: Diagnostics, lines: BlueprintLine[], lenient: Leniency): ScalingPolicy[] {
  const out: ScalingPolicy[] = [];
  const claimed = new Map<string, string>();
  for (const [name, entry] of merged.sections.policies) {
    const body = isMap(entry.value) ? entry.value : {};
    if (body["type"] !== "cloudify.policies.scaling") {
      if (typeof body["type"] !== "string") {
        d.at(entry.site, `policy ${name} needs a type (cloudify.policies.scaling)`);
        continue;
      }
      lines.push({ kind: "policy", name, message: `policy ${name} of type ${body["type"]} is not converted: only scaling policies have a Pulumi meaning (instance counts)`, site: sub(entry.site, "type"), partial: true });
      continue;
    }
    const props = isMap(body["properties"]) ? body["properties"] : {};
    const count: Written | undefined = "default_instances" in props ? { value: props["default_instances"], site: sub(sub(entry.site, "properties"), "default_instances") } : undefined;
    const targets: string[] = [];
    const raw = Array.isArray(body["targets"]) ? body["targets"] : [];
    if (raw.length === 0) d.at(entry.site, `policy ${name} needs a non-empty targets list of groups`);
    raw.forEach((t, i) => {
      const at = sub(sub(entry.site, "targets"), i);
      if (typeof t !== "string" || !groups.has(t)) {
        const gap = typeof t === "string" ? lenient.target(t) : undefined;
        if (gap) lines.push({ kind: "policy", name, message: `policy ${name}: target ${t} left out: ${gap}`, site: at, partial: true });
        else d.at(at, `policy target ${JSON.stringify(t)} is not a group`);
      }
      else if (claimed.has(t)) d.at(at, `group ${t} is already scaled by policy ${claimed.get(t)}; a group is in at most one scaling group`);
      else {
        claimed.set(t, name);
        targets.push(t);
      }
    });
    out.push({ name, targets, defaultInstances: 1, count, site: entry.site });
  }
  return out;
}

/**
 * When a type Berth has no definition of is a gap rather than an error: when an import could not be resolved (it
 * may define it), or when the name belongs to a plugin whose catalogue entry Berth loaded (Berth's facts about a
 * plugin may miss a type the plugin has). With every import resolved from files and core types, an unknown type is an
 * error, as in Cloudify.
 */
function leniencyOf(imports: readonly ImportRecord[], docs: readonly SourceDoc[]): Leniency {
  const unresolved = imports.filter((i) => i.source === "unresolved");
  const plugins = [...new Set(docs.flatMap((doc) => (doc.catalogue && doc.catalogue.family !== CORE.title ? [`${doc.catalogue.family} ${doc.catalogue.version}`] : [])))];
  const loaded = new Map<string, string[]>();
  for (const doc of docs) if (doc.catalogue && doc.catalogue.family !== CORE.title) loaded.set(doc.catalogue.family, [...(loaded.get(doc.catalogue.family) ?? []), doc.catalogue.version]);
  const namespaceOf = (name: string) => /^(.+?)--/.exec(name)?.[1];
  // A file that imports nothing cannot stand alone (not even cloudify.nodes.Root is defined): it is an include, and
  // the names it uses come from the blueprint that imports it.
  const fragment = imports.some((i) => i.entry === INCLUDE_CORE);
  const includeNote = "this file is an include (it does not import the core types): the blueprint that imports it defines the name";
  return {
    fragment,
    input: (name) => (fragment ? `input ${name} is not declared here; ${includeNote}` : undefined),
    target: (name) => {
      const ns = namespaceOf(name);
      const from = ns ? unresolved.find((i) => i.entry.startsWith(`${ns}--`)) : undefined;
      if (from) return `it is a node of ${from.entry}, which Berth could not resolve (${from.note ?? "unresolved"})`;
      return fragment ? includeNote : undefined;
    },
    unimported: (name) => {
      const family = catalogueFamilyOf(name);
      return family ? `it belongs to the ${family}, which this file does not import (Cloudify would refuse it on its own)` : undefined;
    },
    gap: (name) => {
      if (fragment && !name.startsWith("cloudify.nodes.") && !name.startsWith("cloudify.relationships.")) return includeNote;
      const elsewhere = catalogueVersionsDefining(name).filter((f) => loaded.has(f.family.title));
      if (elsewhere.length > 0) {
        const title = elsewhere[0]!.family.title;
        return `the ${title} defines it in version ${elsewhere.map((f) => f.version.version).join(", ")}, but this blueprint's import of it resolved to ${loaded.get(title)!.join(", ")}, which does not (pin the version that has it, e.g. plugin:${elsewhere[0]!.family.packages[0]}?version=${elsewhere[0]!.version.version})`;
      }
      if (unresolved.length > 0) {
        const ns = /^(.+?)--/.exec(name)?.[1];
        const likely = (ns ? unresolved.filter((i) => i.entry.startsWith(`${ns}--`)) : []).concat(unresolved);
        return `it is likely defined by ${likely[0]!.entry}, which Berth could not resolve (${likely[0]!.note ?? "unresolved"})`;
      }
      if (plugins.length > 0) return `Berth's catalogue (${plugins.join(", ")}) does not list it`;
      return undefined;
    },
  };
}

/** Blueprint-level report lines: how imports were resolved, workflows, non-scaling policies and labels. */
function blueprintLines(merged: Merged, imports: readonly ImportRecord[]): BlueprintLine[] {
  const lines: BlueprintLine[] = [];
  for (const i of imports) {
    if (i.source === "unresolved") lines.push({ kind: "import", name: i.entry, message: `import ${i.entry} is not resolved: ${i.note ?? ""}; the nodes whose types it defines are kept as placeholders`, site: i.site, partial: true });
    else if (i.note) lines.push({ kind: "import", name: i.entry, message: i.note, site: i.site, partial: false });
  }
  for (const [name, entry] of merged.sections.workflows) {
    if (!entry.site.doc.parsed) continue;
    const mapping = isMap(entry.value) ? entry.value["mapping"] : entry.value;
    lines.push({
      kind: "workflow",
      name,
      message: `workflow ${name} (${typeof mapping === "string" ? mapping : "a workflow"}) is not converted: a Pulumi program has no custom workflows; run the equivalent steps as a separate program or script`,
      site: entry.site,
      partial: true,
    });
  }
  for (const section of ["labels", "blueprint_labels"] as const) {
    const labels = (merged.main.value as Record<string, unknown>)[section];
    if (!isMap(labels)) continue;
    for (const [key, body] of Object.entries(labels)) {
      const site = sub({ doc: merged.main, path: [section] }, key);
      const values = isMap(body) && "values" in body ? body["values"] : body;
      const plain = (Array.isArray(values) ? values : [values]).every((v) => v === null || ["string", "number", "boolean"].includes(typeof v));
      const shown = plain ? (Array.isArray(values) ? values : [values]).map((v) => String(v)).join(", ") : "(a computed value)";
      const message =
        section === "labels"
          ? `deployment label ${key} = ${shown}: Pulumi programs have no labels; tag the stack instead (pulumi stack tag set ${key} VALUE)`
          : `blueprint label ${key} = ${shown}: Pulumi projects have no labels; it is metadata only`;
      lines.push({ kind: section === "labels" ? "label" : "blueprint-label", name: key, message, site, partial: false });
    }
  }
  return lines;
}

/** Builds the checked model from the merged files, recording every problem. */
export function buildModel(merged: Merged, docs: BlueprintModel["docs"], d: Diagnostics, imports: readonly ImportRecord[] = [], fileNotes: readonly { site: Site; message: string }[] = []): BlueprintModel {
  const lenient = leniencyOf(imports, docs);
  const registry = new TypeRegistry(merged, d, (parent) => lenient.gap(parent) !== undefined);
  const inputs = buildInputs(merged, d);
  const nodes = buildTemplates(merged, registry, d, lenient);
  checkCycles(nodes, d);
  const lines = [...fileNotes.map((n): BlueprintLine => ({ kind: "yaml", name: String(n.site.path[n.site.path.length - 1] ?? ""), message: n.message, site: n.site, partial: false })), ...blueprintLines(merged, imports)];
  const groups = buildGroups(merged, nodes, d, lenient, lines);
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
    policies: buildPolicies(merged, groups, d, lines, lenient),
    docs,
    lines,
    labels: readLabels(merged),
    missingNode: (name) => lenient.target(name),
    missingInput: (name) => lenient.input(name),
  };
}
