import type { RecordedResource } from "../resources/recorder";
import type { Finding } from "./finding";
import { collectSecretValues, plainTextSecrets } from "./plain-secrets";
import { worldOpenManagementPorts } from "./world-open-ports";

/** Options of {@link checkClusterSecurity}. */
export interface ClusterSecurityOptions {
  /** CIDRs the user asked management ports to be open to (a cluster's `adminCidrs`). @default [] */
  adminCidrs?: readonly string[];
}

/**
 * Runs Berth's cluster rules (world-open management ports; secrets in plain text) over a recorded program. The
 * secret values searched for are those the program itself marked secret anywhere.
 */
export function checkClusterSecurity(resources: readonly RecordedResource[], options: ClusterSecurityOptions = {}): Finding[] {
  const context = { secrets: collectSecretValues(resources) };
  return [
    ...worldOpenManagementPorts(options.adminCidrs ?? [])(resources, context),
    ...plainTextSecrets(resources, context),
  ];
}
