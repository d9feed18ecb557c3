/**
 * How a Compose model becomes Swarm resources, as plain argument objects for `docker.Service`, `docker.Network`,
 * `docker.Volume`, `docker.ServiceConfig` and `docker.Secret`. It follows `docker stack deploy`'s own reading
 * (engine names `<stack>_<key>`, the `com.docker.stack.namespace` label on everything, the service name as a network
 * alias), so a stack deployed by Berth is listed by `docker stack services <stack>`. Pure: ids of the other resources
 * come from the `refs` functions.
 */
import type * as pulumi from "@pulumi/pulumi";
import type * as docker from "@pulumi/docker";
import type { ComposeFileObject, ComposeModel, ComposeMount, ComposeService, ComposeUpdateConfig } from "../model";
import { formatDuration } from "../../core/duration";
import { parseImageRef } from "../../core/image-ref";

/** The label `docker stack deploy` puts on every object of a stack. */
export const STACK_NAMESPACE_LABEL = "com.docker.stack.namespace";
/** The service label `docker stack deploy` records the image in. */
export const STACK_IMAGE_LABEL = "com.docker.stack.image";

/** How services reach the other resources of the stack. */
export interface StackRefs {
  /** The id of the network with this key (an external network: its name). */
  networkId(key: string): pulumi.Input<string>;
  configId(key: string): pulumi.Input<string>;
  secretId(key: string): pulumi.Input<string>;
  /** The image a service with `build` runs (the pushed reference). */
  builtImage?(service: string): pulumi.Input<string>;
}

/** Where a service's build is pushed for a swarm, and under which names. */
export interface SwarmBuildPlan {
  /** The repository, `REGISTRY/PROJECT-SERVICE` or the service's `image` without its tag. */
  repository: string;
  /** The service's own `image`, when it names one: tagged and pushed too. */
  namedImage?: string;
  /** The registry host the pushes go to (for credentials). */
  registry: string;
}

/** A registry as `--registry` and `x-berth-registry` give it: `HOST[:PORT][/PREFIX]`. */
export const REGISTRY_PATTERN = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/;

/**
 * Where a service's build goes on a swarm: every node must pull the image, so it is pushed: to the service's `image`
 * when it names one, else to `REGISTRY/PROJECT-SERVICE`. Without either it is a problem that says so.
 */
export function swarmBuildPlan(s: ComposeService, stack: string, registry: string | undefined): SwarmBuildPlan | { problem: string } {
  if (s.image !== undefined) {
    const ref = parseImageRef(s.image);
    if (ref.digest !== undefined) return { problem: `"${s.image}" is pinned by digest; a build is pushed by tag, so give a tag` };
    return { repository: ref.repository, namedImage: s.image, registry: ref.registry };
  }
  if (registry === undefined) {
    return {
      problem: `has \`build\` and no \`image\`: every swarm node must pull the image, so name a registry to push it to with --registry HOST[/PREFIX] (or x-berth-registry in the file, or the registry argument), or give the service an \`image\` that names one`,
    };
  }
  if (!REGISTRY_PATTERN.test(registry)) return { problem: `the registry "${registry}" is not HOST[:PORT][/PREFIX] (lowercase, no scheme)` };
  return { repository: `${registry}/${stack}-${s.name}`, registry: registry.split("/")[0]! };
}

/** Stack-wide settings. */
export interface StackSettings {
  /** The stack (namespace) name. */
  stack: string;
  /** Set every service's update failure action to `rollback`. */
  rollbackOnFailure: boolean;
  /** The provider's convergence settings, or undefined not to wait. */
  converge?: { delay: string; timeout: string };
}

type Label = { label: string; value: string };

/** A `{label, value}` list, sorted by label, from a map. */
export function labelList(labels: Record<string, string>): Label[] {
  return Object.keys(labels)
    .sort()
    .map((label) => ({ label, value: labels[label]! }));
}

/** The engine name of a stack object: its `name` when set, else `<stack>_<key>` (external objects: `name` or the key). */
export function engineName(stack: string, obj: { key: string; name?: string; external?: boolean }): string {
  if (obj.name !== undefined) return obj.name;
  return obj.external ? obj.key : `${stack}_${obj.key}`;
}

