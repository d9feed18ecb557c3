import assert from "node:assert/strict";
import { before, test } from "node:test";
import type { Recorder as RecorderType } from "../../src/resources/recorder";
import type { SwarmServiceArgs } from "../../src/swarm/service-args";
import { checkServiceArgs } from "../../src/swarm/service-mapping";

let rec: RecorderType;
let SwarmService: typeof import("../../src/swarm/service").SwarmService;
let pulumi: typeof import("@pulumi/pulumi");

before(async () => {
  const { Recorder } = await import("../../src/resources/recorder.js");
  rec = await Recorder.install();
  pulumi = await import("@pulumi/pulumi");
  ({ SwarmService } = await import("../../src/swarm/service.js"));
});

test("the Microservice shape, fully set: exact docker.Service inputs", async () => {
  await rec.settle();
  rec.reset();
  const svc = new SwarmService("api", {
    name: "shop-api",
    labels: { team: "shop", "com.example.tier": "back" },
    taskTemplate: {
      containerSpec: {
        image: "api:3",
        command: ["/bin/api"],
        args: ["--port", "8080"],
        env: { MODE: "prod" },
        dir: "/srv",
        user: "api",
        hostname: "api",
        labels: { role: "api" },
        mounts: [{ type: "volume", source: "data", target: "/data", readOnly: true }],
      },
      resources: { limits: { cpus: 0.5, memoryBytes: 268435456 }, reservations: { cpus: 0.25 } },
      restartPolicy: { condition: "on-failure", delay: "5s", maxAttempts: 3, window: "2m" },
      placement: { constraints: ["node.role == worker"], preferences: ["node.labels.zone"] },
    },
    mode: { replicated: { replicas: pulumi.output(3) } },
    updateConfig: { parallelism: 2, delay: "10s", monitor: "30s", maxFailureRatio: 0.2, order: "start-first" },
    networks: ["net-1"],
    endpointSpec: { mode: "vip", ports: [{ targetPort: 8080, publishedPort: 80 }] },
    rollbackOnFailure: true,
    convergeTimeoutSeconds: 60,
  });
  await rec.settle();
  assert.deepEqual(rec.summary(), ["berth:index:SwarmService api", "docker:index/service:Service api-service"]);
  const child = rec.get("docker:index/service:Service", "api-service");
  assert.equal(child.parentName, "api");
  assert.deepEqual(child.inputs, {
    name: "shop-api",
    labels: [
      { label: "com.example.tier", value: "back" },
      { label: "team", value: "shop" },
    ],
    taskSpec: {
      containerSpec: {
        image: "api:3",
        commands: ["/bin/api"],
        args: ["--port", "8080"],
        env: { MODE: "prod" },
        dir: "/srv",
        user: "api",
        hostname: "api",
        labels: [{ label: "role", value: "api" }],
        mounts: [{ type: "volume", source: "data", target: "/data", readOnly: true }],
      },
      resources: {
        limits: { nanoCpus: 500_000_000, memoryBytes: 268435456 },
        reservation: { nanoCpus: 250_000_000 },
      },
      restartPolicy: { condition: "on-failure", delay: "5s", maxAttempts: 3, window: "2m" },
      placement: { constraints: ["node.role == worker"], prefs: ["spread=node.labels.zone"] },
      networksAdvanceds: [{ id: "net-1", aliases: ["shop-api"] }],
    },
    mode: { replicated: { replicas: 3 } },
    updateConfig: {
      parallelism: 2,
      delay: "10s",
      failureAction: "rollback",
      monitor: "30s",
      maxFailureRatio: "0.2",
      order: "start-first",
    },
    endpointSpec: { mode: "vip", ports: [{ targetPort: 8080, publishedPort: 80 }] },
    convergeConfig: { delay: "2s", timeout: "60s" },
  });
  const name = await new Promise((r) => svc.serviceName.apply(r));
  assert.equal(name, "shop-api");
  assert.deepEqual(rec.get("berth:index:SwarmService", "api").outputs, { serviceName: "shop-api", serviceId: "api-service-id" });
});

test("the smallest service: one replica, named after the component, waiting for convergence", async () => {
  await rec.settle();
  rec.reset();
  new SwarmService("tiny", { taskTemplate: { containerSpec: { image: "busybox" } }, mode: { global: true } });
  await rec.settle();
  assert.deepEqual(rec.get("docker:index/service:Service", "tiny-service").inputs, {
    name: "tiny",
    taskSpec: { containerSpec: { image: "busybox" } },
    mode: { global: true },
    convergeConfig: { delay: "2s", timeout: "180s" },
  });
});

const checks: [string, SwarmServiceArgs, { where: string; message: string }[]][] = [
  ["valid", { taskTemplate: { containerSpec: { image: "x" } } }, []],
  [
    "no container spec",
    { taskTemplate: {} } as unknown as SwarmServiceArgs,
    [{ where: "taskTemplate.containerSpec", message: "is required: set at least `image`" }],
  ],
  ["empty image", { taskTemplate: { containerSpec: { image: " " } } }, [{ where: "taskTemplate.containerSpec.image", message: "must not be empty" }]],
  [
    "both modes",
    { taskTemplate: { containerSpec: { image: "x" } }, mode: { global: true, replicated: { replicas: 1 } } },
    [{ where: "mode", message: "set either `replicated` or `global`, not both" }],
  ],
  [
    "negative replicas",
    { taskTemplate: { containerSpec: { image: "x" } }, mode: { replicated: { replicas: -1 } } },
    [{ where: "mode.replicated.replicas", message: "must be a whole number, 0 or more" }],
  ],
  [
    "bad enums and ratio",
    {
      taskTemplate: { containerSpec: { image: "x" }, restartPolicy: { condition: "always" } },
      updateConfig: { failureAction: "retry", order: "random", maxFailureRatio: 2 },
      endpointSpec: { mode: "lb" },
      convergeTimeoutSeconds: 0,
    },
    [
      { where: "taskTemplate.restartPolicy.condition", message: '"always" is not one of none, on-failure, any' },
      { where: "updateConfig.failureAction", message: '"retry" is not one of pause, continue, rollback' },
      { where: "updateConfig.order", message: '"random" is not one of stop-first, start-first' },
      { where: "endpointSpec.mode", message: '"lb" is not one of vip, dnsrr' },
      { where: "updateConfig.maxFailureRatio", message: "must be from 0 to 1" },
      { where: "convergeTimeoutSeconds", message: "must be a positive number of seconds" },
    ],
  ],
];
for (const [name, args, problems] of checks) {
  test(`checkServiceArgs: ${name}`, () => assert.deepEqual(checkServiceArgs(args), problems));
}

test("bad arguments throw an ArgsError before the docker.Service exists", async () => {
  await rec.settle();
  rec.reset();
  assert.throws(
    () => new SwarmService("bad", { taskTemplate: { containerSpec: { image: "" } } }),
    /SwarmService "bad" has 1 problem in its arguments:\n {2}- taskTemplate\.containerSpec\.image: must not be empty/,
  );
  await rec.settle();
  assert.deepEqual(rec.summary(), ["berth:index:SwarmService bad"]);
});
