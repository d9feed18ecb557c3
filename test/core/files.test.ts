import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { after, test } from "node:test";
import { decodeUtf8, parseFileSize, quoteLine, readScoped, readUserFile, resolveScoped } from "../../src/core/files";

const root = mkdtempSync(path.join(tmpdir(), "berth-files-"));
const project = path.join(root, "project");
mkdirSync(path.join(project, "scripts"), { recursive: true });
writeFileSync(path.join(project, "scripts", "a.sh"), "echo a\n");
writeFileSync(path.join(root, "secret.txt"), "TOP SECRET LINE\n");
symlinkSync(path.join(root, "secret.txt"), path.join(project, "link.txt"));
symlinkSync(path.join(project, "scripts", "a.sh"), path.join(project, "inner-link.sh"));
after(() => rmSync(root, { recursive: true, force: true }));
const scope = { root: project };

test("a file inside the root is read, relative to the referring folder", () => {
  const r = readScoped("a.sh", path.join(project, "scripts"), scope);
  assert.deepEqual(r.ok && r.text, "echo a\n");
});

test("references outside the root are refused by name, and the content is never shown", () => {
  for (const ref of ["../secret.txt", path.join(root, "secret.txt"), "link.txt", "/etc/shadow", "../../../../etc/passwd"]) {
    const r = readScoped(ref, project, scope);
    assert.equal(r.ok, false, ref);
    if (r.ok) continue;
    assert.equal(r.reason, "outside-root", ref);
    assert.ok(r.message.includes(JSON.stringify(ref)), r.message);
    assert.ok(!r.message.includes("TOP SECRET"), r.message);
  }
});

test("a symbolic link that stays inside the root is followed", () => {
  const r = readScoped("inner-link.sh", project, scope);
  assert.equal(r.ok && r.text, "echo a\n");
});

test("devices, FIFOs and folders are refused without reading (no hang)", () => {
  const fifo = path.join(project, "pipe");
  execFileSync("mkfifo", [fifo]);
  const cases: [string, string, string][] = [
    ["pipe", project, "not-a-file"],
    ["scripts", project, "not-a-file"],
  ];
  for (const [ref, from, reason] of cases) {
    const r = readScoped(ref, from, scope);
    assert.equal(!r.ok && r.reason, reason, ref);
  }
  for (const dev of ["/dev/zero", "/dev/stdin", "/dev/null"]) {
    const r = readUserFile(dev);
    assert.equal(r.ok, false, dev);
    assert.match(!r.ok ? r.message : "", /not a regular file|cannot be read|symbolic link/, dev);
  }
});

test("a file over the size limit is refused with its size and the flag that raises it", () => {
  writeFileSync(path.join(project, "big.yaml"), "x".repeat(2048));
  const r = readScoped("big.yaml", project, { root: project, maxBytes: 1024 });
  assert.equal(!r.ok && r.reason, "too-large");
  assert.match(!r.ok ? r.message : "", /"big.yaml" is 2 KiB, over the 1 KiB limit.*--max-file-size/);
  assert.equal(readScoped("big.yaml", project, { root: project, maxBytes: 2048 }).ok, true);
});

test("invalid UTF-8 is an error at its line and column, never U+FFFD", () => {
  const bytes = Buffer.concat([Buffer.from("a: 1\nb: "), Buffer.from([0xc3, 0x28]), Buffer.from("\n")]);
  const r = decodeUtf8(bytes, "x.yaml");
  assert.equal(!r.ok && r.reason, "not-utf8");
  assert.match(!r.ok ? r.message : "", /^"x\.yaml":2:4: the file is not valid UTF-8 \(byte 0xc3 at offset 8\)/);
  assert.equal(decodeUtf8(Buffer.from("\ufeffok", "utf8"), "bom").ok && (decodeUtf8(Buffer.from("\ufeffok", "utf8"), "bom") as { text: string }).text, "ok");
  for (const bad of [[0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe0, 0x80, 0x80], [0xff]]) {
    assert.equal(decodeUtf8(Buffer.from(bad), "b").ok, false, bad.join(","));
  }
});

test("resolveScoped names a missing file relative to the root", () => {
  const r = resolveScoped("nope/x.sh", project, scope);
  assert.equal(!r.ok && r.reason, "not-found");
  assert.match(!r.ok ? r.message : "", /"nope\/x\.sh" does not exist \(looked for nope\/x\.sh/);
});

test("parseFileSize: bytes and k/m/g units; nonsense is undefined", () => {
  assert.equal(parseFileSize("1024"), 1024);
  assert.equal(parseFileSize("16m"), 16 * 1024 * 1024);
  assert.equal(parseFileSize("2KiB"), 2048);
  assert.equal(parseFileSize("1g"), 1024 ** 3);
  for (const bad of ["", "0", "-1", "1x", "1.5m"]) assert.equal(parseFileSize(bad), undefined, bad);
});

test("quoteLine keeps one line of at most 200 characters", () => {
  assert.equal(quoteLine("a\rb"), "a");
  assert.equal(quoteLine("a\u2028b"), "a");
  const long = quoteLine("y".repeat(500));
  assert.equal(long.length, 200);
  assert.ok(long.endsWith("…"));
});

test("a project folder reached through a symbolic link reads its files, whichever side is resolved", () => {
  const alias = path.join(root, "alias");
  symlinkSync(project, alias);
  const shapes: Array<{ scopeRoot: string; fromDir: string; ref: string }> = [
    { scopeRoot: alias, fromDir: alias, ref: "scripts/a.sh" },
    { scopeRoot: alias, fromDir: path.join(project, "scripts"), ref: "a.sh" },
    { scopeRoot: project, fromDir: path.join(alias, "scripts"), ref: "a.sh" },
    { scopeRoot: alias, fromDir: path.join(alias, "scripts"), ref: "../inner-link.sh" },
  ];
  for (const s of shapes) {
    const r = readScoped(s.ref, s.fromDir, { root: s.scopeRoot });
    assert.ok(r.ok, `${JSON.stringify(s)}: ${r.ok ? "" : r.message}`);
    assert.equal(r.text, "echo a\n");
  }
  for (const s of [{ scopeRoot: alias, fromDir: alias, ref: "link.txt" }, { scopeRoot: alias, fromDir: alias, ref: "../secret.txt" }, { scopeRoot: project, fromDir: path.join(alias, ".."), ref: "secret.txt" }]) {
    const r = readScoped(s.ref, s.fromDir, { root: s.scopeRoot });
    assert.equal(r.ok, false, JSON.stringify(s));
    if (!r.ok) {
      assert.equal(r.reason, "outside-root");
      assert.doesNotMatch(r.message, /TOP SECRET/);
    }
  }
});
