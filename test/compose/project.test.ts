import assert from "node:assert/strict";
import { before, test } from "node:test";
import type { Recorder as RecorderType } from "../../src/resources/recorder";
import { fixture, lineOf } from "./fixtures";

let rec: RecorderType;
let ComposeProject: typeof import("../../src/docker/compose-project").ComposeProject;

before(async () => {
  process.env["BERTH_TEST_IMAGE"] = "berth-test/busybox:1";
  const { Recorder } = await import("../../src/resources/recorder.js");
  // A one-shot container (attached) reports the exit code the engine would.
  rec = await Recorder.install({
    outputs: (a) =>
      a.type === "docker:index/container:Container" && a.inputs["attach"] === true
        ? { id: `${a.name}-id`, state: { ...a.inputs, exitCode: 0 } }
        : undefined,
  });
  ({ ComposeProject } = await import("../../src/docker/compose-project.js"));
});

const PROJECT = { label: "com.docker.compose.project", value: "proj" };

test("project.yaml: networks, volumes and DockerContainers in depends_on order, with health and completion waits", async () => {
  await rec.settle();
  rec.reset();
  const p = new ComposeProject("proj", { file: fixture("project.yaml") });
  await rec.settle();
  assert.deepEqual(rec.summary(), [
    "berth:index:ComposeProject proj",
    "berth:index:DockerContainer proj-db",
    "berth:index:DockerContainer proj-migrate",
    "berth:index:DockerContainer proj-web",
    "docker:index/container:Container proj-db-container",
    "docker:index/container:Container proj-migrate-container",
    "docker:index/container:Container proj-web-container",
    "docker:index/network:Network proj-network-backend",
    "docker:index/network:Network proj-network-frontend",
    "docker:index/remoteImage:RemoteImage proj-db-image",
    "docker:index/remoteImage:RemoteImage proj-migrate-image",
    "docker:index/remoteImage:RemoteImage proj-web-image",
    "docker:index/volume:Volume proj-volume-dbdata",
  ]);
  const top = rec.get("berth:index:ComposeProject", "proj");
  for (const n of ["proj-network-backend", "proj-network-frontend"]) assert.equal(rec.get("docker:index/network:Network", n).parent, top.urn);
  assert.deepEqual(rec.get("docker:index/network:Network", "proj-network-backend").inputs, {
    name: "proj_backend",
    driver: "bridge",
    labels: [{ label: "com.docker.compose.network", value: "backend" }, PROJECT],
  });
  assert.deepEqual(rec.get("docker:index/volume:Volume", "proj-volume-dbdata").inputs, {
    name: "proj_dbdata",
    labels: [PROJECT, { label: "com.docker.compose.volume", value: "dbdata" }],
  });
  const component = (n: string) => rec.get("berth:index:DockerContainer", `proj-${n}`);
  const container = (n: string) => rec.get("docker:index/container:Container", `proj-${n}-container`);
  for (const n of ["db", "migrate", "web"]) {
    assert.equal(component(n).parent, top.urn);
    assert.equal(container(n).parentName, `proj-${n}`);
  }
  // The order: each component depends on its networks, volumes and dependencies (their children included).
  const urn = (t: string, n: string) => rec.get(t, n).urn;
  const NET = "docker:index/network:Network";
  const IMG = "docker:index/remoteImage:RemoteImage";
  const CON = "docker:index/container:Container";
  assert.deepEqual(component("db").dependencies.sort(), [urn(NET, "proj-network-backend"), urn("docker:index/volume:Volume", "proj-volume-dbdata")].sort());
  assert.deepEqual(
    component("migrate").dependencies.sort(),
    [urn(NET, "proj-network-backend"), urn(IMG, "proj-db-image"), urn(CON, "proj-db-container")].sort(),
  );
  assert.deepEqual(
    component("web").dependencies.sort(),
    [
      urn(NET, "proj-network-backend"),
      urn(NET, "proj-network-frontend"),
      urn(IMG, "proj-db-image"),
      urn(CON, "proj-db-container"),
      urn(IMG, "proj-migrate-image"),
      urn(CON, "proj-migrate-container"),
    ].sort(),
  );
  // service_healthy: the dependency's container waits until the engine reports it healthy.
  assert.deepEqual(container("db").inputs, {
    name: "proj-db-1",
    command: ["sh", "-c", "sleep 2; echo ready > /tmp/ready; nc -ll -p 5432 -e echo ok"],
    healthcheck: { tests: ["CMD-SHELL", "test -f /tmp/ready"], interval: "1s", timeout: "1s", retries: 30 },
    labels: [PROJECT, { label: "com.docker.compose.service", value: "db" }],
    networksAdvanced: [{ name: "proj_backend", aliases: ["db"] }],
    volumes: [{ containerPath: "/var/lib/db", volumeName: "proj_dbdata" }],
    removeVolumes: false,
    wait: true,
    waitTimeout: 62,
  });
  // service_completed_successfully: the one-shot runs attached to its end.
  assert.deepEqual(container("migrate").inputs, {
    name: "proj-migrate-1",
    command: ["sh", "-c", "echo migrated"],
    labels: [
      PROJECT,
      { label: "com.docker.compose.service", value: "migrate" },
      { label: "com.docker.compose.depends_on", value: "db:service_healthy:false" },
    ],
    networksAdvanced: [{ name: "proj_backend", aliases: ["migrate"] }],
    removeVolumes: false,
    attach: true,
    mustRun: false,
    logs: true,
  });
  // The dependant's label is known only once the one-shot exited 0, so its container waits for that exit code.
  assert.deepEqual(container("web").inputs, {
    name: "project-web",
    command: ["httpd", "-f", "-p", "8080"],
    envs: ["DB_HOST=db"],
    labels: [
      { label: "tier", value: "web" },
      PROJECT,
      { label: "com.docker.compose.service", value: "web" },
      { label: "com.docker.compose.depends_on", value: "db:service_healthy:false,migrate:service_completed_successfully:false" },
    ],
    networksAdvanced: [
      { name: "proj_backend", aliases: ["web"] },
      { name: "proj_frontend", aliases: ["web"] },
    ],
    ports: [{ internal: 8080, ip: "127.0.0.1", protocol: "tcp" }],
    removeVolumes: false,
    restart: "unless-stopped",
  });
  assert.deepEqual(container("web").dependencies, [container("migrate").urn]);
  assert.deepEqual(rec.get(IMG, "proj-web-image").inputs, { name: "berth-test/busybox:1", keepLocally: true });
  assert.deepEqual(top.outputs, {
    projectName: "proj",
    containerNames: { db: "proj-db-1", migrate: "proj-migrate-1", web: "project-web" },
    containerIds: { db: "proj-db-container-id", migrate: "proj-migrate-container-id", web: "proj-web-container-id" },
    imageIds: {},
    warnings: [],
  });
  assert.deepEqual(await new Promise((r) => p.containerNames.apply(r)), {
    db: "proj-db-1",
    migrate: "proj-migrate-1",
    web: "project-web",
  });
});

