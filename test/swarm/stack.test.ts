// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Compose `${VAR}` syntax is the data under test.
import assert from "node:assert/strict";
import { before, mock, test } from "node:test";
import type * as pulumi from "@pulumi/pulumi";
import type { Recorder as RecorderType } from "../../src/resources/recorder";
import { fixture, lineOf } from "../compose/fixtures";

let rec: RecorderType;
let SwarmStack: typeof import("../../src/swarm/stack").SwarmStack;
let pulumiModule: typeof pulumi;
const warned: string[] = [];

before(async () => {
  process.env["BERTH_TEST_IMAGE"] = "berth-test/busybox:1";
  delete process.env["TIER"];
  const { Recorder } = await import("../../src/resources/recorder.js");
  // The engine answers a network lookup by name with the network's id.
  rec = await Recorder.install({
    calls: (a) => (a.token === "docker:index/getNetwork:getNetwork" ? { ...a.inputs, id: `id-of-${String(a.inputs["name"])}` } : a.inputs),
  });
  pulumiModule = await import("@pulumi/pulumi");
  mock.method(pulumiModule.log, "warn", async (message: string) => {
    warned.push(message);
  });
  ({ SwarmStack } = await import("../../src/swarm/stack.js"));
});

function resolve<T>(o: pulumi.Output<T>): Promise<T> {
  return new Promise((r) => o.apply(r));
}

const NS = { label: "com.docker.stack.namespace", value: "shop" };
const IMAGE = "berth-test/busybox:1";

