import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { compileBlueprint } from "../../src/blueprint/compile";
import { formatDiagnostic } from "../../src/yaml";

const DIR = path.join(__dirname, "../fixtures/blueprints/invalid");
const files = readdirSync(DIR).filter((f) => f.endsWith(".yaml")).sort();

test("there are invalid fixtures", () => assert.ok(files.length >= 15));

for (const f of files) {
  test(`invalid/${f} gives exactly its one expected message, with a caret`, () => {
    const file = path.join(DIR, f);
    const expect = /^# expect: (\d+):(\d+): (.*)$/m.exec(readFileSync(file, "utf8"));
    assert.ok(expect, `${f} has no "# expect: line:col: message" line`);
    const result = compileBlueprint(file);
    assert.equal(result.plan, undefined);
    assert.deepEqual(
      result.diagnostics.map((d) => `${d.line}:${d.col}: ${d.message}`),
      [`${expect[1]}:${expect[2]}: ${expect[3]}`],
    );
    const text = formatDiagnostic(result.diagnostics[0]!).split("\n");
    assert.equal(text.length, 3);
    assert.equal(text[0], `${file}:${expect[1]}:${expect[2]}: ${expect[3]}`);
    assert.equal(text[2]!.indexOf("^"), Number(expect[2]) + 1);
  });
}

test("every error is reported at once, not the first alone", () => {
  const text = [
    "tosca_definitions_version: cloudify_dsl_1_3",
    "imports: [http://www.getcloudify.org/spec/cloudify/4.2/types.yaml]",
    "node_templates:",
    "  a: { type: cloudify.nodes.Nope }",
    "  b: { type: cloudify.nodes.WebServer, properties: { colour: 1 } }",
    "  c: { type: cloudify.nodes.Root, relationships: [{ type: cloudify.relationships.depends_on, target: ghost }] }",
  ].join("\n");
  const result = compileBlueprint("mem.yaml", { readFile: (f) => (f === "mem.yaml" ? text : undefined) });
  assert.deepEqual(
    result.diagnostics.map((d) => `${d.line}:${d.col}`),
    ["4:14", "5:54", "6:102"],
  );
});

test("unknown and ill-typed inputs are rejected", () => {
  const text = "tosca_definitions_version: cloudify_dsl_1_3\ninputs:\n  n: { type: integer, default: 1 }\n";
  const result = compileBlueprint("mem.yaml", { readFile: () => text, inputs: { n: "x", extra: 1 } });
  assert.deepEqual(result.diagnostics.map((d) => d.message), [
    'input "extra" was given but the blueprint declares no such input (inputs: n)',
    'input "n" must be a integer, got "x"',
  ]);
});
