/**
 * `berth compose`: the program it writes type-checks with its own tsconfig and, run under the mocks with its stack
 * configuration, creates exactly the resources the component (SwarmStack or ComposeProject) creates from the same
 * file: same types, names and inputs. Values from the environment are stack configuration (secrets as secrets,
 * never in a written file); paths are relative to the program; usage and input mistakes exit 64 and 2 with nothing
 * written.
 */
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Compose `${VAR}` syntax is the data under test.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, test } from "node:test";
import type { CliIo } from "../../src/cli/io";
import type { RecordedResource, Recorder as RecorderType } from "../../src/resources/recorder";
import { fixture } from "./fixtures";
import { linkModules, setStackConfig, typeCheck } from "./program-run";

const ROOT = path.resolve(__dirname, "../..");
let tmp: string;
let rec: RecorderType;
let main: typeof import("../../src/cli/main").main;

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "berth-compose-"));
  process.env["BERTH_TEST_IMAGE"] = "berth-test/busybox:1";
  delete process.env["TIER"];
  const { Recorder } = await import("../../src/resources/recorder.js");
  rec = await Recorder.install({
    outputs: (a) =>
      a.type === "docker:index/container:Container" && a.inputs["attach"] === true ? { id: `${a.name}-id`, state: { ...a.inputs, exitCode: 0 } } : undefined,
  });
  ({ main } = await import("../../src/cli/main.js"));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function io(env: Record<string, string | undefined> = {}): CliIo & { stdout: string; stderr: string } {
  const captured = {
    stdout: "",
    stderr: "",
    cwd: ROOT,
    env: { ...process.env, ...env },
    out(t: string) {
      captured.stdout += t;
    },
    err(t: string) {
      captured.stderr += t;
    },
  };
  return captured;
}

function shape(r: RecordedResource) {
  return { type: r.type, name: r.name, inputs: r.inputs, secretPaths: r.secretPaths };
}

const byKey = (a: { type: string; name: string }, b: { type: string; name: string }) => `${a.type} ${a.name}`.localeCompare(`${b.type} ${b.name}`);

/** The resources the written program creates, run with `config` (and `secrets`) as its stack configuration. */
async function runProgram(out: string, config: Record<string, string>, secrets: Record<string, string> = {}) {
  await rec.settle();
  rec.reset();
  linkModules(out);
  setStackConfig("project", config, secrets);
  await import(path.join(out, "index.ts"));
  await rec.settle();
  return rec.resources.filter((r) => r.custom).map(shape).sort(byKey);
}

/** The custom resources a component creates. */
async function runComponent(make: () => unknown) {
  await rec.settle();
  rec.reset();
  await make();
  await rec.settle();
  return rec.resources.filter((r) => r.custom).map(shape).sort(byKey);
}

/** The values of the written stack configuration file. */
function stackConfig(out: string, stack = "dev"): Record<string, string> {
  const yaml = require("js-yaml") as typeof import("js-yaml");
  const doc = yaml.load(fs.readFileSync(path.join(out, `Pulumi.${stack}.yaml`), "utf8")) as { config: Record<string, string> };
  return Object.fromEntries(Object.entries(doc.config).map(([k, v]) => [k.replace(/^[^:]+:/, ""), v]));
}

