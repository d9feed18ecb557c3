/**
 * `build:` under the mocks recorder: the exact `docker.RemoteImage` (and, for a swarm, `docker.RegistryImage`)
 * children and inputs ComposeProject and SwarmStack create, the container or service running the built image by its
 * content-digest tag (a change in the context gives a new tag, a change .dockerignore leaves out does not), the
 * swarm's registry rules and credentials, and the written program creating the same resources.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, test } from "node:test";
import type { CliIo } from "../../src/cli/io";
import { buildContextDigest } from "../../src/docker/build-context";
import type { RecordedResource, Recorder as RecorderType } from "../../src/resources/recorder";
import { fixture } from "./fixtures";
import { linkModules, setStackConfig, typeCheck } from "./program-run";

let rec: RecorderType;
let ComposeProject: typeof import("../../src/docker/compose-project").ComposeProject;
let SwarmStack: typeof import("../../src/swarm/stack").SwarmStack;
let main: typeof import("../../src/cli/main").main;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "berth-build-"));
const FILE = fixture("build/compose.yaml");
const WEB = fixture("build/web");

before(async () => {
  process.env["BERTH_TEST_IMAGE"] = "berth-test/busybox:1";
  const { Recorder } = await import("../../src/resources/recorder.js");
  rec = await Recorder.install({
    outputs: (a) => (a.type === "docker:index/registryImage:RegistryImage" ? { id: `${a.name}-id`, state: { ...a.inputs, sha256Digest: "sha256:0123" } } : undefined),
  });
  ({ ComposeProject } = await import("../../src/docker/compose-project.js"));
  ({ SwarmStack } = await import("../../src/swarm/stack.js"));
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

const shape = (r: RecordedResource) => ({ type: r.type, name: r.name, inputs: r.inputs, secretPaths: r.secretPaths });
const byKey = (a: { type: string; name: string }, b: { type: string; name: string }) => `${a.type} ${a.name}`.localeCompare(`${b.type} ${b.name}`);

test("one host: each build is a docker.RemoteImage on the engine, tagged with its context's digest, which the container runs", async () => {
  const all = await children(() => new ComposeProject("buildapp", { file: FILE }));
  const digest = buildContextDigest(WEB, { dockerfile: "Dockerfile.web" });
  const web = all.find((r) => r.name === "buildapp-web-build")!;
  assert.equal(web.type, "docker:index/remoteImage:RemoteImage");
  assert.deepEqual(web.inputs, {
    name: "buildapp-web:latest",
    build: {
      context: WEB,
      dockerfile: "Dockerfile.web",
      buildArgs: { BASE: "berth-test/busybox:1", GREETING: "hello from the build" },
      target: "final",
      labels: { "org.example.role": "web" },
      extraHosts: ["builder.internal:10.1.2.3"],
      shmSize: 64 * 1024 * 1024,
      tags: [`buildapp-web:${digest}`],
    },
    triggers: { contextDigest: digest },
    keepLocally: true,
  });
  const worker = all.find((r) => r.name === "buildapp-worker-build")!;
  // With `image`, the build is named as the image says.
  assert.equal(worker.inputs["name"], "buildapp/worker:2.1");
  const workerDigest = buildContextDigest(fixture("build/worker"));
  assert.deepEqual((worker.inputs["build"] as { tags: string[] }).tags, [`buildapp/worker:${workerDigest}`]);
  // The container's image is the build's digest tag (never pushed: a RemoteImage that finds it on the engine).
  assert.deepEqual(all.find((r) => r.name === "buildapp-web-image")!.inputs, { name: `buildapp-web:${digest}`, keepLocally: true });
  assert.ok(all.find((r) => r.name === "buildapp-web-image")!.dependencies.includes(web.urn), "the container's image waits for the build");
  assert.equal(all.filter((r) => r.type === "docker:index/registryImage:RegistryImage").length, 0, "nothing is pushed on one host");
});

test("a change in the context is a new digest and a replaced container; a change .dockerignore leaves out is not", async () => {
  const copy = path.join(tmp, "ctx");
  fs.cpSync(fixture("build"), copy, { recursive: true });
  const tagOf = async () => {
    const all = await children(() => new ComposeProject("b", { file: path.join(copy, "compose.yaml") }));
    return all.find((r) => r.name === "b-web-image")!.inputs["name"];
  };
  const t0 = await tagOf();
  fs.writeFileSync(path.join(copy, "web/notes/drop.md"), "changed, but left out\n");
  fs.writeFileSync(path.join(copy, "web/static/cache.tmp"), "changed, but left out\n");
  assert.equal(await tagOf(), t0);
  fs.writeFileSync(path.join(copy, "web/static/index.html"), "<h1>changed</h1>\n");
  const t1 = await tagOf();
  assert.notEqual(t1, t0);
  assert.match(String(t1), /^buildapp-web:[0-9a-f]{64}$|^b-web:[0-9a-f]{64}$/);
});

test("swarm: without a registry a build is an error that says what to do", async () => {
  await rec.settle();
  rec.reset();
  assert.throws(
    () => new SwarmStack("nope", { content: "services:\n  web:\n    build: ./worker\n", baseDir: fixture("build") }),
    (err: Error & { problems?: { where: string; message: string }[] }) => {
      assert.deepEqual(err.problems, [
        {
          where: "services.web.build",
          message:
            "has `build` and no `image`: every swarm node must pull the image, so name a registry to push it to with --registry HOST[/PREFIX] (or x-berth-registry in the file, or the registry argument), or give the service an `image` that names one",
        },
      ]);
      return true;
    },
  );
  assert.throws(() => new SwarmStack("bad", { file: FILE, registry: "https://reg.example.com" }), /the registry "https:\/\/reg\.example\.com" is not HOST\[:PORT\]\[\/PREFIX\]/);
});

test("swarm: built on the manager, pushed as REGISTRY/STACK-SERVICE:<digest> with the stack's credentials, and run by that tag", async () => {
  const all = await children(() => new SwarmStack("buildapp", { file: FILE, registry: "registry.example.com:5000/team", registryAuth: { username: "ci", password: "pw-123" } }));
  const digest = buildContextDigest(WEB, { dockerfile: "Dockerfile.web" });
  const tag = `registry.example.com:5000/team/buildapp-web:${digest}`;
  assert.equal(all.find((r) => r.name === "buildapp-web-build")!.inputs["name"], tag);
  const push = all.find((r) => r.name === "buildapp-web-push")!;
  assert.deepEqual(push.inputs, {
    name: tag,
    keepRemotely: true,
    triggers: { contextDigest: digest },
    authConfig: { address: "registry.example.com:5000", username: "ci", password: "pw-123" },
  });
  assert.deepEqual(push.secretPaths, ["authConfig.password"]);
  const service = all.find((r) => r.name === "buildapp-web" && r.type === "docker:index/service:Service")!;
  assert.equal((service.inputs["taskSpec"] as { containerSpec: { image: string } }).containerSpec.image, tag);
  assert.ok(service.dependencies.includes(push.urn), "the service waits for the push");
  // A service with its own image is pushed under the image's name too, and runs the digest tag of its repository.
  const workerDigest = buildContextDigest(fixture("build/worker"));
  assert.equal(all.find((r) => r.name === "buildapp-worker-push")!.inputs["name"], `buildapp/worker:${workerDigest}`);
  assert.equal(all.find((r) => r.name === "buildapp-worker-push-tag")!.inputs["name"], "buildapp/worker:2.1");
  assert.equal((all.find((r) => r.name === "buildapp-worker-push")!.inputs["authConfig"] as { address: string }).address, "docker.io");
});

test("x-berth-registry in the file names the registry when no argument does", async () => {
  const text = "x-berth-registry: 127.0.0.1:5000\nservices:\n  web:\n    build: ./web\n";
  const dir = path.join(tmp, "xreg");
  fs.cpSync(fixture("build/worker"), path.join(dir, "web"), { recursive: true });
  const all = await children(() => new SwarmStack("x", { content: text, baseDir: dir }));
  assert.match(String(all.find((r) => r.name === "x-web-push")!.inputs["name"]), /^127\.0\.0\.1:5000\/x-web:[0-9a-f]{64}$/);
});

function io(): CliIo & { stdout: string; stderr: string } {
  const c = {
    stdout: "",
    stderr: "",
    cwd: path.resolve(__dirname, "../.."),
    env: { ...process.env },
    out(t: string) {
      c.stdout += t;
    },
    err(t: string) {
      c.stderr += t;
    },
  };
  return c;
}

async function programResources(out: string, config: Record<string, string>, secrets: Record<string, string> = {}) {
  linkModules(out);
  return (
    await children(async () => {
      setStackConfig("project", config, secrets);
      await import(path.join(out, "index.ts"));
    })
  )
    .filter((r) => r.custom)
    .map(shape)
    .sort(byKey);
}

test("berth compose: the written programs build the same images as the components, on one host and for a swarm", async () => {
  const docker = path.join(tmp, "prog-docker");
  const c = io();
  assert.equal(await main(["compose", FILE, "--out", docker, "--target", "docker", "--name", "buildapp"], c), 0, c.stderr);
  typeCheck(docker);
  const index = fs.readFileSync(path.join(docker, "index.ts"), "utf8");
  assert.match(index, /^const webContext = path\.resolve\(__dirname, "[./]*[^"]*fixtures\/compose\/build\/web"\);$/m);
  assert.match(index, /^const webDigest = buildContextDigest\(webContext, \{ dockerfile: "Dockerfile\.web" \}\);$/m);
  const fromComponent = (await children(() => new ComposeProject("buildapp", { file: FILE }))).filter((r) => r.custom).map(shape).sort(byKey);
  assert.deepEqual(await programResources(docker, { BERTH_TEST_IMAGE: "berth-test/busybox:1" }), fromComponent);

  const swarm = path.join(tmp, "prog-swarm");
  const none = io();
  assert.equal(await main(["compose", FILE, "--out", path.join(tmp, "prog-none")], none), 2);
  assert.match(none.stderr, /error: services\.web\.build: has `build` and no `image`: every swarm node must pull the image/);
  assert.equal(fs.existsSync(path.join(tmp, "prog-none")), false);
  const s = io();
  assert.equal(await main(["compose", FILE, "--out", swarm, "--name", "buildapp", "--registry", "registry.example.com:5000/team"], s), 0, s.stderr);
  typeCheck(swarm);
  const swarmComponent = (await children(() => new SwarmStack("buildapp", { file: FILE, registry: "registry.example.com:5000/team", registryAuth: { username: "ci", password: "pw-123" } }))).filter((r) => r.custom).map(shape).sort(byKey);
  assert.deepEqual(await programResources(swarm, { BERTH_TEST_IMAGE: "berth-test/busybox:1", registryUsername: "ci" }, { registryPassword: "pw-123" }), swarmComponent);
});
