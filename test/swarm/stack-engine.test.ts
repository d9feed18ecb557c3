/**
 * Berth's reading of a Compose file against Docker's own: each fixture is deployed with `docker stack deploy` on the
 * real (one-node swarm) engine, the service specs Docker created are read back through the Engine API, and each is
 * compared field by field with the ServiceSpec that the `docker.Service` arguments Berth records (under mocks) stand
 * for. Networks, configs and secrets are compared too.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { after, before, test } from "node:test";
import Docker from "dockerode";
import type { Recorder as RecorderType } from "../../src/resources/recorder";
import { fixture } from "../compose/fixtures";
import { testEngine, uniqueName } from "../helpers/engine";
import { type Json, normalizeSpec, serviceSpecFromInputs } from "./stack-spec";

const { engine, skip } = testEngine();
let rec: RecorderType;
let SwarmStack: typeof import("../../src/swarm/stack").SwarmStack;
let docker: Docker;
const deployed: string[] = [];

before(async () => {
  if (!engine) return;
  process.env["BERTH_TEST_IMAGE"] = engine.image;
  const { Recorder } = await import("../../src/resources/recorder.js");
  rec = await Recorder.install();
  ({ SwarmStack } = await import("../../src/swarm/stack.js"));
  docker = new Docker({ socketPath: engine.host.replace(/^unix:\/\//, "") });
});

after(() => {
  for (const stack of deployed) {
    execFileSync("docker", ["stack", "rm", stack], { env: process.env, stdio: "pipe" });
  }
});

async function dockerReading(file: string, stack: string) {
  execFileSync("docker", ["stack", "deploy", "--resolve-image", "never", "-c", fixture(file), stack], {
    env: process.env,
    stdio: "pipe",
  });
  deployed.push(stack);
  const filter = { label: [`com.docker.stack.namespace=${stack}`] };
  const services = await docker.listServices({ filters: filter });
  const networks = await docker.listNetworks({ filters: filter });
  const configs = await docker.listConfigs({ filters: filter });
  const secrets = await docker.listSecrets({ filters: filter });
  const idToName = new Map(networks.map((n) => [n.Id, n.Name]));
  return { services, networks, configs, secrets, networkName: (id: string) => idToName.get(id) ?? id };
}

async function berthReading(file: string, stack: string) {
  await rec.settle();
  rec.reset();
  const name = uniqueName("cmp");
  new SwarmStack(name, { file: fixture(file), stackName: stack });
  await rec.settle();
  const ids = new Map(
    rec.ofType("docker:index/network:Network").map((n) => [`${n.name}-id`, String(n.inputs["name"])]),
  );
  return { networkName: (id: string) => ids.get(id) ?? id };
}

for (const file of ["stack.yaml", "ignored.yaml"]) {
  test(`${file}: Berth's service specs match docker stack deploy's, field by field`, { skip }, async () => {
    const stack = uniqueName("berth-stk").replace(/[^a-z0-9-]/g, "");
    const theirs = await dockerReading(file, stack);
    const ours = await berthReading(file, stack);

    const recorded = rec.ofType("docker:index/service:Service");
    assert.deepEqual(
      recorded.map((r) => String(r.inputs["name"])).sort(),
      theirs.services.map((s) => s.Spec!.Name).sort(),
    );
    for (const r of recorded) {
      const name = String(r.inputs["name"]);
      const service = theirs.services.find((s) => s.Spec!.Name === name)!;
      const expected = normalizeSpec(service.Spec as unknown as Json, theirs.networkName);
      const actual = normalizeSpec(serviceSpecFromInputs(r.inputs, ours.networkName), (n) => n);
      assert.deepEqual(actual, expected, `service ${name}`);
    }

    const berthNetworks = rec.ofType("docker:index/network:Network").map((n) => ({
      Name: n.inputs["name"],
      Driver: n.inputs["driver"],
      Attachable: n.inputs["attachable"] ?? false,
      Internal: n.inputs["internal"] ?? false,
      Options: n.inputs["options"] ?? {},
      Labels: Object.fromEntries((n.inputs["labels"] as Json[]).map((l) => [l["label"], l["value"]])),
    }));
    const dockerNetworks = theirs.networks.map((n) => {
      const { "com.docker.network.driver.overlay.vxlanid_list": _vxlan, ...options } = n.Options ?? {};
      return { Name: n.Name, Driver: n.Driver, Attachable: n.Attachable, Internal: n.Internal, Options: options, Labels: n.Labels };
    });
    const byName = (a: { Name: unknown }, b: { Name: unknown }) => String(a.Name).localeCompare(String(b.Name));
    assert.deepEqual(berthNetworks.sort(byName), dockerNetworks.sort(byName));

    const berthConfigs = rec.ofType("docker:index/serviceConfig:ServiceConfig").map((c) => ({
      Name: c.inputs["name"],
      Data: c.inputs["data"],
    }));
    const dockerConfigs = theirs.configs.map((c) => ({ Name: c.Spec!.Name, Data: c.Spec!.Data }));
    assert.deepEqual(berthConfigs.sort(byName), dockerConfigs.sort(byName));
    const berthSecrets = rec.ofType("docker:index/secret:Secret").map((c) => c.inputs["name"]);
    assert.deepEqual(berthSecrets.sort(), theirs.secrets.map((s) => s.Spec!.Name).sort());
  });
}
