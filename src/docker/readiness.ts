/**
 * The readiness dynamic resource: after the container starts, waits for its processes (Docker `top`), TCP ports and
 * a log line; re-runs when the container is replaced. Its delete stops the container and confirms that it exited,
 * and since it depends on the container, Pulumi deletes it before the container. A thin wrapper over engine.ts.
 */
import * as pulumi from "@pulumi/pulumi";
import type { EngineHost } from "./engine-host";
import { ENGINE_MODULE, TSX_HOOK, anyUnknown, connectEngine, hostKey } from "./engine-loader";

const engineModule = ENGINE_MODULE;
const tsxHook = TSX_HOOK;

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

/** Fields whose change re-runs the wait on the same container. */
const WAIT_FIELDS = ["processes", "ports", "logPattern", "retryInterval", "timeout"] as const;

async function wait(inputs: ReadinessInputs): Promise<ReadinessState> {
  const engine = connectEngine(inputs.host, engineModule, tsxHook);
  await engine.waitUntilReady(inputs.containerId, {
    processes: inputs.processes,
    ports: inputs.ports,
    logPattern: inputs.logPattern,
    retryInterval: inputs.retryInterval,
    timeout: inputs.timeout,
  });
  return { ...inputs, ready: true };
}

/** The dynamic provider: create and update wait; delete stops the container and confirms the exit. */
export const readinessProvider = {
  async create(inputs: ReadinessInputs): Promise<{ id: string; outs: ReadinessState }> {
    return { id: `${inputs.containerId}-ready`, outs: await wait(inputs) };
  },

  async read(id: string, props: ReadinessState): Promise<{ id?: string; props?: ReadinessState }> {
    const engine = connectEngine(props.host, engineModule, tsxHook);
    const facts = await engine.inspect(props.containerId);
    if (!facts) return {};
    return { id, props: { ...props, ready: props.ready && (facts.running || facts.restarting) } };
  },

  async diff(_id: string, olds: ReadinessState, news: ReadinessInputs): Promise<pulumi.dynamic.DiffResult> {
    const replaces: string[] = [];
    if (olds.containerId !== news.containerId || anyUnknown(news.containerId)) replaces.push("containerId");
    if (hostKey(olds.host) !== hostKey(news.host)) replaces.push("host");
    const changed = [...WAIT_FIELDS, "stopTimeout", "stopRetryInterval"].filter(
      (k) => JSON.stringify(olds[k as keyof ReadinessInputs]) !== JSON.stringify(news[k as keyof ReadinessInputs]),
    );
    return { changes: replaces.length > 0 || changed.length > 0, replaces };
  },

  async update(_id: string, olds: ReadinessState, news: ReadinessInputs): Promise<{ outs: ReadinessState }> {
    const rewait = WAIT_FIELDS.some((k) => JSON.stringify(olds[k]) !== JSON.stringify(news[k]));
    return { outs: rewait ? await wait(news) : { ...news, ready: olds.ready } };
  },

  async delete(_id: string, props: ReadinessState): Promise<void> {
    const engine = connectEngine(props.host, engineModule, tsxHook);
    await engine.stop(props.containerId, { timeout: props.stopTimeout, retryInterval: props.stopRetryInterval });
  },
};

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
