import type { CloudInitConfig, CloudInitFile } from "../cloud/cloud-init";
import { renderCloudInit, shellAssignments } from "../cloud/cloud-init";
import { shellQuote } from "../core/shell-quote";
import { renderConfigScript } from "../cloud/config-script";
import { ENSURE_PACKAGES_SCRIPT, renderEnsurePackagesScript } from "../cloud/package-install";

/** The local user on managers that joining nodes log in as; its keys may only run the join-token script. */
export const SWARM_JOIN_USER = "berth-join";
/** The node label a manager's bootstrap sets on itself once its engine reports `Swarm.ControlAvailable`. */
export const SWARM_MANAGER_READY_LABEL = "berth.manager-ready";

/** Where the join-token script lives on managers. */
export const SWARM_JOIN_SCRIPT = "/usr/local/sbin/berth-swarm-join-token";
/** Where the bootstrap script lives on every node. */
export const SWARM_BOOTSTRAP_SCRIPT = "/usr/local/sbin/berth-swarm-bootstrap";

/** Cluster-level values every Swarm node's bootstrap is rendered from; nothing here is specific to another node. */
export interface SwarmBootstrapValues {
  /** The node's role. */
  role: "manager" | "worker";
  /** The node's index in its role (manager 0 initialises the swarm when no other manager answers). */
  index: number;
  /** The node's hostname, which is its swarm node name: `${cluster}-${role}-${index}` ("" in a self-healing pool: the cloud's). */
  hostname: string;
  /**
   * A machine of an existing pool (`existingHosts`), bootstrapped over SSH: its hostname is checked, never set (it keeps
   * the name it has), and the Docker packages are installed only when it has no engine at all (one from Docker's own
   * packages, `docker-ce`, is used as it is).
   * @default false (a machine the cluster creates, booted with user data)
   */
  existingMachine?: boolean;
  /** Every manager's stable private address, manager 0 first. */
  managerAddresses: string[];
  /** The image's login user, added to the `docker` group (for `ssh://` Docker API access). */
  sshUser: string;
  /** The private key this node fetches its join token with (OpenSSH form): the worker or the manager join key. */
  joinPrivateKey: string;
  /** Managers only: the public halves of the worker and manager join keys (OpenSSH form). */
  workerJoinPublicKey?: string;
  managerJoinPublicKey?: string;
  /**
   * The managers' SSH host keys (OpenSSH public form), pinned by joining nodes: one key that every manager has (a
   * cluster the cloud creates), or one per manager in `managerAddresses` order (an existing pool, each machine its own).
   */
  hostPublicKey: string | string[];
  /** Managers the cluster creates: the managers' shared SSH host private key (OpenSSH form). @default the machine's own */
  hostPrivateKey?: string;
  /** Debian packages providing the Docker engine. */
  dockerPackages: string[];
}

/**
 * The script a manager runs for a joining node (as the forced command of the join keys): it removes stale `Down`
 * entries left by a replaced machine of the same name, then prints the join token for the role its key allows.
 */
export function renderSwarmJoinTokenScript(): string {
  return `#!/bin/bash
# Berth: prints a swarm join token for the role given as $1 (fixed by the caller's key).
# The joining node passes its hostname (SSH_ORIGINAL_COMMAND). A machine of that name asking to join is in no swarm,
# so an entry of that name is a machine it replaced: wait (up to a minute) for the swarm to mark it Down, then remove
# it (demoted first if it was a manager, so the Raft membership shrinks back).
set -euo pipefail
role=$1
case "$role" in worker | manager) ;; *) echo "unknown role" >&2; exit 2 ;; esac
if [ "$(docker info --format '{{.Swarm.LocalNodeState}}' 2>/dev/null)" = inactive ]; then
  echo "not in a swarm yet" >&2
  exit 3
fi
caller=\${SSH_ORIGINAL_COMMAND:-}
if [[ "$caller" =~ ^[a-z0-9][a-z0-9-]{0,62}$ ]]; then
  for _ in $(seq 1 30); do
    live=$(docker node ls --format '{{.Hostname}} {{.Status}}' | awk -v n="$caller" '$1 == n && $2 != "Down"' | wc -l)
    if [ "$live" -eq 0 ]; then break; fi
    sleep 2
  done
  docker node ls --format '{{.ID}} {{.Hostname}} {{.Status}}' \\
    | awk -v n="$caller" '$2 == n && $3 == "Down" {print $1}' \\
    | while read -r id; do
      docker node demote "$id" >/dev/null 2>&1 || true
      for _ in $(seq 1 15); do
        if docker node rm --force "$id" >/dev/null 2>&1; then break; fi
        sleep 2
      done
    done
fi
exec docker swarm join-token -q "$role"
`;
}

