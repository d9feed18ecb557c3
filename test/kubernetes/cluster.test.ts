import assert from "node:assert/strict";
import { before, test } from "node:test";
import * as pulumi from "@pulumi/pulumi";
import * as yaml from "js-yaml";
import { Recorder } from "../../src/resources/recorder";
import type { KubernetesCluster as KubernetesClusterType } from "../../src/kubernetes/cluster";
import {
  type KubernetesPkiFiles,
  renderKubernetesApiWaitCommand,
  renderKubernetesCloudInit,
  renderKubernetesLeaveCommand,
  renderKubernetesWaitCommand,
} from "../../src/kubernetes/cluster-bootstrap";
import { CNI_PLUGINS, kubeadmCaCertHash } from "../../src/kubernetes/cluster-kubeadm";
import { renderAdminKubeconfig } from "../../src/kubernetes/cluster-kubeconfig";
import { checkClusterSecurity } from "../../src/security/check";
import { mockCalls, mockOutputs, rsaKey } from "../cloud/mock-cloud";
import { assertSecure } from "../security/assert-secure";
import { ADMIN, openstackArgs, value } from "./cluster-fixture";

let rec: Recorder;
let KubernetesCluster: typeof KubernetesClusterType;
let cluster: KubernetesClusterType;
before(async () => {
  rec = await Recorder.install({ outputs: mockOutputs, calls: mockCalls });
  ({ KubernetesCluster } = await import("../../src/kubernetes/cluster.js"));
  cluster = new KubernetesCluster("k", openstackArgs(2));
  await rec.settle();
  await value(cluster.kubeconfig);
});

/** What the mocks answer for a resource (the same function the recorder uses). */
function mocked(type: string, name: string, inputs: Record<string, unknown>, key: string): string {
  const state = mockOutputs({ type, name, inputs } as pulumi.runtime.MockResourceArgs)!.state;
  return state[key] as string;
}
const certOf = (name: string) => mocked("tls:index/selfSignedCert:SelfSignedCert", name, {}, "certPem");
const TOKEN = `${mocked("random:index/randomString:RandomString", "k-token-id", { length: 6 }, "result")}.${mocked("random:index/randomString:RandomString", "k-token-secret", { length: 16 }, "result")}`;
const RSA = () => rsaKey();

const C = "berth:index:KubernetesCluster";
test("OpenStack: exactly these resources, with these parents", () => {
  assert.deepEqual(
    rec.resources.map((r) => `${r.type} ${r.name} <- ${r.parentName ?? "-"}`).sort(),
    [
      "berth:index:ClusterSite k-site <- k",
      `${C} k <- -`,
      "command:remote:Command k-api-ready <- k",
      "command:remote:Command k-worker-0-leave <- k",
      "command:remote:Command k-worker-1-leave <- k",
      "openstack:compute/instance:Instance k-control-0 <- k",
      "openstack:compute/instance:Instance k-worker-0 <- k",
      "openstack:compute/instance:Instance k-worker-1 <- k",
      "openstack:compute/keypair:Keypair k-site-key <- k-site",
      "openstack:networking/floatingIp:FloatingIp k-control-0-fip <- k",
      "openstack:networking/floatingIpAssociate:FloatingIpAssociate k-control-0-fip-assoc <- k",
      "openstack:networking/port:Port k-control-0-port <- k",
      "openstack:networking/port:Port k-worker-0-port <- k",
      "openstack:networking/port:Port k-worker-1-port <- k",
      "openstack:networking/secGroup:SecGroup k-site-sg <- k-site",
      "openstack:networking/secGroupRule:SecGroupRule k-site-sg-admin-kube-api-0 <- k-site",
      "openstack:networking/secGroupRule:SecGroupRule k-site-sg-admin-ssh-0 <- k-site",
      "openstack:networking/secGroupRule:SecGroupRule k-site-sg-internal-ipv4 <- k-site",
      "openstack:networking/secGroupRule:SecGroupRule k-site-sg-internal-ipv6 <- k-site",
      "pulumi:providers:kubernetes k-k8s <- k",
      "random:index/randomString:RandomString k-token-id <- k",
      "random:index/randomString:RandomString k-token-secret <- k",
      "tls:index/certRequest:CertRequest k-admin-csr <- k",
      "tls:index/locallySignedCert:LocallySignedCert k-admin-cert <- k",
      "tls:index/privateKey:PrivateKey k-admin-key <- k",
      "tls:index/privateKey:PrivateKey k-ca-key <- k",
      "tls:index/privateKey:PrivateKey k-etcd-ca-key <- k",
      "tls:index/privateKey:PrivateKey k-front-proxy-ca-key <- k",
      "tls:index/privateKey:PrivateKey k-service-account-key <- k",
      "tls:index/privateKey:PrivateKey k-site-ssh-key <- k-site",
      "tls:index/selfSignedCert:SelfSignedCert k-ca <- k",
      "tls:index/selfSignedCert:SelfSignedCert k-etcd-ca <- k",
      "tls:index/selfSignedCert:SelfSignedCert k-front-proxy-ca <- k",
    ],
  );
  assert.deepEqual(rec.calls.map((c) => [c.token, c.inputs]), [["openstack:networking/getNetwork:getNetwork", { name: "private" }]]);
});

