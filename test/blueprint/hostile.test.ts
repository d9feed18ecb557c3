// Hostile blueprints (issue 11, the importer's share): confined reads, bounded work, nothing dropped silently, and
// only the documented exit codes. Each case runs the real `berth import` command in this process; the worst time and
// memory per attack class are printed as test diagnostics.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { after, test } from "node:test";
import { main } from "../../src/cli/main";

const work = mkdtempSync(path.join(tmpdir(), "berth-hostile-"));
after(() => rmSync(work, { recursive: true, force: true }));
const SECRET = "TOP-SECRET-LINE-do-not-show";
writeFileSync(path.join(work, "secret.yaml"), `${SECRET}: 1\n`);
writeFileSync(path.join(work, "secret.sh"), `echo ${SECRET}\n`);

const HEADER = "tosca_definitions_version: cloudify_dsl_1_3\nimports:\n  - http://www.getcloudify.org/spec/cloudify/4.2/types.yaml\n";

/** The worst time (ms) and memory growth (MiB) seen per attack class. */
const worst = new Map<string, { ms: number; mib: number; case: string; cases: number }>();

interface Run {
  code: number;
  out: string;
  err: string;
  dir: string;
}

let runs = 0;
/** Runs `berth import` on a blueprint written into its own project folder; returns the exit code and output. */
async function importText(cls: string, name: string, files: Record<string, string>, extra: string[] = []): Promise<Run> {
  const dir = path.join(work, `case-${++runs}`);
  mkdirSync(dir, { recursive: true });
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return importFile(cls, name, dir, "blueprint.yaml", extra);
}

async function importFile(cls: string, name: string, cwd: string, file: string, extra: string[] = []): Promise<Run> {
  let out = "";
  let err = "";
  const io = {
    out: (t: string) => {
      out += t;
    },
    err: (t: string) => {
      err += t;
    },
    cwd,
    env: {},
  };
  global.gc?.();
  const rss0 = process.memoryUsage().rss;
  const t0 = performance.now();
  const code = await main(["import", file, "--out", "out", ...extra], io);
  const ms = performance.now() - t0;
  const mib = Math.max(0, (process.memoryUsage().rss - rss0) / 2 ** 20);
  const prior = worst.get(cls);
  const cases = (prior?.cases ?? 0) + 1;
  if (!prior || ms > prior.ms) worst.set(cls, { ms, mib: Math.max(mib, prior?.mib ?? 0), case: name, cases });
  else worst.set(cls, { ...prior, mib: Math.max(mib, prior.mib), cases });
  assert.ok([0, 2, 3, 64].includes(code), `${name}: exit ${code}\n${err}`);
  assert.ok(!/internal error|\n\s+at [A-Za-z]/.test(err + out), `${name}: internal frames in the output\n${err}`);
  assert.ok(!(err + out).includes(SECRET), `${name}: the secret file's content was shown`);
  return { code, out, err, dir: cwd };
}

/** A failed import: exit 2, nothing written, a positioned message matching `pattern`. */
function refused(r: Run, pattern: RegExp): void {
  assert.equal(r.code, 2, r.err);
  assert.match(r.err, pattern);
  assert.match(r.err, /:\d+:\d+: /, "the message has a position");
  assert.ok(!existsSync(path.join(r.dir, "out")), "nothing was written");
}

// ---- Reads are confined -------------------------------------------------------------------------------------

test("an import outside the blueprint's folder is refused by name, without showing the file", async () => {
  for (const ref of ["../../secret.yaml", path.join(work, "secret.yaml"), "../../../../../../../../etc/shadow"]) {
    const r = await importText("reads", `import ${ref}`, { "blueprint.yaml": `${HEADER}  - ${ref}\n` });
    refused(r, /cannot read the imported file: ".*" is outside the project folder/);
    assert.ok(r.err.includes(`${JSON.stringify(ref)} is outside the project folder`), r.err);
  }
});

