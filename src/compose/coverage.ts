/**
 * The Compose coverage table: every key of the Compose Specification Berth knows, and what each target does with
 * it. `supported`: mapped onto the target. `warned`: the key has no meaning on the target and is left out with a
 * warning naming it and its file:line (an error under `strict`). `refused`: using it is always an error, because
 * leaving it out would change what the file means.
 */

/** What a target does with a key. */
export type Support = "supported" | "warned" | "refused";

/** One row of the coverage table. */
export interface CoverageRow {
  /** The key's path, with `*` for a user-chosen name (`services.*.deploy.replicas`). */
  key: string;
  /** On a swarm (`SwarmStack`, `berth compose --target swarm`). */
  swarm: Support;
  /** On one Docker host (`ComposeProject`, `berth compose --target docker`). */
  docker: Support;
  /** Why, or how the key is mapped. */
  note: string;
}

const S = "supported";
const W = "warned";
const R = "refused";

function row(key: string, swarm: Support, docker: Support, note: string): CoverageRow {
  return { key, swarm, docker, note };
}

const NOT_ON_HOST = "swarm-only: a plain Docker host has no services, replicas or update orchestration";
const NO_SWARM_SETTING = "a Swarm service spec has no such setting (docker stack deploy ignores it too)";
const HOST_ONLY = "a container setting that a Swarm service spec does not carry";
const NOT_MAPPED = "not mapped by Berth yet";