test("security group: SSH and the API server (6443) open to the admin CIDR only; kubelet and etcd only inside the group", () => {
  assert.deepEqual(rec.get("openstack:networking/secGroupRule:SecGroupRule", "k-site-sg-admin-kube-api-0").inputs, {
    securityGroupId: "k-site-sg-id",
    direction: "ingress",
    ethertype: "IPv4",
    protocol: "tcp",
    portRangeMin: 6443,
    portRangeMax: 6443,
    remoteIpPrefix: "203.0.113.0/24",
    description: "admin kube-api from adminCidrs[0]",
  });
  assert.deepEqual(rec.get("openstack:networking/secGroupRule:SecGroupRule", "k-site-sg-admin-ssh-0").inputs["portRangeMin"], 22);
  for (const ethertype of ["ipv4", "ipv6"]) {
    const rule = rec.get("openstack:networking/secGroupRule:SecGroupRule", `k-site-sg-internal-${ethertype}`).inputs;
    assert.equal(rule["remoteGroupId"], "k-site-sg-id");
    assert.equal(rule["remoteIpPrefix"], undefined);
  }
  const openings = rec
    .ofType("openstack:networking/secGroupRule:SecGroupRule")
    .filter((r) => r.inputs["remoteIpPrefix"] !== undefined)
    .map((r) => [r.inputs["remoteIpPrefix"], r.inputs["portRangeMin"], r.inputs["portRangeMax"]]);
  assert.deepEqual(openings, [["203.0.113.0/24", 22, 22], ["203.0.113.0/24", 6443, 6443]]);
});

