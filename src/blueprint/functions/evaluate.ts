import { type Diagnostics, type Site, isMap, positionOf, sub } from "../model/site";
import { evaluationOrder, findCalls } from "./order";
import type { BlueprintModel, NodeTemplate, Written } from "../model/types";
import { AttributeRef, CallRef, CapabilityRef, HelperRef, InputRef, type RuntimeFunction, SecretRef, type Value, applyFunction, concrete, flatten, isKnown, setKey } from "./values";

/** Where a function is evaluated: a node (SELF), a relationship (SOURCE/TARGET), or an output (none of them). */
export interface Scope {
  self?: string;
  /** The instance index of SELF (attribute references start from it). @default 0 */
  index?: number;
  source?: string;
  target?: string;
}

/** What the evaluator needs besides the model. */
export interface EvaluatorOptions {
  /** Input values given for this deployment (unknown names are rejected by {@link resolveInputs}). */
  inputs: Record<string, unknown>;
  /**
   * The mapped resource's output for a node's attribute, from the per-type attribute table; `#runtime` when the node
   * runs scripts (the attribute is a runtime property they may set); undefined when it has none.
   */
  attributeOutput(node: NodeTemplate, attribute: string): string | undefined;
  /** Records a non-fatal note against a node (an attribute with no mapping, read as null). */
  note(node: string, message: string): void;
}

/** The DSL functions the importer evaluates; others are reported as unsupported. */
export const FUNCTIONS = new Set([
  "get_input",
  "get_property",
  "get_attribute",
  "get_secret",
  "concat",
  "merge",
  "string_find",
  "string_replace",
  "string_split",
  "string_lower",
  "string_upper",
  "get_capability",
  "get_environment_capability",
  "get_sys",
  "get_label",
  "get_attributes_list",
  "get_attributes_dict",
]);
const GET_INPUT = new Set(["get_input"]);
const PROPERTY_REFS = new Set(["get_property", "get_attribute", "get_attributes_list", "get_attributes_dict"]);
/** How deeply references may nest through names that functions compute (literal names are ordered, not nested). */
const MAX_RESOLUTION_DEPTH = 64;
/** Functions that read a manager's view of other deployments, which a Pulumi program has no equivalent of. */
const UNSUPPORTED = new Set(["get_group_capability", "get_consumers"]);

const STRING_FUNCTIONS: Record<string, { fn: RuntimeFunction; min: number; max: number }> = {
  string_find: { fn: "stringFind", min: 2, max: 2 },
  string_replace: { fn: "stringReplace", min: 3, max: 4 },
  string_split: { fn: "stringSplit", min: 2, max: 3 },
  string_lower: { fn: "stringLower", min: 1, max: 1 },
  string_upper: { fn: "stringUpper", min: 1, max: 1 },
};

/**
 * The one evaluator of intrinsic functions (reference: cloudify.md §5.3). Results are {@link Value} trees: plain data
 * where the value is known at import time, deferred references otherwise. Errors (unknown names, wrong arity, bad
 * references, cycles with their chain) are recorded at their position; the failing value evaluates to null.
 */
export class Evaluator {
  /** The inputs and properties being evaluated, in order (to print a cycle), and as a set (to find one fast). */
  private readonly trail: string[] = [];
  private readonly inProgress = new Set<string>();
  private readonly inputCache = new Map<string, Value>();
  /** Each input's default as evaluated (it may refer to other inputs), for the program's config reads. */
  private readonly inputDefaults = new Map<string, Value>();
  /** The inputs in the order {@link prepare} evaluated them (each after the inputs its default refers to). */
  private inputsInOrder: string[] = [];
  /** Inputs an include uses without declaring them (the program requires them as config). */
  public readonly implicit = new Set<string>();
  /** The same values by node, then property (what the plan reads for each node's first instance). */
  private readonly preparedByNode = new Map<string, Map<string, Value>>();
  private readonly cycles = new Set<string>();
  /** Nested resolutions not covered by {@link prepare}'s order (names computed by functions). */
  private depth = 0;

  constructor(
    private readonly model: BlueprintModel,
    private readonly d: Diagnostics,
    private readonly options: EvaluatorOptions,
  ) {}

