/**
 * The `host-path-mounted` rule: the host's root or a sensitive host folder (or anything under one) bind-mounted into a
 * docker.Container (volumes, mounts) or a swarm docker.Service (taskSpec.containerSpec.mounts).
 */
import type { RecordedResource, RecordedValue } from "../resources/recorder";
import { DOCKER_CONTAINER_TYPE, DOCKER_SERVICE_TYPE } from "./containers";
import type { Finding, SecurityRule } from "./finding";

/** The id of {@link hostPathMounts}' findings. */
export const HOST_PATH_RULE = "host-path-mounted";

/** Host folders whose contents (or whose children) give a container control over the host when mounted. */
export const SENSITIVE_HOST_PATHS: readonly string[] = ["/etc", "/root", "/var/run/docker.sock", "/proc", "/sys", "/boot", "/dev"];

/** The sensitive host path a bind source is (`/`) or lies under, or undefined for other sources (names, relatives). */
export function sensitiveHostPath(source: RecordedValue | undefined): string | undefined {
  if (typeof source !== "string" || !source.startsWith("/")) return undefined;
  const parts: string[] = [];
  for (const part of source.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  const normal = `/${parts.join("/")}`;
  if (normal === "/") return "/";
  return SENSITIVE_HOST_PATHS.find((p) => normal === p || normal.startsWith(`${p}/`));
}

function record(value: RecordedValue | undefined): { [key: string]: RecordedValue } | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : undefined;
}
function items(value: RecordedValue | undefined): RecordedValue[] {
  return Array.isArray(value) ? value : [];
}

/** `host-path-mounted` (high): `/` or a sensitive host folder bind-mounted into a container or swarm service. */
export const hostPathMounts: SecurityRule = (resources) => {
  const findings: Finding[] = [];
  const add = (r: RecordedResource, where: string, source: string, matched: string): void => {
    findings.push({
      rule: HOST_PATH_RULE,
      severity: "high",
      urn: r.urn,
      message:
        `${r.type} "${r.name}" bind-mounts the host path ${source} (${where}), ` +
        `${matched === "/" ? "the host's root" : `inside ${matched}`}: the container can read or change the host; ` +
        `mount only the folder it needs, read-only where it can, or use a named volume`,
    });
  };
  const check = (r: RecordedResource, where: string, source: RecordedValue | undefined): void => {
    const matched = sensitiveHostPath(source);
    if (matched !== undefined && typeof source === "string") add(r, where, source, matched);
  };
  for (const r of resources) {
    if (r.type === DOCKER_CONTAINER_TYPE) {
      items(r.inputs["volumes"]).forEach((v, i) => {
        check(r, `volumes[${i}].hostPath`, record(v)?.["hostPath"]);
      });
      items(r.inputs["mounts"]).forEach((m, i) => {
        const mount = record(m);
        if ((mount?.["type"] ?? "bind") === "bind") check(r, `mounts[${i}].source`, mount?.["source"]);
      });
    } else if (r.type === DOCKER_SERVICE_TYPE) {
      const mounts = items(record(record(r.inputs["taskSpec"])?.["containerSpec"])?.["mounts"]);
      mounts.forEach((m, i) => {
        const mount = record(m);
        if (mount?.["type"] === "bind") check(r, `taskSpec.containerSpec.mounts[${i}].source`, mount["source"]);
      });
    }
  }
  return findings;
};

/** The host-path rules, for `berth preview`'s report. */
export const hostPathSecurityRules: readonly SecurityRule[] = [hostPathMounts];
