import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, test } from "node:test";
import type { Recorder as RecorderType } from "../../src/resources/recorder";
import { defaultNamespace, expandManifestPath, loadManifests, parseManifests } from "../../src/kubernetes/workload-manifests";

let rec: RecorderType;
let KubernetesWorkload: typeof import("../../src/kubernetes/workload").KubernetesWorkload;
let dir: string;

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: "nginx:1.27"}]}
`;
const SERVICE_AND_NS = `apiVersion: v1
kind: Service
metadata: {name: web, namespace: edge}
spec: {selector: {app: web}, ports: [{port: 80}]}
---
# an empty document is skipped
---
apiVersion: v1
kind: Namespace
metadata: {name: edge}
`;
const CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: gadgets.example.com}
spec:
  group: example.com
  scope: Cluster
  names: {kind: Gadget, plural: gadgets}
  versions: [{name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object}}}]
---
apiVersion: example.com/v1
kind: Gadget
metadata: {name: g1}
---
apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: ConfigMap
    metadata: {name: settings}
    data: {a: "1"}
`;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "berth-k8s-"));
  fs.mkdirSync(path.join(dir, "app"));
  fs.mkdirSync(path.join(dir, "app", "nested"));
  fs.writeFileSync(path.join(dir, "app", "deployment.yaml"), DEPLOYMENT);
  fs.writeFileSync(path.join(dir, "app", "service.yml"), SERVICE_AND_NS);
  fs.writeFileSync(path.join(dir, "app", "README.md"), "not a manifest");
  fs.writeFileSync(path.join(dir, "app", "nested", "crd.yaml"), CRD);
  const { Recorder } = await import("../../src/resources/recorder.js");
  rec = await Recorder.install();
  ({ KubernetesWorkload } = await import("../../src/kubernetes/workload.js"));
});

after(() => fs.rmSync(dir, { recursive: true, force: true }));

test("expandManifestPath: a file, a folder (not recursive), globs with * and **, and no match", () => {
  const f = (p: string) => expandManifestPath(p, dir, fs);
  assert.deepEqual(f("app/deployment.yaml"), [path.join(dir, "app/deployment.yaml")]);
  assert.deepEqual(f("app"), [path.join(dir, "app/deployment.yaml"), path.join(dir, "app/service.yml")]);
  assert.deepEqual(f("app/*.yaml"), [path.join(dir, "app/deployment.yaml")]);
  assert.deepEqual(f("**/*.yaml"), [path.join(dir, "app/deployment.yaml"), path.join(dir, "app/nested/crd.yaml")]);
  assert.deepEqual(f("app/s?rvice.yml"), [path.join(dir, "app/service.yml")]);
  assert.deepEqual(f("nothing/*.yaml"), []);
  assert.deepEqual(f("missing.yaml"), []);
});

test("parseManifests: documents, lists, and every problem named by source and document", () => {
  const text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n- not a mapping\n---\nkind: Secret\nmetadata: {}\n";
  const r = parseManifests(text, "x.yaml");
  assert.deepEqual(r.objects, [{ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "a" } }]);
  assert.deepEqual(r.problems, [
    { where: "x.yaml#2", message: "a manifest document must be a mapping with apiVersion, kind and metadata" },
    { where: "x.yaml#3", message: "has no apiVersion" },
    { where: "x.yaml#3", message: "Secret has no metadata.name; every object needs a name" },
  ]);
  assert.deepEqual(parseManifests("a: [\n", "bad.yaml").problems.map((p) => p.where), ["bad.yaml:2"]);
});