  /**
   * Evaluates every input and every node property once, each after the inputs and properties it refers to (found
   * from the literal names in `get_input`, `get_property` and property-backed `get_attribute` calls), so chains of any
   * length resolve without nesting. Cycles are reported here, once each, with the whole cycle.
   */
  public prepare(): void {
    const inputs = this.model.inputs;
    const inputDeps = (name: string): string[] => {
      const def = inputs.get(name);
      if (!def?.default || Object.hasOwn(this.options.inputs, name)) return [];
      return findCalls(def.default.value, GET_INPUT).flatMap((c) => {
        const first = Array.isArray(c.arg) ? c.arg[0] : c.arg;
        return typeof first === "string" ? [first] : [];
      });
    };
    const inputOrder = evaluationOrder(inputs.keys(), inputDeps, (n) => inputs.has(n));
    for (const cycle of inputOrder.cycles) {
      const first = inputs.get(cycle[0]!)!;
      this.reportCycle(first.default?.site ?? first.site, cycle.map((n) => `input ${n}`));
      for (const n of cycle) if (!this.inputCache.has(n)) this.inputCache.set(n, new InputRef(n, [], null));
    }
    for (const name of inputOrder.order) this.input(name, inputs.get(name)!.site);
    this.inputsInOrder = inputOrder.order;

    // Every node property, numbered; a property's dependencies are the numbers of the properties it refers to.
    const nodes = this.model.nodes;
    const entries: { node: NodeTemplate; prop: string; written: Written }[] = [];
    const numberOf = new Map<NodeTemplate, Map<string, number>>();
    for (const node of nodes.values()) {
      const byProp = new Map<string, number>();
      numberOf.set(node, byProp);
      for (const [prop, written] of node.properties) {
        byProp.set(prop, entries.length);
        entries.push({ node, prop, written });
      }
    }
    const label = (k: number): string => `${entries[k]!.node.name}.${entries[k]!.prop}`;
    const callAt = new Map<string, Site>();
    const propDeps = (k: number): number[] => {
      const { node, prop, written } = entries[k]!;
      const out: number[] = [];
      for (const c of findCalls(written.value, PROPERTY_REFS)) {
        if (!Array.isArray(c.arg) || c.arg.length < 2) continue;
        const [ref, name] = c.arg;
        const target = ref === "SELF" ? node : typeof ref === "string" ? nodes.get(ref) : undefined;
        if (!target || typeof name !== "string") continue;
        const dep = numberOf.get(target)?.get(name);
        if (dep === undefined) continue;
        // A reference into a part of the property itself is resolved from that part when it is evaluated.
        if (target === node && name === prop && c.arg.length > 2) continue;
        if (!callAt.has(`${k} ${dep}`)) callAt.set(`${k} ${dep}`, c.path.reduce<Site>((at, p) => sub(at, p), written.site));
        out.push(dep);
      }
      return out;
    };
    const propOrder = evaluationOrder(entries.keys(), propDeps, (k) => k < entries.length);
    for (const cycle of propOrder.cycles) {
      const first = entries[cycle[0]!]!;
      this.reportCycle(callAt.get(`${cycle[0]} ${cycle[1]}`) ?? first.written.site, cycle.map(label));
      for (const k of cycle) {
        const { node, prop } = entries[k]!;
        let byProp = this.preparedByNode.get(node.name);
        if (!byProp) {
          byProp = new Map();
          this.preparedByNode.set(node.name, byProp);
        }
        if (!byProp.has(prop)) byProp.set(prop, null);
      }
    }
    for (const k of propOrder.order) {
      const { node, prop, written } = entries[k]!;
      this.propertyValue(node, prop, written.site);
    }
  }

  private reportCycle(site: Site, members: string[]): void {
    const id = [...new Set(members)].sort().join(" ");
    if (this.cycles.has(id)) return;
    this.cycles.add(id);
    this.d.at(site, `cycle: ${members.join(" -> ")}; one of these values must not refer back to the others`);
  }

  /** Evaluates a written value in a scope. */
  public evaluate(w: Written, scope: Scope): Value {
    return this.value(w.value, w.site, scope);
  }

  /** Runs a nested resolution, refusing one nested too deeply (a positioned error, never a stack overflow). */
  private nested(site: Site, what: string, run: () => Value): Value {
    if (this.depth >= MAX_RESOLUTION_DEPTH) {
      this.d.at(site, `${what}: references nest more than ${MAX_RESOLUTION_DEPTH} levels through computed names; write the names out`);
      return null;
    }
    this.depth++;
    try {
      return run();
    } finally {
      this.depth--;
    }
  }

