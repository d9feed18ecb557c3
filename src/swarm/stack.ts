import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";
import { remoteImageBuild } from "../compose/build-args";
import type { ComposeLimits } from "../compose/limits";
import { reportDiagnostics } from "../compose/report";
import { loadComposeSource } from "../compose/source";
import { Problems } from "../core/problems";
import { BuildContextError, buildContextDigest } from "../docker/build-context";
import { engineName, fileObjectArgs, networkArgs, type SwarmBuildPlan, serviceArgs, swarmBuildPlan, volumeArgs } from "../compose/targets/swarm";

/** Credentials for the registry builds are pushed to. */
export interface RegistryAuthArgs {
  /** The user name. */
  username: pulumi.Input<string>;
  /** The password or token; kept as a secret. */
  password: pulumi.Input<string>;
}

/** The arguments of a {@link SwarmStack}. Set exactly one of `file` and `content`. */
export interface SwarmStackArgs {
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
   * Where services with `build` are pushed, `HOST[:PORT][/PREFIX]`: built on the manager's engine, tagged
   * `REGISTRY/STACK-SERVICE:<content digest>`, pushed, and run by that tag on every node.
   * @default the file's `x-berth-registry`; without either, a service with `build` and no `image` is an error
   */
  registry?: string;
  /** Credentials for the registry (or the registry of a service's `image`). @default none: the engine's own */
  registryAuth?: RegistryAuthArgs;
  /** Tasks the stack may run in all (replicas summed over services). @default 10000 */
  maxInstances?: number;
  /**
   * The stack name: engine objects are named `<stackName>_<key>` and labelled `com.docker.stack.namespace`, as
   * `docker stack deploy` names them.
   * @default the file's top-level `name`, else the component name
   */
  stackName?: string;
  /**
   * Variables for `${VAR}` interpolation, over the process environment, over a `.env` file beside the Compose file.
   * @default {}
   */
  variables?: { [key: string]: string };
  /** Make every warned key (no Swarm meaning) an error instead of a warning. @default false */
  strict?: boolean;
  /** Roll a service back to its previous spec when an update fails (update_config.failure_action `rollback`). @default false */
  rollbackOnFailure?: boolean;
  /** Wait for every service to converge (all tasks running) before the deployment succeeds. @default true */
  waitForConvergence?: boolean;
  /** Seconds between convergence checks. @default 2 */
  convergeDelaySeconds?: number;
  /** Seconds a service may take to converge before the deployment fails. @default 180 */
  convergeTimeoutSeconds?: number;
}

/**
 * A Compose project deployed as a Swarm stack: each service a `docker.Service`, each network an overlay
 * `docker.Network`, each volume, config and secret its `docker.Volume`, `docker.ServiceConfig` and `docker.Secret`; a
 * service with `build` is built on the manager's engine (`docker.RemoteImage`), pushed to `registry`
 * (`docker.RegistryImage`) under its content-digest tag, and run by that tag on every node. The project is read as
 * `docker compose` reads it (override files, include, extends, profiles, `.env`), every file inside `root`. Keys
 * with no Swarm meaning are warned about with their file:line (errors with `strict`). Use a `docker.Provider`
 * pointing at a manager.
 *
 * @example
 * ```ts
 * const stack = new SwarmStack("shop", { file: "compose.yaml", registry: "registry.example.com/shop", rollbackOnFailure: true }, { provider: manager });
 * export const services = stack.serviceNames;
 * ```
 */
export class SwarmStack extends pulumi.ComponentResource {
  /** The stack name. */
  public readonly stackName: pulumi.Output<string>;
  /** Engine service name per Compose service. */
  public readonly serviceNames: pulumi.Output<Record<string, string>>;
  /** Service id per Compose service. */
  public readonly serviceIds: pulumi.Output<Record<string, string>>;
  /** Network id per Compose network the stack created. */
  public readonly networkIds: pulumi.Output<Record<string, string>>;
  /** The loader's warnings, as `file:line:column: message`. */
  public readonly warnings: pulumi.Output<string[]>;
  /** The `docker.Service` per Compose service. */
  public readonly services: Record<string, docker.Service>;

