/**
 * How {@link SwarmServiceArgs} become `docker.Service` arguments, and the checks on the values known before
 * deployment. Pure.
 */
import * as pulumi from "@pulumi/pulumi";
import type * as docker from "@pulumi/docker";
import type { Problem } from "../core/problems";
import type { SwarmResourceAmountArgs, SwarmServiceArgs } from "./service-args";

function known<T>(v: pulumi.Input<T> | undefined): v is T {
  return v !== undefined && !pulumi.Output.isInstance(v) && !(v instanceof Promise);
}

const ONE_OF: [string, (a: SwarmServiceArgs) => pulumi.Input<string> | undefined, string[]][] = [
  ["taskTemplate.restartPolicy.condition", (a) => a.taskTemplate.restartPolicy?.condition, ["none", "on-failure", "any"]],
  ["updateConfig.failureAction", (a) => a.updateConfig?.failureAction, ["pause", "continue", "rollback"]],
  ["updateConfig.order", (a) => a.updateConfig?.order, ["stop-first", "start-first"]],
  ["endpointSpec.mode", (a) => a.endpointSpec?.mode, ["vip", "dnsrr"]],
];

/** Every problem with the arguments that can be seen before deployment. */
export function checkServiceArgs(args: SwarmServiceArgs): Problem[] {
  const problems: Problem[] = [];
  if (!args.taskTemplate?.containerSpec) {
    problems.push({ where: "taskTemplate.containerSpec", message: "is required: set at least `image`" });
    return problems;
  }
  const image = args.taskTemplate.containerSpec.image;
  if (known(image) && image.trim() === "") problems.push({ where: "taskTemplate.containerSpec.image", message: "must not be empty" });
  if (args.mode?.global && args.mode.replicated) {
    problems.push({ where: "mode", message: "set either `replicated` or `global`, not both" });
  }
  const replicas = args.mode?.replicated?.replicas;
  if (known(replicas) && !(Number.isInteger(replicas) && replicas >= 0)) {
    problems.push({ where: "mode.replicated.replicas", message: "must be a whole number, 0 or more" });
  }
  for (const [where, get, allowed] of ONE_OF) {
    const v = get(args);
    if (known(v) && !allowed.includes(v)) problems.push({ where, message: `"${v}" is not one of ${allowed.join(", ")}` });
  }
  const ratio = args.updateConfig?.maxFailureRatio;
  if (known(ratio) && !(ratio >= 0 && ratio <= 1)) problems.push({ where: "updateConfig.maxFailureRatio", message: "must be from 0 to 1" });
  const timeout = args.convergeTimeoutSeconds;
  if (timeout !== undefined && !(timeout > 0)) problems.push({ where: "convergeTimeoutSeconds", message: "must be a positive number of seconds" });
  return problems;
}

function labelList(labels: pulumi.Input<{ [key: string]: pulumi.Input<string> }> | undefined) {
  if (labels === undefined) return undefined;
  return pulumi.output(labels).apply((l) =>
    Object.keys(l)
      .sort()
      .map((label) => ({ label, value: l[label]! })),
  );
}

function amount(a: SwarmResourceAmountArgs | undefined) {
  if (!a) return undefined;
  const out: { nanoCpus?: pulumi.Input<number>; memoryBytes?: pulumi.Input<number> } = {};
  if (a.cpus !== undefined) out.nanoCpus = pulumi.output(a.cpus).apply((c) => Math.round(c * 1e9));
  if (a.memoryBytes !== undefined) out.memoryBytes = a.memoryBytes;
  return out;
}

/** `docker.Service` arguments for a {@link SwarmService} named `serviceName`. */
export function swarmServiceArgs(args: SwarmServiceArgs, serviceName: pulumi.Input<string>): docker.ServiceArgs {
  const t = args.taskTemplate;
  const c = t.containerSpec;
  const cs: docker.types.input.ServiceTaskSpecContainerSpec = { image: c.image };
  if (c.command !== undefined) cs.commands = c.command;
  if (c.args !== undefined) cs.args = c.args;
  if (c.env !== undefined) cs.env = c.env;
  if (c.dir !== undefined) cs.dir = c.dir;
  if (c.user !== undefined) cs.user = c.user;
  if (c.hostname !== undefined) cs.hostname = c.hostname;
  const containerLabels = labelList(c.labels);
  if (containerLabels) cs.labels = containerLabels;
  if (c.mounts !== undefined) cs.mounts = c.mounts;
  const task: docker.types.input.ServiceTaskSpec = { containerSpec: cs };
  if (t.resources) {
    const r: docker.types.input.ServiceTaskSpecResources = {};
    const limits = amount(t.resources.limits);
    if (limits) r.limits = limits;
    const reservation = amount(t.resources.reservations);
    if (reservation) r.reservation = reservation;
    task.resources = r;
  }
  if (t.restartPolicy) task.restartPolicy = { ...t.restartPolicy };
  if (t.placement) {
    const p: docker.types.input.ServiceTaskSpecPlacement = {};
    if (t.placement.constraints !== undefined) p.constraints = t.placement.constraints;
    if (t.placement.preferences !== undefined) {
      p.prefs = pulumi.output(t.placement.preferences).apply((prefs) => prefs.map((x) => `spread=${x}`));
    }
    task.placement = p;
  }
  if (args.networks !== undefined) {
    task.networksAdvanceds = pulumi
      .all([pulumi.output(args.networks), pulumi.output(serviceName)])
      .apply(([ids, name]) => ids.map((id) => ({ id, aliases: [name] })));
  }
  const out: docker.ServiceArgs = {
    name: serviceName,
    taskSpec: task,
    mode: args.mode?.global ? { global: true } : { replicated: { replicas: args.mode?.replicated?.replicas ?? 1 } },
  };
  const labels = labelList(args.labels);
  if (labels) out.labels = labels;
  if (args.updateConfig || args.rollbackOnFailure) {
    const u = args.updateConfig ?? {};
    const update: docker.types.input.ServiceUpdateConfig = { parallelism: u.parallelism ?? 1 };
    if (u.delay !== undefined) update.delay = u.delay;
    if (u.failureAction !== undefined) update.failureAction = u.failureAction;
    if (u.monitor !== undefined) update.monitor = u.monitor;
    if (u.maxFailureRatio !== undefined) update.maxFailureRatio = pulumi.output(u.maxFailureRatio).apply(String);
    if (u.order !== undefined) update.order = u.order;
    if (args.rollbackOnFailure) update.failureAction = "rollback";
    out.updateConfig = update;
  }
  if (args.endpointSpec) {
    const e: docker.types.input.ServiceEndpointSpec = {};
    if (args.endpointSpec.mode !== undefined) e.mode = args.endpointSpec.mode;
    if (args.endpointSpec.ports !== undefined) e.ports = args.endpointSpec.ports;
    out.endpointSpec = e;
  }
  if (args.waitForConvergence ?? true) {
    out.convergeConfig = { delay: "2s", timeout: `${args.convergeTimeoutSeconds ?? 180}s` };
  }
  return out;
}
