import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { after, test } from "node:test";
import { compileBlueprint } from "../../src/blueprint/compile";
import { writeProject } from "../../src/blueprint/emit/code";
import { loadClass } from "../../src/blueprint/emit/live";
import { typeCheckProjects } from "../helpers/typecheck";
import type { Plan } from "../../src/blueprint/emit/plan";

const ROOT = path.join(__dirname, "../..");
const VALID = path.join(__dirname, "../fixtures/blueprints/valid");
const work = mkdtempSync(path.join(tmpdir(), "berth-bp-"));
symlinkSync(path.join(ROOT, "node_modules"), path.join(work, "node_modules"));
const tsconfig = path.join(work, "tsconfig.json");
writeFileSync(
  tsconfig,
  JSON.stringify({
    compilerOptions: {
      strict: true, target: "ES2022", module: "commonjs", moduleResolution: "node", esModuleInterop: true, skipLibCheck: true, noEmit: true,
      baseUrl: ROOT, paths: { berth: ["src/index.ts"], "berth/*": ["src/*/index.ts"] }, types: ["node"], typeRoots: [path.join(ROOT, "node_modules/@types")],
    },
    include: [`${work}/*/index.ts`],
  }),
);
after(() => rmSync(work, { recursive: true, force: true }));

const fixtures = readdirSync(VALID).filter((f) => f.endsWith(".yaml")).sort();

/** The classes a plan needs that this checkout lacks (none expected). */
function available(file: string): { missing: string[] } {
  const plan = compileBlueprint(file).plan!;
  const missing: string[] = [];
  for (const r of plan.resources) {
    try {
      loadClass(r.target);
    } catch {
      missing.push(r.target.token);
    }
  }
  return { missing: [...new Set(missing)] };
}

/** Runs a program under the mocks with a value for every config key the plan says it requires. */
function runChild(args: string[], plan: Plan): unknown {
  const sample = (type: string, key: string) => (type === "object" ? "{}" : type === "number" ? "1" : type === "boolean" ? "true" : `value-${key}`);
  const entries = plan.config.filter((c) => c.required);
  const config = Object.fromEntries(entries.map((c) => [`project:${c.key}`, sample(c.type, c.key)]));
  const secret = entries.filter((c) => c.secret).map((c) => `project:${c.key}`);
  const out = execFileSync(process.execPath, ["--import", "tsx", path.join(__dirname, "run-program.ts"), ...args], {
    cwd: work,
    env: { ...process.env, TSX_TSCONFIG_PATH: tsconfig, PULUMI_CONFIG: JSON.stringify(config), PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(secret) },
    encoding: "utf8",
  });
  return JSON.parse(out);
}

const generated: string[] = [];
for (const f of fixtures) {
  const file = path.join(VALID, f);
  const name = f.replace(/\.yaml$/, "");
  test(`valid/${f}: the generated program registers what the live Blueprint registers`, () => {
    const result = compileBlueprint(file);
    assert.deepEqual(result.diagnostics, []);
    assert.deepEqual(available(file).missing, []);
    const dir = path.join(work, name);
    mkdirSync(dir, { recursive: true });
    for (const [rel, text] of Object.entries(writeProject(result.plan!, { name }))) writeFileSync(path.join(dir, rel), text);
    generated.push(dir);
    const live = runChild(["live", file, name], result.plan!);
    const gen = runChild(["generated", dir], result.plan!);
    assert.ok(Array.isArray(live) && live.length > 1, "the live program registered resources");
    assert.deepEqual(gen, live);
  });
}

test("every generated project type-checks with its own tsconfig (berth resolved to the published types)", () => {
  assert.ok(generated.length >= 3, `generated ${generated.length} projects`);
  for (const dir of generated) assert.ok(existsSync(path.join(dir, "index.ts")));
  typeCheckProjects(generated);
});