  /** The value of an input (given, else its default evaluated), as an {@link InputRef}. */
  public input(name: string, site: Site): Value {
    const def = this.model.inputs.get(name);
    if (!def) {
      const gap = this.model.missingInput(name);
      if (gap) {
        this.implicit.add(name);
        this.options.note("", `${where(site)}${gap}; the program requires it as config`);
        return new InputRef(name, [], null, true);
      }
      const known = [...this.model.inputs.keys()].sort().join(", ") || "none";
      this.d.at(site, `get_input: unknown input "${name}" (inputs: ${known})`);
      return null;
    }
    const cached = this.inputCache.get(name);
    if (cached !== undefined) return cached;
    let resolved: Value = null;
    if (Object.hasOwn(this.options.inputs, name)) resolved = toValue(this.options.inputs[name]);
    else if (!def.default || def.default.value === null) {
      const unset = new InputRef(name, [], null, true);
      this.inputCache.set(name, unset);
      return unset;
    } else {
      const key = `input ${name}`;
      if (this.inProgress.has(key)) {
        this.reportCycle(site, [...this.trail.slice(this.trail.indexOf(key)), key]);
        return null;
      }
      this.enter(key);
      const evaluated = this.nested(site, "get_input", () => this.evaluate(def.default!, {}));
      this.leave(key);
      this.inputDefaults.set(name, evaluated);
      resolved = flatten(evaluated);
    }
    const ref = new InputRef(name, [], resolved);
    this.inputCache.set(name, ref);
    return ref;
  }

  /** The inputs, each after the inputs its default refers to (valid after {@link prepare}). */
  public inputOrder(): readonly string[] {
    return this.inputsInOrder;
  }

  /** An input's default as evaluated, other inputs in it kept as references (undefined: no default, or given). */
  public inputDefault(name: string): Value | undefined {
    return this.inputDefaults.get(name);
  }

  private enter(key: string): void {
    this.trail.push(key);
    this.inProgress.add(key);
  }

  private leave(key: string): void {
    this.trail.pop();
    this.inProgress.delete(key);
  }

  private value(v: unknown, site: Site, scope: Scope): Value {
    if (v === null || v === undefined) return null;
    if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
    if (v instanceof Date) return v.toISOString();
    if (Array.isArray(v)) return v.map((x, i) => this.value(x, sub(site, i), scope));
    if (!isMap(v)) return String(v);
    const keys = Object.keys(v);
    if (keys.length === 1) {
      const fn = keys[0]!;
      if (FUNCTIONS.has(fn)) return this.call(fn, v[fn], sub(site, fn), scope);
      if (UNSUPPORTED.has(fn)) {
        this.options.note(scope.self ?? scope.source ?? "", `${where(sub(site, fn))}${fn} reads a Cloudify manager's view of other deployments, which has no Pulumi equivalent; it is null`);
        return null;
      }
    }
    const out: { [key: string]: Value } = {};
    for (const k of keys) setKey(out, k, this.value(v[k], sub(site, k), scope));
    return out;
  }

