import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";
import { dependsOnLabel, dockerPlan, type DockerPlanService } from "../compose/targets/docker";
import type { ComposeLimits } from "../compose/limits";
import { reportDiagnostics } from "../compose/report";
import { loadComposeSource } from "../compose/source";
import { Problems } from "../core/problems";
import { BuildContextError, buildContextDigest } from "./build-context";
import { DockerContainer } from "./container";
import type { DockerHostArgs } from "./container-args";
import { engineProvider } from "./engine-provider";

/** The arguments of a {@link ComposeProject}. Set exactly one of `file` and `content`. */
export interface ComposeProjectArgs {
  /** The path of a Compose file (Compose Specification). @default none */
  file?: string;
  /** The text of a Compose file; relative paths in it are resolved against `baseDir`. @default none */
  content?: string;
  /** The folder relative paths in `content` are resolved against. @default the current directory */
  baseDir?: string;
  /** More Compose files merged over the first, in order, as `docker compose -f a -f b` merges them. @default [] */
  overrideFiles?: string[];
  /**
   * The folder every file the project refers to (env files, secrets, includes, build contexts) must be inside.
   * @default the folder of `file` (or `baseDir`)
   */
  root?: string;
  /** Env files that replace the project's `.env` for interpolation, as `docker compose --env-file`. @default the project's `.env` */
  envFiles?: string[];
  /** The active profiles, over `COMPOSE_PROFILES`. @default none: services with `profiles` are left out */
  profiles?: string[];
  /**
   * The project name: containers are named `<project>-<service>-<n>` (unless `container_name` is set), networks and
   * volumes `<project>_<key>`, as `docker compose` names them.
   * @default the file's top-level `name`, else the component name
   */
  projectName?: string;
  /** Variables for `${VAR}` interpolation, over the process environment, over a `.env` file beside the file. @default {} */
  variables?: { [key: string]: string };
  /** Make every warned key (no meaning on a single host) an error instead of a warning. @default false */
  strict?: boolean;
  /** Containers the project may run in all (replicas summed over services). @default 10000 */
  maxInstances?: number;
  /** The engine every container, network, volume and build is created on. @default the local engine (or the provider passed) */
  host?: DockerHostArgs;
}

/**
 * Each project's `DockerContainer` per service. Kept outside the class: Pulumi's component schema analyzer reads every
 * member of a component class (private ones too) as an output, and has no type for a reference to a Berth component.
 */
const projectContainers = new WeakMap<ComposeProject, Record<string, DockerContainer>>();

/** The child name of a service's replica: the first keeps the service's own name. */
function replicaName(name: string, service: string, i: number): string {
  return i === 0 ? `${name}-${service}` : `${name}-${service}-${i + 1}`;
}

/**
 * A Compose project on one Docker host: a `DockerContainer` per service replica, a bridge `docker.Network` per
 * network, a `docker.Volume` per volume, and a `docker.RemoteImage` build (on that host's engine, never pushed) per
 * service with `build`, whose image the containers run; a change in a build context rebuilds the image and replaces
 * the containers. Containers are created in `depends_on` order; `condition: service_healthy` makes the dependency's
 * container wait until the engine reports its healthcheck healthy, and `condition: service_completed_successfully`
 * runs the dependency to its end and starts dependants only when it exited 0. Secrets and configs are copied into
 * the containers before they start (secret content stays a Pulumi secret). Keys with no meaning on one host are
 * warned about with their file:line (errors with `strict`).
 *
 * @example
 * ```ts
 * const app = new ComposeProject("shop", { file: "compose.yaml", profiles: ["web"] });
 * export const web = app.containerNames.apply((n) => n["web"]);
 * ```
 */
export class ComposeProject extends pulumi.ComponentResource {
  /** The project name. */
  public readonly projectName: pulumi.Output<string>;
  /** Container name per service (its first replica). */
  public readonly containerNames: pulumi.Output<Record<string, string>>;
  /** Container id per service (its first replica). */
  public readonly containerIds: pulumi.Output<Record<string, string>>;
  /** Built image id per service with `build`. */
  public readonly imageIds: pulumi.Output<Record<string, string>>;
  /** The loader's warnings, as `file:line:column: message`. */
  public readonly warnings: pulumi.Output<string[]>;

