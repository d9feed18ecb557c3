/**
 * The readiness provider's implementation: waits for the container's processes (Docker `top`), TCP ports and a log
 * line; re-runs the wait when its settings change; its delete stops the container and confirms that it exited.
 * Loaded at run time through `berth/dynamic`, never serialized itself.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { ReadinessInputs, ReadinessState } from "../readiness";
import { anyUnknown, connect, hostKey } from "./common";

/** Fields whose change re-runs the wait on the same container. */
const WAIT_FIELDS = ["processes", "ports", "logPattern", "retryInterval", "timeout"] as const;

async function wait(inputs: ReadinessInputs): Promise<ReadinessState> {
  await connect(inputs.host).waitUntilReady(inputs.containerId, {
    processes: inputs.processes,
    ports: inputs.ports,
    logPattern: inputs.logPattern,
    retryInterval: inputs.retryInterval,
    timeout: inputs.timeout,
  });
  return { ...inputs, ready: true };
}

/** Create and update wait; read reports whether the container still runs; delete stops it and confirms the exit. */
export const readinessImpl = {
  async create(inputs: ReadinessInputs): Promise<{ id: string; outs: ReadinessState }> {
    return { id: `${inputs.containerId}-ready`, outs: await wait(inputs) };
  },

  async read(id: string, props: ReadinessState): Promise<{ id?: string; props?: ReadinessState }> {
    const facts = await connect(props.host).inspect(props.containerId);
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
    await connect(props.host).stop(props.containerId, { timeout: props.stopTimeout, retryInterval: props.stopRetryInterval });
  },
};
