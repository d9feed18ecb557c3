/**
 * How a Compose model becomes resources on one Docker host: a bridge `docker.Network` per network, a `docker.Volume`
 * per volume, a `docker.RemoteImage` build per service with `build`, and a `DockerContainer` per replica of each
 * service, in `depends_on` order, named as `docker compose` names them (`<project>-<service>-<n>`,
 * `<project>_<network>`), with the service name as a network alias, host settings as docker-py params, and secrets
 * and configs as files copied into the container. Pure.
 *
 * `depends_on` conditions are decided here: `service_started` is creation order; `service_healthy` needs the
 * dependency's healthcheck and makes its container wait until the engine reports it healthy; and
 * `service_completed_successfully` runs the dependency to its end (attached) and lets dependants start only when its
 * exit code is 0. A setting that names another service (`network_mode: service:db`, `volumes_from: [db]`) also
 * orders the two.
 */
import type { Problem } from "../../core/problems";
import { mapDockerPyParams } from "../../docker-py/params";
import { type RemoteImageBuildArgs, remoteImageBuild } from "../build-args";
import { dockerHostParams, servicesNamedBy } from "../docker-host-params";
import type { ComposeFileObject, ComposeHealthcheck, ComposeModel, ComposeService } from "../model";
import { parseImageRef } from "../../core/image-ref";
import { topologicalOrder } from "../../core/graph";

/** A network or volume to create (external ones are used by name and not created). */
export interface DockerPlanObject {
  key: string;
  /** The engine name. */
  name: string;
  external: boolean;
  driver?: string;
  options: Record<string, string>;
  labels: Record<string, string>;
  internal?: boolean;
  attachable?: boolean;
  /** IPAM of a network: `docker.Network` ipamDriver, ipamConfigs, ipamOptions. */
  ipam?: { driver?: string; configs: { subnet?: string; ipRange?: string; gateway?: string; auxAddress?: Record<string, string> }[]; options: Record<string, string> };
  ipv6?: boolean;
}

/** How a container waits before its dependants start. */
export type DockerPlanWait = "started" | "healthy" | "completed";

/** A secret or config copied into a container before it starts. */
export interface DockerPlanFile {
  /** `secret` or `config`, and its key in the top-level section. */
  kind: "secret" | "config";
  source: string;
  /** The absolute path in the container. */
  path: string;
  /** The content (markers kept; a secret's is made a Pulumi secret by the caller). */
  content: string;
  /** Where the content came from (the top-level object), for programs that read it when they run. */
  object: ComposeFileObject;
  owner: string;
  group: string;
  /** The mode as the provider takes it: four octal digits, e.g. "0444". */
  permissions: string;
}

/** A build on the host's engine. */
export interface DockerPlanBuild {
  /** The repository the image is built as: the service's `image` without its tag, else `<project>-<service>`. */
  repository: string;
  /** The tag the image is built as: the `image`'s tag, else `latest`. */
  tag: string;
  /** The `docker.RemoteImage` build argument (the context absolute). */
  args: RemoteImageBuildArgs;
}

/** One service as containers. */
export interface DockerPlanService {
  key: string;
  /** The first replica's container name (the only one, unless `replicas` > 1). */
  containerName: string;
  /** One name per replica: `container_name`, else `<project>-<service>-<n>`. */
  containerNames: string[];
  /** The image to pull; undefined for a build (see `build`). */
  image?: { repository: string; tag: string };
  /**
   * The image reference as written, when it holds variables that do not split into repository and tag the way its
   * value does (`${IMAGE}` holding both): a written program splits it when it runs.
   */
  imageReference?: string;
  build?: DockerPlanBuild;
  command?: string[];
  entrypoint?: string[];
  env: Record<string, string>;
  ports: { internal: number; external?: number; ip?: string; protocol: string }[];
  volumes: { containerPath: string; hostPath?: string; volumeName?: string; readOnly?: boolean }[];
  restart?: string;
  labels: Record<string, string>;
  /** docker-py `create_container` params: `networking_config` (aliases), `healthcheck`, `tmpfs`, host settings. */
  params: Record<string, unknown>;
  /** Secrets and configs copied in. */
  files: DockerPlanFile[];
  /** Keys of the networks and volumes the container uses that the plan creates. */
  networkKeys: string[];
  volumeKeys: string[];
  /** The services this one starts after, with the condition. */
  dependsOn: { service: string; condition: string }[];
  /** What dependants wait for: the strongest condition any of them asks of this service. */
  wait: DockerPlanWait;
  /** For `healthy`: seconds the engine may take to report healthy (from the healthcheck's own timing). */
  healthTimeoutSeconds?: number;
}

