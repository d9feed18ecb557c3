/**
 * Row 4, graph depth: the critical path (dependencies and parent edges) of what a SwarmCluster and a KubernetesCluster
 * register under mocks, on OpenStack and AWS, with 1, 10 and 50 workers. Adding workers must not lengthen it.
 */
import type { DepthCase, DepthJob } from "../children/cluster-depth";
import { runChild } from "../child";
import { stats } from "../measure";
import { CLUSTER_CLOUDS } from "../programs/clusters";
import type { Figure } from "../report";
import { type BenchContext, type BenchRow, type RowOutcome, missingFiles, notBuilt } from "../row";

/** The clusters measured. */
const CLUSTERS = [
  { className: "SwarmCluster", module: "src/swarm/cluster.ts", controlPool: "managers" },
  { className: "KubernetesCluster", module: "src/kubernetes/cluster.ts", controlPool: "controlPlane" },
];

const WORKERS = [1, 10, 50];

async function run(ctx: BenchContext): Promise<RowOutcome> {
  const mocks = missingFiles(ctx, ["test/cloud/mock-cloud.ts"]);
  if (mocks.length > 0) return notBuilt("the cluster tests' mock outputs (test/cloud/mock-cloud.ts)");
  const workers = ctx.quick ? [1, 10] : WORKERS;
  const figures: Figure[] = [];
  const notes: string[] = [];
  let measured = 0;
  for (const cluster of CLUSTERS) {
    if (missingFiles(ctx, [cluster.module]).length > 0) {
      figures.push({ case: cluster.className, unit: "steps", text: "not built yet" });
      notes.push(`not built yet: ${cluster.className} (${cluster.module})`);
      continue;
    }
    ctx.log(`row 4: ${cluster.className} with ${workers.join(", ")} workers on ${CLUSTER_CLOUDS.join(" and ")}`);
    const job: DepthJob = { module: cluster.module, className: cluster.className, controlPool: cluster.controlPool, workers };
    let cases: DepthCase[];
    try {
      cases = (await runChild<{ cases: DepthCase[] }>("bench/children/cluster-depth.ts", [JSON.stringify(job)], { timeoutMs: 300_000 })).result.cases;
    } catch (err) {
      figures.push({ case: cluster.className, unit: "steps", text: "failed" });
      notes.push(`${cluster.className} failed: ${err instanceof Error ? err.message : String(err)}`);
      continue;
    }
    measured++;
    for (const cloud of CLUSTER_CLOUDS) {
      const ofCloud = cases.filter((c) => c.cloud === cloud);
      const base = ofCloud.find((c) => c.workers === workers[0]);
      if (!base) continue;
      for (const c of ofCloud) {
        figures.push({
          case: `${cluster.className} (${cloud}), ${c.workers} worker${c.workers === 1 ? "" : "s"}: ${c.resources} resources`,
          unit: "steps",
          berth: stats([c.depth]),
          baseline: stats([base.depth]),
          ratio: c.depth / base.depth,
          goal: `= ${workers[0]} worker`,
          pass: c.depth === base.depth,
        });
      }
    }
  }
  if (measured === 0) return { status: figures.some((f) => f.text === "failed") ? "failed" : "not built yet", figures, notes };
  notes.push(
    "critical path = resources on the longest chain of dependency and parent edges, i.e. registrations that must happen one after another; " +
      "the baseline is the same cluster with 1 worker; mock outputs are the cluster tests' own (test/cloud/mock-cloud.ts)",
  );
  if (ctx.quick) notes.push("quick mode: 50 workers not built");
  const status = figures.some((f) => f.text === "failed") ? "failed" : figures.some((f) => f.pass === false) ? "MISS" : "PASS";
  return { status, figures, notes };
}

/** Row 4. */
export const graphDepthRow: BenchRow = {
  id: 4,
  title: "Graph depth: cluster critical path",
  goal: "equal at 1, 10 and 50 workers",
  baseline: "the same cluster with 1 worker",
  run,
};
