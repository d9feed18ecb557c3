import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, test } from "node:test";
import type { CliIo } from "../../src/cli/io";
import type { Recorder as RecorderType, RecordedResource } from "../../src/testing/recorder";
import { typeCheckProjects } from "../helpers/typecheck";
import { fixture } from "./fixtures";

const ROOT = path.resolve(__dirname, "../..");
let tmp: string;
let rec: RecorderType;
let main: typeof import("../../src/cli/main").main;

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "berth-compose-"));
  process.env["BERTH_TEST_IMAGE"] = "berth-test/busybox:1";
  delete process.env["TIER"];
  const { Recorder } = await import("../../src/testing/recorder.js");
  rec = await Recorder.install();
  ({ main } = await import("../../src/cli/main.js"));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function io(): CliIo & { stdout: string; stderr: string } {
  const captured = {
    stdout: "",
    stderr: "",
    cwd: ROOT,
    env: { ...process.env },
    out(t: string) {
      captured.stdout += t;
    },
    err(t: string) {
      captured.stderr += t;
    },
  };
  return captured;
}

/** Type-checks a generated project with tsc, as the user's project would, `berth` resolved to dist/'s types. */
function typeCheck(dir: string): void {
  typeCheckProjects([dir]);
}

function shape(r: RecordedResource) {
  return { type: r.type, name: r.name, inputs: r.inputs, secretPaths: r.secretPaths };
}

test("swarm: the written program type-checks and, run, creates exactly SwarmStack's children", async () => {
  const out = path.join(tmp, "swarm");
  const c = io();
  const code = await main(["compose", fixture("stack.yaml"), "--out", out, "--name", "shop"], c);
  assert.equal(code, 0, c.stderr);
  assert.deepEqual(fs.readdirSync(out).sort(), [".gitignore", "Pulumi.dev.yaml", "Pulumi.yaml", "index.ts", "package.json", "tsconfig.json"]);
  assert.equal(c.stdout, `wrote ${out} (.gitignore, Pulumi.dev.yaml, Pulumi.yaml, index.ts, package.json, tsconfig.json): 2 services for swarm, 2 warnings\n`);
  assert.match(c.stderr, /^.*stack\.yaml:2:1: warning: "version" is left out on swarm: .*\n.*stack\.yaml:114:5: warning: "restart" is left out on swarm: /);
  assert.equal(
    fs.readFileSync(path.join(out, "Pulumi.yaml"), "utf8"),
    "name: shop\ndescription: Written by berth compose (--target swarm)\nruntime:\n  name: nodejs\n  options:\n    packagemanager: npm\n",
  );
  const pkg = JSON.parse(fs.readFileSync(path.join(out, "package.json"), "utf8"));
  const own = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
  // The swarm program imports @pulumi/docker and @pulumi/pulumi only, declared at Berth's own ranges.
  assert.deepEqual(pkg.dependencies, { "@pulumi/docker": own.dependencies["@pulumi/docker"], "@pulumi/pulumi": own.dependencies["@pulumi/pulumi"] });
  assert.deepEqual(pkg.devDependencies, { "@types/node": own.devDependencies["@types/node"], typescript: own.devDependencies.typescript });
  typeCheck(out);

  await rec.settle();
  rec.reset();
  const { SwarmStack } = await import("../../src/swarm/stack.js");
  new SwarmStack("shop", { file: fixture("stack.yaml") });
  await rec.settle();
  const fromComponent = rec.resources.filter((r) => r.custom).map(shape);
  rec.reset();
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(out, "node_modules"));
  await import(path.join(out, "index.ts"));
  await rec.settle();
  const fromProgram = rec.resources.map(shape);
  const byKey = (a: { type: string; name: string }, b: { type: string; name: string }) =>
    `${a.type} ${a.name}`.localeCompare(`${b.type} ${b.name}`);
  assert.deepEqual(fromProgram.sort(byKey), fromComponent.sort(byKey));
});

test("docker: the written program type-checks and spells out containers, waits and order", async () => {
  const out = path.join(tmp, "docker");
  const c = io();
  const code = await main(["compose", fixture("project.yaml"), "--out", out, "--target", "docker", "--name", "proj"], c);
  assert.equal(code, 0, c.stderr);
  assert.equal(c.stderr, "");
  typeCheck(out);
  const index = fs.readFileSync(path.join(out, "index.ts"), "utf8");
  assert.match(index, /^import \{ DockerContainer \} from "berth\/docker";$/m);
  assert.match(index, /^const db = new DockerContainer\("proj-db", \{$/m);
  assert.match(index, /^ {2}start: \{\n {4}waitForHealthy: true,\n {4}timeout: 62,\n {2}\},\n\}, \{ dependsOn: \[backendNetwork, dbdataVolume\] \}\);$/m);
  assert.match(index, /^ {2}runToCompletion: true,\n\}, \{ dependsOn: \[backendNetwork, db\] \}\);$/m);
  assert.match(index, /^\}, \{ dependsOn: \[backendNetwork, frontendNetwork, db, migrate\] \}\);$/m);
  assert.match(index, /^\/\/ web starts after migrate \(service_completed_successfully\)\.$/m);
  assert.match(index, /^export const containerNames = \{ "db": db\.containerName, "migrate": migrate\.containerName, "web": web\.containerName \};$/m);
});

test("strict: warnings become errors and nothing is written; usage mistakes exit 64", async () => {
  const out = path.join(tmp, "strict");
  const c = io();
  assert.equal(await main(["compose", fixture("ignored.yaml"), "--out", out, "--strict"], c), 2);
  assert.equal(fs.existsSync(out), false);
  assert.equal(c.stderr.split("\n").filter((l) => l.includes(": error: ")).length, 17);
  assert.match(c.stderr, /ignored\.yaml:6:5: error: "build" is left out on swarm: .* \(an error because of strict mode\)\n/);
  assert.match(c.stderr, /berth compose: nothing written, fix the errors above\n$/);
  const u = io();
  assert.equal(await main(["compose", fixture("stack.yaml")], u), 64);
  assert.match(u.stderr, /^berth compose: missing --out DIR\nusage: berth compose FILE --out DIR/);
  const t = io();
  assert.equal(await main(["compose", fixture("stack.yaml"), "--out", out, "--target", "k8s"], t), 64);
  assert.equal(t.stderr, 'berth compose: --target is swarm or docker, not "k8s"\n');
  const m = io();
  assert.equal(await main(["compose", "/nonexistent.yaml", "--out", out], m), 2);
  assert.match(m.stderr, /^berth compose: cannot read \/nonexistent\.yaml: ENOENT/);
});

test("swarm, spec-only.yaml: external networks are looked up by name, secrets read from the environment at run time", async () => {
  const out = path.join(tmp, "spec-only");
  const c = io();
  c.env["API_KEY"] = "k-1";
  c.env["BANNER"] = "b";
  assert.equal(await main(["compose", fixture("spec-only.yaml"), "--out", out], c), 0, c.stderr);
  typeCheck(out);
  const index = fs.readFileSync(path.join(out, "index.ts"), "utf8");
  assert.match(index, /^ {8}id: docker\.getNetworkOutput\(\{ name: "corp-net" \}\)\.id,$/m);
  assert.match(index, /^ {2}data: pulumi\.secret\(Buffer\.from\(process\.env\["API_KEY"\] \?\? "", "utf8"\)\.toString\("base64"\)\),$/m);
  assert.equal(index.includes("k-1"), false, "a secret's value is never written into the program");
  assert.match(fs.readFileSync(path.join(out, "Pulumi.yaml"), "utf8"), /^name: shop$/m);
});
