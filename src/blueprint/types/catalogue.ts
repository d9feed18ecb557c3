/**
 * The offline catalogue of the type files blueprints import by URL (`types.yaml`, plugin `plugin.yaml`s). Written by
 * us from the type definitions (names, derivation, property defaults, operations and their inputs); it is not a copy
 * of those files. Each entry expands into the shape of a YAML file, so it is merged exactly like an imported file.
 */
import { OPTIONAL, REQUIRED, dataType, nodeType, plugin, relType } from "./catalogue-dsl";

type Defs = Record<string, unknown>;

const ROOT_OPS = {
  "lifecycle.create": "",
  "lifecycle.configure": "",
  "lifecycle.start": "",
  "lifecycle.stop": "",
  "lifecycle.delete": "",
  "validation.creation": "",
  "validation.deletion": "",
  "monitoring.start": "",
  "monitoring.stop": "",
};

/** `types.yaml` (Cloudify 3.x and 4.x): the `cloudify.nodes.*` hierarchy and the built-in relationships. */
function coreTypes(): Defs {
  const plain = (parent: string) => nodeType(parent);
  return {
    plugins: {
      agent: plugin("central_deployment_agent", "cloudify-agent"),
      default_workflows: plugin("central_deployment_agent", "cloudify-plugins-common"),
      script: plugin("host_agent", "cloudify-script-plugin"),
    },
    node_types: {
      "cloudify.nodes.Root": nodeType(undefined, {}, ROOT_OPS),
      "cloudify.nodes.Compute": nodeType(
        "cloudify.nodes.Root",
        {
          ip: "",
          os_family: "linux",
          agent_config: { install_method: "remote", port: 22, network: "default" },
          install_agent: "",
          cloudify_agent: {},
        },
        {
          "cloudify.interfaces.cloudify_agent.create": "agent.cloudify_agent.installer.operations.create",
          "cloudify.interfaces.cloudify_agent.start": "agent.cloudify_agent.installer.operations.start",
          "cloudify.interfaces.cloudify_agent.stop": "agent.cloudify_agent.installer.operations.stop",
          "cloudify.interfaces.cloudify_agent.delete": "agent.cloudify_agent.installer.operations.delete",
          "cloudify.interfaces.host.get_state": "",
          "cloudify.interfaces.monitoring_agent.install": "",
          "cloudify.interfaces.monitoring_agent.start": "",
          "cloudify.interfaces.monitoring_agent.stop": "",
          "cloudify.interfaces.monitoring_agent.uninstall": "",
        },
      ),
      "cloudify.nodes.Container": plain("cloudify.nodes.Compute"),
      "cloudify.nodes.Tier": plain("cloudify.nodes.Root"),
      "cloudify.nodes.Volume": plain("cloudify.nodes.Root"),
      "cloudify.nodes.FileSystem": nodeType(
        "cloudify.nodes.Root",
        { use_external_resource: false, partition_type: 83, fs_type: REQUIRED, fs_mount_path: REQUIRED },
        { "lifecycle.configure": { impl: "script.script_runner.tasks.run", inputs: { script_path: "" } } },
      ),
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
      "cloudify.nodes.CloudifyManager": nodeType("cloudify.nodes.SoftwareComponent", {
        cloudify: {},
        cloudify_packages: REQUIRED,
      }),
    },
    relationships: {
      "cloudify.relationships.depends_on": relType(undefined, { connection_type: "all_to_all" }),
      "cloudify.relationships.connected_to": relType("cloudify.relationships.depends_on"),
      "cloudify.relationships.contained_in": relType("cloudify.relationships.depends_on"),
      "cloudify.relationships.file_system_depends_on_volume": relType("cloudify.relationships.depends_on"),
      "cloudify.relationships.file_system_contained_in_compute": relType("cloudify.relationships.contained_in"),
    },
    data_types: {
      "cloudify.datatypes.AgentConfig": dataType({
        install_method: OPTIONAL,
        service_name: OPTIONAL,
        network: OPTIONAL,
        user: OPTIONAL,
        key: OPTIONAL,
        password: OPTIONAL,
        port: OPTIONAL,
        process_management: OPTIONAL,
        min_workers: OPTIONAL,
        max_workers: OPTIONAL,
        disable_requiretty: OPTIONAL,
        env: OPTIONAL,
        extra: OPTIONAL,
      }),
    },
    policy_types: {},
    policy_triggers: {
      "cloudify.policies.triggers.execute_workflow": { source: "execute_workflow", parameters: {} },
    },
  };
}

