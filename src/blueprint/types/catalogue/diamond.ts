/**
 * The diamond plugin: monitoring agents on hosts (no types of its own; `diamond.*` operations on Compute nodes).
 */
import { type Defs, plugin } from "./dsl";
import type { Family } from "./family";

/** diamond-plugin 1.x. */
function v1(): Defs {
  return { plugins: { diamond: plugin("host_agent", "cloudify-diamond-plugin") } };
}

/** The diamond plugin's catalogued versions. */
export const DIAMOND: Family = {
  title: "diamond plugin",
  packages: ["cloudify-diamond-plugin"],
  urlNames: ["diamond-plugin", "cloudify-diamond-plugin"],
  versions: [
    { version: "1.3.3", defs: v1 },
    { version: "1.3.19", defs: v1 },
  ],
};