test("container(service) hands back the service's DockerContainer, and names the services when it has none", async () => {
  await rec.settle();
  rec.reset();
  const p = new ComposeProject("lookup", { file: fixture("project.yaml") });
  await rec.settle();
  const web = p.container("web");
  const name = await new Promise<string>((resolve) => web.containerName.apply(resolve));
  assert.equal(name, rec.get("docker:index/container:Container", "lookup-web-container").inputs["name"]);
  assert.throws(() => p.container("nope"), /ComposeProject has no service "nope"; its services are: db, migrate, web/);
});

test("strict on a single host: each key with no meaning there is an error with its file:line", async () => {
  await rec.settle();
  rec.reset();
  assert.throws(
    () => new ComposeProject("strict", { file: fixture("ignored.yaml"), strict: true }),
    (err: Error & { problems?: { where: string; message: string }[] }) => {
      // Everything else of the file is mapped on one host; the legacy links are left out.
      assert.deepEqual(err.problems, [
        { where: lineOf("ignored.yaml", "links:"), message: '"links" is left out on docker: legacy; services reach each other by name on a shared network (an error because of strict mode)' },
        { where: lineOf("ignored.yaml", "external_links:"), message: '"external_links" is left out on docker: legacy; attach to the other project\'s network instead (an error because of strict mode)' },
      ]);
      return true;
    },
  );
  await rec.settle();
  assert.deepEqual(rec.summary(), ["berth:index:ComposeProject strict"]);
});

test("plan problems (a cycle, health without a healthcheck) are argument errors before any child exists", async () => {
  await rec.settle();
  rec.reset();
  assert.throws(
    () =>
      new ComposeProject("cyc", {
        content: "services:\n  a: {image: x, depends_on: {b: {condition: service_healthy}}}\n  b: {image: x, depends_on: [a]}\n",
      }),
    (err: Error & { problems?: { where: string; message: string }[] }) => {
      assert.deepEqual(err.problems, [
        { where: "services.a.depends_on.b", message: "waits for b to be healthy, but b has no healthcheck; give it one, or use condition: service_started" },
        { where: "services.a.depends_on", message: "depends_on has a cycle: a → b → a" },
      ]);
      return true;
    },
  );
  await rec.settle();
  assert.deepEqual(rec.summary(), ["berth:index:ComposeProject cyc"]);
});

test("host: one -engine provider for the project (a bare socket path becomes unix://), used by every container", async () => {
  await rec.settle();
  rec.reset();
  new ComposeProject("remote", { file: fixture("project.yaml"), host: { url: "/run/user/1000/docker.sock" } });
  await rec.settle();
  const engine = rec.get("pulumi:providers:docker", "remote-engine");
  assert.equal(engine.parentName, "remote");
  assert.deepEqual(engine.inputs, { host: "unix:///run/user/1000/docker.sock" });
  const network = rec.get("docker:index/network:Network", "remote-network-backend");
  assert.match(network.provider ?? "", /remote-engine/);
});
