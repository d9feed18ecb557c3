/**
 * The Cloudify core types (`types.yaml` of the manager), per version: the `cloudify.nodes.*` hierarchy, the built-in
 * relationships and the agent configuration. What changes between versions: `agent_config` and `os_family` on
 * Compute (3.3), the pre/post lifecycle operations (5.0), `Component` and `SharedResource` (5.0.5),
 * `ServiceComponent` and the lifecycle-operation dependency (5.1).
 */
import { type Defs, OPTIONAL, REQUIRED, dataType, nodeType, plugin, relType } from "./dsl";
import type { Family } from "./family";

/** What a core version has. */
interface CoreFeatures {
  agentConfig: boolean;
  fileSystem: boolean;
  prePost: boolean;
  components: boolean;
  serviceComponent: boolean;
}

const AGENT_OPS = {
  "cloudify.interfaces.cloudify_agent.create": "agent.cloudify_agent.installer.operations.create",
  "cloudify.interfaces.cloudify_agent.configure": "agent.cloudify_agent.installer.operations.configure",
  "cloudify.interfaces.cloudify_agent.start": "agent.cloudify_agent.installer.operations.start",
  "cloudify.interfaces.cloudify_agent.stop": "agent.cloudify_agent.installer.operations.stop",
  "cloudify.interfaces.cloudify_agent.delete": "agent.cloudify_agent.installer.operations.delete",
  "cloudify.interfaces.host.get_state": "",
  "cloudify.interfaces.monitoring_agent.install": "",
  "cloudify.interfaces.monitoring_agent.start": "",
  "cloudify.interfaces.monitoring_agent.stop": "",
  "cloudify.interfaces.monitoring_agent.uninstall": "",
};

/** The Cloudify manager REST client settings a Component or SharedResource may name. */
const CLIENT = { client: {} };

