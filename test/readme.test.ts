import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

const root = join(__dirname, "..");

test("README.md is assembled from docs/ (node scripts/readme.mjs)", () => {
  execFileSync(process.execPath, [join(root, "scripts", "readme.mjs"), "--check"], { stdio: "pipe" });
});

test("the README starts with the two commands: the main job, then the tests, which .ci/run runs exactly", () => {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!.split("\n").filter((l) => l && !l.startsWith("#")));
  assert.ok(blocks.length >= 2);
  assert.match(blocks[0]!.join("\n"), /pulumi up/);
  assert.match(blocks[0]!.join("\n"), /berth preview/);
  assert.deepEqual(blocks[1], ["bash scripts/setup.sh && npm test"]);
  const ci = readFileSync(join(root, ".ci", "run"), "utf8");
  assert.ok(ci.split("\n").includes("bash scripts/setup.sh && npm test"), ".ci/run runs the README's test command");
});