  private call(fn: string, raw: unknown, site: Site, scope: Scope): Value {
    switch (fn) {
      case "get_input":
        return this.getInput(raw, site, scope);
      case "get_property":
        return this.getProperty(raw, site, scope);
      case "get_attribute":
        return this.getAttribute(raw, site, scope);
      case "get_attributes_list":
      case "get_attributes_dict":
        return this.getAttribute(raw, site, scope, fn === "get_attributes_list" ? "list" : "dict");
      case "get_capability":
      case "get_environment_capability":
        return this.getCapability(fn, raw, site, scope);
      case "get_sys": {
        const args = (Array.isArray(raw) ? raw : [raw]).map((x) => concrete(this.value(x, site, scope)));
        const [entity, prop] = args;
        if (args.length !== 2 || typeof entity !== "string" || typeof prop !== "string" || !["tenant", "deployment"].includes(entity)) {
          this.d.at(site, "get_sys takes [tenant, name] or [deployment, id | name | blueprint | owner]");
          return null;
        }
        return new HelperRef("blueprintSys", [entity, prop]);
      }
      case "get_label":
        return this.getLabel(raw, site, scope);
      case "get_secret": {
        const parts = Array.isArray(raw) ? raw : [raw];
        const args = parts.map((p, i) => this.value(p, Array.isArray(raw) ? sub(site, i) : site, scope));
        const name = concrete(args[0] ?? null);
        if (typeof name !== "string" || name === "" || !args.slice(1).every((a) => typeof a === "string" || typeof a === "number")) {
          this.d.at(site, "get_secret takes a secret name or [name, key, ...]");
          return null;
        }
        return new SecretRef(name, args.slice(1) as (string | number)[]);
      }
      case "concat":
      case "merge": {
        if (!Array.isArray(raw)) {
          this.d.at(site, `${fn} takes a list of values, e.g. {${fn}: [a, b]}`);
          return null;
        }
        const args = raw.map((x, i) => this.value(x, sub(site, i), scope));
        if (fn === "merge" && args.some((a) => { const c = concrete(a); return c !== undefined && (c === null || typeof c !== "object" || Array.isArray(c)); })) {
          this.d.at(site, "merge takes a list of mappings");
          return null;
        }
        return this.apply(fn === "concat" ? "concat" : "merge", args);
      }
      default: {
        const spec = STRING_FUNCTIONS[fn]!;
        const list = Array.isArray(raw) ? raw : [raw];
        if (list.length < spec.min || list.length > spec.max) {
          const n = spec.min === spec.max ? `${spec.min}` : `${spec.min} or ${spec.max}`;
          this.d.at(site, `${fn} takes ${n} argument${spec.max === 1 ? "" : "s"}, got ${list.length}`);
          return null;
        }
        return this.apply(spec.fn, list.map((x, i) => this.value(x, Array.isArray(raw) ? sub(site, i) : site, scope)));
      }
    }
  }

  /** Folds a function over plain arguments now; keeps it as a call when an input, attribute or secret is involved. */
  private apply(fn: RuntimeFunction, args: Value[]): Value {
    if (args.every((a) => isKnown(a) && !hasInput(a))) return toValue(applyFunction(fn, args.map(concrete)));
    return new CallRef(fn, args);
  }

  private path(raw: unknown[], from: number, site: Site, scope: Scope): (string | number)[] | undefined {
    const out: (string | number)[] = [];
    for (let i = from; i < raw.length; i++) {
      const v = concrete(this.value(raw[i], sub(site, i), scope));
      if (typeof v !== "string" && typeof v !== "number") {
        this.d.at(sub(site, i), "a path element must be a key (string) or an index (number)");
        return undefined;
      }
      out.push(v);
    }
    return out;
  }

  private getInput(raw: unknown, site: Site, scope: Scope): Value {
    const list = Array.isArray(raw) ? raw : [raw];
    const name = list.length > 0 ? concrete(this.value(list[0], Array.isArray(raw) ? sub(site, 0) : site, scope)) : undefined;
    if (typeof name !== "string") {
      this.d.at(site, "get_input takes an input name or [name, key or index, ...]");
      return null;
    }
    const base = this.input(name, site);
    if (list.length === 1 || !(base instanceof InputRef)) return base;
    if (base.unset && !this.model.inputs.has(name)) {
      const path = this.path(list, 1, site, scope);
      return path ? new InputRef(name, path, null, true) : null;
    }
    if (base.unset) {
      const path = this.path(list, 1, site, scope);
      return path ? new InputRef(name, path, null, true) : null;
    }
    const path = this.path(list, 1, site, scope);
    if (!path) return null;
    let cur: unknown = concrete(base.resolved);
    for (const key of path) {
      if (cur === null || typeof cur !== "object" || !Object.hasOwn(cur as object, String(key))) {
        this.d.at(site, `get_input: input "${name}" has no ${path.map((p) => JSON.stringify(p)).join(" / ")}`);
        return null;
      }
      cur = (cur as Record<string, unknown>)[String(key)];
    }
    return new InputRef(name, path, toValue(cur));
  }

  private node(ref: unknown, fn: string, site: Site, scope: Scope): NodeTemplate | undefined {
    let name: string | undefined;
    if (ref === "SELF") name = scope.self;
    else if (ref === "SOURCE") name = scope.source;
    else if (ref === "TARGET") name = scope.target;
    else if (typeof ref === "string") name = ref;
    if (name === undefined) {
      const where = scope.self ? "a node" : scope.source ? "a relationship" : "outputs";
      this.d.at(site, typeof ref === "string" ? `${fn}: ${ref} cannot be used in ${where}` : `${fn} needs a node name, SELF, SOURCE or TARGET first`);
      return undefined;
    }
    const node = this.model.nodes.get(name);
    if (!node) {
      const gap = this.model.missingNode(name);
      if (gap) this.options.note(scope.self ?? scope.source ?? "", `${where(site)}${fn} of ${name} is null: ${gap}`);
      else this.d.at(site, `${fn}: unknown node template "${name}"`);
    }
    return node;
  }

