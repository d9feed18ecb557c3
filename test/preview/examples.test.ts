// Every example under examples/ (found at run time) previews without error and registers exactly the resources of
// its expected-resources.json (the stack excluded), the same set its own mock test (test/examples) holds it to.
// Each previews with no flags: its sample config is in its Pulumi.dev.yaml, as a user's stack file would hold it.
// Without expected-resources.json (a new example), the preview must register at least one resource besides the stack.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { PreviewDocument } from "../../src/preview/document";
import { listExamples, readExpectation } from "../helpers/examples";
import { berth } from "./cli-harness";

const examples = listExamples();

test("examples/ has examples to preview", (t) => {
  if (examples.length === 0) t.skip("no examples/*/Pulumi.yaml yet: nothing to preview");
  else t.diagnostic(`examples: ${examples.join(", ")}`);
});

const withoutExpectations: string[] = [];
for (const name of examples) {
  test(`examples/${name} previews without error`, async () => {
    const expectation = readExpectation(name);
    const run = await berth("preview", `examples/${name}`, "--format", "json");
    assert.equal(run.code, 0, run.err);
    const doc = JSON.parse(run.out) as PreviewDocument;
    const summary = doc.resources
      .filter((r) => r.type !== "pulumi:pulumi:Stack")
      .map((r) => `${r.type} ${r.name}`)
      .sort();
    if (expectation) {
      assert.deepEqual(summary, [...expectation.resources].sort());
    } else {
      withoutExpectations.push(name);
      assert.ok(summary.length > 0, `examples/${name} registered nothing besides the stack`);
    }
  });
}

test("examples without expected-resources.json are listed", (t) => {
  t.diagnostic(
    withoutExpectations.length === 0
      ? "every example has expected-resources.json"
      : `no expected-resources.json (checked for no error and a non-empty resource list only): ${withoutExpectations.join(", ")}`,
  );
});