  constructor(name: string, args: SwarmStackArgs, opts?: pulumi.ComponentResourceOptions) {
    super("berth:index:SwarmStack", name, {}, opts);
    const problems = new Problems();
    const limits: Partial<ComposeLimits> = args.maxInstances !== undefined ? { maxInstances: args.maxInstances } : {};
    const source = loadComposeSource(args, "swarm", problems, limits);
    for (const key of ["convergeDelaySeconds", "convergeTimeoutSeconds"] as const) {
      const v = args[key];
      if (v !== undefined && !(Number.isFinite(v) && v > 0)) problems.add(key, "must be a positive number of seconds");
    }
    problems.throwIfAny(this, "SwarmStack", name);
    // Without a source a problem was recorded, and throwIfAny has thrown.
    const loaded = source!;
    reportDiagnostics(this, "SwarmStack", name, loaded.diagnostics, problems);
    const model = loaded.model!;
    const stack = args.stackName ?? model.name ?? name;
    const registry = args.registry ?? model.registry;
    const builds: Record<string, { plan: SwarmBuildPlan; digest: string }> = {};
    for (const s of model.services) {
      if (!s.build) continue;
      const plan = swarmBuildPlan(s, stack, registry);
      if ("problem" in plan) {
        problems.add(`services.${s.name}.build`, plan.problem);
        continue;
      }
      try {
        builds[s.name] = { plan, digest: buildContextDigest(s.build.context, { dockerfile: s.build.dockerfile }) };
      } catch (err) {
        if (!(err instanceof BuildContextError)) throw err;
        problems.add(`services.${s.name}.build`, err.message);
      }
    }
    problems.throwIfAny(this, "SwarmStack", name);
    const images: Record<string, pulumi.Output<string>> = {};
    for (const s of model.services) {
      const b = builds[s.name];
      if (!b || !s.build) continue;
      const tagged = `${b.plan.repository}:${b.digest}`;
      const args_ = remoteImageBuild(s.build);
      // Built on the manager's engine under the content-digest tag (and the service's own image name), then pushed.
      const built = new docker.RemoteImage(
        `${name}-${s.name}-build`,
        {
          name: b.plan.namedImage ?? tagged,
          build: b.plan.namedImage ? { ...args_, tags: [...(args_.tags ?? []), tagged] } : args_,
          triggers: { contextDigest: b.digest },
          keepLocally: true,
        },
        { parent: this },
      );
      const auth = args.registryAuth
        ? { authConfig: { address: b.plan.registry, username: args.registryAuth.username, password: pulumi.secret(args.registryAuth.password) } }
        : {};
      const push = (suffix: string, image: string) =>
        new docker.RegistryImage(`${name}-${s.name}-${suffix}`, { name: image, keepRemotely: true, triggers: { contextDigest: b.digest }, ...auth }, { parent: this, dependsOn: [built] });
      const pushed = push("push", tagged);
      if (b.plan.namedImage) push("push-tag", b.plan.namedImage);
      images[s.name] = pushed.name;
    }

    const networks: Record<string, docker.Network> = {};
    for (const n of networkArgs(model, stack)) {
      networks[n.key] = new docker.Network(`${name}-network-${n.key}`, n.args, { parent: this });
    }
    for (const v of volumeArgs(model, stack)) new docker.Volume(`${name}-volume-${v.key}`, v.args, { parent: this });
    const configs: Record<string, docker.ServiceConfig> = {};
    for (const c of fileObjectArgs(model.configs, stack)) {
      configs[c.key] = new docker.ServiceConfig(`${name}-config-${c.key}`, c.args, { parent: this });
    }
    const secrets: Record<string, docker.Secret> = {};
    for (const c of fileObjectArgs(model.secrets, stack)) {
      secrets[c.key] = new docker.Secret(
        `${name}-secret-${c.key}`,
        { ...c.args, data: pulumi.secret(c.args.data) },
        { parent: this },
      );
    }
    // An external network is looked up by name: the provider wants its id (a name would show as a change on every run).
    const externalIds: Record<string, pulumi.Output<string>> = {};
    const externalNetworkId = (key: string): pulumi.Output<string> => {
      externalIds[key] ??= docker.getNetworkOutput({ name: engineName(stack, { key, external: true, ...nameOf(model, key) }) }, { parent: this }).id;
      return externalIds[key];
    };
    const wait = args.waitForConvergence ?? true;
    const converge = wait
      ? { delay: `${args.convergeDelaySeconds ?? 2}s`, timeout: `${args.convergeTimeoutSeconds ?? 180}s` }
      : undefined;
    this.services = {};
    for (const s of model.services) {
      const spec = serviceArgs(
        s,
        model,
        { stack, rollbackOnFailure: args.rollbackOnFailure ?? false, ...(converge ? { converge } : {}) },
        {
          networkId: (key) => networks[key]?.id ?? externalNetworkId(key),
          configId: (key) => configs[key]!.id,
          secretId: (key) => secrets[key]!.id,
          builtImage: (service) => images[service]!,
        },
      );
      this.services[s.name] = new docker.Service(`${name}-${s.name}`, spec, { parent: this });
    }

    this.stackName = pulumi.output(stack);
    this.serviceNames = pulumi.output(Object.fromEntries(model.services.map((s) => [s.name, `${stack}_${s.name}`])));
    this.serviceIds = pulumi.all(Object.fromEntries(Object.entries(this.services).map(([k, v]) => [k, v.id])));
    this.networkIds = pulumi.all(Object.fromEntries(Object.entries(networks).map(([k, v]) => [k, v.id])));
    this.warnings = pulumi.output(loaded.diagnostics.filter((d) => d.severity === "warning").map((d) => `${d.where}: ${d.message}`));
    this.registerOutputs({
      stackName: this.stackName,
      serviceNames: this.serviceNames,
      serviceIds: this.serviceIds,
      networkIds: this.networkIds,
      warnings: this.warnings,
    });
  }
}

function nameOf(model: { networks: { key: string; name?: string }[] }, key: string): { name?: string } {
  const n = model.networks.find((x) => x.key === key);
  return n?.name !== undefined ? { name: n.name } : {};
}
