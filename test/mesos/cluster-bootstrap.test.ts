import assert from "node:assert/strict";
import { test } from "node:test";
import * as yaml from "js-yaml";
import {
  MESOS_BOOTSTRAP_SCRIPT,
  type MesosBootstrapValues,
  renderMesosAgentLeaveCommand,
  renderMesosAgentWaitCommand,
  renderMesosBootstrapScript,
  renderMesosCloudInit,
} from "../../src/mesos/cluster-bootstrap";
import { mesosQuorum, zookeeperServers, zookeeperUrl } from "../../src/mesos/cluster-ensemble";
import { DEFAULT_MESOS_IMAGES, imagePinProblem } from "../../src/mesos/cluster-images";
import { assertShellcheckClean, assertValidCloudConfig } from "../cloud/validators";

const quorums: [number, number][] = [[1, 1], [3, 2], [5, 3]];
for (const [masters, quorum] of quorums) {
  test(`mesosQuorum(${masters}) = ${quorum}: the majority`, () => assert.equal(mesosQuorum(masters), quorum));
}

test("zookeeperServers: server.<i+1>=<address>:2888:3888;2181, master 0 first", () => {
  assert.equal(zookeeperServers(["10.0.5.10"]), "server.1=10.0.5.10:2888:3888;2181");
  assert.equal(
    zookeeperServers(["10.0.5.10", "10.0.5.11", "10.0.5.12"]),
    "server.1=10.0.5.10:2888:3888;2181 server.2=10.0.5.11:2888:3888;2181 server.3=10.0.5.12:2888:3888;2181",
  );
});

test("zookeeperUrl: every master's client port, then the path", () => {
  assert.equal(zookeeperUrl(["10.0.5.10", "10.0.5.11"], "/mesos"), "zk://10.0.5.10:2181,10.0.5.11:2181/mesos");
  assert.equal(zookeeperUrl(["10.0.5.10"], "/marathon"), "zk://10.0.5.10:2181/marathon");
});

const pins: [string, string | undefined][] = [
  ["zookeeper:3.8.4", undefined],
  ["registry.example.org:5000/mesos/master:1.7.1", undefined],
  ["mesosphere/mesos-master@sha256:0123", undefined],
  ["zookeeper", '"zookeeper" has no tag, so it means latest: pin a version (e.g. zookeeper:<version>) so replaced machines run the same software.'],
  ["registry.example.org:5000/zookeeper", '"registry.example.org:5000/zookeeper" has no tag, so it means latest: pin a version (e.g. registry.example.org:5000/zookeeper:<version>) so replaced machines run the same software.'],
  ["zookeeper:latest", '"zookeeper:latest" is not pinned: use a version tag instead of latest so replaced machines run the same software.'],
  ["", "is empty: name an image with a tag, e.g. zookeeper:3.8.4."],
];
for (const [reference, expected] of pins) {
  test(`imagePinProblem(${JSON.stringify(reference)})`, () => assert.equal(imagePinProblem(reference), expected));
}
test("the default images are all pinned", () => {
  assert.deepEqual(DEFAULT_MESOS_IMAGES, {
    zookeeper: "zookeeper:3.8.4",
    master: "mesosphere/mesos-master:1.7.1",
    agent: "mesosphere/mesos-slave:1.7.1",
    marathon: "mesosphere/marathon:v1.8.244",
  });
  for (const image of Object.values(DEFAULT_MESOS_IMAGES)) assert.equal(imagePinProblem(image), undefined);
});

const master: MesosBootstrapValues = {
  role: "master",
  index: 1,
  hostname: "m-master-1",
  clusterName: "m",
  masterAddresses: ["10.0.5.10", "10.0.5.11", "10.0.5.12"],
  images: { ...DEFAULT_MESOS_IMAGES },
  marathon: true,
  dockerPackages: ["docker.io"],
};
const agent: MesosBootstrapValues = { ...master, role: "agent", index: 3, hostname: "m-agent-3" };

