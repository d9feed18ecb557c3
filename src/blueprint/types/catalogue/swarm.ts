/**
 * The swarm plugin 1.0: `cloudify.swarm.Manager` and `cloudify.swarm.Microservice` (a Docker service spec).
 */
import { type Defs, REQUIRED, nodeType, plugin, relType } from "./dsl";
import type { Family } from "./family";

/** swarm-plugin 1.0. */
function v1(): Defs {
  return {
    plugins: { swarm: plugin("central_deployment_agent", "cloudify-swarm-plugin") },
    node_types: {
      "cloudify.swarm.Manager": nodeType(
        "cloudify.nodes.SoftwareComponent",
        { ip: REQUIRED, port: 2375, ssh_user: "", ssh_keyfile: "" },
        { "lifecycle.create": "swarm.swarm_plugin.tasks.connect_manager" },
      ),
      "cloudify.swarm.Microservice": nodeType(
        "cloudify.nodes.SoftwareComponent",
        {
          name: REQUIRED,
          labels: {},
          task_template: {},
          mode: { replicated: { replicas: 1 } },
          update_config: {},
          networks: [],
          endpoint_spec: {},
          compose_file: "",
        },
        { "lifecycle.start": "swarm.swarm_plugin.tasks.start_service", "lifecycle.delete": "swarm.swarm_plugin.tasks.rm_service" },
      ),
    },
    relationships: {
      "cloudify.swarm.relationships.microservice_contained_in_manager": relType("cloudify.relationships.contained_in"),
    },
  };
}

/** The swarm plugin's catalogued versions. */
export const SWARM: Family = {
  title: "swarm plugin",
  packages: ["cloudify-swarm-plugin"],
  urlNames: ["swarm-plugin", "cloudify-swarm-plugin"],
  versions: [{ version: "1.0", defs: v1 }],
};