/** `docker.Network` arguments for each network the stack creates (external networks are left out). */
export function networkArgs(model: ComposeModel, stack: string): { key: string; args: docker.NetworkArgs }[] {
  return model.networks
    .filter((n) => !n.external)
    .map((n) => {
      const args: docker.NetworkArgs = {
        name: engineName(stack, n),
        driver: n.driver ?? "overlay",
        labels: labelList({ ...n.labels, [STACK_NAMESPACE_LABEL]: stack }),
      };
      if (Object.keys(n.driverOpts).length > 0) args.options = n.driverOpts;
      if (n.attachable !== undefined) args.attachable = n.attachable;
      if (n.internal !== undefined) args.internal = n.internal;
      return { key: n.key, args };
    });
}

/** `docker.Volume` arguments for each volume the stack creates (external volumes are left out). */
export function volumeArgs(model: ComposeModel, stack: string): { key: string; args: docker.VolumeArgs }[] {
  return model.volumes
    .filter((v) => !v.external)
    .map((v) => {
      const args: docker.VolumeArgs = {
        name: engineName(stack, v),
        labels: labelList({ ...v.labels, [STACK_NAMESPACE_LABEL]: stack }),
      };
      if (v.driver !== undefined) args.driver = v.driver;
      if (Object.keys(v.driverOpts).length > 0) args.driverOpts = v.driverOpts;
      return { key: v.key, args };
    });
}

/** Arguments for each config (`docker.ServiceConfig`) or secret (`docker.Secret`): the content base64-encoded. */
export function fileObjectArgs(
  objects: ComposeFileObject[],
  stack: string,
): { key: string; args: { name: string; data: string; labels: Label[] } }[] {
  return objects.map((o) => ({
    key: o.key,
    args: {
      name: engineName(stack, o),
      data: Buffer.from(o.content, "utf8").toString("base64"),
      labels: labelList({ ...o.labels, [STACK_NAMESPACE_LABEL]: stack }),
    },
  }));
}

function mountArgs(m: ComposeMount, model: ComposeModel, stack: string): docker.types.input.ServiceTaskSpecContainerSpecMount {
  const out: docker.types.input.ServiceTaskSpecContainerSpecMount = { type: m.type, target: m.target };
  if (m.readOnly) out.readOnly = true;
  if (m.type === "volume") {
    const vol = model.volumes.find((v) => v.key === m.source);
    if (vol) out.source = engineName(stack, vol);
    const options: docker.types.input.ServiceTaskSpecContainerSpecMountVolumeOptions = {};
    if (m.noCopy) options.noCopy = true;
    if (vol && !vol.external) {
      options.labels = labelList({ ...vol.labels, [STACK_NAMESPACE_LABEL]: stack });
      if (vol.driver !== undefined) options.driverName = vol.driver;
      if (Object.keys(vol.driverOpts).length > 0) options.driverOptions = vol.driverOpts;
    }
    if (Object.keys(options).length > 0) out.volumeOptions = options;
  } else if (m.type === "bind") {
    out.source = m.source!;
    if (m.propagation !== undefined) out.bindOptions = { propagation: m.propagation };
  } else {
    const options: docker.types.input.ServiceTaskSpecContainerSpecMountTmpfsOptions = {};
    if (m.tmpfsSize !== undefined) options.sizeBytes = m.tmpfsSize;
    if (m.tmpfsMode !== undefined) options.mode = m.tmpfsMode;
    if (Object.keys(options).length > 0) out.tmpfsOptions = options;
  }
  return out;
}

function updateArgs(u: ComposeUpdateConfig): docker.types.input.ServiceUpdateConfig {
  // docker stack deploy sends parallelism 1 when the file does not say.
  const out: docker.types.input.ServiceUpdateConfig = { parallelism: u.parallelism ?? 1 };
  if (u.delay !== undefined) out.delay = formatDuration(u.delay);
  if (u.failureAction !== undefined) out.failureAction = u.failureAction;
  if (u.monitor !== undefined) out.monitor = formatDuration(u.monitor);
  if (u.maxFailureRatio !== undefined) out.maxFailureRatio = String(u.maxFailureRatio);
  if (u.order !== undefined) out.order = u.order;
  return out;
}

