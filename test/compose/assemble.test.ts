/**
 * The Compose model as `docker compose` reads it, checked on the reference loader's own fixtures
 * (../shared/corpus/compose-spec__compose-go/loader-testdata, read in place): extends (same file, another file,
 * nested, with relative paths, ulimits, ports, !reset, interpolation, service references), include (env files,
 * project folders, cycles, the same service twice, conflicts), the -f override rules, profiles, and .env /
 * --env-file. Each expectation is the one compose-go's tests state for the fixture; the driver files are inline.
 */
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Compose `${VAR}` syntax is the data under test.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import type { ComposeTarget } from "../../src/compose/coverage";
import { dockerPlan } from "../../src/compose/targets/docker";
import { type LoadComposeOptions, loadComposeProject } from "../../src/compose/load";
import { memoryReader, scopedReader } from "../../src/compose/reader";
import { composeEnvironment } from "../../src/compose/variables";

const T = path.resolve(__dirname, "../../../shared/corpus/compose-spec__compose-go/loader-testdata");

/** Loads files of the corpus (`file` relative to T) and inline texts (named inside T), in order. */
function load(files: (string | { name: string; text: string })[], options: Partial<LoadComposeOptions> & { target?: ComposeTarget } = {}) {
  const list = files.map((f) => (typeof f === "string" ? { file: path.join(T, f), text: fs.readFileSync(path.join(T, f), "utf8") } : { file: path.join(T, f.name), text: f.text }));
  return loadComposeProject({ target: "docker", env: {}, reader: scopedReader({ root: T }), ...options, files: list });
}

const errors = (r: { diagnostics: { severity: string; message: string }[] }) => r.diagnostics.filter((d) => d.severity === "error").map((d) => d.message);
const service = (r: ReturnType<typeof load>, name: string) => {
  assert.deepEqual(errors(r), []);
  const s = r.model!.services.find((x) => x.name === name);
  assert.ok(s, `no service ${name}`);
  return s;
};

test("extends from another file: its paths relative to it, interpolation with the project's variables (compose-test-extends.yaml)", () => {
  const s = service(load(["compose-test-extends.yaml"]), "importer");
  assert.equal(s.image, "nginx");
  assert.equal(s.containerName, "imported");
  // ./extra.env is read beside the extended file, not the extending one.
  assert.deepEqual(s.environment, { SOURCE: "extends" });
  assert.deepEqual(s.mounts, [{ type: "bind", source: "/opt/data", target: "/var/lib/mysql", readOnly: false }]);
});

test("extends: the same base twice, and a base that extends another (TestExtends)", () => {
  const r = load([{ name: "driver.yaml", text: "services:\n  test1:\n    extends: { file: extends/base.yaml, service: base }\n    hostname: test1\n  test2:\n    extends: { file: extends/base.yaml, service: base }\n    hostname: test2\n  test3:\n    extends: { file: extends/base.yaml, service: another }\n    hostname: test3\n" }]);
  for (const n of ["test1", "test2", "test3"]) {
    assert.equal(service(r, n).hostname, n);
    assert.equal(service(r, n).image, "base");
  }
});

test("extends: ports, ulimits, and a build context relative to the file that declared it (TestExtendsPort, -Ulimits, -RelativePath)", () => {
  const r = load([
    { name: "driver.yaml", text: "services:\n  p:\n    image: test\n    extends: { file: extends/base.yaml, service: with-port }\n  u:\n    extends: { file: extends/base.yaml, service: withUlimits }\n" },
  ]);
  assert.deepEqual(service(r, "p").ports, [{ target: 8000, published: 8000, protocol: "tcp" }]);
  assert.deepEqual(service(r, "u").host.ulimits, [
    { name: "nproc", soft: 65535, hard: 65535 },
    { name: "nofile", soft: 20000, hard: 40000 },
  ]);
  // with-build extends sibling.yaml's `build: .`: the context is the extends/ folder (it holds no Dockerfile).
  const b = load([{ name: "driver.yaml", text: "services:\n  b:\n    extends: { file: extends/base.yaml, service: with-build }\n" }]);
  assert.deepEqual(errors(b), [`the Dockerfile of this build cannot be read: ${JSON.stringify(path.join(T, "extends/Dockerfile"))} does not exist (looked for extends/Dockerfile in ${T})`]);
  assert.match(b.diagnostics.find((d) => d.severity === "error")!.where, /extends\/sibling\.yaml:3:5$/);
});

