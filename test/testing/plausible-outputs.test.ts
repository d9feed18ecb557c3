// The plausible-outputs table: one test per row (the id's shape and every computed output), and the rules for types
// the table does not know.
import assert from "node:assert/strict";
import * as crypto from "node:crypto";
import { test } from "node:test";
import { renderSwarmTokenCommand } from "../../src/swarm/cluster-bootstrap";
import { decryptSwarmTokens } from "../../src/swarm/cluster-tokens";
import { MOCK_SWARM_TOKENS } from "../../src/testing/deploy-values";
import { DOCUMENTATION_NETWORKS, fakeHex, fakeIpv4, fakeUuid } from "../../src/testing/fake-values";
import { MOCK_OUTPUT_RULES, type MockContext, mockOutputsFor, mockRuleFor } from "../../src/testing/plausible-outputs";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/;
const DOC_IP = /^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d{1,3}$/;
const ctx = (type: string, inputs: Record<string, unknown> = {}): MockContext => ({ type, name: "n", inputs, region: "eu-west-1" });

/** Per row: inputs to give, the id's pattern, and a check of the computed outputs. */
const ROWS: Record<string, [Record<string, unknown>, RegExp, (o: Record<string, unknown>) => void]> = {
  "docker:index/remoteImage:RemoteImage": [{ name: "nginx:1.27" }, /^sha256:[0-9a-f]{64}nginx:1\.27$/, (o) => {
    assert.match(String(o["imageId"]), /^sha256:[0-9a-f]{64}$/);
    assert.match(String(o["repoDigest"]), /^nginx@sha256:[0-9a-f]{64}$/);
  }],
  "docker:index/image:Image": [{ imageName: "r.example/app:1" }, /^sha256:[0-9a-f]{64}$/, (o) => {
    assert.match(String(o["repoDigest"]), /^r\.example\/app@sha256:[0-9a-f]{64}$/);
  }],
  "docker:index/container:Container": [{ networksAdvanced: [{ name: "a" }, { name: "b" }] }, /^[0-9a-f]{64}$/, (o) => {
    const nets = o["networkDatas"] as Record<string, unknown>[];
    assert.deepEqual(nets.map((n) => n["networkName"]), ["a", "b"]);
    for (const n of nets) assert.match(String(n["ipAddress"]), /^198\.51\.100\.\d+$/);
  }],
  "docker:index/network:Network": [{ driver: "overlay" }, /^[0-9a-f]{64}$/, (o) => assert.deepEqual(o, { scope: "swarm" })],
  "docker:index/volume:Volume": [{ name: "data" }, /^data$/, (o) => {
    assert.deepEqual(o, { name: "data", mountpoint: "/var/lib/docker/volumes/data/_data" });
  }],
  "docker:index/service:Service": [{}, /^[0-9a-f]{25}$/, (o) => assert.deepEqual(o, {})],
  "docker:index/secret:Secret": [{}, /^[0-9a-f]{25}$/, (o) => assert.deepEqual(o, {})],
  "docker:index/serviceConfig:ServiceConfig": [{}, /^[0-9a-f]{25}$/, (o) => assert.deepEqual(o, {})],
  "aws:ec2/instance:Instance": [{}, /^i-0[0-9a-f]{16}$/, (o) => {
    assert.match(String(o["arn"]), /^arn:aws:ec2:eu-west-1:123456789012:instance\/i-0[0-9a-f]{16}$/);
    assert.match(String(o["privateIp"]), /^192\.0\.2\.\d+$/);
    assert.match(String(o["publicIp"]), /^203\.0\.113\.\d+$/);
    assert.match(String(o["privateDns"]), /^ip-192-0-2-\d+\.eu-west-1\.compute\.internal$/);
  }],
  "aws:ec2/securityGroup:SecurityGroup": [{}, /^sg-0[0-9a-f]{16}$/, (o) => {
    assert.match(String(o["arn"]), /^arn:aws:ec2:eu-west-1:123456789012:security-group\/sg-0[0-9a-f]{16}$/);
  }],
  "aws:ec2/vpc:Vpc": [{}, /^vpc-0[0-9a-f]{16}$/, (o) => assert.match(String(o["defaultSecurityGroupId"]), /^sg-0/)],
  "aws:ec2/subnet:Subnet": [{}, /^subnet-0[0-9a-f]{16}$/, (o) => assert.match(String(o["arn"]), /:subnet\/subnet-0/)],
  "aws:ec2/internetGateway:InternetGateway": [{}, /^igw-0/, (o) => assert.match(String(o["arn"]), /:internet-gateway\/igw-0/)],
  "aws:ec2/routeTable:RouteTable": [{}, /^rtb-0/, (o) => assert.match(String(o["arn"]), /:route-table\/rtb-0/)],
  "aws:ec2/keyPair:KeyPair": [{ keyName: "k" }, /^k$/, (o) => {
    assert.equal(o["arn"], "arn:aws:ec2:eu-west-1:123456789012:key-pair/k");
    assert.match(String(o["fingerprint"]), /^([0-9a-f]{2}:){15}[0-9a-f]{2}$/);
  }],
  "aws:ec2/eip:Eip": [{}, /^eipalloc-0/, (o) => assert.match(String(o["publicIp"]), /^203\.0\.113\./)],
  "aws:ec2/launchTemplate:LaunchTemplate": [{}, /^lt-0/, (o) => assert.equal(o["latestVersion"], 1)],
  "aws:autoscaling/group:Group": [{ name: "g" }, /^g$/, (o) => {
    assert.match(String(o["arn"]), /^arn:aws:autoscaling:eu-west-1:123456789012:autoScalingGroup:[0-9a-f-]{36}:autoScalingGroupName\/g$/);
  }],
  "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": [{}, /^sgr-0/, (o) => assert.match(String(o["arn"]), /:security-group-rule\/sgr-0/)],
  "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": [{}, /^sgr-0/, (o) => assert.match(String(o["arn"]), /:security-group-rule\/sgr-0/)],
  "aws:iam/role:Role": [{ name: "r" }, /^r$/, (o) => {
    assert.equal(o["arn"], "arn:aws:iam::123456789012:role/r");
    assert.match(String(o["uniqueId"]), /^AROA[0-9A-F]{17}$/);
  }],
  "aws:iam/instanceProfile:InstanceProfile": [{ name: "p" }, /^p$/, (o) => assert.equal(o["arn"], "arn:aws:iam::123456789012:instance-profile/p")],
  "aws:s3/bucket:Bucket": [{ bucket: "b" }, /^b$/, (o) => {
    assert.deepEqual(o, { bucket: "b", arn: "arn:aws:s3:::b", bucketDomainName: "b.s3.amazonaws.com" });
  }],
  "openstack:compute/instance:Instance": [{ networks: [{ name: "net" }, { fixedIpV4: "10.1.1.1" }] }, UUID, (o) => {
    const nets = o["networks"] as Record<string, unknown>[];
    assert.match(String(nets[0]!["fixedIpV4"]), /^192\.0\.2\./);
    assert.equal(nets[1]!["fixedIpV4"], "10.1.1.1");
    assert.equal(o["accessIpV4"], nets[0]!["fixedIpV4"]);
  }],
  "openstack:networking/floatingIp:FloatingIp": [{}, UUID, (o) => assert.match(String(o["address"]), /^203\.0\.113\./)],
  "openstack:networking/floatingIpAssociate:FloatingIpAssociate": [{}, UUID, (o) => assert.deepEqual(o, {})],
  "openstack:compute/floatingIpAssociate:FloatingIpAssociate": [{}, UUID, (o) => assert.deepEqual(o, {})],
  "openstack:networking/secGroup:SecGroup": [{}, UUID, (o) => assert.deepEqual(o, {})],
  "openstack:networking/secGroupRule:SecGroupRule": [{}, UUID, (o) => assert.deepEqual(o, {})],
  "openstack:networking/network:Network": [{}, UUID, (o) => assert.deepEqual(o, {})],
  "openstack:networking/subnet:Subnet": [{}, UUID, (o) => assert.deepEqual(o, {})],
  "openstack:networking/router:Router": [{}, UUID, (o) => assert.deepEqual(o, {})],
  "openstack:networking/routerInterface:RouterInterface": [{}, UUID, (o) => assert.deepEqual(o, {})],
  "openstack:networking/port:Port": [{}, UUID, (o) => assert.match(String((o["allFixedIps"] as string[])[0]), DOC_IP)],
  "openstack:compute/keypair:Keypair": [{ name: "k" }, /^k$/, (o) => assert.equal(o["name"], "k")],
  "openstack:blockstorage/volume:Volume": [{}, UUID, (o) => assert.deepEqual(o, {})],
  "tls:index/privateKey:PrivateKey": [{ algorithm: "ED25519" }, /^[0-9a-f]{40}$/, (o) => {
    assert.match(String(o["publicKeyOpenssh"]), /^ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI[A-Za-z0-9+/=]+\n$/);
    assert.match(String(o["publicKeyPem"]), /^-----BEGIN PUBLIC KEY-----\n[\s\S]+\n-----END PUBLIC KEY-----\n$/);
    assert.equal("privateKeyPem" in o, false, "private keys stay unknown");
  }],
  "tls:index/selfSignedCert:SelfSignedCert": [{}, /^\d+$/, (o) => assert.match(String(o["certPem"]), /^-----BEGIN CERTIFICATE-----\n/)],
  "tls:index/locallySignedCert:LocallySignedCert": [{}, /^\d+$/, (o) => assert.match(String(o["certPem"]), /^-----BEGIN CERTIFICATE-----\n/)],
  "random:index/randomPassword:RandomPassword": [{ length: 20 }, /^none$/, (o) => assert.match(String(o["result"]), /^preview-[0-9a-f]{12}$/)],
  "random:index/randomString:RandomString": [{ length: 6 }, /^[0-9a-f]{6}$/, (o) => assert.match(String(o["result"]), /^[0-9a-f]{6}$/)],
  "random:index/randomId:RandomId": [{ byteLength: 4 }, /^[A-Za-z0-9_-]{6}$/, (o) => {
    assert.match(String(o["hex"]), /^[0-9a-f]{8}$/);
    assert.equal(o["dec"], BigInt(`0x${o["hex"]}`).toString());
  }],
  "random:index/randomPet:RandomPet": [{}, /^[a-z]+-[a-z]+$/, (o) => assert.deepEqual(o, {})],
  "random:index/randomInteger:RandomInteger": [{ min: 5, max: 7 }, /^[5-7]$/, (o) => assert.ok([5, 6, 7].includes(o["result"] as number))],
  "random:index/randomUuid:RandomUuid": [{}, UUID, (o) => assert.match(String(o["result"]), UUID)],
  "aws:ec2/networkInterface:NetworkInterface": [{}, /^eni-[0-9a-f]{17}$/, (o) => {
    assert.match(String(o["privateIp"]), /^192\.0\.2\./);
    assert.deepEqual(o["privateIps"], [o["privateIp"]]);
  }],
  "aws:ec2/eipAssociation:EipAssociation": [{}, /^eipassoc-[0-9a-f]{17}$/, (o) => assert.deepEqual(o, {})],
  "tls:index/certRequest:CertRequest": [{}, /^[0-9a-f]{40}$/, (o) => assert.match(String(o["certRequestPem"]), /^-----BEGIN CERTIFICATE REQUEST-----\n/)],
  "pulumi-nodejs:dynamic/berth:ContainerAdoption": [{ name: "db" }, /^n-[0-9a-f]{12}$/, (o) => {
    assert.equal(o["containerName"], "db");
    assert.deepEqual(o["ports"], []);
    assert.equal(o["running"], true);
  }],
  "pulumi-nodejs:dynamic/berth:Readiness": [{}, /^n-[0-9a-f]{12}$/, (o) => assert.deepEqual(o, { ready: true })],
  "pulumi-nodejs:dynamic/berth:ImageImport": [{ repository: "app", tag: "v1" }, /^n-[0-9a-f]{12}$/, (o) => {
    assert.equal(o["repoTag"], "app:v1");
    assert.match(String(o["imageId"]), /^sha256:[0-9a-f]{64}$/);
  }],
  "command:remote:Command": [{ create: "true" }, /^n-[0-9a-f]{8}$/, (o) => assert.deepEqual(o, {}, "what a command prints exists only after it ran")],
  "command:local:Command": [{ create: "true" }, /^n-[0-9a-f]{8}$/, (o) => assert.deepEqual(o, {})],
};

