import assert from "node:assert/strict";
import { before, test } from "node:test";
import { Recorder, type RecordedResource } from "../../src/resources/recorder";
import type { KubernetesCluster as KubernetesClusterType, KubernetesClusterArgs } from "../../src/kubernetes/cluster";
import { renderKubernetesLeaveCommand } from "../../src/kubernetes/cluster-bootstrap";
import { criticalPath, diffInputs, inputsByName, mockCalls, mockOutputs, assertReplaceableMachines, recordRun } from "../cloud/mock-cloud";
import { ADMIN, awsArgs, openstackArgs } from "./cluster-fixture";

let rec: Recorder;
let KubernetesCluster: typeof KubernetesClusterType;
before(async () => {
  rec = await Recorder.install({ outputs: mockOutputs, calls: mockCalls });
  ({ KubernetesCluster } = await import("../../src/kubernetes/cluster.js"));
});

/** Runs one program (a cluster named "k") and returns what it registered; each run stands for one `pulumi up`. */
const run = (args: KubernetesClusterArgs): Promise<RecordedResource[]> => recordRun(rec, () => new KubernetesCluster("k", args).kubeconfig, ADMIN);

const openstackWorker = (i: number) => [
  `command:remote:Command k-worker-${i}-leave`,
  `openstack:compute/instance:Instance k-worker-${i}`,
  `openstack:networking/port:Port k-worker-${i}-port`,
];
const awsWorker = (i: number) => [
  `aws:ec2/instance:Instance k-worker-${i}`,
  `aws:ec2/networkInterface:NetworkInterface k-worker-${i}-nic`,
  `command:remote:Command k-worker-${i}-leave`,
];

test("scale out 3 → 5 adds exactly workers 3 and 4 and changes no existing resource's inputs", async () => {
  const three = inputsByName(await run(openstackArgs(3)));
  const five = inputsByName(await run(openstackArgs(5)));
  assert.deepEqual(diffInputs(three, five), { added: [...openstackWorker(3), ...openstackWorker(4)].sort(), removed: [], changed: [] });
});

test("scale in 5 → 3 removes exactly workers 3 and 4 (each with its drain-and-delete command)", async () => {
  const fiveResources = await run(openstackArgs(5));
  const five = inputsByName(fiveResources);
  const three = inputsByName(await run(openstackArgs(3)));
  assert.deepEqual(diffInputs(five, three), { added: [], removed: [...openstackWorker(3), ...openstackWorker(4)].sort(), changed: [] });
  const leave = fiveResources.find((r) => r.name === "k-worker-4-leave")!;
  assert.equal(leave.inputs["delete"], renderKubernetesLeaveCommand("k-worker-4", "worker"));
  assert.match(leave.inputs["delete"] as string, /drain "\$node" --ignore-daemonsets --delete-emptydir-data --force/);
  assert.match(leave.inputs["delete"] as string, /delete node "\$node"/);
});

test("AWS: scale 3 → 5 → 3 adds and removes only the new workers' interface, instance and leave command", async () => {
  const three = inputsByName(await run(awsArgs(3)));
  const five = inputsByName(await run(awsArgs(5)));
  const added = [...awsWorker(3), ...awsWorker(4)].sort();
  assert.deepEqual(diffInputs(three, five), { added, removed: [], changed: [] });
  assert.deepEqual(diffInputs(five, three), { added: [], removed: added, changed: [] });
});

test("AWS, three control-plane nodes: nodes 1 and 2 leave with their etcd member; node 0 runs the commands", async () => {
  const resources = await run(awsArgs(1));
  const names = resources.filter((r) => r.type === "command:remote:Command").map((r) => r.name).sort();
  assert.deepEqual(names, ["k-api-ready", "k-control-1-leave", "k-control-2-leave", "k-worker-0-leave"]);
  const leave = resources.find((r) => r.name === "k-control-2-leave")!;
  assert.equal(leave.inputs["delete"], renderKubernetesLeaveCommand("k-control-2", "control-plane"));
  assert.match(leave.inputs["delete"] as string, /member remove "\$member"/);
  assert.equal((leave.inputs["connection"] as Record<string, unknown>)["host"], "198.51.100.30");
  const eips = resources.filter((r) => r.type === "aws:ec2/eip:Eip").map((r) => r.name).sort();
  assert.deepEqual(eips, ["k-control-0-eip", "k-control-1-eip", "k-control-2-eip"]);
  const cp2 = resources.find((r) => r.name === "k-control-2" && r.type === "aws:ec2/instance:Instance")!;
  const userData = cp2.inputs["userData"] as string;
  assert.match(userData, /CONTROL_PLANES='10\.0\.3\.10 10\.0\.3\.11 10\.0\.3\.12'/);
  assert.doesNotMatch(userData, /kubeadm-init\.yaml\n\s+content/, "only node 0 carries the init configuration");
  const cp0 = resources.find((r) => r.name === "k-control-0" && r.type === "aws:ec2/instance:Instance")!;
  assert.match(cp0.inputs["userData"] as string, /certSANs:\n(\s+- \S+\n){6}\s+- 198\.51\.100\.32\n/, "the API certificate names every address");
  assert.match(userData, /kube-flannel\.yml/);
});

test("heal: a worker's resources depend on nothing worker-specific but its index (any one can be replaced alone)", async () => {
  for (const resources of [await run(openstackArgs(5)), await run(awsArgs(5))]) {
    assert.equal(assertReplaceableMachines(resources, "k-worker-", 5, "10.0.2."), 3);
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
  const names = resources.map((r) => `${r.type} ${r.name}`).filter((n) => / k-worker-(group|template|\d)/.test(n));
  assert.deepEqual(names.sort(), [
    "aws:autoscaling/group:Group k-worker-group",
    "aws:ec2/launchTemplate:LaunchTemplate k-worker-template",
  ]);
  const group = resources.find((r) => r.name === "k-worker-group")!;
  assert.deepEqual(group.inputs["minSize"], 4);
  assert.deepEqual(group.inputs["maxSize"], 4);
  const template = resources.find((r) => r.name === "k-worker-template")!;
  assert.deepEqual(template.secretPaths, ["userData"]);
  const userData = Buffer.from(template.inputs["userData"] as string, "base64").toString("utf8");
  assert.match(userData, /^#cloud-config\n/);
  assert.doesNotMatch(userData, /\nhostname:/);
  assert.match(userData, /NODE_NAME=''/);
  assert.doesNotMatch(userData, /\n {8}name: /, "kubeadm takes the machine's own hostname as the node name");
});
