/**
 * One cluster under user-style mocks (berthMocks(), or mocks that echo inputs), in update mode; prints its main
 * outputs as JSON. Usage: node --import tsx mocks-program.ts swarm|kubernetes|mesos berth|bare
 */
import * as pulumi from "@pulumi/pulumi";
import { berthMocks } from "../../src/testing/mocks";

const [component, mocks] = process.argv.slice(2);
const bare: pulumi.runtime.Mocks = { newResource: (a) => ({ id: `${a.name}-id`, state: a.inputs }), call: (a) => a.inputs };
pulumi.runtime.setMocks(mocks === "berth" ? berthMocks() : bare, "p", "test", false);
let failure: unknown;
process.on("unhandledRejection", (e) => {
  failure ??= e;
});

function value<T>(o: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => o.apply(resolve));
}

async function main(): Promise<Record<string, unknown>> {
  const cloud = { openstack: { networkName: "private", floatingIpPool: "public" }, adminCidrs: ["203.0.113.0/24"] };
  if (component === "swarm") {
    const { SwarmCluster } = await import("../../src/swarm/cluster.js");
    const c = new SwarmCluster("apps", { cloud, managers: { count: 3, image: "u", size: "s" }, workers: { count: 2, image: "u", size: "s" } });
    return { managerPublicAddresses: await value(c.managerPublicAddresses), dockerHost: await value(c.dockerHost), workerToken: await value(c.workerToken), sshKnownHosts: await value(c.sshKnownHosts) };
  }
  if (component === "kubernetes") {
    const { KubernetesCluster } = await import("../../src/kubernetes/cluster.js");
    const c = new KubernetesCluster("prod", { cloud, controlPlane: { count: 1, image: "u", size: "s" }, workers: { count: 2, image: "u", size: "s" } });
    return { apiServer: await value(c.apiServer), kubeconfig: await value(c.kubeconfig) };
  }
  const { MesosCluster } = await import("../../src/mesos/cluster.js");
  const c = new MesosCluster("batch", { cloud, masters: { count: 1, image: "u", size: "s" }, agents: { count: 2, image: "u", size: "s" } });
  return { masterAddress: await value(c.masterAddress), zookeeperUrl: await value(c.zookeeperUrl) };
}

const timer = setTimeout(() => {
  process.stderr.write(`${failure instanceof Error ? failure.message : String(failure ?? "the outputs never resolved")}\n`);
  process.exit(1);
}, 8000);
/** Waits for every registration in flight (the barrier Pulumi's runtime uses; internal, so not in its types). */
async function settle(): Promise<void> {
  const runtime = pulumi.runtime as unknown as { waitForRPCs(): Promise<void> };
  for (let i = 0; i < 3; i++) {
    await runtime.waitForRPCs();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

main().then(
  async (outputs) => {
    await settle();
    clearTimeout(timer);
    if (failure) {
      process.stderr.write(`${failure instanceof Error ? failure.message : String(failure)}\n`);
      process.exit(1);
    }
    process.stdout.write(JSON.stringify(outputs));
    process.exit(0);
  },
  (err: unknown) => {
    clearTimeout(timer);
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
