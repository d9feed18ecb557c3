import assert from "node:assert/strict";
import { before, test } from "node:test";
import { Recorder, type RecordedResource } from "../../src/resources/recorder";
import type { MesosCluster as MesosClusterType, MesosClusterArgs } from "../../src/mesos/cluster";
import { criticalPath, diffInputs, inputsByName, mockCalls, mockOutputs, assertReplaceableMachines, recordRun } from "../cloud/mock-cloud";
import { ADMIN, openstackArgs } from "./cluster-fixture";

let rec: Recorder;
let MesosCluster: typeof MesosClusterType;
before(async () => {
  rec = await Recorder.install({ outputs: mockOutputs, calls: mockCalls });
  ({ MesosCluster } = await import("../../src/mesos/cluster.js"));
});

/** Runs one program (a cluster named "m") and returns what it registered; each run stands for one `pulumi up`. */
const run = (args: MesosClusterArgs): Promise<RecordedResource[]> => recordRun(rec, () => new MesosCluster("m", args).zookeeperUrl, ADMIN);

const newAgent = (i: number) => [
  `command:remote:Command m-agent-${i}-leave`,
  `openstack:compute/instance:Instance m-agent-${i}`,
  `openstack:networking/port:Port m-agent-${i}-port`,
];

test("scale out 3 → 5 adds exactly agents 3 and 4 and changes no existing resource's inputs", async () => {
  const three = inputsByName(await run(openstackArgs(3)));
  const five = inputsByName(await run(openstackArgs(5)));
  assert.deepEqual(diffInputs(three, five), { added: [...newAgent(3), ...newAgent(4)].sort(), removed: [], changed: [] });
});

test("scale in 5 → 3 removes exactly agents 3 and 4 (each with its maintenance command)", async () => {
  const five = inputsByName(await run(openstackArgs(5)));
  const three = inputsByName(await run(openstackArgs(3)));
  assert.deepEqual(diffInputs(five, three), { added: [], removed: [...newAgent(3), ...newAgent(4)].sort(), changed: [] });
});

test("AWS: agents scale the same way (interface, instance, leave command), masters get elastic IPs", async () => {
  const aws = (n: number): MesosClusterArgs => ({
    ...openstackArgs(n),
    cloud: { aws: { vpcId: "vpc-1", subnetIds: ["subnet-a"] }, adminCidrs: ADMIN },
  });
  const threeResources = await run(aws(3));
  const three = inputsByName(threeResources);
  const five = inputsByName(await run(aws(5)));
  const added = [3, 4].flatMap((i) => [
    `aws:ec2/instance:Instance m-agent-${i}`,
    `aws:ec2/networkInterface:NetworkInterface m-agent-${i}-nic`,
    `command:remote:Command m-agent-${i}-leave`,
  ]);
  assert.deepEqual(diffInputs(three, five), { added: added.sort(), removed: [], changed: [] });
  assert.deepEqual(threeResources.filter((r) => r.type === "aws:ec2/eip:Eip").map((r) => r.name).sort(), ["m-master-0-eip", "m-master-1-eip", "m-master-2-eip"]);
});

test("heal: an agent's resources depend on nothing agent-specific but its index (any one can be replaced alone)", async () => {
  const resources = await run(openstackArgs(5));
  assert.equal(assertReplaceableMachines(resources, "m-agent-", 5, "10.0.6."), 3);
  // A master can be replaced alone too: nothing depends on a master's instance.
  for (let i = 0; i < 3; i++) {
    const instance = resources.find((r) => r.name === `m-master-${i}` && r.type === "openstack:compute/instance:Instance")!;
    assert.deepEqual(resources.filter((r) => r.dependencies.includes(instance.urn)).map((r) => r.name), []);
  }
});

test("parallel creation: the critical path with 50 agents is the same as with 1", async () => {
  const one = criticalPath(await run(openstackArgs(1)));
  const fifty = criticalPath(await run(openstackArgs(50)));
  assert.equal(fifty, one);
  assert.ok(one >= 5, `critical path ${one} should cover site → port → instance → leave`);
});