/** The restart policy from `deploy.restart_policy` (the service-level `restart` has no Swarm meaning). */
function restartArgs(s: ComposeService): docker.types.input.ServiceTaskSpecRestartPolicy | undefined {
  const rp = s.deploy.restartPolicy;
  if (!rp) return undefined;
  const out: docker.types.input.ServiceTaskSpecRestartPolicy = {};
  if (rp.condition !== undefined) out.condition = rp.condition;
  if (rp.delay !== undefined) out.delay = formatDuration(rp.delay);
  if (rp.maxAttempts !== undefined) out.maxAttempts = rp.maxAttempts;
  if (rp.window !== undefined) out.window = formatDuration(rp.window);
  return out;
}

/** A capability as the engine names it (`NET_ADMIN` → `CAP_NET_ADMIN`), as `docker stack deploy` normalises it. */
export function capabilityName(cap: string): string {
  const upper = cap.toUpperCase();
  return upper === "ALL" || upper.startsWith("CAP_") ? upper : `CAP_${upper}`;
}

/** `docker.Service` arguments for one service. */
export function serviceArgs(
  s: ComposeService,
  model: ComposeModel,
  settings: StackSettings,
  refs: StackRefs,
): docker.ServiceArgs {
  const stack = settings.stack;
  const image: pulumi.Input<string> = s.build ? (refs.builtImage?.(s.name) ?? s.image ?? "") : (s.image ?? "");
  const cs: docker.types.input.ServiceTaskSpecContainerSpec = {
    image,
    labels: labelList({ ...s.labels, [STACK_NAMESPACE_LABEL]: stack }),
  };
  if (s.entrypoint) cs.commands = s.entrypoint;
  if (s.command) cs.args = s.command;
  if (Object.keys(s.environment).length > 0) cs.env = s.environment;
  if (s.workingDir !== undefined) cs.dir = s.workingDir;
  if (s.user !== undefined) cs.user = s.user;
  if (s.hostname !== undefined) cs.hostname = s.hostname;
  if (s.stopSignal !== undefined) cs.stopSignal = s.stopSignal;
  if (s.stopGracePeriod !== undefined) cs.stopGracePeriod = formatDuration(s.stopGracePeriod);
  if (s.readOnly !== undefined) cs.readOnly = s.readOnly;
  if (s.init !== undefined) cs.init = s.init;
  if (s.capAdd.length > 0) cs.capAdds = s.capAdd.map(capabilityName);
  if (s.capDrop.length > 0) cs.capDrops = s.capDrop.map(capabilityName);
  if (s.groups.length > 0) cs.groups = s.groups;
  if (Object.keys(s.sysctls).length > 0) cs.sysctl = s.sysctls;
  if (s.extraHosts.length > 0) cs.hosts = s.extraHosts;
  if (s.dns.length + s.dnsSearch.length + s.dnsOptions.length > 0) {
    const dns: docker.types.input.ServiceTaskSpecContainerSpecDnsConfig = { nameservers: s.dns };
    if (s.dnsSearch.length > 0) dns.searches = s.dnsSearch;
    if (s.dnsOptions.length > 0) dns.options = s.dnsOptions;
    cs.dnsConfig = dns;
  }
  if (s.mounts.length > 0) cs.mounts = s.mounts.map((m) => mountArgs(m, model, stack));
  if (s.healthcheck) {
    const h = s.healthcheck;
    const hc: docker.types.input.ServiceTaskSpecContainerSpecHealthcheck = {};
    if (h.test) hc.tests = h.test;
    if (h.interval !== undefined) hc.interval = formatDuration(h.interval);
    if (h.timeout !== undefined) hc.timeout = formatDuration(h.timeout);
    if (h.retries !== undefined) hc.retries = h.retries;
    if (h.startPeriod !== undefined) hc.startPeriod = formatDuration(h.startPeriod);
    cs.healthcheck = hc;
  }
  if (s.configs.length > 0) {
    cs.configs = s.configs.map((c) => ({
      configId: refs.configId(c.source),
      configName: engineName(stack, model.configs.find((o) => o.key === c.source)!),
      fileName: c.target,
      fileUid: c.uid,
      fileGid: c.gid,
      fileMode: c.mode,
    }));
  }
  if (s.secrets.length > 0) {
    cs.secrets = s.secrets.map((c) => ({
      secretId: refs.secretId(c.source),
      secretName: engineName(stack, model.secrets.find((o) => o.key === c.source)!),
      fileName: c.target,
      fileUid: c.uid,
      fileGid: c.gid,
      fileMode: c.mode,
    }));
  }

  const task: docker.types.input.ServiceTaskSpec = { containerSpec: cs };
  const networks = [...s.networks].sort((a, b) =>
    engineNameOf(model, stack, a.name).localeCompare(engineNameOf(model, stack, b.name)),
  );
  if (networks.length > 0) {
    task.networksAdvanceds = networks.map((n) => ({ id: refs.networkId(n.name), aliases: [...n.aliases, s.name] }));
  }
  const d = s.deploy;
  if (d.constraints.length + d.preferences.length > 0 || d.maxReplicasPerNode !== undefined) {
    const placement: docker.types.input.ServiceTaskSpecPlacement = {};
    if (d.constraints.length > 0) placement.constraints = d.constraints;
    if (d.preferences.length > 0) placement.prefs = d.preferences.map((p) => `spread=${p}`);
    if (d.maxReplicasPerNode !== undefined) placement.maxReplicas = d.maxReplicasPerNode;
    task.placement = placement;
  }
  if (d.limits || d.reservations) {
    const resources: docker.types.input.ServiceTaskSpecResources = {};
    if (d.limits) resources.limits = { ...d.limits };
    if (d.reservations) resources.reservation = { ...d.reservations };
    task.resources = resources;
  }
  const restart = restartArgs(s);
  if (restart) task.restartPolicy = restart;
  if (s.logging) {
    task.logDriver = Object.keys(s.logging.options).length > 0 ? { name: s.logging.driver, options: s.logging.options } : { name: s.logging.driver };
  }

  const args: docker.ServiceArgs = {
    name: `${stack}_${s.name}`,
    // The image label holds what the service runs (for a build, known once it is pushed).
    labels: labelList({ ...d.labels, [STACK_NAMESPACE_LABEL]: stack, [STACK_IMAGE_LABEL]: "" }).map((l) =>
      l.label === STACK_IMAGE_LABEL ? { label: l.label, value: image } : l,
    ),
    taskSpec: task,
    mode: d.mode === "global" ? { global: true } : { replicated: { replicas: d.replicas ?? 1 } },
  };
  const update = d.updateConfig ? updateArgs(d.updateConfig) : settings.rollbackOnFailure ? { parallelism: 1 } : undefined;
  if (update) {
    if (settings.rollbackOnFailure) update.failureAction = "rollback";
    args.updateConfig = update;
  }
  if (d.rollbackConfig) args.rollbackConfig = updateArgs(d.rollbackConfig);
  if (s.ports.length > 0 || d.endpointMode !== undefined) {
    const endpoint: docker.types.input.ServiceEndpointSpec = {};
    if (d.endpointMode !== undefined) endpoint.mode = d.endpointMode;
    if (s.ports.length > 0) {
      endpoint.ports = [...s.ports]
        .sort((a, b) => (a.published ?? 0) - (b.published ?? 0))
        .map((p) => {
          const port: docker.types.input.ServiceEndpointSpecPort = {
            targetPort: p.target,
            protocol: p.protocol,
            publishMode: p.mode ?? "ingress",
          };
          if (p.published !== undefined) port.publishedPort = p.published;
          if (p.name !== undefined) port.name = p.name;
          return port;
        });
    }
    args.endpointSpec = endpoint;
  }
  if (settings.converge) args.convergeConfig = { ...settings.converge };
  return args;
}

function engineNameOf(model: ComposeModel, stack: string, key: string): string {
  const n = model.networks.find((x) => x.key === key);
  return n ? engineName(stack, n) : `${stack}_${key}`;
}
