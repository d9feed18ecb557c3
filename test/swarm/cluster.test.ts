import assert from "node:assert/strict";
import { before, test } from "node:test";
import * as pulumi from "@pulumi/pulumi";
import { Recorder } from "../../src/resources/recorder";
import type { SwarmCluster as SwarmClusterType } from "../../src/swarm/cluster";
import { renderSwarmCloudInit, renderSwarmLeaveCommand, renderSwarmWaitCommand } from "../../src/swarm/cluster-bootstrap";
import { checkClusterSecurity } from "../../src/security/check";
import { MOCK_MANAGER_TOKEN, MOCK_WORKER_TOKEN, mockCalls, mockOutputs, rsaKey } from "../cloud/mock-cloud";
import { assertSecure } from "../security/assert-secure";
import { ADMIN, openstackArgs, value } from "./cluster-fixture";

let rec: Recorder;
let SwarmCluster: typeof SwarmClusterType;
let cluster: SwarmClusterType;
before(async () => {
  rec = await Recorder.install({ outputs: mockOutputs, calls: mockCalls });
  ({ SwarmCluster } = await import("../../src/swarm/cluster.js"));
  cluster = new SwarmCluster("sw", openstackArgs(2));
  await rec.settle();
  await value(cluster.workerToken);
});

const C = "berth:index:SwarmCluster";
test("OpenStack: exactly these resources, with these parents", () => {
  assert.deepEqual(
    rec.resources.map((r) => `${r.type} ${r.name} <- ${r.parentName ?? "-"}`).sort(),
    [
      "berth:index:ClusterSite sw-site <- sw",
      `${C} sw <- -`,
      "command:remote:Command sw-join-tokens <- sw",
      "command:remote:Command sw-worker-0-leave <- sw",
      "command:remote:Command sw-worker-1-leave <- sw",
      "openstack:compute/instance:Instance sw-manager-0 <- sw",
      "openstack:compute/instance:Instance sw-worker-0 <- sw",
      "openstack:compute/instance:Instance sw-worker-1 <- sw",
      "openstack:compute/keypair:Keypair sw-site-key <- sw-site",
      "openstack:networking/floatingIp:FloatingIp sw-manager-0-fip <- sw",
      "openstack:networking/floatingIpAssociate:FloatingIpAssociate sw-manager-0-fip-assoc <- sw",
      "openstack:networking/port:Port sw-manager-0-port <- sw",
      "openstack:networking/port:Port sw-worker-0-port <- sw",
      "openstack:networking/port:Port sw-worker-1-port <- sw",
      "openstack:networking/secGroup:SecGroup sw-site-sg <- sw-site",
      "openstack:networking/secGroupRule:SecGroupRule sw-site-sg-admin-ssh-0 <- sw-site",
      "openstack:networking/secGroupRule:SecGroupRule sw-site-sg-internal-ipv4 <- sw-site",
      "openstack:networking/secGroupRule:SecGroupRule sw-site-sg-internal-ipv6 <- sw-site",
      "pulumi:providers:docker sw-docker <- sw",
      "tls:index/privateKey:PrivateKey sw-host-key <- sw",
      "tls:index/privateKey:PrivateKey sw-manager-join-key <- sw",
      "tls:index/privateKey:PrivateKey sw-site-ssh-key <- sw-site",
      "tls:index/privateKey:PrivateKey sw-token-key <- sw",
      "tls:index/privateKey:PrivateKey sw-worker-join-key <- sw",
    ],
  );
  assert.deepEqual(rec.calls.map((c) => [c.token, c.inputs]), [["openstack:networking/getNetwork:getNetwork", { name: "private" }]]);
});

test("OpenStack: security group rules open SSH to the admin CIDR only, everything else to the group itself", () => {
  const sg = rec.get("openstack:networking/secGroup:SecGroup", "sw-site-sg");
  assert.equal(sg.inputs["name"], "sw-site-sg");
  assert.deepEqual(rec.get("openstack:networking/secGroupRule:SecGroupRule", "sw-site-sg-admin-ssh-0").inputs, {
    securityGroupId: "sw-site-sg-id",
    direction: "ingress",
    ethertype: "IPv4",
    protocol: "tcp",
    portRangeMin: 22,
    portRangeMax: 22,
    remoteIpPrefix: "203.0.113.0/24",
    description: "admin ssh from adminCidrs[0]",
  });
  assert.deepEqual(rec.get("openstack:networking/secGroupRule:SecGroupRule", "sw-site-sg-internal-ipv4").inputs, {
    securityGroupId: "sw-site-sg-id",
    direction: "ingress",
    ethertype: "IPv4",
    remoteGroupId: "sw-site-sg-id",
    description: "cluster-internal traffic",
  });
  assert.deepEqual(rec.get("openstack:compute/keypair:Keypair", "sw-site-key").inputs["name"], "sw-site-key");
});

