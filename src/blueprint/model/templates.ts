/**
 * Node templates: each template's type, properties, operations, relationships and instance count, checked the way
 * Cloudify's parser checks them, and degraded per node where Berth lacks a definition (an import it could not
 * resolve, a plugin type its catalogue does not list): such a node keeps everything it wrote and carries the reason,
 * and the rest of the blueprint converts.
 */
import type { Merged } from "../parse/merge";
import { readInterfaces } from "./schema";
import { type Diagnostics, type Site, isMap, positionOf, sub } from "./site";
import type { TypeRegistry } from "./type-defs";
import type { NodeNote, NodeTemplate, NodeType, Operation, RelationshipType, RelationshipUse, Written } from "./types";
import { dataTypeDefault, misfit } from "./value-types";

const TEMPLATE_KEYS = new Set(["type", "properties", "interfaces", "relationships", "instances", "capabilities", "description"]);
const RELATIONSHIP_KEYS = new Set(["type", "target", "properties", "source_interfaces", "target_interfaces"]);

/** When a definition Berth lacks is a gap (the node degrades) rather than an error Cloudify's parser would give too. */
export interface Leniency {
  /** Why a missing type may exist after all (an unresolved import, a plugin Berth's catalogue lists only in part). */
  gap(name: string): string | undefined;
  /** Why a node template this file does not define may exist after all (a namespaced import not resolved, a fragment). */
  target(name: string): string | undefined;
  /** The catalogue definition of a type of a plugin the file does not import, when Berth's catalogue has it. */
  unimported(name: string): string | undefined;
  /** Why an input this file does not declare may be declared elsewhere (the file is an include). */
  input(name: string): string | undefined;
  /** True when the file imports nothing: an include, whose names the importing blueprint defines. */
  fragment: boolean;
}

/** `file:line:col: ` for a site. */
export function at(site: Site, key = false): string {
  const p = positionOf(site, key);
  return `${p.file}:${p.line}:${p.col}: `;
}

/** A stand-in type for a node whose type no loaded file defines: its own operations, no schema. */
function unknownType(name: string, site: Site): NodeType {
  return { name, chain: [name], properties: new Map(), operations: new Map(), site, fromCatalogue: false, unknownAncestor: name };
}

/** A stand-in for a relationship type no loaded file defines: ordered as depends_on. */
function unknownRelationship(name: string, site: Site): RelationshipType {
  return { name, chain: [name], properties: new Map(), sourceOperations: new Map(), targetOperations: new Map(), kind: "depends_on", site };
}

/** Template operations over the type's (reference: cloudify.md §5.2): same or empty implementation merges inputs. */
function mergeOperations(base: Map<string, Operation>, own: Map<string, Operation>): Map<string, Operation> {
  if (own.size === 0) return base;
  const out = new Map(base);
  for (const [k, op] of own) {
    const prior = base.get(k);
    if (prior && (op.implementation === "" || op.implementation === prior.implementation)) {
      out.set(k, { ...op, implementation: prior.implementation, executor: op.executor ?? prior.executor, inputs: new Map([...prior.inputs, ...op.inputs]) });
    } else out.set(k, op);
  }
  return out;
}

