/**
 * The coverage tables: every key of the Compose Specification's schema has a row on both targets, and each row is
 * tested by loading a file that uses the key (with a valid value) for each target: a mapped key draws no warning, a
 * warned key exactly one warning with the row's note at the key's file:line, an ignored key one info line, a refused
 * key an error. Each mapped key's effect on the target is asserted by the mapping tests (docker-host-params, build,
 * load, stack and project tests).
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { COMPOSE_COVERAGE, COVERAGE, type ComposeTarget, coverageOf, coverageTotals } from "../../src/compose/coverage";
import { renderCoverageTable } from "../../src/compose/coverage-doc";
import { loadCompose } from "../../src/compose/load";
import { memoryReader } from "../../src/compose/reader";

const SCHEMA = path.resolve(__dirname, "../../../shared/corpus/compose-spec__compose-go/compose-spec.json");

/** The keys the schema defines, as coverage patterns. */
function schemaKeys(): string[] {
  const s = JSON.parse(fs.readFileSync(SCHEMA, "utf8")) as { properties: Record<string, unknown>; $defs: Record<string, { properties?: Record<string, unknown> }> };
  const d = s.$defs;
  const keys = Object.keys(s.properties);
  const nested = (prefix: string, def: string) => Object.keys(d[def]!.properties ?? {}).map((k) => `${prefix}.${k}`);
  keys.push(...nested("services.*", "service"), ...nested("networks.*", "network"), ...nested("volumes.*", "volume"));
  keys.push(...nested("configs.*", "config"), ...nested("secrets.*", "secret"), ...nested("services.*.deploy", "deployment"));
  const build = (d["service"]!.properties!["build"] as { oneOf: { properties?: Record<string, unknown> }[] }).oneOf.find((o) => o.properties)!;
  keys.push(...Object.keys(build.properties!).map((k) => `services.*.build.${k}`));
  return keys;
}

test("every key of the Compose schema has a row on both targets, and no row names a key the schema lacks", () => {
  const fromSchema = new Set(schemaKeys());
  for (const target of ["swarm", "docker"] as const) {
    const rows = Object.keys(COVERAGE[target]);
    assert.deepEqual([...fromSchema].filter((k) => !rows.includes(k)), [], `${target}: keys without a row`);
    assert.deepEqual(rows.filter((k) => !fromSchema.has(k) && k !== "x-*"), [], `${target}: rows for no schema key`);
  }
  assert.deepEqual(Object.keys(COVERAGE.swarm).sort(), Object.keys(COVERAGE.docker).sort());
});