test("a symbolic link inside the folder that points outside it (to a secret, to /dev/zero) is refused", async () => {
  for (const target of [path.join(work, "secret.yaml"), "/dev/zero"]) {
    const dir = path.join(work, `link-${path.basename(target)}`);
    mkdirSync(dir);
    symlinkSync(target, path.join(dir, "types.yaml"));
    writeFileSync(path.join(dir, "blueprint.yaml"), `${HEADER}  - types.yaml\n`);
    const r = await importFile("reads", `link to ${target}`, dir, "blueprint.yaml");
    refused(r, /"types\.yaml" is a symbolic link to a file outside the project folder/);
  }
});

test("a FIFO, a device and a folder inside the folder are refused without reading (no hang)", async () => {
  const dir = path.join(work, "special");
  mkdirSync(path.join(dir, "folder.yaml"), { recursive: true });
  execFileSync("mkfifo", [path.join(dir, "fifo.yaml")]);
  execFileSync("mknod", [path.join(dir, "zero.yaml"), "c", "1", "5"]);
  for (const [ref, why] of [
    ["fifo.yaml", /is not a regular file/],
    ["zero.yaml", /is not a regular file/],
    ["folder.yaml", /is a folder, not a file/],
  ] as const) {
    writeFileSync(path.join(dir, "blueprint.yaml"), `${HEADER}  - ${ref}\n`);
    refused(await importFile("reads", `special ${ref}`, dir, "blueprint.yaml"), why);
  }
});

test("--root widens the folder imports may come from; the blueprint itself must be inside it", async () => {
  const dir = path.join(work, "rooted");
  mkdirSync(path.join(dir, "app"), { recursive: true });
  mkdirSync(path.join(dir, "shared"), { recursive: true });
  writeFileSync(path.join(dir, "shared", "types.yaml"), "node_types:\n  my.Type:\n    derived_from: cloudify.nodes.Root\n");
  writeFileSync(path.join(dir, "app", "blueprint.yaml"), `${HEADER}  - ../shared/types.yaml\nnode_templates:\n  a:\n    type: my.Type\n`);
  refused(await importFile("reads", "no root", dir, "app/blueprint.yaml"), /"\.\.\/shared\/types\.yaml" is outside the project folder/);
  const ok = await importFile("reads", "with root", dir, "app/blueprint.yaml", ["--root", "."]);
  assert.equal(ok.code, 0, ok.err);
  const outside = await importFile("reads", "main outside root", dir, "app/blueprint.yaml", ["--root", "shared"]);
  assert.equal(outside.code, 2);
  assert.match(outside.err, /is outside the root folder/);
});

test("files over --max-file-size and files that are not UTF-8 are refused with their position", async () => {
  const big = await importText("reads", "oversized import", {
    "blueprint.yaml": `${HEADER}  - big.yaml\n`,
    "big.yaml": `description: "${"x".repeat(70_000)}"\n`,
  }, ["--max-file-size", "64k"]);
  refused(big, /"big\.yaml" is 68 KiB, over the 64 KiB limit for one file \(raise it with --max-file-size\)/);
  const dir = path.join(work, "latin1");
  mkdirSync(dir);
  writeFileSync(path.join(dir, "blueprint.yaml"), Buffer.concat([Buffer.from(`${HEADER}description: caf`), Buffer.from([0xe9]), Buffer.from("\n")]));
  const bad = await importFile("reads", "latin-1 blueprint", dir, "blueprint.yaml");
  assert.equal(bad.code, 2);
  assert.match(bad.err, /blueprint\.yaml":4:17: the file is not valid UTF-8 \(byte 0xe9/);
  assert.equal((await importFile("usage", "bad size", dir, "blueprint.yaml", ["--max-file-size", "lots"])).code, 64);
});

test("a script or a resource file outside the folder is an error naming the reference", async () => {
  const script = await importText("reads", "script outside", {
    "blueprint.yaml": `${HEADER}node_templates:\n  app:\n    type: cloudify.nodes.SoftwareComponent\n    interfaces:\n      cloudify.interfaces.lifecycle:\n        create: ../../secret.sh\n`,
  });
  refused(script, /cannot read the resource file: "\.\.\/\.\.\/secret\.sh" is outside the project folder/);
});

test("--inputs and --import-map targets are read with the same guards: /dev/zero, FIFOs and alias bombs are refused", async () => {
  const dir = path.join(work, "cli-files");
  mkdirSync(dir);
  writeFileSync(path.join(dir, "blueprint.yaml"), `${HEADER}  - http://example.com/x.yaml\ninputs:\n  a: { default: 1 }\n`);
  const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]", ...["b", "c", "d", "e", "f", "g", "h", "i"].map((k, i) => `${k}: &${k} [${Array(9).fill(`*${"abcdefghi"[i]}`).join(", ")}]`)].join("\n");
  writeFileSync(path.join(dir, "bomb.yaml"), `${bomb}\n`);
  execFileSync("mkfifo", [path.join(dir, "fifo")]);
  for (const [args, pattern] of [
    [["--inputs", "/dev/zero"], /cannot read --inputs: "\/dev\/zero" is not a regular file/],
    [["--inputs", "fifo"], /cannot read --inputs: ".*fifo" is not a regular file/],
    [["--inputs", "bomb.yaml"], /bomb\.yaml:\d+:\d+: the alias \*\w would expand the document by [0-9,]+ nodes, over the budget of 100,000/],
    [["--import-map", "http://example.com/x.yaml=/dev/zero"], /cannot read the file --import-map gives for http:\/\/example\.com\/x\.yaml: "\/dev\/zero" is not a regular file/],
    [["--import-map", "http://example.com/x.yaml=bomb.yaml"], /bomb\.yaml:\d+:\d+: the alias \*\w would expand the document/],
  ] as const) {
    const r = await importFile("reads", args.join(" "), dir, "blueprint.yaml", [...args]);
    assert.equal(r.code, 2, r.err);
    assert.match(r.err, pattern);
  }
});

