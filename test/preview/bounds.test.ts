/**
 * berth preview hands its configuration to the program through a private file, never the environment: a value of
 * hundreds of kilobytes and tens of thousands of --config pairs work, and a preview stopped by a signal leaves no
 * file behind (the job file holds the config's secrets).
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { after, test } from "node:test";
import { berth, FIXTURES, ROOT } from "./cli-harness";

const tmp = mkdtempSync(path.join(tmpdir(), "berth-preview-bounds-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

test("a 200 KB config value and 20,000 --config pairs reach the program (no environment limit applies)", async () => {
  const count = 20_000;
  const pairs = Array.from({ length: count }, (_, i) => ["--config", `k${i}=v${i}`]).flat();
  const r = await berth("preview", path.join(FIXTURES, "config-echo"), "--format", "json", "--config", `big=${"x".repeat(200 * 1024)}`, "--config", `count=${count}`, ...pairs);
  assert.equal(r.code, 0, r.err.slice(0, 2000));
  const doc = JSON.parse(r.out) as { outputs?: Record<string, unknown> };
  const text = JSON.stringify(doc);
  assert.match(text, /"bigLength":\s*204800/, text.slice(0, 500));
  assert.match(text, new RegExp(`"firstAndLast":\\s*\\[\\s*"v0",\\s*"v${count - 1}"\\s*\\]`), text.slice(0, 500));
});

test("SIGTERM or SIGINT during a preview removes its job file and stops the program", async () => {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    const own = mkdtempSync(path.join(tmp, "run-"));
    const p = spawn(process.execPath, [path.join(ROOT, "bin", "berth.js"), "preview", path.join(FIXTURES, "slow"), "--config", "db_password=hunter2"], {
      cwd: ROOT,
      env: { ...process.env, TMPDIR: own },
      stdio: ["ignore", "pipe", "pipe"],
    });
    // Wait for the job file's folder to exist: the program is running.
    const began = Date.now();
    while (!readdirSync(own).some((e) => e.startsWith("berth-preview-")) && Date.now() - began < 60_000) await new Promise((r) => setTimeout(r, 100));
    assert.ok(readdirSync(own).some((e) => e.startsWith("berth-preview-")), "the preview never started its program");
    p.kill(signal);
    const [, sig] = await new Promise<[number | null, string | null]>((resolve) => p.on("exit", (c, s) => resolve([c, s])));
    assert.equal(sig, signal, "the preview ends by the signal it was sent");
    assert.deepEqual(readdirSync(own).filter((e) => e.startsWith("berth-preview-")), [], `${signal} left the job file's folder behind`);
  }
});
