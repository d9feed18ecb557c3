import type { CloudInitFile } from "../cloud/cloud-init";
import { renderCloudInit, shellAssignments } from "../cloud/cloud-init";
import { shellQuote } from "../core/shell-quote";
import type { CniChoice, KubeadmValues } from "./cluster-kubeadm";
import { KUBERNETES_API_NAME, kubernetesPackages, renderKubeadmInitConfig, renderKubeadmJoinConfig } from "./cluster-kubeadm";

/** Where the bootstrap script lives on every node. */
export const KUBERNETES_BOOTSTRAP_SCRIPT = "/usr/local/sbin/berth-kubernetes-bootstrap";
/** Where the `kubeadm init` configuration lives on control-plane nodes (it holds the bootstrap token: mode 0600). */
export const KUBEADM_INIT_CONFIG = "/etc/berth/kubeadm-init.yaml";
/** Where the `kubeadm join` configuration lives on every node (it holds the bootstrap token: mode 0600). */
export const KUBEADM_JOIN_CONFIG = "/etc/berth/kubeadm-join.yaml";

/**
 * The cluster-wide key material every control-plane node holds, in PEM, so that any of them can initialise the
 * cluster or join it as a control-plane node without fetching anything from a peer.
 */
export interface KubernetesPkiFiles {
  caCert: string;
  caKey: string;
  frontProxyCaCert: string;
  frontProxyCaKey: string;
  etcdCaCert: string;
  etcdCaKey: string;
  serviceAccountKey: string;
  serviceAccountPublicKey: string;
}

/** Cluster-level values every Kubernetes node's bootstrap is rendered from; nothing here is specific to another node. */
export interface KubernetesBootstrapValues extends KubeadmValues {
  /** The node's role. */
  role: "control-plane" | "worker";
  /** The node's index in its role (control-plane node 0 initialises the cluster when no peer answers). */
  index: number;
  /** Every control-plane node's stable private address, node 0 first. */
  controlPlaneAddresses: string[];
  /** The CNI plugin applied after `kubeadm init`. */
  cni: CniChoice;
  /** Control-plane nodes only: the shared certificates and keys. */
  pki?: KubernetesPkiFiles;
}

const KUBECTL_HEAL = `kubectl --server "https://$1:6443" --certificate-authority /etc/kubernetes/pki/ca.crt --client-certificate "$dir/heal.crt" --client-key "$dir/heal.key"`;

/**
 * The bash lines (inside a function body) that remove the etcd member named `$node` through the etcd pod of a live
 * control-plane node, with `$kubectl` already able to reach the API. Used on scale-in of a control-plane node and
 * before a replaced one rejoins (its old member would otherwise count against the quorum).
 */
function etcdMemberRemoval(kubectl: string): string {
  return `  etcd_pod=$(${kubectl} -n kube-system get pods -l component=etcd -o name | grep -v "/etcd-$node\\$" | head -n 1 || true)
  if [ -n "$etcd_pod" ]; then
    etcdctl=(${kubectl} -n kube-system exec "$etcd_pod" -- etcdctl --endpoints=https://127.0.0.1:2379
      --cacert=/etc/kubernetes/pki/etcd/ca.crt --cert=/etc/kubernetes/pki/etcd/healthcheck-client.crt
      --key=/etc/kubernetes/pki/etcd/healthcheck-client.key)
    member=$("\${etcdctl[@]}" member list | awk -F', ' -v n="$node" '$3 == n {print $1}')
    if [ -n "$member" ]; then "\${etcdctl[@]}" member remove "$member"; fi
  fi`;
}

/**
 * The bootstrap script every node runs once on first boot: kernel settings, containerd (systemd cgroups), kubelet,
 * kubeadm and kubectl pinned from pkgs.k8s.io, then join through the first control-plane node that answers; on
 * control-plane node 0 of a new cluster (no peer answers within a minute), `kubeadm init` and the CNI manifest. A
 * replaced control-plane node first removes its stale Node object and etcd member, with a short-lived admin
 * certificate it signs itself with the cluster CA it holds.
 */
