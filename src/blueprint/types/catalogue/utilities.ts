/**
 * The utilities plugin: keys (RSA key pairs), cloud-init configuration, REST calls, terminal sessions, deployment
 * proxies, configuration loading, secrets, files, FTP and the suspend/resume and scale-list workflows.
 */
import { type Defs, OPTIONAL, REQUIRED, dataType, life, nodeType, optional, plugin, relType, required, typed, workflows } from "./dsl";
import type { Family } from "./family";

/** utilities-plugin 1.4.2. */
function v142(): Defs {
  return {
    plugins: { cfy_util: plugin("central_deployment_agent", "cloudify-utilities-plugin"), cfy_files: plugin("central_deployment_agent", "cloudify-utilities-plugin"), cloudify_custom_workflow: plugin("central_deployment_agent", "cloudify-utilities-plugin"), cloudinit: plugin("central_deployment_agent", "cloudify-utilities-plugin"), configuration: plugin("central_deployment_agent", "cloudify-utilities-plugin"), keys: plugin("central_deployment_agent", "cloudify-utilities-plugin"), suspend: plugin("central_deployment_agent", "cloudify-utilities-plugin"), terminal: plugin("central_deployment_agent", "cloudify-utilities-plugin") },
    data_types: {
      "cloudify.datatypes.Blueprint": dataType({ external_resource: false, id: OPTIONAL, main_file_name: "blueprint.yaml", blueprint_archive: "" }),
      "cloudify.datatypes.Deployment": dataType({ external_resource: false, id: OPTIONAL, inputs: {}, outputs: OPTIONAL, logs: OPTIONAL }),
      "cloudify.datatypes.Node": dataType({ id: REQUIRED }),
      "cloudify.datatypes.NodeInstance": dataType({ node: optional("cloudify.datatypes.Node"), id: OPTIONAL }),
      "cloudify.datatypes.DeploymentProxy": dataType({ blueprint: required("cloudify.datatypes.Blueprint"), deployment: required("cloudify.datatypes.Deployment"), executions_start_args: {}, reexecute: false }),
      "cloudify.datatypes.NodeInstanceProxy": dataType({ blueprint: required("cloudify.datatypes.Blueprint"), deployment: required("cloudify.datatypes.Deployment"), executions_start_args: {}, reexecute: false, node_instance: required("cloudify.datatypes.NodeInstance") }),
      "cloudify.datatypes.key": dataType({ private_key_path: OPTIONAL, public_key_path: "~/.ssh/id_rsa.pub", key_name: OPTIONAL, algorithm: "RSA", bits: 2048, comment: OPTIONAL, passphrase: OPTIONAL, openssh_format: OPTIONAL, unvalidated: OPTIONAL }),
      "cloudify.datatypes.terminal_auth": dataType({ user: "", password: "", ip: "", key_content: "", port: 22, store_logs: false, promt_check: [], errors: [], exit_command: "exit" }),
    },
    node_types: {
      "cloudify.nodes.DeploymentProxy": nodeType("cloudify.nodes.Root", { resource_config: typed("cloudify.datatypes.DeploymentProxy", {}), client: {} }, life("cfy_util.cloudify_deployment_proxy.tasks", "create=upload_blueprint configure=create_deployment start=execute_start stop=execute_start delete=delete_deployment")),
      "cloudify.nodes.NodeInstanceProxy": nodeType("cloudify.nodes.DeploymentProxy", { resource_config: typed("cloudify.datatypes.NodeInstanceProxy", {}) }, {}),
      "cloudify.nodes.CloudInit.CloudConfig": nodeType("cloudify.nodes.Root", { header: "#cloud-config", encode_base64: false, resource_config: {} }, life("cloudinit.cloudify_cloudinit.tasks", "create=update configure=update start=update stop=update delete=update")),
      "configuration_loader": nodeType("cloudify.nodes.ApplicationServer", { parameters_json: "" }, life("configuration.cloudify_configuration.tasks", "configure=load_configuration")),
      "cloudify.keys.nodes.RSAKey": nodeType("cloudify.nodes.Root", { use_secret_store: true, key_name: OPTIONAL, resource_config: required("cloudify.datatypes.key") }, life("keys.cloudify_ssh_key.operations", "create delete")),
      "cloudify.terminal.raw": nodeType("cloudify.nodes.Root", { terminal_auth: required("cloudify.datatypes.terminal_auth") }, life("terminal.cloudify_terminal.tasks", "create=run configure=run start=run stop=run delete=run")),
    },
    relationships: {
      "load_from_config": relType("cloudify.relationships.depends_on", {}, {}, { "relationship_lifecycle.preconfigure": "configuration.cloudify_configuration.tasks.load_configuration_to_runtime_properties" }),
    },
    workflows: workflows("utilities", ["configuration_update", "suspend", "resume"]),

  };
}

