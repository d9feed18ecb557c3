import type { ComposeService } from "./model";

/**
 * One Compose service setting that a single Docker host honours through DockerContainer's docker-py params: the
 * Compose key (for the coverage table), the docker-py keyword, and how the modelled value becomes the kwarg's value.
 * Settings that name another service (`pid`, `ipc`, `network_mode`, `volumes_from` with `service:NAME`) are given
 * the container name of that service by `containerOf`.
 */
export interface DockerHostParam {
  /** The Compose key, as in the coverage table (`services.*.working_dir`). */
  compose: string;
  /** The docker-py keyword argument (`working_dir`), mapped by DockerContainer's params table. */
  dockerPy: string;
  /** The kwarg's value, or undefined when the service does not set it. */
  value(s: ComposeService, containerOf: (service: string) => string): unknown;
}

const nonEmpty = <T>(list: T[]): T[] | undefined => (list.length > 0 ? list : undefined);
const nonEmptyMap = (map: Record<string, string>): Record<string, string> | undefined =>
  Object.keys(map).length > 0 ? map : undefined;

/** `service:NAME` → `container:<NAME's container>`; other namespace modes as they are. */
function namespace(mode: string | undefined, containerOf: (service: string) => string): string | undefined {
  if (mode === undefined) return undefined;
  return mode.startsWith("service:") ? `container:${containerOf(mode.slice(8))}` : mode;
}

/** The services a setting names with `service:NAME` (or, in `volumes_from`, a bare service name). */
export function servicesNamedBy(s: ComposeService): string[] {
  const out: string[] = [];
  for (const mode of [s.host.pid, s.host.ipc, s.host.networkMode]) if (mode?.startsWith("service:")) out.push(mode.slice(8));
  for (const v of s.host.volumesFrom) if (!v.startsWith("container:")) out.push(v.replace(/^service:/, "").split(":")[0]!);
  return [...new Set(out)];
}