test("every row of the table has a test here, and the reverse", () => {
  assert.deepEqual(Object.keys(ROWS).sort(), Object.keys(MOCK_OUTPUT_RULES).sort());
});

for (const [type, [inputs, id, check]] of Object.entries(ROWS)) {
  test(`row ${type}`, () => {
    const made = mockOutputsFor(ctx(type, inputs));
    assert.match(made.id ?? "(none)", id);
    check(made.outputs);
    assert.deepEqual(mockOutputsFor(ctx(type, inputs)), made, "the same resource always gets the same values");
  });
}

test("secret outputs: the random password's result and a private key's private halves, nothing else", () => {
  const SECRET: Record<string, string[]> = {
    "random:index/randomPassword:RandomPassword": ["result"],
    "tls:index/privateKey:PrivateKey": ["privateKeyPem", "privateKeyOpenssh", "privateKeyPemPkcs8"],
  };
  for (const type of Object.keys(MOCK_OUTPUT_RULES)) {
    assert.deepEqual(mockOutputsFor(ctx(type)).secretOutputs, SECRET[type] ?? [], type);
  }
});

test("deploy-only outputs: real key pairs, and what Berth's join-token command prints, encrypted to its key", () => {
  const rsa = mockOutputsFor(ctx("tls:index/privateKey:PrivateKey", { algorithm: "RSA" })).deployOutputs;
  const ed = mockOutputsFor(ctx("tls:index/privateKey:PrivateKey", { algorithm: "ED25519" })).deployOutputs;
  for (const pair of [rsa, ed]) {
    const pub = crypto.createPublicKey(String(pair["publicKeyPem"]));
    const priv = crypto.createPrivateKey(String(pair["privateKeyPem"]));
    assert.deepEqual(crypto.createPublicKey(priv).export({ type: "spki", format: "der" }), pub.export({ type: "spki", format: "der" }));
  }
  assert.match(String(ed["publicKeyOpenssh"]), /^ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI[A-Za-z0-9+/]+=*\n$/);
  assert.match(String(rsa["publicKeyOpenssh"]), /^ssh-rsa AAAAB3NzaC1yc2EAAAAD[A-Za-z0-9+/]+=*\n$/);
  const command = mockOutputsFor(ctx("command:remote:Command", { create: renderSwarmTokenCommand(String(rsa["publicKeyPem"])) })).deployOutputs;
  assert.deepEqual(decryptSwarmTokens(String(command["stdout"]), String(rsa["privateKeyPem"])), MOCK_SWARM_TOKENS);
  assert.deepEqual(mockOutputsFor(ctx("command:remote:Command", { create: "uptime" })).deployOutputs, { stdout: "", stderr: "" });
  assert.deepEqual(mockOutputsFor(ctx("openstack:networking/port:Port")).deployOutputs, {}, "most rows have none");
});

