/**
 * The neutral model of a Compose file: what the file means, with no Pulumi or provider types in it.
 * Loaded by `loadCompose` (load.ts); mapped onto Swarm services (src/compose/targets/swarm.ts) or containers on one
 * host (src/docker/compose-project.ts).
 */

/** A published port. */
export interface ComposePort {
  /** The port inside the container. */
  target: number;
  /** The port on the host or the swarm's routing mesh; undefined lets the engine choose. */
  published?: number;
  /** `tcp`, `udp` or `sctp`. */
  protocol: string;
  /** `ingress` (the routing mesh) or `host`; undefined is the engine's default (ingress). */
  mode?: string;
  /** The host address to bind (one host only; Swarm has no such setting). */
  hostIp?: string;
  /** A name for the port (long syntax). */
  name?: string;
}

/** A volume, bind or tmpfs mount. */
export interface ComposeMount {
  type: "volume" | "bind" | "tmpfs";
  /** The volume name (a key of the top-level `volumes`) or the absolute host path; undefined for anonymous. */
  source?: string;
  /** The path inside the container. */
  target: string;
  readOnly: boolean;
  /** Bind propagation (`rprivate`, `shared`, ...). */
  propagation?: string;
  /** Do not copy the image's data into a new volume. */
  noCopy?: boolean;
  /** tmpfs size in bytes. */
  tmpfsSize?: number;
  /** tmpfs file mode. */
  tmpfsMode?: number;
  /** SELinux relabelling of a bind mount: `z` (shared) or `Z` (private). */
  selinux?: "z" | "Z";
}

/** A service's attachment to a network. */
export interface ComposeServiceNetwork {
  /** The network's key in the top-level `networks`. */
  name: string;
  aliases: string[];
  /** A static IPv4 address (one host). */
  ipv4Address?: string;
  /** A static IPv6 address (one host). */
  ipv6Address?: string;
  /** Link-local addresses (one host). */
  linkLocalIps?: string[];
  /** The MAC address on this network (one host). */
  macAddress?: string;
  /** Endpoint driver options (one host). */
  driverOpts?: Record<string, string>;
  /** The gateway priority (one host). */
  gwPriority?: number;
}

/** A service's reference to a config or secret. */
export interface ComposeFileRef {
  /** The key in the top-level `configs`/`secrets`. */
  source: string;
  /**
   * The file name in the container: an absolute path, or a relative name that the engine puts under `/` (configs)
   * or `/run/secrets` (secrets). Defaults to the source's key, as `docker stack deploy` does.
   */
  target: string;
  uid: string;
  gid: string;
  /** The file mode, e.g. 0o444. */
  mode: number;
}

/** A healthcheck. Durations in nanoseconds. */
export interface ComposeHealthcheck {
  /** `["CMD", ...]`, `["CMD-SHELL", "..."]` or `["NONE"]` (disabled). */
  test?: string[];
  interval?: number;
  timeout?: number;
  retries?: number;
  startPeriod?: number;
}

/** `deploy.update_config` / `deploy.rollback_config`. Durations in nanoseconds. */
export interface ComposeUpdateConfig {
  parallelism?: number;
  delay?: number;
  failureAction?: string;
  monitor?: number;
  maxFailureRatio?: number;
  order?: string;
}

/** CPU (nano-CPUs) and memory (bytes). */
export interface ComposeResources {
  nanoCpus?: number;
  memoryBytes?: number;
}

/** `deploy`. */
export interface ComposeDeploy {
  /** `replicated` or `global`. */
  mode: string;
  replicas?: number;
  limits?: ComposeResources;
  reservations?: ComposeResources;
  restartPolicy?: { condition?: string; delay?: number; maxAttempts?: number; window?: number };
  updateConfig?: ComposeUpdateConfig;
  rollbackConfig?: ComposeUpdateConfig;
  constraints: string[];
  /** Placement preferences as `spread` descriptors. */
  preferences: string[];
  maxReplicasPerNode?: number;
  /** Service labels (`deploy.labels`). */
  labels: Record<string, string>;
  /** `vip` or `dnsrr`. */
  endpointMode?: string;
  /** Device reservations (`resources.reservations.devices`, one host). */
  deviceRequests?: ComposeDeviceRequest[];
}

