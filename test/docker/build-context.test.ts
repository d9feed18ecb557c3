/**
 * The build context digest and `.dockerignore` matching: a table of patterns as the Docker CLI applies them, and
 * the digest's promises: a change the build would see changes it, a change it would not see (a left-out file) does
 * not, links are hashed as links (never followed out of the context), and the bounds hold.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, test } from "node:test";
import { BuildContextError, buildContextDigest } from "../../src/docker/build-context";
import { DockerIgnore } from "../../src/docker/dockerignore";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "berth-context-"));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

const IGNORES: [string, string, boolean][] = [
  ["*.tmp", "a.tmp", true],
  ["*.tmp", "dir/a.tmp", false],
  ["**/*.tmp", "dir/sub/a.tmp", true],
  ["**/*.tmp", "a.tmp", true],
  ["node_modules", "node_modules/x/index.js", true],
  ["/build", "build/out.o", true],
  ["./docs/*.md", "docs/a.md", true],
  ["docs/*.md", "docs/sub/a.md", false],
  ["notes/\n!notes/keep.md", "notes/keep.md", false],
  ["notes/\n!notes/keep.md", "notes/drop.md", true],
  ["*\n!src", "src/main.go", false],
  ["*\n!src", "README", true],
  ["a?c", "abc", true],
  ["a?c", "a/c", false],
  ["[ab].txt", "b.txt", true],
  ["[!ab].txt", "c.txt", true],
  ["[!ab].txt", "a.txt", false],
  ["# a comment\n\n  spaced.txt  ", "spaced.txt", true],
  ["\\#hash", "#hash", true],
  ["**", "anything/at/all", true],
  ["a/**/b", "a/b", true],
  ["a/**/b", "a/x/y/b", true],
  ["a/**/**/**/**/**/b", `a/${"x/".repeat(200)}c`, false],
];

for (const [patterns, file, excluded] of IGNORES) {
  test(`.dockerignore ${JSON.stringify(patterns)} ${excluded ? "leaves out" : "keeps"} ${file.length > 40 ? `${file.slice(0, 40)}…` : file}`, () => {
    const started = Date.now();
    assert.equal(new DockerIgnore(patterns).excludes(file), excluded);
    assert.ok(Date.now() - started < 1000, "no catastrophic backtracking");
  });
}

function context(name: string, files: Record<string, string>): string {
  const dir = path.join(tmp, name);
  for (const [f, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), text);
  }
  return dir;
}

test("the digest follows what the build sees: content, names, the executable bit; not what .dockerignore leaves out", () => {
  const dir = context("follow", { Dockerfile: "FROM x\n", "app/main.sh": "echo hi\n", ".dockerignore": "*.log\n", "debug.log": "1\n" });
  const d0 = buildContextDigest(dir);
  assert.match(d0, /^[0-9a-f]{64}$/);
  assert.equal(buildContextDigest(dir), d0, "stable");
  fs.writeFileSync(path.join(dir, "debug.log"), "2\n");
  assert.equal(buildContextDigest(dir), d0, "a left-out file does not count");
  fs.writeFileSync(path.join(dir, "app/main.sh"), "echo bye\n");
  const d1 = buildContextDigest(dir);
  assert.notEqual(d1, d0);
  fs.chmodSync(path.join(dir, "app/main.sh"), 0o755);
  const d2 = buildContextDigest(dir);
  assert.notEqual(d2, d1);
  fs.renameSync(path.join(dir, "app/main.sh"), path.join(dir, "app/run.sh"));
  assert.notEqual(buildContextDigest(dir), d2);
  // The Dockerfile counts even when .dockerignore names it, as the Docker CLI always sends it.
  fs.writeFileSync(path.join(dir, ".dockerignore"), "*.log\nDockerfile\n");
  const d3 = buildContextDigest(dir);
  fs.writeFileSync(path.join(dir, "Dockerfile"), "FROM y\n");
  assert.notEqual(buildContextDigest(dir), d3);
});

test("a Dockerfile's own <name>.dockerignore wins over the context's", () => {
  const dir = context("own-ignore", { "web.Dockerfile": "FROM x\n", "web.Dockerfile.dockerignore": "secret.txt\n", ".dockerignore": "", "secret.txt": "a" });
  const d0 = buildContextDigest(dir, { dockerfile: "web.Dockerfile" });
  fs.writeFileSync(path.join(dir, "secret.txt"), "b");
  assert.equal(buildContextDigest(dir, { dockerfile: "web.Dockerfile" }), d0);
  assert.notEqual(buildContextDigest(dir), buildContextDigest(dir, { dockerfile: "web.Dockerfile" }));
});

test("a symbolic link is hashed as a link: its target outside the context is never read", () => {
  const outside = context("outside", { "secret.txt": "one" });
  const dir = context("links", { Dockerfile: "FROM x\n" });
  fs.symlinkSync(path.join(outside, "secret.txt"), path.join(dir, "link"));
  const d0 = buildContextDigest(dir);
  fs.writeFileSync(path.join(outside, "secret.txt"), "two");
  assert.equal(buildContextDigest(dir), d0);
});

test("bounds: too many files, too many bytes, a missing context, a file for a context: errors that name them", () => {
  const dir = context("bounds", { Dockerfile: "FROM x\n", "a.bin": "x".repeat(5000), "b.txt": "b", "c.txt": "c" });
  assert.throws(() => buildContextDigest(dir, { maxFiles: 3 }), (e: Error) => e instanceof BuildContextError && /holds more than 3 files and folders \(raise the limit with --max-context-files/.test(e.message));
  assert.throws(() => buildContextDigest(dir, { maxBytes: 4096 }), (e: Error) => e instanceof BuildContextError && /holds more than 4,096 bytes \(raise the limit with --max-context-size/.test(e.message));
  assert.throws(() => buildContextDigest(path.join(tmp, "nope")), /the build context .*nope does not exist/);
  assert.throws(() => buildContextDigest(path.join(dir, "b.txt")), /is not a folder/);
});

test("a FIFO in the context is named, never opened (it would block)", () => {
  const dir = context("fifo", { Dockerfile: "FROM x\n" });
  const { execFileSync } = require("node:child_process") as typeof import("node:child_process");
  execFileSync("mkfifo", [path.join(dir, "pipe")]);
  const started = Date.now();
  assert.match(buildContextDigest(dir), /^[0-9a-f]{64}$/);
  assert.ok(Date.now() - started < 5000);
});
