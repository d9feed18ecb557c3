/**
 * The docker-py params table: one row per docker-py keyword argument that a Cloudify blueprint may pass to a
 * container's create, start, stop or delete operation, with the `@pulumi/docker` Container argument(s) it maps to and
 * the converter that gets it there, or, for a key with no equivalent, the reason and what to do instead.
 * {@link mapDockerPyParams} (params.ts) walks this table; docs/docker-params.md is rendered from it.
 */
import {
  type Converted,
  conversionFailed,
  converted,
  type DeviceRequestValue,
  type DeviceValue,
  dockerPyBytesToMb,
  type HealthcheckValue,
  type HostValue,
  type LabelValue,
  type MountValue,
  type NetworkValue,
  nanoCpusToCpus,
  type PortValue,
  parseAnonymousVolumes,
  parseBinds,
  parseDeviceRequests,
  parseDevices,
  parseEnvironment,
  parseExposedPorts,
  parseExtraHosts,
  parseHealthcheck,
  parseLabels,
  parseLogConfig,
  parseMounts,
  parseNetworkingConfig,
  parsePortBindings,
  parseRestartPolicy,
  parseThrottles,
  parseTmpfs,
  parseUlimits,
  parseVolumesFrom,
  type ThrottleValue,
  toArgv,
  toBoolean,
  toCount,
  toInteger,
  toText,
  toTextList,
  toTextMap,
  toTextOrInteger,
  toTextOrIntegerList,
  type UlimitValue,
  type VolumeValue,
} from "./units";

/** A Cloudify container operation whose `params` are docker-py keyword arguments. */
export type DockerPyOperation = "create" | "start" | "stop" | "delete";

/** The four operations, in lifecycle order. */
export const DOCKER_PY_OPERATIONS: readonly DockerPyOperation[] = ["create", "start", "stop", "delete"];

/**
 * The `@pulumi/docker` Container arguments the params map onto, as plain values. Every field has the provider's
 * type without `Input`, so a value of this type is a `Partial<docker.ContainerArgs>` (params.ts checks that).
 */
export interface DockerPyContainerValues {
  /** Linux capabilities to add and drop. */
  capabilities?: { adds?: string[]; drops?: string[] };
  /** Parent cgroup. */
  cgroupParent?: string;
  /** Cgroup namespace mode. */
  cgroupnsMode?: string;
  /** The command (argv). */
  command?: string[];
  /** CFS period in microseconds. */
  cpuPeriod?: number;
  /** CFS quota in microseconds. */
  cpuQuota?: number;
  /** CPUs the container may use, e.g. `0-1`. */
  cpuSet?: string;
  /** Relative CPU weight. */
  cpuShares?: number;
  /** CPUs as a decimal string, e.g. `1.5`. */
  cpus?: string;
  /** Seconds to wait for a stop before the container is removed on destroy. */
  destroyGraceSeconds?: number;
  /** Device cgroup rules. */
  deviceCgroupRules?: string[];
  /** Device read limits (bytes/s). */
  deviceReadBps?: ThrottleValue[];
  /** Device read limits (IO/s). */
  deviceReadIops?: ThrottleValue[];
  /** Device requests (GPUs, CDI). */
  deviceRequests?: DeviceRequestValue[];
  /** Device write limits (bytes/s). */
  deviceWriteBps?: ThrottleValue[];
  /** Device write limits (IO/s). */
  deviceWriteIops?: ThrottleValue[];
  /** Host devices. */
  devices?: DeviceValue[];
  /** DNS servers. */
  dns?: string[];
  /** DNS options. */
  dnsOpts?: string[];
  /** DNS search domains. */
  dnsSearches?: string[];
  /** Domain name. */
  domainname?: string;
  /** The entrypoint (argv). */
  entrypoints?: string[];
  /** Environment as `KEY=VALUE`. */
  envs?: string[];
  /** Extra groups. */
  groupAdds?: string[];
  /** Healthcheck. */
  healthcheck?: HealthcheckValue;
  /** Host name. */
  hostname?: string;
  /** `/etc/hosts` entries. */
  hosts?: HostValue[];
  /** Run an init process. */
  init?: boolean;
  /** IPC mode. */
  ipcMode?: string;
  /** Labels. */
  labels?: LabelValue[];
  /** Log driver. */
  logDriver?: string;
  /** Log driver options. */
  logOpts?: Record<string, string>;
  /** Restart retries for `on-failure`. */
  maxRetryCount?: number;
  /** Memory limit in MB. */
  memory?: number;
  /** Memory reservation in MB. */
  memoryReservation?: number;
  /** Memory plus swap in MB (-1 unlimited). */
  memorySwap?: number;
  /** Mounts. */
  mounts?: MountValue[];
  /** Network mode. */
  networkMode?: string;
  /** Networks to attach to, with endpoint settings. */
  networksAdvanced?: NetworkValue[];
  /** PID mode. */
  pidMode?: string;
  /** Platform, e.g. `linux/amd64`. */
  platform?: string;
  /** Published ports. */
  ports?: PortValue[];
  /** Privileged mode. */
  privileged?: boolean;
  /** Publish every exposed port on a free host port. */
  publishAllPorts?: boolean;
  /** Read-only root filesystem. */
  readOnly?: boolean;
  /** Remove anonymous volumes with the container. */
  removeVolumes?: boolean;
  /** Restart policy name. */
  restart?: string;
  /** Remove the container when it exits. */
  rm?: boolean;
  /** OCI runtime. */
  runtime?: string;
  /** Security options. */
  securityOpts?: string[];
  /** `/dev/shm` size in MB. */
  shmSize?: number;
  /** Keep stdin open. */
  stdinOpen?: boolean;
  /** Stop signal. */
  stopSignal?: string;
  /** Seconds between the stop signal and SIGKILL. */
  stopTimeout?: number;
  /** Storage driver options. */
  storageOpts?: Record<string, string>;
  /** Kernel parameters. */
  sysctls?: Record<string, string>;
  /** Tmpfs mounts: path to options. */
  tmpfs?: Record<string, string>;
  /** Allocate a tty. */
  tty?: boolean;
  /** Ulimits. */
  ulimits?: UlimitValue[];
  /** User. */
  user?: string;
  /** User namespace mode. */
  usernsMode?: string;
  /** Volumes, binds and volumes-from. */
  volumes?: VolumeValue[];
  /** Working directory. */
  workingDir?: string;
}

