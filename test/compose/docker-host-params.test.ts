import assert from "node:assert/strict";
import { test } from "node:test";
import { COVERAGE } from "../../src/compose/coverage";
import { DOCKER_HOST_PARAMS } from "../../src/compose/docker-host-params";
import { dockerPlan } from "../../src/compose/targets/docker";
import { loadCompose } from "../../src/compose/load";
import { DOCKER_PY_PARAMS } from "../../src/docker-py/params-table";
import { mapDockerPyParams } from "../../src/docker-py/params";
import { memoryFiles } from "./fixtures";

/** One service on one host, setting one key; what its docker-py param (the key) and Container argument must be. */
const CASES: Record<string, { yaml: string; param: unknown; container: Record<string, unknown> }> = {
  working_dir: { yaml: "working_dir: /srv", param: "/srv", container: { workingDir: "/srv" } },
  user: { yaml: "user: '1000:1000'", param: "1000:1000", container: { user: "1000:1000" } },
  hostname: { yaml: "hostname: web1", param: "web1", container: { hostname: "web1" } },
  stop_signal: { yaml: "stop_signal: SIGQUIT", param: "SIGQUIT", container: { stopSignal: "SIGQUIT" } },
  stop_timeout: { yaml: "stop_grace_period: 1m30s", param: 90, container: { stopTimeout: 90 } },
  read_only: { yaml: "read_only: true", param: true, container: { readOnly: true } },
  init: { yaml: "init: true", param: true, container: { init: true } },
  cap_add: { yaml: "cap_add: [NET_ADMIN]", param: ["NET_ADMIN"], container: { capabilities: { adds: ["NET_ADMIN"] } } },
  cap_drop: { yaml: "cap_drop: [ALL]", param: ["ALL"], container: { capabilities: { drops: ["ALL"] } } },
  extra_hosts: {
    yaml: "extra_hosts: ['db.internal:10.0.0.5']",
    param: { "db.internal": "10.0.0.5" },
    container: { hosts: [{ host: "db.internal", ip: "10.0.0.5" }] },
  },
  dns: { yaml: "dns: [192.0.2.53]", param: ["192.0.2.53"], container: { dns: ["192.0.2.53"] } },
  dns_search: { yaml: "dns_search: [corp.example]", param: ["corp.example"], container: { dnsSearches: ["corp.example"] } },
  dns_opt: { yaml: "dns_opt: [ndots:2]", param: ["ndots:2"], container: { dnsOpts: ["ndots:2"] } },
  sysctls: { yaml: "sysctls: { net.core.somaxconn: '1024' }", param: { "net.core.somaxconn": "1024" }, container: { sysctls: { "net.core.somaxconn": "1024" } } },
  group_add: { yaml: "group_add: [audio]", param: ["audio"], container: { groupAdds: ["audio"] } },
  log_config: {
    yaml: "logging: { driver: json-file, options: { max-size: 10m } }",
    param: { type: "json-file", config: { "max-size": "10m" } },
    container: { logDriver: "json-file", logOpts: { "max-size": "10m" } },
  },
  domainname: { yaml: "domainname: corp.example", param: "corp.example", container: { domainname: "corp.example" } },
  privileged: { yaml: "privileged: true", param: true, container: { privileged: true } },
  devices: { yaml: "devices: ['/dev/ttyUSB0']", param: ["/dev/ttyUSB0:/dev/ttyUSB0:rwm"], container: { devices: [{ hostPath: "/dev/ttyUSB0", containerPath: "/dev/ttyUSB0", permissions: "rwm" }] } },
  device_cgroup_rules: { yaml: "device_cgroup_rules: ['c 1:3 mr']", param: ["c 1:3 mr"], container: { deviceCgroupRules: ["c 1:3 mr"] } },
  mem_limit: { yaml: "mem_limit: 512m", param: 512 * 1024 ** 2, container: { memory: 512 } },
  memswap_limit: { yaml: "memswap_limit: -1", param: -1, container: { memorySwap: -1 } },
  mem_reservation: { yaml: "mem_reservation: 256m", param: 256 * 1024 ** 2, container: { memoryReservation: 256 } },
  shm_size: { yaml: "shm_size: 64m", param: 64 * 1024 ** 2, container: { shmSize: 64 } },
  nano_cpus: { yaml: "cpus: 1.5", param: 1_500_000_000, container: { cpus: "1.5" } },
  cpu_shares: { yaml: "cpu_shares: 512", param: 512, container: { cpuShares: 512 } },
  cpu_period: { yaml: "cpu_period: 100000", param: 100000, container: { cpuPeriod: 100000 } },
  cpu_quota: { yaml: "cpu_quota: 50000", param: 50000, container: { cpuQuota: 50000 } },
  cpuset_cpus: { yaml: "cpuset: '0-1'", param: "0-1", container: { cpuSet: "0-1" } },
  ulimits: {
    yaml: "ulimits: { nproc: 65535, nofile: { soft: 20000, hard: 40000 } }",
    param: [{ name: "nproc", soft: 65535, hard: 65535 }, { name: "nofile", soft: 20000, hard: 40000 }],
    container: { ulimits: [{ name: "nproc", soft: 65535, hard: 65535 }, { name: "nofile", soft: 20000, hard: 40000 }] },
  },
  pid_mode: { yaml: "pid: host", param: "host", container: { pidMode: "host" } },
  ipc_mode: { yaml: "ipc: shareable", param: "shareable", container: { ipcMode: "shareable" } },
  security_opt: { yaml: "security_opt: ['no-new-privileges:true']", param: ["no-new-privileges:true"], container: { securityOpts: ["no-new-privileges:true"] } },
  cgroup_parent: { yaml: "cgroup_parent: /berth", param: "/berth", container: { cgroupParent: "/berth" } },
  cgroupns: { yaml: "cgroup: private", param: "private", container: { cgroupnsMode: "private" } },
  storage_opt: { yaml: "storage_opt: { size: 1G }", param: { size: "1G" }, container: { storageOpts: { size: "1G" } } },
  network_mode: { yaml: "network_mode: host", param: "host", container: { networkMode: "host" } },
  runtime: { yaml: "runtime: runc", param: "runc", container: { runtime: "runc" } },
  tty: { yaml: "tty: true", param: true, container: { tty: true } },
  stdin_open: { yaml: "stdin_open: true", param: true, container: { stdinOpen: true } },
  userns_mode: { yaml: "userns_mode: host", param: "host", container: { usernsMode: "host" } },
  volumes_from: { yaml: "volumes_from: ['container:data-box:ro']", param: ["data-box:ro"], container: { volumes: [{ fromContainer: "data-box", readOnly: true }] } },
  platform: { yaml: "platform: linux/amd64", param: "linux/amd64", container: { platform: "linux/amd64" } },
  device_requests: { yaml: "gpus: all", param: [{ Capabilities: [["gpu"]], Count: -1 }], container: { deviceRequests: [{ capabilities: ["gpu"], count: -1 }] } },
  device_read_bps: { yaml: "blkio_config: { device_read_bps: [{ path: /dev/sda, rate: 1m }] }", param: [{ Path: "/dev/sda", Rate: 1048576 }], container: { deviceReadBps: [{ path: "/dev/sda", rate: 1048576 }] } },
  device_write_bps: { yaml: "blkio_config: { device_write_bps: [{ path: /dev/sda, rate: 2048 }] }", param: [{ Path: "/dev/sda", Rate: 2048 }], container: { deviceWriteBps: [{ path: "/dev/sda", rate: 2048 }] } },
  device_read_iops: { yaml: "blkio_config: { device_read_iops: [{ path: /dev/sda, rate: 100 }] }", param: [{ Path: "/dev/sda", Rate: 100 }], container: { deviceReadIops: [{ path: "/dev/sda", rate: 100 }] } },
  device_write_iops: { yaml: "blkio_config: { device_write_iops: [{ path: /dev/sda, rate: 50 }] }", param: [{ Path: "/dev/sda", Rate: 50 }], container: { deviceWriteIops: [{ path: "/dev/sda", rate: 50 }] } },
};