/** A valid value of each key, as YAML at the key's place (the service is `web`; files it names exist). */
const SAMPLES: Record<string, string> = {
  "services.*.develop": "{ watch: [{ path: ./src, action: sync, target: /src }] }",
  "services.*.deploy": "{ replicas: 1 }",
  "services.*.annotations": "{ com.example.a: b }",
  "services.*.attach": "false",
  "services.*.build": "./app",
  "services.*.blkio_config": "{ device_read_bps: [{ path: /dev/sda, rate: 1m }] }",
  "services.*.cap_add": "[NET_ADMIN]",
  "services.*.cap_drop": "[MKNOD]",
  "services.*.cgroup": "private",
  "services.*.cgroup_parent": "/berth",
  "services.*.command": "[sleep, '1']",
  "services.*.configs": "[conf]",
  "services.*.container_name": "web-one",
  "services.*.cpu_count": "2",
  "services.*.cpu_percent": "50",
  "services.*.cpu_shares": "512",
  "services.*.cpu_quota": "50000",
  "services.*.cpu_period": "100000",
  "services.*.cpu_rt_period": "1000000",
  "services.*.cpu_rt_runtime": "950000",
  "services.*.cpus": "0.5",
  "services.*.cpuset": "0-1",
  "services.*.credential_spec": "{ file: spec.json }",
  "services.*.depends_on": "[db]",
  "services.*.device_cgroup_rules": "['c 1:3 mr']",
  "services.*.devices": "['/dev/null:/dev/nothing:rwm']",
  "services.*.dns": "[192.0.2.53]",
  "services.*.dns_opt": "[ndots:2]",
  "services.*.dns_search": "[corp.example]",
  "services.*.domainname": "corp.example",
  "services.*.entrypoint": "[/bin/sh, -c]",
  "services.*.env_file": "web.env",
  "services.*.label_file": "web.labels",
  "services.*.environment": "{ A: b }",
  "services.*.expose": "['80']",
  "services.*.extends": "{ service: db }",
  "services.*.provider": "{ type: model }",
  "services.*.external_links": "[other_db_1:db]",
  "services.*.extra_hosts": "['db.internal:10.0.0.5']",
  "services.*.gpus": "all",
  "services.*.group_add": "[audio]",
  "services.*.healthcheck": "{ test: [CMD, 'true'], interval: 5s }",
  "services.*.hostname": "web1",
  "services.*.image": "nginx:1.27",
  "services.*.init": "true",
  "services.*.ipc": "shareable",
  "services.*.isolation": "process",
  "services.*.labels": "{ tier: web }",
  "services.*.links": "[db]",
  "services.*.logging": "{ driver: json-file, options: { max-size: 10m } }",
  "services.*.mac_address": "02:42:ac:11:00:02",
  "services.*.mem_limit": "512m",
  "services.*.mem_reservation": "256m",
  "services.*.mem_swappiness": "10",
  "services.*.memswap_limit": "1g",
  "services.*.network_mode": "host",
  "services.*.models": "[llm]",
  "services.*.networks": "[front]",
  "services.*.oom_kill_disable": "true",
  "services.*.oom_score_adj": "100",
  "services.*.pid": "host",
  "services.*.pids_limit": "100",
  "services.*.platform": "linux/amd64",
  "services.*.ports": "['8080:80']",
  "services.*.pre_start": "[{ command: [echo, hi] }]",
  "services.*.post_start": "[{ command: [echo, hi] }]",
  "services.*.pre_stop": "[{ command: [echo, bye] }]",
  "services.*.privileged": "true",
  "services.*.profiles": "[web]",
  "services.*.pull_policy": "missing",
  "services.*.pull_refresh_after": "1h",
  "services.*.read_only": "true",
  "services.*.restart": "always",
  "services.*.runtime": "runc",
  "services.*.scale": "1",
  "services.*.security_opt": "[no-new-privileges:true]",
  "services.*.shm_size": "64m",
  "services.*.secrets": "[token]",
  "services.*.sysctls": "{ net.core.somaxconn: '1024' }",
  "services.*.stdin_open": "true",
  "services.*.stop_grace_period": "30s",
  "services.*.stop_signal": "SIGQUIT",
  "services.*.storage_opt": "{ size: 1G }",
  "services.*.tmpfs": "[/run]",
  "services.*.tty": "true",
  "services.*.ulimits": "{ nofile: { soft: 1024, hard: 2048 } }",
  "services.*.use_api_socket": "true",
  "services.*.user": "'1000'",
  "services.*.uts": "host",
  "services.*.userns_mode": "host",
  "services.*.volumes": "['data:/data']",
  "services.*.volumes_from": "[db]",
  "services.*.working_dir": "/srv",
  "services.*.deploy.mode": "replicated",
  "services.*.deploy.endpoint_mode": "vip",
  "services.*.deploy.replicas": "1",
  "services.*.deploy.labels": "{ tier: web }",
  "services.*.deploy.rollback_config": "{ parallelism: 1 }",
  "services.*.deploy.update_config": "{ parallelism: 1 }",
  "services.*.deploy.resources": "{ limits: { memory: 64m } }",
  "services.*.deploy.restart_policy": "{ condition: on-failure }",
  "services.*.deploy.placement": "{ constraints: [node.role==manager] }",
  "services.*.build.context": "./app",
  "services.*.build.dockerfile": "Dockerfile",
  "services.*.build.dockerfile_inline": "'FROM scratch'",
  "services.*.build.entitlements": "[network.host]",
  "services.*.build.args": "{ A: b }",
  "services.*.build.ssh": "[default]",
  "services.*.build.labels": "{ tier: web }",
  "services.*.build.cache_from": "[web:cache]",
  "services.*.build.cache_to": "[type=inline]",
  "services.*.build.no_cache": "true",
  "services.*.build.no_cache_filter": "[base]",
  "services.*.build.additional_contexts": "{ assets: ./assets }",
  "services.*.build.network": "host",
  "services.*.build.provenance": "'false'",
  "services.*.build.sbom": "'false'",
  "services.*.build.pull": "true",
  "services.*.build.target": "prod",
  "services.*.build.shm_size": "64m",
  "services.*.build.extra_hosts": "['db:10.0.0.5']",
  "services.*.build.isolation": "default",
  "services.*.build.privileged": "true",
  "services.*.build.secrets": "[token]",
  "services.*.build.tags": "[web:extra]",
  "services.*.build.ulimits": "{ nofile: 1024 }",
  "services.*.build.platforms": "[linux/amd64]",
  "networks.*.name": "front-net",
  "networks.*.driver": "bridge",
  "networks.*.driver_opts": "{ com.docker.network.bridge.name: br-front }",
  "networks.*.ipam": "{ config: [{ subnet: 172.28.0.0/16 }] }",
  "networks.*.external": "false",
  "networks.*.internal": "true",
  "networks.*.enable_ipv4": "true",
  "networks.*.enable_ipv6": "false",
  "networks.*.attachable": "true",
  "networks.*.labels": "{ tier: web }",
  "volumes.*.name": "data-vol",
  "volumes.*.driver": "local",
  "volumes.*.driver_opts": "{ type: tmpfs, device: tmpfs }",
  "volumes.*.external": "false",
  "volumes.*.labels": "{ tier: web }",
  "configs.*.name": "conf-1",
  "configs.*.content": "hello",
  "configs.*.environment": "CONF",
  "configs.*.file": "./conf.txt",
  "configs.*.external": "true",
  "configs.*.labels": "{ tier: web }",
  "configs.*.template_driver": "golang",
  "secrets.*.name": "token-1",
  "secrets.*.environment": "TOKEN",
  "secrets.*.file": "./token.txt",
  "secrets.*.external": "true",
  "secrets.*.labels": "{ tier: web }",
  "secrets.*.driver": "vault",
  "secrets.*.driver_opts": "{ a: b }",
  "secrets.*.template_driver": "golang",
  version: "'3.9'",
  name: "demo",
  include: "[inc.yaml]",
  models: "{ llm: { model: ai/smollm2 } }",
  services: "{ web: { image: nginx:1.27 } }",
  networks: "{ front: {} }",
  volumes: "{ data: {} }",
  configs: "{ conf: { content: hi } }",
  secrets: "{ token: { file: ./token.txt } }",
  "x-*": "{ anything: goes }",
};