/** Converts one docker-py value into the Container arguments it sets. */
export type DockerPyParamConverter = (value: unknown) => Converted<DockerPyContainerValues>;

/** One docker-py keyword argument and what it becomes. */
export interface DockerPyParamRow {
  /** The docker-py keyword (snake_case), e.g. `port_bindings`. */
  key: string;
  /** The operations whose `params` accept it. */
  operations: readonly DockerPyOperation[];
  /** Whether `create.params.host_config` accepts it too (under `key`, and under `hostConfigKey` when set). */
  inHostConfig: boolean;
  /** The Engine API's HostConfig spelling accepted inside `host_config`, e.g. `PortBindings`. @default none */
  hostConfigKey?: string;
  /** The provider arguments it sets, e.g. `["restart", "maxRetryCount"]`; empty when none. */
  targets: readonly string[];
  /** The converter; absent for keys with no equivalent and for `host_config` (whose entries are rows themselves). @default none */
  convert?: DockerPyParamConverter;
  /** Conversion and notes for the docs. */
  notes: string;
  /** For a key with no provider equivalent: the problem message, saying why and what to do instead. @default none */
  unsupported?: string;
}

/** A converter that puts one converted value into one Container argument. */
function into<K extends keyof DockerPyContainerValues>(
  target: K,
  convert: (value: unknown) => Converted<NonNullable<DockerPyContainerValues[K]>>,
): DockerPyParamConverter {
  return (value) => {
    const r = convert(value);
    if (!r.ok) return r;
    const out: DockerPyContainerValues = {};
    out[target] = r.value;
    return converted(out);
  };
}

/** A converter for a boolean that only has a meaning one way: `accepted` maps to nothing, the other value is an issue. */
function onlyWhen(accepted: boolean, otherwise: string): DockerPyParamConverter {
  return (value) => {
    const b = toBoolean(value);
    if (!b.ok) return b;
    return b.value === accepted ? converted({}) : conversionFailed(otherwise);
  };
}

/** Host-config keys are accepted on create, on start (docker-py's old start-time host config) and in `host_config`. */
const HOST: readonly DockerPyOperation[] = ["create", "start"];
const CREATE: readonly DockerPyOperation[] = ["create"];

