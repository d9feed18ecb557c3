import assert from "node:assert/strict";
import { test } from "node:test";
import * as yaml from "js-yaml";
import {
  KUBEADM_INIT_CONFIG,
  KUBEADM_JOIN_CONFIG,
  KUBERNETES_BOOTSTRAP_SCRIPT,
  type KubernetesBootstrapValues,
  renderKubernetesApiWaitCommand,
  renderKubernetesBootstrapScript,
  renderKubernetesCloudInit,
  renderKubernetesLeaveCommand,
  renderKubernetesWaitCommand,
} from "../../src/kubernetes/cluster-bootstrap";
import { CNI_PLUGINS, renderKubeadmInitConfig, renderKubeadmJoinConfig } from "../../src/kubernetes/cluster-kubeadm";
import { renderAdminKubeconfig } from "../../src/kubernetes/cluster-kubeconfig";
import { assertShellcheckClean, assertValidCloudConfig } from "../cloud/validators";

const worker: KubernetesBootstrapValues = {
  role: "worker",
  index: 2,
  nodeName: "prod-worker-2",
  clusterName: "prod",
  kubernetesVersion: "1.31.4",
  controlPlaneAddresses: ["10.0.3.10", "10.0.3.11", "10.0.3.12"],
  cni: CNI_PLUGINS["calico"]!,
  podSubnet: "192.168.0.0/16",
  bootstrapToken: "abcdef.0123456789abcdef",
  caCertHash: "sha256:0123",
  certSans: [],
};
const pki = {
  caCert: "-----BEGIN CERTIFICATE-----\nY2E=\n-----END CERTIFICATE-----",
  caKey: "-----BEGIN PRIVATE KEY-----\nY2Eta2V5\n-----END PRIVATE KEY-----\n",
  frontProxyCaCert: "FPC",
  frontProxyCaKey: "FPK",
  etcdCaCert: "EC",
  etcdCaKey: "EK",
  serviceAccountKey: "SAK",
  serviceAccountPublicKey: "SAP",
};
const controlPlane: KubernetesBootstrapValues = {
  ...worker,
  role: "control-plane",
  index: 0,
  nodeName: "prod-control-0",
  certSans: ["10.0.3.10", "10.0.3.11", "10.0.3.12", "198.51.100.30"],
  pki,
};
const packages = ["apt-transport-https", "ca-certificates", "containerd", "curl", "gpg", "openssl"];
const file = (path: string, content: string, permissions: string) => ({ path, content, permissions, owner: "root:root" });

