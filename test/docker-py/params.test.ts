import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, test } from "node:test";
import * as yaml from "js-yaml";
import type { Problem } from "../../src/core/problems";
import { type DockerPyOperationParams, mapDockerPyParams } from "../../src/docker-py/params";
import { type DockerPyContainerValues, DOCKER_PY_PARAMS, type DockerPyParamRow, renderParamsTable } from "../../src/docker-py/params-table";
import { describeValue, isPlainObject } from "../../src/docker-py/units";

/**
 * One case of one row: the value given under the row's key, and what it maps to. Each case runs in every place the
 * row is accepted (each operation's params, and `create.params.host_config` under both spellings).
 */
interface RowCase {
  /** The value under the row's key. */
  value: unknown;
  /** Other params given alongside (e.g. the binding that publishes an exposed port). @default {} */
  with?: DockerPyOperationParams;
  /** The exact Container arguments expected. @default {} */
  container?: DockerPyContainerValues;
  /** The problem expected instead: its path below the key (`""` for the key itself) and message. @default none */
  problem?: { path: string; message: RegExp };
  /** The row has no equivalent: the one problem is the row's own message. @default false */
  unsupported?: boolean;
}

const CASES: Record<string, readonly RowCase[]> = {
  command: [
    { value: "/bin/sleep 30", container: { command: ["/bin/sleep", "30"] } },
    { value: ["sh", "-c", "echo a b"], container: { command: ["sh", "-c", "echo a b"] } },
    { value: "echo 'oops", problem: { path: "", message: /no closing ' quote/ } },
  ],
  entrypoint: [{ value: "/entry.sh --fast", container: { entrypoints: ["/entry.sh", "--fast"] } }],
  environment: [
    { value: { PORT: 8080, HOST: "db", DEBUG: true }, container: { envs: ["PORT=8080", "HOST=db", "DEBUG=True"] } },
    { value: ["A=1"], container: { envs: ["A=1"] } },
    { value: { A: null }, problem: { path: ".A", message: /not null/ } },
  ],
  hostname: [{ value: "web", container: { hostname: "web" } }],
  domainname: [{ value: "example.com", container: { domainname: "example.com" } }],
  user: [
    { value: "www-data", container: { user: "www-data" } },
    { value: 1000, container: { user: "1000" } },
  ],
  working_dir: [{ value: "/app", container: { workingDir: "/app" } }],
  tty: [{ value: true, container: { tty: true } }],
  stdin_open: [
    { value: true, container: { stdinOpen: true } },
    { value: "yes", problem: { path: "", message: /true or false, not "yes"/ } },
  ],
  ports: [
    {
      value: [80, "53/udp"],
      with: { start: { port_bindings: { 80: 8080, "53/udp": 5353 } } },
      container: {
        ports: [
          { internal: 80, external: 8080, protocol: "tcp" },
          { internal: 53, external: 5353, protocol: "udp" },
        ],
      },
    },
    {
      value: [8080],
      with: { start: { publish_all_ports: true } },
      container: { publishAllPorts: true, ports: [{ internal: 8080, protocol: "tcp" }] },
    },
    { value: [80], problem: { path: "", message: /exposes 80\/tcp without publishing it.*port_bindings \(e\.g\. \{80: 80\}\)/ } },
  ],
  volumes: [
    { value: ["/data"], container: { volumes: [{ containerPath: "/data" }] } },
    {
      value: ["/data", "/logs"],
      with: { start: { binds: { "/srv/data": { bind: "/data", mode: "rw" } } } },
      container: { volumes: [{ containerPath: "/logs" }, { hostPath: "/srv/data", containerPath: "/data" }] },
    },
  ],
  labels: [{ value: { tier: "web" }, container: { labels: [{ label: "tier", value: "web" }] } }],
  stop_signal: [{ value: "SIGINT", container: { stopSignal: "SIGINT" } }],
  stop_timeout: [{ value: 20, container: { stopTimeout: 20 } }],
  healthcheck: [
    {
      value: { test: "wget -q -O- localhost", interval: 5000000000, retries: 2 },
      container: { healthcheck: { tests: ["CMD-SHELL", "wget -q -O- localhost"], interval: "5s", retries: 2 } },
    },
  ],
  networking_config: [
    {
      value: { EndpointsConfig: { backend: { Aliases: ["db"] } } },
      container: { networksAdvanced: [{ name: "backend", aliases: ["db"] }] },
    },
  ],
  network_disabled: [
    { value: true, container: { networkMode: "none" } },
    { value: false, container: {} },
  ],
  platform: [{ value: "linux/amd64", container: { platform: "linux/amd64" } }],
  cpuset: [{ value: "0-1", container: { cpuSet: "0-1" } }],
  detach: [
    { value: true, container: {} },
    { value: false, problem: { path: "", message: /always runs the container detached/ } },
  ],
  host_config: [
    {
      value: { PortBindings: { "80/tcp": [{ HostIp: "", HostPort: "8080" }] }, privileged: true, Memory: 268435456 },
      container: { ports: [{ internal: 80, external: 8080, protocol: "tcp" }], privileged: true, memory: 256 },
    },
    { value: "privileged", problem: { path: "", message: /map of host settings.*not "privileged"/ } },
  ],
  mac_address: [{ value: "02:42:ac:11:00:02", unsupported: true }],
  use_config_proxy: [{ value: true, unsupported: true }],
  name: [{ value: "web", unsupported: true }],
  image: [{ value: "busybox", unsupported: true }],
  port_bindings: [
    { value: { 80: 8080 }, container: { ports: [{ internal: 80, external: 8080, protocol: "tcp" }] } },
    {
      value: { 1111: ["127.0.0.1", 4567], "53/udp": null },
      container: {
        ports: [
          { internal: 1111, external: 4567, ip: "127.0.0.1", protocol: "tcp" },
          { internal: 53, protocol: "udp" },
        ],
      },
    },
    { value: { 80: "8080-8090" }, problem: { path: ".80", message: /host port range/ } },
  ],
  publish_all_ports: [{ value: true, container: { publishAllPorts: true } }],
  binds: [
    { value: ["/srv:/data:ro"], container: { volumes: [{ hostPath: "/srv", containerPath: "/data", readOnly: true }] } },
    { value: { dbdata: { bind: "/var/lib/db" } }, container: { volumes: [{ volumeName: "dbdata", containerPath: "/var/lib/db" }] } },
  ],
  volumes_from: [{ value: ["db:ro"], container: { volumes: [{ fromContainer: "db", readOnly: true }] } }],
  mounts: [
    {
      value: [{ Target: "/data", Source: "vol", Type: "volume", ReadOnly: true }],
      container: { mounts: [{ target: "/data", source: "vol", type: "volume", readOnly: true }] },
    },
  ],
  tmpfs: [{ value: ["/run:size=64m"], container: { tmpfs: { "/run": "size=64m" } } }],
  privileged: [{ value: true, container: { privileged: true } }],
  read_only: [{ value: true, container: { readOnly: true } }],
  init: [{ value: true, container: { init: true } }],
  auto_remove: [{ value: true, container: { rm: true } }],
  runtime: [{ value: "runc", container: { runtime: "runc" } }],
  network_mode: [{ value: "host", container: { networkMode: "host" } }],
  dns: [
    { value: ["8.8.8.8", "1.1.1.1"], container: { dns: ["8.8.8.8", "1.1.1.1"] } },
    { value: "8.8.8.8", container: { dns: ["8.8.8.8"] } },
  ],
  dns_search: [{ value: ["example.com"], container: { dnsSearches: ["example.com"] } }],
  dns_opt: [{ value: ["ndots:2"], container: { dnsOpts: ["ndots:2"] } }],
  extra_hosts: [
    { value: { db: "10.0.0.5" }, container: { hosts: [{ host: "db", ip: "10.0.0.5" }] } },
    { value: ["db:10.0.0.5"], container: { hosts: [{ host: "db", ip: "10.0.0.5" }] } },
  ],
  restart_policy: [
    { value: { Name: "on-failure", MaximumRetryCount: 3 }, container: { restart: "on-failure", maxRetryCount: 3 } },
    { value: { Name: "always" }, container: { restart: "always" } },
    { value: { Name: "maybe" }, problem: { path: ".Name", message: /Name "maybe"/ } },
  ],
  cap_add: [{ value: ["NET_ADMIN"], container: { capabilities: { adds: ["NET_ADMIN"] } } }],
  cap_drop: [{ value: ["MKNOD"], container: { capabilities: { drops: ["MKNOD"] } } }],
  devices: [
    { value: ["/dev/fuse"], container: { devices: [{ hostPath: "/dev/fuse", containerPath: "/dev/fuse", permissions: "rwm" }] } },
  ],
  device_cgroup_rules: [{ value: ["c 1:3 mr"], container: { deviceCgroupRules: ["c 1:3 mr"] } }],
  device_requests: [
    {
      value: [{ Driver: "nvidia", Count: -1, Capabilities: [["gpu"]] }],
      container: { deviceRequests: [{ driver: "nvidia", count: -1, capabilities: ["gpu"] }] },
    },
  ],
  device_read_bps: [{ value: [{ Path: "/dev/sda", Rate: 1048576 }], container: { deviceReadBps: [{ path: "/dev/sda", rate: 1048576 }] } }],
  device_write_bps: [{ value: [{ Path: "/dev/sda", Rate: 1048576 }], container: { deviceWriteBps: [{ path: "/dev/sda", rate: 1048576 }] } }],
  device_read_iops: [{ value: [{ Path: "/dev/sda", Rate: 100 }], container: { deviceReadIops: [{ path: "/dev/sda", rate: 100 }] } }],
  device_write_iops: [{ value: [{ Path: "/dev/sda", Rate: 100 }], container: { deviceWriteIops: [{ path: "/dev/sda", rate: 100 }] } }],
  pid_mode: [{ value: "host", container: { pidMode: "host" } }],
  ipc_mode: [{ value: "shareable", container: { ipcMode: "shareable" } }],
  userns_mode: [{ value: "host", container: { usernsMode: "host" } }],
  cgroupns: [{ value: "private", container: { cgroupnsMode: "private" } }],
  cgroup_parent: [{ value: "/berth", container: { cgroupParent: "/berth" } }],
  security_opt: [{ value: ["no-new-privileges"], container: { securityOpts: ["no-new-privileges"] } }],
  group_add: [{ value: ["audio", 44], container: { groupAdds: ["audio", "44"] } }],
  sysctls: [{ value: { "net.core.somaxconn": 1024 }, container: { sysctls: { "net.core.somaxconn": "1024" } } }],
  storage_opt: [{ value: { size: "10G" }, container: { storageOpts: { size: "10G" } } }],
  ulimits: [
    { value: [{ name: "nofile", soft: 1024, hard: 2048 }], container: { ulimits: [{ name: "nofile", soft: 1024, hard: 2048 }] } },
  ],
  log_config: [
    {
      value: { type: "json-file", config: { "max-size": "10m" } },
      container: { logDriver: "json-file", logOpts: { "max-size": "10m" } },
    },
  ],
  mem_limit: [
    { value: "512m", container: { memory: 512 } },
    { value: 1073741824, container: { memory: 1024 } },
    { value: "1000000", problem: { path: "", message: /"1000000", which is not a whole number of megabytes/ } },
    { value: "lots", problem: { path: "", message: /not "lots"/ } },
  ],
  memswap_limit: [
    { value: -1, container: { memorySwap: -1 } },
    { value: "1g", container: { memorySwap: 1024 } },
  ],
  mem_reservation: [{ value: "256m", container: { memoryReservation: 256 } }],
  shm_size: [{ value: "64m", container: { shmSize: 64 } }],
  cpu_shares: [{ value: 512, container: { cpuShares: 512 } }],
  cpu_period: [{ value: 100000, container: { cpuPeriod: 100000 } }],
  cpu_quota: [{ value: 50000, container: { cpuQuota: 50000 } }],
  cpuset_cpus: [{ value: "0-1", container: { cpuSet: "0-1" } }],
  nano_cpus: [{ value: 1500000000, container: { cpus: "1.5" } }],
  links: [{ value: { mongod: "mongod" }, unsupported: true }],
  lxc_conf: [{ value: { "lxc.utsname": "docker" }, unsupported: true }],
  pids_limit: [{ value: 100, unsupported: true }],
  oom_kill_disable: [{ value: true, unsupported: true }],
  oom_score_adj: [{ value: 500, unsupported: true }],
  mem_swappiness: [{ value: 0, unsupported: true }],
  kernel_memory: [{ value: "50m", unsupported: true }],
  blkio_weight: [{ value: 300, unsupported: true }],
  blkio_weight_device: [{ value: [{ Path: "/dev/sda", Weight: 200 }], unsupported: true }],
  cpu_count: [{ value: 2, unsupported: true }],
  cpu_percent: [{ value: 50, unsupported: true }],
  cpuset_mems: [{ value: "0", unsupported: true }],
  cpu_rt_period: [{ value: 1000000, unsupported: true }],
  cpu_rt_runtime: [{ value: 950000, unsupported: true }],
  uts_mode: [{ value: "host", unsupported: true }],
  isolation: [{ value: "hyperv", unsupported: true }],
  volume_driver: [{ value: "flocker", unsupported: true }],
  init_path: [{ value: "/usr/libexec/docker-init", unsupported: true }],
  timeout: [
    { value: 30, container: { destroyGraceSeconds: 30, stopTimeout: 30 } },
    { value: -5, problem: { path: "", message: /at least 0, not -5/ } },
  ],
  v: [
    { value: true, container: { removeVolumes: true } },
    { value: false, container: { removeVolumes: false } },
  ],
  force: [
    { value: true, container: {} },
    { value: false, problem: { path: "", message: /provider always removes with force.*stop\.params\.timeout/ } },
  ],
  link: [
    { value: false, container: {} },
    { value: true, problem: { path: "", message: /legacy link.*remove `link`/ } },
  ],
};

/** Every place a row's key is accepted: `where` of the key, and the params that put `value` there. */
function placesOf(row: DockerPyParamRow, value: unknown): { where: string; params: DockerPyOperationParams }[] {
  const places = row.operations.map((op) => ({ where: `${op}.params.${row.key}`, params: { [op]: { [row.key]: value } } }));
  if (row.inHostConfig) {
    for (const key of [row.key, ...(row.hostConfigKey ? [row.hostConfigKey] : [])]) {
      places.push({ where: `create.params.host_config.${key}`, params: { create: { host_config: { [key]: value } } } });
    }
  }
  return places;
}

/** Params with `extra` added to each operation's map (keys in `extra` are distinct from those in `base`). */
function withExtra(base: DockerPyOperationParams, extra: DockerPyOperationParams | undefined): DockerPyOperationParams {
  if (!extra) return base;
  return {
    create: { ...base.create, ...extra.create },
    start: { ...base.start, ...extra.start },
    stop: { ...base.stop, ...extra.stop },
    delete: { ...base.delete, ...extra.delete },
  };
}

describe("one test per row of the params table, in every place the row is accepted", () => {
  for (const row of DOCKER_PY_PARAMS) {
    for (const c of CASES[row.key] ?? []) {
      for (const place of placesOf(row, c.value)) {
        test(`${place.where} = ${describeValue(c.value)}`, () => {
          const result = mapDockerPyParams(withExtra(place.params, c.with));
          if (c.unsupported) {
            assert.ok(row.unsupported, `row ${row.key} has no unsupported message`);
            assert.deepEqual(result, { container: {}, problems: [{ where: place.where, message: row.unsupported }] });
          } else if (c.problem) {
            assert.deepEqual(result.container, {});
            assert.deepEqual(
              result.problems.map((p) => p.where),
              [place.where + c.problem.path],
            );
            assert.match(result.problems[0]?.message ?? "", c.problem.message);
          } else {
            assert.deepEqual(result, { container: c.container ?? {}, problems: [] });
          }
        });
      }
    }
  }
});

describe("the params table", () => {
  test("every row has at least one test case, and every case belongs to a row", () => {
    const rows = DOCKER_PY_PARAMS.map((r) => r.key);
    assert.deepEqual(
      rows.filter((k) => (CASES[k] ?? []).length === 0),
      [],
      "rows without a case in CASES",
    );
    assert.deepEqual(
      Object.keys(CASES).filter((k) => !rows.includes(k)),
      [],
      "cases for keys that are not rows",
    );
  });

  test("keys and Engine spellings are unique", () => {
    const names = DOCKER_PY_PARAMS.flatMap((r) => [r.key, ...(r.hostConfigKey ? [r.hostConfigKey] : [])]);
    assert.deepEqual(
      names.filter((n, i) => names.indexOf(n) !== i),
      [],
    );
  });

  test("each row either converts or says why it cannot, and its cases only set the row's targets", () => {
    for (const row of DOCKER_PY_PARAMS) {
      if (row.unsupported) {
        assert.equal(row.convert, undefined, row.key);
        assert.deepEqual(row.targets, [], row.key);
        assert.match(row.unsupported, /instead|Remove it|remove it/, `${row.key} must say what to do instead`);
      } else if (row.key !== "host_config") {
        assert.ok(row.convert, `${row.key} has neither a converter nor a reason`);
      }
      if (row.key === "host_config") continue;
      const targets = new Set(row.targets.map((t) => t.split(".")[0]));
      for (const c of CASES[row.key] ?? []) {
        if (c.with) continue; // the other params set their own targets
        for (const k of Object.keys(c.container ?? {})) assert.ok(targets.has(k), `${row.key} case sets ${k}, not among its targets`);
      }
    }
  });

  test("the docker-py 1.x start() arguments are all accepted on start", () => {
    const start = [
      "binds",
      "port_bindings",
      "lxc_conf",
      "publish_all_ports",
      "links",
      "privileged",
      "dns",
      "dns_search",
      "volumes_from",
      "network_mode",
      "restart_policy",
      "cap_add",
      "cap_drop",
      "devices",
      "extra_hosts",
      "read_only",
      "pid_mode",
      "ipc_mode",
      "security_opt",
      "ulimits",
    ];
    for (const key of start) {
      const row = DOCKER_PY_PARAMS.find((r) => r.key === key);
      assert.ok(row?.operations.includes("start") && row.inHostConfig, key);
    }
  });
});

describe("unknown and misplaced keys", () => {
  const cases: [string, DockerPyOperationParams, Problem[]][] = [
    [
      "an unknown key",
      { create: { colour: "blue" } },
      [
        {
          where: "create.params.colour",
          message:
            "is not a docker-py create_container argument that Berth knows, so it cannot be mapped. Check the spelling against the params table in docs/docker-params.md, or remove it.",
        },
      ],
    ],
    [
      "a misspelt key, with a suggestion",
      { start: { portBindings: { 80: 80 } } },
      [
        {
          where: "start.params.portBindings",
          message:
            "is not a docker-py start argument that Berth knows, so it cannot be mapped. Did you mean `port_bindings` (create.params or start.params or create.params.host_config)? Check the spelling against the params table in docs/docker-params.md, or remove it.",
        },
      ],
    ],
    [
      "a container setting on start",
      { start: { command: "sleep 1" } },
      [{ where: "start.params.command", message: "is not accepted in start.params; give it in create.params." }],
    ],
    [
      "a stop argument on delete",
      { delete: { timeout: 5 } },
      [{ where: "delete.params.timeout", message: "is not accepted in delete.params; give it in stop.params." }],
    ],
    [
      "host_config on start",
      { start: { host_config: { privileged: true } } },
      [{ where: "start.params.host_config", message: "is not accepted in start.params; give it in create.params." }],
    ],
    [
      "an Engine spelling outside host_config",
      { start: { PortBindings: { "80/tcp": [{ HostPort: "80" }] } } },
      [
        {
          where: "start.params.PortBindings",
          message: "is the Engine API's HostConfig spelling, accepted inside create.params.host_config only; write `port_bindings` here instead.",
        },
      ],
    ],
    [
      "a container setting inside host_config",
      { create: { host_config: { environment: { A: "1" } } } },
      [{ where: "create.params.host_config.environment", message: "is not accepted in host_config; give it in create.params." }],
    ],
    [
      "an unknown key inside host_config",
      { create: { host_config: { ConsoleSize: [80, 24] } } },
      [
        {
          where: "create.params.host_config.ConsoleSize",
          message:
            "is not a host config setting that Berth knows, so it cannot be mapped. Check the spelling against the params table in docs/docker-params.md, or remove it.",
        },
      ],
    ],
    [
      "Cloudify's start inputs inside params",
      { start: { processes_to_wait_for: ["nginx"], retry_interval: 2 } },
      [
        {
          where: "start.params.processes_to_wait_for",
          message:
            "is an input of the start operation, not a docker-py argument (Cloudify 1.x never ran it from params); set start.processesToWaitFor instead.",
        },
        {
          where: "start.params.retry_interval",
          message: "is an input of the start and stop operations, not a docker-py argument; set start.retryInterval or stop.retryInterval instead.",
        },
      ],
    ],
    [
      "params that are not a map",
      { create: ["ports"] as unknown as Record<string, unknown> },
      [{ where: "create.params", message: 'must be a map of docker-py create_container keyword arguments, not ["ports"].' }],
    ],
  ];
  for (const [name, params, problems] of cases) {
    test(name, () => {
      assert.deepEqual(mapDockerPyParams(params), { container: {}, problems });
    });
  }
});

describe("the same setting in several places", () => {
  test("equal values merge: privileged on create and start, port bindings in both spellings", () => {
    const result = mapDockerPyParams({
      create: { privileged: true, host_config: { PortBindings: { "80/tcp": [{ HostIp: "", HostPort: "8080" }] } } },
      start: { privileged: true, port_bindings: { 80: 8080 } },
    });
    assert.deepEqual(result, {
      container: { privileged: true, ports: [{ internal: 80, external: 8080, protocol: "tcp" }] },
      problems: [],
    });
  });

  test("different values conflict, naming both places", () => {
    const result = mapDockerPyParams({
      create: { privileged: true, host_config: { port_bindings: { 80: 8080 } } },
      start: { privileged: false, port_bindings: { 80: 9090 } },
    });
    assert.deepEqual(result, {
      container: { privileged: true, ports: [{ internal: 80, external: 8080, protocol: "tcp" }] },
      problems: [
        {
          where: "start.params.privileged",
          message: "is false, but create.params.privileged is true; give the setting once, or the same value in both places.",
        },
        {
          where: "start.params.port_bindings",
          message:
            'is {"80":9090}, but create.params.host_config.port_bindings is {"80":8080}; give the setting once, or the same value in both places.',
        },
      ],
    });
  });

  test("the snake and Engine spellings in one host_config conflict too", () => {
    const result = mapDockerPyParams({ create: { host_config: { mem_limit: "512m", Memory: 1073741824 } } });
    assert.deepEqual(result.problems, [
      {
        where: "create.params.host_config.Memory",
        message: 'is 1073741824, but create.params.host_config.mem_limit is "512m"; give the setting once, or the same value in both places.',
      },
    ]);
    assert.deepEqual(result.container, { memory: 512 });
  });

  test("two keys that set one provider argument differently conflict", () => {
    const result = mapDockerPyParams({
      create: { network_disabled: true, stop_timeout: 10 },
      start: { network_mode: "host" },
      stop: { timeout: 30 },
    });
    assert.deepEqual(result, {
      container: { networkMode: "none", stopTimeout: 10, destroyGraceSeconds: 30 },
      problems: [
        {
          where: "start.params.network_mode",
          message: 'sets the provider\'s `networkMode` to "host", but create.params.network_disabled already sets it to "none"; keep one of them.',
        },
        {
          where: "stop.params.timeout",
          message: "sets the provider's `stopTimeout` to 30, but create.params.stop_timeout already sets it to 10; keep one of them.",
        },
      ],
    });
  });

  test("two keys that agree on one provider argument merge", () => {
    const result = mapDockerPyParams({ create: { stop_timeout: 15, cpuset: "0" }, start: { cpuset_cpus: "0" }, stop: { timeout: 15 } });
    assert.deepEqual(result, { container: { stopTimeout: 15, destroyGraceSeconds: 15, cpuSet: "0" }, problems: [] });
  });

  test("keys that share a provider argument combine: capabilities, volumes, ports", () => {
    const result = mapDockerPyParams({
      create: { volumes: ["/data", "/cache"], ports: [80, 443], host_config: { CapAdd: ["NET_ADMIN"] } },
      start: {
        cap_drop: ["MKNOD"],
        binds: ["/srv:/data"],
        volumes_from: ["cfg"],
        port_bindings: { 80: 8080 },
        publish_all_ports: true,
      },
    });
    assert.deepEqual(result, {
      container: {
        capabilities: { adds: ["NET_ADMIN"], drops: ["MKNOD"] },
        volumes: [{ containerPath: "/cache" }, { hostPath: "/srv", containerPath: "/data" }, { fromContainer: "cfg" }],
        ports: [
          { internal: 80, external: 8080, protocol: "tcp" },
          { internal: 443, protocol: "tcp" },
        ],
        publishAllPorts: true,
      },
      problems: [],
    });
  });
});

describe("several problems at once", () => {
  test("every problem is reported, in every operation, with what was valid still mapped", () => {
    const result = mapDockerPyParams({
      create: { mem_limit: "1.5m", ports: [80, "x"], colour: "red", tty: true },
      start: { links: ["db:db"], port_bindings: { 80: 99999, 81: 81 }, binds: ["/a:/b", "/c:/b"] },
      stop: { timeout: "10" },
      delete: { force: false, link: true },
    });
    assert.deepEqual(
      result.problems.map((p) => p.where),
      [
        "create.params.mem_limit",
        "create.params.ports[1]",
        "create.params.colour",
        "start.params.links",
        "start.params.port_bindings.80",
        "start.params.binds[1]",
        "stop.params.timeout",
        "delete.params.force",
        "delete.params.link",
      ],
    );
    assert.match(result.problems[0]?.message ?? "", /"1.5m"/);
    assert.match(result.problems[4]?.message ?? "", /99999/);
    assert.match(result.problems[6]?.message ?? "", /integer, not "10"/);
    assert.deepEqual(result.container, { tty: true });
  });

  test("a null value is docker-py's None and sets nothing", () => {
    assert.deepEqual(mapDockerPyParams({ create: { command: null, links: null, host_config: null }, start: undefined }), {
      container: {},
      problems: [],
    });
  });

  test("empty params map to nothing", () => {
    assert.deepEqual(mapDockerPyParams({}), { container: {}, problems: [] });
    assert.deepEqual(mapDockerPyParams({ create: {}, start: {}, stop: {}, delete: {} }), { container: {}, problems: [] });
  });
});

describe("purity", () => {
  test("the input is not changed and the same input maps to the same output", () => {
    const params: DockerPyOperationParams = {
      create: { ports: [80], host_config: { CapAdd: ["A"] } },
      start: { port_bindings: { 80: [8080, 8081] }, cap_drop: ["B"], binds: { "/h": { bind: "/c", mode: "ro" } } },
    };
    const before = structuredClone(params);
    const first = mapDockerPyParams(params);
    assert.deepEqual(params, before);
    assert.deepEqual(mapDockerPyParams(params), first);
  });
});

describe("real blueprints (read from /work/shared/blueprints when present)", () => {
  const root = "/work/shared/blueprints";

  /** Resolves `get_input` (from the inputs' defaults) and `get_property` (from the template, else its type's default). */
  function resolver(doc: Record<string, unknown>, types: Record<string, unknown>): (v: unknown) => unknown {
    const inputs = isPlainObject(doc.inputs) ? doc.inputs : {};
    const templates = isPlainObject(doc.node_templates) ? doc.node_templates : {};
    const nodeTypes = isPlainObject(types.node_types) ? types.node_types : {};
    const property = (node: string, prop: string): unknown => {
      const t = templates[node];
      if (!isPlainObject(t)) return undefined;
      if (isPlainObject(t.properties) && t.properties[prop] !== undefined) return t.properties[prop];
      const type = typeof t.type === "string" ? nodeTypes[t.type] : undefined;
      const props = isPlainObject(type) && isPlainObject(type.properties) ? type.properties[prop] : undefined;
      return isPlainObject(props) ? props.default : undefined;
    };
    const resolve = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(resolve);
      if (!isPlainObject(v)) return v;
      if (typeof v.get_input === "string") {
        const input = inputs[v.get_input];
        return isPlainObject(input) ? input.default : undefined;
      }
      if (Array.isArray(v.get_property)) return property(String(v.get_property[0]), String(v.get_property[1]));
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolve(x)]));
    };
    return resolve;
  }

  /** The create/start params of one node template, resolved. */
  function paramsOf(file: string, node: string, typesFile?: string): DockerPyOperationParams {
    const doc = yaml.load(fs.readFileSync(file, "utf8"));
    const types = typesFile ? yaml.load(fs.readFileSync(typesFile, "utf8")) : {};
    assert.ok(isPlainObject(doc) && isPlainObject(types));
    const resolve = resolver(doc, types);
    const templates = isPlainObject(doc.node_templates) ? doc.node_templates : {};
    const t = templates[node];
    const lifecycle = isPlainObject(t) && isPlainObject(t.interfaces) ? t.interfaces["cloudify.interfaces.lifecycle"] : undefined;
    const out: DockerPyOperationParams = {};
    for (const op of ["create", "start"] as const) {
      const o = isPlainObject(lifecycle) ? lifecycle[op] : undefined;
      const p = isPlainObject(o) && isPlainObject(o.inputs) ? resolve(o.inputs.params) : undefined;
      if (isPlainObject(p)) out[op] = p;
    }
    return out;
  }

  const pull = path.join(root, "cloudify-cosmo__cloudify-docker-plugin/docker_plugin/tests/blueprint/test_pull-blueprint.yaml");
  test("cloudify-docker-plugin test_pull: exposed ports published by start's port_bindings", (t) => {
    if (!fs.existsSync(pull)) {
      t.skip(`${pull} is absent: this blueprint test did not run`);
      return;
    }
    const node = Object.keys((yaml.load(fs.readFileSync(pull, "utf8")) as { node_templates: object }).node_templates).find(
      (n) => n !== "host",
    );
    assert.ok(node);
    assert.deepEqual(mapDockerPyParams(paramsOf(pull, node)), {
      container: {
        command: ["/bin/sleep", "30"],
        tty: true,
        stdinOpen: true,
        ports: [
          { internal: 3306, external: 3306, protocol: "tcp" },
          { internal: 8080, external: 8080, protocol: "tcp" },
        ],
      },
      problems: [],
    });
  });

  const nodecellar = path.join(root, "codetotti__cloudify-nodecellar-docker-example/simple-blueprint.yaml");
  const nodecellarTypes = path.join(root, "codetotti__cloudify-nodecellar-docker-example/types/nodecellar.yaml");
  test("nodecellar: mongod maps cleanly; the app's start-time links are a problem that says what to do", (t) => {
    if (!fs.existsSync(nodecellar) || !fs.existsSync(nodecellarTypes)) {
      t.skip(`${nodecellar} is absent: this blueprint test did not run`);
      return;
    }
    assert.deepEqual(mapDockerPyParams(paramsOf(nodecellar, "mongod_container", nodecellarTypes)), {
      container: {
        command: ["mongod", "--rest", "--httpinterface", "--smallfiles"],
        tty: true,
        stdinOpen: true,
        ports: [
          { internal: 27017, external: 27017, protocol: "tcp" },
          { internal: 28017, external: 28017, protocol: "tcp" },
        ],
      },
      problems: [],
    });
    const linksRow = DOCKER_PY_PARAMS.find((r) => r.key === "links");
    assert.deepEqual(mapDockerPyParams(paramsOf(nodecellar, "nodecellar_container", nodecellarTypes)), {
      container: {
        command: ["nodejs", "server.js"],
        envs: ["NODECELLAR_PORT=8080", "MONGO_PORT=27017", "MONGO_HOST=mongod"],
        tty: true,
        stdinOpen: true,
        ports: [{ internal: 8080, external: 8080, protocol: "tcp" }],
      },
      problems: [{ where: "start.params.links", message: linksRow?.unsupported }],
    });
  });
});

