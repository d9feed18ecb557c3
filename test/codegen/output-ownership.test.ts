/**
 * Existing output is the user's: every shape of a second run into an --out, through the real `berth import` and
 * `berth compose` commands and through writeOutput itself.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { after, test } from "node:test";
import * as yaml from "js-yaml";
import { main } from "../../src/cli/main";
import { mergeStackConfig } from "../../src/codegen/stack-config-merge";
import { MANIFEST_FILE, writeOutput } from "../../src/codegen/write-output";

const root = mkdtempSync(path.join(tmpdir(), "berth-own-"));
after(() => rmSync(root, { recursive: true, force: true }));
const FILES = { "index.ts": "export {};\n", "Pulumi.yaml": "name: x\n", "Pulumi.dev.yaml": "config:\n  x:port: \"80\"\n" };
let n = 0;
const fresh = (): string => path.join(root, `case-${n++}`);

/** Every file under a folder as relative path → content (the manifest left out). */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string): void => {
    for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else out[r] = readFileSync(path.join(dir, r), "utf8");
    }
  };
  walk("");
  return out;
}

/** What each kind of user change looks like; each must stop a plain second run and leave everything as it was. */
const USER_CHANGES: [string, (out: string) => void][] = [
  ["an edited index.ts", (o) => writeFileSync(path.join(o, "index.ts"), "// my edit\nexport {};\n")],
  ["a secret set in the stack file", (o) => writeFileSync(path.join(o, "Pulumi.dev.yaml"), 'encryptionsalt: v1:abc\nconfig:\n  x:port: "80"\n  x:db:\n    secure: v1:AAAA\n')],
  ["an appended line", (o) => writeFileSync(path.join(o, "Pulumi.yaml"), "name: x\ndescription: mine\n")],
  ["an emptied file", (o) => writeFileSync(path.join(o, "index.ts"), "")],
  ["a tampered manifest hash", (o) => {
    const m = JSON.parse(readFileSync(path.join(o, MANIFEST_FILE), "utf8")) as { files: Record<string, string> };
    m.files["index.ts"] = "0".repeat(64);
    writeFileSync(path.join(o, MANIFEST_FILE), JSON.stringify(m));
  }],
  ["a removed manifest", (o) => unlinkSync(path.join(o, MANIFEST_FILE))],
];

test("a second run refuses an --out with files the user changed, naming them and --force, and touches nothing", () => {
  for (const [what, change] of USER_CHANGES) {
    const out = fresh();
    assert.equal(writeOutput(out, FILES).ok, true);
    change(out);
    const before = snapshot(out);
    const r = writeOutput(out, { ...FILES, "index.ts": "export const v = 2;\n" });
    assert.equal(r.ok, false, what);
    assert.match(r.ok ? "" : r.message, /nothing was touched.*--force/s, what);
    assert.deepEqual(snapshot(out), before, `${what}: the folder changed`);
    assert.deepEqual(readdirSync(root).filter((e) => e.startsWith(".berth-")), [], `${what}: a temp folder or lock is left`);
  }
});

test("a folder Berth never wrote is refused, whatever it holds; an empty or missing one is written", () => {
  for (const holds of [{ "README.md": "mine\n" }, { "index.ts": "mine\n" }, { "src/app.ts": "x\n", "package.json": "{}\n" }]) {
    const out = fresh();
    for (const [rel, text] of Object.entries(holds)) {
      mkdirSync(path.dirname(path.join(out, rel)), { recursive: true });
      writeFileSync(path.join(out, rel), text);
    }
    const r = writeOutput(out, FILES);
    assert.equal(r.ok, false, JSON.stringify(holds));
    assert.match(r.ok ? "" : r.message, /did not write/);
    assert.deepEqual(snapshot(out), holds);
  }
  const empty = fresh();
  mkdirSync(empty);
  assert.equal(writeOutput(empty, FILES).ok, true);
  assert.equal(writeOutput(fresh(), FILES).ok, true);
});

