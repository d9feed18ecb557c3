import type { SecurityRule } from "./finding";
import { plainTextSecrets } from "./plain-secrets";
import { worldOpenManagementPorts } from "./world-open-ports";

/**
 * The cluster rules as `berth preview` runs them: management ports open to the world (with no CIDR allowed, since a
 * preview cannot know which world-wide CIDR a user asked for; cluster tests pass their `adminCidrs` through
 * `checkClusterSecurity`) and secret values seen in plain text.
 */
export const clusterSecurityRules: readonly SecurityRule[] = [worldOpenManagementPorts(), plainTextSecrets];
