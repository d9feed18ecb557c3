/**
 * The neutral model of a Compose file: what the file means, with no Pulumi or provider types in it.
 * Loaded by `loadCompose` (load.ts); mapped onto Swarm services (src/swarm/stack-mapping.ts) or containers on one
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
}

/** A service's attachment to a network. */
export interface ComposeServiceNetwork {
  /** The network's key in the top-level `networks`. */
  name: string;
  aliases: string[];
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
  image: string;
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
  /** Where the content came from, for messages (`file ./nginx.conf`, `environment TOKEN`, `content`). */
  origin: string;
  labels: Record<string, string>;
}

/** A whole Compose file. */
export interface ComposeModel {
  /** The top-level `name`, if any. */
  name?: string;
  services: ComposeService[];
  networks: ComposeNetwork[];
  volumes: ComposeVolume[];
  configs: ComposeFileObject[];
  secrets: ComposeFileObject[];
}
