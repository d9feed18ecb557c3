import { type Diagnostics, sub } from "./site";
import type { BlueprintModel, NodeTemplate, Written } from "./types";

/** One node instance: instance `index` of node `node`, named `node-index`, on instance `hostIndex` of its host. */
export interface NodeInstance {
  node: string;
  index: number;
  /** The instance of the `contained_in` target this one runs on. @default none (not contained) */
  hostIndex?: number;
}

/**
 * Evaluates the instance counts (a count may be an intrinsic function, `{get_input: n}`) into `instances` and
 * `defaultInstances`. A count not known at import (an input with no value yet) imports as 1 and is reported; a
 * count that is not a whole number of 0 or more is an error.
 */
export function resolveCounts(model: BlueprintModel, evaluate: (w: Written, self?: string) => unknown, d: Diagnostics, note: (node: string, message: string) => void): void {
  const resolve = (w: Written, self: string | undefined, owner: string): number => {
    const v = evaluate(w, self);
    if (typeof v === "number" && Number.isInteger(v) && v >= 0) return v;
    if (v === undefined) {
      note(owner, `the instance count is not known at import (it comes from an input with no value); imported with 1 instance: give the input with --inputs to import the real count`);
      return 1;
    }
    d.at(w.site, `an instance count must be a whole number of 0 or more, got ${JSON.stringify(v)}`);
    return 1;
  };
  for (const node of model.nodes.values()) if (node.count) node.instances = resolve(node.count, node.name, node.name);
  for (const p of model.policies) if (p.count) p.defaultInstances = resolve(p.count, undefined, p.name);
}

/** The most node instances a blueprint may expand to, by default (`--max-instances` raises it). */
export const DEFAULT_MAX_INSTANCES = 10_000;

/** The factor a scaling group multiplies a node by, and the policy that sets it. */
interface GroupFactor {
  factor: number;
  policies: string[];
}

/**
 * The scaling-group factor of each node (reference: cloudify.md §5.4): members are multiplied by their group's
 * count, except members contained in another member of the same group, which follow their container.
 */
function groupFactors(model: BlueprintModel): Map<string, GroupFactor> {
  const out = new Map<string, GroupFactor>();
  const memberNodes = (group: string): string[] => {
    const found: string[] = [];
    const seen = new Set<string>();
    const todo = [group];
    while (todo.length > 0) {
      const g = model.groups.get(todo.pop()!);
      if (!g || seen.has(g.name)) continue;
      seen.add(g.name);
      for (const m of g.members) {
        if (model.nodes.has(m)) found.push(m);
        else todo.push(m);
      }
    }
    return found;
  };
  for (const policy of model.policies) {
    for (const target of policy.targets) {
      const members = new Set(memberNodes(target));
      for (const m of members) {
        let host = model.nodes.get(m)?.host;
        let followsMember = false;
        const visited = new Set<string>();
        while (host !== undefined && !visited.has(host)) {
          visited.add(host);
          if (members.has(host)) followsMember = true;
          host = model.nodes.get(host)?.host;
        }
        if (followsMember) continue;
        const prior = out.get(m) ?? { factor: 1, policies: [] };
        out.set(m, { factor: prior.factor * policy.defaultInstances, policies: [...prior.policies, `${policy.name} (${policy.defaultInstances})`] });
      }
    }
  }
  return out;
}

/**
 * Counts the instances every node expands to before any is made, and records an error when the blueprint's total
 * passes `max`, showing the multiplication along `contained_in` and scaling groups for the largest node. Linear in
 * the number of nodes (counts are multiplied as numbers, never expanded).
 */
export function checkInstanceCount(model: BlueprintModel, max: number, d: Diagnostics): boolean {
  const factors = groupFactors(model);
  const count = new Map<string, number>();
  const countOf = (name: string): number => {
    const chain: string[] = [];
    let cur: string | undefined = name;
    while (cur !== undefined && !count.has(cur) && model.nodes.has(cur) && !chain.includes(cur)) {
      chain.push(cur);
      cur = model.nodes.get(cur)!.host;
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const node = model.nodes.get(chain[i]!)!;
      const per = node.instances * (factors.get(node.name)?.factor ?? 1);
      const hostCount = node.host !== undefined && model.nodes.has(node.host) ? (count.get(node.host) ?? 1) : 1;
      count.set(node.name, per * hostCount);
    }
    return count.get(name) ?? 0;
  };
  let total = 0;
  let largest: string | undefined;
  for (const name of model.nodes.keys()) {
    const c = countOf(name);
    total += c;
    if (largest === undefined || c > count.get(largest)!) largest = name;
  }
  if (total <= max || largest === undefined) return true;
  const terms: string[] = [];
  let cur: string | undefined = largest;
  const visited = new Set<string>();
  while (cur !== undefined && model.nodes.has(cur) && !visited.has(cur)) {
    visited.add(cur);
    const step: NodeTemplate = model.nodes.get(cur)!;
    const g = factors.get(cur);
    const parts = [`${step.instances} of ${cur}`, ...(g ? [`${g.factor} for scaling ${g.policies.join(" × ")}`] : [])];
    terms.push(parts.join(" × "));
    cur = step.host;
  }
  const fmt = (n: number): string => (n > 1e15 ? n.toExponential(2) : n.toLocaleString("en-US"));
  const node = model.nodes.get(largest)!;
  d.at(
    sub(node.site, "type"),
    `this blueprint expands to ${fmt(total)} node instances (${fmt(model.nodes.size)} node templates), over the limit of ${fmt(max)}; the largest, ${largest}, has ${terms.join(", per instance of contained_in host: ")} = ${fmt(count.get(largest)!)}; lower the counts, or raise the limit with --max-instances`,
  );
  return false;
}

/**
 * The instance model (reference: cloudify.md §5.4): a node has its own count per instance of its container
 * (multiplicative along `contained_in`), times the count of the scaling group it belongs to (members contained in
 * another member follow their container instead). Instances are numbered so that raising a count appends instances
 * at the end. Linear in the number of instances; call {@link checkInstanceCount} first to bound that number.
 */
export function instancesOf(model: BlueprintModel): Map<string, NodeInstance[]> {
  const factors = groupFactors(model);
  const out = new Map<string, NodeInstance[]>();
  const compute = (name: string): NodeInstance[] => {
    const chain: string[] = [];
    let cur: string | undefined = name;
    while (cur !== undefined && !out.has(cur) && model.nodes.has(cur) && !chain.includes(cur)) {
      chain.push(cur);
      cur = model.nodes.get(cur)!.host;
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const node = model.nodes.get(chain[i]!)!;
      const per = node.instances * (factors.get(node.name)?.factor ?? 1);
      const list: NodeInstance[] = [];
      const hosts = node.host !== undefined ? out.get(node.host) : undefined;
      if (hosts) {
        for (const h of hosts) for (let k = 0; k < per; k++) list.push({ node: node.name, index: list.length, hostIndex: h.index });
      } else {
        for (let k = 0; k < per; k++) list.push({ node: node.name, index: k });
      }
      out.set(node.name, list);
    }
    return out.get(name) ?? [];
  };
  for (const name of model.nodes.keys()) compute(name);
  return out;
}
