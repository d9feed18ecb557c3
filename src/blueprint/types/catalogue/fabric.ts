/**
 * The fabric plugin: no types, only tasks (`fabric.fabric_plugin.tasks.run_script`, `run_commands`, `run_task`) that
 * run scripts and commands over SSH; Berth runs them as remote commands.
 */
import { type Defs, plugin } from "./dsl";
import type { Family } from "./family";

/** fabric-plugin 1.x. */
function v1(): Defs {
  return {
    plugins: { fabric: plugin("central_deployment_agent", "cloudify-fabric-plugin") },
    node_types: {
    },

  };
}

/** fabric-plugin 2.0.26. */
function v2(): Defs {
  return {
    plugins: { fabric: plugin("central_deployment_agent", "cloudify-fabric-plugin") },
    node_types: {
    },

  };
}

/** The fabric plugin's catalogued versions. */
export const FABRIC: Family = {
  title: "fabric plugin",
  packages: ["cloudify-fabric-plugin"],
  urlNames: ["fabric-plugin", "cloudify-fabric-plugin"],
  versions: [
    { version: "1.4.1", defs: v1 },
    { version: "1.5.1", defs: v1 },
    { version: "2.0.26", defs: v2 },
  ],
};
