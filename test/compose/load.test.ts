// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Compose `${VAR}` syntax is the data under test.
import assert from "node:assert/strict";
import { test } from "node:test";
import { COVERAGE } from "../../src/compose/coverage";
import { noHostSettings } from "../../src/compose/load-host";
import { type LoadComposeOptions, loadCompose } from "../../src/compose/load";
import { fixture, fixtureReader, itemOf, lineOf, memoryFiles, readFile } from "./fixtures";

const ENV = { BERTH_TEST_IMAGE: "img:1" };

function load(file: string, extra: Partial<LoadComposeOptions> = {}) {
  return loadCompose(readFile(fixture(file)), {
    target: "swarm",
    fileName: fixture(file),
    env: ENV,
    reader: fixtureReader(),
    ...extra,
  });
}

function loadText(text: string, extra: Partial<LoadComposeOptions> = {}) {
  return loadCompose(text, { target: "swarm", fileName: "/p/compose.yaml", env: ENV, reader: memoryFiles(), ...extra });
}

test("stack.yaml: the warnings are the obsolete version and the worker's restart, with their lines", () => {
  const r = load("stack.yaml");
  assert.deepEqual(r.diagnostics, [
    {
      severity: "info",
      where: lineOf("stack.yaml", "version:"),
      key: "version",
      message: '"version" is accepted and ignored on swarm: obsolete in the Compose Specification; ignored',
    },
    {
      severity: "warning",
      where: lineOf("stack.yaml", "restart:"),
      key: "services.worker.restart",
      message:
        '"restart" is left out on swarm: Swarm uses deploy.restart_policy (docker stack deploy ignores restart too); docker: the container\'s',
    },
  ]);
  assert.ok(r.model);
  assert.deepEqual(
    r.model.services.map((s) => s.name),
    ["web", "worker"],
  );
});

test("stack.yaml: the web service, exactly", () => {
  const web = load("stack.yaml").model!.services[0]!;
  assert.deepEqual(web, {
    name: "web",
    image: "img:1",
    entrypoint: ["/bin/sh", "-c"],
    command: ["httpd", "-f", "-p", "8080", "-h", "/www"],
    environment: { APP_MODE: "production", APP_COLOR: "blue", APP_PORT: "8080", APP_TIER: "front", APP_PRICE: "$5" },
    ports: [
      { target: 8080, published: 8080, protocol: "tcp" },
      { target: 9090, published: 9091, protocol: "udp", mode: "host" },
    ],
    mounts: [
      { type: "volume", source: "data", target: "/var/lib/data", readOnly: false },
      { type: "bind", source: fixture("files"), target: "/etc/app", readOnly: true },
      { type: "tmpfs", target: "/scratch", readOnly: false, tmpfsSize: 67108864 },
      { type: "volume", source: "cache", target: "/cache", readOnly: false, noCopy: true },
    ],
    networks: [
      { name: "front", aliases: ["www"] },
      { name: "back", aliases: [] },
    ],
    deploy: {
      mode: "replicated",
      replicas: 2,
      endpointMode: "vip",
      labels: { tier: "front" },
      limits: { nanoCpus: 500_000_000, memoryBytes: 64 * 1024 ** 2 },
      reservations: { nanoCpus: 100_000_000, memoryBytes: 16 * 1024 ** 2 },
      restartPolicy: { condition: "on-failure", delay: 5e9, maxAttempts: 3, window: 60e9 },
      updateConfig: {
        parallelism: 1,
        delay: 10e9,
        failureAction: "rollback",
        monitor: 30e9,
        maxFailureRatio: 0.25,
        order: "start-first",
      },
      rollbackConfig: { parallelism: 2, delay: 1e9, failureAction: "pause", monitor: 5e9, maxFailureRatio: 0, order: "stop-first" },
      constraints: ["node.role == manager"],
      preferences: ["node.labels.zone"],
      maxReplicasPerNode: 2,
    },
    healthcheck: {
      test: ["CMD", "wget", "-q", "-O-", "http://localhost:8080/"],
      interval: 10e9,
      timeout: 3e9,
      retries: 3,
      startPeriod: 90e9,
    },
    configs: [
      { source: "app_conf", target: "app_conf", uid: "0", gid: "0", mode: 0o444 },
      { source: "motd", target: "/etc/motd", uid: "0", gid: "0", mode: 0o440 },
    ],
    secrets: [
      { source: "token", target: "token", uid: "0", gid: "0", mode: 0o444 },
      { source: "token", target: "api-token", uid: "100", gid: "101", mode: 0o400 },
    ],
    labels: { "com.example.role": "web" },
    workingDir: "/www",
    user: "1000:1000",
    hostname: "web-host",
    stopSignal: "SIGINT",
    stopGracePeriod: 20e9,
    readOnly: true,
    init: true,
    capAdd: ["NET_ADMIN"],
    capDrop: ["MKNOD"],
    extraHosts: [{ host: "db.local", ip: "10.0.0.5" }],
    dns: ["10.0.0.2"],
    dnsSearch: ["example.internal"],
    dnsOptions: [],
    sysctls: { "net.core.somaxconn": "1024" },
    groups: [],
    logging: { driver: "json-file", options: { "max-size": "10m" } },
    dependsOn: [],
    host: noHostSettings(),
  });
});