test("PKI: three CAs and a service-account key generated by @pulumi/tls, an admin certificate in system:masters", () => {
  for (const [name, cn] of [["k-ca", "kubernetes"], ["k-front-proxy-ca", "front-proxy-ca"], ["k-etcd-ca", "etcd-ca"]] as const) {
    const ca = rec.get("tls:index/selfSignedCert:SelfSignedCert", name);
    assert.deepEqual(ca.inputs, {
      privateKeyPem: RSA().privateKeyPem,
      subject: { commonName: cn },
      isCaCertificate: true,
      validityPeriodHours: 87600,
      allowedUses: ["cert_signing", "crl_signing", "digital_signature", "key_encipherment"],
    });
    assert.deepEqual(ca.secretPaths, ["privateKeyPem"]);
    const key = rec.get("tls:index/privateKey:PrivateKey", `${name}-key`);
    assert.deepEqual(key.inputs, { algorithm: "RSA", rsaBits: 2048 });
    assert.ok(ca.dependencies.includes(key.urn));
  }
  for (const name of ["k-service-account-key", "k-admin-key", "k-ca-key", "k-etcd-ca-key", "k-front-proxy-ca-key", "k-site-ssh-key"]) {
    const key = rec.get("tls:index/privateKey:PrivateKey", name);
    assert.deepEqual([...new Set(key.options.additionalSecretOutputs)].sort(), ["privateKeyOpenssh", "privateKeyPem", "privateKeyPemPkcs8"]);
  }
  const csr = rec.get("tls:index/certRequest:CertRequest", "k-admin-csr");
  assert.deepEqual(csr.inputs, { privateKeyPem: RSA().privateKeyPem, subject: { commonName: "kubernetes-admin", organization: "system:masters" } });
  assert.deepEqual(csr.secretPaths, ["privateKeyPem"]);
  const cert = rec.get("tls:index/locallySignedCert:LocallySignedCert", "k-admin-cert");
  assert.deepEqual(cert.inputs, {
    certRequestPem: mocked("tls:index/certRequest:CertRequest", "k-admin-csr", {}, "certRequestPem"),
    caPrivateKeyPem: RSA().privateKeyPem,
    caCertPem: certOf("k-ca"),
    validityPeriodHours: 8760,
    earlyRenewalHours: 720,
    allowedUses: ["client_auth", "digital_signature", "key_encipherment"],
  });
  assert.deepEqual(cert.secretPaths, ["caPrivateKeyPem"]);
});

test("bootstrap token: two random strings of [a-z0-9], 6 and 16 long, result secret", async () => {
  for (const [name, length] of [["k-token-id", 6], ["k-token-secret", 16]] as const) {
    const r = rec.get("random:index/randomString:RandomString", name);
    assert.deepEqual(r.inputs, { length, upper: false, special: false, lower: true, numeric: true });
    assert.deepEqual(r.options.additionalSecretOutputs, ["result"]);
  }
  assert.match(TOKEN, /^[a-z0-9]{6}\.[a-z0-9]{16}$/);
  assert.equal(await value(cluster.bootstrapToken), TOKEN);
  assert.equal(await pulumi.isSecret(cluster.bootstrapToken), true);
  assert.equal(await value(cluster.caCertHash), kubeadmCaCertHash(RSA().publicKeyPem));
});

const pkiFiles = (): KubernetesPkiFiles => ({
  caCert: certOf("k-ca"),
  caKey: RSA().privateKeyPem,
  frontProxyCaCert: certOf("k-front-proxy-ca"),
  frontProxyCaKey: RSA().privateKeyPem,
  etcdCaCert: certOf("k-etcd-ca"),
  etcdCaKey: RSA().privateKeyPem,
  serviceAccountKey: RSA().privateKeyPem,
  serviceAccountPublicKey: RSA().publicKeyPem,
});

test("machines: user data rendered from cluster-level values only, and secret", () => {
  const common = {
    clusterName: "k",
    kubernetesVersion: "1.31.4",
    cni: CNI_PLUGINS["calico"]!,
    podSubnet: "192.168.0.0/16",
    controlPlaneAddresses: ["10.0.3.10"],
    bootstrapToken: TOKEN,
    caCertHash: kubeadmCaCertHash(RSA().publicKeyPem),
  };
  const w1 = rec.get("openstack:compute/instance:Instance", "k-worker-1");
  const { userData, ...rest } = w1.inputs;
  assert.deepEqual(rest, {
    name: "k-worker-1",
    imageName: "ubuntu-24.04",
    flavorName: "m1.large",
    keyPair: "k-site-key",
    networks: [{ port: "k-worker-1-port-id" }],
    metadata: { "berth-machine": "k-worker-1" },
  });
  assert.deepEqual(w1.secretPaths, ["userData"]);
  assert.equal(userData, renderKubernetesCloudInit({ ...common, role: "worker", index: 1, nodeName: "k-worker-1", certSans: [] }));
  const cp0 = rec.get("openstack:compute/instance:Instance", "k-control-0");
  assert.deepEqual(cp0.secretPaths, ["userData"]);
  assert.equal(cp0.inputs["flavorName"], "m1.medium");
  assert.equal(
    cp0.inputs["userData"],
    renderKubernetesCloudInit({
      ...common,
      role: "control-plane",
      index: 0,
      nodeName: "k-control-0",
      certSans: ["10.0.3.10", "198.51.100.30"],
      pki: pkiFiles(),
    }),
  );
  assert.doesNotMatch(userData as string, /PRIVATE KEY/, "workers get no key material");
});

