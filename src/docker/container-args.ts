import type * as pulumi from "@pulumi/pulumi";
import type { DockerPyParams } from "../core/json";

/**
 * Where a container's image comes from: pulled by `repository`/`tag`, or imported from a tarball `src`.
 * Exactly one way: set `src` to import, or `repository` without `src` to pull.
 */
export interface ContainerImageArgs {
  /**
   * The repository to pull, or, with `src`, the repository the imported image is tagged with.
   * @default the container name, when `src` is set
   */
  repository?: pulumi.Input<string>;
  /**
   * The tag to pull, or to tag the imported image with.
   * @default "latest"
   */
  tag?: pulumi.Input<string>;
  /**
   * A tarball to import as the image (`docker import`): a local path or an http(s) URL. The import is keyed on the
   * tarball's content hash, so a changed tarball replaces the image and an unchanged one is left alone.
   * @default none: the image is pulled
   */
  src?: pulumi.Input<string>;
  /**
   * Keep the image on the engine when the container is destroyed.
   * @default true
   */
  keepLocally?: pulumi.Input<boolean>;
}

/** How to reach the Docker engine. */
export interface DockerHostArgs {
  /**
   * The engine address: a unix socket (`unix:///var/run/docker.sock` or a plain path), `tcp://host:2376` (with TLS
   * material below), or `ssh://user@host[:port]`.
   * @default the `DOCKER_HOST` environment variable, else `unix:///var/run/docker.sock`
   */
  url?: pulumi.Input<string>;
  /** PEM of the CA that signed the engine's TLS certificate (`tcp://` only). @default none */
  caMaterial?: pulumi.Input<string>;
  /** PEM of the client certificate (`tcp://` only). @default none */
  certMaterial?: pulumi.Input<string>;
  /** PEM of the client key (`tcp://` only); stored as a secret. @default none */
  keyMaterial?: pulumi.Input<string>;
  /** A folder holding `ca.pem`, `cert.pem` and `key.pem` (`tcp://` only), as the Docker CLI's `DOCKER_CERT_PATH`. @default none */
  certPath?: pulumi.Input<string>;
  /** Extra options for the ssh client (`ssh://` only), e.g. `["-o", "StrictHostKeyChecking=no"]`. @default none */
  sshOpts?: pulumi.Input<pulumi.Input<string>[]>;
}

/** `create`: the docker-py `create_container` keyword arguments. */
export interface ContainerCreateArgs {
  /**
   * docker-py `create_container` keyword arguments (snake_case), e.g. `ports`, `environment`, `command`,
   * `host_config`. Each maps onto the provider's container argument of the same meaning (see the params table);
   * one with no equivalent is an error naming it.
   * @default {}
   */
  params?: pulumi.Input<DockerPyParams>;
}

/** `start`: docker-py `start` keyword arguments and the readiness wait. */
export interface ContainerStartArgs {
  /**
   * docker-py `start` keyword arguments (the start-time host config of old blueprints: `port_bindings`, `binds`,
   * `links`, `privileged`, `extra_hosts`, ...). Merged with `create.params` host settings.
   * @default {}
   */
  params?: pulumi.Input<DockerPyParams>;
  /**
   * Process names that must all appear in the container's process list (Docker `top`, read from the host side,
   * matched as a substring of the command) before the container counts as started.
   * @default [] (no process wait)
   */
  processesToWaitFor?: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * Seconds between two readiness checks.
   * @default 1
   */
  retryInterval?: pulumi.Input<number>;
  /**
   * Seconds the readiness wait may take in all before the deployment fails.
   * @default 300
   */
  timeout?: pulumi.Input<number>;
  /**
   * Container ports (TCP) that must accept connections before the container counts as started.
   * @default [] (no port wait)
   */
  waitForPorts?: pulumi.Input<pulumi.Input<number>[]>;
  /**
   * A regular expression that a line of the container's log must match before the container counts as started.
   * @default none (no log wait)
   */
  waitForLog?: pulumi.Input<string>;
  /**
   * Wait until the container's healthcheck (from the image, or `create.params.healthcheck`) reports healthy, up to
   * `timeout` seconds (the provider's `wait`). A container without a healthcheck never becomes healthy.
   * @default false
   */
  waitForHealthy?: pulumi.Input<boolean>;
}

/** `stop`: how the container is stopped before it is deleted. */
export interface ContainerStopArgs {
  /**
   * docker-py `stop` keyword arguments: `timeout` (seconds between SIGTERM and SIGKILL).
   * @default {}
   */
  params?: pulumi.Input<DockerPyParams>;
  /**
   * Seconds between checks that the container has exited after a stop.
   * @default 10
   */
  retryInterval?: pulumi.Input<number>;
}

