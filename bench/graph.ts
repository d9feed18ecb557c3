/** Graph measures over recorded resources, for the graph-depth row. */

/** The part of a recorded resource the measures read. */
export interface GraphNode {
  urn: string;
  /** URNs this resource depends on. */
  dependencies: readonly string[];
  /** The parent's URN, if any. */
  parent?: string;
}

/**
 * The number of resources on the longest chain of the graph, following dependency and parent edges: how many
 * registrations must happen one after another. Edges to unknown URNs are ignored; a cycle is cut where it closes.
 */
export function criticalPath(nodes: readonly GraphNode[]): number {
  const byUrn = new Map(nodes.map((n) => [n.urn, n]));
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const visit = (urn: string): number => {
    const known = depth.get(urn);
    if (known !== undefined) return known;
    const node = byUrn.get(urn);
    if (!node || visiting.has(urn)) return 0;
    visiting.add(urn);
    let longest = 0;
    for (const pred of node.parent ? [...node.dependencies, node.parent] : node.dependencies) longest = Math.max(longest, visit(pred));
    visiting.delete(urn);
    depth.set(urn, longest + 1);
    return longest + 1;
  };
  let max = 0;
  for (const n of nodes) max = Math.max(max, visit(n.urn));
  return max;
}
