/**
 * Run-time helpers shared by the live {@link Blueprint} and the programs `berth import` writes, so both apply the
 * blueprint's functions and read the stack's configuration the same way (Python `str()` in `concat`, shallow `merge`,
 * inputs from config, SSH settings read when the program runs, capabilities of other stacks).
 */
import * as pulumi from "@pulumi/pulumi";
import type { JsonAny } from "../core/json";
import { secretConfigKey } from "../core/secret-rule";
import { type RuntimeFunction, applyFunction } from "./functions/values";

/** True when a value holds no Output or Promise anywhere. */
function plain(v: unknown): boolean {
  if (pulumi.Output.isInstance(v) || v instanceof Promise) return false;
  if (Array.isArray(v)) return v.every(plain);
  if (v !== null && typeof v === "object") return Object.values(v).every(plain);
  return true;
}

/** Functions whose result holds credentials (a kubeconfig, a script with its inputs): secret from the moment they exist. */
const SECRET_RESULTS = new Set<RuntimeFunction>(["toJson"]);

/** Applies a blueprint function: a plain value when every argument is plain, else an Output. */
export function blueprintCall(fn: RuntimeFunction, ...args: unknown[]): JsonAny {
  return blueprintCallList(fn, args);
}

/**
 * {@link blueprintCall} with its arguments as one array: what generated programs call for a long argument list (a
 * `concat` of 100,000 parts), since a call written with more than 65,535 arguments is a syntax error in JavaScript.
 */
export function blueprintCallList(fn: RuntimeFunction, args: readonly unknown[]): JsonAny {
  if (SECRET_RESULTS.has(fn)) return pulumi.secret(pulumi.all(args.map((a) => pulumi.output(a))).apply((resolved) => applyFunction(fn, resolved)));
  if (args.every(plain)) return applyFunction(fn, args);
  return pulumi.all(args.map((a) => pulumi.output(a))).apply((resolved) => applyFunction(fn, resolved));
}

/** A Pulumi config secret (`get_secret`, read from {@link secretConfigKey}), optionally a path into its JSON value. */
export function blueprintSecret(name: string, ...path: (string | number)[]): pulumi.Output<JsonAny> {
  const value = new pulumi.Config().requireSecret(secretConfigKey(name));
  if (path.length === 0) return value;
  return value.apply((text) => applyFunction("pick", [JSON.parse(text), ...path]));
}

