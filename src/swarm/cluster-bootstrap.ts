import type { CloudInitFile } from "../cloud/cloud-init";
import { renderCloudInit, shellAssignments, shellQuote } from "../cloud/cloud-init";

/** The local user on managers that joining nodes log in as; its keys may only run the join-token script. */
export const SWARM_JOIN_USER = "berth-join";
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
  /** Every manager's stable private address, manager 0 first. */
  managerAddresses: string[];
  /** The image's login user, added to the `docker` group (for `ssh://` Docker API access). */
  sshUser: string;
  /** The private key this node fetches its join token with (OpenSSH form): the worker or the manager join key. */
  joinPrivateKey: string;
  /** Managers only: the public halves of the worker and manager join keys (OpenSSH form). */
  workerJoinPublicKey?: string;
  managerJoinPublicKey?: string;
  /** The managers' SSH host key (OpenSSH public form), pinned by joining nodes. */
  hostPublicKey: string;
  /** Managers only: the managers' SSH host private key (OpenSSH form). */
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
# The joining node passes its hostname (SSH_ORIGINAL_COMMAND); stale Down nodes of that name are removed first.
set -euo pipefail
role=$1
case "$role" in worker | manager) ;; *) echo "unknown role" >&2; exit 2 ;; esac
caller=\${SSH_ORIGINAL_COMMAND:-}
if [[ "$caller" =~ ^[a-z0-9][a-z0-9-]{0,62}$ ]]; then
  docker node ls --format '{{.ID}} {{.Hostname}} {{.Status}}' \\
    | awk -v n="$caller" '$2 == n && $3 == "Down" {print $1}' \\
    | while read -r id; do docker node rm --force "$id" >/dev/null || true; done
fi
exec docker swarm join-token -q "$role"
`;
}

/**
 * The bootstrap script every node runs once on first boot: wait for Docker, then fetch a join token from any other
 * manager over SSH (host key pinned) and join; manager 0 initialises the swarm only when no manager answers, so a
 * replaced manager 0 rejoins the existing swarm instead of starting a new one. The token is never printed.
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
self=$(hostname -I | awk '{print $1}')
until docker info >/dev/null 2>&1; do sleep 2; done
if [ "$(docker info --format '{{.Swarm.LocalNodeState}}')" = active ]; then exit 0; fi
fetch_token() {
  ssh -i "$JOIN_KEY" -o BatchMode=yes -o ConnectTimeout=5 -o StrictHostKeyChecking=yes \\
    -o UserKnownHostsFile="$KNOWN_HOSTS" "$JOIN_USER@$1" "$NODE_NAME" 2>/dev/null
}
attempt=0
while :; do
  for host in $MANAGERS; do
    if [ "$host" = "$self" ]; then continue; fi
    if token=$(fetch_token "$host") && [ -n "$token" ]; then
      docker swarm join --advertise-addr "$self" --token "$token" "$host:2377"
      exit 0
    fi
  done
  if [ "$ROLE" = manager ] && [ "$INDEX" = 0 ] && [ "$attempt" -ge 6 ]; then
    docker swarm init --advertise-addr "$self"
    exit 0
  fi
  attempt=$((attempt + 1))
  sleep 10
done
`;
}

/** The cloud-config of one Swarm node (pure: same values, same text). */
export function renderSwarmCloudInit(v: SwarmBootstrapValues): string {
  const files: CloudInitFile[] = [
    { path: "/etc/berth/swarm-join-key", content: ensureNewline(v.joinPrivateKey), permissions: "0600" },
    {
      path: "/etc/berth/swarm-known-hosts",
      content: `${v.managerAddresses.join(",")} ${v.hostPublicKey.trim()}\n`,
    },
    { path: SWARM_BOOTSTRAP_SCRIPT, content: renderSwarmBootstrapScript(v), permissions: "0755" },
  ];
  const manager = v.role === "manager";
  if (manager) files.push({ path: SWARM_JOIN_SCRIPT, content: renderSwarmJoinTokenScript(), permissions: "0755" });
  const restrict = "no-port-forwarding,no-X11-forwarding,no-agent-forwarding,no-pty";
  return renderCloudInit({
    ...(v.hostname !== "" ? { hostname: v.hostname } : {}),
    packages: [...v.dockerPackages, "openssh-client"],
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
          sshHostKeys: { ed25519Private: ensureNewline(v.hostPrivateKey!), ed25519Public: v.hostPublicKey.trim() },
        }
      : {}),
    files,
    runcmd: [
      ["groupadd", "-f", "docker"],
      ["usermod", "-aG", "docker", v.sshUser],
      ["systemctl", "enable", "--now", "docker"],
      [SWARM_BOOTSTRAP_SCRIPT],
    ],
  });
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
export function renderSwarmWaitCommand(nodeName: string): string {
  return `#!/bin/bash
set -euo pipefail
node=${shellQuote(nodeName)}
for _ in $(seq 1 240); do
  if sudo docker node ls --format '{{.Hostname}} {{.Status}}' 2>/dev/null | grep -qx "$node Ready"; then exit 0; fi
  sleep 5
done
echo "swarm node $node did not become Ready in 20 minutes; see /var/log/cloud-init-output.log on it" >&2
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
