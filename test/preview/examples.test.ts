// Every example under examples/ (found at run time) previews without error. An example may keep an
// `expected-resources.json` ({ "config"?: { KEY: VALUE }, "resources": ["type name", ...] }, the stack excluded), and
// then its preview must register exactly those resources; without one, the configuration comes from the README's
// `pulumi config set KEY VALUE` lines and the preview must register at least one resource besides the stack.
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import type { PreviewDocument } from "../../src/preview/document";
import { ROOT, berth } from "./cli-harness";

interface Expectation {
  config?: Record<string, string>;
  resources: string[];
}

const EXAMPLES = path.join(ROOT, "examples");
const examples = existsSync(EXAMPLES)
  ? readdirSync(EXAMPLES, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(path.join(EXAMPLES, d.name, "Pulumi.yaml")))
      .map((d) => d.name)
      .sort()
  : [];

/** `pulumi config set [--secret] KEY VALUE` at the start of a README line (the commands a user is told to run). */
function readmeConfig(readme: string): Record<string, string> {
  const config: Record<string, string> = {};
  for (const m of readme.matchAll(/^pulumi config set (?:--secret )?(\S+) (\S+)/gm)) config[m[1]!] = m[2]!;
  return config;
}

test("examples/ has examples to preview", (t) => {
  if (examples.length === 0) t.skip("no examples/*/Pulumi.yaml yet: nothing to preview");
  else t.diagnostic(`examples: ${examples.join(", ")}`);
});

const withoutExpectations: string[] = [];
for (const name of examples) {
  test(`examples/${name} previews without error`, async () => {
    const dir = path.join(EXAMPLES, name);
    const expectationFile = path.join(dir, "expected-resources.json");
    const expectation = existsSync(expectationFile)
      ? (JSON.parse(readFileSync(expectationFile, "utf8")) as Expectation)
      : undefined;
    const readme = path.join(dir, "README.md");
    const config =
      expectation?.config ?? (existsSync(readme) ? readmeConfig(readFileSync(readme, "utf8")) : {});
    const args = Object.entries(config).flatMap(([k, v]) => ["--config", `${k}=${v}`]);
    const run = await berth("preview", `examples/${name}`, ...args, "--format", "json");
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
