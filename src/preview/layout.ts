/**
 * A simple layered layout for the HTML graph (no dependencies, no randomness): each node's layer is the length of the
 * longest edge path reaching it (edges closing a cycle are ignored), layers are columns from left to right, and the
 * nodes of a column are ordered by the average position of their predecessors (one barycentre sweep).
 */
import { topologicalOrder } from "../core/graph";

/** Sizes and gaps, in pixels. */
export interface LayoutOptions {
  /** @default 220 */
  nodeWidth?: number;
  /** @default 44 */
  nodeHeight?: number;
  /** Horizontal gap between columns. @default 70 */
  columnGap?: number;
  /** Vertical gap between nodes of a column. @default 14 */
  rowGap?: number;
  /** Space around the drawing. @default 16 */
  margin?: number;
}

/** A placed node: its top-left corner and its column. */
export interface PlacedNode {
  x: number;
  y: number;
  layer: number;
}

/** The result: one placed node per input node (same order), edges as their end points, and the drawing size. */
export interface Layout {
  width: number;
  height: number;
  nodeWidth: number;
  nodeHeight: number;
  nodes: PlacedNode[];
  edges: { from: number; to: number; x1: number; y1: number; x2: number; y2: number }[];
}

/** Lays out `count` nodes joined by `edges` (indices into the nodes). */
export function layeredLayout(
  count: number,
  edges: readonly { from: number; to: number }[],
  options: LayoutOptions = {},
): Layout {
  const w = options.nodeWidth ?? 220;
  const h = options.nodeHeight ?? 44;
  const colGap = options.columnGap ?? 70;
  const rowGap = options.rowGap ?? 14;
  const margin = options.margin ?? 16;

  const outgoing: number[][] = Array.from({ length: count }, () => []);
  const incoming: number[][] = Array.from({ length: count }, () => []);
  for (const e of edges) {
    if (e.from === e.to || e.from < 0 || e.to < 0 || e.from >= count || e.to >= count) continue;
    outgoing[e.from]!.push(e.to);
  }
  // Drop back edges (those that close a cycle in a depth-first walk in node order) so that what remains is acyclic.
  const back = new Set(topologicalOrder(Array.from({ length: count }, (_, i) => i), (n) => outgoing[n]!).cycles.map((c) => `${c.from}:${c.edge}`));
  const kept: number[][] = Array.from({ length: count }, () => []);
  for (let node = 0; node < count; node++) {
    outgoing[node]!.forEach((to, edge) => {
      if (back.has(`${node}:${edge}`)) return;
      kept[node]!.push(to);
      incoming[to]!.push(node);
    });
  }
  // Longest-path layers, in topological order (Kahn).
  const layer = new Array<number>(count).fill(0);
  const pending = incoming.map((list) => list.length);
  const queue: number[] = [];
  for (let i = 0; i < count; i++) if (pending[i] === 0) queue.push(i);
  for (let q = 0; q < queue.length; q++) {
    const node = queue[q]!;
    for (const to of kept[node]!) {
      layer[to] = Math.max(layer[to]!, layer[node]! + 1);
      if (--pending[to]! === 0) queue.push(to);
    }
  }
  const layers: number[][] = [];
  for (let i = 0; i < count; i++) {
    const l = layer[i]!;
    if (!layers[l]) layers[l] = [];
    layers[l].push(i);
  }
  // One barycentre sweep from left to right.
  const row = new Array<number>(count).fill(0);
  layers.forEach((nodes, l) => {
    if (l > 0) {
      const key = (n: number): number => {
        const preds = incoming[n]!;
        return preds.length === 0 ? n : preds.reduce((s, p) => s + row[p]!, 0) / preds.length;
      };
      nodes.sort((a, b) => key(a) - key(b) || a - b);
    }
    nodes.forEach((n, r) => {
      row[n] = r;
    });
  });
  const tallest = Math.max(0, ...layers.map((nodes) => nodes.length));
  const nodes: PlacedNode[] = [];
  for (let i = 0; i < count; i++) {
    nodes.push({ x: margin + layer[i]! * (w + colGap), y: margin + row[i]! * (h + rowGap), layer: layer[i]! });
  }
  const placedEdges = edges
    .filter((e) => e.from !== e.to && e.from >= 0 && e.to >= 0 && e.from < count && e.to < count)
    .map((e) => {
      const a = nodes[e.from]!;
      const b = nodes[e.to]!;
      return { from: e.from, to: e.to, x1: a.x + w, y1: a.y + h / 2, x2: b.x, y2: b.y + h / 2 };
    });
  return {
    width: margin * 2 + Math.max(1, layers.length) * (w + colGap) - colGap,
    height: margin * 2 + Math.max(1, tallest) * (h + rowGap) - rowGap,
    nodeWidth: w,
    nodeHeight: h,
    nodes,
    edges: placedEdges,
  };
}