test("swarm: the written program type-checks and, run, creates exactly SwarmStack's children", async () => {
  const out = path.join(tmp, "swarm");
  const c = io();
  const code = await main(["compose", fixture("stack.yaml"), "--out", out, "--name", "shop"], c);
  assert.equal(code, 0, c.stderr);
  assert.deepEqual(fs.readdirSync(out).sort(), [".berth", ".gitignore", "Pulumi.dev.yaml", "Pulumi.yaml", "index.ts", "package.json", "tsconfig.json"]);
  assert.equal(c.stdout, `wrote ${out} (.gitignore, Pulumi.dev.yaml, Pulumi.yaml, index.ts, package.json, tsconfig.json): 2 services for swarm, 1 warnings, 1 stack config values\n`);
  assert.match(c.stderr, /^.*stack\.yaml:2:1: info: "version" is accepted and ignored on swarm: .*\n.*stack\.yaml:114:5: warning: "restart" is left out on swarm: /);
  assert.equal(
    fs.readFileSync(path.join(out, "Pulumi.yaml"), "utf8"),
    `name: shop\ndescription: Written by berth compose (--target swarm) from stack.yaml\nruntime:\n  name: nodejs\n  options:\n    packagemanager: npm\n`,
  );
  const own = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string> };
  assert.deepEqual(JSON.parse(fs.readFileSync(path.join(out, "package.json"), "utf8")).dependencies, {
    "@pulumi/docker": own.dependencies["@pulumi/docker"],
    "@pulumi/pulumi": own.dependencies["@pulumi/pulumi"],
  });
  // The image comes from ${BERTH_TEST_IMAGE}: the program reads it from the stack configuration.
  assert.deepEqual(stackConfig(out), { BERTH_TEST_IMAGE: "berth-test/busybox:1" });
  const index = fs.readFileSync(path.join(out, "index.ts"), "utf8");
  assert.match(index, /^const env: Record<string, string> = \{ "BERTH_TEST_IMAGE": config\.require\("BERTH_TEST_IMAGE"\), \};$/m);
  assert.doesNotMatch(index, new RegExp(`["\`]${ROOT}`), "no absolute path of this machine in the program");
  assert.match(index, /^ {10}source: path\.resolve\(__dirname, "[./]*[^"]*test\/fixtures\/compose\/files"\),$/m);
  typeCheck(out);
  const fromComponent = await runComponent(async () => {
    const { SwarmStack } = await import("../../src/swarm/stack.js");
    new SwarmStack("shop", { file: fixture("stack.yaml") });
  });
  const fromProgram = await runProgram(out, { BERTH_TEST_IMAGE: "berth-test/busybox:1" });
  assert.deepEqual(fromProgram, fromComponent);
});

test("docker: the written program type-checks and, run, creates exactly ComposeProject's children", async () => {
  const out = path.join(tmp, "docker");
  const c = io();
  const code = await main(["compose", fixture("project.yaml"), "--out", out, "--target", "docker", "--name", "proj"], c);
  assert.equal(code, 0, c.stderr);
  assert.equal(c.stderr, "");
  typeCheck(out);
  const index = fs.readFileSync(path.join(out, "index.ts"), "utf8");
  assert.match(index, /^import \{ DockerContainer, dependsOnLabel, imageReference \} from "berth\/docker";$/m);
  assert.match(index, /^const db = new DockerContainer\("proj-db", \{$/m);
  assert.match(index, /^\}, \{ dependsOn: \[backendNetwork, \.\.\.dbReplicas\] \}\);$/m);
  assert.match(index, /^\/\/ web starts after migrate \(service_completed_successfully\)\.$/m);
  assert.match(index, /^export const containerNames = \{ "db": db\.containerName, "migrate": migrate\.containerName, "web": web\.containerName \};$/m);
  const { ComposeProject } = await import("../../src/docker/compose-project.js");
  const fromComponent = await runComponent(() => new ComposeProject("proj", { file: fixture("project.yaml") }));
  const fromProgram = await runProgram(out, { BERTH_TEST_IMAGE: "berth-test/busybox:1" });
  assert.deepEqual(fromProgram, fromComponent);
});