export function renderKubernetesBootstrapScript(
  v: Pick<KubernetesBootstrapValues, "role" | "index" | "nodeName" | "controlPlaneAddresses" | "kubernetesVersion" | "cni">,
): string {
  const packages = kubernetesPackages(v.kubernetesVersion);
  const vars = shellAssignments({
    ROLE: v.role,
    INDEX: String(v.index),
    NODE_NAME: v.nodeName,
    CONTROL_PLANES: v.controlPlaneAddresses.join(" "),
    API_NAME: KUBERNETES_API_NAME,
    K8S_REPOSITORY: packages.repository,
    K8S_PACKAGE: packages.packageVersion,
    CNI_MANIFEST: v.cni.manifestUrl,
  });
  return `#!/bin/bash
# Berth: installs containerd and kubeadm, then joins this machine to its Kubernetes cluster (or initialises it).
set -euo pipefail
${vars}
NODE_NAME=\${NODE_NAME:-$(hostname)}
export DEBIAN_FRONTEND=noninteractive
if [ -f /etc/kubernetes/kubelet.conf ]; then exit 0; fi

printf 'overlay\\nbr_netfilter\\n' >/etc/modules-load.d/berth-kubernetes.conf
modprobe overlay
modprobe br_netfilter
printf 'net.bridge.bridge-nf-call-iptables = 1\\nnet.bridge.bridge-nf-call-ip6tables = 1\\nnet.ipv4.ip_forward = 1\\n' \\
  >/etc/sysctl.d/99-berth-kubernetes.conf
sysctl --system >/dev/null
swapoff -a
sed -i '/\\sswap\\s/s/^/#/' /etc/fstab
mkdir -p /etc/containerd
containerd config default >/etc/containerd/config.toml
sed -i 's/SystemdCgroup = false/SystemdCgroup = true/' /etc/containerd/config.toml
systemctl restart containerd
install -m 0755 -d /etc/apt/keyrings
curl -fsSL "\${K8S_REPOSITORY}Release.key" | gpg --dearmor --yes -o /etc/apt/keyrings/kubernetes-apt-keyring.gpg
echo "deb [signed-by=/etc/apt/keyrings/kubernetes-apt-keyring.gpg] $K8S_REPOSITORY /" >/etc/apt/sources.list.d/kubernetes.list
apt-get update -q
apt-get install -y -q "kubelet=$K8S_PACKAGE" "kubeadm=$K8S_PACKAGE" "kubectl=$K8S_PACKAGE"
apt-mark hold kubelet kubeadm kubectl
systemctl enable --now kubelet

self=$(hostname -I | awk '{print $1}')
point_api() {
  sed -i "/ $API_NAME\\$/d" /etc/hosts
  echo "$1 $API_NAME" >>/etc/hosts
}
live_peer() {
  for host in $CONTROL_PLANES; do
    if [ "$host" = "$self" ]; then continue; fi
    if curl -skf --max-time 5 "https://$host:6443/readyz" >/dev/null; then
      echo "$host"
      return 0
    fi
  done
  return 1
}
forget_stale_self() {
  local dir node=$NODE_NAME
  dir=$(mktemp -d)
  openssl req -new -newkey rsa:2048 -nodes -keyout "$dir/heal.key" -subj "/O=system:masters/CN=berth-heal-$node" -out "$dir/heal.csr" 2>/dev/null
  openssl x509 -req -in "$dir/heal.csr" -CA /etc/kubernetes/pki/ca.crt -CAkey /etc/kubernetes/pki/ca.key -CAcreateserial \\
    -days 1 -out "$dir/heal.crt" 2>/dev/null
  ${KUBECTL_HEAL} delete node "$node" --ignore-not-found
${etcdMemberRemoval(KUBECTL_HEAL)}
  rm -rf "$dir"
}
attempt=0
while :; do
  if peer=$(live_peer); then
    point_api "$peer"
    if [ "$ROLE" = control-plane ]; then
      # Control-plane nodes add etcd members one at a time: node i waits i minutes.
      sleep $((INDEX * 60))
      forget_stale_self "$peer" || echo "could not clean up a previous $NODE_NAME; joining anyway" >&2
      kubeadm join --config ${KUBEADM_JOIN_CONFIG}
      point_api "$self"
    else
      kubeadm join --config ${KUBEADM_JOIN_CONFIG}
    fi
    exit 0
  fi
  if [ "$ROLE" = control-plane ] && [ "$INDEX" = 0 ] && [ "$attempt" -ge 6 ]; then
    point_api "$self"
    kubeadm init --config ${KUBEADM_INIT_CONFIG}
    kubectl --kubeconfig /etc/kubernetes/admin.conf apply -f "$CNI_MANIFEST"
    exit 0
  fi
  attempt=$((attempt + 1))
  sleep 10
done
`;
}