test("stack.yaml: networks, volumes, configs and secrets", () => {
  const m = load("stack.yaml").model!;
  assert.deepEqual(m.networks, [
    { key: "front", external: false, driverOpts: {}, labels: { purpose: "public" }, driver: "overlay", attachable: true },
    { key: "back", external: false, driverOpts: { encrypted: "true" }, labels: {}, internal: true },
  ]);
  assert.deepEqual(m.volumes, [
    { key: "data", external: false, driverOpts: {}, labels: { backup: "daily" } },
    { key: "cache", external: false, driverOpts: { type: "tmpfs", device: "tmpfs" }, labels: {}, driver: "local" },
  ]);
  assert.deepEqual(m.configs, [
    { key: "app_conf", content: "server {\n  listen 80;\n}\n", origin: `file ${fixture("files/app.conf")}`, file: fixture("files/app.conf"), labels: {} },
    { key: "motd", content: "Welcome.\n", origin: `file ${fixture("files/motd.txt")}`, file: fixture("files/motd.txt"), labels: {} },
  ]);
  assert.deepEqual(m.secrets, [{ key: "token", content: "s3cret-token\n", origin: `file ${fixture("files/token.txt")}`, file: fixture("files/token.txt"), labels: {} }]);
  assert.equal(m.services[1]!.deploy.mode, "global");
  assert.equal(m.services[1]!.restart, undefined);
});

test("ignored.yaml: a warning with file:line for every key Swarm ignores, and the model still loads", () => {
  const r = load("ignored.yaml");
  const keys = [
    "container_name",
    "restart",
    "expose",
    "depends_on",
    "links",
    "external_links",
    "privileged",
    "devices",
    "security_opt",
    "cgroup_parent",
    "ipc",
    "pid",
    "userns_mode",
    "shm_size",
    "domainname",
  ];
  const expected = [
    { key: "version", where: lineOf("ignored.yaml", "version:") },
    ...keys.map((k) => ({ key: `services.api.${k}`, where: lineOf("ignored.yaml", `${k}:`, "  api:") })),
  ];
  assert.deepEqual(
    r.diagnostics.map((d) => ({ key: d.key, where: d.where })),
    expected,
  );
  for (const d of r.diagnostics) {
    const leaf = d.key.split(".").pop()!;
    const row = COVERAGE.swarm[d.key === "version" ? "version" : `services.*.${leaf}`]!;
    // The obsolete version and the informational expose are accepted and ignored; the rest is left out.
    if (row.support === "ignored") assert.deepEqual([d.severity, d.message], ["info", `"${leaf}" is accepted and ignored on swarm: ${row.note}`]);
    else assert.deepEqual([d.severity, d.message], ["warning", `"${leaf}" is left out on swarm: ${row.note}`]);
  }
  assert.deepEqual(r.diagnostics.filter((d) => d.severity === "info").map((d) => d.key), ["version", "services.api.expose"]);
  assert.ok(r.model);
});

test("ignored.yaml under strict: every warning is an error and there is no model; info lines stay info", () => {
  const r = load("ignored.yaml", { strict: true });
  assert.equal(r.model, undefined);
  assert.equal(r.diagnostics.length, 16);
  for (const d of r.diagnostics.filter((x) => x.severity !== "info")) {
    assert.equal(d.severity, "error");
    assert.match(d.message, / \(an error because of strict mode\)$/);
  }
  assert.equal(r.diagnostics.filter((d) => d.severity === "error").length, 14);
});

