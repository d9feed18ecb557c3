/**
 * How a Compose model becomes resources on one Docker host: a bridge `docker.Network` per network, a `docker.Volume`
 * per volume, and a `DockerContainer` per service, in `depends_on` order, named as `docker compose` names them
 * (`<project>-<service>-1`, `<project>_<network>`), with the service name as a network alias. Pure.
 *
 * `depends_on` conditions are decided here: `service_started` is creation order; `service_healthy` needs the
 * dependency's healthcheck and makes its container wait until the engine reports it healthy; and
 * `service_completed_successfully` runs the dependency to its end (attached) and lets dependants start only when its
 * exit code is 0.
 */
import { dockerHostParams } from "./docker-host-params";
import type { Problem } from "../core/problems";
import type { ComposeHealthcheck, ComposeModel, ComposeService } from "./model";

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
}

/** How a container waits before its dependants start. */
export type DockerPlanWait = "started" | "healthy" | "completed";

/** One service as a container. */
export interface DockerPlanService {
  key: string;
  containerName: string;
  image: { repository: string; tag: string };
  command?: string[];
  entrypoint?: string[];
  env: Record<string, string>;
  ports: { internal: number; external?: number; ip?: string; protocol: string }[];
  volumes: { containerPath: string; hostPath?: string; volumeName?: string; readOnly?: boolean }[];
  restart?: string;
  labels: Record<string, string>;
  /** docker-py `create_container` params: `networking_config` (aliases), `healthcheck`, `tmpfs`. */
  params: Record<string, unknown>;
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

/** Splits `repo[:tag]` (a registry port is not a tag); a digest reference is a problem. */
export function splitImage(image: string): { repository: string; tag: string } | undefined {
  if (image.includes("@")) return undefined;
  const slash = image.lastIndexOf("/");
  const colon = image.lastIndexOf(":");
  if (colon > slash) return { repository: image.slice(0, colon), tag: image.slice(colon + 1) };
  return { repository: image, tag: "latest" };
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

/** The plan for project `project`. */
export function dockerPlan(model: ComposeModel, project: string): DockerPlan {
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

  const wait = new Map<string, DockerPlanWait>();
  for (const s of model.services) {
    for (const d of s.dependsOn) {
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

  const services: DockerPlanService[] = [];
  for (const s of order(model.services, problems)) {
    const image = splitImage(s.image);
    if (!image) {
      problems.push({ where: `services.${s.name}.image`, message: `"${s.image}" is pinned by digest; a single host pulls by repository:tag, so give a tag` });
      continue;
    }
    const params: Record<string, unknown> = {
      networking_config: {
        EndpointsConfig: Object.fromEntries(
          s.networks.map((n) => [networks.find((x) => x.key === n.name)?.name ?? `${project}_${n.name}`, { Aliases: [s.name, ...n.aliases] }]),
        ),
      },
    };
    Object.assign(params, dockerHostParams(s));
    if (s.healthcheck) params["healthcheck"] = healthcheckParams(s.healthcheck);
    const tmpfs = s.mounts.filter((m) => m.type === "tmpfs");
    if (tmpfs.length > 0) {
      params["tmpfs"] = Object.fromEntries(
        tmpfs.map((m) => {
          const opts = [
            ...(m.tmpfsSize !== undefined ? [`size=${m.tmpfsSize}`] : []),
            ...(m.tmpfsMode !== undefined ? [`mode=${m.tmpfsMode.toString(8)}`] : []),
          ];
          return [m.target, opts.join(",")];
        }),
      );
    }
    const w = wait.get(s.name) ?? "started";
    const plan: DockerPlanService = {
      key: s.name,
      containerName: s.containerName ?? `${project}-${s.name}-1`,
      image,
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
      networkKeys: s.networks.map((n) => n.name).filter((k) => networks.some((x) => x.key === k && !x.external)),
      volumeKeys: [...new Set(s.mounts.map((m) => m.source ?? ""))].filter((k) => volumes.some((x) => x.key === k && !x.external)),
      dependsOn: s.dependsOn.map((d) => ({ service: d.service, condition: d.condition })),
      wait: w,
    };
    if (s.command) plan.command = s.command;
    if (s.entrypoint) plan.entrypoint = s.entrypoint;
    if (s.restart !== undefined) plan.restart = s.restart;
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

/** The services in dependency order (a stable topological sort); a cycle is a problem naming it. */
function order(services: ComposeService[], problems: Problem[]): ComposeService[] {
  const out: ComposeService[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (s: ComposeService, trail: string[]): void => {
    const st = state.get(s.name);
    if (st === "done") return;
    if (st === "visiting") {
      const cycle = [...trail.slice(trail.indexOf(s.name)), s.name];
      problems.push({ where: `services.${s.name}.depends_on`, message: `depends_on has a cycle: ${cycle.join(" → ")}` });
      return;
    }
    state.set(s.name, "visiting");
    for (const d of s.dependsOn) {
      const dep = services.find((o) => o.name === d.service);
      if (dep) visit(dep, [...trail, s.name]);
    }
    state.set(s.name, "done");
    out.push(s);
  };
  for (const s of services) visit(s, []);
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
