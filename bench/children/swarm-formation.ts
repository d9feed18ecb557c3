/**
 * Bench child for row 7: forms SwarmClusters of 3 managers and N workers on the multi-host harness (test/hosts/), each
 * machine a Debian host booting its Berth-rendered user data with cloud-init, and reports the moments of each
 * formation: machines started, booted (their bootstrap starting), manager 0's swarm created, the last node joined,
 * every node Ready. The sizes take turns, so load from elsewhere on the machine hits them alike; each formation gets
 * hosts of its own, destroyed afterwards.
 *
 * usage: node --import tsx bench/children/swarm-formation.ts '{"workers":[2,6],"runs":3,"cache":"/tmp/berth-bench-rootfs"}'
 * Reports `{ unavailable: reason }` on a machine that cannot run the harness.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { SwarmCluster } from "../../src/swarm/cluster";
import { Recorder } from "../../src/resources/recorder";
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

/** One formation, as moments on the machine's clock (ms since the epoch; every host shares the kernel's clock). */
export interface Formation {
  workers: number;
  /** The last machine started (harness boot returned: the cloud's ACTIVE). */
  started: number;
  /** The last machine booted: it reached cloud-init's final stage, where its Berth bootstrap (runcmd) starts. */
  booted: number;
  /** Manager 0's swarm created (its own node entry), by the swarm's records. */
  initialised: number;
  /** The last node's entry created (its join), by the swarm's records. */
  lastJoined: number;
  /** Manager 0 first listed every node Ready (polled every 250 ms). */
  ready: number;
}

/** What the child reports. */
export type FormationResult =
  | { unavailable: string }
  | {
      /** The kept formations (the warm-up left out), in the order they ran. */
      formations: Formation[];
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
  let count = 0;
  const form = async (workers: number): Promise<Formation> => {
    const name = `f${count++}`;
    const cloud = new HarnessCloud(harness, {});
    deployment = new Deployment(rec, cloud.handlers);
    const program: () => pulumi.Output<unknown>[] = swarmProgram({ SwarmCluster: Cluster, SwarmStack }, name, `${harness.subnet}.1/32`, workers, {}, false);
    const total = MANAGERS + workers;
    const up = deployment.up(program);
    up.catch(() => undefined);
    const manager0 = `${name}-manager-0`;
    let ready: number | undefined;
    const deadline = Date.now() + 600_000;
    while (ready === undefined) {
      if (Date.now() > deadline) throw new Error(`${name}: ${total} nodes not Ready in 10 minutes`);
      if (cloud.startedAt.size === total && harness.has(manager0)) {
        const r = await harness.exec(manager0, ["docker", "node", "ls", "--format", "{{.Status}}"]).catch(() => undefined);
        const listed = r?.code === 0 ? r.stdout.split("\n").filter((l) => l.trim() === "Ready").length : 0;
        if (listed === total) ready = Date.now();
      }
      if (ready === undefined) await sleep(250);
    }
    await up;
    const hosts = [...cloud.startedAt.keys()];
    const created = await nodeCreation(harness, manager0);
    const finals = hosts.map((h) => harness.host(h).stages()["final"]);
    if (finals.some((f) => f === undefined)) throw new Error(`${name}: a host has no final stage in its boot log`);
    const formation: Formation = {
      workers,
      started: Math.max(...cloud.startedAt.values()) * 1000,
      booted: Math.max(...finals.map((f) => f!)) * 1000,
      initialised: created.get(manager0) ?? Number.NaN,
      lastJoined: Math.max(...created.values()),
      ready,
    };
    for (const host of hosts) if (harness.has(host)) await harness.destroy(host);
    return formation;
  };
  const formations: Formation[] = [];
  try {
    if (job.warmup) await form(job.workers[0]!);
    for (let run = 0; run < job.runs; run++) {
      for (const workers of job.workers) formations.push(await form(workers));
    }
  } finally {
    await harness.close();
  }
  reportResult({ formations, rootfsSeconds } satisfies FormationResult);
}

/** When each node's entry was created in the swarm (ms since the epoch), by hostname, from manager 0's records. */
async function nodeCreation(harness: Harness, manager0: string): Promise<Map<string, number>> {
  const ids = (await harness.docker(manager0, ["node", "ls", "-q"])).trim().split("\n").filter((l) => l !== "");
  const text = await harness.docker(manager0, ["node", "inspect", "--format", "{{.Description.Hostname}} {{json .CreatedAt}}", ...ids]);
  const out = new Map<string, number>();
  for (const line of text.trim().split("\n")) {
    const [host, at] = line.trim().split(" ");
    // RFC 3339 with nanoseconds: keep milliseconds, which Date.parse reads.
    const ms = Date.parse((at ?? "").replace(/"/g, "").replace(/(\.\d{3})\d*/, "$1"));
    if (host && !Number.isNaN(ms)) out.set(host, ms);
  }
  return out;
}

main().catch(failChild);