test("defaultNamespace: namespaced kinds without one get it; cluster-scoped kinds and CRD-declared ones do not", () => {
  const objs = [
    { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "a" } },
    { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "b", namespace: "other" } },
    { apiVersion: "v1", kind: "Namespace", metadata: { name: "n" } },
    { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: { name: "r" } },
    {
      apiVersion: "apiextensions.k8s.io/v1",
      kind: "CustomResourceDefinition",
      metadata: { name: "w.example.com" },
      spec: { scope: "Cluster", names: { kind: "Widget" } },
    },
    { apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w" } },
    { apiVersion: "example.com/v1", kind: "Sprocket", metadata: { name: "s" } },
  ];
  const out = defaultNamespace(objs, "shop");
  assert.deepEqual(
    out.map((o) => (o["metadata"] as { namespace?: string }).namespace),
    ["shop", "other", undefined, undefined, undefined, undefined, "shop"],
  );
  assert.equal((objs[0]!.metadata as { namespace?: string }).namespace, undefined, "the input is not changed");
});

test("loadManifests: duplicates and paths that match nothing are problems", () => {
  const r = loadManifests(["app/deployment.yaml", "nope/*.yaml"], [DEPLOYMENT], dir, fs);
  assert.deepEqual(r.problems, [
    { where: "files[1]", message: '"nope/*.yaml" matches no manifest file' },
    { where: "manifests", message: "apps/Deployment//web is defined 2 times; each object once" },
  ]);
});

test("manifests form: one ConfigGroup with the parsed objects, namespaces defaulted, await logic left on", async () => {
  await rec.settle();
  rec.reset();
  const w = new KubernetesWorkload("site", {
    files: ["app", "app/nested/*.yaml"],
    manifests: ["apiVersion: v1\nkind: ConfigMap\nmetadata: {name: inline}\ndata: {k: v}\n"],
    baseDir: dir,
    namespace: "shop",
  });
  await rec.settle();
  assert.deepEqual(rec.summary(), ["berth:index:KubernetesWorkload site", "kubernetes:yaml/v2:ConfigGroup site-manifests"]);
  const group = rec.get("kubernetes:yaml/v2:ConfigGroup", "site-manifests");
  assert.equal(group.parentName, "site");
  assert.deepEqual(group.inputs, {
    objs: [
      {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name: "web", namespace: "shop" },
        spec: {
          replicas: 2,
          selector: { matchLabels: { app: "web" } },
          template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "web", image: "nginx:1.27" }] } },
        },
      },
      {
        apiVersion: "v1",
        kind: "Service",
        metadata: { name: "web", namespace: "edge" },
        spec: { selector: { app: "web" }, ports: [{ port: 80 }] },
      },
      { apiVersion: "v1", kind: "Namespace", metadata: { name: "edge" } },
      {
        apiVersion: "apiextensions.k8s.io/v1",
        kind: "CustomResourceDefinition",
        metadata: { name: "gadgets.example.com" },
        spec: {
          group: "example.com",
          scope: "Cluster",
          names: { kind: "Gadget", plural: "gadgets" },
          versions: [{ name: "v1", served: true, storage: true, schema: { openAPIV3Schema: { type: "object" } } }],
        },
      },
      { apiVersion: "example.com/v1", kind: "Gadget", metadata: { name: "g1" } },
      { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "settings", namespace: "shop" }, data: { a: "1" } },
      { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "inline", namespace: "shop" }, data: { k: "v" } },
    ],
  });
  assert.deepEqual(rec.get("berth:index:KubernetesWorkload", "site").outputs, {
    namespace: "shop",
    objectNames: [
      "Deployment/shop/web",
      "Service/edge/web",
      "Namespace//edge",
      "CustomResourceDefinition//gadgets.example.com",
      "Gadget//g1",
      "ConfigMap/shop/settings",
      "ConfigMap/shop/inline",
    ],
  });
  assert.deepEqual(await new Promise((r) => w.namespace.apply(r)), "shop");
});

