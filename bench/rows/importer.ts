/**
 * Row 1, importer throughput: `berth import` (without its disk writes) of generated blueprints of 200, 2,000 and
 * 20,000 node templates against js-yaml `load` of the same text, each side in its own fresh process; with peak memory.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import type { ImportChildResult, ImportJob } from "../children/import";
import { runChild } from "../child";
import { ensureDist } from "../dist";
import { ratioOf, stats } from "../measure";
import { generateBlueprint } from "../programs/blueprint";
import { type Figure, count } from "../report";
import { type BenchContext, type BenchRow, type RowOutcome, missingFiles, notBuilt, outcome } from "../row";

/** Sizes, with warm-ups and kept runs; the largest is warmed up by the smaller ones run before it in the same process. */
const FULL = [
  { nodes: 200, warmup: 3, runs: 7 },
  { nodes: 2000, warmup: 1, runs: 5 },
  { nodes: 20000, warmup: 0, runs: 3 },
];
const QUICK = [
  { nodes: 200, warmup: 1, runs: 2 },
  { nodes: 2000, warmup: 0, runs: 2 },
];

/** The ratio goal at 2,000 nodes and the growth goal from 2,000 to 20,000. */
const GOAL_AT_2000 = 3;
const GOAL_GROWTH = 11;

async function run(ctx: BenchContext): Promise<RowOutcome> {
  const missing = missingFiles(ctx, ["src/blueprint/compile.ts", "src/blueprint/emit/code.ts"]);
  if (missing.length > 0) return notBuilt(`the importer (${missing.join(", ")})`);
  const sizes = ctx.quick ? QUICK : FULL;
  const dir = path.join(ctx.tmp, "blueprints");
  mkdirSync(dir, { recursive: true });
  const cases = sizes.map((s) => {
    const file = path.join(dir, `generated-${s.nodes}.yaml`);
    const text = generateBlueprint(s.nodes);
    writeFileSync(file, text);
    ctx.log(`row 1: generated ${count(s.nodes)} node templates (${(text.length / 1e6).toFixed(1)} MB)`);
    return { ...s, file };
  });
  const built = await ensureDist(ctx, "blueprint/compile.js", "row 1");
  const side = async (name: ImportJob["side"]) => {
    ctx.log(`row 1: ${name === "berth" ? "berth import" : "js-yaml load"} in a fresh process`);
    const job: ImportJob = { side: name, cases, dist: built.built };
    return (await runChild<ImportChildResult>("bench/children/import.ts", [JSON.stringify(job)], { nodeFlags: ["--expose-gc"], timeoutMs: 600_000 })).result;
  };
  const yaml = await side("yaml");
  const berth = await side("berth");

  const figures: Figure[] = [];
  for (let i = 0; i < cases.length; i++) {
    const nodes = cases[i]!.nodes;
    const b = stats(berth.cases[i]!.times);
    const y = stats(yaml.cases[i]!.times);
    const ratio = ratioOf(b, y);
    const goal = nodes === 2000 ? `≤ ${GOAL_AT_2000}x` : undefined;
    figures.push({ case: `${count(nodes)} nodes: time`, unit: "ms", berth: b, baseline: y, ratio, goal, pass: goal && ratio !== undefined ? ratio <= GOAL_AT_2000 : undefined });
  }
  const at = (n: number) => cases.findIndex((c) => c.nodes === n);
  if (at(2000) >= 0 && at(20000) >= 0) {
    const small = stats(berth.cases[at(2000)]!.times);
    const large = stats(berth.cases[at(20000)]!.times);
    const growth = ratioOf(large, small);
    figures.push({
      case: "growth: Berth at 20,000 vs Berth at 2,000 nodes",
      unit: "ms",
      berth: large,
      baseline: small,
      ratio: growth,
      goal: `≤ ${GOAL_GROWTH}x`,
      pass: growth !== undefined && growth <= GOAL_GROWTH,
    });
  }
  for (let i = 0; i < cases.length; i++) {
    const b = stats([berth.cases[i]!.peakMiB]);
    const y = stats([yaml.cases[i]!.peakMiB]);
    figures.push({ case: `${count(cases[i]!.nodes)} nodes: peak memory`, unit: "MiB", berth: b, baseline: y, ratio: ratioOf(b, y) });
  }
  const notes = [
    ...(built.note ? [built.note] : []),
    built.built
      ? "Berth's side runs the compiled importer (dist/), as `berth import` does when installed"
      : "dist/ could not be built: Berth's side ran the TypeScript sources through tsx",
    "Berth's side is compileBlueprint (load, merge, model, functions, type mapping) plus writeProject (the generated program), with the text in memory and nothing written to disk; " +
      `both sides ran in their own fresh process (modules loaded: Berth ${berth.loadedMiB.toFixed(0)} MiB, js-yaml ${yaml.loadedMiB.toFixed(0)} MiB before the first run).`,
    "Peak memory is the process's maxRSS after a size's runs (sizes run smallest first, a garbage collection before each run).",
  ];
  if (ctx.quick) notes.push("quick mode: 20,000 nodes not run, fewer runs");
  return outcome(figures, notes);
}

/** Row 1. */
export const importerRow: BenchRow = {
  id: 1,
  title: "Importer throughput (generated blueprints)",
  goal: "≤ 3x at 2,000 nodes; 20,000 ≤ 11x the time of 2,000",
  baseline: "js-yaml load of the same text",
  run,
};
