// Each example's own mock test: the program runs under the recorder (as an update, in its own process, with the
// config its README tells users to set) and must register exactly the resources in its expected-resources.json.
// `berth preview` of the same example must register the same set (test/preview/examples.test.ts), so the offline
// preview and a mock run of the program agree. BERTH_UPDATE_GOLDEN=1 rewrites the files; review the diff.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { load } from "js-yaml";

const ROOT = path.join(__dirname, "..", "..");
const EXAMPLES = path.join(ROOT, "examples");

interface Expectation {
  config?: Record<string, string>;
  resources: string[];
}

/** `pulumi config set [--secret] KEY VALUE` at the start of a README line (the commands a user is told to run). */
function readmeConfig(readme: string): Record<string, string> {
  const config: Record<string, string> = {};
  for (const m of readme.matchAll(/^pulumi config set (?:--secret )?(\S+) (\S+)/gm)) config[m[1]!] = m[2]!;
  return config;
}

const examples = readdirSync(EXAMPLES, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(EXAMPLES, d.name, "Pulumi.yaml")))
  .map((d) => d.name)
  .sort();

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
    const expected = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Expectation) : undefined;
    const config = expected?.config ?? readmeConfig(existsSync(path.join(dir, "README.md")) ? readFileSync(path.join(dir, "README.md"), "utf8") : "");
    const pulumiConfig = Object.fromEntries(Object.entries(config).map(([k, v]) => [k.includes(":") ? k : `${project}:${k}`, v]));
    const out = execFileSync(process.execPath, ["--import", "tsx", path.join(__dirname, "run-example.ts"), dir, project], {
      cwd: ROOT,
      env: { ...process.env, PULUMI_CONFIG: JSON.stringify(pulumiConfig) },
      encoding: "utf8",
    });
    const resources = JSON.parse(out) as string[];
    if (process.env["BERTH_UPDATE_GOLDEN"] === "1") {
      writeFileSync(file, `${JSON.stringify({ config, resources }, null, 2)}\n`);
      return;
    }
    assert.ok(expected, `${file} is missing: run with BERTH_UPDATE_GOLDEN=1 and review it`);
    assert.deepEqual(resources, [...expected.resources].sort());
  });
}
