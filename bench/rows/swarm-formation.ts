/**
 * Row 7, Swarm formation on real hosts: the time from the hosts booted to every node Ready, for a SwarmCluster of 3
 * managers and 6 workers against 3 managers and 2 workers formed in the same run, on the multi-host harness
 * (test/hosts/). Nodes join in parallel, so the larger cluster should take little longer. The time from the last
 * machine started (boot included) is shown beside it.
 */
import * as os from "node:os";
import * as path from "node:path";
import type { Formation, FormationJob, FormationResult } from "../children/swarm-formation";
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
  const of = (workers: number) => result.formations.filter((f) => f.workers === workers);
  const span = (workers: number, from: (f: Formation) => number, to: (f: Formation) => number) => stats(of(workers).map((f) => to(f) - from(f)));
  const booted = (f: Formation) => f.booted;
  const started = (f: Formation) => f.started;
  const ready = (f: Formation) => f.ready;
  const figure = (label: string, from: (f: Formation) => number, goal: boolean): Figure[] => {
    const small = span(SMALL, from, ready);
    const large = span(LARGE, from, ready);
    const ratio = ratioOf(large, small);
    return [
      { case: `3+${SMALL} hosts: ${label} → all ${3 + SMALL} nodes Ready`, unit: "ms", berth: small },
      {
        case: `3+${LARGE} hosts: ${label} → all ${3 + LARGE} nodes Ready`,
        unit: "ms",
        berth: large,
        baseline: small,
        ...(ratio === undefined ? {} : { ratio }),
        ...(goal ? { goal: `≤ ${GOAL}x`, pass: ratio !== undefined && ratio <= GOAL } : {}),
      },
    ];
  };
  const seconds = (workers: number, from: (f: Formation) => number, to: (f: Formation) => number) =>
    `${(span(workers, from, to).median / 1000).toFixed(1)} s`;
  const phases = (w: number) =>
    `3+${w}: hosts booted ${seconds(w, started, booted)} after the last machine started; from then, manager 0's swarm created at ${seconds(w, booted, (f) => f.initialised)}, ` +
    `the last node joined at ${seconds(w, booted, (f) => f.lastJoined)}, all Ready at ${seconds(w, booted, ready)}`;
  const figures = [...figure("hosts booted", booted, true), ...figure("last machine started", started, false)];
  const notes = [
    "each formation is a SwarmCluster program (OpenStack-shaped) carried out on Debian hosts in network namespaces, each booting its rendered user data with cloud-init; " +
      "'booted' is the moment the last host reached cloud-init's final stage, where Berth's bootstrap starts; 'last machine started' is the cloud's ACTIVE, so that figure includes the boot itself, " +
      "which on this harness shares the machine's cores among all hosts; the clock stops when `docker node ls` on manager 0 (polled every 250 ms) lists every node Ready; the sizes take turns",
    result.rootfsSeconds > 5
      ? `the hosts' root file system was built first (${result.rootfsSeconds.toFixed(0)} s, not timed) and kept in ${cache}`
      : `the hosts' root file system came from ${cache}`,
    `where the time went (medians; creation times from the swarm's own node records; manager 0 may initialise before the last worker has booted): ${phases(SMALL)}; ${phases(LARGE)}`,
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