/** A `depends_on` entry. */
export interface ComposeDependency {
  service: string;
  /** `service_started`, `service_healthy` or `service_completed_successfully`. */
  condition: string;
  required: boolean;
}

/** One service. */
export interface ComposeService {
  name: string;
  /** The image to run; with `build`, the name the built image is tagged with. Undefined only with `build`. */
  image?: string;
  /** How the image is built. */
  build?: ComposeBuild;
  /** Containers to run (`scale`, `deploy.replicas`) on one host. @default 1 */
  scale?: number;
  /** `missing`, `always`, `never`, `build`, `daily`, ... */
  pullPolicy?: string;
  /** The settings of one host (see {@link ComposeHostSettings}). */
  host: ComposeHostSettings;
  /** `command` (argv; a string is split the way a shell splits words). */
  command?: string[];
  entrypoint?: string[];
  /** `env_file` values overlaid with `environment`. */
  environment: Record<string, string>;
  ports: ComposePort[];
  mounts: ComposeMount[];
  networks: ComposeServiceNetwork[];
  deploy: ComposeDeploy;
  healthcheck?: ComposeHealthcheck;
  configs: ComposeFileRef[];
  secrets: ComposeFileRef[];
  /** Container labels (the service-level `labels`). */
  labels: Record<string, string>;
  workingDir?: string;
  user?: string;
  hostname?: string;
  stopSignal?: string;
  /** Nanoseconds. */
  stopGracePeriod?: number;
  readOnly?: boolean;
  init?: boolean;
  capAdd: string[];
  capDrop: string[];
  extraHosts: { host: string; ip: string }[];
  dns: string[];
  dnsSearch: string[];
  dnsOptions: string[];
  sysctls: Record<string, string>;
  groups: string[];
  logging?: { driver: string; options: Record<string, string> };
  restart?: string;
  containerName?: string;
  dependsOn: ComposeDependency[];
}

/** A top-level network. */
export interface ComposeNetwork {
  key: string;
  /** The engine name when `external` or `name` is set. */
  name?: string;
  external: boolean;
  driver?: string;
  driverOpts: Record<string, string>;
  attachable?: boolean;
  internal?: boolean;
  labels: Record<string, string>;
  /** IP address management (one host). */
  ipam?: { driver?: string; config: { subnet?: string; ipRange?: string; gateway?: string; auxAddresses?: Record<string, string> }[]; options: Record<string, string> };
  /** Enable IPv6 (one host). */
  enableIpv6?: boolean;
}

/** A top-level volume. */
export interface ComposeVolume {
  key: string;
  name?: string;
  external: boolean;
  driver?: string;
  driverOpts: Record<string, string>;
  labels: Record<string, string>;
}

/** A top-level config or secret: its content comes from a file, inline `content` or an environment variable. */
export interface ComposeFileObject {
  key: string;
  name?: string;
  /** The content, read and resolved at load time. */
  content: string;
  /** The file it was read from (absolute), when it comes from a file. */
  file?: string;
  /** The environment variable it comes from, when it does. */
  environment?: string;
  /** Where the content came from, for messages (`file ./nginx.conf`, `environment TOKEN`, `content`). */
  origin: string;
  labels: Record<string, string>;
}

/** A ulimit: both limits (a single number in the file sets both). */
export interface ComposeUlimit {
  name: string;
  soft: number;
  hard: number;
}

