import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { dump, load } from "js-yaml";
import { compileBlueprint } from "../../src/blueprint/compile";

/** Reads a fixture from disk (the in-memory reader's fallback for the files a seed imports). */
const readFromDisk = (f: string): string | undefined => (existsSync(f) && statSync(f).isFile() ? readFileSync(f, "utf8") : undefined);

const FIXTURES = path.join(__dirname, "../fixtures/blueprints");
const seeds = ["valid", "invalid"].flatMap((d) =>
  readdirSync(path.join(FIXTURES, d))
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => path.join(FIXTURES, d, f)),
);

/** A small deterministic PRNG (mulberry32), so every run mutates the same way. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const JUNK: unknown[] = [null, 0, -1, 1.5, "", "x", true, [], {}, [1, "a"], { get_input: [] }, { get_property: ["SELF"] }, { concat: "x" }, { get_attribute: [1, 2] }, { merge: [1] }, { string_split: [] }, { get_secret: {} }, { type: 5 }];

function mutateValue(v: unknown, r: () => number, depth = 0): unknown {
  if (v === null || typeof v !== "object") return r() < 0.3 ? JUNK[Math.floor(r() * JUNK.length)] : v;
  if (Array.isArray(v)) {
    const out = v.map((x) => (r() < 0.3 ? mutateValue(x, r, depth + 1) : x));
    if (r() < 0.2) out.splice(Math.floor(r() * (out.length + 1)), 0, JUNK[Math.floor(r() * JUNK.length)]);
    if (r() < 0.2 && out.length > 0) out.splice(Math.floor(r() * out.length), 1);
    return out;
  }
  const out: Record<string, unknown> = {};
  const entries = Object.entries(v as Record<string, unknown>);
  for (const [k, x] of entries) {
    const p = r();
    if (p < 0.08) continue; // drop a key
    if (p < 0.14) out[k] = JUNK[Math.floor(r() * JUNK.length)]; // swap the type
    else out[k] = depth < 8 && r() < 0.5 ? mutateValue(x, r, depth + 1) : x;
  }
  if (r() < 0.1) out[`junk_${Math.floor(r() * 100)}`] = JUNK[Math.floor(r() * JUNK.length)]; // insert junk
  return out;
}

function mutateText(text: string, r: () => number): string {
  const p = r();
  if (p < 0.4) return text.slice(0, Math.floor(r() * text.length)); // truncate
  const at = Math.floor(r() * text.length);
  const junk = ["{", "}", "[", ":", "- ", "\t", "&a", "*a", "<<: *x", "\n  ? ", "'", '"', "%", "!!binary"][Math.floor(r() * 14)]!;
  return text.slice(0, at) + junk + text.slice(at);
}

test("10,000 mutated blueprints each end in a plan or in positioned problems, never an exception", () => {
  const r = rng(20240601);
  const texts = seeds.map((f) => ({ file: f, text: readFileSync(f, "utf8") }));
  const parsed = texts.map((t) => {
    try {
      return { ...t, value: load(t.text) as unknown };
    } catch {
      return { ...t, value: undefined }; // the YAML-syntax fixture: text mutations only
    }
  });
  let plans = 0;
  let problems = 0;
  const t0 = Date.now();
  for (let i = 0; i < 10_000; i++) {
    const seed = parsed[Math.floor(r() * parsed.length)]!;
    const text = seed.value !== undefined && r() < 0.6 ? dump(mutateValue(seed.value, r), { noRefs: true }) : mutateText(seed.text, r);
    const inputs = r() < 0.2 ? { junk: 1, web_port: "x" } : {};
    const readFile = (f: string) => (f === seed.file ? text : readFromDisk(f));
    let result: ReturnType<typeof compileBlueprint>;
    try {
      result = compileBlueprint(seed.file, { readFile, inputs });
    } catch (err) {
      assert.fail(`case ${i} threw ${err instanceof Error ? err.stack : String(err)}\n--- input ---\n${text}`);
    }
    if (result.plan) {
      assert.deepEqual(result.diagnostics, []);
      plans++;
    } else {
      assert.ok(result.diagnostics.length > 0, `case ${i}: no plan and no problems`);
      for (const d of result.diagnostics) assert.ok(d.line >= 1 && d.col >= 1 && d.message.length > 0);
      problems++;
    }
  }
  assert.equal(plans + problems, 10_000);
  assert.ok(plans > 0 && problems > 0, `plans ${plans}, problems ${problems}`);
  assert.ok(Date.now() - t0 < 120_000);
});
