import assert from "node:assert/strict";
import { test } from "node:test";
import { SHOWN_MAX, shown, shownPath } from "../../src/core/shown";

test("a short value is shown whole and quoted, whatever its type", () => {
  const rows: [unknown, string][] = [
    ["nginx:1.27", '"nginx:1.27"'],
    [8080, "8080"],
    [true, "true"],
    [null, "null"],
    [{ a: 1 }, '{"a":1}'],
    ["two\nlines", '"two"'],
    ["", '""'],
  ];
  for (const [value, expected] of rows) assert.equal(shown(value), expected, String(value));
});

test("a long value keeps its start, ends with the mark, and never exceeds the one limit", () => {
  for (const text of ["a".repeat(500), "\u0001".repeat(300), "😀".repeat(200), `${"é".repeat(100)}\u001b[2J`, "\\".repeat(200)]) {
    const out = shown(text);
    assert.ok(out.length <= SHOWN_MAX, `${out.length} > ${SHOWN_MAX}: ${out}`);
    const inner = JSON.parse(out) as string;
    assert.ok(inner.endsWith("…"), out);
    assert.ok(text.startsWith(inner.slice(0, -1)), `${out} is not a start of the value`);
    assert.ok(inner.length > 1, `${out} keeps nothing`);
  }
});

test("a long path keeps its end, cut at a folder boundary, within the same limit", () => {
  const tail = "/shared/corpus/compose-spec__compose-go/loader-testdata/Dockerfile";
  for (const depth of [10, 50, 200, 1000]) {
    const p = `/tmp/${"long-folder-name-".repeat(depth)}/berth/..${tail}`;
    const out = shownPath(p);
    assert.ok(out.length <= SHOWN_MAX, out);
    const inner = JSON.parse(out) as string;
    assert.ok(inner.startsWith("…/"), `${out} does not start at a folder boundary`);
    assert.ok(inner.endsWith("/loader-testdata/Dockerfile"), `${out} lost the file's name`);
    assert.ok(p.endsWith(inner.slice(1)), `${out} is not the end of the path`);
  }
  assert.equal(shownPath("compose.yaml"), '"compose.yaml"');
  // One segment longer than the limit keeps its own end.
  const name = `${"n".repeat(300)}.yaml`;
  const out = JSON.parse(shownPath(`/x/${name}`)) as string;
  assert.ok(out.startsWith("…") && out.endsWith("n.yaml") && name.endsWith(out.slice(1)), out);
});
