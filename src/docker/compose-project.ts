import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";
import { dependsOnLabel, dockerPlan } from "../compose/docker-plan";
import { reportDiagnostics } from "../compose/report";
import { loadComposeSource } from "../compose/source";
import { Problems } from "../core/problems";
import { DockerContainer } from "./container";
import { engineProvider } from "./engine-provider";
import type { DockerHostArgs } from "./container-args";

/** The arguments of a {@link ComposeProject}. Set exactly one of `file` and `content`. */
export interface ComposeProjectArgs {
  /** The path of a Compose file (Compose Specification). @default none */
  file?: string;
  /** The text of a Compose file; relative paths in it are resolved against `baseDir`. @default none */
  content?: string;
  /** The folder relative paths in `content` are resolved against. @default the current directory */
  baseDir?: string;
  /**
   * The project name: containers are named `<project>-<service>-1` (unless `container_name` is set), networks and
   * volumes `<project>_<key>`, as `docker compose` names them.
   * @default the file's top-level `name`, else the component name
   */
  projectName?: string;
  /** Variables for `${VAR}` interpolation, over the process environment, over a `.env` file beside the file. @default {} */
  variables?: { [key: string]: string };
  /** Make every warned key (no meaning on a single host) an error instead of a warning. @default false */
  strict?: boolean;
  /** The engine every container, network and volume is created on. @default the local engine (or the provider passed) */
  host?: DockerHostArgs;
}

/**
 * Each project's `DockerContainer` per service. Kept outside the class: Pulumi's component schema analyzer reads every
 * member of a component class (private ones too) as an output, and has no type for a reference to a Berth component.
 */
const projectContainers = new WeakMap<ComposeProject, Record<string, DockerContainer>>();

/**
 * A Compose file on one Docker host: a `DockerContainer` per service, a bridge `docker.Network` per network and a
 * `docker.Volume` per volume. Containers are created in `depends_on` order; `condition: service_healthy` makes the
 * dependency's container wait until the engine reports its healthcheck healthy, and
 * `condition: service_completed_successfully` runs the dependency to its end and starts dependants only when it
 * exited 0. Keys with no meaning on one host are warned about with their file:line (errors with `strict`).
 *
 * @example
 * ```ts
 * const app = new ComposeProject("shop", { file: "compose.yaml" });
 * export const web = app.containerNames.apply((n) => n["web"]);
 * ```
 */
export class ComposeProject extends pulumi.ComponentResource {
  /** The project name. */
  public readonly projectName: pulumi.Output<string>;
  /** Container name per service. */
  public readonly containerNames: pulumi.Output<Record<string, string>>;
  /** Container id per service. */
  public readonly containerIds: pulumi.Output<Record<string, string>>;
  /** The loader's warnings, as `file:line:column: message`. */
  public readonly warnings: pulumi.Output<string[]>;

  constructor(name: string, args: ComposeProjectArgs, opts?: pulumi.ComponentResourceOptions) {
    super("berth:index:ComposeProject", name, {}, opts);
    const problems = new Problems();
    const source = loadComposeSource(args, "docker", problems);
    problems.throwIfAny(this, "ComposeProject", name);
    // Without a source a problem was recorded, and throwIfAny has thrown.
    const loaded = source!;
    reportDiagnostics(this, "ComposeProject", name, loaded.diagnostics, problems);
    const model = loaded.model!;
    const project = args.projectName ?? model.name ?? name;
    const plan = dockerPlan(model, project);
    problems.addAll(plan.problems);
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
      networks[n.key] = new docker.Network(`${name}-network-${n.key}`, netArgs, childOpts);
    }
    const volumes: Record<string, docker.Volume> = {};
    for (const v of plan.volumes.filter((x) => !x.external)) {
      const volArgs: docker.VolumeArgs = { name: v.name, labels: labelList(v.labels) };
      if (v.driver !== undefined) volArgs.driver = v.driver;
      if (Object.keys(v.options).length > 0) volArgs.driverOpts = v.options;
      volumes[v.key] = new docker.Volume(`${name}-volume-${v.key}`, volArgs, childOpts);
    }

    const containers: Record<string, DockerContainer> = {};
    projectContainers.set(this, containers);
    const exitCodes: Record<string, pulumi.Output<number | undefined>> = {};
    for (const s of plan.services) {
      const dependsOn: pulumi.Resource[] = [
        ...s.networkKeys.map((k) => networks[k]!),
        ...s.volumeKeys.map((k) => volumes[k]!),
        ...s.dependsOn.map((d) => containers[d.service]!),
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
      const container = new DockerContainer(
        `${name}-${s.key}`,
        {
          name: s.containerName,
          image: { repository: s.image.repository, tag: s.image.tag },
          ...(args.host ? { host: args.host } : {}),
          create: { params: s.params },
          ...(s.ports.length > 0 ? { ports: s.ports } : {}),
          ...(Object.keys(s.env).length > 0 ? { env: s.env } : {}),
          ...(s.volumes.length > 0 ? { volumes: s.volumes } : {}),
          ...(s.command ? { command: s.command } : {}),
          ...(s.entrypoint ? { entrypoint: s.entrypoint } : {}),
          ...(s.restart !== undefined ? { restart: s.restart } : {}),
          labels,
          // Dependants wait through DockerContainer itself: for a healthy healthcheck, or for a one-shot to exit.
          ...(s.wait === "healthy" ? { start: { waitForHealthy: true, timeout: s.healthTimeoutSeconds } } : {}),
          ...(s.wait === "completed" ? { runToCompletion: true } : {}),
        },
        { parent: this, dependsOn, ...(provider ? { provider } : {}) },
      );
      containers[s.key] = container;
      if (s.wait === "completed") exitCodes[s.key] = container.exitCode;
    }

    this.projectName = pulumi.output(project);
    this.containerNames = pulumi.all(Object.fromEntries(Object.entries(containers).map(([k, c]) => [k, c.containerName])));
    this.containerIds = pulumi.all(Object.fromEntries(Object.entries(containers).map(([k, c]) => [k, c.containerId])));
    this.warnings = pulumi.output(loaded.diagnostics.map((d) => `${d.where}: ${d.message}`));
    this.registerOutputs({
      projectName: this.projectName,
      containerNames: this.containerNames,
      containerIds: this.containerIds,
      warnings: this.warnings,
    });
  }

  /**
   * The `DockerContainer` of one service, to depend on it or read its outputs.
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
