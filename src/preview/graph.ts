/**
 * The preview's graph, shared by the mermaid, dot and html renderers: one node per resource (in document order) and
 * two kinds of edges, from a dependency to the resource that depends on it, and from a parent to its child.
 */
import type { PreviewDocument } from "./document";

/** One edge of the graph, by node index. */
export interface GraphEdge {
  from: number;
  to: number;
  kind: "dependency" | "parent";
}

/** The edges of a document's graph: dependencies first, then parents; none to or from unknown URNs. */
export function graphEdges(doc: PreviewDocument): GraphEdge[] {
  const index = new Map(doc.resources.map((r, i) => [r.urn, i]));
  const edges: GraphEdge[] = [];
  doc.resources.forEach((r, to) => {
    for (const dep of r.dependencies) {
      const from = index.get(dep);
      if (from !== undefined && from !== to) edges.push({ from, to, kind: "dependency" });
    }
  });
  doc.resources.forEach((r, to) => {
    const from = r.parent ? index.get(r.parent) : undefined;
    if (from !== undefined) edges.push({ from, to, kind: "parent" });
  });
  return edges;
}
