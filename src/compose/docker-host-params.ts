import type { ComposeService } from "./model";

/**
 * One Compose service setting that a single Docker host honours through DockerContainer's docker-py params: the
 * Compose key (for the coverage table), the docker-py keyword, and how the modelled value becomes the kwarg's value.
 */
export interface DockerHostParam {
  /** The Compose key, as in the coverage table (`services.*.working_dir`). */
  compose: string;
  /** The docker-py keyword argument (`working_dir`), mapped by DockerContainer's params table. */
  dockerPy: string;
  /** The kwarg's value, or undefined when the service does not set it. */
  value(s: ComposeService): unknown;
}

const nonEmpty = <T>(list: T[]): T[] | undefined => (list.length > 0 ? list : undefined);
const nonEmptyMap = (map: Record<string, string>): Record<string, string> | undefined =>
  Object.keys(map).length > 0 ? map : undefined;

/** The Compose settings a single host takes as docker-py params, as data: one row each. */
export const DOCKER_HOST_PARAMS: readonly DockerHostParam[] = [
  { compose: "services.*.working_dir", dockerPy: "working_dir", value: (s) => s.workingDir },
  { compose: "services.*.user", dockerPy: "user", value: (s) => s.user },
  { compose: "services.*.hostname", dockerPy: "hostname", value: (s) => s.hostname },
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
];

/** The docker-py params a service's host settings become (only the ones it sets). */
export function dockerHostParams(s: ComposeService): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const row of DOCKER_HOST_PARAMS) {
    const v = row.value(s);
    if (v !== undefined) out[row.dockerPy] = v;
  }
  return out;
}
