import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";
import { Problems } from "../core/problems";
import { ContainerAdoption } from "./adoption";
import type { ContainerVolumeArgs, DockerContainerArgs } from "./container-args";
import { checkDockerContainerArgs } from "./container-checks";
import { engineHost, engineProvider } from "./engine-provider";
import { ImageImport } from "./image-import";
import { Readiness } from "./readiness";

/** The component's type token. */
export const DOCKER_CONTAINER_TYPE = "berth:index:DockerContainer";

/** A port the engine actually published. */
export interface DockerPublishedPort {
  /** The container port. */
  internal: number;
  /** The host port. */
  external: number;
  /** The host address it is bound on. */
  ip: string;
  /** `tcp`, `udp` or `sctp`. */
  protocol: string;
}

/** The container's settings on one network. */
export interface DockerNetworkSetting {
  /** The network's name. */
  networkName: string;
  /** The container's IPv4 address on it. */
  ipAddress: string;
  /** The prefix length of that address. */
  ipPrefixLength: number;
  /** The network's gateway. */
  gateway: string;
  /** The container's MAC address on it. */
  macAddress: string;
}

/** Reads the engine's NetworkSettings (an adopted container) into the per-network list. */
function networksOf(settings: Record<string, unknown> | undefined): DockerNetworkSetting[] {
  const networks = (settings?.["Networks"] ?? {}) as Record<string, Record<string, unknown>>;
  return Object.entries(networks).map(([networkName, n]) => ({
    networkName,
    ipAddress: String(n["IPAddress"] ?? ""),
    ipPrefixLength: Number(n["IPPrefixLen"] ?? 0),
    gateway: String(n["Gateway"] ?? ""),
    macAddress: String(n["MacAddress"] ?? ""),
  }));
}

/** True unless a wait list is absent or a plain empty list (an Output may hold anything, so it counts). */
function waitsFor(list: pulumi.Input<pulumi.Input<unknown>[]> | undefined): boolean {
  return list !== undefined && !(Array.isArray(list) && list.length === 0);
}

/**
 * A Docker container with everything Cloudify's `cloudify.docker.Container` promised, done correctly: the image
 * pulled (`image.repository`/`tag`) or imported from a tarball (`image.src`, path or http(s) URL, keyed on its
 * content hash), docker-py `params` for create/start/stop/delete mapped onto `@pulumi/docker` (an unmappable one is
 * an error), a readiness wait after start (processes in `top`, TCP ports, a log line; failing fast when the
 * container exits, with its last 20 log lines), a stop whose exit is confirmed before delete, and adoption of an
 * existing container by exact name that `pulumi destroy` never touches.
 *
 * Children: `${name}-engine` (a `docker.Provider`, when `host` is given and no provider is passed),
 * `${name}-image` (`docker.RemoteImage`, or the tarball import), `${name}-container` (`docker.Container`),
 * `${name}-ready` (the readiness wait, when one is asked for); or, when adopting, `${name}-adopted` alone.
 *
 * @example
 * ```ts
 * import { DockerContainer } from "berth/docker";
 *
 * const web = new DockerContainer("web", {
 *   image: { repository: "nginx", tag: "1.27-alpine" },
 *   ports: [{ internal: 80, external: 8080, ip: "127.0.0.1" }],
 *   create: { params: { environment: { NGINX_ENTRYPOINT_QUIET_LOGS: "1" }, mem_limit: "256m" } },
 *   start: { processesToWaitFor: ["nginx"], waitForPorts: [80], retryInterval: 1, timeout: 60 },
 *   stop: { params: { timeout: 20 } },
 * });
 * export const id = web.containerId;
 * ```
 */
