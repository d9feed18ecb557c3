/**
 * DockerContainer under Pulumi mocks: the exact children (types, names, parents, inputs, options) for pull, tarball
 * import, adoption, a remote host and readiness waits; and invalid arguments failing before any child exists.
 */
import assert from "node:assert/strict";
import { before, beforeEach, describe, test } from "node:test";
import type * as pulumi from "@pulumi/pulumi";
import { ArgsError } from "../../src/core/problems";
import type { DockerContainer as DockerContainerClass, DockerContainerArgs } from "../../src/docker";
import { type RecordedResource, Recorder } from "../../src/resources/recorder";

const COMPONENT = "berth:index:DockerContainer";
const CONTAINER = "docker:index/container:Container";
const REMOTE_IMAGE = "docker:index/remoteImage:RemoteImage";
const PROVIDER = "pulumi:providers:docker";
const IMPORT = "pulumi-nodejs:dynamic/berth:ImageImport";
const READY = "pulumi-nodejs:dynamic/berth:Readiness";
const ADOPTED = "pulumi-nodejs:dynamic/berth:ContainerAdoption";

const NETWORK = { networkName: "bridge", ipAddress: "172.17.0.9", ipPrefixLength: 16, gateway: "172.17.0.1", macAddress: "02:42:ac:11:00:09", globalIpv6Address: "", globalIpv6PrefixLength: 0, ipv6Gateway: "" };

let rec: Recorder;
let DockerContainer: typeof DockerContainerClass;

before(async () => {
  rec = await Recorder.install({
    outputs: (args) => {
      const id = `${args.name}-id`;
      if (args.type === REMOTE_IMAGE) return { id, state: { ...args.inputs, imageId: "sha256:pulled" } };
      if (args.type === IMPORT) return { id, state: { ...args.inputs, imageId: "sha256:imported", contentHash: "sha256:c0ffee", repoTag: "x:y" } };
      if (args.type === READY) return { id, state: { ...args.inputs, ready: true } };
      if (args.type === CONTAINER) {
        const ports = (args.inputs["ports"] as { internal: number; external?: number; ip?: string; protocol?: string }[] | undefined) ?? [];
        return {
          id,
          state: {
            ...args.inputs,
            networkDatas: [NETWORK],
            ports: ports.map((p) => ({ ip: "0.0.0.0", protocol: "tcp", external: 32768, ...p })),
            // The provider reports an exit code only for a container it does not require to keep running.
            ...(args.inputs["mustRun"] === false ? { exitCode: 0 } : {}),
          },
        };
      }
      if (args.type === ADOPTED) {
        return {
          id: "adopted-id",
          state: {
            ...args.inputs,
            containerId: "adopted-id",
            containerName: args.inputs["name"],
            imageId: "sha256:theirs",
            ipAddress: "172.17.0.4",
            ports: [{ internal: 80, protocol: "tcp", ip: "0.0.0.0", external: 8080 }],
            networkSettings: { Networks: { bridge: { IPAddress: "172.17.0.4", IPPrefixLen: 16, Gateway: "172.17.0.1", MacAddress: "02:42:ac:11:00:04" } } },
            running: true,
          },
        };
      }
      return undefined;
    },
  });
  ({ DockerContainer } = await import("../../src/docker/index.js"));
});

beforeEach(() => rec.reset());

function value<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply(resolve));
}

async function outputsOf(c: DockerContainerClass): Promise<Record<string, unknown>> {
  return {
    containerId: await value(c.containerId),
    imageId: await value(c.imageId),
    containerName: await value(c.containerName),
    ipAddress: await value(c.ipAddress),
    ports: await value(c.ports),
    networkSettings: await value(c.networkSettings),
    ready: await value(c.ready),
  };
}

/** Checks the resource's parent is the component and returns it. */
function child(type: string, name: string, parentName: string): RecordedResource {
  const r = rec.get(type, name);
  assert.equal(r.parentName, parentName, `${type} ${name} parent`);
  assert.equal(r.parentType, COMPONENT);
  return r;
}

