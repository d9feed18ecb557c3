/**
 * ComposeProject's readiness and ordering on a real engine. The Pulumi CLI is not available to deploy the component
 * itself, so this runs the same plan the component is built from (`dockerPlan`, the pure mapping under the component)
 * with the Engine API module (src/docker/engine.ts), one step per child in the component's order, and checks that what
 * the plan promises holds on Docker: the healthcheck as mapped reaches `healthy` before the dependant is created, the
 * one-shot exits 0 before its dependant is created, dependants reach dependencies by service name (the alias), and the
 * published port accepts connections (the readiness wait).
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type DockerPlanService, dockerPlan } from "../../src/compose/targets/docker";
import { loadCompose } from "../../src/compose/load";
import { Engine } from "../../src/docker/engine";
import { testEngine, uniqueName } from "../helpers/engine";
import { fixture, fixtureReader, readFile } from "./fixtures";

const { engine: testHost, skip } = testEngine();
let engine: Engine;
const created: { containers: string[]; networks: string[]; volumes: string[] } = { containers: [], networks: [], volumes: [] };

before(() => {
  if (testHost) engine = new Engine({ url: testHost.host });
});

after(async () => {
  if (!engine) return;
  for (const id of created.containers.reverse()) await engine.docker.getContainer(id).remove({ force: true, v: true });
  for (const n of created.networks) await engine.docker.getNetwork(n).remove();
  for (const v of created.volumes) await engine.docker.getVolume(v).remove();
});

async function health(id: string): Promise<string> {
  const info = await engine.docker.getContainer(id).inspect();
  return info.State.Health?.Status ?? "none";
}

async function until<T>(what: string, seconds: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The engine's container config for one planned service (what the provider sends for the DockerContainer's args). */
function containerConfig(s: DockerPlanService, image: string) {
  const hc = s.params["healthcheck"] as { test: string[]; interval?: number; timeout?: number; retries?: number } | undefined;
  const endpoints = (s.params["networking_config"] as { EndpointsConfig: Record<string, { Aliases: string[] }> }).EndpointsConfig;
  const [first, ...rest] = Object.entries(endpoints);
  return {
    config: {
      name: s.containerName,
      Image: image,
      Cmd: s.command,
      Env: Object.entries(s.env).map(([k, v]) => `${k}=${v}`),
      Labels: s.labels,
      ExposedPorts: Object.fromEntries(s.ports.map((p) => [`${p.internal}/${p.protocol}`, {}])),
      Healthcheck: hc ? { Test: hc.test, Interval: hc.interval, Timeout: hc.timeout, Retries: hc.retries } : undefined,
      HostConfig: {
        NetworkMode: first![0],
        Binds: s.volumes.map((v) => `${v.volumeName ?? v.hostPath}:${v.containerPath}${v.readOnly ? ":ro" : ""}`),
        PortBindings: Object.fromEntries(s.ports.map((p) => [`${p.internal}/${p.protocol}`, [{ HostIp: p.ip ?? "", HostPort: p.external ? String(p.external) : "" }]])),
        RestartPolicy: { Name: s.restart ?? "no" },
      },
      NetworkingConfig: { EndpointsConfig: { [first![0]]: { Aliases: first![1].Aliases } } },
    },
    more: rest,
  };
}

test("project.yaml on a real engine: health before the one-shot, the one-shot's success before web", { skip, timeout: 120_000 }, async () => {
  const image = testHost!.image;
  const project = uniqueName("berthproj").replace(/[^a-z0-9-]/g, "");
  const loaded = loadCompose(readFile(fixture("project.yaml")), {
    target: "docker",
    fileName: fixture("project.yaml"),
    env: { BERTH_TEST_IMAGE: image },
    reader: fixtureReader(),
  });
  const plan = dockerPlan(loaded.model!, project);
  assert.deepEqual(plan.problems, []);
  for (const n of plan.networks) {
    await engine.docker.createNetwork({ Name: n.name, Driver: n.driver, Labels: n.labels });
    created.networks.push(n.name);
  }
  for (const v of plan.volumes) {
    await engine.docker.createVolume({ Name: v.name, Labels: v.labels });
    created.volumes.push(v.name);
  }
  const events: string[] = [];
  const ids: Record<string, string> = {};
  for (const s of plan.services) {
    // The component's dependsOn: every dependency has done what its condition asks before this one is created.
    for (const d of s.dependsOn) {
      const ready =
        d.condition === "service_healthy"
          ? (await health(ids[d.service]!)) === "healthy"
          : d.condition === "service_completed_successfully"
            ? (await engine.inspect(ids[d.service]!))!.exitCode === 0 && !(await engine.inspect(ids[d.service]!))!.running
            : (await engine.inspect(ids[d.service]!)) !== undefined;
      assert.equal(ready, true, `${s.key} would start before ${d.service} is ${d.condition}`);
    }
    const { config, more } = containerConfig(s, image);
    const container = await engine.docker.createContainer(config);
    created.containers.push(container.id);
    for (const [net, cfg] of more) await engine.docker.getNetwork(net).connect({ Container: container.id, EndpointConfig: { Aliases: cfg.Aliases } });
    await container.start();
    ids[s.key] = container.id;
    events.push(`${s.key} started`);
    if (s.wait === "healthy") {
      // The provider's `wait`: until the engine reports the healthcheck healthy, within the planned timeout.
      await until(`${s.key} healthy`, s.healthTimeoutSeconds!, async () => ((await health(container.id)) === "healthy" ? true : undefined));
      events.push(`${s.key} healthy`);
    } else if (s.wait === "completed") {
      // The provider's `attach`: until the container exits; dependants then need exit code 0.
      const code = await until(`${s.key} exit`, 60, async () => {
        const f = await engine.inspect(container.id);
        return f && !f.running ? f.exitCode : undefined;
      });
      assert.equal(code, 0);
      events.push(`${s.key} exited 0`);
    }
  }
  assert.deepEqual(events, ["db started", "db healthy", "migrate started", "migrate exited 0", "web started"]);
  assert.deepEqual(await engine.logTail(ids["migrate"]!, 5), ["migrated"]);

  // web reaches db by its service name on the shared network, and its published port is ready.
  const exec = await engine.docker.getContainer(ids["web"]!).exec({ Cmd: ["sh", "-c", "nc db 5432 </dev/null"], AttachStdout: true, AttachStderr: true });
  const stream = await exec.start({ hijack: true, stdin: false });
  const output = await new Promise<string>((resolve) => {
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer) => chunks.push(c));
    stream.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });
  assert.match(output, /ok/);
  const report = await engine.waitUntilReady(ids["web"]!, { ports: [8080], timeout: 30 });
  assert.ok(report.checks >= 1);
  const webFacts = await engine.inspect(ids["web"]!);
  assert.equal(webFacts!.name, "project-web");
  assert.deepEqual(Object.keys(webFacts!.networkSettings["Networks"] as object).sort(), [`${project}_backend`, `${project}_frontend`]);
});