export class DockerContainer extends pulumi.ComponentResource {
  /** The container's id. */
  public readonly containerId: pulumi.Output<string>;
  /** The id of the image the container runs. */
  public readonly imageId: pulumi.Output<string>;
  /** The container's name. */
  public readonly containerName: pulumi.Output<string>;
  /** The container's IPv4 address on its first network ("" when it has none). */
  public readonly ipAddress: pulumi.Output<string>;
  /** The ports actually published on the host. */
  public readonly ports: pulumi.Output<DockerPublishedPort[]>;
  /** The container's settings on each network it is attached to. */
  public readonly networkSettings: pulumi.Output<DockerNetworkSetting[]>;
  /** True once the container runs and its readiness wait (if any) passed; for a job, once it has exited. */
  public readonly ready: pulumi.Output<boolean>;
  /** A job's exit code (`runToCompletion`); undefined for a container that keeps running. */
  public readonly exitCode: pulumi.Output<number | undefined>;

  constructor(name: string, args: DockerContainerArgs, opts?: pulumi.ComponentResourceOptions) {
    super(DOCKER_CONTAINER_TYPE, name, {}, opts);
    const checked = checkDockerContainerArgs(args);
    new Problems().addAll(checked.problems).throwIfAny(this, DOCKER_CONTAINER_TYPE, name);

    const host = engineHost(args.host);
    const containerName = pulumi.output(args.name ?? name);

    if (args.useExternalResource === true) {
      const adopted = new ContainerAdoption(
        `${name}-adopted`,
        { host, name: containerName },
        { parent: this, retainOnDelete: true, additionalSecretOutputs: host && args.host?.keyMaterial !== undefined ? ["host"] : [] },
      );
      this.containerId = adopted.containerId;
      this.imageId = adopted.imageId;
      this.containerName = adopted.containerName;
      this.ipAddress = adopted.ipAddress;
      this.ports = adopted.ports.apply((ps) => (ps ?? []).map((p) => ({ internal: p.internal, external: p.external, ip: p.ip, protocol: p.protocol })));
      this.networkSettings = adopted.networkSettings.apply(networksOf);
      this.ready = adopted.running;
      this.exitCode = pulumi.output(undefined);
      this.registerOutputs(this.outputs());
      return;
    }

    const provider = engineProvider(this, name, args.host, opts);
    const dockerOpts: pulumi.CustomResourceOptions = provider ? { parent: this, provider } : { parent: this };
    const secretHost = host && args.host?.keyMaterial !== undefined ? ["host"] : [];

    const image = args.image!;
    const tag = image.tag ?? "latest";
    let imageId: pulumi.Output<string>;
    if (image.src !== undefined) {
      const imported = new ImageImport(
        `${name}-image`,
        { host, src: image.src, repository: image.repository ?? containerName, tag, keepLocally: image.keepLocally ?? true },
        { parent: this, additionalSecretOutputs: secretHost },
      );
      imageId = imported.imageId;
    } else {
      const pulled = new docker.RemoteImage(
        `${name}-image`,
        { name: pulumi.interpolate`${image.repository!}:${tag}`, keepLocally: image.keepLocally ?? true },
        dockerOpts,
      );
      imageId = pulled.imageId;
    }

    const typed: Partial<docker.ContainerArgs> = {};
    if (args.ports !== undefined) typed.ports = args.ports;
    if (args.env !== undefined) typed.envs = pulumi.output(args.env).apply((env) => Object.entries(env).map(([k, v]) => `${k}=${v}`));
    if (args.volumes !== undefined) {
      typed.volumes = pulumi.output(args.volumes).apply((vs: pulumi.Unwrap<ContainerVolumeArgs>[]) =>
        vs.map((v) => ({ containerPath: v.containerPath, hostPath: v.hostPath, volumeName: v.volumeName, readOnly: v.readOnly })),
      );
    }
    if (args.command !== undefined) typed.command = args.command;
    if (args.entrypoint !== undefined) typed.entrypoints = args.entrypoint;
    if (args.restart !== undefined) typed.restart = args.restart;
    if (args.networks !== undefined) typed.networksAdvanced = pulumi.output(args.networks).apply((ns) => ns.map((n) => ({ name: n })));
    if (args.labels !== undefined) {
      typed.labels = pulumi.output(args.labels).apply((ls) => Object.entries(ls).map(([label, value]) => ({ label, value })));
    }
    if (args.files !== undefined) {
      typed.uploads = pulumi.output(args.files).apply((fs) =>
        fs.map((f) => ({ file: f.path, content: f.content, owner: f.owner ?? "0", group: f.group ?? "0", permissions: f.permissions ?? "0444" })),
      );
    }

    // How the provider waits: for a healthy container (its `wait`), or, for a job, attached until it exits.
    const start = args.start ?? {};
    const lifecycle: Partial<docker.ContainerArgs> = {};
    if (args.runToCompletion === true) Object.assign(lifecycle, { mustRun: false, attach: true, logs: true });
    if (start.waitForHealthy !== undefined) {
      lifecycle.wait = start.waitForHealthy;
      lifecycle.waitTimeout = start.timeout ?? 300;
    }

    const container = new docker.Container(
      `${name}-container`,
      // Volumes outlive the container unless `delete.params.v` says otherwise: docker-py's remove_container defaults
      // to v=False, and the provider's removeVolumes to true, which would lose data Cloudify kept.
      { removeVolumes: false, ...checked.mapped, ...typed, ...lifecycle, image: imageId, name: containerName },
      // The name is fixed, so a replacement must remove the old container before creating the new one.
      { ...dockerOpts, deleteBeforeReplace: true },
    );

    // A readiness resource only when there is something to wait for: an empty list (Cloudify's default
    // `processes_to_wait_for: []`) or an empty log pattern waits for nothing.
    const waits = waitsFor(start.processesToWaitFor) || waitsFor(start.waitForPorts) || (start.waitForLog !== undefined && start.waitForLog !== "");
    let ready: pulumi.Output<boolean>;
    if (waits) {
      const readiness = new Readiness(
        `${name}-ready`,
        {
          host,
          containerId: container.id,
          processes: start.processesToWaitFor ?? [],
          ports: start.waitForPorts ?? [],
          logPattern: start.waitForLog ?? "",
          retryInterval: start.retryInterval ?? 1,
          timeout: start.timeout ?? 300,
          stopTimeout: pulumi.output(checked.mapped.stopTimeout).apply((t) => t ?? 10),
          stopRetryInterval: args.stop?.retryInterval ?? 10,
        },
        { parent: this, additionalSecretOutputs: secretHost },
      );
      ready = readiness.ready;
    } else ready = container.id.apply(() => true);
    this.exitCode = args.runToCompletion === true ? container.exitCode : pulumi.output(undefined);

    this.containerId = container.id;
    this.imageId = imageId;
    this.containerName = container.name;
    this.ipAddress = container.networkDatas.apply((ns) => ns?.[0]?.ipAddress ?? "");
    this.ports = container.ports.apply((ps) =>
      (ps ?? []).map((p) => ({ internal: p.internal, external: p.external ?? 0, ip: p.ip ?? "0.0.0.0", protocol: p.protocol ?? "tcp" })),
    );
    this.networkSettings = container.networkDatas.apply((ns) =>
      (ns ?? []).map((n) => ({
        networkName: n.networkName,
        ipAddress: n.ipAddress,
        ipPrefixLength: n.ipPrefixLength,
        gateway: n.gateway,
        macAddress: n.macAddress,
      })),
    );
    this.ready = ready;
    this.registerOutputs(this.outputs());
  }

  private outputs(): pulumi.Inputs {
    return {
      containerId: this.containerId,
      imageId: this.imageId,
      containerName: this.containerName,
      ipAddress: this.ipAddress,
      ports: this.ports,
      networkSettings: this.networkSettings,
      ready: this.ready,
      exitCode: this.exitCode,
    };
  }
}
