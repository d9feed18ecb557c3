/**
 * The packed package at work in a user's project (laid out by `pulumi new typescript`, berth installed from the
 * tarball): every example and every README/docs snippet runs under plain `pulumi.runtime.setMocks` with berth/testing's
 * berthMocks(), as a preview and as an update, registering exactly the resources it is expected to; `npx berth preview`
 * runs each of them; and the documented example test passes with `node --test`.
 *
 * Expected resources: an example's expected-resources.json; a snippet's entry in expected-snippets.json
 * (BERTH_UPDATE_GOLDEN=1 rewrites it; review the diff).
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, test } from "node:test";
import { promisify } from "node:util";
import { load } from "js-yaml";
import { configKeys, extractSnippets, writeSnippet } from "./snippets";
import { ROOT, workspace } from "./workspace";

const ws = workspace();
const project = ws.template;
const exec = promisify(execFile);
const GOLDEN = path.join(__dirname, "expected-snippets.json");
const update = process.env["BERTH_UPDATE_GOLDEN"] === "1";
const golden = (fs.existsSync(GOLDEN) ? JSON.parse(fs.readFileSync(GOLDEN, "utf8")) : {}) as Record<string, string[]>;
const fresh: Record<string, string[]> = {};

fs.copyFileSync(path.join(__dirname, "files", "mock-run.ts"), path.join(project, "mock-run.ts"));

/** The config a program runs with: its Pulumi.dev.yaml, and a stand-in for each value it requires that is not set. */
function configFor(dir: string, name: string, code: string): Record<string, string> {
  const stack = path.join(dir, "Pulumi.dev.yaml");
  const config: Record<string, string> = {};
  if (fs.existsSync(stack)) {
    const doc = load(fs.readFileSync(stack, "utf8")) as { config?: Record<string, unknown> };
    for (const [k, v] of Object.entries(doc.config ?? {})) config[k] = typeof v === "string" ? v : JSON.stringify(v);
  }
  for (const { key } of configKeys(code)) config[`${name}:${key}`] ??= `(test value for ${key})`;
  return config;
}

async function mockRun(dir: string, mode: "preview" | "update", name: string, config: Record<string, string>): Promise<string[]> {
  try {
    const { stdout } = await exec(process.execPath, ["--import", "tsx", path.join(project, "mock-run.ts"), dir, mode, name], {
      cwd: project,
      env: { ...process.env, PULUMI_CONFIG: JSON.stringify(config), PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(Object.keys(config)) },
      maxBuffer: 64 * 1024 * 1024,
    });
    return JSON.parse(stdout) as string[];
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${path.relative(project, dir)} (${mode}) failed:\n${e.stderr ?? ""}${e.message}`);
  }
}

/** `npx berth preview .`, with `--config KEY=VALUE` for each value given (as a user passes what the stack lacks). */
async function berthPreview(dir: string, values: Record<string, string> = {}): Promise<void> {
  const args = Object.entries(values).flatMap(([k, v]) => ["--config", `${k}=${v}`]);
  try {
    await exec(path.join(project, "node_modules", ".bin", "berth"), ["preview", ".", "--format", "json", ...args], { cwd: dir, maxBuffer: 64 * 1024 * 1024 });
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; code?: number };
    assert.fail(`npx berth preview . in ${path.relative(project, dir)} exited ${e.code}:\n${e.stderr ?? ""}`);
  }
}

describe("examples in a user's project", () => {
  for (const name of fs.readdirSync(path.join(ROOT, "examples")).sort()) {
    test(`examples/${name}: preview and update under setMocks register its expected resources; npx berth preview runs`, async () => {
      const dir = path.join(project, "examples", name);
      fs.cpSync(path.join(ROOT, "examples", name), dir, { recursive: true });
      const expected = (JSON.parse(fs.readFileSync(path.join(dir, "expected-resources.json"), "utf8")) as { resources: string[] }).resources;
      const projectName = (load(fs.readFileSync(path.join(dir, "Pulumi.yaml"), "utf8")) as { name: string }).name;
      const config = configFor(dir, projectName, fs.readFileSync(path.join(dir, "index.ts"), "utf8"));
      const [updated, previewed] = await Promise.all([mockRun(dir, "update", projectName, config), mockRun(dir, "preview", projectName, config)]);
      assert.deepEqual(updated, [...expected].sort(), "update");
      assert.deepEqual(previewed, [...expected].sort(), "preview");
      await berthPreview(dir);
    });
  }
});

describe("README and docs snippets in a user's project", () => {
  for (const s of extractSnippets()) {
    if (s.kind === "test") {
      test(`${s.id} (${s.where}): the documented test passes with node --test`, async () => {
        const dir = writeSnippet(path.join(project, "snippets"), s);
        try {
          await exec(process.execPath, ["--import", "tsx", "--test", "index.test.ts"], { cwd: dir });
        } catch (err) {
          const e = err as { stdout?: string; stderr?: string };
          assert.fail(`node --test ${s.where} failed:\n${e.stdout ?? ""}${e.stderr ?? ""}`);
        }
      });
      continue;
    }
    test(`${s.id} (${s.where}): preview and update register the same resources, as expected; npx berth preview runs`, async () => {
      const dir = writeSnippet(path.join(project, "snippets"), s);
      const name = `snippet-${s.id}`;
      const config = configFor(dir, name, s.code);
      const [updated, previewed] = await Promise.all([mockRun(dir, "update", name, config), mockRun(dir, "preview", name, config)]);
      assert.ok(updated.length > 0, "registers resources");
      assert.deepEqual(previewed, updated, "the preview registers what the update does");
      fresh[s.id] = updated;
      if (!update) assert.deepEqual(updated, golden[s.id], `${s.id}: not what expected-snippets.json holds (BERTH_UPDATE_GOLDEN=1 rewrites it)`);
      // The snippet's Pulumi.yaml declares the keys it requires, with no stack file: the values come on the command line.
      await berthPreview(dir, Object.fromEntries(configKeys(s.code).map(({ key }) => [key, `(test value for ${key})`])));
    });
  }
  test("expected-snippets.json lists exactly the snippets there are", () => {
    if (update) {
      fs.writeFileSync(GOLDEN, `${JSON.stringify(fresh, null, 2)}\n`);
      return;
    }
    assert.deepEqual(Object.keys(golden).sort(), Object.keys(fresh).sort());
  });
});