/** A build secret: a top-level secret the build may mount (`RUN --mount=type=secret,id=...`). */
export interface ComposeBuildSecret {
  id: string;
  /** The secret's file (absolute), when it comes from a file. */
  file?: string;
  /** The environment variable it comes from, when it does. */
  environment?: string;
}

/** `build`: how the service's image is built. Paths are absolute. */
export interface ComposeBuild {
  /** The context folder (absolute, inside the project root). */
  context: string;
  /** The Dockerfile, relative to the context. */
  dockerfile: string;
  args: Record<string, string>;
  target?: string;
  labels: Record<string, string>;
  cacheFrom: string[];
  cacheTo: string[];
  noCache?: boolean;
  /** Named additional contexts: name → folder (absolute) or URL. */
  additionalContexts: Record<string, string>;
  /** The network of RUN steps. */
  network?: string;
  provenance?: string;
  sbom?: string;
  /** Pull newer base images. */
  pull?: boolean;
  /** /dev/shm size in bytes. */
  shmSize?: number;
  extraHosts: { host: string; ip: string }[];
  isolation?: string;
  secrets: ComposeBuildSecret[];
  /** Extra names for the built image. */
  tags: string[];
  ulimits: ComposeUlimit[];
  /** The one platform to build for (`build.platforms`, else the service's `platform`). */
  platform?: string;
}

/** A device of `devices`: host path, container path, cgroup permissions. */
export interface ComposeDevice {
  hostPath: string;
  containerPath: string;
  permissions: string;
}

/** A GPU or other device request (`gpus`, `deploy.resources.reservations.devices`). */
export interface ComposeDeviceRequest {
  driver?: string;
  /** -1 for all. */
  count?: number;
  deviceIds?: string[];
  capabilities: string[];
  options?: Record<string, string>;
}

/** A block I/O throttle: a device path and a rate (bytes or operations per second). */
export interface ComposeThrottle {
  path: string;
  rate: number;
}

/**
 * The container settings of one host (mapped onto a single Docker host through DockerContainer's docker-py params;
 * a swarm warns them away). Sizes in bytes, CPUs in nano-CPUs.
 */
export interface ComposeHostSettings {
  privileged?: boolean;
  devices: ComposeDevice[];
  deviceCgroupRules: string[];
  memLimit?: number;
  /** -1 for unlimited swap. */
  memswapLimit?: number;
  memReservation?: number;
  shmSize?: number;
  nanoCpus?: number;
  cpuShares?: number;
  cpuPeriod?: number;
  cpuQuota?: number;
  cpuset?: string;
  ulimits: ComposeUlimit[];
  /** `host`, `container:NAME`, or `service:NAME` (a service of the project). */
  pid?: string;
  ipc?: string;
  tmpfs: string[];
  securityOpt: string[];
  cgroupParent?: string;
  /** `host` or `private`. */
  cgroup?: string;
  storageOpt: Record<string, string>;
  /** `bridge`, `host`, `none`, `container:NAME`, `service:NAME` or a network name. */
  networkMode?: string;
  macAddress?: string;
  runtime?: string;
  tty?: boolean;
  stdinOpen?: boolean;
  domainname?: string;
  usernsMode?: string;
  /** `NAME[:ro|rw]` with NAME a service or `container:NAME`. */
  volumesFrom: string[];
  platform?: string;
  deviceRequests: ComposeDeviceRequest[];
  blkio: { readBps: ComposeThrottle[]; writeBps: ComposeThrottle[]; readIops: ComposeThrottle[]; writeIops: ComposeThrottle[] };
}

/** A whole Compose file. */
export interface ComposeModel {
  /** The top-level `name`, if any. */
  name?: string;
  /** Where builds are pushed for a swarm (`x-berth-registry`), `HOST[:PORT][/PREFIX]`. */
  registry?: string;
  services: ComposeService[];
  networks: ComposeNetwork[];
  volumes: ComposeVolume[];
  configs: ComposeFileObject[];
  secrets: ComposeFileObject[];
}
