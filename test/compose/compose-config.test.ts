/**
 * Berth's reading of a Compose project against Debian's `docker-compose config` (1.29), key by key: every fixture of
 * the reference loader's testdata that docker-compose reads, and a two-file project of ours (`-f a -f b`). Both
 * readings are brought to one canonical form (a port as host address, published, target, protocol; a volume as
 * type, source, target, read-only; ...) by this file, independently of Berth's own parsers, and compared service
 * by service, key by key. A key docker-compose prints that this file does not know fails the test, so nothing is
 * left uncompared. Fixtures docker-compose reads and Berth refuses are listed with Berth's reason.
 */
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import * as yaml from "js-yaml";
import { loadComposeProject } from "../../src/compose/load";
import type { ComposeModel, ComposeService } from "../../src/compose/model";
import { scopedReader } from "../../src/compose/reader";
import { fixture } from "./fixtures";

const T = path.resolve(__dirname, "../../../shared/corpus/compose-spec__compose-go/loader-testdata");

function dockerCompose(): string | undefined {
  const r = spawnSync("docker-compose", ["version", "--short"], { encoding: "utf8" });
  if (r.status === 0) return r.stdout.trim();
  if (process.env["BERTH_REQUIRE_DOCKER"] === "1") throw new Error("docker-compose is not installed (scripts/setup.sh installs Debian's docker-compose)");
  return undefined;
}
const version = dockerCompose();
const skip = version === undefined ? "docker-compose is not installed (scripts/setup.sh installs it)" : false;

type Canon = Record<string, unknown>;

const readings = new Map<string, Record<string, unknown> | undefined>();

/** Runs `docker-compose config` of the files, in a clean environment (a few at a time: each starts a Python). */
async function readAll(sets: string[][]): Promise<void> {
  const todo = sets.filter((files) => !readings.has(files.join("\0")));
  const run = (files: string[]) =>
    new Promise<void>((resolve) => {
      const child = spawn("docker-compose", [...files.flatMap((f) => ["-f", f]), "config"], {
        cwd: path.dirname(files[0]!),
        env: { PATH: process.env["PATH"] ?? "/usr/bin:/bin" },
      });
      let out = "";
      child.stdout.on("data", (c: Buffer) => {
        out += c.toString("utf8");
      });
      child.on("close", (code) => {
        readings.set(files.join("\0"), code === 0 ? (yaml.load(out) as Record<string, unknown>) : undefined);
        resolve();
      });
    });
  const workers = Array.from({ length: 3 }, async () => {
    for (let next = todo.shift(); next; next = todo.shift()) await run(next);
  });
  await Promise.all(workers);
}

/** docker-compose's reading of the files (read by {@link readAll}); undefined when it refuses them. */
function theirs(files: string[]): Record<string, unknown> | undefined {
  assert.ok(readings.has(files.join("\0")), "read first");
  return readings.get(files.join("\0"));
}

function seconds(d: unknown): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(String(d));
  assert.ok(m, `a duration: ${String(d)}`);
  return Number(m[1]) * { ms: 0.001, s: 1, m: 60, h: 3600 }[m[2] as "ms" | "s" | "m" | "h"];
}

