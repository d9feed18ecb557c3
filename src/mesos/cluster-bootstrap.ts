import { renderCloudInit, shellAssignments } from "../cloud/cloud-init";
import { shellQuote } from "../core/shell-quote";
import { MESOS_MASTER_PORT, mesosQuorum, zookeeperServers, zookeeperUrl } from "./cluster-ensemble";
import type { MesosImages } from "./cluster-images";

/** Where the bootstrap script lives on every Mesos machine. */
export const MESOS_BOOTSTRAP_SCRIPT = "/usr/local/sbin/berth-mesos-bootstrap";

/** How long (seconds) frameworks get to move tasks off an agent between its maintenance window and `machine/down`. */
export const MESOS_DRAIN_SECONDS = 120;

/** Cluster-level values every Mesos machine's bootstrap is rendered from; nothing here is specific to another machine. */
export interface MesosBootstrapValues {
  /** The machine's role. */
  role: "master" | "agent";
  /** The machine's index in its role (a master's ZooKeeper id is index + 1). */
  index: number;
  /** The machine's hostname, which is also the agent's Mesos hostname (its maintenance machine id). */
  hostname: string;
  /** The cluster's name (`MESOS_CLUSTER`). */
  clusterName: string;
  /** Every master's stable private address, master 0 first. */
  masterAddresses: string[];
  /** The images to run. */
  images: MesosImages;
  /** Masters only: also run Marathon. */
  marathon: boolean;
  /** Debian packages providing the Docker engine. */
  dockerPackages: string[];
}

const DOCKER_WAIT = "until docker info >/dev/null 2>&1; do sleep 2; done";

function masterScript(v: MesosBootstrapValues): string {
  const vars = shellAssignments({
    ZK_ID: String(v.index + 1),
    ZK_SERVERS: zookeeperServers(v.masterAddresses),
    MESOS_ZK_URL: zookeeperUrl(v.masterAddresses, "/mesos"),
    MARATHON_ZK_URL: zookeeperUrl(v.masterAddresses, "/marathon"),
    QUORUM: String(mesosQuorum(v.masterAddresses.length)),
    CLUSTER: v.clusterName,
    ZOOKEEPER_IMAGE: v.images.zookeeper,
    MASTER_IMAGE: v.images.master,
    MARATHON_IMAGE: v.images.marathon,
    MARATHON: v.marathon ? "yes" : "no",
  });
  return `#!/bin/bash
# Berth: runs this master's ZooKeeper server, Mesos master and (optionally) Marathon from pinned images.
set -euo pipefail
${vars}
self=$(hostname -I | awk '{print $1}')
${DOCKER_WAIT}
start() {
  local name=$1
  shift
  if docker inspect "$name" >/dev/null 2>&1; then return 0; fi
  docker run -d --name "$name" --restart always --net host "$@"
}
mkdir -p /var/lib/berth/zookeeper/data /var/lib/berth/zookeeper/datalog /var/lib/berth/mesos /var/log/berth/mesos
start zookeeper -e ZOO_MY_ID="$ZK_ID" -e ZOO_SERVERS="$ZK_SERVERS" \\
  -v /var/lib/berth/zookeeper/data:/data -v /var/lib/berth/zookeeper/datalog:/datalog "$ZOOKEEPER_IMAGE"
start mesos-master -e MESOS_ZK="$MESOS_ZK_URL" -e MESOS_QUORUM="$QUORUM" -e MESOS_CLUSTER="$CLUSTER" \\
  -e MESOS_IP="$self" -e MESOS_HOSTNAME="$self" -e MESOS_PORT=${MESOS_MASTER_PORT} -e MESOS_REGISTRY=replicated_log \\
  -e MESOS_WORK_DIR=/var/lib/mesos -e MESOS_LOG_DIR=/var/log/mesos \\
  -v /var/lib/berth/mesos:/var/lib/mesos -v /var/log/berth/mesos:/var/log/mesos "$MASTER_IMAGE"
if [ "$MARATHON" = yes ]; then
  start marathon -e MARATHON_HOSTNAME="$self" "$MARATHON_IMAGE" --master "$MESOS_ZK_URL" --zk "$MARATHON_ZK_URL"
fi
`;
}