test("every host param row has a case, is supported on one host in the coverage table, and is a docker-py param Berth maps", () => {
  assert.deepEqual(Object.keys(CASES).sort(), DOCKER_HOST_PARAMS.map((r) => r.dockerPy).sort());
  const dockerPy = new Set(DOCKER_PY_PARAMS.map((r) => r.key));
  for (const row of DOCKER_HOST_PARAMS) {
    assert.equal(COVERAGE.docker[row.compose]?.support, "mapped", row.compose);
    assert.ok(dockerPy.has(row.dockerPy), `${row.dockerPy} is in the docker-py params table`);
  }
});

for (const row of DOCKER_HOST_PARAMS) {
  const c = CASES[row.dockerPy]!;
  test(`${row.compose} on one host: the docker-py param ${row.dockerPy}, mapped onto the Container without a problem`, () => {
    const text = `services:\n  web:\n    image: nginx:1.27\n    ${c.yaml}\n`;
    const loaded = loadCompose(text, { target: "docker", fileName: "/p/compose.yaml", env: {}, reader: memoryFiles() });
    assert.deepEqual(loaded.diagnostics, []);
    const plan = dockerPlan(loaded.model!, "p");
    const params = plan.services[0]!.params;
    assert.deepEqual(params[row.dockerPy], c.param);
    const mapped = mapDockerPyParams({ create: params });
    assert.deepEqual(mapped.problems, []);
    for (const [k, v] of Object.entries(c.container)) assert.deepEqual((mapped.container as Record<string, unknown>)[k], v, k);
  });
}