test("extends: an overriding file extending the base file's own service keeps one port (TestExtendsPortOverride)", () => {
  // As compose-go's test, with the project folder the fixtures' folder (relative paths of every -f file start there).
  const r = load(["extends/ports.yaml", { name: "override.yaml", text: "services:\n  test:\n    extends: { file: extends/ports.yaml, service: test }\n" }], { projectDir: T });
  assert.deepEqual(service(r, "test").ports, [{ target: 8080, published: 8080, protocol: "tcp" }]);
});

test("extends: !reset removes what the base set (extends/reset.yaml)", () => {
  const r = load([{ name: "driver.yaml", text: "services:\n  test:\n    extends: { file: extends/reset.yaml, service: base }\n" }]);
  assert.equal(service(r, "test").command, undefined);
  assert.equal(service(r, "test").image, "alpine:latest");
});

test("extends: !override replaces depends_on instead of merging it (TestLoadExtendsDependsOn)", () => {
  const text = "services:\n  service_a:\n    image: a\n    depends_on: [service_c]\n  service_b:\n    extends: service_a\n    depends_on: !override\n      - service_a\n  service_c:\n    image: c\n";
  assert.deepEqual(service(load([{ name: "driver.yaml", text }]), "service_b").dependsOn, [{ service: "service_a", condition: "service_started", required: true }]);
});

test("extends: interpolation in the extended file (TestExtendsWithInterpolation)", () => {
  const r = load([{ name: "driver.yaml", text: "services:\n  test:\n    extends: { file: extends/interpolated.yaml, service: foo }\n" }]);
  assert.equal(service(r, "test").mounts[0]!.source, "/dev/null");
});

test("extends: a base that refers to another service needs that service in the project (TestExtendsWithServiceRef)", () => {
  for (const base of ["with_volumes_from", "with_depends_on", "with_ipc", "with_network_mode"]) {
    const text = `services:\n  bar:\n    extends: { file: ./extends/depends_on.yaml, service: ${base} }\n`;
    const r = load([{ name: "driver.yaml", text }]);
    assert.ok(errors(r).some((m) => m.includes('"zot"')), `${base}: ${errors(r).join("; ")}`);
    const ok = load([{ name: "driver.yaml", text: `${text}  zot:\n    image: zot\n` }]);
    assert.deepEqual(errors(ok), [], base);
  }
});

test("extends: a chain within one file, and a cycle is an error that prints it", () => {
  const chain = "services:\n  foo:\n    image: busybox\n    extends: bar\n  bar:\n    image: alpine\n    command: echo\n    extends: wee\n  wee:\n    extends: last\n    command: echo\n  last:\n    image: python\n";
  const r = load([{ name: "driver.yaml", text: chain }]);
  assert.equal(service(r, "wee").image, "python");
  assert.equal(service(r, "foo").image, "busybox");
  assert.deepEqual(service(r, "foo").command, ["echo"]);
  const cycle = load([{ name: "driver.yaml", text: "services:\n  a:\n    extends: b\n  b:\n    extends: a\n" }]);
  assert.ok(errors(cycle).some((m) => /^extends has a cycle: (a → b → a|b → a → b)$/.test(m)), errors(cycle).join("; "));
});

test("include: the included file's services join, with its env_file for interpolation; the environment wins (TestLoadWithInclude)", () => {
  const text = "include:\n  - path: ./subdir/compose-test-extends-imported.yaml\n    env_file: ./subdir/extra.env\nservices:\n  foo:\n    image: busybox\n    depends_on: [imported]\n";
  const r = load([{ name: "driver.yaml", text }]);
  assert.equal(service(r, "imported").containerName, "extends");
  assert.deepEqual(service(r, "imported").environment, { SOURCE: "extends" });
  assert.deepEqual(service(r, "foo").dependsOn, [{ service: "imported", condition: "service_started", required: true }]);
  assert.equal(service(load([{ name: "driver.yaml", text }], { env: { SOURCE: "override" } }), "imported").containerName, "override");
});

test("include: the same service twice is one service; two different ones of one name are an error (TestLoadWithMultipleInclude)", () => {
  const twice = "include:\n  - path: ./subdir/compose-test-extends-imported.yaml\n    env_file: ./subdir/extra.env\n  - path: ./compose-include.yaml\nservices:\n  foo:\n    image: busybox\n    depends_on: [imported]\n";
  const r = load([{ name: "driver.yaml", text: twice }], { env: { SOURCE: "override" } });
  assert.equal(service(r, "imported").containerName, "override");
  const conflict = "include:\n  - path: ./subdir/compose-test-extends-imported.yaml\n    env_file: ./subdir/extra.env\n  - path: ./compose-include.yaml\n    env_file: ./subdir/extra.env\nservices:\n  bar:\n    image: busybox\n";
  assert.ok(errors(load([{ name: "driver.yaml", text: conflict }], { env: { SOURCE: "override" } })).some((m) => m.includes("defines conflicting service bar")));
});

