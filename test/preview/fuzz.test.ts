// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${x}` is part of the junk inserted into the files under test.
/**
 * Seeded, repeatable fuzzing of what `berth preview` reads before it runs anything: Pulumi.yaml, the stack file and a
 * blueprint's top, mutated from the preview fixtures and the examples, plus the hostile-input attack classes (alias
 * bombs, a FIFO, a device, a huge file, invalid UTF-8, deep nesting, a stack name that climbs out). Every case must
 * end in a target or in problems that name the file (with line:col for YAML errors), never an exception, within
 * bounded time and memory. BERTH_FUZZ_CASES raises the count (CI runs 1,500; BERTH_FUZZ_SEED picks the mutations).
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, test } from "node:test";
import { resolveTarget } from "../../src/preview/target";

const CASES = Number(process.env["BERTH_FUZZ_CASES"] ?? 1500);
const SEED = Number(process.env["BERTH_FUZZ_SEED"] ?? 20261201);
const ROOT = path.join(__dirname, "..", "..");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "berth-preview-fuzz-"));
after(() => fs.rmSync(work, { recursive: true, force: true }));

/** mulberry32. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Project folders with a Pulumi.yaml: the preview fixtures and the examples. */
const SOURCES = [path.join(ROOT, "test", "fixtures", "preview"), path.join(ROOT, "examples")].flatMap((d) =>
  fs
    .readdirSync(d)
    .map((n) => path.join(d, n))
    .filter((p) => fs.existsSync(path.join(p, "Pulumi.yaml"))),
);

const SPECIALS = ["\n", ":", " ", "- ", "&a ", "*a", "<<: *a\n", "{", "}", "[", "]", "'", '"', "#", "\t", "!!binary ", "%YAML 1.1\n", "---\n", "? ", "|\n", ">\n", "\u0000", "\ufeff", "\u2028", "\\", "${x}"];

function mutateText(text: string, r: () => number): string {
  let t = text;
  const edits = 1 + Math.floor(r() * 4);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(r() * (t.length + 1));
    const kind = r();
    if (kind < 0.35) t = t.slice(0, at) + SPECIALS[Math.floor(r() * SPECIALS.length)] + t.slice(at);
    else if (kind < 0.6) t = t.slice(0, at) + t.slice(at + 1 + Math.floor(r() * 8));
    else if (kind < 0.75) t = t.slice(0, at);
    else if (kind < 0.9) {
      const from = Math.floor(r() * t.length);
      t = t.slice(0, at) + t.slice(from, from + 40) + t.slice(at);
    } else t = t.replace(/: .*/, `: ${"x".repeat(Math.floor(r() * 3000))}`);
  }
  return t;
}

interface Case {
  label: string;
  /** Lays the project out in `dir`; returns the --stack to pass, if any. */
  make(dir: string): string | undefined;
}

function copyProject(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const f of fs.readdirSync(from)) {
    if (f === "node_modules") continue;
    fs.cpSync(path.join(from, f), path.join(to, f), { recursive: true });
  }
}

const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]", ..."bcdefgh".split("").map((c, i) => `${c}: &${c} [${Array(9).fill(`*${"abcdefgh"[i]}`).join(", ")}]`), "use: *h"].join("\n");

const ATTACKS: Case[] = [
  { label: "alias bomb in Pulumi.yaml config", make: (d) => void fs.appendFileSync(path.join(d, "Pulumi.yaml"), `\nx-bomb:\n${bomb.replace(/^/gm, "  ")}\n`) },
  { label: "alias bomb in the stack file", make: (d) => {
      fs.writeFileSync(path.join(d, "Pulumi.dev.yaml"), `config:\n${bomb.replace(/^/gm, "  ")}\n`);
      return "dev";
    },
  },
  { label: "a FIFO as the stack file", make: (d) => {
      execFileSync("mkfifo", [path.join(d, "Pulumi.dev.yaml")]);
      return "dev";
    },
  },
  { label: "/dev/zero as the stack file", make: (d) => {
      fs.symlinkSync("/dev/zero", path.join(d, "Pulumi.dev.yaml"));
      return "dev";
    },
  },
  { label: "a 20 MiB Pulumi.yaml", make: (d) => void fs.appendFileSync(path.join(d, "Pulumi.yaml"), `\n# ${"x".repeat(20 * 1024 * 1024)}\n`) },
  { label: "invalid UTF-8 in Pulumi.yaml", make: (d) => void fs.appendFileSync(path.join(d, "Pulumi.yaml"), Buffer.from([0x0a, 0x23, 0xc3, 0x28, 0x0a])) },
  { label: "10,000 levels of nesting in the stack file", make: (d) => {
      fs.writeFileSync(path.join(d, "Pulumi.dev.yaml"), `config:\n  k: ${"[".repeat(10000)}${"]".repeat(10000)}\n`);
      return "dev";
    },
  },
  { label: "a stack name that climbs out of the project", make: () => "x/../../y" },
];

