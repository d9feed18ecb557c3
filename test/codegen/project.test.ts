import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { after, test } from "node:test";
import { load } from "js-yaml";
import { berthDependencySpec, berthOrigin, fileSpec } from "../../src/codegen/berth-spec";
import { configKeyFrom, projectNameFrom, projectNameProblem, stackNameProblem } from "../../src/codegen/names";
import { type GeneratedProject, TEMPLATE_TSCONFIG, importedPackages, packageJson, projectFiles, pulumiYaml, stackYaml } from "../../src/codegen/project";

const PKG = { version: "1.2.3", dependencies: { "@pulumi/pulumi": "^3.1.0", "@pulumi/docker": "^5.0.0", "@pulumi/aws": "^7.0.0" }, devDependencies: { typescript: "^5.9.0", "@types/node": "^20.0.0" } };
const base: GeneratedProject = {
  name: "app",
  description: "An app",
  stack: "dev",
  program: 'import * as docker from "@pulumi/docker";\nimport * as fs from "node:fs";\nimport { DockerContainer } from "berth/docker";\n',
  config: [],
  berthSpec: "file:../berth-1.2.3.tgz",
  generator: "berth test",
};

test("importedPackages: npm packages of import lines, node: built-ins and relative files left out", () => {
  assert.deepEqual(importedPackages(base.program), ["@pulumi/docker", "berth"]);
  assert.deepEqual(importedPackages('import * as a from "./a";\nimport { x } from "@pulumi/aws/ec2";\n'), ["@pulumi/aws"]);
});

test("package.json declares every imported package at Berth's range, berth at its spec, and typescript", () => {
  assert.deepEqual(JSON.parse(packageJson(base, PKG)), {
    name: "app",
    main: "index.ts",
    devDependencies: { "@types/node": "^20.0.0", typescript: "^5.9.0" },
    dependencies: { "@pulumi/docker": "^5.0.0", "@pulumi/pulumi": "^3.1.0", berth: "file:../berth-1.2.3.tgz" },
  });
  assert.throws(() => packageJson({ ...base, program: 'import * as k from "left-pad";\n' }, PKG), /imports left-pad, which Berth does not depend on/);
});

test("the project's files: the pulumi new typescript tsconfig, a .gitignore, and the stack file", () => {
  const files = projectFiles(base, PKG);
  assert.deepEqual(Object.keys(files).sort(), [".gitignore", "Pulumi.dev.yaml", "Pulumi.yaml", "index.ts", "package.json", "tsconfig.json"]);
  assert.deepEqual(JSON.parse(files["tsconfig.json"]!), TEMPLATE_TSCONFIG);
  assert.equal("skipLibCheck" in TEMPLATE_TSCONFIG.compilerOptions, false);
});

const HOSTILE = [
  "plain",
  "a\nb: injected",
  "k\ndocker:host: tcp://evil:2375",
  "x: y",
  "#comment",
  "'quoted'",
  '"double"',
  "a\r\nsecretsprovider: awskms://x",
  "\u2028line",
  "&anchor",
  "*alias",
  "- list",
  "{flow: map}",
  "tab\tkey",
  "",
];