/**
 * The bootstrap script every node runs once on first boot: start Docker (through systemd where it runs), then fetch
 * a join token from any other manager over SSH (host key pinned) and join. Manager 0 initialises the swarm only when
 * no manager is in one: at once when every other manager answers that it is in no swarm (a new cluster), or after a
 * minute in which no manager answered at all; a replaced manager 0 gets a token from a live manager and rejoins the
 * existing swarm instead of starting a new one. The token is never printed.
 */
export function renderSwarmBootstrapScript(v: Pick<SwarmBootstrapValues, "role" | "index" | "managerAddresses" | "hostname">): string {
  const vars = shellAssignments({
    ROLE: v.role,
    INDEX: String(v.index),
    NODE_NAME: v.hostname,
    MANAGERS: v.managerAddresses.join(" "),
    JOIN_USER: SWARM_JOIN_USER,
  });
  return `#!/bin/bash
# Berth: joins this machine to its swarm (or initialises it, on manager 0 of a new cluster).
set -euo pipefail
${vars}
NODE_NAME=\${NODE_NAME:-$(hostname)}
JOIN_KEY=/etc/berth/swarm-join-key
KNOWN_HOSTS=/etc/berth/swarm-known-hosts
# This machine's address on the cluster network: the source of its route to manager 0 (its own address, on manager 0).
# Not the first of \`hostname -I\`, which can be an engine bridge (docker0) that came up first.
first=\${MANAGERS%% *}
self=$(ip -o route get "$first" 2>/dev/null | awk '{for (i = 1; i < NF; i++) if ($i == "src") {print $(i + 1); exit}}')
self=\${self:-$(hostname -I | awk '{print $1}')}
if ! docker info >/dev/null 2>&1 && [ -d /run/systemd/system ]; then systemctl enable --now docker; fi
until docker info >/dev/null 2>&1; do sleep 2; done
if [ "$(docker info --format '{{.Swarm.LocalNodeState}}')" = active ]; then exit 0; fi
fetch_token() {
  ssh -i "$JOIN_KEY" -o BatchMode=yes -o ConnectTimeout=5 -o StrictHostKeyChecking=yes \\
    -o UserKnownHostsFile="$KNOWN_HOSTS" "$JOIN_USER@$1" "$NODE_NAME" 2>/dev/null
}
# A manager is ready once its own engine says it can manage (it has caught up with the Raft log), not when the node
# list first shows it: only then does it label itself, and the cluster's wait command waits for that label.
manager_ready() {
  if [ "$ROLE" != manager ]; then return 0; fi
  for _ in $(seq 1 300); do
    if [ "$(docker info --format '{{.Swarm.ControlAvailable}}' 2>/dev/null)" = true ]; then
      docker node update --label-add ${SWARM_MANAGER_READY_LABEL}=true "$(docker info --format '{{.Swarm.NodeID}}')" >/dev/null && return 0
    fi
    sleep 2
  done
  echo "this manager's engine did not report ControlAvailable within 10 minutes" >&2
  return 1
}
attempt=0
while :; do
  peers=0
  idle=0
  for host in $MANAGERS; do
    if [ "$host" = "$self" ]; then continue; fi
    peers=$((peers + 1))
    status=0
    token=$(fetch_token "$host") || status=$?
    if [ "$status" -eq 0 ] && [ -n "$token" ]; then
      docker swarm join --advertise-addr "$self" --token "$token" "$host:2377"
      manager_ready
      exit 0
    fi
    if [ "$status" -eq 3 ]; then idle=$((idle + 1)); fi
  done
  if [ "$ROLE" = manager ] && [ "$INDEX" = 0 ] && { [ "$idle" -eq "$peers" ] || [ "$attempt" -ge 30 ]; }; then
    docker swarm init --advertise-addr "$self"
    manager_ready
    exit 0
  fi
  attempt=$((attempt + 1))
  # Every 2 s: a node joins at most that long after manager 0's swarm exists (a retry is one SSH connection).
  sleep 2
done
`;
}