  private getProperty(raw: unknown, site: Site, scope: Scope): Value {
    if (!Array.isArray(raw) || raw.length < 2) {
      this.d.at(site, "get_property takes [node or SELF/SOURCE/TARGET, property, key or index, ...]");
      return null;
    }
    const node = this.node(raw[0], "get_property", sub(site, 0), scope);
    const path = this.path(raw, 1, site, scope);
    if (!node || !path) return null;
    return this.propertyOf(node, path, site, "get_property");
  }

  private propertyOf(node: NodeTemplate, path: (string | number)[], site: Site, fn: string): Value {
    const prop = String(path[0]);
    const written = node.properties.get(prop);
    if (!written) {
      this.d.at(site, `${fn}: node ${node.name} has no property "${prop}"`);
      return null;
    }
    const key = `${node.name}.${prop}`;
    if (this.inProgress.has(key)) {
      // A reference into another part of the property being evaluated: evaluate that part on its own.
      if (path.length > 1) return this.partOf(node, written, path, site, fn);
      this.reportCycle(site, [...this.trail.slice(this.trail.indexOf(key)), key]);
      return null;
    }
    return this.walk(this.propertyValue(node, prop, site), path.slice(1), site, `${fn}: property ${node.name}.${prop}`);
  }

  /** A property's value evaluated in its node's scope (instance 0) by {@link prepare}, if it was. */
  public preparedProperty(node: string, prop: string): Value | undefined {
    return this.preparedByNode.get(node)?.get(prop);
  }

  /** A node property evaluated in its node's scope, once. */
  private propertyValue(node: NodeTemplate, prop: string, site: Site): Value {
    let byProp = this.preparedByNode.get(node.name);
    if (!byProp) {
      byProp = new Map();
      this.preparedByNode.set(node.name, byProp);
    }
    const cached = byProp.get(prop);
    if (cached !== undefined) return cached;
    const written = node.properties.get(prop)!;
    let v: Value;
    const raw = written.value;
    if (raw === null || raw === undefined || typeof raw === "string" || typeof raw === "number" || typeof raw === "boolean") v = raw ?? null;
    else {
      const key = `${node.name}.${prop}`;
      this.enter(key);
      v = this.nested(site, "get_property", () => this.evaluate(written, { self: node.name }));
      this.leave(key);
    }
    byProp.set(prop, v);
    return v;
  }

  /** The part of a property at `path` (below the property), evaluated alone; a cycle when the call is inside it. */
  private partOf(node: NodeTemplate, written: Written, path: (string | number)[], site: Site, fn: string): Value {
    let raw: unknown = written.value;
    let at: Site = written.site;
    for (const k of path.slice(1)) {
      if (raw === null || typeof raw !== "object" || !Object.hasOwn(raw, String(k))) {
        this.d.at(site, `${fn}: property ${node.name}.${path[0]} has no ${path.slice(1).map((p) => JSON.stringify(p)).join(" / ")}`);
        return null;
      }
      raw = (raw as Record<string, unknown>)[String(k)];
      at = sub(at, k);
    }
    const inside = at.path.length <= site.path.length && at.doc === site.doc && at.path.every((p, i) => p === site.path[i]);
    const key = `${node.name}.${path.join(".")}`;
    if (inside || this.inProgress.has(key)) {
      this.reportCycle(site, [...this.trail.slice(this.trail.indexOf(`${node.name}.${path[0]}`)), key]);
      return null;
    }
    this.enter(key);
    const v = this.nested(site, fn, () => this.value(raw, at, { self: node.name }));
    this.leave(key);
    return v;
  }