test("Pulumi.<stack>.yaml: any key or value text stays one key, secrets are never written, comments stay comments", () => {
  const entries = HOSTILE.map((k, i) => ({ key: k, value: `v${i}\n${k}`, comment: `about ${k}` }));
  const secrets = HOSTILE.map((k) => ({ key: `s-${k}`, secret: true, value: "TOP-SECRET", comment: `secret ${k}` }));
  const text = stackYaml({ ...base, config: [...entries, ...secrets] });
  const doc = load(text) as Record<string, unknown>;
  assert.deepEqual(Object.keys(doc), ["config"]);
  const config = doc["config"] as Record<string, unknown>;
  assert.deepEqual(Object.keys(config).sort(), entries.map((e) => `app:${e.key}`).sort());
  for (const e of entries) assert.equal(config[`app:${e.key}`], e.value);
  assert.ok(!text.includes("TOP-SECRET"), "a secret's value is never written");
  for (const line of text.split(/\r\n|[\n\r]/)) {
    if (line === "" || line.startsWith("config:") || /^ {2}["a-z]/.test(line) || /^ {4}/.test(line)) continue;
    assert.match(line, /^\s*#/, `a comment line: ${JSON.stringify(line)}`);
  }
  assert.match(text, /# {3}pulumi config set --secret 'app:s-a\nb: injected' <value>|# {3}pulumi config set --secret \$'app:s-a\\u000ab: injected' <value>/);
});

test("Pulumi.yaml: a hostile description stays the description (first line only)", () => {
  for (const d of HOSTILE) {
    const doc = load(pulumiYaml({ ...base, description: d })) as Record<string, unknown>;
    assert.deepEqual(Object.keys(doc), ["name", "description", "runtime"], JSON.stringify(d));
    assert.deepEqual(doc["runtime"], { name: "nodejs", options: { packagemanager: "npm" } });
  }
});

test("names: stacks and projects by Pulumi's rules; config keys made valid and kept apart", () => {
  for (const ok of ["dev", "prod-eu.1", "a_b"]) assert.equal(stackNameProblem(ok), undefined, ok);
  for (const bad of ["x/../../y", "a b", "", "..", ".", "a".repeat(101), "dev\n"]) assert.match(stackNameProblem(bad) ?? "", /is not a stack name/, bad);
  assert.equal(projectNameProblem("my-app"), undefined);
  assert.equal(projectNameFrom("My App!"), "my-app");
  assert.equal(projectNameFrom("..."), "project");
  assert.equal(configKeyFrom("db_password"), "db_password");
  const a = configKeyFrom("a b");
  const b = configKeyFrom("a_b ");
  assert.match(a, /^a_b_[0-9a-f]{8}$/);
  assert.notEqual(a, b);
});

const scratch = mkdtempSync(path.join(tmpdir(), "berth-spec-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

test("berth's dependency spec: file: to the checkout or tarball (relative), a range from a registry, git as resolved", () => {
  assert.equal(fileSpec("/w/out/app", "/w/berth"), "file:../../berth");
  assert.equal(berthDependencySpec("/w/out/app", undefined, { kind: "checkout", root: "/w/berth" }), "file:../../berth");
  assert.equal(berthDependencySpec("/w/out/app", undefined, { kind: "file", target: "/w/berth-1.2.3.tgz" }), "file:../../berth-1.2.3.tgz");
  assert.equal(berthDependencySpec("/w/app", undefined, { kind: "registry", version: "1.2.3" }), "^1.2.3");
  assert.equal(berthDependencySpec("/w/app", undefined, { kind: "git", url: "git+https://example.com/berth.git#abc" }), "git+https://example.com/berth.git#abc");
  assert.equal(berthDependencySpec("/w/app", "^9.0.0", { kind: "checkout", root: "/w/berth" }), "^9.0.0");
  // Where npm recorded it: the hidden lockfile of the project Berth is installed in.
  const project = path.join(scratch, "proj");
  const installed = path.join(project, "node_modules", "berth");
  mkdirSync(installed, { recursive: true });
  writeFileSync(path.join(installed, "package.json"), JSON.stringify({ version: "1.2.3" }));
  const lock = (resolved: string) =>
    writeFileSync(path.join(project, "node_modules", ".package-lock.json"), JSON.stringify({ packages: { "node_modules/berth": { resolved } } }));
  lock("file:../berth-1.2.3.tgz");
  assert.deepEqual(berthOrigin(installed), { kind: "file", target: path.join(scratch, "berth-1.2.3.tgz") });
  lock("https://registry.npmjs.org/berth/-/berth-1.2.3.tgz");
  assert.deepEqual(berthOrigin(installed), { kind: "registry", version: "1.2.3" });
  assert.deepEqual(berthOrigin(path.join(scratch)), { kind: "checkout", root: scratch });
});