test("cloud-config: hostname, Docker and tools, the bootstrap script, Docker enabled then the script", () => {
  for (const v of [master, agent, { ...agent, hostname: "" }]) {
    const text = renderMesosCloudInit(v);
    assert.deepEqual(yaml.load(text.replace(/^#cloud-config\n/, "")), {
      ...(v.hostname !== "" ? { hostname: v.hostname, preserve_hostname: false } : {}),
      package_update: true,
      packages: ["docker.io", "curl", "jq"],
      write_files: [{ path: MESOS_BOOTSTRAP_SCRIPT, content: renderMesosBootstrapScript(v), permissions: "0755", owner: "root:root" }],
      runcmd: [["systemctl", "enable", "--now", "docker"], [MESOS_BOOTSTRAP_SCRIPT]],
    });
    assertValidCloudConfig(text);
  }
});

test("a master's script: its ZooKeeper id, the ensemble, the quorum, the zk:// URLs and pinned images", () => {
  const script = renderMesosBootstrapScript(master);
  assert.equal(
    script.split("\n").slice(3, 13).join("\n"),
    [
      "ZK_ID=2",
      "ZK_SERVERS='server.1=10.0.5.10:2888:3888;2181 server.2=10.0.5.11:2888:3888;2181 server.3=10.0.5.12:2888:3888;2181'",
      "MESOS_ZK_URL=zk://10.0.5.10:2181,10.0.5.11:2181,10.0.5.12:2181/mesos",
      "MARATHON_ZK_URL=zk://10.0.5.10:2181,10.0.5.11:2181,10.0.5.12:2181/marathon",
      "QUORUM=2",
      "CLUSTER=m",
      "ZOOKEEPER_IMAGE=zookeeper:3.8.4",
      "MASTER_IMAGE=mesosphere/mesos-master:1.7.1",
      "MARATHON_IMAGE=mesosphere/marathon:v1.8.244",
      "MARATHON=yes",
    ].join("\n"),
  );
  for (const line of [
    'start zookeeper -e ZOO_MY_ID="$ZK_ID" -e ZOO_SERVERS="$ZK_SERVERS" \\',
    'start mesos-master -e MESOS_ZK="$MESOS_ZK_URL" -e MESOS_QUORUM="$QUORUM" -e MESOS_CLUSTER="$CLUSTER" \\',
    '  start marathon -e MARATHON_HOSTNAME="$self" "$MARATHON_IMAGE" --master "$MESOS_ZK_URL" --zk "$MARATHON_ZK_URL"',
    '  docker run -d --name "$name" --restart always --net host "$@"',
  ]) {
    assert.ok(script.split("\n").includes(line), line);
  }
  assert.match(renderMesosBootstrapScript({ ...master, marathon: false }), /\nMARATHON=no\n/);
  assertShellcheckClean(script);
});

test("an agent's script: masters' zk:// URL, its hostname as the Mesos hostname, machine/up before it starts", () => {
  const script = renderMesosBootstrapScript(agent);
  assert.equal(
    script.split("\n").slice(3, 7).join("\n"),
    [
      "NODE_NAME=m-agent-3",
      "MASTERS='10.0.5.10 10.0.5.11 10.0.5.12'",
      "MESOS_ZK_URL=zk://10.0.5.10:2181,10.0.5.11:2181,10.0.5.12:2181/mesos",
      "AGENT_IMAGE=mesosphere/mesos-slave:1.7.1",
    ].join("\n"),
  );
  assert.match(script, /"http:\/\/\$master:5050\/machine\/up"/);
  assert.match(script, /-e MESOS_MASTER="\$MESOS_ZK_URL" -e MESOS_IP="\$self" -e MESOS_HOSTNAME="\$NODE_NAME"/);
  assert.ok(script.indexOf("machine/up") < script.indexOf("docker run"), "maintenance is ended before the agent registers");
  assertShellcheckClean(script);
});

test("agent leave: a maintenance window for the agent starting now, a drain period, then machine/down", () => {
  const leave = renderMesosAgentLeaveCommand("m-agent-3");
  const lines = leave.split("\n");
  assert.equal(lines[2], "node=m-agent-3");
  assert.ok(lines.includes("sleep 120"));
  assert.ok(leave.indexOf("/maintenance/schedule\"\n") < leave.indexOf("sleep 120"));
  assert.ok(leave.indexOf("sleep 120") < leave.indexOf("/machine/down"));
  assert.match(leave, /\[\{machine_ids: \$m, unavailability: \{start: \{nanoseconds: \$s\}\}\}\]/);
  assert.equal(renderMesosAgentLeaveCommand("a'b").split("\n")[2], `node='a'\\''b'`);
  assertShellcheckClean(leave);
  const wait = renderMesosAgentWaitCommand("m-agent-3");
  assert.match(wait, /select\(\.hostname == \$n and \.active\)/);
  assertShellcheckClean(wait);
});
