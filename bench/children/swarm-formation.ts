/**
 * Bench child for row 7: forms SwarmClusters of 3 managers and N workers on the multi-host harness (test/hosts/), each
 * machine a Debian host booting its Berth-rendered user data with cloud-init, and reports for each formation the time
 * from the last machine started (every instance ACTIVE, as the cloud reports it) to manager 0 listing every node
 * Ready. The sizes take turns, so load from elsewhere on the machine hits them alike; each formation gets hosts of its
 * own, destroyed afterwards.
 *
 * usage: node --import tsx bench/children/swarm-formation.ts '{"workers":[2,6],"runs":3,"cache":"/tmp/berth-bench-rootfs"}'
 * Reports `{ unavailable: reason }` on a machine that cannot run the harness.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { SwarmCluster } from "../../src/swarm/cluster";
import { Recorder } from "../../src/testing/recorder";
import { HarnessCloud } from "../../test/hosts/cloud";
import { Deployment } from "../../test/hosts/deploy";
import { Harness, harnessUnavailable, sleep } from "../../test/hosts/harness";
import { swarmProgram } from "../../test/hosts/swarm-program";
import { failChild, reportResult } from "../child";

/** The child's job. */
export interface FormationJob {
  /** Worker counts, each with 3 managers. */
  workers: number[];
  /** Formations kept per size (after one untimed warm-up formation of the smallest, when `warmup`). */
  runs: number;
  warmup: boolean;
  /** The folder the harness root file system is built in once and kept between runs (outside the repository). */
  cache: string;
}

/** What the child reports. */
export type FormationResult =
  | { unavailable: string }
  | {
      /** Milliseconds from the last machine started to every node Ready, by worker count. */
      samples: Record<string, number[]>;
      /** Seconds the root file system took to build (0 when it was cached). */
      rootfsSeconds: number;
    };

const MANAGERS = 3;

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2] ?? "") as FormationJob;
  const unavailable = harnessUnavailable();
  if (unavailable) {
    reportResult({ unavailable } satisfies FormationResult);
    return;
  }
  const began = Date.now();
  const harness = await Harness.open(job.cache);
  const rootfsSeconds = (Date.now() - began) / 1000;
  let deployment: Deployment | undefined;
  const rec = await Recorder.install({
    outputs: (a) => deployment!.register(a),
    calls: async (a) => ({ ...a.inputs, id: "net-harness" }),
  });
  const { SwarmCluster: Cluster } = (await import("../../src/swarm/cluster.js")) as { SwarmCluster: typeof SwarmCluster };
  const { SwarmStack } = await import("../../src/swarm/stack.js");
  const samples: Record<string, number[]> = Object.fromEntries(job.workers.map((w) => [String(w), []]));
  let formation = 0;
  const form = async (workers: number): Promise<number> => {
    const name = `f${formation++}`;
    const cloud = new HarnessCloud(harness, {});
    deployment = new Deployment(rec, cloud.handlers);
    const program: () => pulumi.Output<unknown>[] = swarmProgram({ SwarmCluster: Cluster, SwarmStack }, name, `${harness.subnet}.1/32`, workers, {}, false);
    const total = MANAGERS + workers;
    const up = deployment.up(program);
    up.catch(() => undefined);
    const manager0 = `${name}-manager-0`;
    let readyAt: number | undefined;
    const deadline = Date.now() + 600_000;
    while (readyAt === undefined) {
      if (Date.now() > deadline) throw new Error(`${name}: ${total} nodes not Ready in 10 minutes`);
      if (cloud.startedAt.size === total && harness.has(manager0)) {
        const r = await harness.exec(manager0, ["docker", "node", "ls", "--format", "{{.Status}}"]).catch(() => undefined);
        const ready = r?.code === 0 ? r.stdout.split("\n").filter((l) => l.trim() === "Ready").length : 0;
        if (ready === total) readyAt = Date.now();
      }
      if (readyAt === undefined) await sleep(250);
    }
    await up;
    const startedLast = Math.max(...cloud.startedAt.values()) * 1000;
    for (const host of cloud.startedAt.keys()) if (harness.has(host)) await harness.destroy(host);
    return readyAt - startedLast;
  };
  try {
    if (job.warmup) await form(job.workers[0]!);
    for (let run = 0; run < job.runs; run++) {
      for (const workers of job.workers) samples[String(workers)]!.push(await form(workers));
    }
  } finally {
    await harness.close();
  }
  reportResult({ samples, rootfsSeconds } satisfies FormationResult);
}

main().catch(failChild);
