/**
 * Row 7, Swarm formation on real hosts: the time from the last machine started to every node Ready, for a
 * SwarmCluster of 3 managers and 6 workers against 3 managers and 2 workers formed in the same run, on the multi-host
 * harness (test/hosts/). Nodes join in parallel, so the larger cluster should take little longer.
 */
import * as os from "node:os";
import * as path from "node:path";
import type { FormationJob, FormationResult } from "../children/swarm-formation";
import { runChild } from "../child";
import { ratioOf, stats } from "../measure";
import type { Figure } from "../report";
import { type BenchContext, type BenchRow, type RowOutcome, missingFiles, notBuilt, outcome } from "../row";

const SMALL = 2;
const LARGE = 6;
const GOAL = 1.3;

async function run(ctx: BenchContext): Promise<RowOutcome> {
  const missing = missingFiles(ctx, ["src/swarm/cluster.ts", "test/hosts/harness.ts", "test/hosts/host.sh"]);
  if (missing.length > 0) return notBuilt(`the multi-host harness (${missing.join(", ")})`);
  // Outside the repository: a root file system (with /proc mounted while debootstrap runs) has no place in the tree
  // that tsc and biome walk. Kept between bench runs, or the folder BERTH_HOSTS_CACHE names.
  const cache = process.env["BERTH_HOSTS_CACHE"] ?? path.join(os.tmpdir(), "berth-bench-rootfs");
  const job: FormationJob = { workers: [SMALL, LARGE], runs: ctx.quick ? 1 : 3, warmup: !ctx.quick, cache };
  ctx.log(`row 7: 3+${SMALL} and 3+${LARGE} hosts, ${job.runs} formation(s) each${job.warmup ? " after a warm-up" : ""}; root file system in ${cache}`);
  const child = await runChild<FormationResult>("bench/children/swarm-formation.ts", [JSON.stringify(job)], { timeoutMs: 3_600_000 });
  return formationOutcome(child.result, cache);
}

/** The row's outcome from what the child reported (pure): a skip with the reason, or the two sizes and their ratio. */
export function formationOutcome(result: FormationResult, cache: string): RowOutcome {
  if ("unavailable" in result) {
    return { status: "needs hosts", figures: [], notes: [`skipped: ${result.unavailable}`] };
  }
  const small = stats(result.samples[String(SMALL)]!);
  const large = stats(result.samples[String(LARGE)]!);
  const ratio = ratioOf(large, small);
  const figures: Figure[] = [
    { case: `3+${SMALL} hosts: last machine started → all ${3 + SMALL} nodes Ready`, unit: "ms", berth: small },
    {
      case: `3+${LARGE} hosts: last machine started → all ${3 + LARGE} nodes Ready`,
      unit: "ms",
      berth: large,
      baseline: small,
      ...(ratio === undefined ? {} : { ratio }),
      goal: `≤ ${GOAL}x`,
      pass: ratio !== undefined && ratio <= GOAL,
    },
  ];
  const notes = [
    "each formation is a SwarmCluster program (OpenStack-shaped) carried out on Debian hosts in network namespaces, each booting its rendered user data with cloud-init; " +
      "the clock starts when the last machine was started (the cloud's ACTIVE) and stops when `docker node ls` on manager 0 (polled every 250 ms) lists every node Ready; the sizes take turns",
    result.rootfsSeconds > 5
      ? `the hosts' root file system was built first (${result.rootfsSeconds.toFixed(0)} s, not timed) and kept in ${cache}`
      : `the hosts' root file system came from ${cache}`,
  ];
  return outcome(figures, notes);
}

/** Row 7. */
export const swarmFormationRow: BenchRow = {
  id: 7,
  title: "Swarm formation on real hosts",
  goal: "3+6 hosts within 1.3x of 3+2",
  baseline: "the same cluster with 2 workers (3+2), formed in the same run",
  run,
};
