/** Shared arguments for the SwarmCluster tests. */
import type { SwarmClusterArgs } from "../../src/swarm/cluster";

export const ADMIN = ["203.0.113.0/24"];

export function openstackArgs(workers: number, adminCidrs: string[] = ADMIN): SwarmClusterArgs {
  return {
    cloud: { openstack: { networkName: "private", floatingIpPool: "public" }, adminCidrs },
    managers: { count: 1, image: "ubuntu-24.04", size: "m1.small" },
    workers: { count: workers, image: "ubuntu-24.04", size: "m1.large" },
  };
}

export function awsArgs(workers: number, selfHealing = false): SwarmClusterArgs {
  return {
    cloud: { aws: { vpcId: "vpc-1", subnetIds: ["subnet-a", "subnet-b"] }, adminCidrs: ADMIN },
    managers: { count: 3, image: "ami-123", size: "t3.small" },
    workers: { count: workers, image: "ami-123", size: "t3.large", selfHealing },
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
