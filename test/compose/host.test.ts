/**
 * One host (host.yaml) under the mocks recorder: replicas as containers named as Compose names them, deploy limits
 * and restart policy as the container's, secrets and configs as files copied into each container (uid, gid, mode,
 * default targets; secret content a Pulumi secret), and a service in another's namespaces; and the written program
 * creating exactly the same resources, reading the environment's secret from the stack configuration.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, test } from "node:test";
import type { CliIo } from "../../src/cli/io";
import type { RecordedResource, Recorder as RecorderType } from "../../src/resources/recorder";
import { fixture } from "./fixtures";
import { linkModules, setStackConfig, typeCheck } from "./program-run";

let rec: RecorderType;
let ComposeProject: typeof import("../../src/docker/compose-project").ComposeProject;
let main: typeof import("../../src/cli/main").main;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "berth-host-"));

before(async () => {
  process.env["BERTH_TEST_IMAGE"] = "berth-test/busybox:1";
  process.env["API_TOKEN"] = "tok-3f9a-secret";
  delete process.env["WHO"];
  const { Recorder } = await import("../../src/resources/recorder.js");
  rec = await Recorder.install();
  ({ ComposeProject } = await import("../../src/docker/compose-project.js"));
  ({ main } = await import("../../src/cli/main.js"));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function children(make: () => unknown): Promise<RecordedResource[]> {
  await rec.settle();
  rec.reset();
  await make();
  await rec.settle();
  return rec.resources;
}

const CON = "docker:index/container:Container";

test("replicas, limits, restart policy, files and namespaces on one host, exactly", async () => {
  const all = await children(() => new ComposeProject("host", { file: fixture("host.yaml") }));
  const containers = all.filter((r) => r.type === CON);
  assert.deepEqual(containers.map((r) => [r.name, r.inputs["name"]]), [
    ["host-api-container", "host-api-1"],
    ["host-api-2-container", "host-api-2"],
    ["host-api-3-container", "host-api-3"],
    ["host-sidecar-container", "host-sidecar-1"],
  ]);
  const api = containers[0]!.inputs;
  const secret = fs.readFileSync(fixture("files/token.txt"), "utf8");
  assert.deepEqual(api["uploads"], [
    { file: "/run/secrets/db_password", content: secret, owner: "0", group: "0", permissions: "0444" },
    { file: "/etc/api/token", content: "tok-3f9a-secret", owner: "1000", group: "1000", permissions: "0400" },
    { file: "/etc/app.conf", content: fs.readFileSync(fixture("files/app.conf"), "utf8"), owner: "0", group: "0", permissions: "0444" },
    { file: "/banner", content: "Hello world", owner: "0", group: "0", permissions: "0444" },
  ]);
  // The whole uploads list is secret once a secret is in it: the provider keeps it encrypted in the state.
  assert.ok(containers[0]!.secretPaths.includes("uploads"), containers[0]!.secretPaths.join(", "));
  assert.equal(api["memory"], 64);
  assert.equal(api["cpus"], "0.5");
  assert.equal(api["memoryReservation"], 32);
  assert.equal(api["restart"], "on-failure");
  assert.equal(api["maxRetryCount"], 4);
  assert.equal(api["privileged"], true);
  assert.deepEqual(api["ulimits"], [{ name: "nofile", soft: 1024, hard: 2048 }]);
  assert.deepEqual((api["labels"] as { label: string; value: string }[]).find((l) => l.label === "com.docker.compose.container-number"), {
    label: "com.docker.compose.container-number",
    value: "1",
  });
  const sidecar = containers[3]!;
  assert.equal(sidecar.inputs["networkMode"], "container:host-api-1");
  assert.equal(sidecar.inputs["ipcMode"], "container:host-api-1");
  assert.equal(sidecar.inputs["networksAdvanced"], undefined, "a service in another's network joins no network of its own");
  const replicas = all.filter((r) => r.type === "berth:index:DockerContainer" && r.name.startsWith("host-api"));
  const sidecarComponent = all.find((r) => r.type === "berth:index:DockerContainer" && r.name === "host-sidecar")!;
  for (const replica of replicas) {
    const child = all.find((r) => r.type === CON && r.parentName === replica.name)!;
    assert.ok(sidecarComponent.dependencies.includes(child.urn), `the sidecar waits for ${replica.name}`);
  }
});

test("a file copied twice to one place, and container_name with replicas, are problems before any child exists", async () => {
  await rec.settle();
  rec.reset();
  const text = [
    "services:",
    "  web:",
    "    image: x",
    "    container_name: one",
    "    deploy: { replicas: 2 }",
    "    ports: ['8080:80']",
    "    secrets: [a, { source: b, target: a }]",
    "secrets:",
    "  a: { environment: HOME }",
    "  b: { environment: HOME }",
  ].join("\n");
  assert.throws(
    () => new ComposeProject("bad", { content: text, baseDir: tmp }),
    (err: Error & { problems?: { where: string; message: string }[] }) => {
      assert.deepEqual(
        err.problems!.map((p) => p.message),
        ["names one container, but the service runs 2; remove container_name or run one"],
      );
      return true;
    },
  );
  assert.throws(
    () => new ComposeProject("bad2", { content: text.replace("    container_name: one\n", ""), baseDir: tmp }),
    (err: Error & { problems?: { where: string; message: string }[] }) => {
      assert.deepEqual(err.problems!.map((p) => [p.where, p.message]), [
        ["services.web.secrets", "secret b and secret a are both copied to /run/secrets/a; give one of them another target"],
        ["services.web.ports", "publishes host port 8080 from 2 containers (replicas), and only one can bind it; leave the host port out, or run one replica"],
      ]);
      return true;
    },
  );
});

test("berth compose --target docker: the program makes the same containers, files and secrets, the token from the stack configuration", async () => {
  const out = path.join(tmp, "prog");
  const output = { stdout: "", stderr: "" };
  const io: CliIo = {
    cwd: path.resolve(__dirname, "../.."),
    env: { ...process.env },
    out: (t) => {
      output.stdout += t;
    },
    err: (t) => {
      output.stderr += t;
    },
  };
  assert.equal(await main(["compose", fixture("host.yaml"), "--out", out, "--target", "docker", "--name", "host"], io), 0, output.stderr);
  typeCheck(out);
  const index = fs.readFileSync(path.join(out, "index.ts"), "utf8");
  assert.match(index, /^for \(let i = 1; i <= 3; i\+\+\) \{$/m);
  assert.match(index, /^ +content: secrets\["API_TOKEN"\],$/m);
  assert.match(index, /^ +image: imageReference\(env\["BERTH_TEST_IMAGE"\]\),$/m);
  for (const f of fs.readdirSync(out, { recursive: true }).map(String)) {
    if (fs.statSync(path.join(out, f)).isFile()) assert.equal(fs.readFileSync(path.join(out, f), "utf8").includes("tok-3f9a-secret"), false, `${f} holds the token`);
  }
  const shape = (r: RecordedResource) => ({ type: r.type, name: r.name, inputs: r.inputs, secretPaths: r.secretPaths });
  const byKey = (a: { type: string; name: string }, b: { type: string; name: string }) => `${a.type} ${a.name}`.localeCompare(`${b.type} ${b.name}`);
  const fromComponent = (await children(() => new ComposeProject("host", { file: fixture("host.yaml") }))).filter((r) => r.custom).map(shape).sort(byKey);
  linkModules(out);
  const fromProgram = (
    await children(async () => {
      setStackConfig("project", { BERTH_TEST_IMAGE: "berth-test/busybox:1" }, { API_TOKEN: "tok-3f9a-secret" });
      await import(path.join(out, "index.ts"));
    })
  )
    .filter((r) => r.custom)
    .map(shape)
    .sort(byKey);
  assert.deepEqual(fromProgram, fromComponent);
});