const FILES = {
  "/p/web.env": "A=1\n",
  "/p/web.labels": "tier=web\n",
  "/p/conf.txt": "conf\n",
  "/p/token.txt": "s3cret\n",
  "/p/inc.yaml": "services:\n  inc:\n    image: busybox:1\n",
  "/p/app/Dockerfile": "FROM scratch\n",
  "/p/app/assets/a.txt": "a\n",
};

/** Samples that differ on swarm: a bridge network is mapped to overlay with a warning there (swarm-bridge.test.ts). */
const SWARM_SAMPLES: Record<string, string> = {
  "networks.*.driver": "overlay",
};

/** The YAML of a file that uses `pattern` (with the other parts a valid project). */
function fileFor(pattern: string, target: ComposeTarget): { text: string; line: number } {
  const value = (target === "swarm" ? SWARM_SAMPLES[pattern] : undefined) ?? SAMPLES[pattern];
  assert.ok(value !== undefined, `no sample value for ${pattern}`);
  const top = [
    "services:",
    "  db:",
    "    image: postgres:16",
    "  web:",
    ...(pattern === "services.*.image" ? [] : ["    image: nginx:1.27"]),
    ...(pattern.startsWith("services.*.build.") ? ["    build:", "      context: ./app"] : []),
    ...(pattern.startsWith("services.*.deploy.") ? ["    deploy:"] : []),
  ];
  const lines = [...top];
  let line = 0;
  const leaf = pattern.split(".").pop()!;
  if (pattern.startsWith("services.*.build.")) {
    if (leaf !== "context") lines.push(`      ${leaf}: ${value}`);
    line = leaf === "context" ? 7 : lines.length;
  } else if (pattern.startsWith("services.*.deploy.")) {
    lines.push(`      ${leaf}: ${value}`);
    line = lines.length;
  } else if (pattern.startsWith("services.*.")) {
    lines.push(`    ${leaf}: ${value}`);
    line = lines.length;
  }
  for (const kind of ["networks", "volumes", "configs", "secrets"]) {
    const name = { networks: "front", volumes: "data", configs: "conf", secrets: "token" }[kind]!;
    if (pattern.startsWith(`${kind}.*.`)) {
      lines.push(`${kind}:`, `  ${name}:`, `    ${leaf}: ${value}`);
      line = lines.length;
      if (kind === "configs" && !["content", "environment", "file", "external"].includes(leaf)) lines.push("    content: hi");
      if (kind === "secrets" && !["environment", "file", "external"].includes(leaf)) lines.push("    file: ./token.txt");
    } else if (kind !== "configs" && kind !== "secrets") lines.push(`${kind}:`, `  ${name}: {}`);
  }
  if (!pattern.startsWith("configs.")) lines.push("configs:", "  conf:", "    content: hi");
  if (!pattern.startsWith("secrets.")) lines.push("secrets:", "  token:", "    file: ./token.txt");
  if (!pattern.includes(".")) {
    if (pattern === "services") return { text: `services: ${value}\n`, line: 1 };
    if (["networks", "volumes", "configs", "secrets"].includes(pattern)) {
      return { text: `services:\n  web:\n    image: nginx:1.27\n${pattern}: ${value}\n`, line: 4 };
    }
    const key = pattern === "x-*" ? "x-common" : pattern;
    return { text: `${key}: ${value}\nservices:\n  web:\n    image: nginx:1.27\n`, line: 1 };
  }
  return { text: `${lines.join("\n")}\n`, line };
}

