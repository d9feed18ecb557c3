/** Shared arguments for the KubernetesCluster tests. */
import type { KubernetesClusterArgs } from "../../src/kubernetes/cluster";

export const ADMIN = ["203.0.113.0/24"];

export function openstackArgs(workers: number, adminCidrs: string[] = ADMIN): KubernetesClusterArgs {
  return {
    cloud: { openstack: { networkName: "private", floatingIpPool: "public" }, adminCidrs },
    controlPlane: { count: 1, image: "ubuntu-24.04", size: "m1.medium" },
    workers: { count: workers, image: "ubuntu-24.04", size: "m1.large" },
  };
}

export function awsArgs(workers: number, selfHealing = false): KubernetesClusterArgs {
  return {
    cloud: { aws: { vpcId: "vpc-1", subnetIds: ["subnet-a", "subnet-b"] }, adminCidrs: ADMIN },
    controlPlane: { count: 3, image: "ami-123", size: "t3.medium" },
    workers: { count: workers, image: "ami-123", size: "t3.large", selfHealing },
    cni: "flannel",
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
