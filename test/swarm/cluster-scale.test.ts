import assert from "node:assert/strict";
import { before, test } from "node:test";
import { Recorder, type RecordedResource } from "../../src/resources/recorder";
import type { SwarmCluster as SwarmClusterType, SwarmClusterArgs } from "../../src/swarm/cluster";
import { criticalPath, diffInputs, inputsByName, mockCalls, mockOutputs, assertReplaceableMachines, recordRun } from "../cloud/mock-cloud";
import { ADMIN, awsArgs, openstackArgs } from "./cluster-fixture";

let rec: Recorder;
let SwarmCluster: typeof SwarmClusterType;
before(async () => {
  rec = await Recorder.install({ outputs: mockOutputs, calls: mockCalls });
  ({ SwarmCluster } = await import("../../src/swarm/cluster.js"));
});

/** Runs one program (a cluster named "sw") and returns what it registered; each run stands for one `pulumi up`. */
const run = (args: SwarmClusterArgs): Promise<RecordedResource[]> => recordRun(rec, () => new SwarmCluster("sw", args).workerToken, ADMIN);

const newWorkerResources = (i: number) => [
  `command:remote:Command sw-worker-${i}-leave`,
  `openstack:compute/instance:Instance sw-worker-${i}`,
  `openstack:networking/port:Port sw-worker-${i}-port`,
];

test("scale out 3 → 5 adds exactly workers 3 and 4 and changes no existing resource's inputs", async () => {
  const three = inputsByName(await run(openstackArgs(3)));
  const five = inputsByName(await run(openstackArgs(5)));
  assert.deepEqual(diffInputs(three, five), { added: [...newWorkerResources(3), ...newWorkerResources(4)].sort(), removed: [], changed: [] });
});

test("scale in 5 → 3 removes exactly workers 3 and 4 (each with its drain-and-remove command)", async () => {
  const five = inputsByName(await run(openstackArgs(5)));
  const three = inputsByName(await run(openstackArgs(3)));
  assert.deepEqual(diffInputs(five, three), { added: [], removed: [...newWorkerResources(3), ...newWorkerResources(4)].sort(), changed: [] });
});

test("AWS: scale out 3 → 5 adds only the new workers' interface, instance and leave command", async () => {
  const three = inputsByName(await run(awsArgs(3)));
  const five = inputsByName(await run(awsArgs(5)));
  const added = (i: number) => [
    `aws:ec2/instance:Instance sw-worker-${i}`,
    `aws:ec2/networkInterface:NetworkInterface sw-worker-${i}-nic`,
    `command:remote:Command sw-worker-${i}-leave`,
  ];
  assert.deepEqual(diffInputs(three, five), { added: [...added(3), ...added(4)].sort(), removed: [], changed: [] });
});

test("heal: a worker's inputs depend on nothing worker-specific but its index (any one can be replaced alone)", async () => {
  for (const resources of [await run(openstackArgs(5)), await run(awsArgs(5))]) {
    assertReplaceableMachines(resources, "sw-worker-", 5, "10.0.2.");
  }
});

test("parallel creation: the critical path with 50 workers is the same as with 1", async () => {
  for (const make of [openstackArgs, (n: number) => awsArgs(n)]) {
    const one = criticalPath(await run(make(1)));
    const fifty = criticalPath(await run(make(50)));
    assert.equal(fifty, one);
    assert.ok(one >= 5, `critical path ${one} should cover site → port → instance → leave`);
  }
});

test("AWS self-healing workers: one launch template and one auto-scaling group of fixed size, no per-machine resources", async () => {
  const resources = await run(awsArgs(4, true));
  const names = resources.map((r) => `${r.type} ${r.name}`).filter((n) => / sw-worker-(group|template|\d)/.test(n));
  assert.deepEqual(names.sort(), [
    "aws:autoscaling/group:Group sw-worker-group",
    "aws:ec2/launchTemplate:LaunchTemplate sw-worker-template",
  ]);
  const group = resources.find((r) => r.name === "sw-worker-group")!;
  assert.deepEqual(group.inputs, {
    namePrefix: "sw-worker-",
    minSize: 4,
    maxSize: 4,
    desiredCapacity: 4,
    vpcZoneIdentifiers: ["subnet-a", "subnet-b"],
    healthCheckType: "EC2",
    healthCheckGracePeriod: 300,
    launchTemplate: { id: "sw-worker-template-id", version: "1" },
    instanceRefresh: { strategy: "Rolling", preferences: { minHealthyPercentage: 50 } },
  });
  const template = resources.find((r) => r.name === "sw-worker-template")!;
  assert.deepEqual(template.secretPaths, ["userData"]);
  const userData = Buffer.from(template.inputs["userData"] as string, "base64").toString("utf8");
  assert.match(userData, /^#cloud-config\n/);
  assert.doesNotMatch(userData, /\nhostname:/);
});