  private walk(v: Value, path: (string | number)[], site: Site, what: string): Value {
    let cur: Value = v;
    for (let i = 0; i < path.length; i++) {
      const key = path[i]!;
      if (cur instanceof InputRef || !isKnown(cur)) return new CallRef("pick", [cur, ...path.slice(i)]);
      if (cur === null || typeof cur !== "object" || !Object.hasOwn(cur, String(key))) {
        this.d.at(site, `${what} has no ${path.slice(0, i + 1).map((p) => JSON.stringify(p)).join(" / ")}`);
        return null;
      }
      cur = (cur as Record<string, Value>)[String(key)] ?? null;
    }
    return cur;
  }

  private getAttribute(raw: unknown, site: Site, scope: Scope, all?: "list" | "dict"): Value {
    const fn = all ? `get_attributes_${all}` : "get_attribute";
    if (!Array.isArray(raw) || raw.length < 2) {
      this.d.at(site, `${fn} takes [node or SELF/SOURCE/TARGET, attribute, key or index, ...]`);
      return null;
    }
    const node = this.node(raw[0], fn, sub(site, 0), scope);
    const path = this.path(raw, 1, site, scope);
    if (!node || !path) return null;
    const attr = String(path[0]);
    const from = scope.self ?? scope.source;
    if (attr === "node_instance_id" || attr === "node_instance_index") {
      return new AttributeRef(node.name, from, scope.index ?? 0, `#${attr.slice(5)}`, [], null, all);
    }
    const output = this.options.attributeOutput(node, attr);
    const fallback = node.properties.has(attr) ? this.propertyOf(node, path, site, fn) : null;
    if (output === "#runtime") return new AttributeRef(node.name, from, scope.index ?? 0, output, path, fallback, all);
    if (output !== undefined) return new AttributeRef(node.name, from, scope.index ?? 0, output, path.slice(1), null, all);
    if (node.properties.has(attr)) return fallback;
    this.options.note(from ?? node.name, `${where(site)}get_attribute [${node.name}, ${attr}] has no equivalent (a runtime property set by plugin code Berth does not run); it is null`);
    return null;
  }

  private getCapability(fn: string, raw: unknown, site: Site, scope: Scope): Value {
    const list = Array.isArray(raw) ? raw : [raw];
    const args = list.map((x, i) => this.value(x, Array.isArray(raw) ? sub(site, i) : site, scope));
    const env = fn === "get_environment_capability";
    const [deployment, cap, ...rest] = env ? ["environment", ...args] : args;
    const name = concrete(cap ?? null);
    if (deployment === null) return null;
    if (deployment === undefined || typeof name !== "string" || !rest.every((p) => typeof concrete(p) === "string" || typeof concrete(p) === "number")) {
      this.d.at(site, env ? "get_environment_capability takes a capability name or [capability, key, ...]" : "get_capability takes [deployment id, capability, key, ...]");
      return null;
    }
    return new CapabilityRef(deployment, name, rest.map((p) => concrete(p) as string | number));
  }

  private getLabel(raw: unknown, site: Site, scope: Scope): Value {
    const list = Array.isArray(raw) ? raw : [raw];
    const key = concrete(this.value(list[0] ?? null, site, scope));
    const index = list.length > 1 ? concrete(this.value(list[1], site, scope)) : undefined;
    if (typeof key !== "string" || (index !== undefined && typeof index !== "number")) {
      this.d.at(site, "get_label takes a label key or [key, index]");
      return null;
    }
    const w = this.model.labels.get(key);
    if (!w) {
      this.options.note(scope.self ?? "", `${where(site)}get_label: the blueprint sets no label ${key} (labels given when a deployment is created do not exist here); it is null`);
      return null;
    }
    const v = this.evaluate(w, {});
    const values = Array.isArray(v) ? v : [v];
    return index === undefined ? values : (values[index] ?? null);
  }
}

/** `file:line:col: ` of a site, for notes. */
function where(site: Site): string {
  const p = positionOf(site);
  return `${p.file}:${p.line}:${p.col}: `;
}

function hasInput(v: Value): boolean {
  if (v instanceof InputRef) return true;
  if (Array.isArray(v)) return v.some(hasInput);
  if (v !== null && typeof v === "object" && !(v instanceof CallRef)) return Object.values(v).some(hasInput);
  return false;
}

/** Plain data (from YAML or JSON) as a {@link Value}. */
export function toValue(v: unknown): Value {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (Array.isArray(v)) return v.map(toValue);
  if (typeof v === "object") {
    const out: { [key: string]: Value } = {};
    for (const [k, x] of Object.entries(v)) setKey(out, k, toValue(x));
    return out;
  }
  return String(v);
}
