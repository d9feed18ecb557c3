// Golden files for `berth preview --format tree|json` on two programs (test/fixtures/preview/{web,platform}).
// BERTH_UPDATE_GOLDEN=1 rewrites them; review the diff before committing.
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { FIXTURES, berth } from "./cli-harness";

const PROGRAMS = ["web", "platform"];
const FORMATS: [string, string][] = [
  ["tree", "expected.tree.txt"],
  ["json", "expected.json"],
];

for (const program of PROGRAMS) {
  for (const [format, file] of FORMATS) {
    test(`${program}: --format ${format} matches ${file}`, async () => {
      const run = await berth("preview", `test/fixtures/preview/${program}`, "--format", format);
      assert.equal(run.code, 0, run.err);
      const golden = path.join(FIXTURES, program, file);
      if (process.env["BERTH_UPDATE_GOLDEN"] === "1") writeFileSync(golden, run.out);
      assert.ok(existsSync(golden), `${golden} is missing: run with BERTH_UPDATE_GOLDEN=1 and review it`);
      assert.equal(run.out, readFileSync(golden, "utf8"));
    });
  }
}

test("the json document parses and lists each resource once, in tree order", async () => {
  const run = await berth("preview", "test/fixtures/preview/platform", "--format", "json");
  assert.equal(run.code, 0, run.err);
  const doc = JSON.parse(run.out) as { schema: string; resources: { type: string; name: string; parent: string | null }[] };
  assert.equal(doc.schema, "berth.preview/v1");
  assert.deepEqual(
    doc.resources.map((r) => `${r.type} ${r.name}`),
    [
      "pulumi:pulumi:Stack platform-dev",
      "aws:ec2/keyPair:KeyPair admin",
      "tls:index/privateKey:PrivateKey admin",
      "fixture:index:App api",
      "docker:index/volume:Volume api-data",
      "docker:index/service:Service api-svc",
      "aws:ec2/instance:Instance bastion",
      "random:index/randomPassword:RandomPassword join-token",
    ],
  );
});
