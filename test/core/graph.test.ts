// Topological order and cycles: orders and cycles of small graphs as tables, every edge respected on generated DAGs,
// and chains far deeper than any recursion could follow.
import assert from "node:assert/strict";
import { test } from "node:test";
import { topologicalOrder } from "../../src/core/graph";

type G = Record<string, string[]>;
const graphs: [string, G, string[], string[][]][] = [
  ["empty", {}, [], []],
  ["one node", { a: [] }, ["a"], []],
  ["chain", { a: ["b"], b: ["c"], c: [] }, ["c", "b", "a"], []],
  ["diamond", { a: ["b", "c"], b: ["d"], c: ["d"], d: [] }, ["d", "b", "c", "a"], []],
  ["independent keep their order", { x: [], y: [], z: [] }, ["x", "y", "z"], []],
  ["self loop", { a: ["a"] }, ["a"], [["a", "a"]]],
  ["two-cycle", { a: ["b"], b: ["a"] }, ["b", "a"], [["a", "b", "a"]]],
  ["three-cycle with a tail", { t: ["a"], a: ["b"], b: ["c"], c: ["a"] }, ["c", "b", "a", "t"], [["a", "b", "c", "a"]]],
  ["two separate cycles", { a: ["b"], b: ["a"], c: ["d"], d: ["c"] }, ["b", "a", "d", "c"], [["a", "b", "a"], ["c", "d", "c"]]],
  ["edge to an unlisted node joins the order", { a: ["z"] }, ["z", "a"], []],
];
for (const [name, g, order, cycles] of graphs) {
  test(`topologicalOrder: ${name}`, () => {
    const r = topologicalOrder(Object.keys(g), (n) => g[n] ?? []);
    assert.deepEqual(r.order, order);
    assert.deepEqual(
      r.cycles.map((c) => c.path),
      cycles,
    );
  });
}

test("a cycle names the node and edge position that closed it", () => {
  const g: G = { a: ["x", "b"], b: ["y", "z", "a"], x: [], y: [], z: [] };
  const r = topologicalOrder(Object.keys(g), (n) => g[n] ?? []);
  assert.deepEqual(r.cycles, [{ path: ["a", "b", "a"], from: "b", edge: 2 }]);
});

/** A pseudo-random generator with a fixed seed, so a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

test("on 200 generated DAGs every node comes after everything it points to, once, and no cycle is reported", () => {
  for (let seed = 1; seed <= 200; seed++) {
    const rand = rng(seed);
    const n = 1 + Math.floor(rand() * 60);
    // Edges only from a higher to a lower number: acyclic. Nodes listed shuffled.
    const edges = Array.from({ length: n }, (_, i) => Array.from({ length: Math.floor(rand() * 4) }, () => Math.floor(rand() * i)).filter((t) => t < i));
    const nodes = Array.from({ length: n }, (_, i) => i).sort(() => rand() - 0.5);
    const r = topologicalOrder(nodes, (i) => edges[i]!);
    assert.equal(r.cycles.length, 0, `seed ${seed}`);
    assert.equal(new Set(r.order).size, n, `seed ${seed}`);
    const at = new Map(r.order.map((x, i) => [x, i]));
    edges.forEach((to, from) => {
      for (const t of to) assert.ok(at.get(t)! < at.get(from)!, `seed ${seed}: ${t} before ${from}`);
    });
  }
});

test("a chain of 300,000 nodes and a 300,000-node cycle are walked without recursion", () => {
  const n = 300_000;
  const started = performance.now();
  const chain = topologicalOrder(
    Array.from({ length: n }, (_, i) => i),
    (i) => (i + 1 < n ? [i + 1] : []),
  );
  assert.equal(chain.order[0], n - 1);
  assert.equal(chain.order.length, n);
  const ring = topologicalOrder([0], (i) => [(i + 1) % n]);
  assert.equal(ring.cycles.length, 1);
  assert.equal(ring.cycles[0]!.path.length, n + 1);
  assert.ok(performance.now() - started < 5000, `took ${Math.round(performance.now() - started)} ms`);
});
