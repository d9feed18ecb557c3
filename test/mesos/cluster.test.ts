import assert from "node:assert/strict";
import { before, test } from "node:test";
import * as pulumi from "@pulumi/pulumi";
import { Recorder } from "../../src/resources/recorder";
import type { MesosCluster as MesosClusterType } from "../../src/mesos/cluster";
import { renderMesosAgentLeaveCommand, renderMesosAgentWaitCommand, renderMesosCloudInit } from "../../src/mesos/cluster-bootstrap";
import { DEFAULT_MESOS_IMAGES } from "../../src/mesos/cluster-images";
import { checkClusterSecurity } from "../../src/security/check";
import { mockCalls, mockOutputs } from "../cloud/mock-cloud";
import { assertSecure } from "../security/assert-secure";
import { ADMIN, openstackArgs, value } from "./cluster-fixture";

let rec: Recorder;
let MesosCluster: typeof MesosClusterType;
let cluster: MesosClusterType;
before(async () => {
  rec = await Recorder.install({ outputs: mockOutputs, calls: mockCalls });
  ({ MesosCluster } = await import("../../src/mesos/cluster.js"));
  cluster = new MesosCluster("m", openstackArgs(2));
  await rec.settle();
  await value(cluster.zookeeperUrl);
});

const MASTERS = ["10.0.5.10", "10.0.5.11", "10.0.5.12"];
const C = "berth:index:MesosCluster";
test("OpenStack: exactly these resources, with these parents", () => {
  const machine = (m: string, pub: boolean) => [
    `openstack:compute/instance:Instance ${m} <- m`,
    `openstack:networking/port:Port ${m}-port <- m`,
    ...(pub
      ? [`openstack:networking/floatingIp:FloatingIp ${m}-fip <- m`, `openstack:networking/floatingIpAssociate:FloatingIpAssociate ${m}-fip-assoc <- m`]
      : [`command:remote:Command ${m}-leave <- m`]),
  ];
  assert.deepEqual(
    rec.resources.map((r) => `${r.type} ${r.name} <- ${r.parentName ?? "-"}`).sort(),
    [
      "berth:index:ClusterSite m-site <- m",
      `${C} m <- -`,
      ...machine("m-master-0", true),
      ...machine("m-master-1", true),
      ...machine("m-master-2", true),
      ...machine("m-agent-0", false),
      ...machine("m-agent-1", false),
      "openstack:compute/keypair:Keypair m-site-key <- m-site",
      "openstack:networking/secGroup:SecGroup m-site-sg <- m-site",
      "openstack:networking/secGroupRule:SecGroupRule m-site-sg-admin-marathon-0 <- m-site",
      "openstack:networking/secGroupRule:SecGroupRule m-site-sg-admin-mesos-0 <- m-site",
      "openstack:networking/secGroupRule:SecGroupRule m-site-sg-admin-ssh-0 <- m-site",
      "openstack:networking/secGroupRule:SecGroupRule m-site-sg-admin-zookeeper-0 <- m-site",
      "openstack:networking/secGroupRule:SecGroupRule m-site-sg-internal-ipv4 <- m-site",
      "openstack:networking/secGroupRule:SecGroupRule m-site-sg-internal-ipv6 <- m-site",
      "tls:index/privateKey:PrivateKey m-site-ssh-key <- m-site",
    ].sort(),
  );
});

test("security group: 5050, 2181, 8080 and SSH open to the admin CIDR only; the rest only inside the group", () => {
  const openings = rec
    .ofType("openstack:networking/secGroupRule:SecGroupRule")
    .filter((r) => r.inputs["remoteIpPrefix"] !== undefined)
    .map((r) => [r.name, r.inputs["remoteIpPrefix"], r.inputs["protocol"], r.inputs["portRangeMin"], r.inputs["portRangeMax"]]);
  assert.deepEqual(openings, [
    ["m-site-sg-admin-ssh-0", "203.0.113.0/24", "tcp", 22, 22],
    ["m-site-sg-admin-mesos-0", "203.0.113.0/24", "tcp", 5050, 5050],
    ["m-site-sg-admin-zookeeper-0", "203.0.113.0/24", "tcp", 2181, 2181],
    ["m-site-sg-admin-marathon-0", "203.0.113.0/24", "tcp", 8080, 8080],
  ]);
  assert.equal(rec.get("openstack:networking/secGroupRule:SecGroupRule", "m-site-sg-internal-ipv4").inputs["remoteGroupId"], "m-site-sg-id");
});

test("machines: every master's user data lists every master (addresses allocated first), and is secret", () => {
  const common = { clusterName: "m", masterAddresses: MASTERS, images: { ...DEFAULT_MESOS_IMAGES }, marathon: true, dockerPackages: ["docker.io"] };
  for (let i = 0; i < 3; i++) {
    const master = rec.get("openstack:compute/instance:Instance", `m-master-${i}`);
    assert.equal(master.inputs["userData"], renderMesosCloudInit({ ...common, role: "master", index: i, hostname: `m-master-${i}` }));
    assert.deepEqual(master.secretPaths, ["userData"]);
    // A master depends on the ports (addresses), never on another master's instance.
    const otherInstances = rec.ofType("openstack:compute/instance:Instance").filter((r) => r.name !== master.name).map((r) => r.urn);
    assert.deepEqual(master.dependencies.filter((d) => otherInstances.includes(d)), []);
  }
  const agent = rec.get("openstack:compute/instance:Instance", "m-agent-1");
  const { userData, ...rest } = agent.inputs;
  assert.deepEqual(rest, {
    name: "m-agent-1",
    imageName: "ubuntu-22.04",
    flavorName: "m1.large",
    keyPair: "m-site-key",
    networks: [{ port: "m-agent-1-port-id" }],
    metadata: { "berth-machine": "m-agent-1" },
  });
  assert.equal(userData, renderMesosCloudInit({ ...common, role: "agent", index: 1, hostname: "m-agent-1" }));
});