test("--force replaces Berth's files but keeps the stack's encryptionsalt, secure: values, the user's keys and files", () => {
  const out = fresh();
  assert.equal(writeOutput(out, FILES).ok, true);
  writeFileSync(path.join(out, "Pulumi.dev.yaml"), 'encryptionsalt: v1:salt\nconfig:\n  x:port: "8080"\n  x:db:\n    secure: v1:SECRET\n  mine:key: kept\n');
  writeFileSync(path.join(out, "index.ts"), "// my edit\n");
  writeFileSync(path.join(out, "NOTES.md"), "my notes\n");
  const next = { ...FILES, "Pulumi.dev.yaml": 'config:\n  x:port: "80"\n  x:new: "1"\n', "index.ts": "export const v = 2;\n" };
  const r = writeOutput(out, next, { force: true });
  assert.equal(r.ok, true);
  assert.deepEqual(r.ok ? r.kept : [], ["NOTES.md"]);
  const stack = yaml.load(readFileSync(path.join(out, "Pulumi.dev.yaml"), "utf8")) as { encryptionsalt: string; config: Record<string, unknown> };
  assert.equal(stack.encryptionsalt, "v1:salt");
  assert.deepEqual(stack.config, { "x:port": "8080", "x:db": { secure: "v1:SECRET" }, "mine:key": "kept", "x:new": "1" });
  assert.equal(readFileSync(path.join(out, "index.ts"), "utf8"), "export const v = 2;\n");
  assert.equal(readFileSync(path.join(out, "NOTES.md"), "utf8"), "my notes\n");
  // The merged file is Berth's again: the next plain run goes through.
  assert.equal(writeOutput(out, next).ok, true);
});

test("the stack merge keeps every top-level key and config value of the user's, adding only new keys", () => {
  const rows: [string, string, Record<string, unknown>][] = [
    ["config:\n  a: 1\n", "config:\n  a: 2\n", { config: { a: 2 } }],
    ["config:\n  a: 1\n  b: 2\n", "encryptionsalt: s\nsecretsprovider: awskms://k\nconfig:\n  a:\n    secure: X\n", { encryptionsalt: "s", secretsprovider: "awskms://k", config: { a: { secure: "X" }, b: 2 } }],
    ["config:\n  a: 1\n", "", { config: { a: 1 } }],
  ];
  for (const [generated, existing, expected] of rows) assert.deepEqual(yaml.load(mergeStackConfig(generated, existing)!), expected);
  assert.equal(mergeStackConfig("config: {}\n", "- a list\n"), undefined);
});

test("any legal --out name fits: a 250-character folder name is written and replaced", () => {
  const out = path.join(root, "x".repeat(250));
  assert.equal(writeOutput(out, FILES).ok, true);
  assert.equal(writeOutput(out, { ...FILES, "index.ts": "export const v = 3;\n" }).ok, true);
  assert.equal(readFileSync(path.join(out, "index.ts"), "utf8"), "export const v = 3;\n");
});

test("folders and files follow the umask", () => {
  for (const mask of [0o022, 0o077, 0o002]) {
    const previous = process.umask(mask);
    try {
      const out = fresh();
      assert.equal(writeOutput(out, FILES).ok, true);
      assert.equal(statSync(out).mode & 0o777, 0o777 & ~mask, `folder under umask ${mask.toString(8)}`);
      assert.equal(statSync(path.join(out, "index.ts")).mode & 0o777, 0o666 & ~mask, `file under umask ${mask.toString(8)}`);
    } finally {
      process.umask(previous);
    }
  }
});

/**
 * Runs writeOutput in a plain Node process, as the installed CLI runs it (the built module: a TypeScript loader would
 * add signal handlers of its own), slowed inside the swap by the test hook.
 */