/** utilities-plugin 1.9.0. */
function v190(): Defs {
  return {
    plugins: { cfy_util: plugin("central_deployment_agent", "cloudify-utilities-plugin"), cfy_files: plugin("central_deployment_agent", "cloudify-utilities-plugin"), cloudify_custom_workflow: plugin("central_deployment_agent", "cloudify-utilities-plugin"), cloudinit: plugin("central_deployment_agent", "cloudify-utilities-plugin"), configuration: plugin("central_deployment_agent", "cloudify-utilities-plugin"), keys: plugin("central_deployment_agent", "cloudify-utilities-plugin"), suspend: plugin("central_deployment_agent", "cloudify-utilities-plugin"), terminal: plugin("central_deployment_agent", "cloudify-utilities-plugin"), rest: plugin("central_deployment_agent", "cloudify-utilities-plugin"), scalelist: plugin("central_deployment_agent", "cloudify-utilities-plugin") },
    data_types: {
      "cloudify.datatypes.Blueprint": dataType({ external_resource: false, id: OPTIONAL, main_file_name: "blueprint.yaml", blueprint_archive: "" }),
      "cloudify.datatypes.Deployment": dataType({ external_resource: false, id: OPTIONAL, inputs: {}, outputs: OPTIONAL, logs: OPTIONAL }),
      "cloudify.datatypes.Node": dataType({ id: REQUIRED }),
      "cloudify.datatypes.NodeInstance": dataType({ node: optional("cloudify.datatypes.Node"), id: OPTIONAL }),
      "cloudify.datatypes.DeploymentProxy": dataType({ blueprint: required("cloudify.datatypes.Blueprint"), deployment: required("cloudify.datatypes.Deployment"), executions_start_args: {}, reexecute: false }),
      "cloudify.datatypes.NodeInstanceProxy": dataType({ blueprint: required("cloudify.datatypes.Blueprint"), deployment: required("cloudify.datatypes.Deployment"), executions_start_args: {}, reexecute: false, node_instance: required("cloudify.datatypes.NodeInstance") }),
      "cloudify.datatypes.key": dataType({ private_key_path: OPTIONAL, public_key_path: "~/.ssh/id_rsa.pub", key_name: OPTIONAL, algorithm: "RSA", bits: 2048, comment: OPTIONAL, passphrase: OPTIONAL, openssh_format: OPTIONAL, unvalidated: OPTIONAL }),
      "cloudify.datatypes.terminal_auth": dataType({ user: "", password: "", ip: "", key_content: "", port: 22, store_logs: false, promt_check: [], errors: [], exit_command: "exit" }),
      "cloudify.datatypes.File": dataType({ resource_path: REQUIRED, file_path: REQUIRED, owner: REQUIRED, mode: REQUIRED, template_variables: OPTIONAL, use_sudo: false, allow_failure: false }),
    },
    node_types: {
      "cloudify.nodes.DeploymentProxy": nodeType("cloudify.nodes.Root", { resource_config: typed("cloudify.datatypes.DeploymentProxy", {}), client: {}, plugins: [], secrets: {} }, life("cfy_util.cloudify_deployment_proxy.tasks", "create=upload_blueprint configure=create_deployment start=execute_start stop=execute_start delete=delete_deployment")),
      "cloudify.nodes.NodeInstanceProxy": nodeType("cloudify.nodes.DeploymentProxy", { resource_config: typed("cloudify.datatypes.NodeInstanceProxy", {}) }, {}),
      "cloudify.nodes.CloudInit.CloudConfig": nodeType("cloudify.nodes.Root", { header: "#cloud-config", encode_base64: false, resource_config: {} }, life("cloudinit.cloudify_cloudinit.tasks", "create=update configure=update start=update stop=update delete=update")),
      "configuration_loader": nodeType("cloudify.nodes.ApplicationServer", { parameters_json: "" }, life("configuration.cloudify_configuration.tasks", "configure=load_configuration")),
      "cloudify.keys.nodes.RSAKey": nodeType("cloudify.nodes.Root", { use_secret_store: true, key_name: OPTIONAL, resource_config: required("cloudify.datatypes.key") }, life("keys.cloudify_ssh_key.operations", "create delete")),
      "cloudify.terminal.raw": nodeType("cloudify.nodes.Root", { terminal_auth: required("cloudify.datatypes.terminal_auth") }, life("terminal.cloudify_terminal.tasks", "create=run configure=run start=run stop=run delete=run")),
      "cloudify.nodes.File": nodeType("cloudify.nodes.Root", { resource_config: required("cloudify.datatypes.File") }, life("cfy_files.cloudify_files.tasks", "create delete")),
      "cloudify.rest.Requests": nodeType("cloudify.nodes.Root", { hosts: [], host: [], port: -1, ssl: false, verify: true }, life("rest.cloudify_rest.tasks", "create=execute configure=execute start=execute stop=execute delete=execute")),
    },
    relationships: {
      "load_from_config": relType("cloudify.relationships.depends_on", {}, {}, { "relationship_lifecycle.preconfigure": "configuration.cloudify_configuration.tasks.load_configuration_to_runtime_properties" }),
    },
    workflows: workflows("utilities", ["configuration_update", "suspend", "resume", "statistics", "backup", "restore", "remove_backup", "scaleuplist", "scaledownlist", "update_operation_filtered"]),

  };
}

