import type { Value } from "../functions/values";
import type { Site } from "../model/site";
import type { NodeTemplate, RelationshipKind } from "../model/types";

/** A Pulumi resource class: the package, the export path inside it, and the type token it registers. */
export interface TargetClass {
  /** The npm module (`@pulumi/openstack`, `berth/docker`). */
  module: string;
  /** The export path (`["compute", "Instance"]`). */
  path: readonly string[];
  /** The registered type token, for reports and tests. */
  token: string;
  /** True for a data source (an invoke such as `aws.ec2.getAmiOutput`): it reads, it creates nothing. @default false */
  invoke?: boolean;
}

/** A related node, seen from the node being mapped. */
export interface Related {
  node: string;
  type: string;
  kind: RelationshipKind;
  /** The relationship's type name. */
  relationship: string;
  /** The related node's type chain (most derived first). */
  chain: readonly string[];
  /** An output of the related node's main resource (for the instance related to this one). */
  output(name: string): Value;
  /** The plan key of the related node's main resource, when it has one. */
  key(): string | undefined;
}

/** What a mapping sees of one node instance. */
export interface MapContext {
  node: NodeTemplate;
  index: number;
  /** Evaluated property values. */
  props: Record<string, Value>;
  /** A property value known at import time (inputs resolved), or undefined. */
  known(prop: string): unknown;
  /** Evaluated inputs of an operation (`lifecycle.create`), or undefined when the node has no such operation. */
  op(key: string): Record<string, Value> | undefined;
  /** Relationships of this node whose type derives from `type` (or of this kind). */
  related(type: string): Related[];
  /** The nodes this node has any relationship to whose type derives from the node type `nodeType`. */
  relatedByType(nodeType: string): Related[];
  /** The nodes that have a relationship deriving from `type` to this node. */
  relatedFrom(type: string): { node: string; relationship: string }[];
  /**
   * The text of a blueprint resource file (relative to the main blueprint's folder), or undefined when it does not
   * exist. A reference outside the blueprint's root folder is an error recorded at `site`.
   */
  resource(path: string, site?: Site): string | undefined;
  /** An output of this instance's main resource (for the additional resources that attach to it). */
  self(output: string): Value;
  /**
   * The Docker engine of the host this node is contained in, as `ssh://user@address` read when the program runs
   * (user from config or the host's agent_config), or undefined for a local host.
   */
  hostEngine(): Value | undefined;
  /** An output of one of this instance's additional resources (by its suffix). */
  extra(suffix: string, output: string): Value;
  /**
   * Records something that could not be carried over, with why (the node becomes "partial"); `at` is the path of the
   * value below the node (`[property, key, ...]` or `["interfaces", "iface.op", input, ...]`) for its position.
   */
  drop(what: string, at?: readonly (string | number)[]): void;
  /** Records how something was carried over (the node stays "converted"), positioned like {@link drop}. */
  note(message: string, at?: readonly (string | number)[]): void;
  /** A config secret the program reads (recorded for the stack's config). */
  secret(name: string): Value;
  /** The plan key of another node instance's main resource, when it was planned. */
  nodeKey(node: string, index: number): string | undefined;
}

/** An additional resource a mapping creates beside the main one (a security-group rule, a generated key). */
export interface ExtraResource {
  suffix: string;
  target: TargetClass;
  args: Value;
  /** Other planned resources it waits for (by key). @default the main resource only */
  dependsOn?: string[];
  /** True when dependants of the node should wait for this resource (it finishes the node's setup). @default false */
  last?: boolean;
  /** True when the main resource needs it (a generated key a keypair carries): it is made first. @default false */
  before?: boolean;
}

/** A provider resource a mapping asks for (one per distinct configuration; its resources are passed it). */
export interface ProviderRequest {
  target: TargetClass;
  args: Value;
}

/** One row of the type-mapping table. */
export interface TypeMapping {
  /** The Cloudify node type (most derived match wins). */
  type: string;
  target: TargetClass;
  /**
   * For a node that creates nothing but computes values (a cloud-init document): its attributes as values; the
   * program has no resource for it. @default none (the node is a resource)
   */
  values?(ctx: MapContext): Record<string, Value>;
  /** The explicit provider the node's resource uses (from `client_config`, `openstack_config`, ...). @default the ambient one */
  provider?(ctx: MapContext): ProviderRequest | undefined;
  /**
   * Cloudify attribute name → the resource's output property (get_attribute); `=name` names a value of
   * {@link staticAttributes} instead (an output of an additional resource, a value known from the properties).
   */
  attributes: Record<string, string>;
  /** Attribute values that are not outputs of the main resource (see `=name` in {@link attributes}). @default none */
  staticAttributes?(ctx: MapContext): Record<string, Value>;
  /** Builds the resource's arguments. */
  args(ctx: MapContext): Value;
  /** Chooses another class than `target` for this instance (its `args` must then fit that class). @default `target` */
  targetFor?(ctx: MapContext): TargetClass;
  /** Additional resources, created after the main one. @default none */
  extras?(ctx: MapContext): ExtraResource[];
  /** The resource's id for `use_external_resource` lookups (`resource_id`). @default the resource_id property */
  lookupId?(ctx: MapContext): Value;
  /** Relationship types (from this node) whose plugin operations the mapping reproduces. @default none */
  relationships?: readonly string[];
  /** Relationship types (to this node) whose plugin operations the mapping reproduces. @default none */
  relationshipsFrom?: readonly string[];
}
