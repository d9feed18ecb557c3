import assert from "node:assert/strict";
import * as crypto from "node:crypto";
import { test } from "node:test";
import { CNI_PLUGINS, kubeadmBootstrapToken, kubeadmCaCertHash } from "../../src/kubernetes/cluster-kubeadm";

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