/** utilities-plugin 2.0.6. */
function v206(): Defs {
  return {
    plugins: { cfy_util: plugin("central_deployment_agent", "cloudify-utilities-plugin"), cfy_files: plugin("central_deployment_agent", "cloudify-utilities-plugin"), cfy_ftp: plugin("central_deployment_agent", "cloudify-utilities-plugin"), cloudify_custom_workflow: plugin("central_deployment_agent", "cloudify-utilities-plugin"), cloudify_hooks_workflow: plugin("central_deployment_agent", "cloudify-utilities-plugin"), cloudinit: plugin("central_deployment_agent", "cloudify-utilities-plugin"), configuration: plugin("central_deployment_agent", "cloudify-utilities-plugin"), keys: plugin("central_deployment_agent", "cloudify-utilities-plugin"), suspend: plugin("central_deployment_agent", "cloudify-utilities-plugin"), terminal: plugin("central_deployment_agent", "cloudify-utilities-plugin"), rest: plugin("central_deployment_agent", "cloudify-utilities-plugin"), scalelist: plugin("central_deployment_agent", "cloudify-utilities-plugin"), secrets: plugin("central_deployment_agent", "cloudify-utilities-plugin"), lifecycle_operations: plugin("central_deployment_agent", "cloudify-utilities-plugin"), resources: plugin("central_deployment_agent", "cloudify-utilities-plugin"), iso: plugin("central_deployment_agent", "cloudify-utilities-plugin") },
    data_types: {
      "cloudify.datatypes.Deployment": dataType({ external_resource: false, id: OPTIONAL, inputs: {}, outputs: OPTIONAL, all_outputs: true, logs: OPTIONAL }),
      "cloudify.datatypes.Node": dataType({ id: REQUIRED }),
      "cloudify.datatypes.NodeInstance": dataType({ node: optional("cloudify.datatypes.Node"), id: OPTIONAL }),
      "cloudify.datatypes.DeploymentProxy": dataType({ blueprint: required("cloudify.datatypes.Blueprint"), deployment: required("cloudify.datatypes.Deployment"), executions_start_args: {}, reexecute: false }),
      "cloudify.datatypes.NodeInstanceProxy": dataType({ blueprint: required("cloudify.datatypes.Blueprint"), deployment: required("cloudify.datatypes.Deployment"), executions_start_args: {}, reexecute: false, node_instance: required("cloudify.datatypes.NodeInstance") }),
      "cloudify.datatypes.key": dataType({ private_key_path: OPTIONAL, public_key_path: "~/.ssh/id_rsa.pub", key_name: OPTIONAL, algorithm: "RSA", bits: 2048, comment: OPTIONAL, passphrase: OPTIONAL, openssh_format: OPTIONAL, unvalidated: OPTIONAL }),
      "cloudify.datatypes.ftp_auth": dataType({ user: "", password: "", ip: "", port: 21, ignore_host: false, tls: false }),
      "cloudify.datatypes.terminal_auth": dataType({ user: "", password: "", ip: "", key_content: "", port: 22, store_logs: false, promt_check: [], warnings: [], errors: [], criticals: [], exit_command: "exit", smart_device: false }),
      "cloudify.datatypes.File": dataType({ resource_path: REQUIRED, file_path: REQUIRED, owner: REQUIRED, mode: REQUIRED, template_variables: OPTIONAL, use_sudo: false, allow_failure: false }),
    },
    node_types: {
      "cloudify.nodes.DeploymentProxy": nodeType("cloudify.nodes.Root", { resource_config: typed("cloudify.datatypes.DeploymentProxy", {}), client: {}, plugins: [], secrets: {} }, life("cfy_util.cloudify_deployment_proxy.tasks", "create=upload_blueprint configure=create_deployment start=execute_start stop=execute_start delete=delete_deployment")),
      "cloudify.nodes.NodeInstanceProxy": nodeType("cloudify.nodes.DeploymentProxy", { resource_config: typed("cloudify.datatypes.NodeInstanceProxy", {}) }, {}),
      "cloudify.nodes.CloudInit.CloudConfig": nodeType("cloudify.nodes.Root", { header: "#cloud-config", encode_base64: false, resource_config: {} }, life("cloudinit.cloudify_cloudinit.tasks", "create=update configure=update start=update stop=update delete")),
      "cloudify.nodes.ConfigurationLoader": nodeType("cloudify.nodes.ApplicationServer", { parameters_json: "" }, life("configuration.cloudify_configuration.tasks", "configure=load_configuration")),
      "configuration_loader": nodeType("cloudify.nodes.ConfigurationLoader", {}, {}),
      "cloudify.nodes.keys.RSAKey": nodeType("cloudify.nodes.Root", { use_secret_store: true, use_secrets_if_exist: false, key_name: OPTIONAL, resource_config: required("cloudify.datatypes.key") }, life("keys.cloudify_ssh_key.operations", "create delete")),
      "cloudify.keys.nodes.RSAKey": nodeType("cloudify.nodes.keys.RSAKey", {}, {}),
      "cloudify.nodes.terminal.Raw": nodeType("cloudify.nodes.Root", { terminal_auth: required("cloudify.datatypes.terminal_auth") }, life("terminal.cloudify_terminal.tasks", "create=run configure=run start=run stop=run delete=run")),
      "cloudify.terminal.raw": nodeType("cloudify.nodes.terminal.Raw", {}, {}),
      "cloudify.nodes.File": nodeType("cloudify.nodes.Root", { resource_config: required("cloudify.datatypes.File") }, life("cfy_files.cloudify_files.tasks", "create delete")),
      "cloudify.nodes.ftp": nodeType("cloudify.nodes.Root", { resource_config: required("cloudify.datatypes.ftp_auth"), raw_files: {}, files: {} }, life("cfy_ftp.cloudify_ftp.tasks", "create delete")),
      "cloudify.nodes.rest.Requests": nodeType("cloudify.nodes.Root", { hosts: [], host: [], port: -1, ssl: false, verify: true, cert: null, timeout: null, proxies: {}, params: {} }, life("rest.cloudify_rest.tasks", "create=execute configure=execute start=execute stop=execute delete=execute")),
      "cloudify.rest.Requests": nodeType("cloudify.nodes.rest.Requests", {}, {}),
      "cloudify.nodes.rest.BunchRequests": nodeType("cloudify.nodes.Root", { hosts: [], host: [], port: -1, ssl: false, verify: true, cert: null, timeout: null, proxies: {}, params: {} }, life("rest.cloudify_rest.tasks", "create=bunch_execute configure=bunch_execute start=bunch_execute stop=bunch_execute delete=bunch_execute")),
      "cloudify.rest.BunchRequests": nodeType("cloudify.nodes.rest.BunchRequests", {}, {}),
      "cloudify.nodes.secrets.Writer": nodeType("cloudify.nodes.Root", { entries: {}, do_not_delete: false, variant: OPTIONAL, separator: OPTIONAL, logs_secrets: false, update_if_exists: false }, life("secrets.cloudify_secrets.tasks", "create delete")),
      "cloudify.nodes.secrets.Reader": nodeType("cloudify.nodes.Root", { keys: [], variant: OPTIONAL, separator: OPTIONAL }, life("secrets.cloudify_secrets.tasks", "create=read")),
      "cloudify.nodes.resources.List": nodeType("cloudify.nodes.Root", { resource_config: [] }, life("resources.cloudify_resources.tasks", "create=create_list delete=delete_list")),
      "cloudify.nodes.resources.ListItem": nodeType("cloudify.nodes.Root", {}, life("resources.cloudify_resources.tasks", "create=create_list_item delete=delete_list_item")),
      "cloudify.nodes.resources.ModifiedIso": nodeType("cloudify.nodes.Root", { iso_path: REQUIRED, output_iso_path: OPTIONAL, new_directories: [], new_files: [] }, life("iso.cloudify_iso.tasks", "create=modify_iso delete=delete_iso")),
    },
    relationships: {
      "cloudify.relationships.load_from_config": relType("cloudify.relationships.depends_on", {}, {}, { "relationship_lifecycle.preconfigure": "configuration.cloudify_configuration.tasks.load_configuration_to_runtime_properties" }),
      "load_from_config": relType("cloudify.relationships.load_from_config", {}),
      "cloudify.relationships.resources.reserve_list_item": relType("cloudify.relationships.connected_to", {}, {}, { "relationship_lifecycle.preconfigure": "resources.cloudify_resources.tasks.reserve_list_item", "relationship_lifecycle.unlink": "resources.cloudify_resources.tasks.return_list_item" }),
    },
    workflows: workflows("utilities", ["configuration_update", "suspend", "resume", "statistics", "backup", "restore", "remove_backup", "scaleuplist", "scaledownlist", "update_operation_filtered", "hook_workflow_run_filtered", "hook_workflow_rest", "hook_workflow_terminal", "alt_start", "alt_stop", "alt_precreate", "alt_create", "alt_configure", "alt_poststart", "alt_prestop", "alt_delete", "alt_postdelete", "rollback_deprecated", "batch_deploy_and_install", "batch_deploy", "batch_install"]),

  };
}

/** The utilities plugin's catalogued versions. */
export const UTILITIES: Family = {
  title: "utilities plugin",
  packages: ["cloudify-utilities-plugin"],
  urlNames: ["utilities-plugin", "cloudify-utilities-plugin"],
  versions: [
    { version: "1.4.2", defs: v142 },
    { version: "1.9.0", defs: v190 },
    { version: "2.0.6", defs: v206 },
  ],
};
