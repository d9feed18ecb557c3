/**
 * Pure helpers for rules about host paths bind-mounted into containers: which host paths give a container control
 * over the host (the root, its configuration, the Docker socket, kernel and device trees), and the bind sources of
 * docker.Container (`volumes[].hostPath`, bind `mounts[].source`) and swarm docker.Service
 * (`taskSpec.containerSpec.mounts[]` of type bind).
 */
import type { RecordedResource, RecordedValue } from "../resources/recorder";
import { DOCKER_CONTAINER_TYPE, DOCKER_SERVICE_TYPE } from "./containers";

/** Host paths that, or anything under which, must not be bind-mounted into a container (`/` itself too). */
export const SENSITIVE_HOST_ROOTS: readonly string[] = [
  "/etc",
  "/root",
  "/var/run/docker.sock",
  "/run/docker.sock",
  "/proc",
  "/sys",
  "/boot",
  "/dev",
];

/** An absolute host path with `//`, `.`, `..` and a trailing `/` resolved (`..` above the root stays at the root). */
export function normalHostPath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return `/${parts.join("/")}`;
}

/**
 * The sensitive host path a bind source is or lies under (`/` for the host's root), or undefined for any other
 * source: a relative path, a named volume, an unknown value, a path that only begins with a sensitive one's letters
 * (`/etcetera`, `/devices`).
 */
export function sensitiveHostPath(source: RecordedValue | undefined): string | undefined {
  if (typeof source !== "string" || !source.startsWith("/")) return undefined;
  const normal = normalHostPath(source);
  if (normal === "/") return "/";
  return SENSITIVE_HOST_ROOTS.find((p) => normal === p || normal.startsWith(`${p}/`));
}

/** One host path a resource bind-mounts, with the input path it was found at. */
export interface BindSource {
  /** E.g. `volumes[0].hostPath` or `taskSpec.containerSpec.mounts[1].source`. */
  path: string;
  source: string;
}

function record(value: RecordedValue | undefined): { [key: string]: RecordedValue } | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : undefined;
}
function items(value: RecordedValue | undefined): RecordedValue[] {
  return Array.isArray(value) ? value : [];
}

/**
 * Every host path a resource bind-mounts: a docker.Container's `volumes[].hostPath` and its `mounts[]` of type bind
 * (the provider's default type), a swarm docker.Service's `taskSpec.containerSpec.mounts[]` of type bind.
 */
export function bindSourcesOf(r: RecordedResource): BindSource[] {
  const out: BindSource[] = [];
  const mounts = (list: RecordedValue | undefined, prefix: string, defaultType: string | undefined): void => {
    items(list).forEach((m, i) => {
      const mount = record(m);
      const source = mount?.["source"];
      if ((mount?.["type"] ?? defaultType) === "bind" && typeof source === "string") out.push({ path: `${prefix}[${i}].source`, source });
    });
  };
  if (r.type === DOCKER_CONTAINER_TYPE) {
    items(r.inputs["volumes"]).forEach((v, i) => {
      const hostPath = record(v)?.["hostPath"];
      if (typeof hostPath === "string") out.push({ path: `volumes[${i}].hostPath`, source: hostPath });
    });
    mounts(r.inputs["mounts"], "mounts", "bind");
  } else if (r.type === DOCKER_SERVICE_TYPE) {
    mounts(record(record(r.inputs["taskSpec"])?.["containerSpec"])?.["mounts"], "taskSpec.containerSpec.mounts", undefined);
  }
  return out;
}

/** The bind sources of a resource that are sensitive host paths, each with the sensitive path it is or lies under. */
export function sensitiveBindsOf(r: RecordedResource): (BindSource & { sensitive: string })[] {
  return bindSourcesOf(r).flatMap((b) => {
    const sensitive = sensitiveHostPath(b.source);
    return sensitive === undefined ? [] : [{ ...b, sensitive }];
  });
}
