import type { Site, SourceDoc } from "./site";

/** A value as written in the blueprint (functions not yet evaluated) and where. */
export interface Written {
  value: unknown;
  site: Site;
}

/** A property (or operation input, or input) schema entry. */
export interface PropertySchema {
  name: string;
  /** The declared type name. @default none */
  type?: string;
  description?: string;
  /** True when a default was declared. */
  hasDefault: boolean;
  default?: Written;
  /** Whether a value must be given (the DSL's default is true). */
  required: boolean;
  site: Site;
}

/** One operation of a node type or template (interface `iface`, name `name`). */
export interface Operation {
  iface: string;
  name: string;
  /** `plugin.module.function`, a script path, or "" (a no-op). */
  implementation: string;
  /** The operation's inputs, merged per the DSL's rules. */
  inputs: Map<string, Written>;
  executor?: string;
  site: Site;
}

/** A node type with its ancestry resolved. */
export interface NodeType {
  name: string;
  /** This type, then its ancestors, nearest first. */
  chain: string[];
  properties: Map<string, PropertySchema>;
  /** Operations keyed by `interface.operation`. */
  operations: Map<string, Operation>;
  site: Site;
  /** True when Berth's offline catalogue defines the type (not a file): its schema is ours, so gaps are reported, not errors. */
  fromCatalogue: boolean;
  /** An ancestor named by `derived_from` that no loaded file defines (its import could not be resolved). @default none */
  unknownAncestor?: string;
  /** True when the catalogue knows only the type's name and derivation: properties it does not list are kept. @default false */
  namesOnly?: boolean;
}

/** A relationship type with its ancestry resolved. */
export interface RelationshipType {
  name: string;
  chain: string[];
  properties: Map<string, PropertySchema>;
  /** `source_interfaces` operations, keyed `interface.operation`. */
  sourceOperations: Map<string, Operation>;
  /** `target_interfaces` operations, keyed `interface.operation`. */
  targetOperations: Map<string, Operation>;
  /** What it means for ordering and hosting, by derivation from the built-ins. */
  kind: RelationshipKind;
  site: Site;
}

/** What a relationship means for ordering and hosting, by derivation from the built-ins. */
export type RelationshipKind = "contained_in" | "connected_to" | "depends_on";

/** A relationship of a node template. */
export interface RelationshipUse {
  type: RelationshipType;
  kind: RelationshipKind;
  target: string;
  properties: Map<string, Written>;
  /** Operations run for the source (the type's, overridden by the template's `source_interfaces`). */
  sourceOperations: Map<string, Operation>;
  /** Operations run for the target (the type's, overridden by the template's `target_interfaces`). */
  targetOperations: Map<string, Operation>;
  site: Site;
}

/** A report line a node carries from the model (positioned); `partial` when it is something not reproduced. */
export interface NodeNote {
  message: string;
  partial: boolean;
}

/** A node template. */
export interface NodeTemplate {
  name: string;
  type: NodeType;
  /** The template's own description (for comments in generated code). @default none */
  description?: string;
  /** Property values: the template's, else the type's defaults. */
  properties: Map<string, Written>;
  /** Operations keyed by `interface.operation`, template over type. */
  operations: Map<string, Operation>;
  relationships: RelationshipUse[];
  /** The `contained_in` target, if any. */
  host?: string;
  /** Instances per host instance (instances.deploy or capabilities.scalable default_instances), once resolved. */
  instances: number;
  /** Where the count is written, when it is (it may be an intrinsic function). @default none (1) */
  count?: Written;
  site: Site;
  /** Report lines from reading the template. */
  notes: NodeNote[];
  /** Why the node cannot be converted at all (a type Berth has no definition of); it is kept as a placeholder. @default none */
  placeholder?: string;
}

/** A deployment input. */
export interface InputDef extends PropertySchema {
  constraints: Written | undefined;
}

/** An output or capability. */
export interface OutputDef {
  name: string;
  description?: string;
  value: Written;
  site: Site;
}

/** A group, with its policies (monitoring policies are not converted; see the report). */
export interface GroupDef {
  name: string;
  members: string[];
  policies: { name: string; type: string; site: Site }[];
  site: Site;
}

/** A `cloudify.policies.scaling` policy. */
export interface ScalingPolicy {
  name: string;
  targets: string[];
  /** The group count, once resolved. */
  defaultInstances: number;
  /** Where the count is written, when it is (it may be an intrinsic function). @default none (1) */
  count?: Written;
  site: Site;
}

/** A blueprint-level report line: something read but not converted (a workflow, a policy, a label), with where. */
export interface BlueprintLine {
  /** What it is (`workflow`, `policy`, `import`, `labels`, ...). */
  kind: string;
  name: string;
  message: string;
  site: Site;
  /** True when it is something the program does not reproduce. */
  partial: boolean;
}

/** The whole blueprint, semantics checked, functions not yet evaluated. */
export interface BlueprintModel {
  mainFile: string;
  version: string | undefined;
  description: string | undefined;
  inputs: Map<string, InputDef>;
  nodeTypes: Map<string, NodeType>;
  relationshipTypes: Map<string, RelationshipType>;
  nodes: Map<string, NodeTemplate>;
  outputs: Map<string, OutputDef>;
  capabilities: Map<string, OutputDef>;
  groups: Map<string, GroupDef>;
  policies: ScalingPolicy[];
  docs: SourceDoc[];
  /** Blueprint-level report lines (imports resolved or not, workflows, policies, labels). */
  lines: BlueprintLine[];
  /** The deployment labels the blueprint sets (`labels:`), as written. */
  labels: Map<string, Written>;
  /** Why a node template this blueprint does not define may exist elsewhere (a namespaced import not resolved). */
  missingNode(name: string): string | undefined;
  /** Why an input this blueprint does not declare may be declared elsewhere (the file is an include). */
  missingInput(name: string): string | undefined;
}
