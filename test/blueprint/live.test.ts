import assert from "node:assert/strict";
import * as path from "node:path";
import { before, test } from "node:test";
import * as pulumi from "@pulumi/pulumi";
import { Recorder } from "../../src/resources/recorder";

let rec: Recorder;
before(async () => {
  rec = await Recorder.install();
});

const FILE = path.join(__dirname, "../fixtures/blueprints/valid/kubernetes-scaled.yaml");

test("Blueprint registers each node instance under itself, wired by relationships, and hands nodes back by name", async () => {
  const { Blueprint } = await import("../../src/blueprint/index.js");
  // The kubeconfig input is a credential: its value is read from the stack's secret config, never from the blueprint.
  pulumi.runtime.setAllConfig({ "project:kubeconfig": JSON.stringify({ apiVersion: "v1", kind: "Config", clusters: [] }) }, ["project:kubeconfig"]);
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

test("a Swarm Microservice becomes Berth's SwarmService, its docker-py spec in the typed args", async () => {
  const { Blueprint } = await import("../../src/blueprint/index.js");
  rec.reset();
  const file = path.join(__dirname, "../fixtures/blueprints/valid/swarm-microservice.yaml");
  const bp = new Blueprint("s", { file, inputs: { replicas: 5 } });
  await rec.settle();
  assert.deepEqual(rec.summary(), ["berth:index:Blueprint s", "berth:index:SwarmService s-web-0", "docker:index/service:Service s-web-0-service"]);
  const svc = rec.get("docker:index/service:Service", "s-web-0-service");
  assert.equal(svc.parentType, "berth:index:SwarmService");
  assert.equal(svc.inputs["name"], "shop-web");
  assert.deepEqual(svc.inputs["mode"], { replicated: { replicas: 5 } });
  const task = svc.inputs["taskSpec"] as Record<string, Record<string, unknown>>;
  assert.equal(task["containerSpec"]!["image"], "registry.example/shop/web:2.3");
  assert.deepEqual(task["containerSpec"]!["args"], ["--port", "8080"]);
  assert.deepEqual(task["containerSpec"]!["env"], { MODE: "production", WORKERS: "4" });
  assert.deepEqual(task["placement"]!["constraints"], ["node.role == worker"]);
  assert.deepEqual(task["restartPolicy"], { condition: "on-failure", delay: "5s", maxAttempts: 3 });
  assert.deepEqual((svc.inputs["endpointSpec"] as Record<string, unknown>)["ports"], [
    { targetPort: 8080, publishedPort: 80, protocol: "tcp" },
  ]);
  assert.equal(bp.getNode("web").constructor.name, "SwarmService");
});

test("Kubernetes 1.x Microservices become KubernetesWorkloads: run and expose as the app form, config as a manifest", async () => {
  const { Blueprint } = await import("../../src/blueprint/index.js");
  rec.reset();
  const file = path.join(__dirname, "../fixtures/blueprints/valid/kubernetes-microservice.yaml");
  new Blueprint("m", { file });
  await rec.settle();
  const workloads = rec.ofType("berth:index:KubernetesWorkload").map((r) => r.name).sort();
  assert.deepEqual(workloads, ["m-nginx-0", "m-redis-0", "m-worker-0"]);
  const nginxKids = rec.childrenOf(rec.get("berth:index:KubernetesWorkload", "m-nginx-0").urn).map((r) => r.type).sort();
  assert.deepEqual(nginxKids, ["kubernetes:apps/v1:Deployment", "kubernetes:core/v1:Service"]);
  const workerKids = rec.childrenOf(rec.get("berth:index:KubernetesWorkload", "m-worker-0").urn).map((r) => r.type);
  assert.deepEqual(workerKids, ["kubernetes:apps/v1:Deployment"]);
  const redisKids = rec.childrenOf(rec.get("berth:index:KubernetesWorkload", "m-redis-0").urn).map((r) => r.type);
  assert.deepEqual(redisKids, ["kubernetes:yaml/v2:ConfigGroup"]);
});