test("include: a file that includes itself is a cycle (TestLoadWithIncludeCycle)", () => {
  assert.deepEqual(errors(load(["compose-include-cycle.yaml"])), ["include cycle detected: compose-include-cycle.yaml → compose-include-cycle.yaml"]);
});

test("include: extends inside an included file (TestIncludeWithExtends, combined/)", () => {
  const r = load([{ name: "driver.yaml", text: "include:\n  - extends/nested.yaml\n" }]);
  // The with-build service arrives with its build; its context (extends/) has no Dockerfile.
  assert.ok(errors(r).every((m) => m.startsWith("the Dockerfile of this build cannot be read")), errors(r).join("; "));
  const combined = load(["combined/compose.yaml"]);
  assert.match(errors(combined)[0]!, /Dockerfile of this build cannot be read: ".*combined\/dir\/Dockerfile" does not exist/);
});

test("include: project_directory sets the included project's folder; outside the root it is refused", () => {
  const r = load(["include/project-directory.yaml"]);
  // The included file's paths resolve against ../subdir; its dockerfile_inline is refused.
  assert.ok(errors(r).some((m) => m.startsWith('"dockerfile_inline" is refused')), errors(r).join("; "));
  assert.ok(errors(r).every((m) => !m.includes("cannot read")), errors(r).join("; "));
  const confined = load(["include/project-directory.yaml"], { reader: scopedReader({ root: path.join(T, "include") }) });
  assert.ok(errors(confined).some((m) => m.includes("is outside the project folder")), errors(confined).join("; "));
});

test("remote: references are files like any other, and a missing one is an error naming it", () => {
  assert.match(errors(load(["remote/nested/compose.yaml"]))[0]!, /^cannot read the Compose file: ".*remote:nested\/compose-nested\.yaml" does not exist/);
});

test("an empty file, and a context that is a file, are errors that say so", () => {
  assert.deepEqual(errors(load(["empty.yaml"])), ["the Compose file is empty; it needs at least a `services` mapping"]);
  const v = load(["compose-test-with-version.yaml"]);
  // The message names the file whatever folder the checkout sits in: a long path keeps its end.
  assert.equal(errors(v).length, 1, errors(v).join("; "));
  assert.match(errors(v)[0]!, /^the build context "(…)?[^"]*\/loader-testdata\/Dockerfile" is a file, not a folder \(the Dockerfile's name goes in `dockerfile`\)$/);
  assert.equal(v.diagnostics[0]!.severity, "info");
});

test("depends_on cycles and a service depending on itself are errors on one host", () => {
  for (const f of ["compose-depends-on-cycle.yaml", "compose-depends-on-self.yaml"]) {
    const r = load([f]);
    const plan = dockerPlan(r.model!, "p");
    assert.ok(plan.problems.some((p) => p.message.startsWith("depends_on has a cycle: ")), f);
  }
});

test("-f files merge by Compose's rules: replaced commands, unique ports and volumes, merged environment and labels, appended dns", () => {
  const base = [
    "services:",
    "  web:",
    "    image: app:1",
    "    command: [run, base]",
    "    environment: [A=1, B=2]",
    "    labels: { tier: web }",
    "    ports: ['8080:80', '9090:90']",
    "    volumes: ['data:/data', 'logs:/logs']",
    "    dns: [1.1.1.1]",
    "    depends_on: [db]",
    "    logging: { driver: json-file, options: { max-size: 10m } }",
    "  db:",
    "    image: db:1",
    "volumes: { data: {}, logs: {}, other: {} }",
  ].join("\n");
  const over = [
    "services:",
    "  web:",
    "    image: app:2",
    "    command: [run, override]",
    "    environment: { B: three, C: '4' }",
    "    labels: [role=front]",
    "    ports: ['8080:80', '7070:70']",
    "    volumes: ['other:/data']",
    "    dns: [8.8.8.8, 1.1.1.1]",
    "    depends_on: { db: { condition: service_healthy } }",
    "    logging: { options: { max-file: '3' } }",
    "  db:",
    "    healthcheck: { test: [CMD, 'true'] }",
  ].join("\n");
  const r = load([
    { name: "base.yaml", text: base },
    { name: "override.yaml", text: over },
  ]);
  const web = service(r, "web");
  assert.equal(web.image, "app:2");
  assert.deepEqual(web.command, ["run", "override"]);
  assert.deepEqual(web.environment, { A: "1", B: "three", C: "4" });
  assert.deepEqual(web.labels, { tier: "web", role: "front" });
  assert.deepEqual(web.ports.map((p) => `${p.published}:${p.target}`), ["8080:80", "9090:90", "7070:70"]);
  assert.deepEqual(web.mounts.map((m) => `${m.source}:${m.target}`), ["other:/data", "logs:/logs"]);
  assert.deepEqual(web.dns, ["1.1.1.1", "8.8.8.8"]);
  assert.deepEqual(web.dependsOn, [{ service: "db", condition: "service_healthy", required: true }]);
  assert.deepEqual(web.logging, { driver: "json-file", options: { "max-size": "10m", "max-file": "3" } });
  // A problem in the overriding file is reported at its own line.
  const bad = load([{ name: "base.yaml", text: base }, { name: "override.yaml", text: "services:\n  web:\n    ports: 8080\n" }]);
  assert.deepEqual(bad.diagnostics.filter((d) => d.severity === "error").map((d) => [d.where, d.message]), [[`${path.join(T, "override.yaml")}:3:5`, "cannot override a list with a single value; write the same kind of value as the earlier file"]]);
  const late = load([{ name: "base.yaml", text: base }, { name: "override.yaml", text: "services:\n  web:\n    mem_limit: lots\n" }]);
  assert.deepEqual(late.diagnostics.filter((d) => d.severity === "error").map((d) => d.where), [`${path.join(T, "override.yaml")}:3:5`]);
});

