/** The bench's generated inputs: blueprints of exactly N node templates, the preview program, cluster arguments. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { load } from "js-yaml";
import { BLUEPRINT_IMPORTS, generateBlueprint } from "../../bench/programs/blueprint";
import { clusterArgs } from "../../bench/programs/clusters";
import { previewProgramSource } from "../../bench/programs/preview-program";

interface Doc {
  imports: string[];
  node_templates: Record<string, { type: string; relationships?: { type: string; target: string }[] }>;
}

test("generateBlueprint: exactly N node templates, every relationship target defined, the catalogue imports", () => {
  for (const n of [4, 5, 7, 13, 200]) {
    const doc = load(generateBlueprint(n)) as Doc;
    const names = Object.keys(doc.node_templates);
    assert.equal(names.length, n, `${n} nodes`);
    assert.deepEqual(doc.imports, BLUEPRINT_IMPORTS);
    for (const [name, node] of Object.entries(doc.node_templates)) {
      for (const r of node.relationships ?? []) assert.ok(names.includes(r.target), `${name} → ${r.target}`);
    }
  }
  assert.throws(() => generateBlueprint(3), /at least 4/);
});

test("generateBlueprint: the unit mix and the intrinsic functions in each kind of node", () => {
  const doc = load(generateBlueprint(13)) as Doc;
  const types = Object.values(doc.node_templates).map((n) => n.type);
  const countOf = (t: string) => types.filter((x) => x === t).length;
  assert.equal(countOf("cloudify.openstack.nodes.Port"), 3);
  assert.equal(countOf("cloudify.openstack.nodes.Server"), 3);
  assert.equal(countOf("cloudify.docker.Container"), 3);
  assert.deepEqual(doc.node_templates["app_1"]?.relationships, [
    { type: "cloudify.relationships.contained_in", target: "server_1" },
    { type: "cloudify.relationships.connected_to", target: "app_0" },
  ]);
  const text = generateBlueprint(7);
  for (const fn of ["get_input", "concat", "get_attribute", "get_property"]) assert.ok(text.includes(`${fn}:`), fn);
});

test("previewProgramSource: N/2 image + container pairs; odd counts refused", () => {
  const source = previewProgramSource(500);
  assert.match(source, /for \(let i = 0; i < 250; i\+\+\)/);
  assert.match(source, /new docker\.RemoteImage\(/);
  assert.match(source, /new docker\.Container\(/);
  assert.throws(() => previewProgramSource(5), /even number/);
});

test("clusterArgs: the control pool under its own name, workers as asked", () => {
  assert.deepEqual(clusterArgs("openstack", "managers", 10), {
    cloud: { openstack: { networkName: "private", floatingIpPool: "public" }, adminCidrs: ["203.0.113.0/24"] },
    managers: { count: 1, image: "ubuntu-24.04", size: "m1.medium" },
    workers: { count: 10, image: "ubuntu-24.04", size: "m1.large" },
  });
  assert.deepEqual(clusterArgs("aws", "controlPlane", 1), {
    cloud: { aws: { vpcId: "vpc-1", subnetIds: ["subnet-a", "subnet-b"] }, adminCidrs: ["203.0.113.0/24"] },
    controlPlane: { count: 3, image: "ami-123", size: "t3.medium" },
    workers: { count: 1, image: "ami-123", size: "t3.large" },
  });
});
