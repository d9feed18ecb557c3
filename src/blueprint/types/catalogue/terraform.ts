/**
 * The terraform plugin: `cloudify.nodes.terraform` installs the binary, `cloudify.nodes.terraform.Module` runs a root
 * module (apply on configure, state pull on start, destroy on delete); both run the plugin's code.
 */
import { type Defs, OPTIONAL, REQUIRED, dataType, life, nodeType, optional, plugin, relType, required, typed, workflows } from "./dsl";
import type { Family } from "./family";

/** terraform-plugin 0.x (facts from 0.20): the module and binary types, their data types and workflows. */
function v0(): Defs {
  const tasks = "tf.cloudify_tf.tasks";
  return {
    plugins: { tf: plugin("central_deployment_agent", "cloudify-terraform-plugin") },
    data_types: {
      "cloudify.types.terraform.DirectoryConfig": dataType({ executable_path: OPTIONAL, storage_path: OPTIONAL, plugins_dir: OPTIONAL }),
      "cloudify.types.terraform.InstallConfig": dataType({ use_existing_resource: false, installation_source: "https://releases.hashicorp.com/terraform/1.4.2/terraform_1.4.2_linux_amd64.zip", plugins: {} }),
      "cloudify.types.terraform.Backend": dataType({ name: OPTIONAL, options: OPTIONAL, credentials: OPTIONAL }),
      "cloudify.types.terraform.Provider": dataType({ filename: "provider.tf", providers: OPTIONAL }),
      "cloudify.types.terraform.RequiredProviders": dataType({ filename: "versions.tf.json", required_providers: OPTIONAL }),
      "cloudify.types.terraform.SourceSpecification": dataType({ location: REQUIRED, username: OPTIONAL, password: OPTIONAL }),
      "cloudify.types.terraform.RootModule": dataType({
        source: REQUIRED,
        source_path: "",
        backend: typed("cloudify.types.terraform.Backend", {}),
        provider: typed("cloudify.types.terraform.Provider", {}),
        required_providers: typed("cloudify.types.terraform.RequiredProviders", {}),
        variables: {},
        environment_variables: {},
        flags_override: [],
        log_stdout: true,
        tfvars: OPTIONAL,
        store_output_secrets: OPTIONAL,
        obfuscate_sensitive: false,
      }),
    },
    node_types: {
      "cloudify.nodes.terraform": nodeType(
        "cloudify.nodes.SoftwareComponent",
        { terraform_config: optional("cloudify.types.terraform.DirectoryConfig"), resource_config: required("cloudify.types.terraform.InstallConfig") },
        life(tasks, "create=install delete=uninstall"),
      ),
      "cloudify.nodes.terraform.Module": nodeType(
        "cloudify.nodes.ApplicationModule",
        {
          resource_config: required("cloudify.types.terraform.RootModule"),
          max_runtime_property_size: 1000000,
          max_stored_filesize: 1000000,
          store_plugins_dir: false,
          provider_upgrade: false,
          general_executor_process: { max_sleep_time: 300 },
          tflint_config: OPTIONAL,
          tfsec_config: OPTIONAL,
          terratag_config: OPTIONAL,
          infracost_config: OPTIONAL,
          opa_config: OPTIONAL,
        },
        life(tasks, "create=setup_linters configure=apply start=state_pull delete=destroy"),
      ),
    },
    relationships: {
      "cloudify.relationships.terraform.run_on_host": relType("cloudify.relationships.connected_to", {}, life(tasks, "preconfigure=set_directory_config", "relationship_lifecycle")),
      "cloudify.terraform.relationships.run_on_host": relType("cloudify.relationships.terraform.run_on_host"),
    },
    workflows: workflows("tf.cloudify_tf", ["refresh_terraform_resources", "terraform_plan", "reload_terraform_template", "update_terraform_binary", "import_terraform_resource", "run_infracost", "migrate_state"]),
  };
}

/** The terraform plugin's catalogued versions. */
export const TERRAFORM: Family = {
  title: "terraform plugin",
  packages: ["cloudify-terraform-plugin"],
  urlNames: ["terraform-plugin", "cloudify-terraform-plugin"],
  versions: [{ version: "0.20.6", defs: v0 }],
};
