// Scripts run as Cloudify's script plugin ran them. First, real corpus scripts run in bash and python3 here with
// Berth's ctx shim (exactly the command text the program renders); then a blueprint whose scripts hand values to each
// other runs under the mocks recorder, each remote command executed here, so the runtime properties a script writes
// reach the get_attribute of the next one and the stack outputs.
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { after, before, test } from "node:test";
import * as pulumi from "@pulumi/pulumi";
import { type ScriptSpec, interpreterFor, parseRuntimeProperties, renderScript } from "../../src/blueprint/scripts/render";
import { Recorder } from "../../src/resources/recorder";

const CORPUS = path.join(__dirname, "../../../shared/corpus/cloudify-community__blueprint-examples");
const FLOWS = path.join(__dirname, "../fixtures/blueprints/flows");
const work = mkdtempSync(path.join(tmpdir(), "berth-ctx-"));
after(() => rmSync(work, { recursive: true, force: true }));

/** Runs a script with the shim as the program would on its host, in a scratch TMPDIR; returns stdout and stderr. */
function run(spec: ScriptSpec, env: Record<string, string> = {}): { stdout: string; stderr: string; props: Record<string, unknown> } {
  const cmd = renderScript(spec);
  try {
    const stdout = execFileSync("sh", ["-c", cmd], { encoding: "utf8", env: { PATH: process.env["PATH"] ?? "/usr/bin:/bin", TMPDIR: work, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    return { stdout, stderr: "", props: parseRuntimeProperties(stdout) };
  } catch (err) {
    const e = err as { stdout: string; stderr: string };
    assert.fail(`${spec.path} failed:\n${e.stderr}\n${e.stdout}`);
  }
}

/** A corpus script as a spec. */
function corpus(rel: string, context: Record<string, unknown>, more: Partial<ScriptSpec> = {}): ScriptSpec {
  return { path: rel, text: readFileSync(path.join(CORPUS, rel), "utf8"), interpreter: interpreterFor(rel), context, ...more };
}

const node = (id: string, properties: Record<string, unknown> = {}, runtime: Record<string, unknown> = {}) => ({
  type: "node-instance",
  node: { id, type: "cloudify.nodes.Root", properties },
  instance: { id: `${id}_0`, runtime_properties: runtime, host_ip: "10.0.0.9" },
});

test("bash: pfsense's token script reads its inputs from the environment and leaves a runtime property", () => {
  const r = run(corpus("open-source-vnf/pfsense/scripts/create_faux_auth_token.sh", node("fauxapi"), { env: { api_key: "KEY123", api_secret: "s3cret" } }));
  assert.match(String(r.props["fauxapi_auth"]), /^KEY123:[0-9]{8}Z[0-9]{6}:[0-9a-f]{8}:[0-9a-f]{64}$/);
});

test("bash: the http-server stop script reads the pid it left and kills that process", async () => {
  const sleeper = spawn("sleep", ["60"], { stdio: "ignore" });
  const exited = new Promise<number | null>((resolve) => sleeper.on("exit", (_code, signal) => resolve(signal === "SIGKILL" ? 9 : null)));
  run(corpus("getting-started/scripts/http-server/stop.sh", node("http_server", {}, { pid: sleeper.pid })));
  assert.equal(await exited, 9);
});

test("python: convert_tags.py reads ctx_parameters and writes runtime properties", () => {
  const tags = (k: string) => [{ Key: "Name", Value: k }, { Key: "env", Value: "dev" }];
  const r = run(corpus("terraform/vpc/scripts/convert_tags.py", { ...node("tags"), inputs: { vpc_tags: tags("vpc"), subnet_1_tags: tags("s1"), subnet_2_tags: tags("s2") } }));
  assert.deepEqual(r.props["vpc_tags"], { Name: "vpc", env: "dev" });
  assert.deepEqual(r.props["subnet_2_tags"], { Name: "s2", env: "dev" });
});

test("python: expose_ip.py reads the runtime properties an earlier step left and adds one", () => {
  const tf = { resources: { eip: { instances: [{ attributes: { public_ip: "203.0.113.7" } }] } } };
  const r = run(corpus("hello-world-example/scripts/terraform/expose_ip.py", node("terraform", {}, tf)));
  assert.equal(r.props["ip"], "203.0.113.7");
  assert.deepEqual(r.props["resources"], tf.resources);
});

test("python: a relationship operation sees source and target (db-lb-app's establish.py)", () => {
  const hosts = { db1: { ansible_host: "10.0.1.1" }, db2: { ansible_host: "10.0.1.2" } };
  const context = {
    type: "relationship-instance",
    source: { node: { id: "db", properties: {} }, instance: { id: "db_0", runtime_properties: { sources: { all: { children: { galera_cluster: { hosts } } } } } } },
    target: { node: { id: "cluster", properties: {} }, instance: { id: "cluster_0", runtime_properties: {} } },
  };
  const r = run(corpus("db-lb-app/db/scripts/establish.py", context));
  // The block carries the source's runtime properties (the command belongs to the source node).
  assert.deepEqual(Object.keys(r.props), ["sources"]);
});

test("python: scalelist's tree_create.py merges node properties and inputs into a runtime property", () => {
  const fresh = run(corpus("utilities-examples/cloudify_scalelist/scripts/tree_create.py", { ...node("tree", { name: "oak", convert_inputs: { height: "tree_height" } }), inputs: { height: 12 } }));
  assert.deepEqual(fresh.props["config"], { resource_id: "tree_0", name: "oak", tree_height: 12 });
  // With a resource_id already given, the script logs an error and leaves the config empty.
  const existing = run(corpus("utilities-examples/cloudify_scalelist/scripts/tree_create.py", { ...node("tree", { resource_id: "t-1" }), inputs: {} }));
  assert.deepEqual(existing.props["config"], {});
});

test("download-resource-and-render renders a blueprint file with node properties, host address and template variables", () => {
  const script = `ctx download-resource-and-render resources/page.html "$PWD/page.html" '@{"greeting": "hello"}'\nctx instance runtime-properties page "$(cat page.html)"\n`;
  const r = run({ path: "render.sh", text: script, interpreter: "exec", context: node("web", { port: 8080 }), resources: { "resources/page.html": readFileSync(path.join(FLOWS, "resources/page.html"), "utf8") } });
  assert.equal(r.props["page"], "<p>port 8080 on 10.0.0.9: hello</p>");
});

test("a script that fails makes the command fail, and a resource it did not get is a clear error", () => {
  const cmd = renderScript({ path: "x.sh", text: "ctx download-resource resources/missing.txt\n", interpreter: "exec", context: node("x") });
  let stderr = "";
  try {
    execFileSync("sh", ["-c", cmd], { encoding: "utf8", env: { PATH: process.env["PATH"] ?? "/usr/bin:/bin", TMPDIR: work }, stdio: ["ignore", "pipe", "pipe"] });
    assert.fail("the command should fail");
  } catch (err) {
    stderr = (err as { stderr: string }).stderr;
  }
  assert.match(stderr, /resource resources\/missing\.txt was not packed with this script by berth import/);
});

// ---- Under the mocks: the program's commands run here, their runtime properties flow ------------------------------

let rec: Recorder;
before(async () => {
  rec = await Recorder.install({
    outputs: async (args) => {
      if (args.type !== "command:remote:Command") return undefined;
      const create = String(args.inputs["create"]);
      const stdout = execFileSync("sh", ["-c", create], { encoding: "utf8", env: { PATH: process.env["PATH"] ?? "/usr/bin:/bin", TMPDIR: work }, stdio: ["ignore", "pipe", "ignore"] });
      return { id: `${args.name}-id`, state: { ...args.inputs, stdout } };
    },
  });
});

test("under the mocks, each script's runtime properties reach the next script and the stack outputs", async () => {
  pulumi.runtime.setAllConfig({ "project:agent_key_private": "-----BEGIN KEY-----" }, ["project:agent_key_private"]);
  const { Blueprint } = await import("../../src/blueprint/index.js");
  const bp = new Blueprint("sw", { file: path.join(FLOWS, "swarm.yaml") });
  await rec.settle();
  const commands = rec.ofType("command:remote:Command").map((r) => r.name).sort();
  assert.deepEqual(commands, ["sw-manager-0-create", "sw-manager-0-start", "sw-worker-0-start"]);
  const start = rec.get("command:remote:Command", "sw-manager-0-start");
  const workerStart = rec.get("command:remote:Command", "sw-worker-0-start");
  // Dependants wait for the last lifecycle step of their target (the manager's start), not its create.
  assert.deepEqual(workerStart.dependencies, [start.urn]);
  assert.deepEqual(start.dependencies, [rec.get("command:remote:Command", "sw-manager-0-create").urn]);
  assert.ok(start.options.additionalSecretOutputs.includes("stdout"), "a script's output (its runtime properties) is stored as a secret");
  // The SSH user comes from the blueprint unless config names one; the key from config, as a secret.
  const conn = workerStart.inputs["connection"] as Record<string, unknown>;
  assert.equal(conn["host"], "10.0.0.6");
  assert.equal(conn["user"], "ubuntu");
  assert.ok(workerStart.secretPaths.some((p) => p === "connection" || p === "connection.privateKey"), `secret paths: ${workerStart.secretPaths.join(", ")}`);
  const outputs = await new Promise<Record<string, unknown>>((resolve) => pulumi.all(bp.outputs).apply(resolve));
  assert.equal(outputs["installed_by"], "python:manager");
  assert.equal(outputs["joined"], "token-for-10.0.0.5@10.0.0.5");
  assert.ok(String(workerStart.inputs["delete"]).includes("berth_file 'script/stop-worker.sh'"), "the stop script runs when the last step is destroyed");
});
