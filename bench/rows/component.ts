/**
 * Row 2, component overhead: a program of 500 `DockerContainer`s against 500 raw `docker.RemoteImage` +
 * `docker.Container` pairs with the same settings, both under bare mocks, each run in its own fresh process.
 */
import type { ContainersChildResult } from "../children/containers";
import { runChild } from "../child";
import { interleave, ratioOf, stats } from "../measure";
import { type Figure, count } from "../report";
import { type BenchContext, type BenchRow, type RowOutcome, missingFiles, notBuilt, outcome } from "../row";

const GOAL = 1.3;

async function run(ctx: BenchContext): Promise<RowOutcome> {
  const missing = missingFiles(ctx, ["src/docker/container.ts", "src/docker/index.ts"]);
  if (missing.length > 0) return notBuilt(`DockerContainer (${missing.join(", ")})`);
  const n = ctx.quick ? 100 : 500;
  const plan = ctx.quick ? { warmup: 0, runs: 1 } : { warmup: 1, runs: 3 };
  const side = (name: "berth" | "raw") => async () => {
    ctx.log(`row 2: ${count(n)} ${name === "berth" ? "DockerContainers" : "RemoteImage + Container pairs"} in a fresh process`);
    const child = await runChild<ContainersChildResult>("bench/children/containers.ts", [name, String(n)], { timeoutMs: 600_000 });
    if (child.result.custom !== 2 * n) throw new Error(`the ${name} program registered ${child.result.custom} provider resources, expected ${2 * n}`);
    return child;
  };
  const samples = await interleave({ berth: side("berth"), raw: side("raw") }, plan);
  const time = { berth: stats(samples.berth.map((s) => s.result.ms)), raw: stats(samples.raw.map((s) => s.result.ms)) };
  const memory = { berth: stats(samples.berth.map((s) => s.peakMiB)), raw: stats(samples.raw.map((s) => s.peakMiB)) };
  const timeRatio = ratioOf(time.berth, time.raw);
  const memoryRatio = ratioOf(memory.berth, memory.raw);
  const goal = `≤ ${GOAL}x`;
  const figures: Figure[] = [
    { case: `${count(n)} containers: wall time`, unit: "ms", berth: time.berth, baseline: time.raw, ratio: timeRatio, goal, pass: timeRatio !== undefined && timeRatio <= GOAL },
    { case: `${count(n)} containers: peak memory`, unit: "MiB", berth: memory.berth, baseline: memory.raw, ratio: memoryRatio, goal, pass: memoryRatio !== undefined && memoryRatio <= GOAL },
  ];
  const notes = [
    `both sides register the same ${count(2 * n)} provider resources (Berth adds ${count(samples.berth[0]!.result.components)} component resources); ` +
      "wall time runs from the first resource to the last registration settled, module loading and the runtime's first registration excluded; " +
      "both processes load the same modules (@pulumi/docker and berth/docker from src through tsx); peak memory is the whole process's maxRSS",
  ];
  if (ctx.quick) notes.push(`quick mode: ${n} containers, one run`);
  return outcome(figures, notes);
}

/** Row 2. */
export const componentRow: BenchRow = {
  id: 2,
  title: "Component overhead (500 containers under mocks)",
  goal: "≤ 1.3x (time and memory)",
  baseline: "500 raw docker.RemoteImage + docker.Container pairs with the same settings",
  run,
};