/** `delete`: docker-py `remove_container` keyword arguments. */
export interface ContainerDeleteArgs {
  /**
   * docker-py `remove_container` keyword arguments: `v` (remove anonymous volumes), `force`.
   * @default {}
   */
  params?: pulumi.Input<DockerPyParams>;
}

/** A port to publish, in the typed form. */
export interface ContainerPortArgs {
  /** The port inside the container. */
  internal: pulumi.Input<number>;
  /** The port on the host. @default a free port chosen by the engine */
  external?: pulumi.Input<number>;
  /** The host address to bind. @default "0.0.0.0" */
  ip?: pulumi.Input<string>;
  /** `tcp`, `udp` or `sctp`. @default "tcp" */
  protocol?: pulumi.Input<string>;
}

/** A volume or bind mount, in the typed form. */
export interface ContainerVolumeArgs {
  /** The path inside the container. */
  containerPath: pulumi.Input<string>;
  /** A host path to bind (a bind mount). @default none */
  hostPath?: pulumi.Input<string>;
  /** A named volume to mount. @default none (an anonymous volume when `hostPath` is unset too) */
  volumeName?: pulumi.Input<string>;
  /** Mount read-only. @default false */
  readOnly?: pulumi.Input<boolean>;
}

/** A file copied into the container before it starts (the provider's `uploads`). */
export interface ContainerFileArgs {
  /** The absolute path of the file in the container. */
  path: pulumi.Input<string>;
  /** The content, as text. Pass a Pulumi secret for secret content: it stays encrypted in the state. */
  content: pulumi.Input<string>;
  /** The numeric owner id. @default "0" */
  owner?: pulumi.Input<string>;
  /** The numeric group id. @default "0" */
  group?: pulumi.Input<string>;
  /** The mode as four octal digits. @default "0444" */
  permissions?: pulumi.Input<string>;
}

/** The arguments of a {@link DockerContainer}. */
export interface DockerContainerArgs {
  /**
   * The container's name. With `useExternalResource`, the exact name of the container to adopt.
   * @default the component's name
   */
  name?: pulumi.Input<string>;
  /** The image: pulled (`repository`, `tag`) or imported from a tarball (`src`). Required unless adopting. @default none */
  image?: ContainerImageArgs;
  /**
   * Adopt the existing container named `name` instead of creating one: nothing is created, and `pulumi destroy`
   * never stops or deletes it. A missing container is an error.
   * @default false
   */
  useExternalResource?: boolean;
  /**
   * Run the container as a one-shot job: the deployment waits until it exits, and `exitCode` reports how. A job has
   * no readiness wait and no restart policy.
   * @default false
   */
  runToCompletion?: boolean;
  /** The engine to use; it serves both the provider's resources and Berth's own Engine API calls. @default the local engine */
  host?: DockerHostArgs;
  /** The create operation's inputs. @default {} */
  create?: ContainerCreateArgs;
  /** The start operation's inputs, including the readiness wait. @default {} */
  start?: ContainerStartArgs;
  /** The stop operation's inputs. @default {} */
  stop?: ContainerStopArgs;
  /** The delete operation's inputs. @default {} */
  delete?: ContainerDeleteArgs;
  /** Ports to publish. @default [] */
  ports?: pulumi.Input<pulumi.Input<ContainerPortArgs>[]>;
  /** Environment variables. @default {} */
  env?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
  /** Volumes and bind mounts. @default [] */
  volumes?: pulumi.Input<pulumi.Input<ContainerVolumeArgs>[]>;
  /** The command (argv form). @default the image's command */
  command?: pulumi.Input<pulumi.Input<string>[]>;
  /** The entrypoint (argv form). @default the image's entrypoint */
  entrypoint?: pulumi.Input<pulumi.Input<string>[]>;
  /** Restart policy: `no`, `on-failure`, `always` or `unless-stopped`. @default "no" */
  restart?: pulumi.Input<string>;
  /** Networks (by name) to attach the container to. @default [] (the engine's default bridge) */
  networks?: pulumi.Input<pulumi.Input<string>[]>;
  /** Labels. @default {} */
  labels?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
  /**
   * Files copied into the container before it starts (a changed file replaces the container), such as the secrets
   * and configs of a Compose service on one host.
   * @default []
   */
  files?: pulumi.Input<pulumi.Input<ContainerFileArgs>[]>;
}
