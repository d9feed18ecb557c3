/**
 * The readiness dynamic resource: after the container starts, waits for its processes (Docker `top`), TCP ports and
 * a log line; re-runs when the container is replaced. Its delete stops the container and confirms that it exited,
 * and since it depends on the container, Pulumi deletes it before the container.
 */
import * as pulumi from "@pulumi/pulumi";
import { dynamicProvider } from "./dynamic-shim";
import type { EngineHost } from "./engine-host";

/** The wait's inputs, resolved. */
export interface ReadinessInputs {
  /** The engine. @default the local engine */
  host?: EngineHost;
  /** The container to wait for. */
  containerId: string;
  /** Substrings of process commands that must all be running. */
  processes: string[];
  /** Container TCP ports that must accept connections. */
  ports: number[];
  /** A regular expression a log line must match ("" for none). */
  logPattern: string;
  /** Seconds between checks. */
  retryInterval: number;
  /** Seconds the wait may take in all. */
  timeout: number;
  /** Seconds between SIGTERM and SIGKILL when stopping. */
  stopTimeout: number;
  /** Seconds between checks that the stopped container has exited. */
  stopRetryInterval: number;
}

/** The wait's state. */
export interface ReadinessState extends ReadinessInputs {
  /** True: the wait passed. */
  ready: boolean;
}

/**
 * The dynamic provider, as Pulumi serializes it: create and update wait; delete stops the container and confirms
 * the exit. Its methods run `berth/dynamic` by name (providers/readiness.ts holds what they do).
 */
export const readinessProvider = dynamicProvider("readiness");

/** The arguments of a {@link Readiness}. */
export interface ReadinessArgs {
  /** The engine. @default the local engine */
  host?: pulumi.Input<EngineHost>;
  /** The container to wait for. */
  containerId: pulumi.Input<string>;
  /** Substrings of process commands that must all be running. @default [] */
  processes?: pulumi.Input<pulumi.Input<string>[]>;
  /** Container TCP ports that must accept connections. @default [] */
  ports?: pulumi.Input<pulumi.Input<number>[]>;
  /** A regular expression a log line must match. @default "" (none) */
  logPattern?: pulumi.Input<string>;
  /** Seconds between checks. @default 1 */
  retryInterval?: pulumi.Input<number>;
  /** Seconds the wait may take in all. @default 300 */
  timeout?: pulumi.Input<number>;
  /** Seconds between SIGTERM and SIGKILL when stopping. @default 10 */
  stopTimeout?: pulumi.Input<number>;
  /** Seconds between checks that the stopped container has exited. @default 10 */
  stopRetryInterval?: pulumi.Input<number>;
}

/** A container's readiness wait (type `pulumi-nodejs:dynamic/berth:Readiness`). */
export class Readiness extends pulumi.dynamic.Resource {
  /** True once the wait passed. */
  public declare readonly ready: pulumi.Output<boolean>;

  constructor(name: string, args: ReadinessArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      readinessProvider,
      name,
      {
        host: args.host,
        containerId: args.containerId,
        processes: args.processes ?? [],
        ports: args.ports ?? [],
        logPattern: args.logPattern ?? "",
        retryInterval: args.retryInterval ?? 1,
        timeout: args.timeout ?? 300,
        stopTimeout: args.stopTimeout ?? 10,
        stopRetryInterval: args.stopRetryInterval ?? 10,
        ready: undefined,
      },
      opts,
      "berth",
      "Readiness",
    );
  }
}
