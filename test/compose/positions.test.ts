import assert from "node:assert/strict";
import { test } from "node:test";
import { indexPositions, positionOf } from "../../src/compose/positions";

const text = [
  "services:", // 1
  "  web:", // 2
  "    image: x # comment", // 3
  "    ports:", // 4
  '      - "80:80"', // 5
  "      - target: 90", // 6
  "        published: 91", // 7
  "    command: |", // 8
  "      not: a key", // 9
  "    'quoted key': 1", // 10
  "    list:", // 11
  "    - a", // 12
  "    - b: 1", // 13
  "      c: 2", // 14
  "    flow: {x: 1}", // 15
  "networks:", // 16
].join("\n");

const index = indexPositions(text);
const cases: [(string | number)[], number, number][] = [
  [["services"], 1, 1],
  [["services", "web"], 2, 3],
  [["services", "web", "image"], 3, 5],
  [["services", "web", "ports", 0], 5, 7],
  [["services", "web", "ports", 1], 6, 7],
  [["services", "web", "ports", 1, "target"], 6, 9],
  [["services", "web", "ports", 1, "published"], 7, 9],
  [["services", "web", "command"], 8, 5],
  [["services", "web", "quoted key"], 10, 5],
  [["services", "web", "list", 0], 12, 5],
  [["services", "web", "list", 1, "b"], 13, 7],
  [["services", "web", "list", 1, "c"], 14, 7],
  [["services", "web", "flow", "x"], 15, 5],
  [["networks"], 16, 1],
  [["nothing", "here"], 1, 1],
];
for (const [path, line, column] of cases) {
  test(`position of ${path.join(".")}`, () => assert.deepEqual(positionOf(index, path), { line, column }));
}

test("a key inside a block scalar is not indexed", () => {
  assert.equal(index.has(["services", "web", "command", "not"].join("\u0000")), false);
  assert.equal(index.has(["services", "web", "not"].join("\u0000")), false);
});
