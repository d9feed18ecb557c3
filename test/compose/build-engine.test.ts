/**
 * Builds on the real engine (the suite's private dockerd) and a real registry on loopback (Debian's docker-registry,
 * started by scripts/test.sh). The Pulumi CLI is not here to run the provider, so the test does what the provider
 * does with Berth's arguments: the `docker.RemoteImage` build inputs Berth records (under mocks) become a
 * `docker build` of the same context (the classic builder: BuildKit would try to reach the network for its
 * frontend), and the image that makes is compared with the one the reference implementation builds from the same
 * Compose file (`docker-compose build`, docker-py's classic build): the same labels, environment, command and
 * files, the target stage and no other, the build args, extra hosts and shm size in effect, .dockerignore honoured.
 * For a swarm, the image is pushed under the tag Berth wrote (as `docker.RegistryImage` pushes it), removed, and
 * pulled back from the registry by that tag.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { after, before, test } from "node:test";
import type { Recorder as RecorderType } from "../../src/resources/recorder";
import { testEngine, uniqueName } from "../helpers/engine";
import { fixture } from "./fixtures";

const { engine, skip } = testEngine();
const registry = process.env["BERTH_TEST_REGISTRY"];
if (engine && !registry && process.env["BERTH_REQUIRE_DOCKER"] === "1") throw new Error("BERTH_REQUIRE_DOCKER=1 but BERTH_TEST_REGISTRY is unset (scripts/test.sh starts the registry)");
const FILE = fixture("build/compose.yaml");
let rec: RecorderType;
const images: string[] = [];

function docker(args: string[], env: Record<string, string> = {}): string {
  return execFileSync("docker", args, { env: { ...process.env, DOCKER_BUILDKIT: "0", ...env }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });
}

before(async () => {
  if (!engine) return;
  process.env["BERTH_TEST_IMAGE"] = engine.image;
  const { Recorder } = await import("../../src/resources/recorder.js");
  rec = await Recorder.install();
});

after(() => {
  for (const image of images.reverse()) {
    try {
      docker(["rmi", "-f", image]);
    } catch {
      // already gone
    }
  }
});

/** The `docker build` command line the provider's build of these RemoteImage inputs amounts to. */
function dockerBuildArgs(inputs: Record<string, unknown>): string[] {
  const b = inputs["build"] as Record<string, unknown>;
  const args = ["build", "--file", path.join(String(b["context"]), String(b["dockerfile"]))];
  if (b["target"] !== undefined) args.push("--target", String(b["target"]));
  for (const [k, v] of Object.entries((b["buildArgs"] ?? {}) as Record<string, string>)) args.push("--build-arg", `${k}=${v}`);
  for (const [k, v] of Object.entries((b["labels"] ?? {}) as Record<string, string>)) args.push("--label", `${k}=${v}`);
  for (const h of (b["extraHosts"] ?? []) as string[]) args.push("--add-host", h);
  if (b["shmSize"] !== undefined) args.push("--shm-size", String(b["shmSize"]));
  if (b["networkMode"] !== undefined) args.push("--network", String(b["networkMode"]));
  if (b["platform"] !== undefined) args.push("--platform", String(b["platform"]));
  if (b["noCache"] === true) args.push("--no-cache");
  if (b["pullParent"] === true) args.push("--pull");
  for (const t of [String(inputs["name"]), ...((b["tags"] ?? []) as string[])]) args.push("--tag", t);
  const known = new Set(["context", "dockerfile", "target", "buildArgs", "labels", "extraHosts", "shmSize", "networkMode", "platform", "noCache", "pullParent", "tags"]);
  for (const k of Object.keys(b)) assert.ok(known.has(k), `the build input ${k} has no docker build flag in this test`);
  args.push(String(b["context"]));
  return args;
}

/** What an image is, for comparison: its config and the files the build wrote (under `dir`), with their content. */
function describe(image: string, dir: string) {
  const [config] = JSON.parse(docker(["image", "inspect", image])) as { Config: Record<string, unknown> }[];
  const c = config!.Config;
  const files = docker(["run", "--rm", "--entrypoint", "sh", image, "-c", `cd ${dir} && for f in $(busybox find . -type f | busybox sort); do echo "== $f"; cat "$f"; done`]);
  return { labels: c["Labels"], env: c["Env"], cmd: c["Cmd"], entrypoint: c["Entrypoint"], workdir: c["WorkingDir"], user: c["User"], files };
}

/** The same for an image whose build wrote one file. */
function describeFile(image: string, file: string) {
  const { files: _all, ...config } = describe(image, "/etc");
  return { ...config, content: docker(["run", "--rm", "--entrypoint", "cat", image, file]) };
}

async function recorded(make: () => unknown) {
  await rec.settle();
  rec.reset();
  await make();
  await rec.settle();
  return rec;
}

