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

test("positions hold across a large document: the 2,000th node template's nested item is found at its own line", () => {
  // Speed is measured by `npm run bench` (row 1), not here: this checks that positions stay exact at scale.
  const lines = ["node_templates:"];
  for (let i = 0; i < 2000; i++) {
    lines.push(`  node_${i}:`, "    type: cloudify.nodes.Root", "    properties:", `      name: n${i}`, "      list: [1, 2, 3]");
  }
  const doc = parseYaml(lines.join("\n"), "big.yaml");
  assert.deepEqual(doc.problems, []);
  // node_1999 starts at line 2 + 1999 * 5; its `list` is 4 lines further, and item 2 is the third in `[1, 2, 3]`.
  const nodeLine = 2 + 1999 * 5;
  assert.deepEqual(doc.locate(["node_templates", "node_1999"]), { file: "big.yaml", line: nodeLine + 1, col: 5 });
  assert.deepEqual(doc.locate(["node_templates", "node_1999", "properties", "list", 2]), {
    file: "big.yaml",
    line: nodeLine + 4,
    col: 20,
  });
});

/** "n anchors of n": each anchor is a list of n uses of the one before it (n^n values once expanded). */
function aliasBomb(n: number): string {
  const names = "abcdefghijklmnopqrstuvwxyz";
  const lines = [`a: &a [${Array(n).fill('"x"').join(",")}]`];
  for (let i = 1; i < n; i++) lines.push(`${names[i]}: &${names[i]} [${Array(n).fill(`*${names[i - 1]}`).join(",")}]`);
  return lines.join("\n");
}

test("an alias bomb is a problem at the alias that passes the budget, found without expanding it", () => {
  const text = aliasBomb(9);
  assert.ok(text.length < 400);
  const doc = parseYaml(text, "bomb.yaml");
  assert.equal(doc.value, undefined);
  assert.equal(doc.problems.length, 1);
  const p = doc.problems[0]!;
  assert.equal(p.file, "bomb.yaml");
  assert.equal(p.line, 6);
  assert.match(p.message, /^the alias \*e would expand the document by [0-9,]+ nodes, over the budget of 100,000 nodes/);
  assert.equal(p.source, "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]");
});

test("aliases and merge keys within the budget load as usual; the budget can be set", () => {
  const doc = parseYaml("x: &x {a: 1, b: [1, 2]}\ny: *x\nz: {<<: *x, c: 3}\n", "ok.yaml");
  assert.deepEqual(doc.problems, []);
  assert.deepEqual(doc.value, { x: { a: 1, b: [1, 2] }, y: { a: 1, b: [1, 2] }, z: { a: 1, b: [1, 2], c: 3 } });
  const small = parseYaml(aliasBomb(4), "small.yaml");
  assert.deepEqual(small.problems, []);
  const tight = parseYaml(aliasBomb(4), "small.yaml", { aliasBudget: 10 });
  assert.equal(tight.problems.length, 1);
  assert.match(tight.problems[0]!.message, /over the budget of 10 nodes/);
});

test("a source line quoted in a problem is cut to 200 characters", () => {
  const doc = parseYaml(`a: [${"1,".repeat(300)}`, "long.yaml");
  assert.equal(doc.problems.length, 1);
  assert.ok(doc.problems[0]!.source!.length <= 200);
});