function child(out: string, slowMs: number, marker: string): { done: Promise<{ code: number | null; signal: string | null; stderr: string }>; pid: number } {
  const code = `const { writeOutput } = require(${JSON.stringify(path.join(__dirname, "../../dist/codegen/write-output.js"))});
const r = writeOutput(${JSON.stringify(out)}, { "index.ts": ${JSON.stringify(marker)}, "Pulumi.yaml": "name: x\\n" });
if (!r.ok) { process.stderr.write(r.message); process.exit(r.busy ? 3 : 2); }`;
  const p = spawn(process.execPath, ["-e", code], { env: { ...process.env, BERTH_TEST_SLOW_SWAP_MS: String(slowMs) }, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  p.stderr.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  return { pid: p.pid!, done: new Promise((resolve) => p.on("exit", (c, s) => resolve({ code: c, signal: s, stderr }))) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test("a second run into an --out being written is refused by the lock, and the first finishes whole", async () => {
  const out = fresh();
  const first = child(out, 3000, "first\n");
  await sleep(1500);
  const second = child(out, 0, "second\n");
  const [a, b] = await Promise.all([first.done, second.done]);
  assert.equal(a.code, 0, a.stderr);
  assert.equal(b.code, 3, `the second run was not refused: ${b.stderr}`);
  assert.match(b.stderr, /another run \(process \d+\) is writing this --out now/);
  assert.equal(readFileSync(path.join(out, "index.ts"), "utf8"), "first\n");
  assert.deepEqual(readdirSync(root).filter((e) => e.startsWith(".berth-")), []);
});

test("SIGTERM or SIGINT during the swap leaves the old tree or the new one, whole, and no temp folder or lock", async () => {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    for (const at of [200, 1200]) {
      const out = fresh();
      assert.equal(writeOutput(out, { "index.ts": "old\n", "Pulumi.yaml": "name: x\n" }).ok, true);
      const run = child(out, 1500, "new\n");
      await sleep(at);
      process.kill(run.pid, signal);
      const r = await run.done;
      // The signal is passed on once the folder is whole: the run ends by that signal, as an unhandled one would.
      assert.equal(r.signal, signal, JSON.stringify(r));
      const index = readFileSync(path.join(out, "index.ts"), "utf8");
      assert.ok(index === "old\n" || index === "new\n", `half-written: ${index}`);
      assert.deepEqual(snapshot(out)["Pulumi.yaml"], "name: x\n");
      assert.ok(existsSync(path.join(out, MANIFEST_FILE)));
      assert.deepEqual(readdirSync(root).filter((e) => e.startsWith(".berth-")), [], `${signal} at ${at} ms left a temp folder or lock`);
    }
  }
});

test("berth import and berth compose refuse a changed --out with exit 2 and keep it; --force goes through", async () => {
  const dir = fresh();
  mkdirSync(dir);
  writeFileSync(path.join(dir, "bp.yaml"), "tosca_definitions_version: cloudify_dsl_1_3\nnode_templates:\n  a:\n    type: cloudify.nodes.Root\n");
  writeFileSync(path.join(dir, "compose.yaml"), "services:\n  web:\n    image: nginx:1.27\n");
  for (const [label, args] of [
    ["import", ["import", "bp.yaml", "--out", "imported"]],
    ["compose", ["compose", "compose.yaml", "--out", "composed"]],
  ] as const) {
    let printed = "";
    const print = (t: string): void => {
      printed += t;
    };
    const io = { out: print, err: print, cwd: dir, env: {} };
    assert.ok([0, 3].includes(await main([...args], io)), printed);
    const project = path.join(dir, args[3]);
    writeFileSync(path.join(project, "index.ts"), "// the user's work\n");
    printed = "";
    assert.equal(await main([...args], io), 2, `${label}: ${printed}`);
    assert.match(printed, /changed since Berth wrote them \(index\.ts\).*--force/s);
    assert.equal(readFileSync(path.join(project, "index.ts"), "utf8"), "// the user's work\n");
    assert.ok([0, 3].includes(await main([...args, "--force"], io)), printed);
    assert.notEqual(readFileSync(path.join(project, "index.ts"), "utf8"), "// the user's work\n");
  }
});
