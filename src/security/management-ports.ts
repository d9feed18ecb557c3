/** A management port: what it is, and the TCP ports it covers. */
export interface ManagementPort {
  /** What listens there. */
  service: string;
  from: number;
  to: number;
}

/**
 * Ports that must never be open to the whole internet unless the user asked for it (by listing `0.0.0.0/0` or `::/0`
 * in `adminCidrs`): remote shells and the APIs that control a cluster.
 */
export const MANAGEMENT_PORTS: readonly ManagementPort[] = [
  { service: "SSH", from: 22, to: 22 },
  { service: "Docker Engine API without TLS", from: 2375, to: 2375 },
  { service: "Docker Engine API (TLS)", from: 2376, to: 2376 },
  { service: "Swarm cluster management", from: 2377, to: 2377 },
  { service: "Kubernetes API server", from: 6443, to: 6443 },
  { service: "kubelet API", from: 10250, to: 10250 },
  { service: "etcd", from: 2379, to: 2380 },
  { service: "Mesos master", from: 5050, to: 5050 },
  { service: "ZooKeeper", from: 2181, to: 2181 },
  { service: "Marathon", from: 8080, to: 8080 },
];

/** CIDRs that mean "anyone". */
export const WORLD_CIDRS: readonly string[] = ["0.0.0.0/0", "::/0"];

/** The management ports a port range (inclusive) overlaps. */
export function managementPortsIn(from: number, to: number): ManagementPort[] {
  return MANAGEMENT_PORTS.filter((p) => p.from <= to && p.to >= from);
}
