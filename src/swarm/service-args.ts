import type * as pulumi from "@pulumi/pulumi";

/** A mount of a {@link SwarmService} container. */
export interface SwarmMountArgs {
  /** `volume`, `bind` or `tmpfs`. */
  type: pulumi.Input<string>;
  /** The volume name or host path. @default none (an anonymous volume, or tmpfs) */
  source?: pulumi.Input<string>;
  /** The path inside the container. */
  target: pulumi.Input<string>;
  /** Mount read-only. @default false */
  readOnly?: pulumi.Input<boolean>;
}

/** The container of each task. */
export interface SwarmContainerSpecArgs {
  /** The image, e.g. `nginx:1.27`. */
  image: pulumi.Input<string>;
  /** The entrypoint (Docker's `Command`). @default the image's */
  command?: pulumi.Input<pulumi.Input<string>[]>;
  /** The arguments (Docker's `Args`). @default the image's */
  args?: pulumi.Input<pulumi.Input<string>[]>;
  /** Environment variables. @default {} */
  env?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
  /** The working directory. @default the image's */
  dir?: pulumi.Input<string>;
  /** The user. @default the image's */
  user?: pulumi.Input<string>;
  /** The hostname. @default the task id */
  hostname?: pulumi.Input<string>;
  /** Container labels. @default {} */
  labels?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
  /** Mounts. @default [] */
  mounts?: pulumi.Input<pulumi.Input<SwarmMountArgs>[]>;
}

/** CPU and memory. */
export interface SwarmResourceAmountArgs {
  /** CPUs, e.g. 0.5. @default no limit/reservation */
  cpus?: pulumi.Input<number>;
  /** Memory in bytes. @default no limit/reservation */
  memoryBytes?: pulumi.Input<number>;
}

/** Resource limits and reservations of each task. */
export interface SwarmResourcesArgs {
  /** @default none */
  limits?: SwarmResourceAmountArgs;
  /** @default none */
  reservations?: SwarmResourceAmountArgs;
}

/** When tasks are restarted. */
export interface SwarmRestartPolicyArgs {
  /** `none`, `on-failure` or `any`. @default "any" */
  condition?: pulumi.Input<string>;
  /** Delay between restarts (`5s`). @default "5s" */
  delay?: pulumi.Input<string>;
  /** Attempts before giving up; 0 is unlimited. @default 0 */
  maxAttempts?: pulumi.Input<number>;
  /** The window attempts are counted in (`2m`). @default unbounded */
  window?: pulumi.Input<string>;
}

/** Where tasks are scheduled. */
export interface SwarmPlacementArgs {
  /** Constraints, e.g. `node.role == worker`. @default [] */
  constraints?: pulumi.Input<pulumi.Input<string>[]>;
  /** Spread preferences, as node labels to spread over (`node.labels.zone`). @default [] */
  preferences?: pulumi.Input<pulumi.Input<string>[]>;
}

/** The task template (Docker's `TaskTemplate`). */
export interface SwarmTaskTemplateArgs {
  /** The container. */
  containerSpec: SwarmContainerSpecArgs;
  /** @default none */
  resources?: SwarmResourcesArgs;
  /** @default the engine's (any, 5s) */
  restartPolicy?: SwarmRestartPolicyArgs;
  /** @default anywhere */
  placement?: SwarmPlacementArgs;
}

/** Replicated mode: a fixed number of tasks. */
export interface SwarmReplicatedModeArgs {
  /** How many tasks. @default 1 */
  replicas?: pulumi.Input<number>;
}

/** Replicated (a number of tasks) or global (one task per node). Set at most one. */
export interface SwarmModeArgs {
  /** Replicated mode. @default { replicas: 1 } when `global` is not set */
  replicated?: SwarmReplicatedModeArgs;
  /** One task on every node. @default false */
  global?: boolean;
}

/** How an update (or a rollback) proceeds. */
export interface SwarmUpdateConfigArgs {
  /** Tasks updated at once. @default 1 */
  parallelism?: pulumi.Input<number>;
  /** Delay between batches (`10s`). @default "0s" */
  delay?: pulumi.Input<string>;
  /** `pause`, `continue` or `rollback`. @default "pause", or "rollback" with `rollbackOnFailure` */
  failureAction?: pulumi.Input<string>;
  /** How long each task is watched for failure (`5s`). @default "5s" */
  monitor?: pulumi.Input<string>;
  /** The failure ratio tolerated, 0 to 1. @default 0 */
  maxFailureRatio?: pulumi.Input<number>;
  /** `stop-first` or `start-first`. @default "stop-first" */
  order?: pulumi.Input<string>;
}

/** A published port. */
export interface SwarmPortArgs {
  /** The port inside the container. */
  targetPort: pulumi.Input<number>;
  /** The port on the swarm. @default chosen by the engine */
  publishedPort?: pulumi.Input<number>;
  /** `tcp`, `udp` or `sctp`. @default "tcp" */
  protocol?: pulumi.Input<string>;
  /** `ingress` (routing mesh) or `host`. @default "ingress" */
  publishMode?: pulumi.Input<string>;
}

/** How the service is reached (Docker's `EndpointSpec`). */
export interface SwarmEndpointSpecArgs {
  /** `vip` or `dnsrr`. @default "vip" */
  mode?: pulumi.Input<string>;
  /** Published ports. @default [] */
  ports?: pulumi.Input<pulumi.Input<SwarmPortArgs>[]>;
}

/**
 * The arguments of a {@link SwarmService}: the shape of Cloudify's `cloudify.swarm.Microservice` (`name`, `labels`,
 * `task_template`, `mode`, `update_config`, `networks`, `endpoint_spec`), typed.
 */
export interface SwarmServiceArgs {
  /** The engine's service name. @default the component name */
  name?: pulumi.Input<string>;
  /** Service labels. @default {} */
  labels?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
  /** The task template. */
  taskTemplate: SwarmTaskTemplateArgs;
  /** @default { replicated: { replicas: 1 } } */
  mode?: SwarmModeArgs;
  /** @default the engine's */
  updateConfig?: SwarmUpdateConfigArgs;
  /** Networks (ids, or names of existing networks) to attach, each with the service name as an alias. @default [] */
  networks?: pulumi.Input<pulumi.Input<string>[]>;
  /** @default vip, no published ports */
  endpointSpec?: SwarmEndpointSpecArgs;
  /** Roll back to the previous spec when an update fails. @default false */
  rollbackOnFailure?: boolean;
  /** Wait for all tasks to run before the deployment succeeds. @default true */
  waitForConvergence?: boolean;
  /** Seconds the service may take to converge. @default 180 */
  convergeTimeoutSeconds?: number;
}