/** The dynamic provider's serialized code is an input of every dynamic resource; it is checked, then left out. */
function withoutProvider(inputs: Record<string, unknown>): Record<string, unknown> {
  const { __provider, ...rest } = inputs;
  assert.equal(typeof __provider, "string");
  assert.match(String(__provider), /exports\.handler/);
  return rest;
}

describe("DockerContainer children", () => {
  test("pull: a RemoteImage and a Container with the params mapped and the typed args merged", async () => {
    const c = new DockerContainer("web", {
      image: { repository: "nginx", tag: "1.27-alpine" },
      ports: [{ internal: 80, external: 8080, ip: "127.0.0.1" }],
      env: { MODE: "prod" },
      create: { params: { mem_limit: "256m", hostname: "web1" } },
      stop: { params: { timeout: 20 } },
    });
    const out = await outputsOf(c);
    await rec.settle();
    assert.deepEqual(rec.summary(), [`${COMPONENT} web`, `${CONTAINER} web-container`, `${REMOTE_IMAGE} web-image`]);
    const image = child(REMOTE_IMAGE, "web-image", "web");
    assert.deepEqual(image.inputs, { name: "nginx:1.27-alpine", keepLocally: true });
    assert.equal(image.provider, undefined);
    const container = child(CONTAINER, "web-container", "web");
    assert.deepEqual(container.inputs, {
      removeVolumes: false,
      image: "sha256:pulled",
      name: "web",
      memory: 256,
      hostname: "web1",
      destroyGraceSeconds: 20,
      stopTimeout: 20,
      ports: [{ internal: 80, external: 8080, ip: "127.0.0.1" }],
      envs: ["MODE=prod"],
    });
    assert.equal(container.options.deleteBeforeReplace, true);
    assert.deepEqual(container.dependencies, [image.urn]);
    assert.deepEqual(out, {
      containerId: "web-container-id",
      imageId: "sha256:pulled",
      containerName: "web",
      ipAddress: "172.17.0.9",
      ports: [{ internal: 80, external: 8080, ip: "127.0.0.1", protocol: "tcp" }],
      networkSettings: [{ networkName: "bridge", ipAddress: "172.17.0.9", ipPrefixLength: 16, gateway: "172.17.0.1", macAddress: "02:42:ac:11:00:09" }],
      ready: true,
    });
    assert.deepEqual(rec.get(COMPONENT, "web").outputs, out);
  });

  test("tarball import: the import resource named -image, repository defaulting to the container name", async () => {
    const c = new DockerContainer("app", {
      name: "app-1",
      image: { src: "https://files.example/app.tar", tag: "v2", keepLocally: false },
      command: ["httpd", "-f"],
      restart: "unless-stopped",
      labels: { team: "a" },
      networks: ["backend"],
      volumes: [{ containerPath: "/data", volumeName: "app-data" }],
    });
    const out = await outputsOf(c);
    await rec.settle();
    assert.deepEqual(rec.summary(), [`${COMPONENT} app`, `${CONTAINER} app-container`, `${IMPORT} app-image`]);
    const image = child(IMPORT, "app-image", "app");
    assert.deepEqual(withoutProvider(image.inputs), {
      src: "https://files.example/app.tar",
      repository: "app-1",
      tag: "v2",
      keepLocally: false,
    });
    assert.deepEqual(child(CONTAINER, "app-container", "app").inputs, {
      removeVolumes: false,
      image: "sha256:imported",
      name: "app-1",
      command: ["httpd", "-f"],
      restart: "unless-stopped",
      labels: [{ label: "team", value: "a" }],
      networksAdvanced: [{ name: "backend" }],
      volumes: [{ containerPath: "/data", volumeName: "app-data" }],
    });
    assert.equal(out["imageId"], "sha256:imported");
    assert.equal(out["ready"], true);
  });

  test("volumes survive the container unless delete.params.v asks to remove them (docker-py's default)", async () => {
    new DockerContainer("keep", { image: { repository: "redis", tag: "7" } });
    new DockerContainer("drop", { image: { repository: "redis", tag: "7" }, delete: { params: { v: true } } });
    await rec.settle();
    assert.equal(child(CONTAINER, "keep-container", "keep").inputs["removeVolumes"], false);
    assert.equal(child(CONTAINER, "drop-container", "drop").inputs["removeVolumes"], true);
  });

  test("waitForHealthy: the provider waits for the healthcheck, for start.timeout seconds", async () => {
    new DockerContainer("api", {
      image: { repository: "redis", tag: "7" },
      create: { params: { healthcheck: { test: "redis-cli ping", interval: 1000000000 } } },
      start: { waitForHealthy: true, timeout: 45 },
    });
    await rec.settle();
    assert.deepEqual(rec.summary(), [`${COMPONENT} api`, `${CONTAINER} api-container`, `${REMOTE_IMAGE} api-image`]);
    const inputs = child(CONTAINER, "api-container", "api").inputs;
    assert.equal(inputs["wait"], true);
    assert.equal(inputs["waitTimeout"], 45);
    assert.deepEqual(inputs["healthcheck"], { tests: ["CMD-SHELL", "redis-cli ping"], interval: "1s" });
  });

  test("runToCompletion: attached until the job exits, its exit code an output", async () => {
    const job = new DockerContainer("migrate", { image: { repository: "flyway", tag: "10" }, command: ["migrate"], runToCompletion: true });
    const exitCode = await value(job.exitCode);
    await rec.settle();
    const inputs = child(CONTAINER, "migrate-container", "migrate").inputs;
    assert.deepEqual(
      { mustRun: inputs["mustRun"], attach: inputs["attach"], logs: inputs["logs"], wait: inputs["wait"] },
      { mustRun: false, attach: true, logs: true, wait: undefined },
    );
    assert.equal(exitCode, 0);
    assert.equal(rec.get(COMPONENT, "migrate").outputs?.["exitCode"], 0);
  });

  test("a long-running container has no exit code", async () => {
    const c = new DockerContainer("svc", { image: { repository: "nginx", tag: "1.27" } });
    assert.equal(await value(c.exitCode), undefined);
    await rec.settle();
  });

  test("readiness: a -ready resource on the container id, with the wait and stop settings", async () => {
    const c = new DockerContainer("db", {
      image: { repository: "postgres", tag: "16" },
      start: { processesToWaitFor: ["postgres"], waitForPorts: [5432], waitForLog: "ready to accept", retryInterval: 2, timeout: 90 },
      stop: { params: { timeout: 30 }, retryInterval: 3 },
    });
    const out = await outputsOf(c);
    await rec.settle();
    assert.deepEqual(rec.summary(), [`${COMPONENT} db`, `${CONTAINER} db-container`, `${REMOTE_IMAGE} db-image`, `${READY} db-ready`]);
    const ready = child(READY, "db-ready", "db");
    const container = rec.get(CONTAINER, "db-container");
    assert.deepEqual(withoutProvider(ready.inputs), {
      containerId: "db-container-id",
      processes: ["postgres"],
      ports: [5432],
      logPattern: "ready to accept",
      retryInterval: 2,
      timeout: 90,
      stopTimeout: 30,
      stopRetryInterval: 3,
    });
    assert.deepEqual(ready.dependencies, [container.urn], "deleted before the container");
    assert.equal(out["ready"], true);
  });

  test("empty waits (Cloudify's processes_to_wait_for: []) create no readiness resource", async () => {
    const c = new DockerContainer("idle", {
      image: { repository: "nginx", tag: "1.27" },
      start: { processesToWaitFor: [], waitForPorts: [], waitForLog: "", retryInterval: 2 },
    });
    assert.equal(await value(c.ready), true);
    await rec.settle();
    assert.deepEqual(rec.summary(), [`${COMPONENT} idle`, `${CONTAINER} idle-container`, `${REMOTE_IMAGE} idle-image`]);
  });

  test("the serialized provider of a dynamic resource refers to Berth by package name only", async () => {
    new DockerContainer("w", { image: { repository: "nginx", tag: "1.27" }, start: { processesToWaitFor: ["nginx"] } });
    await rec.settle();
    const provider = String(rec.get(READY, "w-ready").inputs["__provider"]);
    assert.match(provider, /require\("berth\/dynamic"\)\.provider\(kind, ?protocol\)/);
    assert.ok(!provider.includes(process.cwd()), "no path of this machine");
    assert.ok(!/[A-Za-z]:\\|\/(work|home|tmp|root|Users)\//.test(provider), "no absolute path at all");
  });

  test("host: a docker.Provider -engine for the docker children, the same host for the dynamic ones, key secret", async () => {
    const c = new DockerContainer("remote", {
      image: { src: "/srv/app.tar" },
      host: { url: "tcp://10.0.0.5:2376", caMaterial: "CA", certMaterial: "CERT", keyMaterial: "KEY" },
      start: { processesToWaitFor: ["app"] },
    });
    await outputsOf(c);
    await rec.settle();
    assert.deepEqual(rec.summary(), [
      `${COMPONENT} remote`,
      `${CONTAINER} remote-container`,
      `${IMPORT} remote-image`,
      `${READY} remote-ready`,
      `${PROVIDER} remote-engine`,
    ]);
    const provider = child(PROVIDER, "remote-engine", "remote");
    assert.deepEqual(provider.inputs, { host: "tcp://10.0.0.5:2376", caMaterial: "CA", certMaterial: "CERT", keyMaterial: "KEY" });
    assert.ok(provider.secretPaths.includes("keyMaterial"), provider.secretPaths.join());
    const container = rec.get(CONTAINER, "remote-container");
    assert.equal(container.provider, `${provider.urn}::remote-engine-id`);
    const host = { url: "tcp://10.0.0.5:2376", caMaterial: "CA", certMaterial: "CERT", keyMaterial: "KEY" };
    for (const [type, name] of [[IMPORT, "remote-image"], [READY, "remote-ready"]] as const) {
      const r = rec.get(type, name);
      assert.deepEqual(r.inputs["host"], host);
      assert.deepEqual(r.secretPaths, ["host"]);
      assert.deepEqual(r.options.additionalSecretOutputs, ["host"]);
      assert.equal(r.provider, undefined, "dynamic resources use their own provider");
    }
    assert.equal(rec.get(IMPORT, "remote-image").inputs["repository"], "remote");
  });

  test("a unix socket path as host becomes a unix:// address", async () => {
    const c = new DockerContainer("sock", { image: { repository: "busybox" }, host: { url: "/run/user/1000/docker.sock" } });
    await outputsOf(c);
    await rec.settle();
    assert.deepEqual(child(PROVIDER, "sock-engine", "sock").inputs, { host: "unix:///run/user/1000/docker.sock" });
    assert.deepEqual(rec.get(REMOTE_IMAGE, "sock-image").inputs, { name: "busybox:latest", keepLocally: true });
  });

  test("adoption: only the -adopted resource, retained on delete; outputs from the found container", async () => {
    const c = new DockerContainer("legacy", { name: "legacy-db", useExternalResource: true });
    const out = await outputsOf(c);
    await rec.settle();
    assert.deepEqual(rec.summary(), [`${COMPONENT} legacy`, `${ADOPTED} legacy-adopted`]);
    const adopted = child(ADOPTED, "legacy-adopted", "legacy");
    assert.equal(adopted.options.retainOnDelete, true);
    assert.equal(withoutProvider(adopted.inputs)["name"], "legacy-db");
    assert.deepEqual(out, {
      containerId: "adopted-id",
      imageId: "sha256:theirs",
      containerName: "legacy-db",
      ipAddress: "172.17.0.4",
      ports: [{ internal: 80, external: 8080, ip: "0.0.0.0", protocol: "tcp" }],
      networkSettings: [{ networkName: "bridge", ipAddress: "172.17.0.4", ipPrefixLength: 16, gateway: "172.17.0.1", macAddress: "02:42:ac:11:00:04" }],
      ready: true,
    });
  });
});

describe("DockerContainer argument checks", () => {
  /** Constructs the component, expects an ArgsError, and checks that nothing but the component was registered. */
  async function rejects(name: string, args: DockerContainerArgs, expected: [string, RegExp][]): Promise<void> {
    let error: unknown;
    try {
      new DockerContainer(name, args);
    } catch (err) {
      error = err;
    }
    await rec.settle();
    assert.ok(error instanceof ArgsError, `expected an ArgsError, got ${String(error)}`);
    assert.deepEqual(
      error.problems.map((p) => p.where),
      expected.map(([where]) => where),
      error.message,
    );
    expected.forEach(([, message], i) => {
      assert.match(error.problems[i]!.message, message);
    });
    assert.match(error.message, new RegExp(`^berth:index:DockerContainer "${name}" has ${expected.length === 1 ? "1 problem" : `${expected.length} problems`}`));
    assert.deepEqual(rec.summary(), [`${COMPONENT} ${name}`], "no child registered");
  }

  test("no image at all", () => rejects("a", {}, [["image", /is required: give image.repository .* or image.src/]]));
  test("an image with neither src nor repository", () =>
    rejects("b", { image: { tag: "1" } }, [["image", /is required/]]));
  test("adopting without a name, and with settings that would be ignored", () =>
    rejects("c", { useExternalResource: true, image: { repository: "x" }, ports: [{ internal: 80 }], start: { processesToWaitFor: ["x"] } }, [
      ["name", /set name/],
      ["image", /not used with useExternalResource/],
      ["ports", /not used with useExternalResource/],
      ["start", /not used with useExternalResource/],
    ]));
  test("a job with readiness waits or a restart policy", () =>
    rejects(
      "j",
      { image: { repository: "x" }, runToCompletion: true, restart: "always", start: { processesToWaitFor: ["x"], waitForHealthy: true } },
      [
        ["start.processesToWaitFor", /cannot be used with runToCompletion/],
        ["start.waitForHealthy", /cannot be used with runToCompletion/],
        ["restart", /must be "no" with runToCompletion/],
      ],
    ));
  test("negative and zero intervals and timeouts, bad waits", () =>
    rejects(
      "d",
      {
        image: { repository: "x" },
        start: { retryInterval: -1, timeout: 0, processesToWaitFor: [""], waitForPorts: [0, 70000], waitForLog: "(" },
        stop: { retryInterval: 0 },
      },
      [
        ["start.retryInterval", /positive number of seconds, not -1/],
        ["start.timeout", /positive number of seconds, not 0/],
        ["stop.retryInterval", /positive number of seconds, not 0/],
        ["start.processesToWaitFor[0]", /non-empty process name/],
        ["start.waitForPorts[0]", /1-65535, not 0/],
        ["start.waitForPorts[1]", /1-65535, not 70000/],
        ["start.waitForLog", /not a valid regular expression/],
      ],
    ));
  test("bad typed port specs and restart policy", () =>
    rejects(
      "e",
      { image: { repository: "x" }, ports: [{ internal: 0 }, { internal: 80, external: 65536, protocol: "http", ip: "localhost" }], restart: "sometimes" },
      [
        ["ports[0].internal", /1-65535, not 0/],
        ["ports[1].external", /1-65535 \(or unset for a free port\), not 65536/],
        ["ports[1].protocol", /one of tcp, udp, sctp, not "http"/],
        ["ports[1].ip", /host IP address/],
        ["restart", /one of no, on-failure, always, unless-stopped/],
      ],
    ));
  test("unknown and unsupported params, prefixed with their operation", () =>
    rejects("f", { image: { repository: "x" }, create: { params: { bogus: 1, links: ["db:db"] } } }, [
      ["create.params.bogus", /not a docker-py create_container argument/],
      ["create.params.links", /no equivalent/],
    ]));
  test("typed args that the params also set", () =>
    rejects("g", { image: { repository: "x" }, ports: [{ internal: 80 }], create: { params: { environment: { A: "1" } } }, start: { params: { port_bindings: { 80: 8080 } } }, env: { B: "2" } }, [
      ["ports", /also set by the docker-py params \(Container argument `ports`\)/],
      ["env", /also set by the docker-py params \(Container argument `envs`\)/],
    ]));
  test("a bad engine address", () =>
    rejects("h", { image: { repository: "x" }, host: { url: "http://docker:2375", sshOpts: ["-A"] } }, [
      ["host.url", /not a supported engine address/],
    ]));
});
