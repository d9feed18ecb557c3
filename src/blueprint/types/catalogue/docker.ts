/**
 * The docker plugin: 1.x defines `cloudify.docker.Container` (host agent, docker-py); 2.x is a rewrite with
 * `cloudify.nodes.docker.*` (host, image, container, container files, and plugin-run Ansible and Terraform).
 */
import { type Defs, OPTIONAL, REQUIRED, dataType, life, nodeType, optional, plugin, required, typed } from "./dsl";
import type { Family } from "./family";

/** docker-plugin 1.3.2: `cloudify.docker.Container`. */
function v1(): Defs {
  return {
    plugins: { docker: plugin("host_agent", "cloudify-docker-plugin") },
    node_types: {
      "cloudify.docker.Container": nodeType(
        "cloudify.nodes.Root",
        { image: {}, name: "", use_external_resource: false },
        {
          "lifecycle.create": { impl: "docker.docker_plugin.tasks.create_container", inputs: { params: {} } },
          "lifecycle.start": {
            impl: "docker.docker_plugin.tasks.start",
            inputs: { params: {}, processes_to_wait_for: [], retry_interval: 1 },
          },
          "lifecycle.stop": { impl: "docker.docker_plugin.tasks.stop", inputs: { params: {}, retry_interval: 10 } },
          "lifecycle.delete": { impl: "docker.docker_plugin.tasks.remove_container", inputs: { params: {} } },
        },
      ),
    },
  };
}

/** docker-plugin 2.0.16: `cloudify.nodes.docker.*`. */
function v2(): Defs {
  return {
    plugins: { docker: plugin("central_deployment_agent", "cloudify-docker-plugin") },
    data_types: {
      "cloudify.types.docker.DockerMachineConfig": dataType({ docker_ip: "", docker_user: "", docker_key: "", container_volume: "" }),
      "cloudify.types.docker.DockerInstallationConfig": dataType({ install_url: "https://get.docker.com", install_script: "https://raw.githubusercontent.com/cloudify-cosmo/cloudify-docker-plugin/master/cloudify_docker/resources/post-install.sh", install_with_sudo: true, offline_installation: false, package_tar_path: "", post_install_script_path: "", installation_dir: "" }),
      "cloudify.types.docker.ClientConfig": dataType({ docker_host: "", docker_rest_port: "", docker_sock_file: "" }),
      "cloudify.types.docker.Image": dataType({ image_content: "", tag: "", pull_image: false, all_tags: false }),
      "cloudify.types.docker.Container": dataType({ image_tag: "", container_args: {} }),
      "cloudify.types.docker.ContainerFiles": dataType({ docker_machine: typed("cloudify.types.docker.DockerMachineConfig", {}), source: "", destination: "", extra_files: [], ansible_sources: {}, terraform_sources: {} }),
      "cloudify.types.terraform.Backend": dataType({ name: OPTIONAL, options: OPTIONAL }),
      "cloudify.types.terraform.RootModule": dataType({ source: REQUIRED, backend: typed("cloudify.types.terraform.Backend", {}), variables: {}, environment_variables: {} }),
    },
    node_types: {
      "cloudify.nodes.docker.images": nodeType("cloudify.nodes.Root", { client_config: optional("cloudify.types.docker.ClientConfig") }, life("docker.cloudify_docker.tasks", "create=list_images")),
      "cloudify.nodes.docker.containers": nodeType("cloudify.nodes.Root", { client_config: optional("cloudify.types.docker.ClientConfig") }, life("docker.cloudify_docker.tasks", "create=list_containers")),
      "cloudify.nodes.docker.host": nodeType("cloudify.nodes.Root", { docker_machine: optional("cloudify.types.docker.DockerMachineConfig"), resource_config: required("cloudify.types.docker.DockerInstallationConfig") }, life("docker.cloudify_docker.tasks", "create=install_docker delete=uninstall_docker")),
      "cloudify.nodes.docker.host_details": nodeType("cloudify.nodes.Root", { client_config: optional("cloudify.types.docker.ClientConfig") }, life("docker.cloudify_docker.tasks", "create=list_host_details")),
      "cloudify.nodes.docker.image": nodeType("cloudify.nodes.Root", { client_config: optional("cloudify.types.docker.ClientConfig"), resource_config: required("cloudify.types.docker.Image") }, life("docker.cloudify_docker.tasks", "create=build_image delete=remove_image")),
      "cloudify.nodes.docker.container": nodeType("cloudify.nodes.Root", { client_config: optional("cloudify.types.docker.ClientConfig"), resource_config: required("cloudify.types.docker.Container") }, life("docker.cloudify_docker.tasks", "create=create_container stop=stop_container delete=remove_container")),
      "cloudify.nodes.docker.container_files": nodeType("cloudify.nodes.Root", { resource_config: required("cloudify.types.docker.ContainerFiles") }, life("docker.cloudify_docker.tasks", "create=prepare_container_files delete=remove_container_files")),
      "cloudify.nodes.docker.ansible_playbook": nodeType("cloudify.nodes.Root", { ansible_playbook_executable_path: "ansible-playbook", playbook_source_path: "", playbook_path: "", site_yaml_path: "", additional_playbook_files: [], sources: {}, run_data: {}, sensitive_keys: ["ansible_password"], options_config: {}, ansible_env_vars: {"ANSIBLE_HOST_KEY_CHECKING": "False", "ANSIBLE_INVALID_TASK_ATTRIBUTE_FAILED": "False"}, debug_level: 2, additional_args: "", save_playbook: false, remerge_sources: false, ansible_become: false, docker_machine: optional("cloudify.types.docker.DockerMachineConfig") }, life("docker.cloudify_docker.ansible", "precreate=set_playbook_config create=create_ansible_playbook delete=remove_ansible_playbook")),
      "cloudify.nodes.docker.terraform_module": nodeType("cloudify.nodes.Root", { docker_machine: optional("cloudify.types.docker.DockerMachineConfig"), terraform_plugins: [], resource_config: required("cloudify.types.terraform.RootModule") }, life("docker.cloudify_docker.terraform", "create=prepare_terraform_files delete=remove_terraform_files")),
    },

  };
}

/** The docker plugin's catalogued versions. */
export const DOCKER: Family = {
  title: "docker plugin",
  packages: ["cloudify-docker-plugin"],
  urlNames: ["docker-plugin", "cloudify-docker-plugin"],
  versions: [
    { version: "1.3.2", defs: v1 },
    { version: "2.0.16", defs: v2 },
  ],
};