test("OpenStack: a machine is a port, an instance on it, and for managers a floating IP on the port", () => {
  assert.deepEqual(rec.get("openstack:networking/port:Port", "sw-worker-1-port").inputs, {
    name: "sw-worker-1",
    networkId: "net-private-id",
    securityGroupIds: ["sw-site-sg-id"],
    adminStateUp: true,
  });
  const w1 = rec.get("openstack:compute/instance:Instance", "sw-worker-1");
  const { userData, ...rest } = w1.inputs;
  assert.deepEqual(rest, {
    name: "sw-worker-1",
    imageName: "ubuntu-24.04",
    flavorName: "m1.large",
    keyPair: "sw-site-key",
    networks: [{ port: "sw-worker-1-port-id" }],
    metadata: { "berth-machine": "sw-worker-1" },
  });
  assert.deepEqual(w1.secretPaths, ["userData"]);
  assert.equal(
    userData,
    renderSwarmCloudInit({
      role: "worker",
      index: 1,
      hostname: "sw-worker-1",
      managerAddresses: ["10.0.1.10"],
      sshUser: "ubuntu",
      joinPrivateKey: (mockOutputs({ type: "tls:index/privateKey:PrivateKey", name: "sw-worker-join-key", inputs: { algorithm: "ED25519" } } as pulumi.runtime.MockResourceArgs)!.state["privateKeyOpenssh"]) as string,
      hostPublicKey: (mockOutputs({ type: "tls:index/privateKey:PrivateKey", name: "sw-host-key", inputs: { algorithm: "ED25519" } } as pulumi.runtime.MockResourceArgs)!.state["publicKeyOpenssh"]) as string,
      dockerPackages: ["docker.io"],
    }),
  );
  assert.deepEqual(rec.get("openstack:networking/floatingIp:FloatingIp", "sw-manager-0-fip").inputs, {
    pool: "public",
    description: "public address of sw-manager-0",
  });
  assert.deepEqual(rec.get("openstack:networking/floatingIpAssociate:FloatingIpAssociate", "sw-manager-0-fip-assoc").inputs, {
    floatingIp: "198.51.100.10",
    portId: "sw-manager-0-port-id",
  });
  const m0 = rec.get("openstack:compute/instance:Instance", "sw-manager-0");
  assert.match(m0.inputs["userData"] as string, /berth-swarm-join-token manager/);
});

test("leave commands run on manager 0 over SSH: wait for the node on create, drain and remove it on delete", () => {
  const leave = rec.get("command:remote:Command", "sw-worker-1-leave");
  assert.deepEqual(leave.inputs["connection"], {
    host: "198.51.100.10",
    port: 22,
    user: "ubuntu",
    dialErrorLimit: 40,
    perDialTimeout: 15,
    hostKey: (mockOutputs({ type: "tls:index/privateKey:PrivateKey", name: "sw-host-key", inputs: { algorithm: "ED25519" } } as pulumi.runtime.MockResourceArgs)!.state["publicKeyOpenssh"] as string).trim(),
    privateKey: mockOutputs({ type: "tls:index/privateKey:PrivateKey", name: "sw-site-ssh-key", inputs: { algorithm: "ED25519" } } as pulumi.runtime.MockResourceArgs)!.state["privateKeyOpenssh"] as string,
  });
  assert.equal(leave.inputs["create"], renderSwarmWaitCommand("sw-worker-1"));
  assert.equal(leave.inputs["delete"], renderSwarmLeaveCommand("sw-worker-1", "worker"));
  assert.deepEqual(leave.secretPaths, ["connection"]);
  // The command SDK itself adds the connection (it holds the private key).
  assert.deepEqual(leave.options.additionalSecretOutputs, ["stdout", "stderr", "connection"]);
  const worker = rec.get("openstack:compute/instance:Instance", "sw-worker-1");
  assert.ok(leave.dependencies.includes(worker.urn), "the leave command is deleted before its machine");
  // ...and before manager 0, where it runs: `pulumi destroy` drains the nodes while manager 0 is still there.
  assert.ok(leave.dependencies.includes(rec.get("openstack:compute/instance:Instance", "sw-manager-0").urn));
  // The port holds the address and binds to one instance: a replacement is created only once the old one is gone.
  assert.equal(worker.options.deleteBeforeReplace, true);
});