function core(f: CoreFeatures): Defs {
  const plain = (parent: string) => nodeType(parent);
  const lifecycle = f.prePost
    ? ["precreate", "create", "configure", "start", "poststart", "prestop", "stop", "delete", "postdelete"]
    : ["create", "configure", "start", "stop", "delete"];
  const rootOps: Record<string, string> = Object.fromEntries(lifecycle.map((op) => [`lifecycle.${op}`, ""]));
  for (const op of ["validation.creation", "validation.deletion", "monitoring.start", "monitoring.stop"]) rootOps[op] = "";
  const computeProps: Record<string, unknown> = { ip: "", install_agent: "", cloudify_agent: {} };
  if (f.agentConfig) {
    computeProps["os_family"] = "linux";
    computeProps["agent_config"] = { install_method: "remote", port: 22, network: "default" };
  }
  const nodeTypes: Record<string, unknown> = {
    "cloudify.nodes.Root": nodeType(undefined, {}, rootOps),
    "cloudify.nodes.Compute": nodeType("cloudify.nodes.Root", computeProps, AGENT_OPS),
    "cloudify.nodes.Container": plain("cloudify.nodes.Compute"),
    "cloudify.nodes.Tier": plain("cloudify.nodes.Root"),
    "cloudify.nodes.Volume": plain("cloudify.nodes.Root"),
    "cloudify.nodes.ObjectStorage": plain("cloudify.nodes.Root"),
    "cloudify.nodes.Network": plain("cloudify.nodes.Root"),
    "cloudify.nodes.Subnet": plain("cloudify.nodes.Root"),
    "cloudify.nodes.Port": plain("cloudify.nodes.Root"),
    "cloudify.nodes.Router": plain("cloudify.nodes.Root"),
    "cloudify.nodes.LoadBalancer": plain("cloudify.nodes.Root"),
    "cloudify.nodes.VirtualIP": plain("cloudify.nodes.Root"),
    "cloudify.nodes.SecurityGroup": plain("cloudify.nodes.Root"),
    "cloudify.nodes.SoftwareComponent": plain("cloudify.nodes.Root"),
    "cloudify.nodes.DBMS": plain("cloudify.nodes.SoftwareComponent"),
    "cloudify.nodes.Database": plain("cloudify.nodes.Root"),
    "cloudify.nodes.WebServer": nodeType("cloudify.nodes.SoftwareComponent", { port: 80 }),
    "cloudify.nodes.ApplicationServer": plain("cloudify.nodes.SoftwareComponent"),
    "cloudify.nodes.MessageBusServer": plain("cloudify.nodes.SoftwareComponent"),
    "cloudify.nodes.ApplicationModule": plain("cloudify.nodes.Root"),
    "cloudify.nodes.CloudifyManager": nodeType("cloudify.nodes.SoftwareComponent", { cloudify: {}, cloudify_packages: REQUIRED }),
  };
  if (f.fileSystem) {
    nodeTypes["cloudify.nodes.FileSystem"] = nodeType(
      "cloudify.nodes.Root",
      { use_external_resource: false, partition_type: 83, fs_type: REQUIRED, fs_mount_path: REQUIRED },
      { "lifecycle.configure": { impl: "script.script_runner.tasks.run", inputs: { script_path: "" } } },
    );
  }
  if (f.components) {
    nodeTypes["cloudify.nodes.Component"] = nodeType(
      "cloudify.nodes.Root",
      { resource_config: REQUIRED, ...CLIENT, plugins: OPTIONAL, secrets: OPTIONAL },
      {
        "lifecycle.create": "cfy_extensions.cloudify_types.component.upload_blueprint",
        "lifecycle.configure": "cfy_extensions.cloudify_types.component.create",
        "lifecycle.start": "cfy_extensions.cloudify_types.component.execute_start",
        "lifecycle.stop": "cfy_extensions.cloudify_types.component.execute_stop",
        "lifecycle.delete": "cfy_extensions.cloudify_types.component.delete",
      },
    );
    nodeTypes["cloudify.nodes.SharedResource"] = nodeType(
      "cloudify.nodes.Root",
      { resource_config: REQUIRED, ...CLIENT },
      { "lifecycle.create": "cfy_extensions.cloudify_types.shared_resource.connect_deployment" },
    );
  }
  if (f.serviceComponent) nodeTypes["cloudify.nodes.ServiceComponent"] = plain("cloudify.nodes.Component");
  const rels: Record<string, unknown> = {
    "cloudify.relationships.depends_on": relType(undefined, { connection_type: "all_to_all" }),
    "cloudify.relationships.connected_to": relType("cloudify.relationships.depends_on"),
    "cloudify.relationships.contained_in": relType("cloudify.relationships.depends_on"),
  };
  if (f.fileSystem) {
    rels["cloudify.relationships.file_system_depends_on_volume"] = relType("cloudify.relationships.depends_on");
    rels["cloudify.relationships.file_system_contained_in_compute"] = relType("cloudify.relationships.contained_in");
  }
  if (f.components) {
    rels["cloudify.relationships.depends_on_shared_resource"] = relType("cloudify.relationships.depends_on");
    rels["cloudify.relationships.connected_to_shared_resource"] = relType("cloudify.relationships.connected_to");
  }
  if (f.serviceComponent) rels["cloudify.relationships.depends_on_lifecycle_operation"] = relType("cloudify.relationships.depends_on", { operation: REQUIRED, sequence_number: OPTIONAL });
  const agent: Record<string, unknown> = {};
  for (const k of ["install_method", "service_name", "network", "user", "key", "password", "port", "process_management", "min_workers", "max_workers", "disable_requiretty", "env", "extra"]) agent[k] = OPTIONAL;
  return {
    plugins: {
      agent: plugin("central_deployment_agent", "cloudify-agent"),
      default_workflows: plugin("central_deployment_agent", "cloudify-plugins-common"),
      script: plugin("host_agent", "cloudify-script-plugin"),
      ...(f.components ? { cfy_extensions: plugin("central_deployment_agent", "cloudify-types") } : {}),
    },
    node_types: nodeTypes,
    relationships: rels,
    data_types: f.agentConfig ? { "cloudify.datatypes.AgentConfig": dataType(agent) } : {},
    policy_types: {},
    policy_triggers: { "cloudify.policies.triggers.execute_workflow": { source: "execute_workflow", parameters: {} } },
  };
}

const V32: CoreFeatures = { agentConfig: false, fileSystem: false, prePost: false, components: false, serviceComponent: false };
const V33: CoreFeatures = { ...V32, fileSystem: true, agentConfig: true };
const V34: CoreFeatures = { ...V33 };
const V50: CoreFeatures = { ...V34, prePost: true };
const V505: CoreFeatures = { ...V50, components: true };
const V51: CoreFeatures = { ...V505, serviceComponent: true };

const at = (version: string, f: CoreFeatures) => ({ version, defs: () => core(f) });

/** The core types of every Cloudify release from 3.2 to 7.x. */
export const CORE: Family = {
  title: "Cloudify core types",
  packages: [],
  urlNames: [],
  versions: [
    at("3.2", V32),
    at("3.3", V33),
    at("3.4", V34),
    ...["4.0", "4.1", "4.2", "4.3", "4.4", "4.5", "4.6"].map((v) => at(v, V34)),
    at("5.0", V50),
    at("5.0.5", V505),
    at("5.1", V51),
    at("5.2", V51),
    ...["6.0", "6.1", "6.2", "6.3", "6.4"].map((v) => at(v, V51)),
    ...["7.0", "7.1"].map((v) => at(v, V51)),
  ],
};