test("one host: Berth's build of each service is the build docker-compose makes of the same file", { skip, timeout: 600_000 }, async () => {
  const { ComposeProject } = await import("../../src/docker/compose-project.js");
  const r = await recorded(() => new ComposeProject("buildapp", { file: FILE }));
  const web = r.get("docker:index/remoteImage:RemoteImage", "buildapp-web-build").inputs;
  const worker = r.get("docker:index/remoteImage:RemoteImage", "buildapp-worker-build").inputs;
  assert.equal(web["name"], "buildapp-web:latest");
  assert.equal(worker["name"], "buildapp/worker:2.1");

  const ref = uniqueName("ref").replace(/[^a-z0-9]/g, "");
  execFileSync("docker-compose", ["-f", FILE, "-p", ref, "build"], {
    env: { ...process.env, DOCKER_BUILDKIT: "0", COMPOSE_DOCKER_CLI_BUILD: "0" },
    stdio: "pipe",
  });
  images.push(`${ref}_web`, "buildapp/worker:2.1");
  const theirsWeb = describe(`${ref}_web`, "/srv");
  const theirsWorker = describeFile("buildapp/worker:2.1", "/worker.txt");
  docker(["rmi", "buildapp/worker:2.1"]);

  docker(dockerBuildArgs(web));
  docker(dockerBuildArgs(worker));
  images.push(String(web["name"]), ...((web["build"] as { tags: string[] }).tags ?? []), String(worker["name"]), ...((worker["build"] as { tags: string[] }).tags ?? []));
  const oursWeb = describe(String(web["name"]), "/srv");
  assert.deepEqual(oursWeb, theirsWeb);
  assert.deepEqual(describeFile(String(worker["name"]), "/worker.txt"), theirsWorker);
  assert.equal(theirsWorker.content, "worker\n");
  // And what the build did, spelled out: the args, the target stage only, .dockerignore, extra hosts, shm size.
  assert.match(oursWeb.files, /== \.\/greeting\.txt\nhello from the build\n/);
  assert.match(oursWeb.files, /== \.\/unset\.txt\ndefault\n/);
  assert.match(oursWeb.files, /== \.\/hosts\.txt\n[\s\S]*10\.1\.2\.3\tbuilder\.internal/);
  assert.match(oursWeb.files, /== \.\/shm\.txt\nshm +65536 /);
  assert.match(oursWeb.files, /== \.\/notes\/keep\.md\n/);
  assert.doesNotMatch(oursWeb.files, /drop\.md|cache\.tmp|stage\.txt/);
  assert.deepEqual(oursWeb.labels, { "org.example.role": "web", "org.example.stage": "final" });
  // The digest tag the container runs names the same image.
  const [digestTag] = (web["build"] as { tags: string[] }).tags;
  assert.match(digestTag!, /^buildapp-web:[0-9a-f]{64}$/);
  assert.equal(docker(["image", "inspect", "--format", "{{.Id}}", digestTag!]), docker(["image", "inspect", "--format", "{{.Id}}", String(web["name"])]));
  const container = r.get("docker:index/remoteImage:RemoteImage", "buildapp-web-image").inputs;
  assert.deepEqual(container["name"], digestTag);
});

test("swarm: the build is pushed under the tag Berth wrote, and every node can pull it by that tag", { skip: skip || (registry ? false : "no registry (BERTH_TEST_REGISTRY)"), timeout: 600_000 }, async () => {
  const { SwarmStack } = await import("../../src/swarm/stack.js");
  const r = await recorded(() => new SwarmStack("buildapp", { file: FILE, registry: `${registry}/berth` }));
  const built = r.get("docker:index/remoteImage:RemoteImage", "buildapp-web-build").inputs;
  const pushed = r.get("docker:index/registryImage:RegistryImage", "buildapp-web-push").inputs;
  const tag = String(pushed["name"]);
  assert.match(tag, new RegExp(`^${registry!.replace(/[.]/g, "\\.")}/berth/buildapp-web:[0-9a-f]{64}$`));
  assert.equal(built["name"], tag);
  const service = r.get("docker:index/service:Service", "buildapp-web").inputs as { taskSpec: { containerSpec: { image: string } } };
  assert.equal(service.taskSpec.containerSpec.image, tag);

  docker(dockerBuildArgs(built));
  images.push(tag);
  const id = docker(["image", "inspect", "--format", "{{.Id}}", tag]).trim();
  // What docker.RegistryImage does: the engine pushes the local image by its name.
  docker(["push", tag]);
  docker(["rmi", tag]);
  assert.throws(() => docker(["image", "inspect", tag]));
  docker(["pull", tag]);
  assert.equal(docker(["image", "inspect", "--format", "{{.Id}}", tag]).trim(), id);
  const manifest = execFileSync("curl", ["-fsS", `http://${registry}/v2/berth/buildapp-web/tags/list`], { encoding: "utf8" });
  assert.deepEqual(JSON.parse(manifest), { name: "berth/buildapp-web", tags: [tag.slice(tag.lastIndexOf(":") + 1)] });
});