function words(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String);
  const s = String(v);
  assert.ok(!/["'\\]/.test(s), `a command without quotes to split: ${s}`);
  return s.split(/\s+/).filter((w) => w !== "");
}

/** One port of docker-compose's output as `ip|published|target|protocol`. */
function theirPort(p: unknown): string {
  if (typeof p === "object" && p !== null) {
    const o = p as Record<string, unknown>;
    return [o["host_ip"] ?? "", o["published"] ?? "", o["target"], o["protocol"] ?? "tcp"].join("|");
  }
  const m = /^(?:(.*):)?(\d*):(\d+)(?:\/(\w+))?$|^(\d+)(?:\/(\w+))?$/.exec(String(p));
  assert.ok(m, `a port: ${String(p)}`);
  return m[5] !== undefined ? ["", "", m[5], m[6] ?? "tcp"].join("|") : [m[1] ?? "", m[2] ?? "", m[3], m[4] ?? "tcp"].join("|");
}

/** One volume of docker-compose's output as `type|source|target|ro`. */
function theirVolume(v: unknown): string {
  const parts = String(v).split(":");
  if (parts.length === 1) return ["volume", "", parts[0], false].join("|");
  const [source, target, mode] = parts as [string, string, string | undefined];
  return [source.startsWith("/") ? "bind" : "volume", source, target, (mode ?? "rw").split(",").includes("ro")].join("|");
}

/** docker-compose's service, canonical, key by key; an unknown key fails. */
function canonTheirs(s: Record<string, unknown>): Canon {
  const out: Canon = {};
  for (const [k, v] of Object.entries(s)) {
    switch (k) {
      case "image":
      case "container_name":
      case "hostname":
      case "working_dir":
      case "user":
      case "restart":
      case "ipc":
      case "pid":
      case "network_mode":
        out[k] = String(v);
        break;
      case "command":
      case "entrypoint":
        out[k] = words(v);
        break;
      case "build": {
        const b = v as Record<string, unknown>;
        out[k] = { context: b["context"], dockerfile: b["dockerfile"] ?? "Dockerfile" };
        break;
      }
      case "environment":
      case "labels":
        out[k] = Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([a, b]) => [a, String(b)]));
        break;
      case "depends_on":
        out[k] = Object.fromEntries(Object.entries(v as Record<string, { condition: string }>).map(([a, b]) => [a, b.condition]));
        break;
      case "ports":
        out[k] = (v as unknown[]).map(theirPort).sort();
        break;
      case "volumes":
        out[k] = (v as unknown[]).map(theirVolume);
        break;
      case "volumes_from":
        out[k] = (v as string[]).map((x) => x.replace(/^service:/, "").replace(/:rw$/, ""));
        break;
      case "networks":
        out[k] = Object.keys(v as object).sort();
        break;
      case "healthcheck": {
        const h = v as Record<string, unknown>;
        out[k] = { test: h["test"], interval: h["interval"] === undefined ? undefined : seconds(h["interval"]), timeout: h["timeout"] === undefined ? undefined : seconds(h["timeout"]), retries: h["retries"] };
        break;
      }
      default:
        assert.fail(`docker-compose printed the service key ${k}, which this comparison does not know yet`);
    }
  }
  return out;
}

/** Berth's service, canonical, with the keys docker-compose would print for it. */
function canonOurs(s: ComposeService, keys: string[]): Canon {
  const out: Canon = {};
  const put = (k: string, v: unknown) => {
    if (keys.includes(k)) out[k] = v;
  };
  put("image", s.image);
  put("container_name", s.containerName);
  put("hostname", s.hostname);
  put("working_dir", s.workingDir);
  put("user", s.user);
  put("restart", s.restart);
  put("ipc", s.host.ipc);
  put("pid", s.host.pid);
  put("network_mode", s.host.networkMode);
  put("command", s.command);
  put("entrypoint", s.entrypoint);
  if (s.build) put("build", { context: s.build.context, dockerfile: s.build.dockerfile });
  put("environment", s.environment);
  put("labels", s.labels);
  put("depends_on", Object.fromEntries(s.dependsOn.map((d) => [d.service, d.condition])));
  put("ports", s.ports.map((p) => [p.hostIp ?? "", p.published ?? "", p.target, p.protocol].join("|")).sort());
  put("volumes", s.mounts.map((m) => [m.type, m.source ?? "", m.target, m.readOnly].join("|")));
  put("volumes_from", s.host.volumesFrom);
  put("networks", s.networks.map((n) => n.name).sort());
  if (s.healthcheck) {
    const h = s.healthcheck;
    put("healthcheck", { test: h.test, interval: h.interval === undefined ? undefined : h.interval / 1e9, timeout: h.timeout === undefined ? undefined : h.timeout / 1e9, retries: h.retries });
  }
  return out;
}

function ours(files: string[]): { model?: ComposeModel; errors: string[] } {
  const r = loadComposeProject({
    target: "docker",
    files: files.map((f) => ({ file: f, text: fs.readFileSync(f, "utf8") })),
    env: {},
    reader: scopedReader({ root: path.dirname(files[0]!) }),
  });
  const errors = r.diagnostics.filter((d) => d.severity === "error").map((d) => d.message);
  return r.model ? { model: r.model, errors } : { errors };
}