/**
 * What one Swarm node's bootstrap does, in cloud-init's terms: rendered as user data by {@link renderSwarmCloudInit}
 * for machines the cluster creates, and as a script run over SSH for machines of an existing pool.
 */
export function swarmBootstrapConfig(v: SwarmBootstrapValues): CloudInitConfig {
  const files: CloudInitFile[] = [
    { path: ENSURE_PACKAGES_SCRIPT, content: renderEnsurePackagesScript(), permissions: "0755" },
    { path: "/etc/berth/swarm-join-key", content: ensureNewline(v.joinPrivateKey), permissions: "0600" },
    { path: "/etc/berth/swarm-known-hosts", content: renderKnownHosts(v.managerAddresses, v.hostPublicKey) },
    { path: SWARM_BOOTSTRAP_SCRIPT, content: renderSwarmBootstrapScript(v), permissions: "0755" },
  ];
  const manager = v.role === "manager";
  if (manager) files.push({ path: SWARM_JOIN_SCRIPT, content: renderSwarmJoinTokenScript(), permissions: "0755" });
  const restrict = "no-port-forwarding,no-X11-forwarding,no-agent-forwarding,no-pty";
  return {
    ...(v.hostname !== "" ? { hostname: v.hostname } : {}),
    ...(manager
      ? {
          users: [
            {
              name: SWARM_JOIN_USER,
              groups: "docker",
              sshAuthorizedKeys: [
                `command="${SWARM_JOIN_SCRIPT} worker",${restrict} ${v.workerJoinPublicKey!.trim()}`,
                `command="${SWARM_JOIN_SCRIPT} manager",${restrict} ${v.managerJoinPublicKey!.trim()}`,
              ],
            },
          ],
        }
      : {}),
    ...(manager && v.hostPrivateKey !== undefined && typeof v.hostPublicKey === "string"
      ? { sshHostKeys: { ed25519Private: ensureNewline(v.hostPrivateKey), ed25519Public: v.hostPublicKey.trim() } }
      : {}),
    files,
    runcmd: [
      ...(v.existingMachine
        ? [["sh", "-c", 'command -v dockerd >/dev/null 2>&1 || exec "$0" "$@"', ENSURE_PACKAGES_SCRIPT, ...v.dockerPackages], [ENSURE_PACKAGES_SCRIPT, "openssh-client"]]
        : [[ENSURE_PACKAGES_SCRIPT, ...v.dockerPackages, "openssh-client"]]),
      ["groupadd", "-f", "docker"],
      ["usermod", "-aG", "docker", v.sshUser],
      [SWARM_BOOTSTRAP_SCRIPT],
    ],
  };
}

/** The cloud-config of one Swarm node (pure: same values, same text). */
export function renderSwarmCloudInit(v: SwarmBootstrapValues): string {
  return renderCloudInit(swarmBootstrapConfig(v));
}

/**
 * The bootstrap of one machine of an existing pool, as a bash script run as root over SSH (pure): the same
 * configuration as {@link renderSwarmCloudInit} renders for a new machine, with the hostname checked instead of set.
 * It holds the node's join key: send it as a secret on standard input, never on a command line.
 */
export function renderSwarmHostScript(v: SwarmBootstrapValues): string {
  return renderConfigScript(swarmBootstrapConfig({ ...v, existingMachine: true }));
}

/**
 * What undoes {@link renderSwarmHostScript} on a machine of an existing pool that leaves the cluster (run as root on
 * it, after manager 0 drained and removed its node): it leaves the swarm and removes Berth's files and join user. The
 * engine and any packages the bootstrap installed stay, and so does the login user's membership of `docker`.
 */
export function renderSwarmHostCleanupScript(): string {
  const files = ["/etc/berth/swarm-join-key", "/etc/berth/swarm-known-hosts", SWARM_BOOTSTRAP_SCRIPT, SWARM_JOIN_SCRIPT, ENSURE_PACKAGES_SCRIPT];
  return `#!/bin/bash
# Berth: this machine leaves its swarm and is left as it was before the cluster's bootstrap, engine and all.
set -uo pipefail
if [ "$(docker info --format '{{.Swarm.LocalNodeState}}' 2>/dev/null)" != inactive ]; then
  docker swarm leave --force || true
fi
if id -u ${SWARM_JOIN_USER} >/dev/null 2>&1; then userdel --force --remove ${SWARM_JOIN_USER} 2>/dev/null || userdel --force ${SWARM_JOIN_USER}; fi
rm -f ${files.join(" ")}
rmdir /etc/berth 2>/dev/null || true
exit 0
`;
}