/** Parses a config value as JSON when it is JSON, else keeps the text. */
function configValue(text: string): JsonAny {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * A deployment input from the stack's config (JSON or plain text), else the value the blueprint was imported with;
 * a Pulumi secret when `secret` (an input that is or feeds a credential).
 */
export function blueprintInput(name: string, fallback: JsonAny, secret = false): JsonAny {
  const config = new pulumi.Config();
  if (secret) {
    const text = config.getSecret(name);
    return text === undefined ? pulumi.secret(pulumi.output(fallback)) : text.apply(configValue);
  }
  const text = config.get(name);
  return text === undefined ? fallback : configValue(text);
}

/** The config type an input's declared type reads as. */
export type ConfigType = "string" | "number" | "boolean" | "object";

/**
 * A deployment input the blueprint gives no value for: required stack config of its declared type (a secret when it
 * is one or feeds one). `pulumi up` stops with Pulumi's own message naming the key when it is not set.
 */
export function blueprintRequire(name: string, type: ConfigType, secret: boolean): JsonAny {
  const config = new pulumi.Config();
  if (secret) {
    if (type === "number") return config.requireSecretNumber(name);
    if (type === "boolean") return config.requireSecretBoolean(name);
    if (type === "object") return config.requireSecretObject<JsonAny>(name);
    return config.requireSecret(name);
  }
  if (type === "number") return config.requireNumber(name);
  if (type === "boolean") return config.requireBoolean(name);
  if (type === "object") return config.requireObject<JsonAny>(name);
  return config.require(name);
}

/** What the blueprint says about reaching a host over SSH (each may come from config or another resource). */
export interface SshDefaults {
  /** The user the blueprint names (agent_config.user, fabric_env.user, ...). @default the `agent_user` config key, required */
  user?: pulumi.Input<string> | null;
  /** The private key the blueprint names. @default the `agent_key_private` config secret, required */
  privateKey?: pulumi.Input<string> | null;
  /** The SSH port. @default 22 */
  port?: pulumi.Input<number> | null;
}

/**
 * The SSH connection of a command that runs on a host of the blueprint, read when the program runs: the address is
 * the host's (or the `<host>_address` config key), the user the `agent_user` config key, else the blueprint's, and
 * the key the blueprint's, else the `agent_key_private` config secret. Nothing is fixed at import.
 */
export function blueprintSsh(host: string, address: pulumi.Input<string> | null | undefined, defaults: SshDefaults = {}) {
  const config = new pulumi.Config();
  const override = config.get(`${host}_address`);
  const user = config.get("agent_user") ?? defaults.user ?? config.require("agent_user");
  return {
    host: override ?? address ?? config.require(`${host}_address`),
    user,
    privateKey: defaults.privateKey ? pulumi.secret(defaults.privateKey) : config.requireSecret("agent_key_private"),
    ...(defaults.port ? { port: defaults.port } : {}),
  };
}

/** The Docker engine of a host reached over SSH (`ssh://user@address`), read when the program runs like {@link blueprintSsh}. */
export function blueprintSshUrl(host: string, address: pulumi.Input<string> | null | undefined, user?: pulumi.Input<string> | null): pulumi.Output<string> {
  const ssh = blueprintSsh(host, address, { user, privateKey: "unused" });
  return pulumi.interpolate`ssh://${ssh.user}@${ssh.host}`;
}

/**
 * The Pulumi stack that stands for a Cloudify deployment (`get_capability`, `Component`, `SharedResource`): the
 * entry for the deployment in the `stacks` config object, else the deployment id itself.
 */
export function blueprintStackName(deployment: string): string {
  const stacks = new pulumi.Config().getObject<Record<string, string>>("stacks") ?? {};
  return typeof stacks[deployment] === "string" ? stacks[deployment]! : deployment;
}

/** `get_sys`: the tenant's name (the organization), the deployment's id and name (the stack), its blueprint (the project). */
export function blueprintSys(entity: string, property: string): string {
  if (entity === "tenant") return organization();
  if (property === "blueprint") return pulumi.getProject();
  if (property === "owner") return new pulumi.Config().get("owner") ?? organization();
  return pulumi.getStack();
}

/** The stack's organization (Cloudify's tenant); Cloudify's default tenant name when the engine names none. */
function organization(): string {
  try {
    return pulumi.getOrganization();
  } catch {
    return "default_tenant";
  }
}

/** A stack config value (`blueprintConfig("stacks", {})`), JSON parsed, else the fallback. */
export function blueprintConfig(name: string, fallback: JsonAny): JsonAny {
  const text = new pulumi.Config().get(name);
  return text === undefined ? fallback : configValue(text);
}

/** An output of a resource (a `get_attribute`), optionally a path into it. */
export function blueprintOutput(resource: object, output: string, ...path: (string | number)[]): pulumi.Output<JsonAny> {
  const value: pulumi.Output<unknown> = pulumi.output((resource as unknown as Record<string, unknown>)[output]);
  return path.length === 0 ? value : value.apply((v: unknown) => applyFunction("pick", [v, ...path]));
}

/**
 * A node the program does not convert: it creates nothing. Its properties are kept as the blueprint evaluated them,
 * so a person converting it by hand has everything the node said, and `reason` says why it was left.
 */
export interface BlueprintPlaceholder {
  /** The node template's name. */
  readonly node: string;
  /** Its Cloudify type. */
  readonly type: string;
  /** Why it is not converted. */
  readonly reason: string;
  /** Its properties as the blueprint gives them. */
  readonly properties: { [key: string]: JsonAny };
  /** Always true: nothing was created for this node. */
  readonly createsNothing: true;
}

/**
 * Records a node that is not converted, as a typed value that creates nothing (see {@link BlueprintPlaceholder}).
 *
 * @example
 * ```ts
 * const vm = blueprintPlaceholder({ node: "vm", type: "cloudify.nodes.azure.compute.VirtualMachine", reason: "...", properties: {} });
 * ```
 */
export function blueprintPlaceholder(spec: Omit<BlueprintPlaceholder, "createsNothing">): BlueprintPlaceholder {
  return Object.freeze({ ...spec, createsNothing: true as const });
}

/** The helpers {@link HelperRef}s name, by name (the live Blueprint calls them from here). */
export const RUNTIME_HELPERS = { blueprintRequire, blueprintSsh, blueprintSshUrl, blueprintStackName, blueprintSys, blueprintConfig } as const;
