import assert from "node:assert/strict";
import * as crypto from "node:crypto";
import { test } from "node:test";
import * as yaml from "js-yaml";
import {
  CNI_PLUGINS,
  DEFAULT_CNI,
  DEFAULT_KUBERNETES_VERSION,
  KUBERNETES_API_NAME,
  type KubeadmValues,
  kubeadmBootstrapToken,
  kubeadmCaCertHash,
  kubernetesPackages,
  parseKubernetesVersion,
  renderKubeadmInitConfig,
  renderKubeadmJoinConfig,
} from "../../src/kubernetes/cluster-kubeadm";

const cni: [string, string, string][] = [
  ["calico", "https://raw.githubusercontent.com/projectcalico/calico/v3.28.2/manifests/calico.yaml", "192.168.0.0/16"],
  ["flannel", "https://github.com/flannel-io/flannel/releases/download/v0.25.7/kube-flannel.yml", "10.244.0.0/16"],
];
for (const [name, url, subnet] of cni) {
  test(`CNI table row: ${name}`, () => assert.deepEqual(CNI_PLUGINS[name], { manifestUrl: url, podSubnet: subnet }));
}
test("the CNI table has exactly these rows", () => assert.deepEqual(Object.keys(CNI_PLUGINS), ["calico", "flannel"]));

test("kubeadmCaCertHash is sha256 over the SubjectPublicKeyInfo DER", () => {
  const { publicKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
  const pem = publicKey.export({ type: "spki", format: "pem" }).toString();
  const der = publicKey.export({ type: "spki", format: "der" });
  assert.equal(kubeadmCaCertHash(pem), `sha256:${crypto.createHash("sha256").update(der).digest("hex")}`);
  assert.match(kubeadmCaCertHash(pem), /^sha256:[0-9a-f]{64}$/);
});

const tokens: [string, string, string | RegExp][] = [
  ["abcdef", "0123456789abcdef", "abcdef.0123456789abcdef"],
  ["ABCDEF", "0123456789abcdef", /6 then 16 lowercase/],
  ["abcde", "0123456789abcdef", /6 then 16 lowercase/],
];
for (const [id, secret, expected] of tokens) {
  test(`kubeadmBootstrapToken(${id}, ${secret})`, () => {
    if (typeof expected === "string") assert.equal(kubeadmBootstrapToken(id, secret), expected);
    else assert.throws(() => kubeadmBootstrapToken(id, secret), expected);
  });
}

const versions: [string, { minor: number; patch: number } | undefined][] = [
  ["1.31.4", { minor: 31, patch: 4 }],
  ["1.32.0", { minor: 32, patch: 0 }],
  ["1.30.9", undefined],
  ["v1.31.4", undefined],
  ["1.31", undefined],
  ["latest", undefined],
];
for (const [version, expected] of versions) {
  test(`parseKubernetesVersion(${version})`, () => assert.deepEqual(parseKubernetesVersion(version), expected));
}

test("kubernetesPackages: the minor release's pkgs.k8s.io repository and the pinned Debian version", () => {
  assert.deepEqual(kubernetesPackages("1.31.4"), { repository: "https://pkgs.k8s.io/core:/stable:/v1.31/deb/", packageVersion: "1.31.4-1.1" });
  assert.deepEqual(kubernetesPackages("1.32.10"), { repository: "https://pkgs.k8s.io/core:/stable:/v1.32/deb/", packageVersion: "1.32.10-1.1" });
});

const values: KubeadmValues = {
  clusterName: "prod",
  kubernetesVersion: "1.31.4",
  nodeName: "prod-control-0",
  bootstrapToken: "abcdef.0123456789abcdef",
  caCertHash: "sha256:0123",
  podSubnet: "192.168.0.0/16",
  certSans: ["10.0.3.10", "198.51.100.30"],
};

test("init configuration: a never-expiring bootstrap token, the endpoint name, pod subnet and certificate names", () => {
  const docs = yaml.loadAll(renderKubeadmInitConfig(values));
  assert.deepEqual(docs, [
    {
      apiVersion: "kubeadm.k8s.io/v1beta4",
      kind: "InitConfiguration",
      bootstrapTokens: [
        {
          token: "abcdef.0123456789abcdef",
          description: "Berth: nodes join with this token; it never expires",
          ttl: "0s",
          usages: ["signing", "authentication"],
          groups: ["system:bootstrappers:kubeadm:default-node-token"],
        },
      ],
      nodeRegistration: { name: "prod-control-0", criSocket: "unix:///run/containerd/containerd.sock" },
    },
    {
      apiVersion: "kubeadm.k8s.io/v1beta4",
      kind: "ClusterConfiguration",
      clusterName: "prod",
      kubernetesVersion: "v1.31.4",
      controlPlaneEndpoint: "berth-kubernetes-api:6443",
      networking: { podSubnet: "192.168.0.0/16", serviceSubnet: "10.96.0.0/12" },
      apiServer: { certSANs: ["berth-kubernetes-api", "10.0.3.10", "198.51.100.30"] },
    },
  ]);
});

test("join configuration: token discovery pinned by the CA hash; control-plane nodes add controlPlane: {}", () => {
  const worker = { ...values, nodeName: "prod-worker-3" };
  const expected = {
    apiVersion: "kubeadm.k8s.io/v1beta4",
    kind: "JoinConfiguration",
    discovery: {
      bootstrapToken: { apiServerEndpoint: "berth-kubernetes-api:6443", token: "abcdef.0123456789abcdef", caCertHashes: ["sha256:0123"] },
    },
    nodeRegistration: { name: "prod-worker-3", criSocket: "unix:///run/containerd/containerd.sock" },
  };
  assert.deepEqual(yaml.loadAll(renderKubeadmJoinConfig(worker, false)), [expected]);
  assert.deepEqual(yaml.loadAll(renderKubeadmJoinConfig(worker, true)), [{ ...expected, controlPlane: {} }]);
  assert.deepEqual(yaml.loadAll(renderKubeadmJoinConfig({ ...worker, nodeName: "" }, false)), [
    { ...expected, nodeRegistration: { criSocket: "unix:///run/containerd/containerd.sock" } },
  ]);
});

test("constants: default CNI is in the table, default version parses", () => {
  assert.ok(CNI_PLUGINS[DEFAULT_CNI]);
  assert.deepEqual(parseKubernetesVersion(DEFAULT_KUBERNETES_VERSION), { minor: 31, patch: 4 });
  assert.equal(KUBERNETES_API_NAME, "berth-kubernetes-api");
});