/** The whole plan, services in an order where each comes after its dependencies. */
export interface DockerPlan {
  networks: DockerPlanObject[];
  volumes: DockerPlanObject[];
  services: DockerPlanService[];
  problems: Problem[];
}

/** `repo[:tag]` as repository and tag (no tag is `latest`); undefined for a digest reference, a problem here. */
export function splitImage(image: string): { repository: string; tag: string } | undefined {
  const ref = parseImageRef(image);
  return ref.digest === undefined ? { repository: ref.repository, tag: ref.tag ?? "latest" } : undefined;
}

/** The healthcheck as docker-py `healthcheck` params (durations in nanoseconds). */
export function healthcheckParams(h: ComposeHealthcheck): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (h.test) out["test"] = h.test;
  if (h.interval !== undefined) out["interval"] = h.interval;
  if (h.timeout !== undefined) out["timeout"] = h.timeout;
  if (h.retries !== undefined) out["retries"] = h.retries;
  if (h.startPeriod !== undefined) out["start_period"] = h.startPeriod;
  return out;
}

/**
 * Seconds a container may take to become healthy under its healthcheck: the start period plus (retries + 1) rounds of
 * interval and timeout (the engine's defaults 30s, 30s and 3 where unset), at least 60.
 */
export function healthTimeout(h: ComposeHealthcheck): number {
  const s = (ns: number | undefined, fallback: number) => (ns === undefined ? fallback : ns / 1e9);
  const total = s(h.startPeriod, 0) + ((h.retries ?? 3) + 1) * (s(h.interval, 30) + s(h.timeout, 30));
  return Math.max(60, Math.ceil(total));
}

const STRENGTH: Record<DockerPlanWait, number> = { started: 0, healthy: 1, completed: 2 };

/** Options of {@link dockerPlan}. */
export interface DockerPlanOptions {
  /** Resolves variable markers in a string (see markers.ts). @default none: strings hold no markers */
  resolve?: (s: string) => string;
}