test("stack.yaml: exact children, inputs, secrets, dependencies and outputs", async () => {
  await rec.settle();
  rec.reset();
  warned.length = 0;
  const stack = new SwarmStack("shop", { file: fixture("stack.yaml") });
  await rec.settle();
  assert.deepEqual(rec.summary(), [
    "berth:index:SwarmStack shop",
    "docker:index/network:Network shop-network-back",
    "docker:index/network:Network shop-network-front",
    "docker:index/secret:Secret shop-secret-token",
    "docker:index/service:Service shop-web",
    "docker:index/service:Service shop-worker",
    "docker:index/serviceConfig:ServiceConfig shop-config-app_conf",
    "docker:index/serviceConfig:ServiceConfig shop-config-motd",
    "docker:index/volume:Volume shop-volume-cache",
    "docker:index/volume:Volume shop-volume-data",
  ]);
  const component = rec.get("berth:index:SwarmStack", "shop");
  for (const r of rec.resources) {
    if (r !== component) {
      assert.equal(r.parent, component.urn, r.name);
      assert.equal(r.custom, true);
    }
  }
  const net = (n: string) => rec.get("docker:index/network:Network", `shop-network-${n}`);
  assert.deepEqual(net("front").inputs, {
    name: "shop_front",
    driver: "overlay",
    attachable: true,
    labels: [NS, { label: "purpose", value: "public" }],
  });
  assert.deepEqual(net("back").inputs, {
    name: "shop_back",
    driver: "overlay",
    internal: true,
    options: { encrypted: "true" },
    labels: [NS],
  });
  assert.deepEqual(rec.get("docker:index/volume:Volume", "shop-volume-data").inputs, {
    name: "shop_data",
    labels: [{ label: "backup", value: "daily" }, NS],
  });
  assert.deepEqual(rec.get("docker:index/volume:Volume", "shop-volume-cache").inputs, {
    name: "shop_cache",
    driver: "local",
    driverOpts: { type: "tmpfs", device: "tmpfs" },
    labels: [NS],
  });
  assert.deepEqual(rec.get("docker:index/serviceConfig:ServiceConfig", "shop-config-app_conf").inputs, {
    name: "shop_app_conf",
    data: Buffer.from("server {\n  listen 80;\n}\n").toString("base64"),
    labels: [NS],
  });
  assert.deepEqual(rec.get("docker:index/serviceConfig:ServiceConfig", "shop-config-motd").inputs, {
    name: "shop_motd",
    data: Buffer.from("Welcome.\n").toString("base64"),
    labels: [NS],
  });
  const secret = rec.get("docker:index/secret:Secret", "shop-secret-token");
  assert.deepEqual(secret.inputs, {
    name: "shop_token",
    data: Buffer.from("s3cret-token\n").toString("base64"),
    labels: [NS],
  });
  assert.deepEqual(secret.secretPaths, ["data"]);

  const web = rec.get("docker:index/service:Service", "shop-web");
  assert.deepEqual(web.inputs, {
    name: "shop_web",
    labels: [
      { label: "com.docker.stack.image", value: IMAGE },
      NS,
      { label: "tier", value: "front" },
    ],
    mode: { replicated: { replicas: 2 } },
    convergeConfig: { delay: "2s", timeout: "180s" },
    endpointSpec: {
      mode: "vip",
      ports: [
        { targetPort: 8080, publishedPort: 8080, protocol: "tcp", publishMode: "ingress" },
        { targetPort: 9090, publishedPort: 9091, protocol: "udp", publishMode: "host" },
      ],
    },
    updateConfig: {
      parallelism: 1,
      delay: "10s",
      failureAction: "rollback",
      monitor: "30s",
      maxFailureRatio: "0.25",
      order: "start-first",
    },
    rollbackConfig: {
      parallelism: 2,
      delay: "1s",
      failureAction: "pause",
      monitor: "5s",
      maxFailureRatio: "0",
      order: "stop-first",
    },
    taskSpec: {
      containerSpec: {
        image: IMAGE,
        labels: [NS, { label: "com.example.role", value: "web" }],
        commands: ["/bin/sh", "-c"],
        args: ["httpd", "-f", "-p", "8080", "-h", "/www"],
        env: { APP_MODE: "production", APP_COLOR: "blue", APP_PORT: "8080", APP_TIER: "front", APP_PRICE: "$5" },
        dir: "/www",
        user: "1000:1000",
        hostname: "web-host",
        stopSignal: "SIGINT",
        stopGracePeriod: "20s",
        readOnly: true,
        init: true,
        capAdds: ["CAP_NET_ADMIN"],
        capDrops: ["CAP_MKNOD"],
        sysctl: { "net.core.somaxconn": "1024" },
        hosts: [{ host: "db.local", ip: "10.0.0.5" }],
        dnsConfig: { nameservers: ["10.0.0.2"], searches: ["example.internal"] },
        mounts: [
          {
            type: "volume",
            source: "shop_data",
            target: "/var/lib/data",
            volumeOptions: { labels: [{ label: "backup", value: "daily" }, NS] },
          },
          { type: "bind", source: fixture("files"), target: "/etc/app", readOnly: true },
          { type: "tmpfs", target: "/scratch", tmpfsOptions: { sizeBytes: 67108864 } },
          {
            type: "volume",
            source: "shop_cache",
            target: "/cache",
            volumeOptions: {
              noCopy: true,
              labels: [NS],
              driverName: "local",
              driverOptions: { type: "tmpfs", device: "tmpfs" },
            },
          },
        ],
        healthcheck: {
          tests: ["CMD", "wget", "-q", "-O-", "http://localhost:8080/"],
          interval: "10s",
          timeout: "3s",
          retries: 3,
          startPeriod: "1m30s",
        },
        configs: [
          {
            configId: "shop-config-app_conf-id",
            configName: "shop_app_conf",
            fileName: "app_conf",
            fileUid: "0",
            fileGid: "0",
            fileMode: 0o444,
          },
          {
            configId: "shop-config-motd-id",
            configName: "shop_motd",
            fileName: "/etc/motd",
            fileUid: "0",
            fileGid: "0",
            fileMode: 0o440,
          },
        ],
        secrets: [
          {
            secretId: "shop-secret-token-id",
            secretName: "shop_token",
            fileName: "token",
            fileUid: "0",
            fileGid: "0",
            fileMode: 0o444,
          },
          {
            secretId: "shop-secret-token-id",
            secretName: "shop_token",
            fileName: "api-token",
            fileUid: "100",
            fileGid: "101",
            fileMode: 0o400,
          },
        ],
      },
      networksAdvanceds: [
        { id: "shop-network-back-id", aliases: ["web"] },
        { id: "shop-network-front-id", aliases: ["www", "web"] },
      ],
      placement: { constraints: ["node.role == manager"], prefs: ["spread=node.labels.zone"], maxReplicas: 2 },
      resources: {
        limits: { nanoCpus: 500_000_000, memoryBytes: 67108864 },
        reservation: { nanoCpus: 100_000_000, memoryBytes: 16777216 },
      },
      restartPolicy: { condition: "on-failure", delay: "5s", maxAttempts: 3, window: "1m0s" },
      logDriver: { name: "json-file", options: { "max-size": "10m" } },
    },
  });
  assert.deepEqual(
    [...web.dependencies].sort(),
    [
      net("back").urn,
      net("front").urn,
      rec.get("docker:index/secret:Secret", "shop-secret-token").urn,
      rec.get("docker:index/serviceConfig:ServiceConfig", "shop-config-app_conf").urn,
      rec.get("docker:index/serviceConfig:ServiceConfig", "shop-config-motd").urn,
    ].sort(),
  );
  assert.deepEqual(web.secretPaths, []);

  const worker = rec.get("docker:index/service:Service", "shop-worker");
  assert.deepEqual(worker.inputs, {
    name: "shop_worker",
    labels: [{ label: "com.docker.stack.image", value: IMAGE }, NS],
    mode: { global: true },
    convergeConfig: { delay: "2s", timeout: "180s" },
    taskSpec: {
      containerSpec: { image: IMAGE, labels: [NS], args: ["sleep", "3600"] },
      networksAdvanceds: [{ id: "shop-network-back-id", aliases: ["worker"] }],
    },
  });
  assert.deepEqual(worker.dependencies, [net("back").urn]);

  const restartWarning = `${lineOf("stack.yaml", "restart:")}: "restart" is left out on swarm: Swarm uses deploy.restart_policy (docker stack deploy ignores restart too); docker: the container's`;
  // The obsolete version is accepted and ignored: an info line, not a warning.
  assert.deepEqual(warned, [restartWarning]);
  assert.deepEqual(component.outputs, {
    stackName: "shop",
    serviceNames: { web: "shop_web", worker: "shop_worker" },
    serviceIds: { web: "shop-web-id", worker: "shop-worker-id" },
    networkIds: { front: "shop-network-front-id", back: "shop-network-back-id" },
    warnings: [restartWarning],
  });
  assert.deepEqual(await resolve(stack.serviceNames), { web: "shop_web", worker: "shop_worker" });
  assert.deepEqual(Object.keys(stack.services), ["web", "worker"]);
});