/** docker-plugin 1.x: `cloudify.docker.Container`. */
function docker1(): Defs {
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

/** docker-plugin 2.x: `cloudify.nodes.docker.*`. */
function docker2(): Defs {
  const client = { client_config: OPTIONAL };
  return {
    plugins: { docker: plugin("central_deployment_agent", "cloudify-docker-plugin") },
    data_types: {
      "cloudify.types.docker.ClientConfig": dataType({ docker_host: "", docker_rest_port: "", docker_sock_file: "" }),
      "cloudify.types.docker.Image": dataType({ image_content: "", tag: "", pull_image: false, all_tags: false }),
      "cloudify.types.docker.Container": dataType({ image_tag: "", container_args: {} }),
    },
    node_types: {
      "cloudify.nodes.docker.images": nodeType("cloudify.nodes.Root", client, { "lifecycle.create": "docker.cloudify_docker.tasks.list_images" }),
      "cloudify.nodes.docker.containers": nodeType("cloudify.nodes.Root", client, { "lifecycle.create": "docker.cloudify_docker.tasks.list_containers" }),
      "cloudify.nodes.docker.host_details": nodeType("cloudify.nodes.Root", client, { "lifecycle.create": "docker.cloudify_docker.tasks.list_host_details" }),
      "cloudify.nodes.docker.host": nodeType(
        "cloudify.nodes.Root",
        { docker_machine: OPTIONAL, resource_config: REQUIRED },
        { "lifecycle.create": "docker.cloudify_docker.tasks.install_docker", "lifecycle.delete": "docker.cloudify_docker.tasks.uninstall_docker" },
      ),
      "cloudify.nodes.docker.image": nodeType(
        "cloudify.nodes.Root",
        { ...client, resource_config: REQUIRED },
        { "lifecycle.create": "docker.cloudify_docker.tasks.build_image", "lifecycle.delete": "docker.cloudify_docker.tasks.remove_image" },
      ),
      "cloudify.nodes.docker.container": nodeType(
        "cloudify.nodes.Root",
        { ...client, resource_config: REQUIRED },
        {
          "lifecycle.create": "docker.cloudify_docker.tasks.create_container",
          "lifecycle.stop": { impl: "docker.cloudify_docker.tasks.stop_container", inputs: { stop_command: "" } },
          "lifecycle.delete": "docker.cloudify_docker.tasks.remove_container",
        },
      ),
      "cloudify.nodes.docker.container_files": nodeType(
        "cloudify.nodes.Root",
        { resource_config: REQUIRED },
        { "lifecycle.create": "docker.cloudify_docker.tasks.prepare_container_files", "lifecycle.delete": "docker.cloudify_docker.tasks.remove_container_files" },
      ),
    },
  };
}

/** openstack-plugin 1.x and 2.x: `cloudify.openstack.nodes.*` and their relationships. */
function openstack(): Defs {
  const common = { use_external_resource: false, create_if_missing: false, resource_id: "", openstack_config: {} };
  const ops = (module: string) => ({
    "lifecycle.create": { impl: `openstack.${module}.create`, inputs: { args: {}, openstack_config: {} } },
    "lifecycle.delete": { impl: `openstack.${module}.delete`, inputs: { openstack_config: {} } },
    "validation.creation": { impl: `openstack.${module}.creation_validation`, inputs: { openstack_config: {} } },
  });
  const rel = (name: string) => [`cloudify.openstack.${name}`, relType("cloudify.relationships.connected_to")] as const;
  return {
    plugins: { openstack: plugin("central_deployment_agent", "cloudify-openstack-plugin") },
    node_types: {
      "cloudify.openstack.nodes.Server": nodeType(
        "cloudify.nodes.Compute",
        { server: {}, ...common, image: "", flavor: "", management_network_name: "", use_password: false },
        {
          ...ops("nova_plugin.server"),
          "lifecycle.start": {
            impl: "openstack.nova_plugin.server.start",
            inputs: { start_retry_interval: 30, private_key_path: "", openstack_config: {} },
          },
          "lifecycle.stop": { impl: "openstack.nova_plugin.server.stop", inputs: { openstack_config: {} } },
        },
      ),
      "cloudify.openstack.nodes.WindowsServer": nodeType("cloudify.openstack.nodes.Server", {
        use_password: true,
        os_family: "windows",
        agent_config: { port: 5985 },
      }),
      "cloudify.openstack.nodes.KeyPair": nodeType("cloudify.nodes.Root", { keypair: {}, private_key_path: REQUIRED, ...common }, ops("nova_plugin.keypair")),
      "cloudify.openstack.nodes.Subnet": nodeType("cloudify.nodes.Subnet", { subnet: {}, ...common }, ops("neutron_plugin.subnet")),
      "cloudify.openstack.nodes.SecurityGroup": nodeType(
        "cloudify.nodes.SecurityGroup",
        { security_group: {}, description: "", ...common, rules: [], disable_default_egress_rules: false },
        ops("neutron_plugin.security_group"),
      ),
      "cloudify.openstack.nodes.Router": nodeType(
        "cloudify.nodes.Router",
        { router: {}, external_network: "", default_to_managers_external_network: true, ...common },
        ops("neutron_plugin.router"),
      ),
      "cloudify.openstack.nodes.Port": nodeType("cloudify.nodes.Port", { port: {}, fixed_ip: "", ...common }, ops("neutron_plugin.port")),
      "cloudify.openstack.nodes.Network": nodeType("cloudify.nodes.Network", { network: {}, ...common }, ops("neutron_plugin.network")),
      "cloudify.openstack.nodes.FloatingIP": nodeType("cloudify.nodes.VirtualIP", { floatingip: {}, ...common }, ops("neutron_plugin.floatingip")),
      "cloudify.openstack.nodes.Volume": nodeType(
        "cloudify.nodes.Volume",
        { volume: {}, ...common, device_name: "auto", boot: false },
        ops("cinder_plugin.volume"),
      ),
      "cloudify.openstack.nova_net.nodes.FloatingIP": nodeType("cloudify.nodes.VirtualIP", { floatingip: {}, ...common }, ops("nova_plugin.floatingip")),
      "cloudify.openstack.nova_net.nodes.SecurityGroup": nodeType(
        "cloudify.nodes.SecurityGroup",
        { security_group: {}, ...common, rules: [], description: REQUIRED },
        ops("nova_plugin.security_group"),
      ),
    },
    relationships: Object.fromEntries([
      rel("port_connected_to_security_group"),
      rel("subnet_connected_to_router"),
      rel("server_connected_to_floating_ip"),
      rel("port_connected_to_floating_ip"),
      rel("server_connected_to_security_group"),
      rel("server_connected_to_port"),
      rel("server_connected_to_keypair"),
      rel("port_connected_to_subnet"),
      rel("volume_attached_to_server"),
    ]),
  };
}

/** aws-plugin 1.x: `cloudify.aws.nodes.*` (see the AWS plugin summary in the reference notes). */
function aws1(): Defs {
  const common = { aws_config: {}, use_external_resource: false, resource_id: "", tags: {} };
  const ops = (module: string) => ({
    "lifecycle.create": `aws.${module}.create`,
    "lifecycle.start": `aws.${module}.start`,
    "lifecycle.delete": `aws.${module}.delete`,
    "validation.creation": `aws.${module}.creation_validation`,
  });
  const conn = "cloudify.relationships.connected_to";
  const cont = "cloudify.relationships.contained_in";
  const rels: Record<string, string> = {
    connected_to_elastic_ip: conn,
    instance_connected_to_elastic_ip: "cloudify.aws.relationships.connected_to_elastic_ip",
    instance_connected_to_keypair: conn,
    connected_to_security_group: conn,
    instance_connected_to_security_group: "cloudify.aws.relationships.connected_to_security_group",
    instance_connected_to_load_balancer: conn,
    volume_connected_to_instance: conn,
    subnet_contained_in_vpc: cont,
    routetable_contained_in_vpc: cont,
    routetable_associated_with_subnet: conn,
    route_table_to_gateway: conn,
    gateway_connected_to_vpc: conn,
    network_acl_contained_in_vpc: cont,
    network_acl_associated_with_subnet: conn,
    route_table_of_source_vpc_connected_to_target_peer_vpc: conn,
    dhcp_options_associated_with_vpc: conn,
    customer_gateway_connected_to_vpn_gateway: conn,
    instance_contained_in_subnet: cont,
    instance_connected_to_subnet: conn,
    security_group_contained_in_vpc: cont,
    connected_to_subnet: conn,
    eni_connected_to_instance: conn,
    instance_connected_to_eni: conn,
    security_group_uses_rule: "cloudify.relationships.depends_on",
    rule_depends_on_security_group: "cloudify.relationships.depends_on",
    rule_contained_in_security_group: cont,
  };
  return {
    plugins: { aws: plugin("central_deployment_agent", "cloudify-aws-plugin") },
    node_types: {
      "cloudify.aws.nodes.Instance": nodeType(
        "cloudify.nodes.Compute",
        { ...common, name: OPTIONAL, image_id: REQUIRED, instance_type: REQUIRED, use_password: false, parameters: {} },
        { ...ops("ec2.instance"), "lifecycle.stop": "aws.ec2.instance.stop" },
      ),
      "cloudify.aws.nodes.WindowsInstance": nodeType("cloudify.aws.nodes.Instance", {
        use_password: true,
        os_family: "windows",
        agent_config: { port: 5985 },
      }),
      "cloudify.aws.nodes.ElasticIP": nodeType("cloudify.nodes.VirtualIP", { ...common, domain: OPTIONAL }, ops("ec2.elasticip")),
      "cloudify.aws.nodes.SecurityGroup": nodeType(
        "cloudify.nodes.SecurityGroup",
        { ...common, description: REQUIRED, rules: [] },
        ops("ec2.securitygroup"),
      ),
      "cloudify.aws.nodes.Volume": nodeType(
        "cloudify.nodes.Volume",
        { ...common, size: REQUIRED, zone: REQUIRED, device: REQUIRED },
        ops("ec2.ebs"),
      ),
      "cloudify.aws.nodes.KeyPair": nodeType("cloudify.nodes.Root", { ...common, private_key_path: REQUIRED }, ops("ec2.keypair")),
      "cloudify.aws.nodes.VPC": nodeType(
        "cloudify.nodes.Network",
        { ...common, cidr_block: REQUIRED, instance_tenancy: "default" },
        ops("vpc.vpc"),
      ),
      "cloudify.aws.nodes.Subnet": nodeType(
        "cloudify.nodes.Subnet",
        { ...common, cidr_block: REQUIRED, availability_zone: OPTIONAL },
        ops("vpc.subnet"),
      ),
      "cloudify.aws.nodes.Gateway": nodeType("cloudify.nodes.Root", common),
      "cloudify.aws.nodes.InternetGateway": nodeType("cloudify.aws.nodes.Gateway", { cidr_block: "0.0.0.0/0" }, ops("vpc.gateway")),
      "cloudify.aws.nodes.RouteTable": nodeType("cloudify.nodes.Root", common, ops("vpc.routetable")),
      "cloudify.aws.nodes.Interface": nodeType("cloudify.nodes.Port", { ...common, parameters: {} }, ops("ec2.eni")),
      "cloudify.aws.nodes.SecurityGroupRule": nodeType("cloudify.nodes.Root", { ...common, rule: [] }),
    },
    relationships: Object.fromEntries(Object.entries(rels).map(([n, parent]) => [`cloudify.aws.relationships.${n}`, relType(parent)])),
  };
}

/** fabric-plugin: the `fabric` plugin (tasks are referenced as `fabric.fabric_plugin.tasks.*`). */
function fabric(): Defs {
  return { plugins: { fabric: plugin("central_deployment_agent", "cloudify-fabric-plugin") } };
}

/** diamond-plugin: the `diamond` monitoring plugin. */
function diamond(): Defs {
  return { plugins: { diamond: plugin("host_agent", "cloudify-diamond-plugin") } };
}

/** utilities-plugin: DeploymentProxy, CloudConfig, RSA keys, terminal. */
function utilities(): Defs {
  return {
    plugins: {
      cfy_util: plugin("central_deployment_agent", "cloudify-utilities-plugin"),
      cloudinit: plugin("central_deployment_agent", "cloudify-utilities-plugin"),
      keys: plugin("central_deployment_agent", "cloudify-utilities-plugin"),
      terminal: plugin("central_deployment_agent", "cloudify-utilities-plugin"),
    },
    node_types: {
      "cloudify.nodes.DeploymentProxy": nodeType(
        "cloudify.nodes.Root",
        { resource_config: {}, client: {} },
        {
          "lifecycle.create": "cfy_util.cloudify_deployment_proxy.tasks.upload_blueprint",
          "lifecycle.configure": "cfy_util.cloudify_deployment_proxy.tasks.create_deployment",
          "lifecycle.start": { impl: "cfy_util.cloudify_deployment_proxy.tasks.execute_start", inputs: { workflow_id: "install" } },
          "lifecycle.stop": { impl: "cfy_util.cloudify_deployment_proxy.tasks.execute_start", inputs: { workflow_id: "uninstall" } },
          "lifecycle.delete": "cfy_util.cloudify_deployment_proxy.tasks.delete_deployment",
        },
      ),
      "cloudify.nodes.CloudInit.CloudConfig": nodeType(
        "cloudify.nodes.Root",
        { header: "#cloud-config", encode_base64: false, resource_config: {} },
        { "lifecycle.create": "cloudinit.cloudify_cloudinit.tasks.update" },
      ),
      "cloudify.keys.nodes.RSAKey": nodeType(
        "cloudify.nodes.Root",
        { use_secret_store: true, key_name: OPTIONAL, resource_config: REQUIRED },
        { "lifecycle.create": "keys.cloudify_ssh_key.operations.create", "lifecycle.delete": "keys.cloudify_ssh_key.operations.delete" },
      ),
      "cloudify.terminal.raw": nodeType("cloudify.nodes.Root", { terminal_auth: REQUIRED }, { "lifecycle.create": "terminal.cloudify_terminal.tasks.run" }),
    },
  };
}

/** kubernetes-plugin 1.x (kubectl era): `cloudify.kubernetes.{Base,Master,Node,Microservice}`. */
function kubernetes1(): Defs {
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

/** kubernetes-plugin 2.x (API client): `cloudify.kubernetes.nodes.Master` and `cloudify.kubernetes.resources.*`. */
function kubernetes2(): Defs {
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

/** swarm-plugin 1.0: `cloudify.swarm.Manager` and `cloudify.swarm.Microservice`. */
function swarm(): Defs {
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

/** One catalogue family: how its URLs look and what it defines. */
interface Family {
  /** Matches the import URL; the first group is the version. */
  pattern: RegExp;
  /** Which major versions are known (the definitions differ between majors). */
  build(major: number): Defs | undefined;
}

const SPEC = String.raw`^https?://(?:www\.)?getcloudify\.org(?:\.s3\.amazonaws\.com)?/spec`;
const RAW = String.raw`^https?://(?:raw\.githubusercontent\.com|github\.com)/cloudify-(?:cosmo|incubator|examples)`;

/** The URL families the catalogue resolves, each with the definitions of the majors it knows. */
export const CATALOGUE: readonly Family[] = [
  { pattern: new RegExp(`${SPEC}/cloudify/([0-9][^/]*)/types\\.yaml$`), build: (m) => (m === 3 || m === 4 ? coreTypes() : undefined) },
  {
    pattern: new RegExp(`(?:${SPEC}/docker-plugin|${RAW}/cloudify-docker-plugin(?:/releases/download)?)/([0-9][^/]*)/plugin\\.yaml$`),
    build: (m) => (m === 1 ? docker1() : m === 2 ? docker2() : undefined),
  },
  {
    pattern: new RegExp(`(?:${SPEC}/openstack-plugin|${RAW}/cloudify-openstack-plugin(?:/releases/download)?)/([0-9][^/]*)/plugin\\.yaml$`),
    build: (m) => (m === 1 || m === 2 ? openstack() : undefined),
  },
  {
    pattern: new RegExp(`(?:${SPEC}/aws-plugin|${RAW}/cloudify-aws-plugin(?:/releases/download)?)/([0-9][^/]*)/plugin\\.yaml$`),
    build: (m) => (m === 1 ? aws1() : undefined),
  },
  {
    pattern: new RegExp(`(?:${SPEC}/fabric-plugin|${RAW}/cloudify-fabric-plugin(?:/releases/download)?)/([0-9][^/]*)/plugin\\.yaml$`),
    build: (m) => (m >= 1 && m <= 2 ? fabric() : undefined),
  },
  {
    pattern: new RegExp(`(?:${SPEC}/diamond-plugin|${RAW}/cloudify-diamond-plugin(?:/releases/download)?)/([0-9][^/]*)/plugin\\.yaml$`),
    build: (m) => (m === 1 ? diamond() : undefined),
  },
  {
    pattern: new RegExp(`(?:${SPEC}/utilities-plugin|${RAW}/cloudify-utilities-plugin(?:/releases/download)?)/([0-9][^/]*)/plugin\\.yaml$`),
    build: (m) => (m === 1 ? utilities() : undefined),
  },
  {
    pattern: new RegExp(`(?:${SPEC}/kubernetes-plugin|${RAW}/cloudify-kubernetes-plugin(?:/archive|/releases/download)?)/([0-9][^/]*)/plugin\\.yaml$`),
    build: (m) => (m === 1 ? kubernetes1() : m === 2 ? kubernetes2() : undefined),
  },
  {
    pattern: new RegExp(`(?:${SPEC}/swarm-plugin|${RAW}/cloudify-swarm-plugin(?:/releases/download)?)/([0-9][^/]*)/plugin\\.yaml$`),
    build: (m) => (m === 1 ? swarm() : undefined),
  },
];

/** The definitions a well-known import URL stands for, or undefined when the catalogue does not know it. */
export function catalogueEntry(url: string): Defs | undefined {
  for (const family of CATALOGUE) {
    const match = family.pattern.exec(url);
    if (match) return family.build(Number.parseInt(match[1]!, 10));
  }
  return undefined;
}