  constructor(name: string, args: ComposeProjectArgs, opts?: pulumi.ComponentResourceOptions) {
    super("berth:index:ComposeProject", name, {}, opts);
    const problems = new Problems();
    const limits: Partial<ComposeLimits> = args.maxInstances !== undefined ? { maxInstances: args.maxInstances } : {};
    const source = loadComposeSource(args, "docker", problems, limits);
    problems.throwIfAny(this, "ComposeProject", name);
    // Without a source a problem was recorded, and throwIfAny has thrown.
    const loaded = source!;
    reportDiagnostics(this, "ComposeProject", name, loaded.diagnostics, problems);
    const model = loaded.model!;
    const project = args.projectName ?? model.name ?? name;
    const plan = dockerPlan(model, project);
    problems.addAll(plan.problems);
    const digests: Record<string, string> = {};
    for (const s of plan.services) {
      if (!s.build) continue;
      try {
        digests[s.key] = buildContextDigest(s.build.args.context, { dockerfile: s.build.args.dockerfile });
      } catch (err) {
        if (!(err instanceof BuildContextError)) throw err;
        problems.add(`services.${s.key}.build`, err.message);
      }
    }
    problems.throwIfAny(this, "ComposeProject", name);

    const provider = engineProvider(this, name, args.host, opts);
    const childOpts: pulumi.CustomResourceOptions = provider ? { parent: this, provider } : { parent: this };
    const labelList = (labels: Record<string, string>) =>
      Object.keys(labels)
        .sort()
        .map((label) => ({ label, value: labels[label]! }));

    const networks: Record<string, docker.Network> = {};
    for (const n of plan.networks.filter((x) => !x.external)) {
      const netArgs: docker.NetworkArgs = { name: n.name, driver: n.driver, labels: labelList(n.labels) };
      if (Object.keys(n.options).length > 0) netArgs.options = n.options;
      if (n.internal !== undefined) netArgs.internal = n.internal;
      if (n.attachable !== undefined) netArgs.attachable = n.attachable;
      if (n.ipv6 !== undefined) netArgs.ipv6 = n.ipv6;
      if (n.ipam) {
        if (n.ipam.driver !== undefined) netArgs.ipamDriver = n.ipam.driver;
        if (n.ipam.configs.length > 0) netArgs.ipamConfigs = n.ipam.configs;
        if (Object.keys(n.ipam.options).length > 0) netArgs.ipamOptions = n.ipam.options;
      }
      networks[n.key] = new docker.Network(`${name}-network-${n.key}`, netArgs, childOpts);
    }
    const volumes: Record<string, docker.Volume> = {};
    for (const v of plan.volumes.filter((x) => !x.external)) {
      const volArgs: docker.VolumeArgs = { name: v.name, labels: labelList(v.labels) };
      if (v.driver !== undefined) volArgs.driver = v.driver;
      if (Object.keys(v.options).length > 0) volArgs.driverOpts = v.options;
      volumes[v.key] = new docker.Volume(`${name}-volume-${v.key}`, volArgs, childOpts);
    }

    const imageIds: Record<string, pulumi.Output<string>> = {};
    const imageOf = (s: DockerPlanService): { repository: pulumi.Input<string>; tag: string } => {
      if (!s.build) return s.image!;
      const digest = digests[s.key]!;
      // Built on this engine, never pushed: named as Compose names it, and tagged with the context's digest, so
      // the container (which runs that tag) is replaced whenever the context changes.
      const built = new docker.RemoteImage(
        `${name}-${s.key}-build`,
        {
          name: `${s.build.repository}:${s.build.tag}`,
          build: { ...s.build.args, tags: [...(s.build.args.tags ?? []), `${s.build.repository}:${digest}`] },
          triggers: { contextDigest: digest },
          keepLocally: true,
        },
        childOpts,
      );
      imageIds[s.key] = built.imageId;
      return { repository: built.name.apply(() => s.build!.repository), tag: digest };
    };

    const replicas: Record<string, DockerContainer[]> = {};
    const firstOf: Record<string, DockerContainer> = {};
    projectContainers.set(this, firstOf);
    const exitCodes: Record<string, pulumi.Output<number | undefined>> = {};
    for (const s of plan.services) {
      const image = imageOf(s);
      s.containerNames.forEach((containerName, i) => {
        const dependsOn: pulumi.Resource[] = [
          ...s.networkKeys.map((k) => networks[k]!),
          ...s.volumeKeys.map((k) => volumes[k]!),
          ...s.dependsOn.flatMap((d) => replicas[d.service] ?? []),
        ];
        // Dependants of a one-shot service start only when it exited 0: the label's value is known only then.
        const dependsLabel = pulumi
          .all(s.dependsOn.map((d) => pulumi.all([d.service, d.condition, exitCodes[d.service] ?? pulumi.output(undefined)])))
          .apply((deps) => {
            try {
              return dependsOnLabel(
                s.key,
                deps.map(([service, condition, exitCode]) => ({ service, condition, exitCode })),
              );
            } catch (err) {
              throw new pulumi.ResourceError((err as Error).message, this);
            }
          });
        const labels: { [key: string]: pulumi.Input<string> } = { ...s.labels };
        if (s.dependsOn.length > 0) labels["com.docker.compose.depends_on"] = dependsLabel;
        if (s.containerNames.length > 1) labels["com.docker.compose.container-number"] = String(i + 1);
        const container = new DockerContainer(
          replicaName(name, s.key, i),
          {
            name: containerName,
            image,
            ...(args.host ? { host: args.host } : {}),
            create: { params: s.params },
            ...(s.ports.length > 0 ? { ports: s.ports } : {}),
            ...(Object.keys(s.env).length > 0 ? { env: s.env } : {}),
            ...(s.volumes.length > 0 ? { volumes: s.volumes } : {}),
            ...(s.command ? { command: s.command } : {}),
            ...(s.entrypoint ? { entrypoint: s.entrypoint } : {}),
            ...(s.restart !== undefined ? { restart: s.restart } : {}),
            ...(s.files.length > 0
              ? {
                  files: s.files.map((f) => ({
                    path: f.path,
                    content: f.kind === "secret" ? pulumi.secret(f.content) : f.content,
                    owner: f.owner,
                    group: f.group,
                    permissions: f.permissions,
                  })),
                }
              : {}),
            labels,
            // Dependants wait through DockerContainer itself: for a healthy healthcheck, or for a one-shot to exit.
            ...(s.wait === "healthy" ? { start: { waitForHealthy: true, timeout: s.healthTimeoutSeconds } } : {}),
            ...(s.wait === "completed" ? { runToCompletion: true } : {}),
          },
          { parent: this, dependsOn, ...(provider ? { provider } : {}) },
        );
        replicas[s.key] = [...(replicas[s.key] ?? []), container];
        if (i === 0) firstOf[s.key] = container;
      });
      if (s.wait === "completed") exitCodes[s.key] = firstOf[s.key]!.exitCode;
    }

    this.projectName = pulumi.output(project);
    this.containerNames = pulumi.all(Object.fromEntries(Object.entries(firstOf).map(([k, c]) => [k, c.containerName])));
    this.containerIds = pulumi.all(Object.fromEntries(Object.entries(firstOf).map(([k, c]) => [k, c.containerId])));
    this.imageIds = pulumi.all(imageIds);
    this.warnings = pulumi.output(loaded.diagnostics.filter((d) => d.severity === "warning").map((d) => `${d.where}: ${d.message}`));
    this.registerOutputs({
      projectName: this.projectName,
      containerNames: this.containerNames,
      containerIds: this.containerIds,
      imageIds: this.imageIds,
      warnings: this.warnings,
    });
  }

  /**
   * The `DockerContainer` of one service (its first replica), to depend on it or read its outputs.
   * @throws when the project has no such service (the message lists the services it has)
   */
  public container(service: string): DockerContainer {
    const containers = projectContainers.get(this) ?? {};
    const found = containers[service];
    if (!found) {
      const known = Object.keys(containers).sort().join(", ");
      throw new Error(`ComposeProject has no service "${service}"; its services are: ${known}`);
    }
    return found;
  }
}