/** The slowest case and the most memory seen, for the report (t.diagnostic). */
const worst = { ms: 0, label: "", rssMiB: 0 };

function check(label: string, dir: string, stack: string | undefined): void {
  const before = process.memoryUsage().heapUsed;
  const started = Date.now();
  let result: ReturnType<typeof resolveTarget>;
  try {
    result = resolveTarget(dir, { cwd: work, stack, config: [] });
  } catch (err) {
    assert.fail(`${label}: threw ${err instanceof Error ? err.stack : String(err)}`);
  }
  const ms = Date.now() - started;
  if (ms > worst.ms) Object.assign(worst, { ms, label });
  worst.rssMiB = Math.max(worst.rssMiB, Math.round(process.memoryUsage().rss / 1048576));
  // A runaway case, not a slow machine: the worst time is printed for the record.
  assert.ok(ms < 60_000, `${label}: took ${ms} ms`);
  assert.ok(process.memoryUsage().heapUsed - before < 512 * 1024 * 1024, `${label}: memory`);
  if ("problems" in result) {
    assert.ok(result.problems.length > 0, label);
    for (const p of result.problems) {
      assert.ok(p.length < 2000, `${label}: a problem of ${p.length} characters`);
      assert.doesNotMatch(p, /\n\s+at /, `${label}: no stack frames`);
      if (/YAML syntax error/.test(p)) assert.match(p, /\.ya?ml:\d+:\d+: /, `${label}: positioned: ${p}`);
    }
  }
}

test(`the attack classes end in problems that name the file, within bounds (${ATTACKS.length} cases)`, (t) => {
  const base = path.join(ROOT, "test", "fixtures", "preview", "web");
  ATTACKS.forEach((c, i) => {
    const dir = path.join(work, `attack-${i}`);
    copyProject(base, dir);
    fs.rmSync(path.join(dir, "Pulumi.dev.yaml"), { force: true });
    const stack = c.make(dir);
    check(c.label, dir, stack);
    const result = resolveTarget(dir, { cwd: work, stack, config: [] });
    assert.ok("problems" in result, `${c.label}: refused`);
  });
  t.diagnostic(`slowest: ${worst.label} in ${worst.ms} ms; process memory at most ${worst.rssMiB} MiB`);
});

test(`${CASES} seeded mutations of Pulumi.yaml and stack files (seed ${SEED}) end in a target or positioned problems`, (t) => {
  const r = rng(SEED);
  for (let i = 0; i < CASES; i++) {
    const source = SOURCES[Math.floor(r() * SOURCES.length)]!;
    const dir = path.join(work, `case-${i % 50}`);
    fs.rmSync(dir, { recursive: true, force: true });
    copyProject(source, dir);
    const stackFiles = fs.readdirSync(dir).filter((f) => /^Pulumi\..+\.yaml$/.test(f));
    const target = r() < 0.5 || stackFiles.length === 0 ? "Pulumi.yaml" : stackFiles[0]!;
    const file = path.join(dir, target);
    fs.writeFileSync(file, mutateText(fs.readFileSync(file, "utf8"), r));
    check(`case ${i} (${path.basename(source)}/${target})`, dir, undefined);
  }
  t.diagnostic(`slowest: ${worst.label} in ${worst.ms} ms; process memory at most ${worst.rssMiB} MiB`);
});