test("warned-spec.yaml: one warning per key, each at its own line", () => {
  const r = load("warned-spec.yaml");
  assert.ok(r.model);
  const text = readFile(fixture("warned-spec.yaml")).split("\n");
  const serviceKeys = text
    .slice(text.indexOf("  box:") + 2, text.indexOf("networks:"))
    .filter((l) => /^ {4}[a-z_]+:/.test(l))
    .map((l) => l.trim().split(":")[0]!);
  assert.equal(serviceKeys.length, 41);
  const expected = [
    { key: "networks.default.ipam", where: lineOf("warned-spec.yaml", "ipam:") },
    { key: "networks.default.enable_ipv4", where: lineOf("warned-spec.yaml", "enable_ipv4:") },
    { key: "networks.default.enable_ipv6", where: lineOf("warned-spec.yaml", "enable_ipv6:") },
    { key: "configs.templated.template_driver", where: lineOf("warned-spec.yaml", "template_driver:") },
    { key: "secrets.driven.driver", where: lineOf("warned-spec.yaml", "driver: vault") },
    { key: "secrets.driven.template_driver", where: lineOf("warned-spec.yaml", "template_driver:", "  driven:") },
    ...serviceKeys.map((k) => ({ key: `services.box.${k}`, where: lineOf("warned-spec.yaml", `${k}:`, "  box:") })),
  ];
  assert.deepEqual(
    r.diagnostics.map((d) => ({ key: d.key, where: d.where })),
    expected,
  );
  assert.deepEqual(r.diagnostics.filter((d) => d.severity !== "warning").map((d) => [d.severity, d.key]), [
    ["info", "services.box.attach"],
    ["info", "services.box.develop"],
  ]);
});

test("refused.yaml: every refused key is an error with its line, even without strict", () => {
  const r = load("refused.yaml");
  assert.equal(r.model, undefined);
  const errors = r.diagnostics.filter((d) => d.severity === "error").map((d) => ({ key: d.key, where: d.where, message: d.message }));
  assert.deepEqual(errors, [
    {
      key: "models",
      where: lineOf("refused.yaml", "models:"),
      message: '"models" is refused: AI models need a model runner, which neither target has',
    },
    {
      key: "configs.outside.external",
      where: lineOf("refused.yaml", "external:", "configs:"),
      message:
        '"external" is refused: an existing config is referenced by id, which Berth cannot look up; declare it here',
    },
    {
      key: "secrets.outside.external",
      where: lineOf("refused.yaml", "external:", "secrets:"),
      message:
        '"external" is refused: an existing secret is referenced by id, which Berth cannot look up; declare it here',
    },
    {
      key: "services.remote.provider",
      where: lineOf("refused.yaml", "provider:"),
      message: '"provider" is refused: the service is delegated to an external provider that Berth does not run',
    },
    {
      key: "services.remote.models",
      where: lineOf("refused.yaml", "models: [llm]"),
      message: '"models" is refused: AI models need a model runner, which neither target has',
    },
    {
      key: "services.remote",
      where: lineOf("refused.yaml", "remote:"),
      message: 'service "remote" has neither an image nor a build context specified; set `image` (or `build`)',
    },
  ]);
});

test("spec-only.yaml: anchors, merge keys, env files, interpolation, port ranges, inline configs and env secrets", () => {
  const r = loadCompose(readFile(fixture("spec-only.yaml")), {
    target: "swarm",
    fileName: fixture("spec-only.yaml"),
    env: { BERTH_TEST_IMAGE: "img:1", FROM_SHELL: "shell", API_KEY: "k-123", TIER: "", BANNER: "== shop ==" },
    reader: fixtureReader(),
  });
  assert.deepEqual(
    r.diagnostics.map((d) => [d.severity, d.key, d.where, d.message]),
    [
      [
        "warning",
        "services.app.ports.0",
        itemOf("spec-only.yaml", '- "127.0.0.1'),
        "the host address 127.0.0.1 is left out on swarm: the routing mesh publishes on every node",
      ],
    ],
  );
  const m = r.model!;
  assert.equal(m.name, "shop");
  const app = m.services[0]!;
  assert.equal(app.image, "img:1");
  assert.deepEqual(app.command, ["echo", "hello world", "$HOME"]);
  assert.deepEqual(app.environment, {
    APP_COLOR: "blue\tgreen",
    APP_GREETING: "hello ${NOT_EXPANDED}",
    APP_HOME: "/home/app",
    FROM_SHELL: "shell",
    EXPLICIT: "yes",
  });
  assert.deepEqual(app.ports, [
    { target: 80, published: 8000, protocol: "tcp" },
    { target: 81, published: 8001, protocol: "tcp" },
  ]);
  assert.deepEqual(app.dnsOptions, ["ndots:2"]);
  assert.deepEqual(app.groups, ["audio"]);
  assert.deepEqual(app.mounts, [{ type: "volume", source: "shared", target: "/shared", readOnly: false }]);
  assert.deepEqual(app.networks, [{ name: "outside", aliases: [] }]);
  assert.deepEqual(m.networks, [{ key: "outside", external: true, driverOpts: {}, labels: {}, name: "corp-net" }]);
  assert.deepEqual(m.volumes, [{ key: "shared", external: true, driverOpts: {}, labels: {}, name: "corp-shared" }]);
  assert.deepEqual(m.configs, [
    { key: "greeting", content: "Hello from .\n", origin: "content", labels: {} },
    { key: "banner", content: "== shop ==", origin: "environment BANNER", environment: "BANNER", labels: { kind: "banner" }, name: "shop-banner-v2" },
  ]);
  assert.deepEqual(m.secrets, [
    { key: "api_key", content: "k-123", origin: "environment API_KEY", environment: "API_KEY", labels: { kind: "key" }, name: "shop-api-key-v1" },
  ]);
});

