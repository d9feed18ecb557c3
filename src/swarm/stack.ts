import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";
import { reportDiagnostics } from "../compose/report";
import { loadComposeSource } from "../compose/source";
import { Problems } from "../core/problems";
import { engineName, fileObjectArgs, networkArgs, serviceArgs, volumeArgs } from "./stack-mapping";

/** The arguments of a {@link SwarmStack}. Set exactly one of `file` and `content`. */
export interface SwarmStackArgs {
  /** The path of a Compose file (Compose Specification). @default none */
  file?: string;
  /** The text of a Compose file; relative paths in it are resolved against `baseDir`. @default none */
  content?: string;
  /** The folder relative paths in `content` are resolved against. @default the current directory */
  baseDir?: string;
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
 * A Compose file deployed as a Swarm stack: each service a `docker.Service`, each network an overlay `docker.Network`,
 * each volume, config and secret its `docker.Volume`, `docker.ServiceConfig` and `docker.Secret`. Keys with no Swarm
 * meaning are warned about with their file:line (errors with `strict`). Use a `docker.Provider` pointing at a manager.
 *
 * @example
 * ```ts
 * const stack = new SwarmStack("shop", { file: "compose.yaml", rollbackOnFailure: true }, { provider: manager });
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
    const source = loadComposeSource(args, "swarm", problems);
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
        },
      );
      this.services[s.name] = new docker.Service(`${name}-${s.name}`, spec, { parent: this });
    }

    this.stackName = pulumi.output(stack);
    this.serviceNames = pulumi.output(Object.fromEntries(model.services.map((s) => [s.name, `${stack}_${s.name}`])));
    this.serviceIds = pulumi.all(Object.fromEntries(Object.entries(this.services).map(([k, v]) => [k, v.id])));
    this.networkIds = pulumi.all(Object.fromEntries(Object.entries(networks).map(([k, v]) => [k, v.id])));
    this.warnings = pulumi.output(loaded.diagnostics.map((d) => `${d.where}: ${d.message}`));
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