test("strict: every warned key is an error naming its file:line, before any child exists", async () => {
  await rec.settle();
  rec.reset();
  assert.throws(
    () => new SwarmStack("strict", { file: fixture("ignored.yaml"), strict: true }),
    (err: Error & { problems?: { where: string; message: string }[] }) => {
      assert.equal(err.name, "ArgsError");
      assert.equal(err.problems!.length, 14);
      assert.deepEqual(err.problems![0], {
        where: lineOf("ignored.yaml", "container_name:"),
        message: '"container_name" is left out on swarm: Swarm names tasks itself; docker: the container name (an error because of strict mode)',
      });
      assert.match(err.message, /^SwarmStack "strict" has 14 problems in its arguments:\n {2}- .*ignored\.yaml:6:5: "container_name" is left out/);
      return true;
    },
  );
  await rec.settle();
  assert.deepEqual(rec.summary(), ["berth:index:SwarmStack strict"]);
});

test("arguments: exactly one of file and content, positive convergence times, a readable file", async () => {
  await rec.settle();
  rec.reset();
  assert.throws(
    () => new SwarmStack("bad", { file: "a.yaml", content: "services: {}", convergeTimeoutSeconds: -1 }),
    (err: Error & { problems?: { where: string; message: string }[] }) => {
      assert.deepEqual(err.problems, [
        { where: "file", message: "set exactly one of `file` (a path) and `content` (the Compose text)" },
        { where: "convergeTimeoutSeconds", message: "must be a positive number of seconds" },
      ]);
      return true;
    },
  );
  assert.throws(
    () => new SwarmStack("missing", { file: "/nonexistent/compose.yaml" }),
    /SwarmStack "missing" has 1 problem in its arguments:\n {2}- file: cannot read the Compose file: "\/nonexistent\/compose\.yaml" does not exist/,
  );
  await rec.settle();
  assert.deepEqual(rec.summary(), ["berth:index:SwarmStack bad", "berth:index:SwarmStack missing"]);
});

