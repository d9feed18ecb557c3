/**
 * The `host-path-mounted` rule: the host's root or a sensitive host folder (or anything under one) bind-mounted into a
 * docker.Container (volumes, mounts) or a swarm docker.Service (taskSpec.containerSpec.mounts).
 */
import type { Finding, SecurityRule } from "./finding";
import { sensitiveBindsOf } from "./sensitive-host-paths";

/** The id of {@link hostPathMounts}' findings. */
export const HOST_PATH_RULE = "host-path-mounted";

/**
 * `host-path-mounted` (high): `/` or a sensitive host folder (see sensitive-host-paths.ts) bind-mounted into a
 * container or swarm service.
 */
export const hostPathMounts: SecurityRule = (resources) => {
  const findings: Finding[] = [];
  for (const r of resources) {
    for (const b of sensitiveBindsOf(r)) {
      findings.push({
        rule: HOST_PATH_RULE,
        severity: "high",
        urn: r.urn,
        message:
          `${r.type} "${r.name}" bind-mounts the host path ${b.source} (${b.path}), ` +
          `${b.sensitive === "/" ? "the host's root" : `inside ${b.sensitive}`}: the container can read or change the host; ` +
          `mount only the folder it needs, read-only where it can, or use a named volume`,
      });
    }
  }
  return findings;
};

/** The host-path rules, for `berth preview`'s report. */
export const hostPathSecurityRules: readonly SecurityRule[] = [hostPathMounts];