// ---- Work is bounded --------------------------------------------------------------------------------------------

test("an alias bomb in a blueprint property is refused at the alias, within the budget", async () => {
  const lines = ["a: &a [x, x, x, x, x, x, x, x, x]", ...["b", "c", "d", "e", "f", "g", "h", "i"].map((k, i) => `  ${k}: &${k} [${Array(9).fill(`*${"abcdefghi"[i]}`).join(", ")}]`)];
  const r = await importText("aliases", "nine anchors of nine", {
    "blueprint.yaml": `${HEADER}dsl_definitions:\n  ${lines.join("\n")}\nnode_templates:\n  n:\n    type: cloudify.nodes.WebServer\n    properties: { port: *i }\n`,
  });
  refused(r, /the alias \*\w would expand the document by [0-9,]+ nodes, over the budget of 100,000 nodes/);
});

test("instance counts are multiplied before anything is made, and a total over --max-instances shows the multiplication", async () => {
  const group = await importText("instances", "scaling group of 10^9", {
    "blueprint.yaml": `${HEADER}node_templates:\n  vm: { type: cloudify.nodes.Compute }\ngroups:\n  g: { members: [vm] }\npolicies:\n  p:\n    type: cloudify.policies.scaling\n    targets: [g]\n    properties: { default_instances: 1000000000 }\n`,
  });
  refused(group, /expands to 1,000,000,000 node instances \(1 node templates\), over the limit of 10,000; the largest, vm, has 1 of vm × 1000000000 for scaling p \(1000000000\) = 1,000,000,000/);
  const nested = await importText("instances", "10^4 hosts × 10^4 contained", {
    "blueprint.yaml": `${HEADER}node_templates:\n  vm:\n    type: cloudify.nodes.Compute\n    capabilities: { scalable: { properties: { default_instances: 10000 } } }\n  app:\n    type: cloudify.nodes.SoftwareComponent\n    capabilities: { scalable: { properties: { default_instances: 10000 } } }\n    relationships: [{ type: cloudify.relationships.contained_in, target: vm }]\n`,
  });
  refused(nested, /the largest, app, has 10000 of app, per instance of contained_in host: 10000 of vm = 100,000,000/);
  const deploy = await importText("instances", "deploy: 1000000", {
    "blueprint.yaml": `${HEADER}node_templates:\n  vm: { type: cloudify.nodes.Compute, instances: { deploy: 1000000 } }\n`,
  });
  refused(deploy, /1,000,000 node instances \(1 node templates\), over the limit of 10,000/);
  const raised = await importText("instances", "--max-instances 20000", {
    "blueprint.yaml": `${HEADER}node_templates:\n  vm: { type: cloudify.nodes.Compute, instances: { deploy: 15000 } }\n`,
  }, ["--max-instances", "20000"]);
  assert.equal(raised.code, 0, raised.err);
});