test("leave commands run on control-plane node 0: wait for Ready on create, drain and delete on delete", () => {
  const leave = rec.get("command:remote:Command", "k-worker-1-leave");
  assert.deepEqual(leave.inputs["connection"], {
    host: "198.51.100.30",
    port: 22,
    dialErrorLimit: 40,
    perDialTimeout: 15,
    user: "ubuntu",
    privateKey: mocked("tls:index/privateKey:PrivateKey", "k-site-ssh-key", { algorithm: "ED25519" }, "privateKeyOpenssh"),
  });
  assert.equal(leave.inputs["create"], renderKubernetesWaitCommand("k-worker-1"));
  assert.equal(leave.inputs["delete"], renderKubernetesLeaveCommand("k-worker-1", "worker"));
  assert.deepEqual(leave.secretPaths, ["connection"]);
  assert.deepEqual([...new Set(leave.options.additionalSecretOutputs)].sort(), ["connection", "stderr", "stdout"]);
  const worker = rec.get("openstack:compute/instance:Instance", "k-worker-1");
  assert.ok(leave.dependencies.includes(worker.urn), "the leave command is deleted before its machine");
  const ready = rec.get("command:remote:Command", "k-api-ready");
  assert.equal(ready.inputs["create"], renderKubernetesApiWaitCommand());
  assert.equal(ready.inputs["delete"], undefined);
  assert.ok(ready.dependencies.includes(rec.get("openstack:compute/instance:Instance", "k-control-0").urn));
});

test("outputs: the kubeconfig is built from the generated certificate, secret, and feeds the provider", async () => {
  const expected = renderAdminKubeconfig({
    clusterName: "k",
    server: "https://198.51.100.30:6443",
    caCertPem: certOf("k-ca"),
    clientCertPem: mocked("tls:index/locallySignedCert:LocallySignedCert", "k-admin-cert", {}, "certPem"),
    clientKeyPem: RSA().privateKeyPem,
  });
  assert.equal(await value(cluster.kubeconfig), expected);
  const doc = yaml.load(expected) as { users: { user: Record<string, string> }[] };
  assert.equal(Buffer.from(doc.users[0]!.user["client-key-data"]!, "base64").toString(), RSA().privateKeyPem);
  for (const o of [cluster.kubeconfig, cluster.bootstrapToken, cluster.privateKey]) assert.equal(await pulumi.isSecret(o), true);
  const provider = rec.get("pulumi:providers:kubernetes", "k-k8s");
  assert.equal(provider.inputs["kubeconfig"], expected);
  assert.deepEqual(provider.secretPaths, ["kubeconfig"]);
  assert.ok(provider.dependencies.includes(rec.get("command:remote:Command", "k-api-ready").urn));
  assert.equal(await value(cluster.apiServer), "https://198.51.100.30:6443");
  assert.equal(await value(cluster.controlPlaneAddress), "198.51.100.30");
  assert.deepEqual(await value(cluster.controlPlaneAddresses), ["10.0.3.10"]);
  assert.deepEqual(await value(cluster.controlPlanePublicAddresses), ["198.51.100.30"]);
  assert.deepEqual(await value(cluster.workerAddresses), ["10.0.2.10", "10.0.2.11"]);
  assert.equal(await value(cluster.caCertificate), certOf("k-ca"));
  const outputs = rec.get(C, "k").outputs!;
  assert.deepEqual(Object.keys(outputs).sort(), [
    "apiServer", "bootstrapToken", "caCertHash", "caCertificate", "controlPlaneAddress", "controlPlaneAddresses",
    "controlPlanePublicAddresses", "kubeconfig", "privateKey", "workerAddresses",
  ]);
});

