/** Shared arguments for the MesosCluster tests. */
import type { MesosClusterArgs } from "../../src/mesos/cluster";

export const ADMIN = ["203.0.113.0/24"];

export function openstackArgs(agents: number, masters = 3, adminCidrs: string[] = ADMIN): MesosClusterArgs {
  return {
    cloud: { openstack: { networkName: "private", floatingIpPool: "public" }, adminCidrs },
    masters: { count: masters, image: "ubuntu-22.04", size: "m1.medium" },
    agents: { count: agents, image: "ubuntu-22.04", size: "m1.large" },
  };
}

/** Waits for an output's value. */
export function value<T>(o: { apply<U>(f: (t: T) => U): unknown }): Promise<T> {
  return new Promise<T>((resolve) => {
    o.apply((v: T) => {
      resolve(v);
      return v;
    });
  });
}
