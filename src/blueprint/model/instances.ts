import type { BlueprintModel } from "./types";

/** One node instance: instance `index` of node `node`, named `node-index`, on instance `hostIndex` of its host. */
export interface NodeInstance {
  node: string;
  index: number;
  /** The instance of the `contained_in` target this one runs on. @default none (not contained) */
  hostIndex?: number;
}

/**
 * The instance model (reference: cloudify.md §5.4): a node has its own count per instance of its container
 * (multiplicative along `contained_in`), times the count of the scaling group it belongs to (members contained in
 * another member follow their container instead). Instances are numbered so that raising a count appends instances
 * at the end. Linear in the number of instances.
 */
export function instancesOf(model: BlueprintModel): Map<string, NodeInstance[]> {
  const groupFactor = new Map<string, number>();
  const memberNodes = (group: string, seen = new Set<string>()): string[] => {
    if (seen.has(group)) return [];
    seen.add(group);
    const g = model.groups.get(group);
    if (!g) return [];
    return g.members.flatMap((m) => (model.nodes.has(m) ? [m] : memberNodes(m, seen)));
  };
  for (const policy of model.policies) {
    for (const target of policy.targets) {
      const members = new Set(memberNodes(target));
      for (const m of members) {
        let host = model.nodes.get(m)?.host;
        let followsMember = false;
        while (host !== undefined) {
          if (members.has(host)) followsMember = true;
          host = model.nodes.get(host)?.host;
        }
        if (!followsMember) groupFactor.set(m, (groupFactor.get(m) ?? 1) * policy.defaultInstances);
      }
    }
  }
  const out = new Map<string, NodeInstance[]>();
  const visiting = new Set<string>();
  const compute = (name: string): NodeInstance[] => {
    const done = out.get(name);
    if (done) return done;
    const node = model.nodes.get(name);
    if (!node || visiting.has(name)) return [];
    visiting.add(name);
    const per = node.instances * (groupFactor.get(name) ?? 1);
    const list: NodeInstance[] = [];
    if (node.host !== undefined && model.nodes.has(node.host)) {
      const hosts = compute(node.host);
      for (const h of hosts) for (let k = 0; k < per; k++) list.push({ node: name, index: list.length, hostIndex: h.index });
    } else {
      for (let k = 0; k < per; k++) list.push({ node: name, index: k });
    }
    visiting.delete(name);
    out.set(name, list);
    return list;
  };
  for (const name of model.nodes.keys()) compute(name);
  return out;
}
