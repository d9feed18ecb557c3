// The layered layout of the HTML graph: exact positions for small graphs.
import assert from "node:assert/strict";
import { test } from "node:test";
import { layeredLayout } from "../../src/preview/layout";

const SIZE = { nodeWidth: 100, nodeHeight: 20, columnGap: 10, rowGap: 5, margin: 0 };

test("a chain: one node per column", () => {
  const layout = layeredLayout(3, [{ from: 0, to: 1 }, { from: 1, to: 2 }], SIZE);
  assert.deepEqual(layout.nodes, [
    { x: 0, y: 0, layer: 0 },
    { x: 110, y: 0, layer: 1 },
    { x: 220, y: 0, layer: 2 },
  ]);
  assert.deepEqual([layout.width, layout.height], [320, 20]);
  assert.deepEqual(layout.edges[0], { from: 0, to: 1, x1: 100, y1: 10, x2: 110, y2: 10 });
});

test("longest path decides the column; barycentres order a column", () => {
  // 0 -> 1 -> 3, 0 -> 3, 2 -> 4: node 3 is two steps from 0; 4 follows 2 (row 1), 1 follows 0 (row 0).
  const layout = layeredLayout(5, [
    { from: 0, to: 1 },
    { from: 1, to: 3 },
    { from: 0, to: 3 },
    { from: 2, to: 4 },
  ], SIZE);
  assert.deepEqual(layout.nodes.map((n) => n.layer), [0, 1, 0, 2, 1]);
  assert.deepEqual(layout.nodes.map((n) => n.y), [0, 0, 25, 0, 25]);
  assert.equal(layout.height, 45);
});

test("cycles and self-loops do not hang or stack nodes; bad indices are ignored", () => {
  const layout = layeredLayout(3, [
    { from: 0, to: 1 },
    { from: 1, to: 2 },
    { from: 2, to: 0 },
    { from: 1, to: 1 },
    { from: 5, to: 0 },
  ], SIZE);
  assert.deepEqual(layout.nodes.map((n) => n.layer), [0, 1, 2]);
  assert.equal(layout.edges.length, 3);
});

test("no nodes: an empty drawing of the minimum size", () => {
  const layout = layeredLayout(0, [], SIZE);
  assert.deepEqual([layout.width, layout.height, layout.nodes.length], [100, 20, 0]);
});