/** Compares the two readings of a project, service by service and key by key; returns how many keys were compared. */
function compare(files: string[]): number {
  const their = theirs(files);
  assert.ok(their, "docker-compose reads it");
  const mine = ours(files);
  assert.deepEqual(mine.errors, []);
  const services = their["services"] as Record<string, Record<string, unknown>>;
  assert.deepEqual(mine.model!.services.map((s) => s.name).sort(), Object.keys(services).sort());
  let keys = 0;
  for (const [name, s] of Object.entries(services)) {
    const expected = canonTheirs(s);
    const actual = canonOurs(mine.model!.services.find((x) => x.name === name)!, Object.keys(expected));
    for (const k of Object.keys(expected)) assert.deepEqual(actual[k], expected[k], `${path.basename(files[files.length - 1]!)}: services.${name}.${k}`);
    keys += Object.keys(expected).length;
  }
  for (const kind of ["networks", "volumes"] as const) {
    const theirsTop = Object.keys((their[kind] ?? {}) as object).sort();
    const mineTop = mine.model![kind].map((x) => x.key).filter((k) => k !== "default" || theirsTop.includes("default")).sort();
    assert.deepEqual(mineTop, theirsTop, kind);
    keys += theirsTop.length;
  }
  return keys;
}

/** Every Compose file of the reference fixtures. */
function corpusFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(e.name)) out.push(p);
    }
  };
  walk(T);
  return out.sort();
}

/** Fixtures docker-compose reads and Berth refuses, with Berth's reason (a context without a Dockerfile, a remote context). */
const REFUSED: Record<string, RegExp> = {
  "combined/dir/extended.yaml": /^the Dockerfile of this build cannot be read: ".*combined\/dir\/Dockerfile" does not exist/,
  "combined/dir/included.yaml": /^the Dockerfile of this build cannot be read: ".*combined\/dir\/Dockerfile" does not exist/,
  "extends/nested.yaml": /^the Dockerfile of this build cannot be read: ".*extends\/Dockerfile" does not exist/,
  "extends/sibling.yaml": /^the Dockerfile of this build cannot be read: ".*extends\/Dockerfile" does not exist/,
  "include/included.yaml": /^the Dockerfile of this build cannot be read: ".*include\/Dockerfile" does not exist/,
  "compose-test-extends-with-context-url-imported.yaml": /^"https:\/\/github\.com\/docker\/compose\.git" is a remote build context/,
};

test(`loader-testdata: every fixture docker-compose ${version ?? ""} reads, Berth reads the same, key by key`, { skip }, async () => {
  await readAll(corpusFiles().map((f) => [f]));
  const read: string[] = [];
  let keys = 0;
  for (const file of corpusFiles()) {
    const rel = path.relative(T, file);
    if (!theirs([file])) continue;
    read.push(rel);
    const refused = REFUSED[rel];
    if (refused) {
      const mine = ours([file]);
      assert.equal(mine.model, undefined, rel);
      assert.match(mine.errors[0] ?? "", refused, rel);
      // What docker-compose says about the build is what Berth tried to build.
      const their = theirs([file])!;
      const build = Object.values(their["services"] as Record<string, { build: { context: string } }>)[0]!.build;
      assert.ok(mine.errors[0]!.includes(build.context.startsWith("/") ? path.join(build.context) : build.context), `${rel}: ${build.context}`);
      continue;
    }
    keys += compare([file]);
  }
  process.stdout.write(`# docker-compose ${version} read ${read.length} of the ${corpusFiles().length} Compose files; Berth read ${read.length - Object.keys(REFUSED).length} the same (${keys} keys compared) and refused ${Object.keys(REFUSED).length} (${Object.keys(REFUSED).join(", ")})\n`);
  assert.deepEqual(read.filter((r) => !REFUSED[r]).length + Object.keys(REFUSED).length, read.length);
  assert.ok(Object.keys(REFUSED).every((r) => read.includes(r)), "every refusal listed is of a fixture docker-compose reads");
  assert.equal(read.length, 15);
});

test("-f compose.yaml -f compose.override.yaml: the merge rules as docker-compose applies them, key by key", { skip }, async () => {
  await readAll([[fixture("merge/compose.yaml"), fixture("merge/compose.override.yaml")]]);
  const keys = compare([fixture("merge/compose.yaml"), fixture("merge/compose.override.yaml")]);
  assert.ok(keys >= 12, `${keys} keys`);
});

test("project.yaml (one host's readiness conditions) reads the same as docker-compose reads it", { skip }, async () => {
  await readAll([[fixture("project.yaml")]]);
  // docker-compose interpolates from its own environment, which holds no BERTH_TEST_IMAGE: both use the default.
  assert.ok(compare([fixture("project.yaml")]) >= 20);
});
