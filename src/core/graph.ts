/**
 * Dependency graphs: one iterative depth-first walk (no recursion, so a chain of any length cannot overflow the
 * stack) that gives a stable topological order, dependencies first, and lists every cycle it closes.
 */

/** A cycle the walk closed: the edge that closed it and the path around it. */
export interface GraphCycle<T> {
  /** The nodes around the cycle, starting and ending with the node the closing edge points to. */
  path: T[];
  /** The node whose edge closed the cycle. */
  from: T;
  /** The position of that edge in `edgesOf(from)`. */
  edge: number;
}

/** A topological order and the cycles found on the way. */
export interface GraphOrder<T> {
  /** Every node once, each after the nodes its edges point to (for a cycle: after all but the closing edge). */
  order: T[];
  /** The cycles, one per edge that points back into the current walk, in the order they are met. */
  cycles: GraphCycle<T>[];
}

/**
 * Orders `nodes` so that each comes after what `edgesOf` says it depends on, starting from the nodes in the order
 * given and following edges in the order given (the same input gives the same order). Edges to nodes not in `nodes`
 * are followed too (their targets join the order); leave them out of `edgesOf` to ignore them, or give `undefined`
 * in their place to ignore them and keep the positions of the others (for {@link GraphCycle.edge}).
 */
export function topologicalOrder<T>(nodes: Iterable<T>, edgesOf: (node: T) => readonly (T | undefined)[]): GraphOrder<T> {
  const order: T[] = [];
  const cycles: GraphCycle<T>[] = [];
  const state = new Map<T, "open" | "done">();
  for (const root of nodes) {
    if (state.has(root)) continue;
    state.set(root, "open");
    const stack: { node: T; edges: readonly (T | undefined)[]; next: number }[] = [{ node: root, edges: edgesOf(root), next: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.next >= top.edges.length) {
        stack.pop();
        state.set(top.node, "done");
        order.push(top.node);
        continue;
      }
      const edge = top.next++;
      const to = top.edges[edge];
      if (to === undefined) continue;
      const seen = state.get(to);
      if (seen === "done") continue;
      if (seen === "open") {
        const from = stack.findIndex((f) => f.node === to);
        cycles.push({ path: [...stack.slice(from).map((f) => f.node), to], from: top.node, edge });
        continue;
      }
      state.set(to, "open");
      stack.push({ node: to, edges: edgesOf(to), next: 0 });
    }
  }
  return { order, cycles };
}