test("content, stackName, rollbackOnFailure and no convergence wait", async () => {
  await rec.settle();
  rec.reset();
  new SwarmStack("inline", {
    content: "services:\n  api:\n    image: ${IMG}\n    ports: ['80']\n",
    variables: { IMG: "api:2" },
    stackName: "prod",
    rollbackOnFailure: true,
    waitForConvergence: false,
  });
  await rec.settle();
  assert.deepEqual(rec.summary(), [
    "berth:index:SwarmStack inline",
    "docker:index/network:Network inline-network-default",
    "docker:index/service:Service inline-api",
  ]);
  const ns = { label: "com.docker.stack.namespace", value: "prod" };
  assert.deepEqual(rec.get("docker:index/network:Network", "inline-network-default").inputs, {
    name: "prod_default",
    driver: "overlay",
    labels: [ns],
  });
  assert.deepEqual(rec.get("docker:index/service:Service", "inline-api").inputs, {
    name: "prod_api",
    labels: [{ label: "com.docker.stack.image", value: "api:2" }, ns],
    mode: { replicated: { replicas: 1 } },
    updateConfig: { parallelism: 1, failureAction: "rollback" },
    endpointSpec: { ports: [{ targetPort: 80, protocol: "tcp", publishMode: "ingress" }] },
    taskSpec: {
      containerSpec: { image: "api:2", labels: [ns] },
      networksAdvanceds: [{ id: "inline-network-default-id", aliases: ["api"] }],
    },
  });
});

test("external networks and volumes are used by name and not created; the file's name is the stack name", async () => {
  await rec.settle();
  rec.reset();
  process.env["API_KEY"] = "k-1";
  process.env["BANNER"] = "b";
  new SwarmStack("ext", { file: fixture("spec-only.yaml") });
  await rec.settle();
  delete process.env["API_KEY"];
  delete process.env["BANNER"];
  assert.deepEqual(rec.summary(), [
    "berth:index:SwarmStack ext",
    "docker:index/secret:Secret ext-secret-api_key",
    "docker:index/service:Service ext-app",
    "docker:index/serviceConfig:ServiceConfig ext-config-banner",
    "docker:index/serviceConfig:ServiceConfig ext-config-greeting",
  ]);
  const app = rec.get("docker:index/service:Service", "ext-app").inputs as Record<string, pulumi.Unwrap<unknown>>;
  const task = app["taskSpec"] as { containerSpec: Record<string, unknown>; networksAdvanceds: unknown };
  assert.equal(app["name"], "shop_app");
  assert.deepEqual(task.networksAdvanceds, [{ id: "id-of-corp-net", aliases: ["app"] }]);
  assert.deepEqual(
    rec.calls.map((c) => [c.token, c.inputs]),
    [["docker:index/getNetwork:getNetwork", { name: "corp-net" }]],
  );
  assert.deepEqual(task.containerSpec["mounts"], [{ type: "volume", source: "corp-shared", target: "/shared" }]);
  assert.deepEqual(task.containerSpec["dnsConfig"], { nameservers: [], options: ["ndots:2"] });
  assert.deepEqual(task.containerSpec["groups"], ["audio"]);
  assert.deepEqual(rec.get("docker:index/serviceConfig:ServiceConfig", "ext-config-banner").inputs, {
    name: "shop-banner-v2",
    data: Buffer.from("b").toString("base64"),
    labels: [{ label: "com.docker.stack.namespace", value: "shop" }, { label: "kind", value: "banner" }],
  });
  assert.deepEqual(rec.get("docker:index/secret:Secret", "ext-secret-api_key").inputs, {
    name: "shop-api-key-v1",
    data: Buffer.from("k-1").toString("base64"),
    labels: [{ label: "com.docker.stack.namespace", value: "shop" }, { label: "kind", value: "key" }],
  });
});

