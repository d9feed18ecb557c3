/**
 * The kubernetes plugin: 1.x drives kubectl over SSH (`cloudify.kubernetes.{Master,Node,Microservice}`); 2.x uses the
 * API client (`cloudify.kubernetes.nodes.Master`, `cloudify.kubernetes.resources.*`, and from 2.7 the
 * `cloudify.nodes.kubernetes.*` names).
 */
import { type Defs, OPTIONAL, REQUIRED, dataType, life, nodeType, plugin, relType } from "./dsl";
import type { Family } from "./family";

/** kubernetes-plugin 1.x (kubectl era). */
function v1(): Defs {
  return {
    plugins: { kubernetes: plugin("host_agent", "cloudify-kubernetes-plugin") },
    node_types: {
      "cloudify.kubernetes.Base": nodeType("cloudify.nodes.Root", {
        ssh_keyfilename: "",
        ssh_username: "",
        ssh_password: "",
        ssh_port: 22,
        install_docker: false,
        install: true,
      }),
      "cloudify.kubernetes.Master": nodeType(
        "cloudify.kubernetes.Base",
        { install_docker: false, master_port: 8080 },
        { "lifecycle.start": "kubernetes.kube_plugin.start_master_ubuntu14.start_master" },
      ),
      "cloudify.kubernetes.Node": nodeType("cloudify.kubernetes.Base", {}, { "lifecycle.start": "kubernetes.kube_plugin.start_node_ubuntu14.start_node" }),
      "cloudify.kubernetes.Microservice": nodeType(
        "cloudify.kubernetes.Base",
        {
          name: REQUIRED,
          image: "",
          port: -1,
          target_port: { get_property: ["SELF", "port"] },
          protocol: "TCP",
          replicas: 1,
          run_overrides: "",
          expose_overrides: "",
          config: {},
          config_files: [],
        },
        {
          "lifecycle.start": "kubernetes.kube_plugin.tasks.kube_run_expose",
          "lifecycle.stop": "kubernetes.kube_plugin.remote_tasks.kube_delete",
        },
      ),
    },
    relationships: {
      "cloudify.kubernetes.relationships.connected_to_master": relType("cloudify.relationships.connected_to"),
      "cloudify.kubernetes.relationships.contained_in_host": relType("cloudify.relationships.contained_in"),
      "cloudify.kubernetes.relationships.copy_rtprops": relType("cloudify.relationships.connected_to", { prop_list: "" }),
    },
  };
}

/** kubernetes-plugin 2.0.0 (API client). */
function v2(): Defs {
  const ops = (prefix: string, start: boolean) => ({
    "lifecycle.create": `kubernetes.cloudify_kubernetes.tasks.${prefix}create`,
    ...(start ? { "lifecycle.start": "kubernetes.cloudify_kubernetes.tasks.resource_read" } : {}),
    "lifecycle.delete": `kubernetes.cloudify_kubernetes.tasks.${prefix}delete`,
  });
  const base = "cloudify.kubernetes.resources.BlueprintDefinedResource";
  const typed = (extra: Record<string, unknown> = {}) => nodeType(base, extra, { "lifecycle.start": "kubernetes.cloudify_kubernetes.tasks.resource_read" });
  return {
    plugins: { kubernetes: plugin("central_deployment_agent", "cloudify-kubernetes-plugin") },
    data_types: {
      "cloudify.kubernetes.types.FileResource": dataType({ resource_path: REQUIRED, target_path: OPTIONAL, template_variables: {} }),
      "cloudify.kubernetes.types.ConfigurationVariant": dataType({
        blueprint_file_name: OPTIONAL,
        manager_file_path: OPTIONAL,
        file_content: OPTIONAL,
        api_options: OPTIONAL,
      }),
      "cloudify.kubernetes.types.ResourceDefinition": dataType({ apiVersion: "v1", kind: REQUIRED, metadata: {}, spec: {} }),
    },
    node_types: {
      "cloudify.kubernetes.nodes.Master": nodeType("cloudify.nodes.Root", { configuration: REQUIRED, authentication: OPTIONAL }),
      [base]: nodeType("cloudify.nodes.Root", { definition: REQUIRED, options: { namespace: "default" } }, ops("resource_", false)),
      "cloudify.kubernetes.resources.Deployment": typed(),
      "cloudify.kubernetes.resources.Pod": typed(),
      "cloudify.kubernetes.resources.ReplicaSet": typed(),
      "cloudify.kubernetes.resources.ReplicationController": typed(),
      "cloudify.kubernetes.resources.Service": typed(),
      "cloudify.kubernetes.resources.PersistentVolume": typed(),
      "cloudify.kubernetes.resources.ConfigMap": nodeType(base, { definition: REQUIRED }),
      "cloudify.kubernetes.resources.StorageClass": nodeType("cloudify.nodes.Root", { definition: REQUIRED }),
      "cloudify.kubernetes.resources.ClusterRoleBinding": nodeType("cloudify.nodes.Root", { definition: REQUIRED }, ops("resource_", true)),
      "cloudify.kubernetes.resources.CustomBlueprintDefinedResource": nodeType(base, { api_mapping: REQUIRED }, ops("custom_resource_", false)),
      "cloudify.kubernetes.resources.FileDefinedResource": nodeType("cloudify.nodes.Root", { file: REQUIRED }, ops("file_resource_", false)),
      "cloudify.kubernetes.resources.MultipleFileDefinedResources": nodeType(
        "cloudify.nodes.Root",
        { files: REQUIRED },
        ops("multiple_file_resource_", false),
      ),
    },
    relationships: {
      "cloudify.kubernetes.relationships.managed_by_master": relType("cloudify.relationships.connected_to"),
    },
  };
}