/** The table, in the order of the README. */
export const COMPOSE_COVERAGE: readonly CoverageRow[] = [
  row("version", W, W, "obsolete in the Compose Specification; ignored"),
  row("name", S, S, "the project name: the default stack/project name"),
  row("include", R, R, "other Compose files are not merged; merge them into one file first"),
  row("models", R, R, "AI models need a model runner, which neither target has"),
  row("x-*", S, S, "extension fields are for the file's own anchors; ignored by design"),
  row("services", S, S, "each service becomes a docker.Service (swarm) or a DockerContainer (docker)"),
  row("services.*.image", S, S, "required: images are never built"),
  row("services.*.build", W, W, "images are not built; the service runs `image`, which must be set"),
  row("services.*.command", S, S, "Swarm: ContainerSpec.Args; docker: the container command"),
  row("services.*.entrypoint", S, S, "Swarm: ContainerSpec.Command; docker: the container entrypoint"),
  row("services.*.environment", S, S, "list or map; a name without a value takes it from the environment"),
  row("services.*.env_file", S, S, "read at load time, relative to the Compose file; `environment` wins"),
  row("services.*.ports", S, S, "short and long syntax; Swarm ignores host_ip (warned when set)"),
  row("services.*.volumes", S, S, "short and long syntax: named volumes, bind mounts, tmpfs"),
  row("services.*.networks", S, S, "list or map with aliases; the service name is always an alias"),
  row("services.*.deploy", S, W, NOT_ON_HOST),
  row("services.*.healthcheck", S, S, "Swarm: ContainerSpec.Healthcheck; docker: the readiness wait of dependants"),
  row("services.*.configs", S, W, "Swarm: docker.ServiceConfig references; a plain host has no configs"),
  row("services.*.secrets", S, W, "Swarm: docker.Secret references; a plain host has no secrets"),
  row("services.*.labels", S, S, "container labels"),
  row("services.*.working_dir", S, S, "Swarm: ContainerSpec.Dir; docker: the docker-py param working_dir"),
  row("services.*.user", S, S, "Swarm: ContainerSpec.User; docker: the docker-py param user"),
  row("services.*.hostname", S, S, "Swarm: ContainerSpec.Hostname; docker: the docker-py param hostname"),
  row("services.*.stop_signal", S, S, "Swarm: ContainerSpec.StopSignal; docker: the docker-py param stop_signal"),
  row("services.*.stop_grace_period", S, S, "Swarm: ContainerSpec.StopGracePeriod; docker: the docker-py param stop_timeout (whole seconds)"),
  row("services.*.read_only", S, S, "Swarm: ContainerSpec.ReadOnly; docker: the docker-py param read_only"),
  row("services.*.init", S, S, "Swarm: ContainerSpec.Init; docker: the docker-py param init"),
  row("services.*.cap_add", S, S, "Swarm: ContainerSpec.CapabilityAdd; docker: the docker-py param cap_add"),
  row("services.*.cap_drop", S, S, "Swarm: ContainerSpec.CapabilityDrop; docker: the docker-py param cap_drop"),
  row("services.*.extra_hosts", S, S, "Swarm: ContainerSpec.Hosts; docker: the docker-py param extra_hosts"),
  row("services.*.dns", S, S, "Swarm: ContainerSpec.DNSConfig.Nameservers; docker: the docker-py param dns"),
  row("services.*.dns_search", S, S, "Swarm: ContainerSpec.DNSConfig.Search; docker: the docker-py param dns_search"),
  row("services.*.dns_opt", S, S, "Swarm: ContainerSpec.DNSConfig.Options; docker: the docker-py param dns_opt"),
  row("services.*.sysctls", S, S, "Swarm: ContainerSpec.Sysctls; docker: the docker-py param sysctls"),
  row("services.*.group_add", S, S, "Swarm: ContainerSpec.Groups; docker: the docker-py param group_add"),
  row("services.*.logging", S, S, "Swarm: TaskTemplate.LogDriver; docker: the docker-py param log_config"),
  row("services.*.container_name", W, S, "Swarm names tasks itself; docker: the container name"),
  row("services.*.depends_on", W, S, "Swarm has no start order; docker: creation order and readiness conditions"),
  row("services.*.restart", W, S, "Swarm uses deploy.restart_policy (docker stack deploy ignores restart too); docker: the container's"),
  row("services.*.expose", W, W, "informational: ports are reachable on the service's networks without it"),
  row("services.*.profiles", W, W, "every service is deployed; profiles are not selected"),
  row("services.*.scale", W, W, "use deploy.replicas (Swarm); one container per service on a host"),
  row("services.*.links", W, W, "legacy; services reach each other by name on a shared network"),
  row("services.*.external_links", W, W, "legacy; attach to the other project's network instead"),
  row("services.*.extends", R, R, "the base service is not merged; inline it"),
  row("services.*.provider", R, R, "the service is delegated to an external provider that Berth does not run"),
  row("services.*.network_mode", W, W, NOT_MAPPED),
  row("services.*.privileged", W, W, `${NO_SWARM_SETTING}; ${NOT_MAPPED} on a host`),
  row("services.*.devices", W, W, `${NO_SWARM_SETTING}; ${NOT_MAPPED} on a host`),
  row("services.*.tmpfs", W, W, "use a `volumes` entry of type tmpfs"),
  row("services.*.tty", W, W, NOT_MAPPED),
  row("services.*.stdin_open", W, W, NOT_MAPPED),
  row("services.*.ulimits", W, W, NOT_MAPPED),
  row("services.*.security_opt", W, W, NO_SWARM_SETTING),
  row("services.*.cgroup_parent", W, W, NO_SWARM_SETTING),
  row("services.*.cgroup", W, W, NO_SWARM_SETTING),
  row("services.*.ipc", W, W, NO_SWARM_SETTING),
  row("services.*.pid", W, W, NO_SWARM_SETTING),
  row("services.*.uts", W, W, NO_SWARM_SETTING),
  row("services.*.userns_mode", W, W, NO_SWARM_SETTING),
  row("services.*.shm_size", W, W, NO_SWARM_SETTING),
  row("services.*.domainname", W, W, NO_SWARM_SETTING),
  row("services.*.mac_address", W, W, NO_SWARM_SETTING),
  row("services.*.storage_opt", W, W, NO_SWARM_SETTING),
  row("services.*.volumes_from", W, W, NO_SWARM_SETTING),
  row("services.*.device_cgroup_rules", W, W, NO_SWARM_SETTING),
  row("services.*.cpus", W, W, "Swarm: use deploy.resources.limits.cpus"),
  row("services.*.cpu_shares", W, W, HOST_ONLY),
  row("services.*.cpu_period", W, W, HOST_ONLY),
  row("services.*.cpu_quota", W, W, HOST_ONLY),
  row("services.*.cpu_rt_runtime", W, W, HOST_ONLY),
  row("services.*.cpu_rt_period", W, W, HOST_ONLY),
  row("services.*.cpu_count", W, W, HOST_ONLY),
  row("services.*.cpu_percent", W, W, HOST_ONLY),
  row("services.*.cpuset", W, W, HOST_ONLY),
  row("services.*.mem_limit", W, W, "Swarm: use deploy.resources.limits.memory"),
  row("services.*.mem_reservation", W, W, "Swarm: use deploy.resources.reservations.memory"),
  row("services.*.mem_swappiness", W, W, HOST_ONLY),
  row("services.*.memswap_limit", W, W, HOST_ONLY),
  row("services.*.oom_kill_disable", W, W, HOST_ONLY),
  row("services.*.oom_score_adj", W, W, HOST_ONLY),
  row("services.*.pids_limit", W, W, HOST_ONLY),
  row("services.*.blkio_config", W, W, HOST_ONLY),
  row("services.*.gpus", W, W, NOT_MAPPED),
  row("services.*.isolation", W, W, "Windows only"),
  row("services.*.credential_spec", W, W, "Windows only"),
  row("services.*.platform", W, W, "images are never pulled or built, so the platform is the image's"),
  row("services.*.pull_policy", W, W, "images are never pulled by Berth"),
  row("services.*.runtime", W, W, NOT_MAPPED),
  row("services.*.annotations", W, W, NOT_MAPPED),
  row("services.*.attach", W, W, "no log attachment: Berth does not run `compose up`"),
  row("services.*.develop", W, W, "development-time file watching"),
  row("services.*.label_file", W, W, NOT_MAPPED),
  row("services.*.post_start", W, W, "lifecycle hooks are not run"),
  row("services.*.pre_stop", W, W, "lifecycle hooks are not run"),
  row("services.*.use_api_socket", W, W, "the engine socket is not mounted into containers"),
  row("services.*.models", R, R, "AI models need a model runner, which neither target has"),
  row("services.*.deploy.mode", S, W, `replicated or global; ${NOT_ON_HOST}`),
  row("services.*.deploy.replicas", S, W, NOT_ON_HOST),
  row("services.*.deploy.endpoint_mode", S, W, `vip or dnsrr; ${NOT_ON_HOST}`),
  row("services.*.deploy.labels", S, W, "service labels"),
  row("services.*.deploy.resources", S, W, "limits and reservations of cpus and memory"),
  row("services.*.deploy.restart_policy", S, W, "condition, delay, max_attempts, window"),
  row("services.*.deploy.update_config", S, W, "parallelism, delay, failure_action, monitor, max_failure_ratio, order"),
  row("services.*.deploy.rollback_config", S, W, "parallelism, delay, failure_action, monitor, max_failure_ratio, order"),
  row("services.*.deploy.placement", S, W, "constraints, preferences, max_replicas_per_node"),
  row("networks", S, S, "Swarm: overlay docker.Network; docker: bridge docker.Network"),
  row("networks.*.name", S, S, "the engine name"),
  row("networks.*.external", S, S, "not created; used by name"),
  row("networks.*.driver", S, S, "Swarm default overlay; docker default bridge"),
  row("networks.*.driver_opts", S, S, "driver options"),
  row("networks.*.attachable", S, S, "attachable overlay"),
  row("networks.*.internal", S, S, "no outside access"),
  row("networks.*.labels", S, S, "network labels"),
  row("networks.*.ipam", W, W, NOT_MAPPED),
  row("networks.*.enable_ipv4", W, W, NOT_MAPPED),
  row("networks.*.enable_ipv6", W, W, NOT_MAPPED),
  row("volumes", S, S, "docker.Volume"),
  row("volumes.*.name", S, S, "the engine name"),
  row("volumes.*.external", S, S, "not created; used by name"),
  row("volumes.*.driver", S, S, "volume driver"),
  row("volumes.*.driver_opts", S, S, "driver options"),
  row("volumes.*.labels", S, S, "volume labels"),
  row("configs", S, W, "Swarm: docker.ServiceConfig"),
  row("configs.*.file", S, W, "read at load time, relative to the Compose file"),
  row("configs.*.content", S, W, "inline content"),
  row("configs.*.environment", S, W, "content from an environment variable"),
  row("configs.*.external", R, W, "an existing config is referenced by id, which Berth cannot look up; declare it here"),
  row("configs.*.name", S, W, "the engine name"),
  row("configs.*.labels", S, W, "config labels"),
  row("configs.*.template_driver", W, W, NOT_MAPPED),
  row("secrets", S, W, "Swarm: docker.Secret (content kept secret)"),
  row("secrets.*.file", S, W, "read at load time, relative to the Compose file"),
  row("secrets.*.environment", S, W, "content from an environment variable"),
  row("secrets.*.external", R, W, "an existing secret is referenced by id, which Berth cannot look up; declare it here"),
  row("secrets.*.name", S, W, "the engine name"),
  row("secrets.*.labels", S, W, "secret labels"),
  row("secrets.*.driver", W, W, NOT_MAPPED),
  row("secrets.*.template_driver", W, W, NOT_MAPPED),
];

/** The target a Compose file is loaded for. */
export type ComposeTarget = "swarm" | "docker";

/** The row for a concrete key path (`services.web.build` → `services.*.build`), or undefined for an unknown key. */
export function coverageOf(path: readonly string[]): CoverageRow | undefined {
  if (path.length === 1 && path[0]!.startsWith("x-")) return COMPOSE_COVERAGE.find((r) => r.key === "x-*");
  const pattern = path.map((p, i) => (i === 1 && path.length > 1 ? "*" : p)).join(".");
  return COMPOSE_COVERAGE.find((r) => r.key === pattern);
}
