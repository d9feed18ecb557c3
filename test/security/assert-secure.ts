/** A test helper: fail on any security finding in a recorded program. */
import type { RecordedResource } from "../../src/resources/recorder";
import { checkClusterSecurity } from "../../src/security/check";

/** Throws, listing every finding, when the cluster rules find a world-open management port or a plain secret. */
export function assertSecure(resources: readonly RecordedResource[], adminCidrs: readonly string[] = []): void {
  const findings = checkClusterSecurity(resources, { adminCidrs });
  if (findings.length > 0) {
    throw new Error(`security findings:\n${findings.map((f) => `  - [${f.rule}] ${f.message}`).join("\n")}`);
  }
}