test("strict: warnings become errors and nothing is written; usage mistakes exit 64", async () => {
  const out = path.join(tmp, "strict");
  const c = io();
  assert.equal(await main(["compose", fixture("ignored.yaml"), "--out", out, "--strict"], c), 2);
  assert.equal(fs.existsSync(out), false);
  assert.equal(c.stderr.split("\n").filter((l) => l.includes(": error: ")).length, 14);
  assert.match(c.stderr, /ignored\.yaml:6:5: error: "container_name" is left out on swarm: .* \(an error because of strict mode\)\n/);
  assert.match(c.stderr, /berth compose: nothing written, fix the errors above\n$/);
  const u = io();
  assert.equal(await main(["compose", fixture("stack.yaml")], u), 64);
  assert.match(u.stderr, /^usage: berth compose FILE/);
  const t = io();
  assert.equal(await main(["compose", fixture("stack.yaml"), "--out", out, "--target", "k8s"], t), 64);
  assert.equal(t.stderr, 'berth compose: --target is swarm or docker, not "k8s"\n');
  for (const bad of [["--max-ports", "0"], ["--max-instances", "lots"], ["--max-file-size", "-1"], ["--stack", "a/../b"], ["--registry", "https://reg.example.com"]]) {
    const b = io();
    assert.equal(await main(["compose", fixture("stack.yaml"), "--out", out, ...bad], b), 64, bad.join(" "));
    assert.match(b.stderr, new RegExp(`^berth compose: ${bad[0]} (takes |"a/\\.\\./b" is not a stack name)`));
  }
  const m = io();
  assert.equal(await main(["compose", "/nonexistent.yaml", "--out", out], m), 2);
  assert.equal(m.stderr, 'berth compose: cannot read the Compose file /nonexistent.yaml: "/nonexistent.yaml" does not exist\n');
  assert.equal(fs.existsSync(out), false);
});

test("swarm, spec-only.yaml: external networks by name; a secret from the environment is a secret in the stack configuration, never written", async () => {
  const out = path.join(tmp, "spec-only");
  const c = io({ API_KEY: "k-1-secret-value", BANNER: "b" });
  assert.equal(await main(["compose", fixture("spec-only.yaml"), "--out", out], c), 0, c.stderr);
  typeCheck(out);
  const index = fs.readFileSync(path.join(out, "index.ts"), "utf8");
  assert.match(index, /^ {8}id: docker\.getNetworkOutput\(\{ name: "corp-net" \}\)\.id,$/m);
  assert.match(index, /^const secrets: Record<string, pulumi\.Output<string>> = \{ "API_KEY": config\.requireSecret\("API_KEY"\), \};$/m);
  assert.match(index, /^ {2}data: pulumi\.secret\(pulumi\.output\(secrets\["API_KEY"\]\)\.apply\(\(v\) => Buffer\.from\(v, "utf8"\)\.toString\("base64"\)\)\),$/m);
  for (const f of fs.readdirSync(out, { recursive: true }).map(String)) {
    if (fs.statSync(path.join(out, f)).isFile()) assert.equal(fs.readFileSync(path.join(out, f), "utf8").includes("k-1-secret-value"), false, `${f} holds the secret`);
  }
  assert.deepEqual(stackConfig(out), { BANNER: "b", BERTH_TEST_IMAGE: "berth-test/busybox:1" });
  assert.match(fs.readFileSync(path.join(out, "Pulumi.dev.yaml"), "utf8"), /^# {3}\$\{API_KEY\} in secrets\.api_key\n# {3}pulumi config set --secret shop:API_KEY <value>$/m);
  assert.match(c.stderr, /set the secret API_KEY before `pulumi up`: pulumi config set --secret API_KEY <value>/);
  const fromComponent = await runComponent(async () => {
    const { SwarmStack } = await import("../../src/swarm/stack.js");
    process.env["API_KEY"] = "k-1-secret-value";
    process.env["BANNER"] = "b";
    new SwarmStack("shop", { file: fixture("spec-only.yaml") });
  });
  delete process.env["API_KEY"];
  delete process.env["BANNER"];
  const fromProgram = await runProgram(out, { BANNER: "b", BERTH_TEST_IMAGE: "berth-test/busybox:1" }, { API_KEY: "k-1-secret-value" });
  assert.deepEqual(fromProgram, fromComponent);
  const secret = fromProgram.find((r) => r.type === "docker:index/secret:Secret")!;
  assert.deepEqual(secret.secretPaths, ["data"]);
});