test("join tokens: fetched encrypted, decrypted in the program, secret outputs", async () => {
  const tokens = rec.get("command:remote:Command", "sw-join-tokens");
  assert.deepEqual(tokens.options.additionalSecretOutputs, ["stdout", "stderr", "connection"]);
  assert.ok((tokens.inputs["create"] as string).includes(rsaKey().publicKeyPem.trim()));
  // A replaced manager 0 runs the token command again (its id is a trigger), which waits until it can manage.
  const manager0 = rec.get("openstack:compute/instance:Instance", "sw-manager-0");
  assert.deepEqual(tokens.inputs["triggers"], ["sw-manager-0-id"], "the trigger is manager 0's instance id");
  assert.ok(tokens.dependencies.includes(manager0.urn));
  assert.match(tokens.inputs["create"] as string, /ControlAvailable/);
  assert.equal(await value(cluster.workerToken), MOCK_WORKER_TOKEN);
  assert.equal(await value(cluster.managerToken), MOCK_MANAGER_TOKEN);
  for (const o of [cluster.workerToken, cluster.managerToken, cluster.privateKey]) assert.equal(await pulumi.isSecret(o), true);
  const keys = rec.ofType("tls:index/privateKey:PrivateKey");
  for (const k of keys) {
    assert.deepEqual([...new Set(k.options.additionalSecretOutputs)].sort(), ["privateKeyOpenssh", "privateKeyPem", "privateKeyPemPkcs8"]);
  }
  const text = JSON.stringify(rec.resources.map((r) => r.inputs));
  assert.equal(text.includes(MOCK_WORKER_TOKEN), false, "no join token in any resource's inputs");
  assert.equal(text.includes(MOCK_MANAGER_TOKEN), false, "no join token in any resource's inputs");
});

test("outputs: addresses, an ssh:// docker host and a Docker provider pointed at manager 0", async () => {
  assert.equal(await value(cluster.managerAddress), "198.51.100.10");
  assert.deepEqual(await value(cluster.managerAddresses), ["10.0.1.10"]);
  assert.deepEqual(await value(cluster.workerAddresses), ["10.0.2.10", "10.0.2.11"]);
  assert.equal(await value(cluster.dockerHost), "ssh://ubuntu@198.51.100.10");
  assert.match(await value(cluster.sshKnownHosts), /^198\.51\.100\.10 ssh-ed25519 /);
  const provider = rec.get("pulumi:providers:docker", "sw-docker");
  assert.equal(provider.inputs["host"], "ssh://ubuntu@198.51.100.10");
  assert.deepEqual(provider.inputs["sshOpts"], JSON.stringify(["-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes"]));
  assert.ok(provider.dependencies.includes(rec.get("command:remote:Command", "sw-join-tokens").urn));
  assert.equal(JSON.stringify(rec.resources).includes("2375"), false, "no plain Docker API port anywhere");
});

test("security: nothing world-open, no secret in plain text", () => {
  assertSecure(rec.resources, ADMIN);
});

test("security: 0.0.0.0/0 in adminCidrs is found without that allowance, and allowed with it", async () => {
  rec.reset();
  new SwarmCluster("open", openstackArgs(1, ["0.0.0.0/0"]));
  await rec.settle();
  const findings = checkClusterSecurity(rec.resources);
  assert.deepEqual(
    findings.map((f) => [f.rule, f.severity, f.urn.split("::").pop()]),
    [["world-open-management-port", "high", "open-site-sg-admin-ssh-0"]],
  );
  assert.match(findings[0]!.message, /opens SSH \(tcp\/22\) to 0\.0\.0\.0\/0/);
  assertSecure(rec.resources, ["0.0.0.0/0"]);
});

test("bad arguments: every problem at once, naming the property, before any child exists", async () => {
  rec.reset();
  const args = openstackArgs(1);
  assert.throws(
    () =>
      new SwarmCluster("bad", {
        ...args,
        cloud: { ...args.cloud, adminCidrs: ["10.0.0.0/33"], aws: { vpcId: "v", subnetIds: ["s"] } },
        managers: { ...args.managers!, count: 2 },
      }),
    (e: Error) => {
      assert.equal(e.name, "ArgsError");
      assert.equal(
        e.message,
        [
          'SwarmCluster "bad" has 3 problems in its arguments:',
          "  - cloud: sets both `openstack` and `aws`; a cluster runs on one cloud: keep one of them.",
          '  - cloud.adminCidrs[0]: "10.0.0.0/33" is not a CIDR: write it like 203.0.113.0/24 or 2001:db8::/48.',
          "  - managers.count: is 2; a swarm needs a majority of managers to agree (Raft), so use 1 (no failure tolerated), 3 (one) or 5 (two); an even count tolerates no more failures than the odd count below it.",
        ].join("\n"),
      );
      return true;
    },
  );
  assert.throws(
    () => new SwarmCluster("bad2", { ...args, workers: { ...args.workers!, selfHealing: true }, managers: { ...args.managers!, selfHealing: true } }),
    (e: Error) => {
      assert.equal(
        e.message,
        [
          'SwarmCluster "bad2" has 2 problems in its arguments:',
          "  - managers.selfHealing: is only for workers/agents: these machines need stable addresses that an auto-scaling group cannot give. Heal them with `pulumi up --replace`.",
          "  - workers.selfHealing: needs `cloud.aws` (an auto-scaling group); on OpenStack heal with `pulumi refresh` and `pulumi up --replace`.",
        ].join("\n"),
      );
      return true;
    },
  );
  await rec.settle();
  assert.deepEqual(rec.summary(), [`${C} bad`, `${C} bad2`]);
});