/**
 * kubernetes-plugin 2.7 and later: the `cloudify.nodes.kubernetes.*` names (the 2.0 names kept), `client_config`
 * (with `configuration` and `authentication`) on every resource, shared clusters and a token-based Master.
 */
function v2New(): Defs {
  const old = v2() as { plugins: unknown; data_types: Record<string, unknown>; node_types: Record<string, unknown>; relationships: Record<string, unknown> };
  const tasks = "kubernetes.cloudify_kubernetes.tasks";
  const res = { client_config: {}, definition: REQUIRED, options: {}, use_external_resource: false, allow_node_redefinition: false, validate_resource_status: false };
  const base = "cloudify.nodes.kubernetes.resources.BlueprintDefinedResource";
  const kinds = [
    "Deployment", "Pod", "ReplicaSet", "ReplicationController", "Service", "PersistentVolume", "PersistentVolumeClaim",
    "ConfigMap", "Secret", "ServiceAccount", "Role", "RoleBinding", "ClusterRole", "ClusterRoleBinding", "StatefulSet",
    "DaemonSet", "Namespace", "StorageClass", "Ingress", "NetworkPolicy", "CustomResourceDefinition", "Job", "CronJob",
  ];
  const nodes: Record<string, unknown> = {
    ...old.node_types,
    "cloudify.nodes.kubernetes.Master": nodeType("cloudify.nodes.Root", { configuration: REQUIRED, authentication: OPTIONAL }),
    [base]: nodeType("cloudify.nodes.Root", res, life(tasks, "create=resource_create start=resource_read delete=resource_delete")),
    "cloudify.nodes.kubernetes.resources.CustomBlueprintDefinedResource": nodeType(base, { api_mapping: REQUIRED }, life(tasks, "create=custom_resource_create delete=custom_resource_delete")),
    "cloudify.nodes.kubernetes.resources.FileDefinedResource": nodeType("cloudify.nodes.Root", { client_config: {}, file: REQUIRED, options: {}, validate_resource_status: false, allow_node_redefinition: false }, life(tasks, "create=file_resource_create delete=file_resource_delete")),
    "cloudify.nodes.kubernetes.resources.MultipleFileDefinedResources": nodeType("cloudify.nodes.Root", { client_config: {}, files: REQUIRED, options: {}, validate_resource_status: false }, life(tasks, "create=multiple_file_resource_create delete=multiple_file_resource_delete")),
    "cloudify.nodes.kubernetes.resources.SharedCluster": nodeType("cloudify.nodes.SharedResource", { client_config: {}, resource_config: REQUIRED }),
    "cloudify.nodes.kubernetes.resources.Token": nodeType("cloudify.nodes.Root", { client_config: {}, definition: OPTIONAL, options: {} }, life(tasks, "create=create_token delete=delete_token")),
  };
  for (const k of kinds) nodes[`cloudify.nodes.kubernetes.resources.${k}`] = nodeType(base);
  return {
    plugins: old.plugins,
    data_types: old.data_types,
    node_types: nodes,
    relationships: {
      ...old.relationships,
      "cloudify.relationships.kubernetes.connected_to_shared_cluster": relType("cloudify.relationships.connected_to"),
    },
  };
}

/** The kubernetes plugin's catalogued versions. */
export const KUBERNETES: Family = {
  title: "kubernetes plugin",
  packages: ["cloudify-kubernetes-plugin"],
  urlNames: ["kubernetes-plugin", "cloudify-kubernetes-plugin"],
  versions: [
    { version: "1.3.1", defs: v1 },
    { version: "2.0.0", defs: v2 },
    { version: "2.13.16", defs: v2New },
  ],
};
