import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { after, test } from "node:test";
import { MANIFEST_FILE, writeOutput } from "../../src/codegen/write-output";

const root = mkdtempSync(path.join(tmpdir(), "berth-out-"));
after(() => rmSync(root, { recursive: true, force: true }));
const FILES = { "index.ts": "export {};\n", "Pulumi.yaml": "name: x\n", "scripts/a.sh": "echo a\n" };

/** Every entry under a folder, recursively, as relative paths (temp folders included, so leftovers show). */
function tree(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    out.push(path.relative(root, p));
    if (e.isDirectory() && !e.isSymbolicLink()) out.push(...tree(p));
  }
  return out.sort();
}

test("a new --out is written whole, with Berth's manifest of what it wrote", () => {
  const out = path.join(root, "new", "project");
  const r = writeOutput(out, FILES);
  assert.deepEqual(r, { ok: true, written: ["Pulumi.yaml", "index.ts", "scripts/a.sh"], kept: [] });
  assert.equal(readFileSync(path.join(out, "scripts", "a.sh"), "utf8"), "echo a\n");
  assert.deepEqual(tree(path.join(root, "new")), [
    "new/project",
    "new/project/.berth",
    "new/project/.berth/manifest.json",
    "new/project/Pulumi.yaml",
    "new/project/index.ts",
    "new/project/scripts",
    "new/project/scripts/a.sh",
  ]);
  const manifest = JSON.parse(readFileSync(path.join(out, MANIFEST_FILE), "utf8")) as { files: Record<string, string> };
  assert.deepEqual(Object.keys(manifest.files), ["Pulumi.yaml", "index.ts", "scripts/a.sh"]);
});

test("an --out Berth wrote is replaced on a second run, and the user's node_modules stays", () => {
  const out = path.join(root, "existing");
  assert.equal(writeOutput(out, FILES).ok, true);
  mkdirSync(path.join(out, "node_modules", "pkg"), { recursive: true });
  writeFileSync(path.join(out, "node_modules", "pkg", "index.js"), "module.exports = 1;\n");
  const r = writeOutput(out, { ...FILES, "index.ts": "export const v = 2;\n" });
  assert.equal(r.ok, true);
  assert.equal(readFileSync(path.join(out, "index.ts"), "utf8"), "export const v = 2;\n");
  assert.equal(readFileSync(path.join(out, "node_modules", "pkg", "index.js"), "utf8"), "module.exports = 1;\n");
  assert.deepEqual(tree(root).filter((p) => p.includes(".berth-")), [], "no temp folder or lock is left");
});

test("an index.ts that is a folder: nothing at all is written, and the reason names it", () => {
  const out = path.join(root, "dir-in-way");
  mkdirSync(path.join(out, "index.ts"), { recursive: true });
  const before = tree(root);
  const r = writeOutput(out, FILES);
  assert.equal(r.ok, false);
  assert.match(!r.ok ? r.message : "", /dir-in-way\/index\.ts exists and is not a regular file/);
  assert.deepEqual(tree(root), before);
});

test("symbolic links in --out are refused, never followed: the folder itself, a file, a subfolder", () => {
  const target = path.join(root, "elsewhere");
  mkdirSync(target, { recursive: true });
  writeFileSync(path.join(target, "victim"), "keep me\n");
  const linkedFile = path.join(root, "linked-file");
  mkdirSync(linkedFile);
  symlinkSync(path.join(target, "victim"), path.join(linkedFile, "index.ts"));
  const linkedDir = path.join(root, "linked-dir");
  mkdirSync(linkedDir);
  symlinkSync(target, path.join(linkedDir, "scripts"));
  symlinkSync(target, path.join(root, "linked-out"));
  for (const [out, message] of [
    [linkedFile, /linked-file\/index\.ts is a symbolic link; refusing to write through it/],
    [linkedDir, /linked-dir\/scripts is a symbolic link/],
    [path.join(root, "linked-out"), /--out .*linked-out is a symbolic link; give the real folder/],
  ] as const) {
    const r = writeOutput(out, FILES);
    assert.equal(r.ok, false, out);
    assert.match(!r.ok ? r.message : "", message);
  }
  assert.equal(readFileSync(path.join(target, "victim"), "utf8"), "keep me\n");
  assert.deepEqual(readdirSync(target), ["victim"]);
});

test("generated paths may not leave --out", () => {
  for (const rel of ["../x", "/etc/passwd", "a/../../b", "", "./a"]) {
    const r = writeOutput(path.join(root, "escape"), { [rel]: "x" });
    assert.equal(r.ok, false, rel);
  }
});
