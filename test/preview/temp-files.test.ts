// A preview's temporary files (the job, holding the stack's config and its secrets) never outlive it, however it ends.
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { after, test } from "node:test";

const ROOT = path.resolve(__dirname, "..", "..");
const SECRET = "Zq7-preview-secret-9f3kLw";
const base = mkdtempSync(path.join(tmpdir(), "berth-tempfiles-"));
after(() => rmSync(base, { recursive: true, force: true }));

/** A project whose program announces itself (pid in READY_FILE) and then does `behaviour`. */
function project(name: string, behaviour: string): string {
  const dir = path.join(base, name);
  mkdirSync(dir, { recursive: true });
  symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
  writeFileSync(path.join(dir, "Pulumi.yaml"), `name: ${name}\nruntime: nodejs\n`);
  writeFileSync(
    path.join(dir, "index.ts"),
    `import * as fs from "node:fs";\nimport * as pulumi from "@pulumi/pulumi";\nnew pulumi.Config().requireSecret("dbPassword");\nexport default async () => {\n  fs.writeFileSync(process.env.READY_FILE!, String(process.pid));\n  ${behaviour}\n};\n`,
  );
  return dir;
}

/** Every file under `dir` (recursively). */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

async function waitFor(check: () => boolean, what: string, ms = 90_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Starts `berth preview` on `dir` with its own TMPDIR; resolves with the process, its TMPDIR and the ready file. */
function startPreview(dir: string, label: string): { proc: ChildProcess; tmp: string; ready: string; exited: Promise<void> } {
  const tmp = path.join(base, `tmp-${label}`);
  mkdirSync(tmp);
  const ready = path.join(base, `ready-${label}`);
  const proc = spawn(process.execPath, [path.join(ROOT, "bin", "berth.js"), "preview", dir, "--config", `dbPassword=${SECRET}`, "--timeout", "600"], {
    cwd: ROOT,
    env: { ...process.env, TMPDIR: tmp, READY_FILE: ready },
    stdio: "ignore",
  });
  const exited = new Promise<void>((resolve) => proc.on("exit", () => resolve()));
  return { proc, tmp, ready, exited };
}

function previewDirs(tmp: string): string[] {
  return readdirSync(tmp).filter((n) => n.startsWith("berth-preview-"));
}

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  test(`a preview killed with ${signal} leaves no temporary file, no child, and no secret on disk`, async () => {
    const run = startPreview(project(`hang-${signal.toLowerCase()}`, "await new Promise((resolve) => setTimeout(resolve, 600_000));"), signal);
    await waitFor(() => existsSync(run.ready), "the program to start");
    const childPid = Number(readFileSync(run.ready, "utf8"));
    // While it runs: the directory is the owner's only, the job (with the config) is already gone from it.
    const dirs = previewDirs(run.tmp);
    assert.equal(dirs.length, 1, `preview dirs: ${dirs.join(", ")}`);
    assert.equal(statSync(path.join(run.tmp, dirs[0]!)).mode & 0o777, 0o700);
    assert.equal(readdirSync(path.join(run.tmp, dirs[0]!)).includes("job.json"), false);
    for (const f of filesUnder(path.join(run.tmp, dirs[0]!))) assert.equal(statSync(f).mode & 0o077, 0, `${f} is readable by others`);
    for (const f of filesUnder(run.tmp)) assert.equal(readFileSync(f, "utf8").includes(SECRET), false, `${f} holds the secret`);
    run.proc.kill(signal);
    await run.exited;
    assert.deepEqual(previewDirs(run.tmp), []);
    await waitFor(() => !alive(childPid), "the program to be killed", 10_000);
  });
}

test("a program that crashes (kills itself) leaves no temporary file", async () => {
  const run = startPreview(project("crash", 'process.kill(process.pid, "SIGKILL");'), "crash");
  await run.exited;
  assert.equal(existsSync(run.ready), true, "the program ran");
  assert.deepEqual(previewDirs(run.tmp), []);
  for (const f of filesUnder(run.tmp)) assert.equal(readFileSync(f, "utf8").includes(SECRET), false, `${f} holds the secret`);
});

test("a program that ends normally leaves no temporary file", async () => {
  const run = startPreview(project("done", ""), "done");
  await run.exited;
  assert.equal(run.proc.exitCode, 0);
  assert.deepEqual(previewDirs(run.tmp), []);
});