test("prefix rows: providers get a uuid; Kubernetes objects a name and uid, status unknown", () => {
  assert.match(mockOutputsFor(ctx("pulumi:providers:docker")).id!, UUID);
  const named = mockOutputsFor(ctx("kubernetes:apps/v1:Deployment", { metadata: { name: "web", namespace: "apps" } }));
  assert.equal(named.id, "apps/web");
  assert.deepEqual(Object.keys(named.outputs), ["metadata"]);
  assert.match(String((named.outputs["metadata"] as Record<string, unknown>)["uid"]), UUID);
  const auto = mockOutputsFor(ctx("kubernetes:core/v1:Namespace"));
  assert.match(auto.id!, /^n-[0-9a-f]{7}$/);
});

test("types the table does not know: no id and no outputs (they stay unknown)", () => {
  for (const type of ["kubernetes:yaml/v2:ConfigGroup", "kubernetes:helm.sh/v4:Chart", "x:y:Z"]) {
    assert.equal(mockRuleFor(type), undefined, type);
    assert.deepEqual(mockOutputsFor(ctx(type)), { id: undefined, outputs: {}, secretOutputs: [], deployOutputs: {} }, type);
  }
});

test("fake values: deterministic, sized, and inside the documentation networks", () => {
  assert.equal(fakeHex("s", 100).length, 100);
  assert.equal(fakeHex("s", 10), fakeHex("s", 10));
  assert.notEqual(fakeHex("s", 10), fakeHex("t", 10));
  assert.match(fakeUuid("s"), UUID);
  for (const network of Object.keys(DOCUMENTATION_NETWORKS) as (keyof typeof DOCUMENTATION_NETWORKS)[]) {
    for (let i = 0; i < 50; i++) {
      const ip = fakeIpv4(`seed${i}`, network);
      assert.ok(ip.startsWith(`${DOCUMENTATION_NETWORKS[network]}.`), ip);
      const host = Number(ip.split(".")[3]);
      assert.ok(host >= 10 && host <= 249, ip);
    }
  }
});
