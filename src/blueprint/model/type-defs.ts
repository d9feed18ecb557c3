/**
 * Node types and relationship types with their ancestry resolved. Every definition's own schema is read (and checked)
 * once; a type's merged properties and operations are built only when a template uses it, by folding its chain from
 * the root down, so a `derived_from` chain of any length costs time linear in its length.
 */
import type { Merged } from "../parse/merge";
import { Hierarchy } from "./derivation";
import { readInterfaces, readSchema } from "./schema";
import { type Diagnostics, isMap, sub } from "./site";
import type { NodeType, Operation, PropertySchema, RelationshipKind, RelationshipType } from "./types";

const BUILTIN_KINDS: Record<string, RelationshipKind> = {
  "cloudify.relationships.contained_in": "contained_in",
  "cloudify.relationships.connected_to": "connected_to",
  "cloudify.relationships.depends_on": "depends_on",
};

/** A schema entry without its undefined fields, so an override keeps the parent's type and description. */
function definedOnly(spec: PropertySchema): Partial<PropertySchema> {
  const out: Partial<PropertySchema> = { hasDefault: spec.hasDefault, required: spec.required, site: spec.site };
  if (spec.hasDefault) out.default = spec.default;
  if (spec.type !== undefined) out.type = spec.type;
  if (spec.description !== undefined) out.description = spec.description;
  return out;
}

/** One definition's own parts, read once. */
interface OwnParts {
  properties: Map<string, PropertySchema>;
  operations: Map<string, Operation>;
  sourceOperations: Map<string, Operation>;
  targetOperations: Map<string, Operation>;
}

/** The node and relationship types of a merged blueprint, materialised on first use. */
export class TypeRegistry {
  public readonly nodes: Hierarchy;
  public readonly relationships: Hierarchy;
  private readonly ownNode = new Map<string, OwnParts>();
  private readonly ownRel = new Map<string, OwnParts>();
  private readonly nodeTypes = new Map<string, NodeType>();
  private readonly relTypes = new Map<string, RelationshipType>();

  /**
   * @param unknownOk whether a parent type that is not defined may come from an import that could not be resolved
   *   (then the chain is broken, not an error).
   */
  constructor(
    private readonly merged: Merged,
    d: Diagnostics,
    unknownOk: (parent: string) => boolean = () => false,
  ) {
    this.nodes = new Hierarchy(merged.sections.node_types, "node type", d, unknownOk);
    this.relationships = new Hierarchy(merged.sections.relationships, "relationship type", d, unknownOk);
    for (const [name, entry] of merged.sections.node_types) {
      if (!isMap(entry.value) && entry.value !== null) d.at(entry.site, `node type ${name} must be a mapping`);
      const body = isMap(entry.value) ? entry.value : {};
      this.ownNode.set(name, {
        properties: readSchema(body["properties"], sub(entry.site, "properties"), d, "property"),
        operations: readInterfaces(body["interfaces"], sub(entry.site, "interfaces"), true, d),
        sourceOperations: new Map(),
        targetOperations: new Map(),
      });
    }
    for (const [name, entry] of merged.sections.relationships) {
      if (!isMap(entry.value) && entry.value !== null) d.at(entry.site, `relationship type ${name} must be a mapping`);
      const body = isMap(entry.value) ? entry.value : {};
      this.ownRel.set(name, {
        properties: readSchema(body["properties"], sub(entry.site, "properties"), d, "property"),
        operations: new Map(),
        sourceOperations: readInterfaces(body["source_interfaces"], sub(entry.site, "source_interfaces"), true, d),
        targetOperations: readInterfaces(body["target_interfaces"], sub(entry.site, "target_interfaces"), true, d),
      });
    }
  }

  /** The node type `name` with its ancestry folded in, or undefined when no file defines it. */
  public nodeType(name: string): NodeType | undefined {
    const hit = this.nodeTypes.get(name);
    if (hit) return hit;
    const entry = this.merged.sections.node_types.get(name);
    if (!entry) return undefined;
    const chain = this.nodes.chain(name);
    const properties = new Map<string, PropertySchema>();
    const operations = new Map<string, Operation>();
    for (let i = chain.length - 1; i >= 0; i--) {
      const own = this.ownNode.get(chain[i]!)!;
      for (const [k, spec] of own.properties) {
        const prior = properties.get(k);
        properties.set(k, prior ? { ...prior, ...definedOnly(spec) } : spec);
      }
      // A derived type's operation replaces its parent's entirely, inputs included (reference: cloudify.md §5.2).
      for (const [k, op] of own.operations) operations.set(k, op);
    }
    const broken = this.nodes.brokenAt(name);
    const type: NodeType = {
      name,
      chain,
      properties,
      operations,
      site: entry.site,
      // The core types are exact facts (checked like a file); a plugin's entry may miss what a plugin version has.
      fromCatalogue: entry.site.doc.parsed === undefined && entry.site.doc.catalogue?.family !== "Cloudify core types",
      namesOnly: entry.site.doc.catalogue?.namesOnly === true,
      unknownAncestor: broken && !broken.cycle ? broken.parent : undefined,
    };
    this.nodeTypes.set(name, type);
    return type;
  }

  /** The relationship type `name` with its ancestry folded in, or undefined when no file defines it. */
  public relationshipType(name: string): RelationshipType | undefined {
    const hit = this.relTypes.get(name);
    if (hit) return hit;
    const entry = this.merged.sections.relationships.get(name);
    if (!entry) return undefined;
    const chain = this.relationships.chain(name);
    const properties = new Map<string, PropertySchema>();
    const sourceOperations = new Map<string, Operation>();
    const targetOperations = new Map<string, Operation>();
    for (let i = chain.length - 1; i >= 0; i--) {
      const own = this.ownRel.get(chain[i]!)!;
      for (const [k, v] of own.properties) properties.set(k, v);
      for (const [k, op] of own.sourceOperations) sourceOperations.set(k, op);
      for (const [k, op] of own.targetOperations) targetOperations.set(k, op);
    }
    let kind: RelationshipKind = "depends_on";
    for (const t of chain) {
      const k = BUILTIN_KINDS[t];
      if (k) {
        kind = k;
        break;
      }
    }
    const type: RelationshipType = { name, chain, properties, sourceOperations, targetOperations, kind, site: entry.site };
    this.relTypes.set(name, type);
    return type;
  }

  /** The node types materialised so far (those templates use). */
  public usedNodeTypes(): Map<string, NodeType> {
    return this.nodeTypes;
  }

  /** The relationship types materialised so far. */
  public usedRelationshipTypes(): Map<string, RelationshipType> {
    return this.relTypes;
  }
}
