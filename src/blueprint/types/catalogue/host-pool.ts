/**
 * The host-pool plugin: `cloudify.hostpool.nodes.LinuxHost` and `WindowsHost` take a host from a pool service;
 * Berth keeps them as placeholders (an existing machine, reached by the address the pool hands out).
 */
import type { Family } from "./family";
import { namesOnly } from "./names";

function v1() {
  return namesOnly("hostpool", "cloudify-host-pool-plugin", {
    "cloudify.hostpool.nodes.LinuxHost": "cloudify.nodes.Compute",
    "cloudify.hostpool.nodes.WindowsHost": "cloudify.nodes.Compute",
    "cloudify.nodes.HostPool": undefined,
  });
}

/** The host-pool plugin's catalogued versions. */
export const HOST_POOL: Family = {
  title: "host-pool plugin",
  packages: ["cloudify-host-pool-plugin"],
  urlNames: ["host-pool-plugin", "cloudify-host-pool-plugin"],
  versions: [{ version: "1.5", defs: v1, namesOnly: true }],
};