test("agent leave commands run on master 0: wait for registration on create, maintenance then down on delete", () => {
  const leave = rec.get("command:remote:Command", "m-agent-1-leave");
  assert.deepEqual(leave.inputs["connection"], {
    host: "198.51.100.50",
    port: 22,
    user: "ubuntu",
    dialErrorLimit: 40,
    perDialTimeout: 15,
    privateKey: mockOutputs({ type: "tls:index/privateKey:PrivateKey", name: "m-site-ssh-key", inputs: { algorithm: "ED25519" } } as pulumi.runtime.MockResourceArgs)!.state["privateKeyOpenssh"] as string,
  });
  assert.equal(leave.inputs["create"], renderMesosAgentWaitCommand("m-agent-1"));
  assert.equal(leave.inputs["delete"], renderMesosAgentLeaveCommand("m-agent-1"));
  assert.deepEqual(leave.secretPaths, ["connection"]);
  assert.ok(leave.dependencies.includes(rec.get("openstack:compute/instance:Instance", "m-agent-1").urn));
});

test("outputs: addresses, the zk:// URL of every master, the Mesos and Marathon URLs", async () => {
  assert.equal(await value(cluster.masterAddress), "198.51.100.50");
  assert.deepEqual(await value(cluster.masterPublicAddresses), ["198.51.100.50", "198.51.100.51", "198.51.100.52"]);
  assert.deepEqual(await value(cluster.masterAddresses), MASTERS);
  assert.deepEqual(await value(cluster.agentAddresses), ["10.0.6.10", "10.0.6.11"]);
  assert.equal(await value(cluster.zookeeperUrl), "zk://10.0.5.10:2181,10.0.5.11:2181,10.0.5.12:2181/mesos");
  assert.equal(await value(cluster.mesosUrl), "http://198.51.100.50:5050");
  assert.equal(await value(cluster.marathonUrl!), "http://198.51.100.50:8080");
  assert.equal(await pulumi.isSecret(cluster.privateKey), true);
});

test("security: nothing world-open, no secret in plain text", () => {
  assertSecure(rec.resources, ADMIN);
});

test("without Marathon: no 8080 rule, no Marathon in the masters' bootstrap, no marathonUrl", async () => {
  rec.reset();
  const c = new MesosCluster("nm", { ...openstackArgs(1, 1), marathon: false, images: { master: "example.org/mesos-master:1.7.1" } });
  await rec.settle();
  await value(c.zookeeperUrl);
  assert.equal(c.marathonUrl, undefined);
  assert.deepEqual(
    rec.ofType("openstack:networking/secGroupRule:SecGroupRule").map((r) => r.name).filter((n) => n.includes("admin")),
    ["nm-site-sg-admin-ssh-0", "nm-site-sg-admin-mesos-0", "nm-site-sg-admin-zookeeper-0"],
  );
  const userData = rec.get("openstack:compute/instance:Instance", "nm-master-0").inputs["userData"] as string;
  assert.match(userData, /MARATHON=no/);
  assert.match(userData, /QUORUM=1/);
  assert.match(userData, /MASTER_IMAGE=example\.org\/mesos-master:1\.7\.1/);
  assertSecure(rec.resources, ADMIN);
});

test("security: 0.0.0.0/0 in adminCidrs is found on every admin port without that allowance, allowed with it", async () => {
  rec.reset();
  new MesosCluster("open", openstackArgs(1, 1, ["0.0.0.0/0"]));
  await rec.settle();
  assert.deepEqual(
    checkClusterSecurity(rec.resources).map((f) => f.urn.split("::").pop()),
    ["open-site-sg-admin-ssh-0", "open-site-sg-admin-mesos-0", "open-site-sg-admin-zookeeper-0", "open-site-sg-admin-marathon-0"],
  );
  assertSecure(rec.resources, ["0.0.0.0/0"]);
});

test("bad arguments: every problem at once, naming the property, before any child exists", async () => {
  rec.reset();
  const args = openstackArgs(1);
  assert.throws(
    () =>
      new MesosCluster("m", {
        ...args,
        masters: { ...args.masters, count: 4 },
        images: { zookeeper: "zookeeper", marathon: "mesosphere/marathon:latest" },
        dockerPackages: [],
      }),
    (e: Error) => {
      assert.equal(e.name, "ArgsError");
      assert.equal(
        e.message,
        [
          'MesosCluster "m" has 4 problems in its arguments:',
          "  - masters.count: is 4; ZooKeeper and the Mesos replicated log need a majority of masters to agree, so use 1 (no failure tolerated), 3 (one) or 5 (two); an even count tolerates no more failures than the odd count below it.",
          '  - images.zookeeper: "zookeeper" has no tag, so it means latest: pin a version (e.g. zookeeper:<version>) so replaced machines run the same software.',
          '  - images.marathon: "mesosphere/marathon:latest" is not pinned: use a version tag instead of latest so replaced machines run the same software.',
          "  - dockerPackages: must list at least one package (e.g. docker.io), or be left out.",
        ].join("\n"),
      );
      return true;
    },
  );
  await rec.settle();
  assert.deepEqual(rec.summary(), [`${C} m`]);
});
