/** The bench's pure measures: stats, ratios and the critical path, with exact inputs and outputs. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { criticalPath } from "../../bench/graph";
import { interleave, ratioOf, stats, timeRuns } from "../../bench/measure";

test("stats: median, min, max and runs, for odd and even counts and unsorted input", () => {
  const cases: [number[], { median: number; min: number; max: number; runs: number }][] = [
    [[5], { median: 5, min: 5, max: 5, runs: 1 }],
    [[3, 1, 2], { median: 2, min: 1, max: 3, runs: 3 }],
    [[4, 1, 3, 2], { median: 2.5, min: 1, max: 4, runs: 4 }],
    [[10, 10, 1, 10, 100], { median: 10, min: 1, max: 100, runs: 5 }],
  ];
  for (const [input, expected] of cases) assert.deepEqual(stats(input), expected, JSON.stringify(input));
  assert.throws(() => stats([]), /no measurements/);
});

test("ratioOf: the medians' ratio; undefined over a zero baseline", () => {
  assert.equal(ratioOf(stats([3, 30, 6]), stats([2, 1, 3])), 3);
  assert.equal(ratioOf(stats([1]), stats([0])), undefined);
});

test("timeRuns: drops the warm-ups, runs `between` before every run", async () => {
  const order: string[] = [];
  let n = 0;
  const times = await timeRuns(
    () => {
      order.push(`run${n++}`);
    },
    { warmup: 2, runs: 3 },
    () => order.push("between"),
  );
  assert.equal(times.length, 3);
  assert.ok(times.every((t) => t >= 0));
  assert.deepEqual(order, ["between", "run0", "between", "run1", "between", "run2", "between", "run3", "between", "run4"]);
});

test("interleave: sides alternate, warm-ups dropped", async () => {
  const order: string[] = [];
  let a = 0;
  let b = 0;
  const out = await interleave(
    {
      a: async () => {
        order.push("a");
        return a++;
      },
      b: async () => {
        order.push("b");
        return b++;
      },
    },
    { warmup: 1, runs: 2 },
  );
  assert.deepEqual(order, ["a", "b", "a", "b", "a", "b"]);
  assert.deepEqual(out, { a: [1, 2], b: [1, 2] });
});

test("criticalPath: resources on the longest chain of dependency and parent edges", () => {
  const node = (urn: string, dependencies: string[] = [], parent?: string) => ({ urn, dependencies, parent });
  const cases: [string, ReturnType<typeof node>[], number][] = [
    ["empty", [], 0],
    ["one", [node("a")], 1],
    ["parent edge", [node("root"), node("a", [], "root")], 2],
    ["dependency chain", [node("a"), node("b", ["a"]), node("c", ["b"])], 3],
    ["the longer of two branches", [node("r"), node("x", [], "r"), node("y", ["x"], "r"), node("z", [], "r")], 3],
    ["wide fan-out adds nothing", [node("r"), ...Array.from({ length: 50 }, (_, i) => node(`w${i}`, ["k"], "r")), node("k", [], "r")], 3],
    ["unknown URNs ignored", [node("a", ["missing"], "gone")], 1],
    ["a cycle is cut", [node("a", ["b"]), node("b", ["a"])], 2],
  ];
  for (const [name, nodes, expected] of cases) assert.equal(criticalPath(nodes), expected, name);
});