test("1,000 inputs each defaulting to the previous one, and a 5,000-long property chain, resolve (no stack overflow)", async () => {
  const inputs = ["inputs:", "  i0: { default: 1 }", ...Array.from({ length: 999 }, (_, i) => `  i${i + 1}: { default: { get_input: i${i} } }`)];
  const a = await importText("chains", "1,000 input defaults", {
    "blueprint.yaml": `${HEADER}${inputs.join("\n")}\noutputs:\n  last: { value: { get_input: i999 } }\n`,
  });
  assert.equal(a.code, 0, a.err);
  const program = readFileSync(path.join(a.dir, "out", "index.ts"), "utf8");
  assert.match(program, /const inputI0 = blueprintInput\("i0", 1\);\nconst inputI1 = blueprintInput\("i1", inputI0\);/);
  assert.match(program, /export const last = inputI999;/);
  const nodes = ["node_templates:", "  n0: { type: cloudify.nodes.WebServer, properties: { port: 7 } }", ...Array.from({ length: 4999 }, (_, i) => `  n${i + 1}: { type: cloudify.nodes.WebServer, properties: { port: { get_property: [n${i}, port] } } }`)];
  const b = await importText("chains", "5,000-long property chain", { "blueprint.yaml": `${HEADER}${nodes.join("\n")}\noutputs:\n  last: { value: { get_property: [n4999, port] } }\n` });
  assert.equal(b.code, 0, b.err);
  assert.match(readFileSync(path.join(b.dir, "out", "index.ts"), "utf8"), /export const last = 7;/);
});

test("a 20,000-long derived_from chain resolves in time linear in its length", async () => {
  const types = ["node_types:", "  t0: { derived_from: cloudify.nodes.Root, properties: { p0: { default: 0 } } }", ...Array.from({ length: 19_999 }, (_, i) => `  t${i + 1}: { derived_from: t${i} }`)];
  const r = await importText("chains", "20,000-long derived_from chain", {
    "blueprint.yaml": `${HEADER}${types.join("\n")}\nnode_templates:\n  n: { type: t19999 }\noutputs:\n  p: { value: { get_property: [n, p0] } }\n`,
  });
  assert.equal(r.code, 0, r.err);
});

test("cycles of any length are errors that print the cycle", async () => {
  const two = await importText("chains", "derived_from cycle of two", {
    "blueprint.yaml": `${HEADER}node_types:\n  a: { derived_from: b }\n  b: { derived_from: a }\nnode_templates:\n  n: { type: a }\n`,
  });
  refused(two, /node types derive from each other in a cycle: a -> b -> a/);
  const long = ["node_types:", ...Array.from({ length: 1000 }, (_, i) => `  t${i}: { derived_from: t${(i + 1) % 1000} }`)];
  const r = await importText("chains", "derived_from cycle of 1,000", { "blueprint.yaml": `${HEADER}${long.join("\n")}\n` });
  refused(r, /cycle: t0 -> t1 -> t2 -> .* -> t999 -> t0/);
  const inputs = await importText("chains", "input default cycle", {
    "blueprint.yaml": `${HEADER}inputs:\n  a: { default: { get_input: b } }\n  b: { default: { concat: [x, { get_input: c }] } }\n  c: { default: { get_input: a } }\n`,
  });
  refused(inputs, /cycle: input a -> input b -> input c -> input a/);
});

test("a property that reads another part of itself is not a cycle (Kubernetes definitions do this)", async () => {
  const r = await importText("chains", "self sub-path", {
    "blueprint.yaml": `${HEADER}node_templates:\n  n:\n    type: cloudify.nodes.Root\n    properties: {}\n  w:\n    type: cloudify.nodes.WebServer\n    properties:\n      port: { get_property: [SELF, port_base] }\noutputs:\n  x: { value: { get_property: [w, port] } }\n`,
  });
  assert.equal(r.code, 2);
  assert.match(r.err, /node w has no property "port_base"/);
});