/** Reads the node templates, recording errors Cloudify would give and notes for what Berth cannot check. */
export function buildTemplates(merged: Merged, registry: TypeRegistry, d: Diagnostics, lenient: Leniency): Map<string, NodeTemplate> {
  const out = new Map<string, NodeTemplate>();
  const names = merged.sections.node_templates;
  const dataTypes = merged.sections.data_types;
  for (const [name, entry] of names) {
    if (!isMap(entry.value)) {
      d.at(entry.site, `node template ${name} must be a mapping with at least a type`);
      continue;
    }
    const body = entry.value;
    const notes: NodeNote[] = [];
    const note = (site: Site, message: string, partial: boolean, key = false) => notes.push({ message: `${at(site, key)}${message}`, partial });
    for (const k of Object.keys(body)) if (!TEMPLATE_KEYS.has(k)) d.at(sub(entry.site, k), `unknown node template key "${k}"; use ${[...TEMPLATE_KEYS].join(", ")}`, true);
    const typeName = body["type"];
    if (typeof typeName !== "string") {
      d.at(entry.site, `node template ${name} has no type; add type: <a node type>`);
      continue;
    }
    let type = registry.nodeType(typeName);
    let placeholder: string | undefined;
    if (!type) {
      const gap = lenient.gap(typeName) ?? lenient.unimported(typeName);
      if (!gap) {
        d.at(sub(entry.site, "type"), `unknown node type "${typeName}"; define it in node_types or import the file that does`);
        continue;
      }
      type = unknownType(typeName, entry.site);
      placeholder = `type ${typeName} is not defined by any file Berth could load: ${gap}`;
    } else if (type.unknownAncestor !== undefined) {
      const gap = lenient.gap(type.unknownAncestor) ?? "it is not defined";
      placeholder = `type ${typeName} derives from ${type.unknownAncestor}, which no file Berth could load defines: ${gap}`;
    }
    // What Berth can check: a complete chain of types. Catalogue types are our facts, so gaps in them are notes.
    const checked = placeholder === undefined;
    const strict = checked && !type.fromCatalogue;
    const open = type.namesOnly === true;
    const properties = new Map<string, Written>();
    const propsSite = sub(entry.site, "properties");
    const rawProps = body["properties"];
    if (rawProps !== undefined && rawProps !== null && !isMap(rawProps)) d.at(propsSite, "properties must be a mapping");
    const given = isMap(rawProps) ? rawProps : {};
    for (const [k, v] of Object.entries(given)) {
      const site = sub(propsSite, k);
      const spec = type.properties.get(k);
      if (!spec && checked && !open) {
        const known = [...type.properties.keys()].sort().join(", ") || "none";
        if (strict) {
          d.at(site, `property "${k}" is not declared by ${type.name} (declared: ${known})`, true);
          continue;
        }
        note(site, `property ${k} is not in Berth's catalogue entry for ${type.name} (which lists: ${known}); it is kept as written`, false, true);
      }
      const wrong = spec ? misfit(v, spec.type, dataTypes) : undefined;
      if (wrong) {
        if (strict) d.at(site, `property ${k} ${wrong}`);
        else note(site, `property ${k} ${wrong}`, true);
      }
      properties.set(k, { value: v, site });
    }
    for (const [k, spec] of type.properties) {
      if (properties.has(k)) continue;
      if (spec.default) properties.set(k, spec.default);
      else if (spec.required && dataTypeDefault(spec.type, dataTypes)) properties.set(k, { value: dataTypeDefault(spec.type, dataTypes), site: spec.site });
      else if (spec.required && checked) {
        if (strict) d.at(entry.site, `node template ${name} must set property "${k}" (required by ${type.name}, no default)`, true);
        else note(entry.site, `property ${k} is required by ${type.name} (Berth's catalogue) and not set`, true, true);
      }
    }
    const ownOps = readInterfaces(body["interfaces"], sub(entry.site, "interfaces"), false, d);
    const operations = mergeOperations(type.operations, ownOps);
    const relationships: RelationshipUse[] = [];
    let host: string | undefined;
    const relsSite = sub(entry.site, "relationships");
    const rawRels = body["relationships"];
    if (rawRels !== undefined && rawRels !== null && !Array.isArray(rawRels)) d.at(relsSite, "relationships must be a list of {type, target}");
    (Array.isArray(rawRels) ? rawRels : []).forEach((r, i) => {
      const site = sub(relsSite, i);
      if (!isMap(r)) {
        d.at(site, "a relationship must be a mapping {type, target}");
        return;
      }
      for (const k of Object.keys(r)) if (!RELATIONSHIP_KEYS.has(k)) d.at(sub(site, k), `unknown relationship key "${k}"; use ${[...RELATIONSHIP_KEYS].join(", ")}`, true);
      const relName = r["type"];
      let rt = typeof relName === "string" ? registry.relationshipType(relName) : undefined;
      if (!rt) {
        const gap = typeof relName === "string" ? lenient.gap(relName) : undefined;
        if (!gap) {
          d.at(relName === undefined ? site : sub(site, "type"), `unknown relationship type ${JSON.stringify(relName ?? null)}; define it under relationships or import it`);
          return;
        }
        rt = unknownRelationship(relName as string, site);
        note(sub(site, "type"), `relationship type ${relName} is not defined by any file Berth could load (${gap}); it only orders this node after ${String(r["target"])}`, true);
      }
      const target = r["target"];
      if (typeof target !== "string" || !names.has(target)) {
        const gap = typeof target === "string" ? lenient.target(target) : undefined;
        if (gap) {
          note(sub(site, "target"), `relationship to ${target} dropped: ${gap}; this node is not ordered after it and reads nothing of it`, true);
          return;
        }
        d.at(r["target"] === undefined ? site : sub(site, "target"), `relationship target ${JSON.stringify(target ?? null)} is not a node template of this blueprint`);
        return;
      }
      if (target === name) {
        d.at(sub(site, "target"), `node ${name} cannot have a relationship to itself`);
        return;
      }
      if (rt.kind === "contained_in") {
        if (host !== undefined) {
          d.at(site, `node ${name} is contained in ${host} already; a node has at most one contained_in relationship`);
          return;
        }
        host = target;
      }
      const props = new Map<string, Written>();
      for (const [k, spec] of rt.properties) if (spec.default) props.set(k, spec.default);
      if (isMap(r["properties"])) for (const [k, v] of Object.entries(r["properties"])) props.set(k, { value: v, site: sub(sub(site, "properties"), k) });
      const sourceOperations = mergeOperations(rt.sourceOperations, readInterfaces(r["source_interfaces"], sub(site, "source_interfaces"), false, d));
      const targetOperations = mergeOperations(rt.targetOperations, readInterfaces(r["target_interfaces"], sub(site, "target_interfaces"), false, d));
      relationships.push({ type: rt, kind: rt.kind, target, properties: props, sourceOperations, targetOperations, site });
    });
    out.set(name, {
      name,
      type,
      description: typeof body["description"] === "string" ? body["description"] : undefined,
      properties,
      operations,
      relationships,
      host,
      instances: 1,
      count: readCount(body, entry.site, d),
      site: entry.site,
      notes,
      placeholder,
    });
  }
  return out;
}

/** Where a template's instance count is written (`capabilities.scalable.properties.default_instances` or `instances.deploy`). */
function readCount(body: Record<string, unknown>, site: Site, d: Diagnostics): Written | undefined {
  const deploy = isMap(body["instances"]) ? body["instances"]["deploy"] : undefined;
  const caps = isMap(body["capabilities"]) ? body["capabilities"] : undefined;
  const scalable = caps && isMap(caps["scalable"]) ? caps["scalable"] : undefined;
  const props = scalable && isMap(scalable["properties"]) ? scalable["properties"] : undefined;
  const def = props?.["default_instances"];
  if (deploy !== undefined && def !== undefined) {
    d.at(sub(site, "instances"), "instances.deploy and capabilities.scalable cannot both be set; keep capabilities.scalable");
  }
  if (def !== undefined) return { value: def, site: sub(sub(sub(sub(site, "capabilities"), "scalable"), "properties"), "default_instances") };
  if (deploy !== undefined) return { value: deploy, site: sub(sub(site, "instances"), "deploy") };
  return undefined;
}