test("profiles: services outside the active profiles are left out; a required dependency on one is an error", () => {
  const text = "services:\n  web:\n    image: w\n    depends_on: [debug]\n  debug:\n    image: d\n    profiles: [debug]\n  tools:\n    image: t\n    profiles: [tools, ops]\n";
  assert.deepEqual(load([{ name: "p.yaml", text }], { profiles: ["debug"] }).model!.services.map((s) => s.name), ["web", "debug"]);
  assert.deepEqual(load([{ name: "p.yaml", text }], { profiles: ["*"] }).model!.services.map((s) => s.name), ["web", "debug", "tools"]);
  const off = load([{ name: "p.yaml", text }]);
  assert.deepEqual(errors(off), ['depends on debug, which is only in the profiles ["debug"]; activate one with --profile, or make the dependency `required: false`']);
  const optional = load([{ name: "p.yaml", text: text.replace("depends_on: [debug]", "depends_on: { debug: { required: false } }") }]);
  assert.deepEqual(errors(optional), []);
  assert.deepEqual(optional.model!.services.map((s) => [s.name, s.dependsOn]), [["web", []]]);
});

test(".env of the project folder, or the --env-file files instead; the environment wins over both", () => {
  const reader = memoryReader("/p", { "/p/.env": "TAG=from-dotenv\nONLY_DOTENV=1\n" });
  const fromDotenv = composeEnvironment({ projectDir: "/p", processEnv: { TAG: "from-shell" }, reader });
  assert.deepEqual(fromDotenv, { env: { TAG: "from-shell", ONLY_DOTENV: "1" }, diagnostics: [], files: ["/p/.env"] });
  const fromFiles = composeEnvironment({ projectDir: "/p", processEnv: {}, reader, envFiles: [{ file: "/e/a.env", text: "TAG=a\nX=${TAG}-x\n" }, { file: "/e/b.env", text: "TAG=b\n" }] });
  assert.deepEqual(fromFiles.env, { TAG: "b", X: "a-x" });
  const broken = composeEnvironment({ projectDir: "/p", processEnv: {}, reader: memoryReader("/p", { "/p/.env": "ok=1\nnot a line at all\n" }) });
  assert.deepEqual(broken.diagnostics, [{ severity: "error", where: "/p/.env:2:1", key: "", message: "this line of the env file is not a VARIABLE=VALUE line (a variable name starts with a letter or _ and holds letters, digits, _, . and -)" }]);
});

test("COMPOSE_PROJECT_NAME is the file's name, or the folder's, unless the environment sets it", () => {
  const text = "name: shop\nservices:\n  web:\n    image: w\n    container_name: ${COMPOSE_PROJECT_NAME}-web\n";
  assert.equal(service(load([{ name: "n.yaml", text }]), "web").containerName, "shop-web");
  assert.equal(service(load([{ name: "n.yaml", text: text.replace("name: shop\n", "") }]), "web").containerName, "loader-testdata-web");
  assert.equal(service(load([{ name: "n.yaml", text }], { env: { COMPOSE_PROJECT_NAME: "env" } }), "web").containerName, "env-web");
});