test("typed form: an apps/v1 Deployment and a v1 Service that waits for it", async () => {
  await rec.settle();
  rec.reset();
  new KubernetesWorkload("api", {
    namespace: "shop",
    app: {
      name: "api",
      image: "api:3",
      replicas: 2,
      env: { MODE: "prod", A: "1" },
      args: ["--verbose"],
      ports: [
        { name: "http", containerPort: 8080, servicePort: 80 },
        { name: "metrics", containerPort: 9100, protocol: "TCP" },
      ],
      serviceType: "NodePort",
    },
  });
  await rec.settle();
  assert.deepEqual(rec.summary(), [
    "berth:index:KubernetesWorkload api",
    "kubernetes:apps/v1:Deployment api-deployment",
    "kubernetes:core/v1:Service api-service",
  ]);
  const labels = { "app.kubernetes.io/name": "api" };
  const deployment = rec.get("kubernetes:apps/v1:Deployment", "api-deployment");
  assert.deepEqual(deployment.inputs, {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "api", namespace: "shop", labels },
    spec: {
      replicas: 2,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          containers: [
            {
              name: "api",
              image: "api:3",
              args: ["--verbose"],
              env: [
                { name: "A", value: "1" },
                { name: "MODE", value: "prod" },
              ],
              ports: [
                { name: "http", containerPort: 8080, protocol: "TCP" },
                { name: "metrics", containerPort: 9100, protocol: "TCP" },
              ],
            },
          ],
        },
      },
    },
  });
  const service = rec.get("kubernetes:core/v1:Service", "api-service");
  assert.deepEqual(service.inputs, {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: "api", namespace: "shop", labels },
    spec: {
      type: "NodePort",
      selector: labels,
      ports: [
        { name: "http", port: 80, targetPort: 8080, protocol: "TCP" },
        { name: "metrics", port: 9100, targetPort: 9100, protocol: "TCP" },
      ],
    },
  });
  assert.deepEqual(service.dependencies, [deployment.urn]);
  assert.equal(JSON.stringify(deployment.inputs).includes("skipAwait"), false);
});

test("a typed app without ports has no Service", async () => {
  await rec.settle();
  rec.reset();
  new KubernetesWorkload("worker", { app: { name: "worker", image: "w:1" } });
  await rec.settle();
  assert.deepEqual(rec.summary(), ["berth:index:KubernetesWorkload worker", "kubernetes:apps/v1:Deployment worker-deployment"]);
  const spec = rec.get("kubernetes:apps/v1:Deployment", "worker-deployment").inputs["spec"] as { replicas: number };
  assert.equal(spec.replicas, 1);
});

test("argument problems are all reported at once, before any child exists", async () => {
  await rec.settle();
  rec.reset();
  assert.throws(
    () =>
      new KubernetesWorkload("bad", {
        files: ["missing/"],
        namespace: "Not_OK",
        app: { name: "Bad Name", image: "", replicas: 1.5, ports: [{ containerPort: 0 }, { containerPort: 80, protocol: "HTTP" }] },
      }),
    (err: Error & { problems?: { where: string; message: string }[] }) => {
      assert.deepEqual(err.problems, [
        { where: "files", message: "set `files` and/or `manifests` (native manifests), or `app` (the typed form): one of the two" },
        { where: "namespace", message: "\"Not_OK\" is not a namespace name: lowercase letters, digits and '-'" },
        { where: "app.name", message: "\"Bad Name\" is not a DNS label: lowercase letters, digits and '-', at most 63" },
        { where: "app.image", message: "must not be empty" },
        { where: "app.replicas", message: "must be a whole number, 0 or more" },
        { where: "app.ports[0].containerPort", message: "must be a port number from 1 to 65535" },
        { where: "app.ports[0].name", message: "is required when there are several ports" },
        { where: "app.ports[1].protocol", message: '"HTTP" is not TCP, UDP or SCTP' },
        { where: "app.ports[1].name", message: "is required when there are several ports" },
        { where: "files[0]", message: '"missing/" matches no manifest file' },
      ]);
      return true;
    },
  );
  await rec.settle();
  assert.deepEqual(rec.summary(), ["berth:index:KubernetesWorkload bad"]);
});
