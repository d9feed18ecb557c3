/**
 * Row 3, load cost: `require("berth/docker")` (the built dist/docker/index.js, built first when missing or older than
 * src) against `require("@pulumi/docker")`, each in a fresh plain `node` process; and the check that loading
 * berth/docker pulls in no @pulumi/aws, @pulumi/openstack or @pulumi/kubernetes module.
 */
import * as path from "node:path";
import { REPORT_SNIPPET, runEval } from "../child";
import { ensureDist } from "../dist";
import { interleave, ratioOf, stats } from "../measure";
import type { Figure } from "../report";
import { type BenchContext, type BenchRow, type RowOutcome, missingFiles, notBuilt, outcome } from "../row";

const GOAL = 1.2;

/** Provider packages that berth/docker must not load. */
const FORBIDDEN = /node_modules[\\/]@pulumi[\\/](aws|openstack|kubernetes)[\\/]/;

/** What one load reports. */
interface LoadResult {
  ms: number;
  /** Forbidden modules found in require.cache. */
  forbidden: string[];
  modules: number;
}

/** The `node -e` script: time one require, then list what is in require.cache. */
function loadScript(specifier: string): string {
  return `${REPORT_SNIPPET}
const start = process.hrtime.bigint();
require(${JSON.stringify(specifier)});
const ms = Number(process.hrtime.bigint() - start) / 1e6;
const keys = Object.keys(require.cache);
report({ ms, forbidden: keys.filter((k) => ${FORBIDDEN}.test(k)), modules: keys.length });`;
}

async function run(ctx: BenchContext): Promise<RowOutcome> {
  const missing = missingFiles(ctx, ["src/docker/index.ts"]);
  if (missing.length > 0) return notBuilt(`berth/docker (${missing.join(", ")})`);
  const notes: string[] = [];
  const dist = await ensureDist(ctx, "docker/index.js", "row 3");
  if (dist.note) notes.push(dist.note);
  // Without a built dist (tsc emitted nothing), both sides load through tsx instead: slower, but alike.
  const useDist = dist.built;
  const berthSpecifier = useDist ? "berth/docker" : "./src/docker/index.ts";
  const flags = useDist ? [] : ["--import", "tsx"];
  notes.push(
    useDist
      ? 'both sides are plain `node` processes (no tsx): require("berth/docker") resolves through package.json exports to dist/docker/index.js'
      : "dist/docker/index.js could not be built: both sides ran under `node --import tsx`, Berth's side requiring src/docker/index.ts",
  );
  const side = (specifier: string) => async () => runEval<LoadResult>(loadScript(specifier), { nodeFlags: flags, timeoutMs: 120_000 });
  const plan = ctx.quick ? { warmup: 1, runs: 2 } : { warmup: 1, runs: 7 };
  ctx.log(`row 3: ${plan.warmup + plan.runs} fresh processes per side`);
  const samples = await interleave({ berth: side(berthSpecifier), docker: side("@pulumi/docker") }, plan);
  const pick = (k: "berth" | "docker", f: (r: { result: LoadResult; peakMiB: number; wallMs: number }) => number) => stats(samples[k].map(f));
  const requireMs = { berth: pick("berth", (s) => s.result.ms), docker: pick("docker", (s) => s.result.ms) };
  const wall = { berth: pick("berth", (s) => s.wallMs), docker: pick("docker", (s) => s.wallMs) };
  const memory = { berth: pick("berth", (s) => s.peakMiB), docker: pick("docker", (s) => s.peakMiB) };
  const forbidden = [...new Set(samples.berth.flatMap((s) => s.result.forbidden))];
  const r = ratioOf(requireMs.berth, requireMs.docker);
  const figures: Figure[] = [
    { case: "require time", unit: "ms", berth: requireMs.berth, baseline: requireMs.docker, ratio: r, goal: `≤ ${GOAL}x`, pass: r !== undefined && r <= GOAL },
    { case: "whole process (spawn to exit)", unit: "ms", berth: wall.berth, baseline: wall.docker, ratio: ratioOf(wall.berth, wall.docker) },
    { case: "peak memory", unit: "MiB", berth: memory.berth, baseline: memory.docker, ratio: ratioOf(memory.berth, memory.docker) },
    {
      case: "@pulumi/aws, openstack, kubernetes modules in require.cache",
      unit: "modules",
      berth: stats(samples.berth.map((s) => s.result.forbidden.length)),
      goal: "none",
      pass: forbidden.length === 0,
    },
  ];
  if (forbidden.length > 0) notes.push(`loading berth/docker pulled in: ${forbidden.slice(0, 5).map((f) => path.relative(ctx.root, f)).join(", ")}${forbidden.length > 5 ? ", ..." : ""}`);
  return outcome(figures, notes);
}

/** Row 3. */
export const loadCostRow: BenchRow = {
  id: 3,
  title: 'Load cost: require("berth/docker")',
  goal: "≤ 1.2x; no @pulumi/aws, openstack or kubernetes module loaded",
  baseline: 'require("@pulumi/docker") in a fresh process',
  run,
};