function diagnosticsOf(pattern: string, target: ComposeTarget) {
  const { text, line } = fileFor(pattern, target);
  const r = loadCompose(text, {
    target,
    fileName: "/p/compose.yaml",
    env: { CONF: "c", TOKEN: "t" },
    reader: memoryReader("/p", FILES),
    profiles: ["web"],
  });
  const leaf = pattern.split(".").pop()!;
  const concrete = pattern.replace("services.*", "services.web").replace(/^(networks|volumes|configs|secrets)\.\*/, (_m, k: string) => `${k}.${{ networks: "front", volumes: "data", configs: "conf", secrets: "token" }[k]}`);
  const key = pattern === "x-*" ? "x-common" : concrete;
  return { all: r.diagnostics, about: r.diagnostics.filter((d) => d.key === key), line, leaf };
}

for (const row of COMPOSE_COVERAGE) {
  for (const target of ["swarm", "docker"] as const) {
    const entry = row[target];
    test(`coverage row ${row.key} on ${target}: ${entry.support}`, () => {
      assert.equal(coverageOf(row.key.split("."), target), row.key === "x-*" ? COVERAGE[target]["x-*"] : entry);
      const { all, about, line, leaf } = diagnosticsOf(row.key, target);
      const at = `/p/compose.yaml:${line}:`;
      if (entry.support === "warned") {
        assert.deepEqual(about.map((d) => [d.severity, d.message]), [["warning", `"${leaf}" is left out on ${target}: ${entry.note}`]]);
        assert.ok(about[0]!.where.startsWith(at), `${about[0]!.where} is at line ${line}`);
      } else if (entry.support === "refused") {
        assert.deepEqual(about.map((d) => [d.severity, d.message]), [["error", `"${leaf}" is refused: ${entry.note}`]]);
      } else if (entry.support === "ignored" && row.key !== "x-*") {
        assert.deepEqual(about.map((d) => [d.severity, d.message]), [["info", `"${leaf}" is accepted and ignored on ${target}: ${entry.note}`]]);
      } else {
        assert.deepEqual(all.filter((d) => d.severity === "error"), [], `${target} maps ${row.key} without an error`);
        assert.deepEqual(about, [], `${target} maps ${row.key} without a word about it`);
      }
    });
  }
}

test("the totals per target add up to the rows", () => {
  for (const target of ["swarm", "docker"] as const) {
    const t = coverageTotals(target);
    assert.equal(t.mapped + t.warned + t.refused + t.ignored, Object.keys(COVERAGE[target]).length);
  }
});

test("docs/workloads.md carries the coverage table exactly as rendered from the data", () => {
  const doc = fs.readFileSync(path.resolve(__dirname, "../../docs/workloads.md"), "utf8");
  assert.ok(doc.includes(`${renderCoverageTable()}\n`), "regenerate the table in docs/workloads.md from renderCoverageTable()");
});

test("the rendered table has one line per row, escaped", () => {
  const lines = renderCoverageTable().split("\n");
  assert.equal(lines.length, COMPOSE_COVERAGE.length + 6);
  assert.equal(lines[5], "| `version` | ignored | ignored | obsolete in the Compose Specification; ignored |");
  assert.equal(lines.find((l) => l.startsWith("| `models`")), "| `models` | **refused** | **refused** | AI models need a model runner, which neither target has |");
});
