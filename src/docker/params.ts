import type * as docker from "@pulumi/docker";
import type { Problem } from "../core/problems";

/**
 * The docker-py keyword arguments of one container's four Cloudify operations, resolved to plain values.
 * Keys are as a blueprint writes them (snake_case).
 */
export interface DockerPyOperationParams {
  /** `create_container` kwargs. @default {} */
  create?: Record<string, unknown>;
  /** `start` kwargs (old start-time host config). @default {} */
  start?: Record<string, unknown>;
  /** `stop` kwargs (`timeout`). @default {} */
  stop?: Record<string, unknown>;
  /** `remove_container` kwargs (`v`, `force`, `link`). @default {} */
  delete?: Record<string, unknown>;
}

/** The result of mapping docker-py params onto `@pulumi/docker` Container arguments. */
export interface MappedContainerParams {
  /** Container arguments, with units converted (memory in MB, durations as "10s", ...). */
  container: Partial<docker.ContainerArgs>;
  /** Every problem found: unknown or unsupported params (named, with why), wrong shapes, bad units. */
  problems: Problem[];
}

/**
 * Maps docker-py params onto `@pulumi/docker` Container arguments through the params table.
 * Problems are reported with `where` as `create.params.mem_limit` etc.
 */
export function mapDockerPyParams(_params: DockerPyOperationParams): MappedContainerParams {
  return { container: {}, problems: [] };
}