function agentScript(v: MesosBootstrapValues): string {
  const vars = shellAssignments({
    NODE_NAME: v.hostname,
    MASTERS: v.masterAddresses.join(" "),
    MESOS_ZK_URL: zookeeperUrl(v.masterAddresses, "/mesos"),
    AGENT_IMAGE: v.images.agent,
  });
  return `#!/bin/bash
# Berth: runs this machine's Mesos agent from a pinned image, after ending any maintenance left on its name.
set -euo pipefail
${vars}
NODE_NAME=\${NODE_NAME:-$(hostname)}
self=$(hostname -I | awk '{print $1}')
${DOCKER_WAIT}
if docker inspect mesos-agent >/dev/null 2>&1; then exit 0; fi
# A machine of the same name that was drained (scale-in, or the one this machine replaces) is DOWN in the master's
# maintenance schedule and would be refused: bring it up first. Answers other than 200 (not down) are expected.
for master in $MASTERS; do
  if curl -sSL --max-time 10 -X POST -H 'Content-Type: application/json' \\
    -d "[{\\"hostname\\": \\"$NODE_NAME\\"}]" "http://$master:${MESOS_MASTER_PORT}/machine/up" >/dev/null; then
    break
  fi
done
mkdir -p /var/lib/berth/mesos-agent /var/log/berth/mesos-agent
docker run -d --name mesos-agent --restart always --net host --pid host --privileged \\
  -e MESOS_MASTER="$MESOS_ZK_URL" -e MESOS_IP="$self" -e MESOS_HOSTNAME="$NODE_NAME" \\
  -e MESOS_CONTAINERIZERS=docker,mesos -e MESOS_ISOLATION=posix/cpu,posix/mem -e MESOS_SWITCH_USER=0 \\
  -e MESOS_SYSTEMD_ENABLE_SUPPORT=false -e MESOS_WORK_DIR=/var/lib/mesos -e MESOS_LOG_DIR=/var/log/mesos \\
  -v /var/run/docker.sock:/var/run/docker.sock -v /var/lib/berth/mesos-agent:/var/lib/mesos \\
  -v /var/log/berth/mesos-agent:/var/log/mesos "$AGENT_IMAGE"
`;
}

/**
 * The bootstrap script of a Mesos machine. A master runs ZooKeeper (its id is its index + 1, the ensemble every
 * master's address), the Mesos master (replicated log with the majority quorum) and optionally Marathon; an agent
 * runs the Mesos agent pointed at the masters' `zk://` URL. Every container restarts with Docker.
 */
export function renderMesosBootstrapScript(v: MesosBootstrapValues): string {
  return v.role === "master" ? masterScript(v) : agentScript(v);
}

/** The cloud-config of one Mesos machine (pure: same values, same text). */
export function renderMesosCloudInit(v: MesosBootstrapValues): string {
  return renderCloudInit({
    ...(v.hostname !== "" ? { hostname: v.hostname } : {}),
    packages: [...v.dockerPackages, "curl", "jq"],
    files: [{ path: MESOS_BOOTSTRAP_SCRIPT, content: renderMesosBootstrapScript(v), permissions: "0755" }],
    runcmd: [["systemctl", "enable", "--now", "docker"], [MESOS_BOOTSTRAP_SCRIPT]],
  });
}

/**
 * The delete-time command run on master 0 before an agent's machine is destroyed: add a maintenance window for
 * the agent (by hostname) to the schedule, starting now, so frameworks get inverse offers and move their tasks;
 * wait {@link MESOS_DRAIN_SECONDS}; then mark the machine down, which ends what is still running there.
 */
export function renderMesosAgentLeaveCommand(agentName: string): string {
  return `#!/bin/bash
set -euo pipefail
node=${shellQuote(agentName)}
master=http://127.0.0.1:${MESOS_MASTER_PORT}
machine=$(jq -cn --arg n "$node" '[{hostname: $n}]')
schedule=$(curl -fsSL --max-time 10 "$master/maintenance/schedule" || echo '{}')
start=$(( $(date +%s) * 1000000000 ))
updated=$(jq -c --argjson m "$machine" --argjson s "$start" \\
  '.windows = ([(.windows // [])[] | .machine_ids -= $m | select(.machine_ids | length > 0)]
    + [{machine_ids: $m, unavailability: {start: {nanoseconds: $s}}}])' <<<"$schedule")
curl -fsSL --max-time 10 -X POST -H 'Content-Type: application/json' -d "$updated" "$master/maintenance/schedule"
sleep ${MESOS_DRAIN_SECONDS}
curl -sSL --max-time 10 -X POST -H 'Content-Type: application/json' -d "$machine" "$master/machine/down" || true
`;
}

/** The create-time command of an agent's leave resource: waits (up to 20 minutes) until the agent is registered. */
export function renderMesosAgentWaitCommand(agentName: string): string {
  return `#!/bin/bash
set -euo pipefail
node=${shellQuote(agentName)}
for _ in $(seq 1 240); do
  if curl -fsSL --max-time 10 http://127.0.0.1:${MESOS_MASTER_PORT}/slaves 2>/dev/null \\
    | jq -e --arg n "$node" '.slaves[] | select(.hostname == $n and .active)' >/dev/null; then
    exit 0
  fi
  sleep 5
done
echo "Mesos agent $node did not register in 20 minutes; see /var/log/cloud-init-output.log on it" >&2
exit 1
`;
}
