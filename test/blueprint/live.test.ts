import assert from "node:assert/strict";
import * as path from "node:path";
import { before, test } from "node:test";
import { Recorder } from "../../src/testing/recorder";

let rec: Recorder;
before(async () => {
  rec = await Recorder.install();
});

const FILE = path.join(__dirname, "../fixtures/blueprints/valid/kubernetes-scaled.yaml");

test("Blueprint registers each node instance under itself, wired by relationships, and hands nodes back by name", async () => {
  const { Blueprint } = await import("../../src/blueprint/index.js");
  const bp = new Blueprint("k", { file: FILE, inputs: { replicas: 3 } });
  await rec.settle();
  assert.deepEqual(rec.summary(), [
    "berth:index:Blueprint k",
    "kubernetes:apps/v1:Deployment k-app-0",
    "kubernetes:core/v1:Service k-svc-0",
    "kubernetes:core/v1:Service k-svc-1",
    "kubernetes:core/v1:Service k-svc-2",
    "kubernetes:core/v1:Service k-svc-3",
    "pulumi:providers:kubernetes k-master-0",
  ]);
  const app = rec.get("kubernetes:apps/v1:Deployment", "k-app-0");
  assert.equal(app.parentName, "k");
  assert.equal(app.parentType, "berth:index:Blueprint");
  assert.deepEqual(app.inputs["metadata"], { name: "app", namespace: "apps" });
  assert.deepEqual((app.inputs["spec"] as Record<string, unknown>)["replicas"], 3);
  assert.deepEqual((app.inputs["spec"] as Record<string, unknown>)["selector"], { matchLabels: { app: "app" } });
  assert.match(app.provider ?? "", /k-master-0/);
  const master = rec.get("pulumi:providers:kubernetes", "k-master-0");
  assert.deepEqual(master.secretPaths, ["kubeconfig"]);
  assert.equal(master.inputs["kubeconfig"], JSON.stringify({ apiVersion: "v1", kind: "Config", clusters: [] }));
  const svc = rec.get("kubernetes:core/v1:Service", "k-svc-3");
  assert.deepEqual(svc.dependencies.sort(), [master.urn, app.urn].sort());
  assert.deepEqual(rec.get("berth:index:Blueprint", "k").outputs, { first: { a: 1, b: 3 } });
  assert.equal(bp.getNode("app").constructor.name, "Deployment");
  assert.throws(() => bp.getNode("nope"), /no converted node "nope"; nodes: app, master, svc/);
});

test("a blueprint with problems fails with every problem and no child resource", async () => {
  const { Blueprint } = await import("../../src/blueprint/index.js");
  const before = rec.resources.length;
  const bad = path.join(__dirname, "../fixtures/blueprints/invalid/unknown-type.yaml");
  assert.throws(() => new Blueprint("bad", { file: bad }), /unknown-type\.yaml:7:11: unknown node type "cloudify.nodes.Nope"/);
  await rec.settle();
  assert.deepEqual(rec.resources.slice(before).map((r) => `${r.type} ${r.name}`), ["berth:index:Blueprint bad"]);
});