/** The Compose settings a single host takes as docker-py params, as data: one row each. */
export const DOCKER_HOST_PARAMS: readonly DockerHostParam[] = [
  { compose: "services.*.working_dir", dockerPy: "working_dir", value: (s) => s.workingDir },
  { compose: "services.*.user", dockerPy: "user", value: (s) => s.user },
  { compose: "services.*.hostname", dockerPy: "hostname", value: (s) => s.hostname },
  { compose: "services.*.domainname", dockerPy: "domainname", value: (s) => s.host.domainname },
  { compose: "services.*.stop_signal", dockerPy: "stop_signal", value: (s) => s.stopSignal },
  {
    compose: "services.*.stop_grace_period",
    dockerPy: "stop_timeout",
    // Compose durations are modelled in nanoseconds; the engine's stop timeout is whole seconds (rounded up).
    value: (s) => (s.stopGracePeriod === undefined ? undefined : Math.ceil(s.stopGracePeriod / 1e9)),
  },
  { compose: "services.*.read_only", dockerPy: "read_only", value: (s) => s.readOnly },
  { compose: "services.*.init", dockerPy: "init", value: (s) => s.init },
  { compose: "services.*.cap_add", dockerPy: "cap_add", value: (s) => nonEmpty(s.capAdd) },
  { compose: "services.*.cap_drop", dockerPy: "cap_drop", value: (s) => nonEmpty(s.capDrop) },
  {
    compose: "services.*.extra_hosts",
    dockerPy: "extra_hosts",
    value: (s) => (s.extraHosts.length > 0 ? Object.fromEntries(s.extraHosts.map((h) => [h.host, h.ip])) : undefined),
  },
  { compose: "services.*.dns", dockerPy: "dns", value: (s) => nonEmpty(s.dns) },
  { compose: "services.*.dns_search", dockerPy: "dns_search", value: (s) => nonEmpty(s.dnsSearch) },
  { compose: "services.*.dns_opt", dockerPy: "dns_opt", value: (s) => nonEmpty(s.dnsOptions) },
  { compose: "services.*.sysctls", dockerPy: "sysctls", value: (s) => nonEmptyMap(s.sysctls) },
  { compose: "services.*.group_add", dockerPy: "group_add", value: (s) => nonEmpty(s.groups) },
  {
    compose: "services.*.logging",
    dockerPy: "log_config",
    value: (s) => (s.logging ? { type: s.logging.driver, config: s.logging.options } : undefined),
  },
  { compose: "services.*.privileged", dockerPy: "privileged", value: (s) => s.host.privileged },
  {
    compose: "services.*.devices",
    dockerPy: "devices",
    value: (s) => nonEmpty(s.host.devices.map((d) => `${d.hostPath}:${d.containerPath}:${d.permissions}`)),
  },
  { compose: "services.*.device_cgroup_rules", dockerPy: "device_cgroup_rules", value: (s) => nonEmpty(s.host.deviceCgroupRules) },
  { compose: "services.*.mem_limit", dockerPy: "mem_limit", value: (s) => s.host.memLimit },
  { compose: "services.*.memswap_limit", dockerPy: "memswap_limit", value: (s) => s.host.memswapLimit },
  { compose: "services.*.mem_reservation", dockerPy: "mem_reservation", value: (s) => s.host.memReservation },
  { compose: "services.*.shm_size", dockerPy: "shm_size", value: (s) => s.host.shmSize },
  { compose: "services.*.cpus", dockerPy: "nano_cpus", value: (s) => s.host.nanoCpus },
  { compose: "services.*.cpu_shares", dockerPy: "cpu_shares", value: (s) => s.host.cpuShares },
  { compose: "services.*.cpu_period", dockerPy: "cpu_period", value: (s) => s.host.cpuPeriod },
  { compose: "services.*.cpu_quota", dockerPy: "cpu_quota", value: (s) => s.host.cpuQuota },
  { compose: "services.*.cpuset", dockerPy: "cpuset_cpus", value: (s) => s.host.cpuset },
  { compose: "services.*.ulimits", dockerPy: "ulimits", value: (s) => nonEmpty(s.host.ulimits.map((u) => ({ name: u.name, soft: u.soft, hard: u.hard }))) },
  { compose: "services.*.pid", dockerPy: "pid_mode", value: (s, c) => namespace(s.host.pid, c) },
  { compose: "services.*.ipc", dockerPy: "ipc_mode", value: (s, c) => namespace(s.host.ipc, c) },
  { compose: "services.*.security_opt", dockerPy: "security_opt", value: (s) => nonEmpty(s.host.securityOpt) },
  { compose: "services.*.cgroup_parent", dockerPy: "cgroup_parent", value: (s) => s.host.cgroupParent },
  { compose: "services.*.cgroup", dockerPy: "cgroupns", value: (s) => s.host.cgroup },
  { compose: "services.*.storage_opt", dockerPy: "storage_opt", value: (s) => nonEmptyMap(s.host.storageOpt) },
  { compose: "services.*.network_mode", dockerPy: "network_mode", value: (s, c) => namespace(s.host.networkMode, c) },
  { compose: "services.*.runtime", dockerPy: "runtime", value: (s) => s.host.runtime },
  { compose: "services.*.tty", dockerPy: "tty", value: (s) => s.host.tty },
  { compose: "services.*.stdin_open", dockerPy: "stdin_open", value: (s) => s.host.stdinOpen },
  { compose: "services.*.userns_mode", dockerPy: "userns_mode", value: (s) => s.host.usernsMode },
  {
    compose: "services.*.volumes_from",
    dockerPy: "volumes_from",
    value: (s, c) =>
      nonEmpty(
        s.host.volumesFrom.map((v) => {
          const [name, mode] = v.startsWith("container:") ? [v.slice(10).split(":")[0]!, v.slice(10).split(":")[1]] : [c(v.replace(/^service:/, "").split(":")[0]!), v.replace(/^service:/, "").split(":")[1]];
          return mode === "ro" ? `${name}:ro` : name;
        }),
      ),
  },
  { compose: "services.*.platform", dockerPy: "platform", value: (s) => s.host.platform },
  {
    compose: "services.*.gpus",
    dockerPy: "device_requests",
    value: (s) =>
      nonEmpty(
        s.host.deviceRequests.map((r) => {
          const out: Record<string, unknown> = { Capabilities: [r.capabilities] };
          if (r.driver !== undefined) out["Driver"] = r.driver;
          if (r.count !== undefined) out["Count"] = r.count;
          if (r.deviceIds) out["DeviceIDs"] = r.deviceIds;
          if (r.options) out["Options"] = r.options;
          return out;
        }),
      ),
  },
  ...(["readBps", "writeBps", "readIops", "writeIops"] as const).map(
    (k): DockerHostParam => ({
      compose: "services.*.blkio_config",
      dockerPy: `device_${k.replace(/^(read|write)(Bps|Iops)$/, (_m, d: string, u: string) => `${d}_${u.toLowerCase()}`)}`,
      value: (s) => nonEmpty(s.host.blkio[k].map((t) => ({ Path: t.path, Rate: t.rate }))),
    }),
  ),
];

/** The docker-py params a service's host settings become (only the ones it sets). */
export function dockerHostParams(s: ComposeService, containerOf: (service: string) => string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const row of DOCKER_HOST_PARAMS) {
    const v = row.value(s, containerOf);
    if (v !== undefined) out[row.dockerPy] = v;
  }
  return out;
}
