/**
 * Bench child for row 4: builds one cluster component under the recording mocks, on each cloud and for each worker
 * count, and reports the critical path of what it registered. The mock outputs (addresses, keys, command output) are
 * the cluster tests' own, from test/cloud/mock-cloud.ts.
 *
 * usage: node --import tsx bench/children/cluster-depth.ts '{"module":"src/swarm/cluster.ts","className":"SwarmCluster","controlPool":"managers","workers":[1,10,50]}'
 */
import * as path from "node:path";
import type * as pulumi from "@pulumi/pulumi";
import { Recorder } from "../../src/resources/recorder";
import { ROOT, failChild, reportResult } from "../child";
import { criticalPath } from "../graph";
import { CLUSTER_CLOUDS, type ClusterCloud, clusterArgs } from "../programs/clusters";

/** The child's job. */
export interface DepthJob {
  module: string;
  className: string;
  /** The name of the control pool argument (`managers`, `controlPlane`). */
  controlPool: string;
  workers: number[];
}

/** One cluster built. */
export interface DepthCase {
  cloud: ClusterCloud;
  workers: number;
  depth: number;
  resources: number;
}

type ClusterClass = new (name: string, args: unknown, opts?: pulumi.ComponentResourceOptions) => pulumi.ComponentResource;
type MockModule = {
  mockOutputs: NonNullable<Parameters<typeof Recorder.install>[0]>["outputs"];
  mockCalls: NonNullable<Parameters<typeof Recorder.install>[0]>["calls"];
};

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2] ?? "") as DepthJob;
  const mocks = (await import(path.join(ROOT, "test/cloud/mock-cloud.ts"))) as MockModule;
  const rec = await Recorder.install({ outputs: mocks.mockOutputs, calls: mocks.mockCalls });
  const mod = (await import(path.join(ROOT, job.module))) as Record<string, unknown>;
  const Cluster = mod[job.className] as ClusterClass | undefined;
  if (typeof Cluster !== "function") throw new Error(`${job.module} exports no ${job.className}`);
  const cases: DepthCase[] = [];
  for (const cloud of CLUSTER_CLOUDS) {
    for (const workers of job.workers) {
      rec.reset();
      new Cluster("bench", clusterArgs(cloud, job.controlPool, workers));
      await rec.settle();
      cases.push({ cloud, workers, depth: criticalPath(rec.resources), resources: rec.resources.length });
    }
  }
  reportResult({ cases });
  // Outputs nobody awaited may still be pending in the mock runtime; the result is out, so leave now.
  process.exit(0);
}

main().catch(failChild);