test("ignored.yaml and warned-spec.yaml: the ignored keys leave exactly the plain services on the default network", async () => {
  const ns = { label: "com.docker.stack.namespace", value: "t" };
  const plain = (service: string, extra: Record<string, unknown>) => ({
    name: `t_${service}`,
    labels: [{ label: "com.docker.stack.image", value: IMAGE }, ns],
    mode: { replicated: { replicas: 1 } },
    convergeConfig: { delay: "2s", timeout: "180s" },
    taskSpec: {
      containerSpec: { image: IMAGE, labels: [ns], ...extra },
      networksAdvanceds: [{ id: "t-network-default-id", aliases: [service] }],
    },
  });
  await rec.settle();
  rec.reset();
  warned.length = 0;
  new SwarmStack("t", { file: fixture("ignored.yaml") });
  await rec.settle();
  assert.deepEqual(rec.summary(), [
    "berth:index:SwarmStack t",
    "docker:index/network:Network t-network-default",
    "docker:index/service:Service t-api",
    "docker:index/service:Service t-cache",
  ]);
  assert.deepEqual(rec.get("docker:index/network:Network", "t-network-default").inputs, { name: "t_default", driver: "overlay", labels: [ns] });
  assert.deepEqual(rec.get("docker:index/service:Service", "t-api").inputs, plain("api", { args: ["sleep", "3600"] }));
  assert.deepEqual(rec.get("docker:index/service:Service", "t-cache").inputs, plain("cache", { args: ["sleep", "3600"] }));
  assert.equal(warned.length, 14);
  assert.equal(warned[0], `${lineOf("ignored.yaml", "container_name:")}: "container_name" is left out on swarm: Swarm names tasks itself; docker: the container name`);

  await rec.settle();
  rec.reset();
  warned.length = 0;
  new SwarmStack("t", { file: fixture("warned-spec.yaml") });
  await rec.settle();
  assert.deepEqual(rec.summary(), [
    "berth:index:SwarmStack t",
    "docker:index/network:Network t-network-default",
    "docker:index/secret:Secret t-secret-driven",
    "docker:index/service:Service t-box",
    "docker:index/serviceConfig:ServiceConfig t-config-templated",
  ]);
  assert.deepEqual(rec.get("docker:index/service:Service", "t-box").inputs, plain("box", {}));
  assert.deepEqual(rec.get("docker:index/serviceConfig:ServiceConfig", "t-config-templated").inputs, {
    name: "t_templated",
    data: Buffer.from("server {\n  listen 80;\n}\n").toString("base64"),
    labels: [ns],
  });
  assert.deepEqual(rec.get("docker:index/secret:Secret", "t-secret-driven").inputs, {
    name: "t_driven",
    data: Buffer.from("s3cret-token\n").toString("base64"),
    labels: [ns],
  });
  // The service keys (less attach and develop, accepted and ignored) and the six network, config and secret keys.
  assert.equal(warned.length, 45);
});

test("spec-only.yaml: the whole app service, exactly", async () => {
  await rec.settle();
  rec.reset();
  process.env["API_KEY"] = "k-1";
  process.env["BANNER"] = "b";
  new SwarmStack("t", { file: fixture("spec-only.yaml") });
  await rec.settle();
  delete process.env["API_KEY"];
  delete process.env["BANNER"];
  const ns = { label: "com.docker.stack.namespace", value: "shop" };
  assert.deepEqual(rec.get("docker:index/serviceConfig:ServiceConfig", "t-config-greeting").inputs, {
    name: "shop_greeting",
    data: Buffer.from("Hello from unset.\n").toString("base64"),
    labels: [ns],
  });
  assert.deepEqual(rec.get("docker:index/service:Service", "t-app").inputs, {
    name: "shop_app",
    labels: [{ label: "com.docker.stack.image", value: IMAGE }, ns],
    mode: { replicated: { replicas: 1 } },
    convergeConfig: { delay: "2s", timeout: "180s" },
    endpointSpec: {
      ports: [
        { targetPort: 80, publishedPort: 8000, protocol: "tcp", publishMode: "ingress" },
        { targetPort: 81, publishedPort: 8001, protocol: "tcp", publishMode: "ingress" },
      ],
    },
    taskSpec: {
      containerSpec: {
        image: IMAGE,
        labels: [ns],
        args: ["echo", "hello world", "$HOME"],
        env: { APP_COLOR: "blue\tgreen", APP_GREETING: "hello ${NOT_EXPANDED}", APP_HOME: "/home/app", EXPLICIT: "yes" },
        groups: ["audio"],
        dnsConfig: { nameservers: [], options: ["ndots:2"] },
        mounts: [{ type: "volume", source: "corp-shared", target: "/shared" }],
        configs: [
          { configId: "t-config-greeting-id", configName: "shop_greeting", fileName: "greeting", fileUid: "0", fileGid: "0", fileMode: 0o444 },
          { configId: "t-config-banner-id", configName: "shop-banner-v2", fileName: "banner", fileUid: "0", fileGid: "0", fileMode: 0o444 },
        ],
        secrets: [
          { secretId: "t-secret-api_key-id", secretName: "shop-api-key-v1", fileName: "api_key", fileUid: "0", fileGid: "0", fileMode: 0o444 },
        ],
      },
      networksAdvanceds: [{ id: "id-of-corp-net", aliases: ["app"] }],
    },
  });
});
