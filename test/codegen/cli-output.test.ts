/**
 * `berth import` and `berth compose` write nothing, or all of it: an --out whose index.ts is a folder, a symbolic
 * link in --out, or a stack name that would leave --out is refused before anything is written, with its reason.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { after, test } from "node:test";
import { main } from "../../src/cli/main";

const ROOT = path.join(__dirname, "..", "..");
const BLUEPRINT = path.join(ROOT, "test", "fixtures", "blueprints", "valid", "docker-pair.yaml");
const COMPOSE = path.join(ROOT, "test", "fixtures", "compose", "project.yaml");
const root = mkdtempSync(path.join(tmpdir(), "berth-cli-out-"));
after(() => rmSync(root, { recursive: true, force: true }));

async function berth(...args: string[]): Promise<{ code: number; err: string }> {
  let err = "";
  const code = await main(args, { out: () => undefined, err: (t) => { err += t; }, cwd: ROOT, env: {} });
  return { code, err };
}

const COMMANDS: [string, string[]][] = [
  ["import", [BLUEPRINT]],
  ["compose", [COMPOSE, "--target", "docker", "--name", "proj"]],
];

for (const [command, args] of COMMANDS) {
  test(`berth ${command}: an index.ts that is a folder in --out: exit 2, nothing written`, async () => {
    const out = path.join(root, `${command}-dir`);
    mkdirSync(path.join(out, "index.ts"), { recursive: true });
    const r = await berth(command, ...args, "--out", out);
    assert.equal(r.code, 2, r.err);
    assert.match(r.err, /index\.ts exists and is not a regular file .*\nnothing was written\n/);
    assert.deepEqual(readdirSync(out), ["index.ts"]);
    assert.deepEqual(readdirSync(root).filter((f) => f.includes(".berth-")), []);
  });

  test(`berth ${command}: a symbolic link in --out is refused, its target untouched`, async () => {
    const out = path.join(root, `${command}-link`);
    mkdirSync(out, { recursive: true });
    const victim = path.join(root, `${command}-victim.txt`);
    writeFileSync(victim, "keep\n");
    symlinkSync(victim, path.join(out, "package.json"));
    const r = await berth(command, ...args, "--out", out);
    assert.equal(r.code, 2, r.err);
    assert.match(r.err, /package\.json is a symbolic link; refusing to write through it/);
    assert.deepEqual(readdirSync(out), ["package.json"]);
  });
}

test("berth import: a --stack that would leave --out is a usage error, and nothing is written", async () => {
  const out = path.join(root, "stack");
  const r = await berth("import", BLUEPRINT, "--out", out, "--stack", "x/../../y");
  assert.equal(r.code, 64);
  assert.match(r.err, /--stack "x\/\.\.\/\.\.\/y" is not a stack name/);
  assert.deepEqual(readdirSync(root).filter((f) => f === "stack" || f === "y"), []);
});
