import assert from "node:assert/strict";
import { test } from "node:test";
import { dependsOnLabel, dockerPlan, healthTimeout, splitImage } from "../../src/compose/targets/docker";
import { loadCompose } from "../../src/compose/load";
import { fixture, fixtureReader, memoryFiles, readFile } from "./fixtures";

function model(text: string) {
  const r = loadCompose(text, { target: "docker", fileName: "/p/compose.yaml", env: {}, reader: memoryFiles() });
  assert.deepEqual(r.diagnostics, []);
  return r.model!;
}

const images: [string, ReturnType<typeof splitImage>][] = [
  ["nginx", { repository: "nginx", tag: "latest" }],
  ["nginx:1.27", { repository: "nginx", tag: "1.27" }],
  ["registry:5000/team/app", { repository: "registry:5000/team/app", tag: "latest" }],
  ["registry:5000/team/app:2", { repository: "registry:5000/team/app", tag: "2" }],
  ["app@sha256:abc", undefined],
];
for (const [image, out] of images) test(`splitImage(${image})`, () => assert.deepEqual(splitImage(image), out));

const timeouts: [Parameters<typeof healthTimeout>[0], number][] = [
  [{}, 240],
  [{ interval: 1e9, timeout: 1e9, retries: 30 }, 62],
  [{ interval: 1e9, timeout: 1e9, retries: 1 }, 60],
  [{ interval: 10e9, timeout: 5e9, retries: 5, startPeriod: 30e9 }, 120],
];
for (const [h, s] of timeouts) test(`healthTimeout(${JSON.stringify(h)}) = ${s}`, () => assert.equal(healthTimeout(h), s));

test("dependsOnLabel: the label once every condition holds, an error naming a failed one-shot", () => {
  assert.equal(
    dependsOnLabel("web", [
      { service: "db", condition: "service_healthy" },
      { service: "migrate", condition: "service_completed_successfully", exitCode: 0 },
    ]),
    "db:service_healthy:false,migrate:service_completed_successfully:false",
  );
  assert.throws(
    () => dependsOnLabel("web", [{ service: "migrate", condition: "service_completed_successfully", exitCode: 3 }]),
    /^Error: migrate exited with code 3, and web waits for it to complete successfully$/,
  );
});