test("a worker's cloud-config: hostname, packages, the join configuration (0600), the bootstrap script; no keys", () => {
  const text = renderKubernetesCloudInit(worker);
  assert.ok(text.startsWith("#cloud-config\n"));
  assert.deepEqual(yaml.load(text.replace(/^#cloud-config\n/, "")), {
    hostname: "prod-worker-2",
    preserve_hostname: false,
    package_update: true,
    packages,
    write_files: [
      file(KUBEADM_JOIN_CONFIG, renderKubeadmJoinConfig(worker, false), "0600"),
      file(KUBERNETES_BOOTSTRAP_SCRIPT, renderKubernetesBootstrapScript(worker), "0755"),
    ],
    runcmd: [[KUBERNETES_BOOTSTRAP_SCRIPT]],
  });
  assertValidCloudConfig(text);
});

test("control-plane node 0's cloud-config: the shared PKI in /etc/kubernetes/pki, init and join configurations", () => {
  const text = renderKubernetesCloudInit(controlPlane);
  const doc = yaml.load(text.replace(/^#cloud-config\n/, "")) as Record<string, unknown>;
  assert.deepEqual(doc["write_files"], [
    file("/etc/kubernetes/pki/ca.crt", `${pki.caCert}\n`, "0644"),
    file("/etc/kubernetes/pki/ca.key", pki.caKey, "0600"),
    file("/etc/kubernetes/pki/front-proxy-ca.crt", "FPC\n", "0644"),
    file("/etc/kubernetes/pki/front-proxy-ca.key", "FPK\n", "0600"),
    file("/etc/kubernetes/pki/etcd/ca.crt", "EC\n", "0644"),
    file("/etc/kubernetes/pki/etcd/ca.key", "EK\n", "0600"),
    file("/etc/kubernetes/pki/sa.key", "SAK\n", "0600"),
    file("/etc/kubernetes/pki/sa.pub", "SAP\n", "0644"),
    file(KUBEADM_INIT_CONFIG, renderKubeadmInitConfig(controlPlane), "0600"),
    file(KUBEADM_JOIN_CONFIG, renderKubeadmJoinConfig(controlPlane, true), "0600"),
    file(KUBERNETES_BOOTSTRAP_SCRIPT, renderKubernetesBootstrapScript(controlPlane), "0755"),
  ]);
  assert.equal(doc["hostname"], "prod-control-0");
  assertValidCloudConfig(text);
  // Other control-plane nodes hold the same keys but no init configuration: only node 0 may start a cluster.
  const other = yaml.load(renderKubernetesCloudInit({ ...controlPlane, index: 1, nodeName: "prod-control-1" }).replace(/^#cloud-config\n/, "")) as {
    write_files: { path: string }[];
  };
  assert.deepEqual(
    other.write_files.map((f) => f.path),
    [
      "/etc/kubernetes/pki/ca.crt",
      "/etc/kubernetes/pki/ca.key",
      "/etc/kubernetes/pki/front-proxy-ca.crt",
      "/etc/kubernetes/pki/front-proxy-ca.key",
      "/etc/kubernetes/pki/etcd/ca.crt",
      "/etc/kubernetes/pki/etcd/ca.key",
      "/etc/kubernetes/pki/sa.key",
      "/etc/kubernetes/pki/sa.pub",
      KUBEADM_JOIN_CONFIG,
      KUBERNETES_BOOTSTRAP_SCRIPT,
    ],
  );
});

test("a self-healing worker (auto-scaling group) has no hostname: kubeadm takes the machine's", () => {
  const text = renderKubernetesCloudInit({ ...worker, nodeName: "" });
  const doc = yaml.load(text.replace(/^#cloud-config\n/, "")) as Record<string, unknown>;
  assert.equal(doc["hostname"], undefined);
  assertValidCloudConfig(text);
});

test("the bootstrap script: its values, pinned packages, join through a live control-plane node, init only on node 0", () => {
  const script = renderKubernetesBootstrapScript(controlPlane);
  const head = script.split("\n").slice(0, 12).join("\n");
  assert.equal(
    head,
    [
      "#!/bin/bash",
      "# Berth: installs containerd and kubeadm, then joins this machine to its Kubernetes cluster (or initialises it).",
      "set -euo pipefail",
      "ROLE=control-plane",
      "INDEX=0",
      "NODE_NAME=prod-control-0",
      "CONTROL_PLANES='10.0.3.10 10.0.3.11 10.0.3.12'",
      "API_NAME=berth-kubernetes-api",
      "K8S_REPOSITORY=https://pkgs.k8s.io/core:/stable:/v1.31/deb/",
      "K8S_PACKAGE=1.31.4-1.1",
      "CNI_MANIFEST=https://raw.githubusercontent.com/projectcalico/calico/v3.28.2/manifests/calico.yaml",
      `NODE_NAME=\${NODE_NAME:-$(hostname)}`,
    ].join("\n"),
  );
  for (const line of [
    'apt-get install -y -q "kubelet=$K8S_PACKAGE" "kubeadm=$K8S_PACKAGE" "kubectl=$K8S_PACKAGE"',
    "sed -i 's/SystemdCgroup = false/SystemdCgroup = true/' /etc/containerd/config.toml",
    `kubeadm join --config ${KUBEADM_JOIN_CONFIG}`,
    `kubeadm init --config ${KUBEADM_INIT_CONFIG}`,
    'kubectl --kubeconfig /etc/kubernetes/admin.conf apply -f "$CNI_MANIFEST"',
    'if [ "$ROLE" = control-plane ] && [ "$INDEX" = 0 ] && [ "$attempt" -ge 6 ]; then',
    'if curl -skf --max-time 5 "https://$host:6443/readyz" >/dev/null; then',
    "if [ -f /etc/kubernetes/kubelet.conf ]; then exit 0; fi",
  ]) {
    assert.ok(script.includes(line), line);
  }
  assert.doesNotMatch(script, /abcdef\.0123456789abcdef/, "the token is only in the 0600 configuration files");
  assert.doesNotMatch(script, /certificate-key|upload-certs/, "no uploaded certificates: they expire after two hours");
  assertShellcheckClean(script);
  assertShellcheckClean(renderKubernetesBootstrapScript(worker));
});

test("leave commands: drain and delete the node; a control-plane node's etcd member too; shellcheck-clean", () => {
  const w = renderKubernetesLeaveCommand("prod-worker-2", "worker");
  assert.equal(
    w,
    `#!/bin/bash
set -uo pipefail
node=prod-worker-2
if sudo kubectl --kubeconfig /etc/kubernetes/admin.conf get node "$node" >/dev/null 2>&1; then
  sudo kubectl --kubeconfig /etc/kubernetes/admin.conf drain "$node" --ignore-daemonsets --delete-emptydir-data --force --timeout=300s || true
  sudo kubectl --kubeconfig /etc/kubernetes/admin.conf delete node "$node" --ignore-not-found
fi
`,
  );
  const cp = renderKubernetesLeaveCommand("prod-control-2", "control-plane");
  assert.ok(cp.startsWith(w.replace("prod-worker-2", "prod-control-2")));
  assert.match(cp, /member list \| awk -F', ' -v n="\$node" '\$3 == n \{print \$1\}'/);
  assert.match(cp, /"\$\{etcdctl\[@\]\}" member remove "\$member"/);
  assert.equal(renderKubernetesLeaveCommand("it's", "worker").split("\n")[2], `node='it'\\''s'`);
  for (const s of [w, cp, renderKubernetesWaitCommand("prod-worker-2"), renderKubernetesApiWaitCommand()]) assertShellcheckClean(s);
});

test("wait commands: the node's Ready condition; the API server's /readyz", () => {
  assert.match(renderKubernetesWaitCommand("prod-worker-2"), /get node "\$node" -o jsonpath='\{\.status\.conditions\[\?\(@\.type=="Ready"\)\]\.status\}'/);
  assert.match(renderKubernetesApiWaitCommand(), /get --raw \/readyz/);
});

test("admin kubeconfig: one cluster, user and context, with the CA and client credentials base64-encoded", () => {
  const text = renderAdminKubeconfig({ clusterName: "prod", server: "https://198.51.100.30:6443", caCertPem: "CA", clientCertPem: "CERT", clientKeyPem: "KEY" });
  assert.deepEqual(yaml.load(text), {
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: "prod", cluster: { server: "https://198.51.100.30:6443", "certificate-authority-data": "Q0E=" } }],
    users: [{ name: "prod-admin", user: { "client-certificate-data": "Q0VSVA==", "client-key-data": "S0VZ" } }],
    contexts: [{ name: "prod", context: { cluster: "prod", user: "prod-admin" } }],
    "current-context": "prod",
  });
});