/** The plan for project `project`. */
export function dockerPlan(model: ComposeModel, project: string, options: DockerPlanOptions = {}): DockerPlan {
  const resolve = options.resolve ?? ((s: string) => s);
  const problems: Problem[] = [];
  const networks: DockerPlanObject[] = model.networks.map((n) => {
    const o: DockerPlanObject = {
      key: n.key,
      name: n.name ?? (n.external ? n.key : `${project}_${n.key}`),
      external: n.external,
      options: n.driverOpts,
      labels: { ...n.labels, "com.docker.compose.project": project, "com.docker.compose.network": n.key },
    };
    o.driver = n.driver ?? "bridge";
    if (n.internal !== undefined) o.internal = n.internal;
    if (n.attachable !== undefined) o.attachable = n.attachable;
    if (n.enableIpv6 !== undefined) o.ipv6 = n.enableIpv6;
    if (n.ipam) {
      const ipam: NonNullable<DockerPlanObject["ipam"]> = {
        configs: n.ipam.config.map((c) => {
          const out: NonNullable<DockerPlanObject["ipam"]>["configs"][number] = {};
          if (c.subnet !== undefined) out.subnet = c.subnet;
          if (c.ipRange !== undefined) out.ipRange = c.ipRange;
          if (c.gateway !== undefined) out.gateway = c.gateway;
          if (c.auxAddresses) out.auxAddress = c.auxAddresses;
          return out;
        }),
        options: n.ipam.options,
      };
      if (n.ipam.driver !== undefined) ipam.driver = n.ipam.driver;
      o.ipam = ipam;
    }
    return o;
  });
  const volumes: DockerPlanObject[] = model.volumes.map((v) => {
    const o: DockerPlanObject = {
      key: v.key,
      name: v.name ?? (v.external ? v.key : `${project}_${v.key}`),
      external: v.external,
      options: v.driverOpts,
      labels: { ...v.labels, "com.docker.compose.project": project, "com.docker.compose.volume": v.key },
    };
    if (v.driver !== undefined) o.driver = v.driver;
    return o;
  });

  // Settings that name another service order the two, as Compose orders them.
  const dependsOf = (s: ComposeService) => {
    const explicit = s.dependsOn.map((d) => ({ service: d.service, condition: d.condition }));
    for (const other of servicesNamedBy(s)) {
      if (!model.services.some((o) => o.name === other)) {
        problems.push({ where: `services.${s.name}`, message: `refers to the service "${other}" (service:${other}), which is not a service of this project` });
      } else if (!explicit.some((d) => d.service === other)) explicit.push({ service: other, condition: "service_started" });
    }
    return explicit;
  };
  const deps = new Map(model.services.map((s) => [s.name, dependsOf(s)]));

  const wait = new Map<string, DockerPlanWait>();
  for (const s of model.services) {
    for (const d of deps.get(s.name)!) {
      const condition: DockerPlanWait =
        d.condition === "service_healthy" ? "healthy" : d.condition === "service_completed_successfully" ? "completed" : "started";
      const before = wait.get(d.service) ?? "started";
      if (before !== "started" && condition !== "started" && before !== condition) {
        problems.push({
          where: `services.${d.service}`,
          message: "is depended on both as service_healthy and as service_completed_successfully; a container cannot both keep running healthy and finish",
        });
      }
      if (STRENGTH[condition] > STRENGTH[before]) wait.set(d.service, condition);
      const target = model.services.find((o) => o.name === d.service);
      if (condition === "healthy" && target && (!target.healthcheck?.test || target.healthcheck.test[0] === "NONE")) {
        problems.push({
          where: `services.${s.name}.depends_on.${d.service}`,
          message: `waits for ${d.service} to be healthy, but ${d.service} has no healthcheck; give it one, or use condition: service_started`,
        });
      }
    }
  }

  const namesOf = (s: ComposeService): string[] => {
    const n = s.scale ?? 1;
    if (s.containerName !== undefined) return [s.containerName];
    return Array.from({ length: n }, (_, i) => `${project}-${s.name}-${i + 1}`);
  };
  const containerOf = (service: string): string => {
    const other = model.services.find((o) => o.name === service);
    return other ? namesOf(other)[0]! : service;
  };

  const services: DockerPlanService[] = [];
  for (const s of order(model.services, deps, problems)) {
    const where = `services.${s.name}`;
    let image: { repository: string; tag: string } | undefined;
    let imageReference: string | undefined;
    let build: DockerPlanBuild | undefined;
    if (s.image !== undefined) {
      const resolved = splitImage(resolve(s.image));
      const split = splitImage(s.image);
      if (!resolved || !split) {
        problems.push({ where: `${where}.image`, message: `"${resolve(s.image)}" is pinned by digest; a single host pulls (and tags builds) by repository:tag, so give a tag` });
        continue;
      }
      // With variables, split the written text the way the value splits; else the value, and the text for programs.
      const consistent = resolve(split.repository) === resolved.repository && resolve(split.tag) === resolved.tag;
      image = consistent ? split : resolved;
      if (!consistent) imageReference = s.image;
    }
    if (s.build) {
      build = { repository: image?.repository ?? `${project}-${s.name}`, tag: image?.tag ?? "latest", args: remoteImageBuild(s.build) };
      image = undefined;
    }
    const noNetworks = s.host.networkMode !== undefined;
    const endpoints = Object.fromEntries(
      (noNetworks ? [] : s.networks).map((n, i) => {
        const cfg: Record<string, unknown> = { Aliases: [s.name, ...n.aliases] };
        const ipam: Record<string, unknown> = {};
        if (n.ipv4Address !== undefined) ipam["IPv4Address"] = n.ipv4Address;
        if (n.ipv6Address !== undefined) ipam["IPv6Address"] = n.ipv6Address;
        if (n.linkLocalIps) ipam["LinkLocalIPs"] = n.linkLocalIps;
        if (Object.keys(ipam).length > 0) cfg["IPAMConfig"] = ipam;
        const mac = n.macAddress ?? (i === 0 ? s.host.macAddress : undefined);
        if (mac !== undefined) cfg["MacAddress"] = mac;
        if (n.driverOpts) cfg["DriverOpts"] = n.driverOpts;
        return [networks.find((x) => x.key === n.name)?.name ?? `${project}_${n.name}`, cfg];
      }),
    );
    if (s.host.macAddress !== undefined && (noNetworks || s.networks.length === 0)) {
      problems.push({ where: `${where}.mac_address`, message: "needs a network to set the address on; the service joins none (network_mode)" });
    }
    const params: Record<string, unknown> = noNetworks ? {} : { networking_config: { EndpointsConfig: endpoints } };
    Object.assign(params, dockerHostParams(s, containerOf));
    if (s.healthcheck) params["healthcheck"] = healthcheckParams(s.healthcheck);
    const tmpfs: Record<string, string> = {};
    for (const t of s.host.tmpfs) {
      const at = t.indexOf(":");
      tmpfs[at < 0 ? t : t.slice(0, at)] = at < 0 ? "" : t.slice(at + 1);
    }
    for (const m of s.mounts.filter((x) => x.type === "tmpfs")) {
      const opts = [...(m.tmpfsSize !== undefined ? [`size=${m.tmpfsSize}`] : []), ...(m.tmpfsMode !== undefined ? [`mode=${m.tmpfsMode.toString(8)}`] : [])];
      tmpfs[m.target] = opts.join(",");
    }
    if (Object.keys(tmpfs).length > 0) params["tmpfs"] = tmpfs;
    // The engine's restart policy with a retry count is a docker-py restart_policy (the typed restart has no count).
    const retries = s.restart !== undefined ? /^on-failure:(\d+)$/.exec(s.restart) : null;
    if (retries) {
      params["restart_policy"] = { Name: "on-failure", MaximumRetryCount: Number(retries[1]) };
    }
    const checked = mapDockerPyParams({ create: resolveDeep(params, resolve) as Record<string, unknown> });
    for (const p of checked.problems) problems.push({ where: `${where} (as the docker-py param ${p.where.replace(/^create\.params\./, "")})`, message: p.message });

    const files: DockerPlanFile[] = [];
    for (const [kind, refs, objects] of [
      ["secret", s.secrets, model.secrets],
      ["config", s.configs, model.configs],
    ] as const) {
      for (const r of refs) {
        const object = objects.find((o) => o.key === r.source)!;
        const path = r.target.startsWith("/") ? r.target : kind === "secret" ? `/run/secrets/${r.target}` : `/${r.target}`;
        files.push({ kind, source: r.source, path, content: object.content, object, owner: r.uid, group: r.gid, permissions: r.mode.toString(8).padStart(4, "0") });
      }
    }
    const seen = new Map<string, string>();
    for (const f of files) {
      const before = seen.get(f.path);
      if (before) problems.push({ where: `${where}.${f.kind}s`, message: `${f.kind} ${f.source} and ${before} are both copied to ${f.path}; give one of them another target` });
      seen.set(f.path, `${f.kind} ${f.source}`);
    }

    const names = namesOf(s);
    const w = wait.get(s.name) ?? "started";
    if (names.length > 1) {
      for (const p of s.ports) {
        if (p.published !== undefined) {
          problems.push({ where: `${where}.ports`, message: `publishes host port ${p.published} from ${names.length} containers (replicas), and only one can bind it; leave the host port out, or run one replica` });
          break;
        }
      }
      if (w !== "started") problems.push({ where, message: `runs ${names.length} replicas, but a dependant waits for it to be ${w === "healthy" ? "healthy" : "completed"}; Berth waits for one container per service, so run one` });
    }
    const plan: DockerPlanService = {
      key: s.name,
      containerName: names[0]!,
      containerNames: names,
      env: s.environment,
      ports: s.ports.map((p) => {
        const port: DockerPlanService["ports"][number] = { internal: p.target, protocol: p.protocol };
        if (p.published !== undefined) port.external = p.published;
        if (p.hostIp !== undefined) port.ip = p.hostIp;
        return port;
      }),
      volumes: s.mounts
        .filter((m) => m.type !== "tmpfs")
        .map((m) => {
          const v: DockerPlanService["volumes"][number] = { containerPath: m.target };
          if (m.type === "bind") v.hostPath = m.source!;
          else if (m.source !== undefined) v.volumeName = volumes.find((x) => x.key === m.source)!.name;
          if (m.readOnly) v.readOnly = true;
          return v;
        }),
      labels: { ...s.labels, "com.docker.compose.project": project, "com.docker.compose.service": s.name },
      params,
      files,
      networkKeys: noNetworks ? [] : s.networks.map((n) => n.name).filter((k) => networks.some((x) => x.key === k && !x.external)),
      volumeKeys: [...new Set(s.mounts.map((m) => m.source ?? ""))].filter((k) => volumes.some((x) => x.key === k && !x.external)),
      dependsOn: deps.get(s.name)!,
      wait: w,
    };
    if (image) plan.image = image;
    if (imageReference !== undefined && !build) plan.imageReference = imageReference;
    if (build) plan.build = build;
    if (s.command) plan.command = s.command;
    if (s.entrypoint) plan.entrypoint = s.entrypoint;
    if (s.restart !== undefined && !retries) plan.restart = s.restart;
    if (w === "healthy" && s.healthcheck) plan.healthTimeoutSeconds = healthTimeout(s.healthcheck);
    if (w === "completed" && s.restart !== undefined && s.restart !== "no") {
      problems.push({
        where: `services.${s.name}.restart`,
        message: `is "${s.restart}", but dependants wait for ${s.name} to complete; a one-shot service must not restart (use "no")`,
      });
    }
    services.push(plan);
  }
  return { networks, volumes, services, problems };
}

