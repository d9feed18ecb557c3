// Degrade per node (issue 12): what Berth lacks makes the nodes that need it placeholders and report lines, never a
// refused file; inputs without a value are required stack config; local catalogues and import maps serve the rest;
// Cloudify 5 to 7 functions and sections are read; --json carries per-node detail and totals.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { after, test } from "node:test";
import { main } from "../../src/cli/main";

const work = mkdtempSync(path.join(tmpdir(), "berth-degrade-"));
after(() => rmSync(work, { recursive: true, force: true }));
let n = 0;

/** Writes the files into a fresh folder and runs `berth import blueprint.yaml --out out --json`. */
async function imported(files: Record<string, string>, extra: string[] = [], env: Record<string, string> = {}) {
  const dir = path.join(work, `c${++n}`);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  let out = "";
  let err = "";
  const io = {
    out: (t: string) => {
      out += t;
    },
    err: (t: string) => {
      err += t;
    },
    cwd: dir,
    env,
  };
  const code = await main(["import", "blueprint.yaml", "--out", "out", "--json", ...extra], io);
  const json = out ? (JSON.parse(out) as Record<string, unknown>) : {};
  const read = (f: string) => readFileSync(path.join(dir, "out", f), "utf8");
  return { code, err, json, read, dir };
}

type Report = { node: string; status: string; notes: string[]; resources: string[] }[];
const node = (json: Record<string, unknown>, name: string) => (json["report"] as Report).find((r) => r.node === name)!;

const V7 = "tosca_definitions_version: cloudify_dsl_1_4\nimports:\n  - cloudify/types/types.yaml\n";