describe("docs/docker-params.md", () => {
  test("holds exactly the table renderParamsTable() renders", () => {
    const file = path.join(__dirname, "../../docs/docker-params.md");
    const text = fs.readFileSync(file, "utf8");
    const m = /<!-- params-table:start[^\n]*-->\n([\s\S]*?)<!-- params-table:end -->/.exec(text);
    assert.ok(m, "docs/docker-params.md lacks the params-table markers");
    assert.equal(
      m[1],
      renderParamsTable(),
      "docs/docker-params.md is out of date: replace the text between the markers with renderParamsTable()'s output",
    );
  });

  test("renders one line per row, with the header", () => {
    const lines = renderParamsTable().trimEnd().split("\n");
    assert.equal(lines.length, DOCKER_PY_PARAMS.length + 2);
    assert.equal(lines[0], "| docker-py key | operations | @pulumi/docker argument | conversion / notes |");
    assert.equal(
      lines.find((l) => l.startsWith("| `port_bindings` ")),
      "| `port_bindings` | create, start, host_config (also `PortBindings`) | `ports` | One `{internal, external?, ip?, protocol}` per binding. Keys `80`, `\"80/tcp\"`, `\"53/udp\"`; values `8080`, `null` (free host port), `[\"127.0.0.1\", 4567]`, `[\"127.0.0.1\"]`, `[8080, 8081]` (two bindings), or the Engine's `[{HostIp, HostPort}]`. Host port ranges are a problem. |",
    );
    assert.match(lines.find((l) => l.startsWith("| `links` ")) ?? "", /^\| `links` \| create, start, host_config \(also `Links`\) \| — \| \*\*Problem:\*\* `links` has no equivalent: /);
  });
});