/** The table. Order is the docs' order: container settings, host settings, then stop and delete. */
export const DOCKER_PY_PARAMS: readonly DockerPyParamRow[] = [
  // --- container settings (create_container) ---
  {
    key: "command",
    operations: CREATE,
    inHostConfig: false,
    targets: ["command"],
    convert: into("command", toArgv),
    notes: 'A string is split as a POSIX shell would (Python `shlex.split`, as docker-py does): `"sleep 30"` → `["sleep", "30"]`; a list is taken as is.',
  },
  {
    key: "entrypoint",
    operations: CREATE,
    inHostConfig: false,
    targets: ["entrypoints"],
    convert: into("entrypoints", toArgv),
    notes: "As `command`: a string is split (shlex), a list is taken as is.",
  },
  {
    key: "environment",
    operations: CREATE,
    inHostConfig: false,
    targets: ["envs"],
    convert: into("envs", parseEnvironment),
    notes: 'A map becomes `["KEY=value", ...]` with values written as Python would (`8080`, `True`); a list of `"KEY=value"` is taken as is. A `null` value is a problem.',
  },
  {
    key: "hostname",
    operations: CREATE,
    inHostConfig: false,
    targets: ["hostname"],
    convert: into("hostname", toText),
    notes: "As is.",
  },
  {
    key: "domainname",
    operations: CREATE,
    inHostConfig: false,
    targets: ["domainname"],
    convert: into("domainname", toText),
    notes: "As is.",
  },
  {
    key: "user",
    operations: CREATE,
    inHostConfig: false,
    targets: ["user"],
    convert: into("user", toTextOrInteger),
    notes: "As is; a numeric uid becomes its digits.",
  },
  {
    key: "working_dir",
    operations: CREATE,
    inHostConfig: false,
    targets: ["workingDir"],
    convert: into("workingDir", toText),
    notes: "As is.",
  },
  {
    key: "tty",
    operations: CREATE,
    inHostConfig: false,
    targets: ["tty"],
    convert: into("tty", toBoolean),
    notes: "As is.",
  },
  {
    key: "stdin_open",
    operations: CREATE,
    inHostConfig: false,
    targets: ["stdinOpen"],
    convert: into("stdinOpen", toBoolean),
    notes: "As is.",
  },
  {
    key: "ports",
    operations: CREATE,
    inHostConfig: false,
    targets: ["ports"],
    convert: into("ports", parseExposedPorts),
    notes:
      'Exposed ports (`80`, `"53/udp"`, `[53, "udp"]`). The provider cannot expose without publishing, so each one must be published by a binding (`port_bindings`) or by `publish_all_ports: true` (then it gets a free host port); an exposed port with neither is a problem.',
  },
  {
    key: "volumes",
    operations: CREATE,
    inHostConfig: false,
    targets: ["volumes"],
    convert: into("volumes", parseAnonymousVolumes),
    notes:
      'Container paths that get an anonymous volume: `{containerPath}` each. A path that a bind also targets is the bind (as in Docker). A `"host:ctr"` string is a problem: binds go in `binds`.',
  },
  {
    key: "labels",
    operations: CREATE,
    inHostConfig: false,
    targets: ["labels"],
    convert: into("labels", parseLabels),
    notes: "A map becomes `[{label, value}]`; a list of names gets empty values.",
  },
  {
    key: "stop_signal",
    operations: CREATE,
    inHostConfig: false,
    targets: ["stopSignal"],
    convert: into("stopSignal", toText),
    notes: "As is.",
  },
  {
    key: "stop_timeout",
    operations: CREATE,
    inHostConfig: false,
    targets: ["stopTimeout"],
    convert: into("stopTimeout", toCount),
    notes: "Seconds, as is. Must agree with `stop.params.timeout` when both are given.",
  },
  {
    key: "healthcheck",
    operations: CREATE,
    inHostConfig: false,
    targets: ["healthcheck"],
    convert: into("healthcheck", parseHealthcheck),
    notes:
      'A string `test` becomes `["CMD-SHELL", test]`; `interval`, `timeout`, `start_period`, `start_interval` in nanoseconds become `"10s"`/`"1.5s"`; `retries` as is.',
  },
  {
    key: "networking_config",
    operations: CREATE,
    inHostConfig: false,
    targets: ["networksAdvanced"],
    convert: into("networksAdvanced", parseNetworkingConfig),
    notes:
      "`{EndpointsConfig: {net: {Aliases, IPAMConfig: {IPv4Address, IPv6Address, LinkLocalIPs}, DriverOpts, MacAddress}}}` → one `networksAdvanced` entry per network. Endpoint `Links` are a problem (see `links`).",
  },
  {
    key: "network_disabled",
    operations: CREATE,
    inHostConfig: false,
    targets: ["networkMode"],
    convert: (value) => {
      const b = toBoolean(value);
      if (!b.ok) return b;
      return converted(b.value ? { networkMode: "none" } : {});
    },
    notes: '`true` → `networkMode: "none"` (loopback only, the closest the provider has); `false` is the default and sets nothing.',
  },
  {
    key: "platform",
    operations: CREATE,
    inHostConfig: false,
    targets: ["platform"],
    convert: into("platform", toText),
    notes: "As is.",
  },
  {
    key: "cpuset",
    operations: CREATE,
    inHostConfig: false,
    targets: ["cpuSet"],
    convert: into("cpuSet", toText),
    notes: "docker-py 1.x's name for `cpuset_cpus`; as is.",
  },
  {
    key: "detach",
    operations: CREATE,
    inHostConfig: false,
    targets: [],
    convert: onlyWhen(
      true,
      "is false, but the provider always runs the container detached; remove `detach` (Berth reads the container's logs and state itself).",
    ),
    notes: "`true` is what the provider always does and sets nothing; `false` is a problem.",
  },
  {
    key: "host_config",
    operations: CREATE,
    inHostConfig: false,
    targets: [],
    notes:
      "A nested map of host settings: each entry is a row of this table marked `host_config`, under its docker-py name (`port_bindings`) or the Engine API's (`PortBindings`), and maps as that row says.",
  },
  {
    key: "mac_address",
    operations: CREATE,
    inHostConfig: false,
    targets: [],
    notes: "No equivalent at container level.",
    unsupported:
      "has no container-level equivalent: the provider sets a MAC address per network only. Give it as networking_config.EndpointsConfig.<network>.MacAddress instead.",
  },
  {
    key: "use_config_proxy",
    operations: CREATE,
    inHostConfig: false,
    targets: [],
    notes: "No equivalent.",
    unsupported:
      "has no equivalent: it copies proxy settings from the docker CLI's config.json on the machine running docker-py. Set HTTP_PROXY, HTTPS_PROXY and NO_PROXY in `environment` instead.",
  },
  {
    key: "name",
    operations: CREATE,
    inHostConfig: false,
    targets: [],
    notes: "Not a param: the container's name is the component's `name` argument.",
    unsupported:
      "is not a param: the container's name comes from the component's `name` argument (Cloudify's `name` property). Remove it from params.",
  },
  {
    key: "image",
    operations: CREATE,
    inHostConfig: false,
    targets: [],
    notes: "Not a param: the image is the component's `image` argument.",
    unsupported:
      "is not a param: the image comes from the component's `image` argument (repository/tag or src). Remove it from params.",
  },

  // --- host settings (create_host_config; docker-py 1.x start()) ---
  {
    key: "port_bindings",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "PortBindings",
    targets: ["ports"],
    convert: into("ports", parsePortBindings),
    notes:
      'One `{internal, external?, ip?, protocol}` per binding. Keys `80`, `"80/tcp"`, `"53/udp"`; values `8080`, `null` (free host port), `["127.0.0.1", 4567]`, `["127.0.0.1"]`, `[8080, 8081]` (two bindings), or the Engine\'s `[{HostIp, HostPort}]`. Host port ranges are a problem.',
  },
  {
    key: "publish_all_ports",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "PublishAllPorts",
    targets: ["publishAllPorts"],
    convert: into("publishAllPorts", toBoolean),
    notes: "As is; also publishes the `ports` exposed on create.",
  },
  {
    key: "binds",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "Binds",
    targets: ["volumes"],
    convert: into("volumes", parseBinds),
    notes:
      'List `["/host:/ctr:ro"]` or map `{"/host": {bind: "/ctr", mode: "ro"}}` (or `ro: true`, or a bare target). A `/` source is `hostPath`, else `volumeName`; `ro` → `readOnly`, `z`/`Z` → `selinuxRelabel`. Propagation modes are a problem (use `mounts`).',
  },
  {
    key: "volumes_from",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "VolumesFrom",
    targets: ["volumes"],
    convert: into("volumes", parseVolumesFrom),
    notes: '`"other"` → `{fromContainer: "other"}`; `"other:ro"` adds `readOnly: true`.',
  },
  {
    key: "mounts",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "Mounts",
    targets: ["mounts"],
    convert: into("mounts", parseMounts),
    notes:
      '`docker.types.Mount` maps (`Target`, `Source`, `Type`, `ReadOnly`, `BindOptions`, `VolumeOptions`, `TmpfsOptions`) → `{target, source, type, readOnly, bindOptions, volumeOptions, tmpfsOptions}`; `"src:/target[:ro]"` strings too.',
  },
  {
    key: "tmpfs",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "Tmpfs",
    targets: ["tmpfs"],
    convert: into("tmpfs", parseTmpfs),
    notes: 'A map `{"/run": "size=64m"}` as is; a list `["/run:size=64m", "/tmp"]` becomes that map.',
  },
  {
    key: "privileged",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "Privileged",
    targets: ["privileged"],
    convert: into("privileged", toBoolean),
    notes: "As is.",
  },
  {
    key: "read_only",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "ReadonlyRootfs",
    targets: ["readOnly"],
    convert: into("readOnly", toBoolean),
    notes: "As is.",
  },
  {
    key: "init",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "Init",
    targets: ["init"],
    convert: into("init", toBoolean),
    notes: "As is.",
  },
  {
    key: "auto_remove",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "AutoRemove",
    targets: ["rm"],
    convert: into("rm", toBoolean),
    notes: "As is.",
  },
  {
    key: "runtime",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "Runtime",
    targets: ["runtime"],
    convert: into("runtime", toText),
    notes: "As is.",
  },
  {
    key: "network_mode",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "NetworkMode",
    targets: ["networkMode"],
    convert: into("networkMode", toText),
    notes: '`bridge`, `host`, `none`, `container:<name>` or a network name, as is.',
  },
  {
    key: "dns",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "Dns",
    targets: ["dns"],
    convert: into("dns", toTextList),
    notes: "A list (or one string) as is.",
  },
  {
    key: "dns_search",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "DnsSearch",
    targets: ["dnsSearches"],
    convert: into("dnsSearches", toTextList),
    notes: "A list (or one string) as is.",
  },
  {
    key: "dns_opt",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "DnsOptions",
    targets: ["dnsOpts"],
    convert: into("dnsOpts", toTextList),
    notes: "A list (or one string) as is.",
  },
  {
    key: "extra_hosts",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "ExtraHosts",
    targets: ["hosts"],
    convert: into("hosts", parseExtraHosts),
    notes: 'A map `{db: "10.0.0.5"}` or a list `["db:10.0.0.5"]` → `[{host, ip}]`.',
  },
  {
    key: "restart_policy",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "RestartPolicy",
    targets: ["restart", "maxRetryCount"],
    convert: parseRestartPolicy,
    notes: '`{Name, MaximumRetryCount}` → `restart: Name` and `maxRetryCount`; an empty Name is `"no"`; retries apply to `on-failure` only.',
  },
  {
    key: "cap_add",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "CapAdd",
    targets: ["capabilities.adds"],
    convert: (value) => {
      const r = toTextList(value);
      return r.ok ? converted({ capabilities: { adds: r.value } }) : r;
    },
    notes: "A list as is.",
  },
  {
    key: "cap_drop",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "CapDrop",
    targets: ["capabilities.drops"],
    convert: (value) => {
      const r = toTextList(value);
      return r.ok ? converted({ capabilities: { drops: r.value } }) : r;
    },
    notes: "A list as is.",
  },
  {
    key: "devices",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "Devices",
    targets: ["devices"],
    convert: into("devices", parseDevices),
    notes:
      '`"/dev/host:/dev/ctr:rwm"` (container path defaults to the host path, permissions to `rwm`, as in docker-py) or the Engine\'s `{PathOnHost, PathInContainer, CgroupPermissions}` → `{hostPath, containerPath, permissions}`.',
  },
  {
    key: "device_cgroup_rules",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "DeviceCgroupRules",
    targets: ["deviceCgroupRules"],
    convert: into("deviceCgroupRules", toTextList),
    notes: "A list as is.",
  },
  {
    key: "device_requests",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "DeviceRequests",
    targets: ["deviceRequests"],
    convert: into("deviceRequests", parseDeviceRequests),
    notes: "`{Driver, Count, DeviceIDs, Capabilities, Options}` → `{driver, count, deviceIds, capabilities, options}`; one capability set only.",
  },
  {
    key: "device_read_bps",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "BlkioDeviceReadBps",
    targets: ["deviceReadBps"],
    convert: into("deviceReadBps", parseThrottles),
    notes: "`[{Path, Rate}]` → `[{path, rate}]`.",
  },
  {
    key: "device_write_bps",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "BlkioDeviceWriteBps",
    targets: ["deviceWriteBps"],
    convert: into("deviceWriteBps", parseThrottles),
    notes: "`[{Path, Rate}]` → `[{path, rate}]`.",
  },
  {
    key: "device_read_iops",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "BlkioDeviceReadIOps",
    targets: ["deviceReadIops"],
    convert: into("deviceReadIops", parseThrottles),
    notes: "`[{Path, Rate}]` → `[{path, rate}]`.",
  },
  {
    key: "device_write_iops",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "BlkioDeviceWriteIOps",
    targets: ["deviceWriteIops"],
    convert: into("deviceWriteIops", parseThrottles),
    notes: "`[{Path, Rate}]` → `[{path, rate}]`.",
  },
  {
    key: "pid_mode",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "PidMode",
    targets: ["pidMode"],
    convert: into("pidMode", toText),
    notes: "As is.",
  },
  {
    key: "ipc_mode",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "IpcMode",
    targets: ["ipcMode"],
    convert: into("ipcMode", toText),
    notes: "As is.",
  },
  {
    key: "userns_mode",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "UsernsMode",
    targets: ["usernsMode"],
    convert: into("usernsMode", toText),
    notes: "As is.",
  },
  {
    key: "cgroupns",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "CgroupnsMode",
    targets: ["cgroupnsMode"],
    convert: into("cgroupnsMode", toText),
    notes: "`private` or `host`, as is.",
  },
  {
    key: "cgroup_parent",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "CgroupParent",
    targets: ["cgroupParent"],
    convert: into("cgroupParent", toText),
    notes: "As is.",
  },
  {
    key: "security_opt",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "SecurityOpt",
    targets: ["securityOpts"],
    convert: into("securityOpts", toTextList),
    notes: "A list as is.",
  },
  {
    key: "group_add",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "GroupAdd",
    targets: ["groupAdds"],
    convert: into("groupAdds", toTextOrIntegerList),
    notes: "A list; numeric gids become their digits.",
  },
  {
    key: "sysctls",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "Sysctls",
    targets: ["sysctls"],
    convert: into("sysctls", toTextMap),
    notes: "A map; numbers become text.",
  },
  {
    key: "storage_opt",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "StorageOpt",
    targets: ["storageOpts"],
    convert: into("storageOpts", toTextMap),
    notes: "A map; numbers become text.",
  },
  {
    key: "ulimits",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "Ulimits",
    targets: ["ulimits"],
    convert: into("ulimits", parseUlimits),
    notes: "`[{name, soft, hard}]` (or `Name`, `Soft`, `Hard`) → `[{name, soft, hard}]`; both limits are required.",
  },
  {
    key: "log_config",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "LogConfig",
    targets: ["logDriver", "logOpts"],
    convert: parseLogConfig,
    notes: "`{type, config}` (or `Type`, `Config`) → `logDriver` and `logOpts` (values as text).",
  },
  {
    key: "mem_limit",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "Memory",
    targets: ["memory"],
    convert: into("memory", (v) => dockerPyBytesToMb(v)),
    notes: 'Bytes or `"512m"`/`"1g"` → MB (`"512m"` → 512). A size that is not a whole MB is a problem, not a rounding.',
  },
  {
    key: "memswap_limit",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "MemorySwap",
    targets: ["memorySwap"],
    convert: into("memorySwap", (v) => dockerPyBytesToMb(v, true)),
    notes: "As `mem_limit`; -1 (unlimited swap) stays -1.",
  },
  {
    key: "mem_reservation",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "MemoryReservation",
    targets: ["memoryReservation"],
    convert: into("memoryReservation", (v) => dockerPyBytesToMb(v)),
    notes: "As `mem_limit`.",
  },
  {
    key: "shm_size",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "ShmSize",
    targets: ["shmSize"],
    convert: into("shmSize", (v) => dockerPyBytesToMb(v)),
    notes: "As `mem_limit`.",
  },
  {
    key: "cpu_shares",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "CpuShares",
    targets: ["cpuShares"],
    convert: into("cpuShares", toCount),
    notes: "As is.",
  },
  {
    key: "cpu_period",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "CpuPeriod",
    targets: ["cpuPeriod"],
    convert: into("cpuPeriod", toCount),
    notes: "Microseconds, as is.",
  },
  {
    key: "cpu_quota",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "CpuQuota",
    targets: ["cpuQuota"],
    convert: into("cpuQuota", (v) => toInteger(v, -1)),
    notes: "Microseconds, as is (-1 for none).",
  },
  {
    key: "cpuset_cpus",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "CpusetCpus",
    targets: ["cpuSet"],
    convert: into("cpuSet", toText),
    notes: '`"0-1"` as is.',
  },
  {
    key: "nano_cpus",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "NanoCpus",
    targets: ["cpus"],
    convert: into("cpus", nanoCpusToCpus),
    notes: 'Units of 1e-9 CPU → a decimal string: `1500000000` → `"1.5"`.',
  },
  {
    key: "links",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "Links",
    targets: [],
    notes: "No equivalent.",
    unsupported:
      "has no equivalent: the provider does not support legacy container links, which Docker deprecates. Put both containers on one user-defined network (the `networks` argument) and reach the other container by its name instead.",
  },
  {
    key: "lxc_conf",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "LxcConf",
    targets: [],
    notes: "No equivalent.",
    unsupported:
      "has no equivalent: LXC options applied to the LXC execution driver only, which Docker removed in 1.10. Remove it; use `cap_add`, `devices` or `sysctls` for what the LXC options did.",
  },
  {
    key: "pids_limit",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "PidsLimit",
    targets: [],
    notes: "No equivalent.",
    unsupported: "has no equivalent: the provider cannot set a container's PIDs limit (HostConfig.PidsLimit). Remove it; bound resource use with `mem_limit` and `nano_cpus` instead.",
  },
  {
    key: "oom_kill_disable",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "OomKillDisable",
    targets: [],
    notes: "No equivalent.",
    unsupported: "has no equivalent: the provider cannot disable the OOM killer (and cgroup v2 engines ignore it). Remove it; size `mem_limit` so the container fits.",
  },
  {
    key: "oom_score_adj",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "OomScoreAdj",
    targets: [],
    notes: "No equivalent.",
    unsupported: "has no equivalent: the provider cannot set the OOM score adjustment. Remove it.",
  },
  {
    key: "mem_swappiness",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "MemorySwappiness",
    targets: [],
    notes: "No equivalent.",
    unsupported: "has no equivalent: the provider cannot set memory swappiness (cgroup v2 engines ignore it too). Remove it; limit swap with `memswap_limit`.",
  },
  {
    key: "kernel_memory",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "KernelMemory",
    targets: [],
    notes: "No equivalent.",
    unsupported: "has no equivalent: the provider has no kernel memory limit, and Docker deprecated it. Remove it; `mem_limit` covers kernel memory on cgroup v2.",
  },
  {
    key: "blkio_weight",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "BlkioWeight",
    targets: [],
    notes: "No equivalent.",
    unsupported: "has no equivalent: the provider has no block I/O weight. Remove it, or cap I/O with `device_read_bps`/`device_write_bps` (and the iops variants).",
  },
  {
    key: "blkio_weight_device",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "BlkioWeightDevice",
    targets: [],
    notes: "No equivalent.",
    unsupported: "has no equivalent: the provider has no per-device block I/O weight. Remove it, or cap I/O with `device_read_bps`/`device_write_bps` (and the iops variants).",
  },
  {
    key: "cpu_count",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "CpuCount",
    targets: [],
    notes: "No equivalent (Windows only).",
    unsupported: "has no equivalent: it is a Windows-only setting the provider does not have. Limit CPUs with `nano_cpus` (or `cpu_quota`/`cpu_period`) instead.",
  },
  {
    key: "cpu_percent",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "CpuPercent",
    targets: [],
    notes: "No equivalent (Windows only).",
    unsupported: "has no equivalent: it is a Windows-only setting the provider does not have. Limit CPUs with `nano_cpus` (or `cpu_quota`/`cpu_period`) instead.",
  },
  {
    key: "cpuset_mems",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "CpusetMems",
    targets: [],
    notes: "No equivalent.",
    unsupported: "has no equivalent: the provider cannot pin memory nodes (NUMA). Remove it; `cpuset_cpus` pins CPUs.",
  },
  {
    key: "cpu_rt_period",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "CpuRealtimePeriod",
    targets: [],
    notes: "No equivalent.",
    unsupported: "has no equivalent: the provider has no real-time CPU scheduling settings. Remove it.",
  },
  {
    key: "cpu_rt_runtime",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "CpuRealtimeRuntime",
    targets: [],
    notes: "No equivalent.",
    unsupported: "has no equivalent: the provider has no real-time CPU scheduling settings. Remove it.",
  },
  {
    key: "uts_mode",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "UTSMode",
    targets: [],
    notes: "No equivalent.",
    unsupported: "has no equivalent: the provider cannot share the host's UTS namespace. Remove it; set the name the container sees with `hostname`.",
  },
  {
    key: "isolation",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "Isolation",
    targets: [],
    notes: "No equivalent (Windows only).",
    unsupported: "has no equivalent: it is a Windows-only isolation setting the provider does not have. Remove it.",
  },
  {
    key: "volume_driver",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "VolumeDriver",
    targets: [],
    notes: "No equivalent.",
    unsupported:
      "has no equivalent: the provider sets a driver per volume, not per container. Create the volume with that driver (a docker.Volume, or a `mounts` entry with VolumeOptions.DriverConfig) and bind it by name instead.",
  },
  {
    key: "init_path",
    operations: HOST,
    inHostConfig: true,
    hostConfigKey: "InitPath",
    targets: [],
    notes: "No equivalent.",
    unsupported: "has no equivalent: the provider cannot choose the init binary. Remove it; `init: true` runs the init the engine is configured with.",
  },

  // --- stop ---
  {
    key: "timeout",
    operations: ["stop"],
    inHostConfig: false,
    targets: ["destroyGraceSeconds", "stopTimeout"],
    convert: (value) => {
      const r = toCount(value);
      return r.ok ? converted({ destroyGraceSeconds: r.value, stopTimeout: r.value }) : r;
    },
    notes: "Seconds between SIGTERM and SIGKILL (docker-py's default is 10) → both `destroyGraceSeconds` (the stop before removal) and `stopTimeout`.",
  },

  // --- delete (remove_container) ---
  {
    key: "v",
    operations: ["delete"],
    inHostConfig: false,
    targets: ["removeVolumes"],
    convert: into("removeVolumes", toBoolean),
    notes: "As is. docker-py's default is `false`, the provider's `true`.",
  },
  {
    key: "force",
    operations: ["delete"],
    inHostConfig: false,
    targets: [],
    convert: onlyWhen(
      true,
      "is false, but the provider always removes with force. A graceful end comes from the stop before removal: set stop.params.timeout, and remove `force`.",
    ),
    notes: "The provider always force-removes: `true` is the same and sets nothing; `false` is a problem.",
  },
  {
    key: "link",
    operations: ["delete"],
    inHostConfig: false,
    targets: [],
    convert: onlyWhen(
      false,
      "is true, which would remove a legacy link instead of the container; the provider has no links (see start.params.links), so remove `link`.",
    ),
    notes: "`false` (the default) sets nothing; `true` (remove a legacy link) is a problem, as `links` is.",
  },
];

