/**
 * The ansible plugin: `cloudify.nodes.ansible.Ansible` (a virtualenv with ansible), `Executor` (runs a playbook on
 * start) and `Playbook` (runs it through relationships); all run the plugin's code.
 */
import { type Defs, OPTIONAL, life, nodeType, plugin, relType } from "./dsl";
import type { Family } from "./family";

/** ansible-plugin 2.x and 3.x (facts from 3.2): the types and their playbook settings. */
function v3(): Defs {
  const tasks = "ansible.cloudify_ansible.tasks";
  const venv = { ansible_external_venv: "", ansible_playbook_executable_path: "", extra_packages: [], galaxy_collections: [] };
  const playbook = {
    ...venv,
    roles: [],
    module_path: "",
    playbook_source_path: "",
    playbook_path: "",
    site_yaml_path: "",
    additional_playbook_files: [],
    sources: "",
    run_data: {},
    sensitive_keys: ["ansible_password"],
    options_config: {},
    ansible_env_vars: { ANSIBLE_HOST_KEY_CHECKING: "False", ANSIBLE_INVALID_TASK_ATTRIBUTE_FAILED: "False", ANSIBLE_STDOUT_CALLBACK: "json" },
    debug_level: 2,
    log_stdout: true,
    additional_args: "",
    start_at_task: "",
    scp_extra_args: "",
    sftp_extra_args: "",
    ssh_common_args: "",
    ssh_extra_args: "",
    timeout: "10",
    save_playbook: false,
    remerge_sources: false,
    ansible_become: false,
    tags: [],
    auto_tags: false,
    number_of_attempts: 3,
    store_facts: true,
  };
  return {
    plugins: { ansible: plugin("central_deployment_agent", "cloudify-ansible-plugin") },
    node_types: {
      "cloudify.nodes.ansible.Ansible": nodeType("cloudify.nodes.SoftwareComponent", { use_existing_resource: false, installation_source: "ansible==4.10.0", ...venv }, life(tasks, "create=install delete=uninstall")),
      "cloudify.nodes.ansible.Executor": nodeType("cloudify.nodes.Root", playbook, life(tasks, "precreate start=run delete=cleanup")),
      "cloudify.nodes.ansible.Playbook": nodeType("cloudify.nodes.Root", { ...playbook, kerberos_config: OPTIONAL }, life(tasks, "precreate configure start=set_playbook_config poststart=store_facts")),
    },
    relationships: {
      "cloudify.relationships.ansible.connected_to_host": relType("cloudify.relationships.connected_to", {}, life(tasks, "preconfigure=ansible_requires_host unlink=ansible_remove_host", "relationship_lifecycle")),
      "cloudify.relationships.ansible.run_on_host": relType("cloudify.relationships.connected_to", {}, life(tasks, "establish=run", "relationship_lifecycle")),
      "cloudify.ansible.relationships.connected_to_host": relType("cloudify.relationships.ansible.connected_to_host"),
      "cloudify.ansible.relationships.run_on_host": relType("cloudify.relationships.ansible.run_on_host"),
    },
  };
}

/** The ansible plugin's catalogued versions. */
export const ANSIBLE: Family = {
  title: "ansible plugin",
  packages: ["cloudify-ansible-plugin"],
  urlNames: ["ansible-plugin", "cloudify-ansible-plugin"],
  versions: [{ version: "3.2.7", defs: v3 }],
};