// ---- Nothing is dropped silently ---------------------------------------------------------------------------------

const DOCKER = `${HEADER}  - http://www.getcloudify.org/spec/docker-plugin/1.3.2/plugin.yaml\n`;

test("a docker 1.x image written as a string is read as repository:tag and reported at its position", async () => {
  const r = await importText("drops", "image string", { "blueprint.yaml": `${DOCKER}node_templates:\n  web:\n    type: cloudify.docker.Container\n    properties:\n      image: nginx:1.25\n` });
  assert.equal(r.code, 3, r.err);
  assert.match(r.out, /web \(cloudify\.docker\.Container\): partial/);
  assert.match(r.out, /blueprint\.yaml:9:7: dropped image "nginx:1\.25" as written \(docker-plugin 1\.x reads image as \{repository, tag\} or \{src\} and fails on a string\); read as repository "nginx", tag "1\.25"/);
  assert.match(readFileSync(path.join(r.dir, "out", "index.ts"), "utf8"), /repository: "nginx",\s+tag: "1\.25"/);
});

test("a misspelt key under image, and an operation override, are report lines with their positions", async () => {
  const r = await importText("drops", "misspelt key and override", {
    "blueprint.yaml": `${DOCKER}node_templates:\n  web:\n    type: cloudify.docker.Container\n    properties:\n      image: { repository: nginx, tga: "1.25" }\n    interfaces:\n      cloudify.interfaces.lifecycle:\n        start: scripts/start.sh\n`,
    "scripts/start.sh": "echo hi\n",
  });
  assert.equal(r.code, 3, r.err);
  assert.match(r.out, /blueprint\.yaml:9:35: image\.tga is not carried over: Berth's mapping of cloudify\.docker\.Container does not read it \(check the spelling\)/);
  assert.match(r.out, /blueprint\.yaml:12:16: cloudify\.interfaces\.lifecycle\.start is overridden with scripts\/start\.sh: the program runs it after the mapped resource/);
});

test("an output named __proto__ is kept, in the generated program and its stack outputs", async () => {
  const r = await importText("drops", "__proto__ output", { "blueprint.yaml": `${HEADER}outputs:\n  __proto__: { value: { polluted: true } }\n  plain: { value: 1 }\n` });
  assert.equal(r.code, 0, r.err);
  const program = readFileSync(path.join(r.dir, "out", "index.ts"), "utf8");
  assert.match(program, /\["__proto__"\]: \{\n\s+polluted: true,/);
  // `export const __proto__` would compile to `exports.__proto__ = ...`, which sets the module's prototype: the stack
  // output would be lost. The export gets a name of its own instead.
  assert.match(program, /export const __proto___ = \{/);
  assert.doesNotMatch(program, /export const __proto__ =/);
});

// ---- Exit codes --------------------------------------------------------------------------------------------------

test("usage errors exit 64, and no hostile file above produced an internal error", async () => {
  const dir = path.join(work, "usage");
  mkdirSync(dir);
  for (const args of [["--max-instances", "0"], ["--max-instances", "x"], ["--out"], ["--import-map", "nope"], ["--frobnicate"]]) {
    let err = "";
    const io = {
      out: () => {},
      err: (t: string) => {
        err += t;
      },
      cwd: dir,
      env: {},
    };
    const code = await main(["import", "blueprint.yaml", ...(args[0] === "--out" ? [] : ["--out", "o"]), ...args], io);
    assert.equal(code, 64, `${args.join(" ")}: ${err}`);
  }
  assert.ok(runs >= 19, `${runs} hostile cases ran`);
});

test("worst time and memory per attack class", (t) => {
  for (const [cls, w] of [...worst].sort()) t.diagnostic(`${cls}: ${w.cases} cases, worst ${w.ms.toFixed(0)} ms, +${w.mib.toFixed(0)} MiB RSS (${w.case})`);
  assert.ok(worst.size >= 5);
});
