// Each example's own mock test: the program runs under the recorder (as an update, in its own process, with its
// sample stack config, Pulumi.dev.yaml) and must register exactly the resources in its expected-resources.json.
// `berth preview` of the same example must register the same set (test/preview/examples.test.ts), so the offline
// preview and a mock run of the program agree. BERTH_UPDATE_GOLDEN=1 rewrites the files; review the diff.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { load } from "js-yaml";
import { EXAMPLES, exampleConfig, listExamples, readExpectation } from "../helpers/examples";

const ROOT = path.join(__dirname, "..", "..");
const examples = listExamples();

test("there are examples, each with its expected resources", () => {
  assert.ok(examples.length > 0);
  if (process.env["BERTH_UPDATE_GOLDEN"] === "1") return;
  for (const name of examples) assert.ok(existsSync(path.join(EXAMPLES, name, "expected-resources.json")), `examples/${name}/expected-resources.json`);
});

for (const name of examples) {
  test(`examples/${name}: a mock run registers exactly its expected resources`, () => {
    const dir = path.join(EXAMPLES, name);
    const project = (load(readFileSync(path.join(dir, "Pulumi.yaml"), "utf8")) as { name: string }).name;
    const file = path.join(dir, "expected-resources.json");
    const expected = readExpectation(name);
    const pulumiConfig = exampleConfig(name);
    const out = execFileSync(process.execPath, ["--import", "tsx", path.join(__dirname, "run-example.ts"), dir, project], {
      cwd: ROOT,
      env: { ...process.env, PULUMI_CONFIG: JSON.stringify(pulumiConfig) },
      encoding: "utf8",
    });
    const resources = JSON.parse(out) as string[];
    if (process.env["BERTH_UPDATE_GOLDEN"] === "1") {
      writeFileSync(file, `${JSON.stringify({ resources }, null, 2)}\n`);
      return;
    }
    assert.ok(expected, `${file} is missing: run with BERTH_UPDATE_GOLDEN=1 and review it`);
    assert.deepEqual(resources, [...expected.resources].sort());
  });
}