/** A value with every string's markers resolved. */
function resolveDeep(v: unknown, resolve: (s: string) => string): unknown {
  if (typeof v === "string") return resolve(v);
  if (Array.isArray(v)) return v.map((x) => resolveDeep(x, resolve));
  if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolveDeep(x, resolve)]));
  return v;
}

/** The services in dependency order (a stable topological sort); a cycle is a problem naming it. */
function order(services: ComposeService[], deps: Map<string, { service: string }[]>, problems: Problem[]): ComposeService[] {
  const byName = new Map(services.map((s) => [s.name, s]));
  const edges = (s: ComposeService): ComposeService[] => (deps.get(s.name) ?? []).flatMap((d) => byName.get(d.service) ?? []);
  const { order: out, cycles } = topologicalOrder(services, edges);
  for (const c of cycles) {
    const first = c.path[0]!.name;
    problems.push({ where: `services.${first}.depends_on`, message: `depends_on has a cycle: ${c.path.map((s) => s.name).join(" → ")}` });
  }
  return out;
}

/**
 * The `com.docker.compose.depends_on` label value (`service:condition:false,...`) once every dependency is known to
 * have done what its condition asks; throws when a `service_completed_successfully` dependency exited non-zero.
 */
export function dependsOnLabel(
  service: string,
  deps: readonly { service: string; condition: string; exitCode?: number | undefined }[],
): string {
  return deps
    .map((d) => {
      if (d.condition === "service_completed_successfully" && d.exitCode !== undefined && d.exitCode !== 0) {
        throw new Error(`${d.service} exited with code ${d.exitCode}, and ${service} waits for it to complete successfully`);
      }
      return `${d.service}:${d.condition}:false`;
    })
    .join(",");
}
