/** The ZooKeeper client port. */
export const ZOOKEEPER_CLIENT_PORT = 2181;
/** The ZooKeeper peer (quorum) port. */
export const ZOOKEEPER_PEER_PORT = 2888;
/** The ZooKeeper leader-election port. */
export const ZOOKEEPER_ELECTION_PORT = 3888;
/** The Mesos master's HTTP port. */
export const MESOS_MASTER_PORT = 5050;
/** Marathon's HTTP port. */
export const MARATHON_PORT = 8080;

/**
 * The majority of `masters`: the Mesos replicated log's `--quorum`, and how many ZooKeeper servers must be up for
 * the ensemble to serve (1 of 1, 2 of 3, 3 of 5).
 */
export function mesosQuorum(masters: number): number {
  return Math.floor(masters / 2) + 1;
}

/**
 * The `ZOO_SERVERS` value of the official ZooKeeper image (3.5 and later): `server.<i+1>=<address>:2888:3888;2181`
 * for every master, space-separated, master 0 first. Each master's `ZOO_MY_ID` is its index plus one.
 */
export function zookeeperServers(masterAddresses: readonly string[]): string {
  return masterAddresses
    .map((a, i) => `server.${i + 1}=${a}:${ZOOKEEPER_PEER_PORT}:${ZOOKEEPER_ELECTION_PORT};${ZOOKEEPER_CLIENT_PORT}`)
    .join(" ");
}

/** A `zk://` URL naming every master's ZooKeeper server, with a path (`/mesos`, `/marathon`). */
export function zookeeperUrl(masterAddresses: readonly string[], path: string): string {
  return `zk://${masterAddresses.map((a) => `${a}:${ZOOKEEPER_CLIENT_PORT}`).join(",")}${path}`;
}