function ensureNewline(text: string): string {
  return text.endsWith("\n") ? text : `${text}\n`;
}

/** The `/etc/kubernetes/pki` files of a control-plane node (keys readable by root only). */
export function kubernetesPkiFiles(pki: KubernetesPkiFiles): CloudInitFile[] {
  const dir = "/etc/kubernetes/pki";
  const rows: [string, string, string][] = [
    ["ca.crt", pki.caCert, "0644"],
    ["ca.key", pki.caKey, "0600"],
    ["front-proxy-ca.crt", pki.frontProxyCaCert, "0644"],
    ["front-proxy-ca.key", pki.frontProxyCaKey, "0600"],
    ["etcd/ca.crt", pki.etcdCaCert, "0644"],
    ["etcd/ca.key", pki.etcdCaKey, "0600"],
    ["sa.key", pki.serviceAccountKey, "0600"],
    ["sa.pub", pki.serviceAccountPublicKey, "0644"],
  ];
  return rows.map(([file, content, permissions]) => ({ path: `${dir}/${file}`, content: ensureNewline(content), permissions }));
}

/** The cloud-config of one Kubernetes node (pure: same values, same text). */
export function renderKubernetesCloudInit(v: KubernetesBootstrapValues): string {
  const controlPlane = v.role === "control-plane";
  const files: CloudInitFile[] = [
    ...(controlPlane && v.pki ? kubernetesPkiFiles(v.pki) : []),
    ...(controlPlane && v.index === 0 ? [{ path: KUBEADM_INIT_CONFIG, content: renderKubeadmInitConfig(v), permissions: "0600" }] : []),
    { path: KUBEADM_JOIN_CONFIG, content: renderKubeadmJoinConfig(v, controlPlane), permissions: "0600" },
    { path: KUBERNETES_BOOTSTRAP_SCRIPT, content: renderKubernetesBootstrapScript(v), permissions: "0755" },
  ];
  return renderCloudInit({
    ...(v.nodeName !== "" ? { hostname: v.nodeName } : {}),
    packages: ["apt-transport-https", "ca-certificates", "containerd", "curl", "gpg", "openssl"],
    files,
    runcmd: [[KUBERNETES_BOOTSTRAP_SCRIPT]],
  });
}

const KUBECTL = "sudo kubectl --kubeconfig /etc/kubernetes/admin.conf";

/**
 * The delete-time command run on control-plane node 0 before a node's machine is destroyed: cordon and drain it
 * (daemon sets stay, emptyDir data goes, five minutes at most), delete its Node object, and for a control-plane
 * node remove its etcd member so the quorum is counted without it.
 */
export function renderKubernetesLeaveCommand(nodeName: string, role: "control-plane" | "worker"): string {
  const etcd = role === "control-plane" ? `${etcdMemberRemoval(KUBECTL)}\n` : "";
  return `#!/bin/bash
set -uo pipefail
node=${shellQuote(nodeName)}
if ${KUBECTL} get node "$node" >/dev/null 2>&1; then
  ${KUBECTL} drain "$node" --ignore-daemonsets --delete-emptydir-data --force --timeout=300s || true
  ${KUBECTL} delete node "$node" --ignore-not-found
fi
${etcd}`;
}

/** The create-time command of a node's leave resource: waits (up to 20 minutes) until the node is Ready. */
export function renderKubernetesWaitCommand(nodeName: string): string {
  return `#!/bin/bash
set -euo pipefail
node=${shellQuote(nodeName)}
for _ in $(seq 1 240); do
  ready=$(${KUBECTL} get node "$node" -o jsonpath='{.status.conditions[?(@.type=="Ready")].status}' 2>/dev/null || true)
  if [ "$ready" = True ]; then exit 0; fi
  sleep 5
done
echo "Kubernetes node $node was not Ready after 20 minutes; see /var/log/cloud-init-output.log on it" >&2
exit 1
`;
}

/** The command that waits (up to 30 minutes) until the API server on control-plane node 0 is ready. */
export function renderKubernetesApiWaitCommand(): string {
  return `#!/bin/bash
set -euo pipefail
for _ in $(seq 1 360); do
  if ${KUBECTL} get --raw /readyz >/dev/null 2>&1; then exit 0; fi
  sleep 5
done
echo "the Kubernetes API server did not become ready in 30 minutes; see /var/log/cloud-init-output.log on control-plane node 0" >&2
exit 1
`;
}