test("mistakes are errors that name the key, its line and the fix", () => {
  const text = [
    "services:",
    "  web:",
    "    imagee: x",
    "    volumes: [nope:/data]",
    "    networks: [missing]",
    "    ports: ['80:http']",
    "    deploy:",
    "      replicas: many",
    "      mode: global",
    "    healthcheck:",
    "      test: [BAD]",
    "      interval: soon",
    "    depends_on: [ghost]",
    "    command: ${REQUIRED:?set REQUIRED}",
  ].join("\n");
  const r = loadText(text);
  assert.equal(r.model, undefined);
  assert.deepEqual(
    r.diagnostics.map((d) => `${d.where} ${d.message}`),
    [
      "/p/compose.yaml:14:5 variable REQUIRED is unset: set REQUIRED; set it in the environment or an env file",
      '/p/compose.yaml:3:5 "imagee" is not a Compose key Berth knows; check the spelling against the Compose Specification',
      '/p/compose.yaml:13:5 "depends_on" is left out on swarm: Swarm has no start order; docker: creation order and readiness conditions',
      '/p/compose.yaml:2:3 service "web" has neither an image nor a build context specified; set `image` (or `build`)',
      '/p/compose.yaml:6:13 "80:http" is not a port: the container port is not a number or range; write [HOST_IP:][PUBLISHED:]TARGET[/PROTOCOL], e.g. "8080:80/tcp"',
      '/p/compose.yaml:4:15 the volume "nope" is not declared under the top-level `volumes`',
      '/p/compose.yaml:5:16 the network "missing" is not declared under the top-level `networks`',
      '/p/compose.yaml:8:7 "many" must be a whole number, 0 or more',
      '/p/compose.yaml:11:7 a test list must start with "CMD", "CMD-SHELL" or "NONE"',
      '/p/compose.yaml:12:7 "soon" is not a duration; write e.g. "10s", "1m30s" or "500ms"',
    ],
  );
});

test("not YAML, or not a mapping", () => {
  assert.deepEqual(loadText("services: [a\n").diagnostics.map((d) => d.where), ["/p/compose.yaml:2:1"]);
  assert.match(loadText("services: [a\n").diagnostics[0]!.message, /^YAML syntax error: /);
  assert.deepEqual(loadText("- a\n").diagnostics, [
    { severity: "error", where: "/p/compose.yaml:1:1", key: "", message: "a Compose file must be a mapping with a `services` key" },
  ]);
});

test("the docker target reads the same file with its own table", () => {
  const r = load("ignored.yaml", { target: "docker" });
  assert.deepEqual(
    r.diagnostics.map((d) => d.key),
    // One host maps the host settings; it ignores the obsolete version and the informational expose, and leaves
    // out the legacy links.
    ["version", "services.api.expose", "services.api.links", "services.api.external_links"],
  );
  assert.deepEqual(r.diagnostics.map((d) => d.severity), ["info", "info", "warning", "warning"]);
  const api = r.model!.services[0]!;
  assert.equal(api.containerName, "the-api");
  const ghost = loadText("services:\n  a:\n    image: x\n    depends_on: [ghost]\n", { target: "docker" });
  assert.deepEqual(ghost.diagnostics.map((d) => `${d.where} ${d.message}`), [
    '/p/compose.yaml:4:5 service "a" depends on undefined service "ghost"',
  ]);
  assert.equal(api.restart, "unless-stopped");
  assert.deepEqual(api.dependsOn, [{ service: "cache", condition: "service_started", required: true }]);
});
