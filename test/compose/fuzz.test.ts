// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Compose `${VAR}` syntax is part of the junk under test.
/**
 * Seeded, repeatable mutation of the Compose fixtures (ours and the reference loader's), through the whole path a
 * file takes: assemble, load, the one-host plan and the written program for both targets. Every case must end in a
 * model or in positioned problems, never an exception; and the work stays bounded. BERTH_FUZZ_CASES raises the count
 * when the file is run alone (CI runs 3,000).
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { dump, load } from "js-yaml";
import { dockerPlan } from "../../src/compose/targets/docker";
import { loadComposeProject } from "../../src/compose/load";
import { VariableMarkers } from "../../src/compose/markers";
import { renderComposeProgram } from "../../src/compose/program";
import { memoryReader } from "../../src/compose/reader";

const CASES = Number(process.env["BERTH_FUZZ_CASES"] ?? 3000);
const OURS = path.resolve(__dirname, "../fixtures/compose");
const THEIRS = path.resolve(__dirname, "../../../shared/corpus/compose-spec__compose-go/loader-testdata");

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...yamlFiles(p));
    else if (/\.ya?ml$/.test(e.name)) out.push(p);
  }
  return out.sort();
}

/** mulberry32: the same mutations on every run. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const JUNK: unknown[] = [null, 0, -1, 1.5, 1e100, "", "x", "0-65535:0-65535", "${X:?}", "$$", "service:nope", true, [], {}, [1, "a"], { a: null }, "/etc/shadow", "../../outside", "\u2028", "a\u0000b"];

function mutateValue(v: unknown, r: () => number, depth = 0): unknown {
  if (v === null || typeof v !== "object") return r() < 0.3 ? JUNK[Math.floor(r() * JUNK.length)] : v;
  if (Array.isArray(v)) {
    const out = v.map((x) => (r() < 0.3 ? mutateValue(x, r, depth + 1) : x));
    if (r() < 0.2) out.splice(Math.floor(r() * (out.length + 1)), 0, JUNK[Math.floor(r() * JUNK.length)]);
    if (r() < 0.2 && out.length > 0) out.splice(Math.floor(r() * out.length), 1);
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    const p = r();
    if (p < 0.08) continue;
    if (p < 0.14) out[k] = JUNK[Math.floor(r() * JUNK.length)];
    else out[k] = depth < 8 && r() < 0.5 ? mutateValue(x, r, depth + 1) : x;
  }
  if (r() < 0.1) out[["build", "extends", "include", "deploy", "secrets", "profiles", "x-y", "junk"][Math.floor(r() * 8)]!] = JUNK[Math.floor(r() * JUNK.length)];
  return out;
}

function mutateText(text: string, r: () => number): string {
  if (r() < 0.4) return text.slice(0, Math.floor(r() * text.length));
  const at = Math.floor(r() * text.length);
  const junk = ["{", "}", "[", ":", "- ", "\t", "&a", "*a", "<<: *x", "\n  ? ", "'", '"', "!reset", "!override ", "${", "\r"][Math.floor(r() * 16)]!;
  return text.slice(0, at) + junk + text.slice(at);
}

test(`${CASES.toLocaleString("en-US")} mutated Compose projects each end in a model or positioned problems, never an exception`, { timeout: 600_000 }, () => {
  const r = rng(20261201);
  const seeds = [...yamlFiles(OURS), ...yamlFiles(THEIRS)].map((file) => ({ file, text: fs.readFileSync(file, "utf8") }));
  const files: Record<string, string> = {};
  for (const s of seeds) files[s.file] = s.text;
  // Files the fixtures refer to, so that reads succeed as often as they fail.
  for (const dir of [OURS, THEIRS]) {
    for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
      const p = path.join(e.parentPath, e.name);
      if (e.isFile() && !files[p] && fs.statSync(p).size < 65536) files[p] = fs.readFileSync(p, "utf8");
    }
  }
  let models = 0;
  let slowest = 0;
  const started = Date.now();
  for (let n = 0; n < CASES; n++) {
    const seed = seeds[Math.floor(r() * seeds.length)]!;
    let text: string;
    if (r() < 0.5) text = mutateText(seed.text, r);
    else {
      let value: unknown;
      try {
        value = load(seed.text);
      } catch {
        value = {};
      }
      text = dump(mutateValue(value, r), { lineWidth: -1 });
    }
    const root = seed.file.startsWith(THEIRS) ? THEIRS : OURS;
    const target = r() < 0.5 ? "docker" : "swarm";
    const markers = r() < 0.5 ? VariableMarkers.random({ BERTH_TEST_IMAGE: "img:1", API_KEY: "k", X: "1" }) : undefined;
    const t0 = Date.now();
    const where = `case ${n} (${path.relative(root, seed.file)}, ${target})`;
    let result: ReturnType<typeof loadComposeProject>;
    try {
      result = loadComposeProject({
        target,
        files: [{ file: seed.file, text }],
        env: { BERTH_TEST_IMAGE: "img:1", API_KEY: "k", BANNER: "b", X: "1" },
        reader: memoryReader(root, files),
        ...(markers ? { markers } : {}),
      });
    } catch (err) {
      assert.fail(`${where}: the loader threw ${(err as Error).stack}\n${text.slice(0, 2000)}`);
    }
    for (const d of result.diagnostics) {
      assert.match(d.where, /:\d+:\d+$/, `${where}: ${d.message} has no position`);
      assert.ok(d.message.length > 0 && d.message.length < 2000, `${where}: a message of ${d.message.length} characters`);
    }
    if (result.model) {
      models++;
      try {
        if (target === "docker") dockerPlan(result.model, "fuzz");
        renderComposeProgram(result.model, { target, name: "fuzz", sourceFile: seed.file, outDir: "/tmp/out", root, ...(markers ? { markers } : {}), registry: "127.0.0.1:5000" });
      } catch (err) {
        assert.fail(`${where}: the mapping threw ${(err as Error).stack}\n${text.slice(0, 2000)}`);
      }
    }
    slowest = Math.max(slowest, Date.now() - t0);
  }
  process.stdout.write(`# ${CASES} cases: ${models} models, the rest positioned problems; slowest ${slowest} ms, ${((Date.now() - started) / 1000).toFixed(1)} s in all\n`);
  // A runaway (exponential) case, not a slow machine: the slowest case is printed above for the record.
  assert.ok(slowest < 60_000, `a case took ${slowest} ms`);
});