test("an import nothing resolves is a report line; the nodes of its types are typed placeholders that create nothing", async () => {
  const r = await imported({
    "blueprint.yaml": `${V7}  - https://example.com/custom/types.yaml\nnode_templates:\n  thing:\n    type: acme.nodes.Thing\n    properties: { size: 3, owner: { get_input: owner } }\n  web:\n    type: cloudify.nodes.Root\n    relationships: [{ type: cloudify.relationships.depends_on, target: thing }]\ninputs:\n  owner: { type: string, default: ops }\n`,
  });
  assert.equal(r.code, 3, r.err);
  const lines = r.json["lines"] as { message: string; partial: boolean }[];
  assert.ok(lines.some((l) => l.partial && /import https:\/\/example\.com\/custom\/types\.yaml is not resolved: .*--import-map/.test(l.message)), JSON.stringify(lines));
  const thing = node(r.json, "thing");
  assert.equal(thing.status, "not converted");
  assert.match(thing.notes[0]!, /type acme\.nodes\.Thing is not defined by any file Berth could load: it is likely defined by https:\/\/example\.com\/custom\/types\.yaml/);
  assert.equal(node(r.json, "web").status, "converted");
  const program = r.read("index.ts");
  assert.match(program, /\/\/ NOT CONVERTED, creates nothing: thing \(acme\.nodes\.Thing\)/);
  assert.match(program, /export const thingPlaceholder = blueprintPlaceholder\(\{\n\s+node: "thing",\n\s+type: "acme\.nodes\.Thing",[\s\S]*properties: \{\n\s+size: 3,\n\s+owner: inputOwner,/);
  assert.deepEqual(r.json["totals"], { converted: 1, partial: 0, "not converted": 1 });
});

test("inputs with no value are required config of their declared type; credentials are secrets, never written out", async () => {
  const r = await imported({
    "blueprint.yaml": `${V7}inputs:\n  replicas: { type: integer }\n  region: { type: string }\n  db_password: { type: string, default: hunter2 }\n  tags: { type: dict }\n  greeting: { default: hello }\noutputs:\n  all: { value: [{ get_input: replicas }, { get_input: region }, { get_input: db_password }, { get_input: tags }, { get_input: greeting }] }\n`,
  });
  assert.equal(r.code, 0, r.err);
  const program = r.read("index.ts");
  assert.match(program, /const inputReplicas = blueprintRequire\("replicas", "number", false\);/);
  assert.match(program, /const inputRegion = blueprintRequire\("region", "string", false\);/);
  assert.match(program, /const inputDb_password = blueprintRequire\("db_password", "string", true\);/);
  assert.match(program, /const inputTags = blueprintRequire\("tags", "object", false\);/);
  assert.match(program, /const inputGreeting = blueprintInput\("greeting", "hello"\);/);
  assert.ok(!program.includes("hunter2"), "a secret's value is not copied into the program");
  const stack = r.read("Pulumi.dev.yaml");
  assert.ok(!stack.includes("hunter2"));
  assert.match(stack, /^ {2}out:greeting: hello$/m);
  assert.match(stack, /^# Set these before `pulumi up` \(the program requires them\):\n(#.*\n)*# {3}pulumi config set --secret out:db_password <value>$/m);
  assert.match(stack, /^# {3}blueprint input replicas\n# {3}pulumi config set out:replicas <value>$/m);
  const config = r.json["config"] as { key: string; type: string; secret: boolean; required: boolean }[];
  assert.deepEqual(config.find((c) => c.key === "replicas"), { key: "replicas", type: "number", secret: false, required: true, comment: "blueprint input replicas" });
});

test("a --catalogue folder serves plugin:NAME by version, blueprint:ID and URLs; BERTH_CATALOGUE too", async () => {
  const plugin = (v: string) => `plugins:\n  acme: { executor: central_deployment_agent, package_name: acme-plugin }\nnode_types:\n  acme.nodes.V${v.replace(/\./g, "_")}:\n    derived_from: cloudify.nodes.Root\n`;
  const files = {
    "cat/acme-plugin/1.2.0/plugin.yaml": plugin("1.2.0"),
    "cat/acme-plugin/2.0.0/plugin.yaml": plugin("2.0.0"),
    "cat/blueprints/infra.yaml": `${V7}node_types:\n  infra.Host: { derived_from: cloudify.nodes.Compute }\n`,
    "cat/example.com/types/extra.yaml": "node_types:\n  extra.Thing: { derived_from: cloudify.nodes.Root }\n",
    "blueprint.yaml": `${V7}  - plugin:acme-plugin?version=<2\n  - net--blueprint:infra\n  - https://example.com/types/extra.yaml\nnode_templates:\n  a: { type: acme.nodes.V1_2_0 }\n  h: { type: net--infra.Host, properties: { ip: 10.1.1.1 } }\n  x: { type: extra.Thing }\n`,
  };
  const r = await imported(files, ["--catalogue", "cat"]);
  assert.equal(r.code, 0, `${r.err}\n${JSON.stringify(r.json["report"])}`);
  const viaEnv = await imported(files, [], { BERTH_CATALOGUE: path.join(work, `c${n}`, "cat") });
  assert.equal(viaEnv.code, 0, viaEnv.err);
  const without = await imported(files);
  assert.equal(node(without.json, "a").status, "not converted");
});

test("--import-map resolves a namespaced import; the file's names are prefixed, its references too", async () => {
  const r = await imported({
    "infra.yaml": `${V7}node_types:\n  Host: { derived_from: cloudify.nodes.Compute }\nnode_templates:\n  host: { type: Host, properties: { ip: 10.9.9.9 } }\n`,
    "blueprint.yaml": `${V7}  - infra--blueprint:infra-vm\nnode_templates:\n  app:\n    type: cloudify.nodes.Root\n    relationships: [{ type: cloudify.relationships.contained_in, target: infra--host }]\n`,
  }, ["--import-map", "blueprint:infra-vm=infra.yaml"]);
  assert.equal(r.code, 0, r.err);
  assert.ok((r.json["report"] as Report).some((x) => x.node === "infra--host"));
});

test("a namespaced import that is not resolved: relationships to its nodes are dropped and reported", async () => {
  const r = await imported({
    "blueprint.yaml": `${V7}  - infra--blueprint:infra-vm\nnode_templates:\n  app:\n    type: cloudify.nodes.Root\n    relationships: [{ type: cloudify.relationships.contained_in, target: infra--host }]\n`,
  });
  assert.equal(r.code, 3, r.err);
  assert.match(node(r.json, "app").notes.join("\n"), /relationship to infra--host dropped: it is a node of infra--blueprint:infra-vm, which Berth could not resolve/);
});

test("Cloudify 5-7: capabilities, labels, get_sys, get_label, get_capability and shared resources as stack references", async () => {
  const r = await imported({
    "blueprint.yaml": `${V7}labels:\n  tier: { values: [gold, silver] }\nblueprint_labels:\n  team: { values: [ops] }\ninputs:\n  infra: { default: infra-dep }\nnode_templates:\n  shared:\n    type: cloudify.nodes.SharedResource\n    properties: { resource_config: { deployment: { id: network-dep } } }\ncapabilities:\n  endpoint: { value: { get_capability: [{ get_input: infra }, endpoint] } }\n  net: { value: { get_attribute: [shared, capabilities, network_id] } }\n  who: { value: { concat: [{ get_sys: [tenant, name] }, "/", { get_sys: [deployment, id] }] } }\n  tier: { value: { get_label: [tier, 0] } }\nworkflows:\n  backup: { mapping: scripts/backup.sh }\n`,
  });
  assert.equal(r.code, 3, r.err);
  const program = r.read("index.ts");
  assert.match(program, /new pulumi\.StackReference\("out-shared-0", \{\n\s+name: blueprintStackName\("network-dep"\),/);
  assert.match(program, /new pulumi\.StackReference\("out-stack-0", \{\n\s+name: blueprintStackName\("infra-dep"\),/);
  assert.match(program, /endpoint: blueprintOutput\(stack0, "outputs", "endpoint"\)/);
  assert.match(program, /net: blueprintOutput\(shared0, "outputs", "network_id"\)/);
  assert.match(program, /who: blueprintCall\("concat", blueprintSys\("tenant", "name"\), "\/", blueprintSys\("deployment", "id"\)\)/);
  assert.match(program, /tier: "gold"/);
  const lines = r.json["lines"] as { kind: string; message: string }[];
  assert.ok(lines.some((l) => l.kind === "workflow" && /workflow backup .* is not converted/.test(l.message)));
  assert.ok(lines.some((l) => l.kind === "label" && /deployment label tier = gold, silver: .*pulumi stack tag set tier/.test(l.message)));
  assert.ok(lines.some((l) => l.kind === "blueprint-label" && /blueprint label team = ops/.test(l.message)));
  assert.equal(node(r.json, "shared").status, "converted");
});

test("instance counts may be intrinsic functions; a count not known at import is reported", async () => {
  const r = await imported({
    "blueprint.yaml": `${V7}inputs:\n  n: { type: integer, default: 3 }\n  m: { type: integer }\nnode_templates:\n  a:\n    type: cloudify.nodes.Root\n    capabilities: { scalable: { properties: { default_instances: { get_input: n } } } }\n  b:\n    type: cloudify.nodes.Root\n    capabilities: { scalable: { properties: { default_instances: { get_input: m } } } }\n`,
  });
  assert.equal(r.code, 3, r.err);
  assert.match(node(r.json, "b").notes.join("\n"), /the instance count is not known at import .* imported with 1 instance/);
  assert.equal(node(r.json, "a").status, "converted");
});

test("an include (it imports no core types) reads against the built-in types; undeclared names are left to its importer", async () => {
  const r = await imported({
    "blueprint.yaml": "tosca_definitions_version: cloudify_dsl_1_4\nnode_templates:\n  app:\n    type: cloudify.nodes.Root\n    properties: {}\n    relationships: [{ type: cloudify.relationships.contained_in, target: vm }]\noutputs:\n  u: { value: { get_input: agent_user } }\n",
  });
  assert.equal(r.code, 3, r.err);
  const lines = r.json["lines"] as { message: string }[];
  assert.ok(lines.some((l) => /this file does not import the core types, so it is an include/.test(l.message)));
  assert.ok(lines.some((l) => /input agent_user is used but not declared/.test(l.message)));
  assert.match(r.read("index.ts"), /const inputAgent_user = blueprintRequire\("agent_user", "string", false\);/);
});

test("a key written twice (an empty inputs: before the real one) is read as Cloudify reads it: the last wins, reported", async () => {
  const r = await imported({
    "blueprint.yaml": `${V7}inputs:\ninputs:\n  port: { default: 8080 }\nnode_templates:\n  a: { type: cloudify.nodes.Root }\noutputs:\n  p: { value: { get_input: port } }\n`,
  });
  assert.equal(r.code, 0, r.err);
  const lines = r.json["lines"] as { kind: string; message: string; at: { line: number } }[];
  const dup = lines.find((l) => l.kind === "yaml")!;
  assert.match(dup.message, /key "inputs" is written twice in this mapping \(first at line \d+, col 1\); the last one is used/);
  assert.match(r.read("index.ts"), /blueprintInput\("port", 8080/);
});

test("a property typed by a data type whose fields all have defaults needs no value (Cloudify merges the defaults)", async () => {
  const r = await imported({
    "blueprint.yaml": `${V7}data_types:\n  my.auth:\n    properties:\n      user: { default: admin }\n      port: { type: integer, default: 22 }\n  my.strict:\n    properties:\n      host: { type: string }\nnode_types:\n  my.T:\n    derived_from: cloudify.nodes.Root\n    properties:\n      auth: { type: my.auth }\n  my.U:\n    derived_from: cloudify.nodes.Root\n    properties:\n      conn: { type: my.strict }\nnode_templates:\n  a: { type: my.T }\noutputs:\n  u: { value: { get_property: [a, auth, user] } }\n`,
  });
  assert.equal(r.code, 0, r.err);
  assert.match(r.read("index.ts"), /u: "admin"/);
  // A data type with a field that must be given still makes the property required.
  const strict = await imported({
    "blueprint.yaml": `${V7}data_types:\n  my.strict:\n    properties:\n      host: { type: string }\nnode_types:\n  my.U:\n    derived_from: cloudify.nodes.Root\n    properties:\n      conn: { type: my.strict }\nnode_templates:\n  b: { type: my.U }\n`,
  });
  assert.equal(strict.code, 2);
  assert.match(strict.err, /must set property "conn"/);
});