test("project.yaml: networks, volumes and services in dependency order with their waits", () => {
  const m = loadCompose(readFile(fixture("project.yaml")), {
    target: "docker",
    fileName: fixture("project.yaml"),
    env: { BERTH_TEST_IMAGE: "img:1" },
    reader: fixtureReader(),
  }).model!;
  const plan = dockerPlan(m, "shop");
  assert.deepEqual(plan.problems, []);
  assert.deepEqual(plan.networks, [
    {
      key: "backend",
      name: "shop_backend",
      external: false,
      driver: "bridge",
      options: {},
      labels: { "com.docker.compose.project": "shop", "com.docker.compose.network": "backend" },
    },
    {
      key: "frontend",
      name: "shop_frontend",
      external: false,
      driver: "bridge",
      options: {},
      labels: { "com.docker.compose.project": "shop", "com.docker.compose.network": "frontend" },
    },
  ]);
  assert.deepEqual(plan.volumes, [
    {
      key: "dbdata",
      name: "shop_dbdata",
      external: false,
      options: {},
      labels: { "com.docker.compose.project": "shop", "com.docker.compose.volume": "dbdata" },
    },
  ]);
  assert.deepEqual(plan.services, [
    {
      key: "db",
      containerName: "shop-db-1",
      containerNames: ["shop-db-1"],
      files: [],
      image: { repository: "img", tag: "1" },
      command: ["sh", "-c", "sleep 2; echo ready > /tmp/ready; nc -ll -p 5432 -e echo ok"],
      env: {},
      ports: [],
      volumes: [{ containerPath: "/var/lib/db", volumeName: "shop_dbdata" }],
      labels: { "com.docker.compose.project": "shop", "com.docker.compose.service": "db" },
      params: {
        networking_config: { EndpointsConfig: { shop_backend: { Aliases: ["db"] } } },
        healthcheck: { test: ["CMD-SHELL", "test -f /tmp/ready"], interval: 1e9, timeout: 1e9, retries: 30 },
      },
      networkKeys: ["backend"],
      volumeKeys: ["dbdata"],
      dependsOn: [],
      wait: "healthy",
      healthTimeoutSeconds: 62,
    },
    {
      key: "migrate",
      containerName: "shop-migrate-1",
      containerNames: ["shop-migrate-1"],
      files: [],
      image: { repository: "img", tag: "1" },
      command: ["sh", "-c", "echo migrated"],
      env: {},
      ports: [],
      volumes: [],
      labels: { "com.docker.compose.project": "shop", "com.docker.compose.service": "migrate" },
      params: { networking_config: { EndpointsConfig: { shop_backend: { Aliases: ["migrate"] } } } },
      networkKeys: ["backend"],
      volumeKeys: [],
      dependsOn: [{ service: "db", condition: "service_healthy" }],
      wait: "completed",
    },
    {
      key: "web",
      containerName: "project-web",
      containerNames: ["project-web"],
      files: [],
      image: { repository: "img", tag: "1" },
      command: ["httpd", "-f", "-p", "8080"],
      env: { DB_HOST: "db" },
      ports: [{ internal: 8080, ip: "127.0.0.1", protocol: "tcp" }],
      volumes: [],
      restart: "unless-stopped",
      labels: { tier: "web", "com.docker.compose.project": "shop", "com.docker.compose.service": "web" },
      params: {
        networking_config: { EndpointsConfig: { shop_backend: { Aliases: ["web"] }, shop_frontend: { Aliases: ["web"] } } },
      },
      networkKeys: ["backend", "frontend"],
      volumeKeys: [],
      dependsOn: [
        { service: "db", condition: "service_healthy" },
        { service: "migrate", condition: "service_completed_successfully" },
      ],
      wait: "started",
    },
  ]);
});

test("problems: a cycle, waiting for health without a healthcheck, a restarting one-shot, a digest", () => {
  const m = model(
    [
      "services:",
      "  a: {image: x, depends_on: {b: {condition: service_healthy}}}",
      "  b: {image: x, depends_on: [a]}",
      "  c: {image: x, restart: always}",
      "  d: {image: 'x@sha256:00', depends_on: {c: {condition: service_completed_successfully}}}",
    ].join("\n"),
  );
  assert.deepEqual(dockerPlan(m, "p").problems, [
    { where: "services.a.depends_on.b", message: "waits for b to be healthy, but b has no healthcheck; give it one, or use condition: service_started" },
    { where: "services.a.depends_on", message: "depends_on has a cycle: a → b → a" },
    { where: "services.c.restart", message: 'is "always", but dependants wait for c to complete; a one-shot service must not restart (use "no")' },
    { where: "services.d.image", message: '"x@sha256:00" is pinned by digest; a single host pulls (and tags builds) by repository:tag, so give a tag' },
  ]);
});

test("tmpfs mounts become the tmpfs param, external networks and volumes keep their names", () => {
  const m = model(
    [
      "services:",
      "  a:",
      "    image: x",
      "    networks: [corp]",
      "    volumes: [{type: tmpfs, target: /run, tmpfs: {size: 1024, mode: 0o1777}}, 'shared:/s:ro']",
      "networks: {corp: {external: true, name: corp-net}}",
      "volumes: {shared: {external: true}}",
    ].join("\n"),
  );
  const [a] = dockerPlan(m, "p").services;
  assert.deepEqual(a!.params, {
    networking_config: { EndpointsConfig: { "corp-net": { Aliases: ["a"] } } },
    tmpfs: { "/run": "size=1024,mode=1777" },
  });
  assert.deepEqual(a!.volumes, [{ containerPath: "/s", volumeName: "shared", readOnly: true }]);
  assert.deepEqual(a!.networkKeys, []);
  assert.deepEqual(a!.volumeKeys, []);
});