/** Cloudify operation inputs that blueprints sometimes put inside `params` by mistake, with where they belong. */
export const MISPLACED_OPERATION_INPUTS: Readonly<Record<string, string>> = {
  processes_to_wait_for:
    "is an input of the start operation, not a docker-py argument (Cloudify 1.x never ran it from params); set start.processesToWaitFor instead.",
  retry_interval: "is an input of the start and stop operations, not a docker-py argument; set start.retryInterval or stop.retryInterval instead.",
  daemon_client: "is Cloudify's Docker client setting, not a docker-py argument; set the component's `host` instead.",
};

/** Escapes a table cell: pipes and line breaks. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

/**
 * Renders the params table as Markdown: docker-py key, operations, `@pulumi/docker` argument, conversion/notes.
 * docs/docker-params.md holds exactly this output (a test keeps them equal).
 */
export function renderParamsTable(): string {
  const lines = [
    "| docker-py key | operations | @pulumi/docker argument | conversion / notes |",
    "|---|---|---|---|",
  ];
  for (const row of DOCKER_PY_PARAMS) {
    const ops: string[] = [...row.operations];
    if (row.inHostConfig) ops.push(row.hostConfigKey ? `host_config (also \`${row.hostConfigKey}\`)` : "host_config");
    const targets = row.targets.length > 0 ? row.targets.map((t) => `\`${t}\``).join(", ") : "—";
    const notes = row.unsupported ? `**Problem:** \`${row.key}\` ${row.unsupported}` : row.notes;
    lines.push(`| \`${row.key}\` | ${cell(ops.join(", "))} | ${cell(targets)} | ${cell(notes)} |`);
  }
  return `${lines.join("\n")}\n`;
}