test("security: nothing world-open, no secret in plain text (token, CA keys, kubeconfig)", () => {
  assertSecure(rec.resources, ADMIN);
  const text = JSON.stringify(rec.resources.filter((r) => r.secretPaths.length === 0).map((r) => r.inputs));
  assert.equal(text.includes(TOKEN), false, "the bootstrap token only in secret inputs");
});

test("security: 0.0.0.0/0 in adminCidrs opens SSH and 6443 to the world: found without that allowance, allowed with it", async () => {
  rec.reset();
  new KubernetesCluster("open", openstackArgs(1, ["0.0.0.0/0"]));
  await rec.settle();
  const findings = checkClusterSecurity(rec.resources);
  assert.deepEqual(
    findings.map((f) => [f.rule, f.severity, f.urn.split("::").pop()]),
    [
      ["world-open-management-port", "high", "open-site-sg-admin-ssh-0"],
      ["world-open-management-port", "high", "open-site-sg-admin-kube-api-0"],
    ],
  );
  assert.match(findings[1]!.message, /opens Kubernetes API server \(tcp\/6443\) to 0\.0\.0\.0\/0/);
  assertSecure(rec.resources, ["0.0.0.0/0"]);
});

test("bad arguments: every problem at once, naming the property, before any child exists", async () => {
  rec.reset();
  const args = openstackArgs(1);
  assert.throws(
    () =>
      new KubernetesCluster("Bad_Name", {
        ...args,
        controlPlane: { ...args.controlPlane, count: 2 },
        cni: "weave",
        kubernetesVersion: "1.29.0",
      }),
    (e: Error) => {
      assert.equal(e.name, "ArgsError");
      assert.equal(
        e.message,
        [
          'KubernetesCluster "Bad_Name" has 4 problems in its arguments:',
          '  - name: "Bad_Name" cannot name Kubernetes nodes: use at most 40 lowercase letters, digits and hyphens, starting and ending with a letter or digit.',
          "  - controlPlane.count: is 2; etcd needs a majority of control-plane nodes to agree, so use 1 (no failure tolerated) or 3 (one); 2 tolerates no more failures than 1, and more than 3 slows every write.",
          '  - cni: "weave" is not a CNI plugin Berth installs: use one of calico, flannel.',
          '  - kubernetesVersion: "1.29.0" is not a Kubernetes release Berth installs: write 1.<minor>.<patch> with minor 31 or later, e.g. 1.31.4.',
        ].join("\n"),
      );
      return true;
    },
  );
  assert.throws(
    () => new KubernetesCluster("bad2", { ...args, controlPlane: { ...args.controlPlane, count: 5, selfHealing: true } }),
    (e: Error) => {
      assert.equal(
        e.message,
        [
          'KubernetesCluster "bad2" has 2 problems in its arguments:',
          "  - controlPlane.count: is 5; etcd needs a majority of control-plane nodes to agree, so use 1 (no failure tolerated) or 3 (one); 2 tolerates no more failures than 1, and more than 3 slows every write.",
          "  - controlPlane.selfHealing: is only for workers/agents: these machines need stable addresses that an auto-scaling group cannot give. Heal them with `pulumi up --replace`.",
        ].join("\n"),
      );
      return true;
    },
  );
  await rec.settle();
  assert.deepEqual(rec.summary(), [`${C} Bad_Name`, `${C} bad2`]);
});
