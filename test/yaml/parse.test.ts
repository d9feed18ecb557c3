import assert from "node:assert/strict";
import { test } from "node:test";
import { load } from "js-yaml";
import { formatDiagnostic, formatDiagnostics, parseYaml } from "../../src/yaml";

const TEXT = [
  "a: 1", //              1
  "b:", //                2
  "  - x", //             3
  "  - {c: 2}", //        4
  "d: &k", //             5
  "  e: f  # comment", // 6
  "g: *k", //             7
  "h:", //                8
  "  - i: 1", //          9
  "    j: [1,", //        10
  "      2]", //          11
  "empty:", //            12
  "<<: *k", //            13
  "",
].join("\n");

const cases: [(string | number)[], [number, number] | undefined][] = [
  [["a"], [1, 4]],
  [["b"], [3, 3]],
  [["b", 0], [3, 5]],
  [["b", 1], [4, 5]],
  [["b", 1, "c"], [4, 9]],
  [["d"], [5, 4]],
  [["d", "e"], [6, 6]],
  [["g"], [7, 4]],
  [["g", "e"], [6, 6]],
  [["h", 0, "i"], [9, 8]],
  [["h", 0, "j", 1], [11, 7]],
  [["e"], undefined],
  [["zz"], undefined],
  [["b", 5], undefined],
];

for (const [path, expected] of cases) {
  test(`locate ${JSON.stringify(path)}`, () => {
    const doc = parseYaml(TEXT, "x.yaml");
    const got = doc.locate(path);
    assert.deepEqual(got, expected ? { file: "x.yaml", line: expected[0], col: expected[1] } : undefined);
  });
}

test("the value is what js-yaml loads, merge keys included", () => {
  const doc = parseYaml(TEXT, "x.yaml");
  assert.deepEqual(doc.value, load(TEXT));
  assert.deepEqual(doc.problems, []);
});

test("locateKey points at the key, locateNearest falls back to the nearest ancestor", () => {
  const doc = parseYaml(TEXT, "x.yaml");
  assert.deepEqual(doc.locateKey(["h", 0, "j"]), { file: "x.yaml", line: 10, col: 5 });
  assert.deepEqual(doc.locateNearest(["d", "nope", 3]), { file: "x.yaml", line: 5, col: 4 });
  assert.deepEqual(doc.locateNearest([]), { file: "x.yaml", line: 1, col: 1 });
});

test("a syntax error is a problem with its position and a caret, not an exception", () => {
  const doc = parseYaml("a: [1,\nb: : c\n", "bad.yaml");
  assert.equal(doc.value, undefined);
  assert.equal(doc.problems.length, 1);
  assert.equal(
    formatDiagnostic(doc.problems[0]!),
    "bad.yaml:2:4: YAML syntax error: missed comma between flow collection entries\n  b: : c\n     ^",
  );
});

test("a duplicated key is reported at the second occurrence", () => {
  const doc = parseYaml("a: 1\na: 2\n", "dup.yaml");
  assert.equal(formatDiagnostic(doc.problems[0]!), "dup.yaml:2:1: YAML syntax error: duplicated mapping key\n  a: 2\n  ^");
});

test("diagnostic() attaches the source line; formatDiagnostics sorts by position", () => {
  const doc = parseYaml(TEXT, "x.yaml");
  const second = doc.diagnostic(doc.locate(["d", "e"])!, "second");
  const first = doc.diagnostic(doc.locate(["a"])!, "first");
  assert.equal(
    formatDiagnostics([second, first]),
    "x.yaml:1:4: first\n  a: 1\n     ^\nx.yaml:6:6: second\n    e: f  # comment\n       ^",
  );
  assert.equal(formatDiagnostic({ file: "f", line: 3, col: 2, message: "m" }), "f:3:2: m");
});

test("an empty document loads as undefined with no problems", () => {
  const doc = parseYaml("", "e.yaml");
  assert.equal(doc.value, undefined);
  assert.deepEqual(doc.problems, []);
  assert.equal(doc.locate(["a"]), undefined);
});

test("positions cost little over a plain load and grow linearly (2,000 and 4,000 node templates)", () => {
  const make = (n: number): string => {
    const lines = ["node_templates:"];
    for (let i = 0; i < n; i++) {
      lines.push(`  node_${i}:`, "    type: cloudify.nodes.Root", "    properties:", `      name: n${i}`, "      list: [1, 2, 3]");
      lines.push("    relationships:", "      - type: cloudify.relationships.depends_on", `        target: node_${Math.max(0, i - 1)}`);
    }
    return lines.join("\n");
  };
  const time = (f: () => void): number => {
    let best = Number.POSITIVE_INFINITY;
    for (let r = 0; r < 5; r++) {
      const t0 = process.hrtime.bigint();
      f();
      best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
    }
    return best;
  };
  const small = make(2000);
  const big = make(4000);
  const plain = time(() => load(small));
  const positioned = time(() => parseYaml(small, "s.yaml").locate(["node_templates", "node_1999", "properties", "list", 2]));
  const positionedBig = time(() => parseYaml(big, "b.yaml"));
  assert.ok(positioned < plain * 3 + 5, `positioned ${positioned} ms vs plain ${plain} ms`);
  assert.ok(positionedBig < positioned * 3 + 5, `4,000 nodes ${positionedBig} ms vs 2,000 nodes ${positioned} ms`);
});