/**
 * The known_hosts text joining nodes pin the managers with: one line listing every address when they share a key,
 * else one line per key with the addresses that present it.
 */
export function renderKnownHosts(addresses: readonly string[], keys: string | readonly string[]): string {
  const byKey = new Map<string, string[]>();
  addresses.forEach((address, i) => {
    const key = (typeof keys === "string" ? keys : (keys[i] ?? "")).trim();
    byKey.set(key, [...(byKey.get(key) ?? []), address]);
  });
  return [...byKey].map(([key, hosts]) => `${hosts.join(",")} ${key}\n`).join("");
}

/**
 * The delete-time command run on manager 0 before a node's machine is destroyed: drain it (and demote a manager),
 * wait for its tasks to move, then `docker node rm` every entry with its name.
 */
export function renderSwarmLeaveCommand(nodeName: string, role: "manager" | "worker"): string {
  const demote = role === "manager" ? `  sudo docker node demote "$id" || true\n` : "";
  return `#!/bin/bash
set -uo pipefail
node=${shellQuote(nodeName)}
mapfile -t ids < <(sudo docker node ls --format '{{.ID}} {{.Hostname}}' | awk -v n="$node" '$2 == n {print $1}')
if [ "\${#ids[@]}" -eq 0 ]; then exit 0; fi
for id in "\${ids[@]}"; do
${demote}  sudo docker node update --availability drain "$id" || true
done
for _ in $(seq 1 30); do
  running=$(sudo docker node ps "\${ids[@]}" --filter desired-state=running -q 2>/dev/null | wc -l)
  if [ "$running" -eq 0 ]; then break; fi
  sleep 2
done
for id in "\${ids[@]}"; do sudo docker node rm --force "$id" || true; done
`;
}

/** The create-time command of a node's leave resource: waits (up to 20 minutes) until the node is in the swarm. */
export function renderSwarmWaitCommand(nodeName: string, role: "manager" | "worker" = "worker"): string {
  // A manager also needs the label its own bootstrap sets once its engine reports ControlAvailable.
  const ready =
    role === "manager"
      ? `sudo docker node ls --filter role=manager --format '{{.ID}} {{.Hostname}} {{.Status}}' 2>/dev/null | awk -v n="$node" '$2 == n && $3 == "Ready" {print $1}' | while read -r id; do sudo docker node inspect "$id" --format '{{index .Spec.Labels "${SWARM_MANAGER_READY_LABEL}"}}'; done | grep -qx true`
      : `sudo docker node ls --format '{{.Hostname}} {{.Status}}' 2>/dev/null | grep -qx "$node Ready"`;
  const what = role === "manager" ? "become a Ready manager that can manage" : "become Ready";
  return `#!/bin/bash
set -euo pipefail
node=${shellQuote(nodeName)}
for _ in $(seq 1 240); do
  if ${ready}; then exit 0; fi
  sleep 5
done
echo "swarm node $node did not ${what} in 20 minutes; see /var/log/cloud-init-output.log on it" >&2
exit 1
`;
}

/**
 * The command that reads the join tokens on manager 0 and prints them encrypted (RSA-OAEP/SHA-256, base64, one per
 * line: worker then manager) to a key only the Pulumi program holds, so they are never plain text in logs or state.
 */
export function renderSwarmTokenCommand(encryptionPublicKeyPem: string): string {
  return `#!/bin/bash
set -euo pipefail
for _ in $(seq 1 360); do
  if [ "$(sudo docker info --format '{{.Swarm.ControlAvailable}}' 2>/dev/null)" = true ]; then break; fi
  sleep 5
done
pub=$(mktemp)
trap 'rm -f "$pub"' EXIT
cat >"$pub" <<'BERTH_PUBLIC_KEY'
${encryptionPublicKeyPem.trim()}
BERTH_PUBLIC_KEY
for role in worker manager; do
  sudo docker swarm join-token -q "$role" | tr -d '\\n' \\
    | openssl pkeyutl -encrypt -pubin -inkey "$pub" -pkeyopt rsa_padding_mode:oaep -pkeyopt rsa_oaep_md:sha256 \\
    | base64 -w0
  echo
done
`;
}

function ensureNewline(text: string): string {
  return text.endsWith("\n") ? text : `${text}\n`;
}
