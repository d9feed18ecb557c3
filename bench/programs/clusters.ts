/**
 * Cluster arguments for the graph-depth row: the same machines on OpenStack and on AWS for a SwarmCluster
 * (`managers`) and a KubernetesCluster (`controlPlane`), with any number of workers.
 */

/** The clouds the row builds clusters on. */
export const CLUSTER_CLOUDS = ["openstack", "aws"] as const;

/** One of {@link CLUSTER_CLOUDS}. */
export type ClusterCloud = (typeof CLUSTER_CLOUDS)[number];

const ADMIN = ["203.0.113.0/24"];

/** Arguments for a cluster whose control pool is named `controlPool` (`managers` or `controlPlane`). */
export function clusterArgs(cloud: ClusterCloud, controlPool: string, workers: number): Record<string, unknown> {
  if (cloud === "openstack") {
    return {
      cloud: { openstack: { networkName: "private", floatingIpPool: "public" }, adminCidrs: ADMIN },
      [controlPool]: { count: 1, image: "ubuntu-24.04", size: "m1.medium" },
      workers: { count: workers, image: "ubuntu-24.04", size: "m1.large" },
    };
  }
  return {
    cloud: { aws: { vpcId: "vpc-1", subnetIds: ["subnet-a", "subnet-b"] }, adminCidrs: ADMIN },
    [controlPool]: { count: 3, image: "ami-123", size: "t3.medium" },
    workers: { count: workers, image: "ami-123", size: "t3.large" },
  };
}
