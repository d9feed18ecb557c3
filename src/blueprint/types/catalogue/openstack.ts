/**
 * The openstack plugin: 1.x and 2.x define `cloudify.openstack.nodes.*` (nova/neutron clients, `openstack_config`);
 * 3.x is a rewrite with `cloudify.nodes.openstack.*` (the OpenStack SDK, `client_config` and `resource_config`).
 */
import { type Defs, OPTIONAL, REQUIRED, dataType, life, nodeType, optional, plugin, relType, typed } from "./dsl";
import type { Family } from "./family";

/** openstack-plugin 1.4 and 2.0: `cloudify.openstack.nodes.*` and their relationships. */
function v1(): Defs {
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

/** openstack-plugin 2.14.26 (the last 2.x). */
function v2(): Defs {
  return {
    plugins: { openstack: plugin("central_deployment_agent", "cloudify-openstack-plugin") },
    data_types: {
      "cloudify.openstack.types.custom_configuration": dataType({ nova_client: OPTIONAL, neutron_client: OPTIONAL, keystone_client: OPTIONAL, cinder_client: OPTIONAL, glance_client: OPTIONAL }),
      "cloudify.openstack.types.logging.groups": dataType({ nova: OPTIONAL, neutron: OPTIONAL, cinder: OPTIONAL, keystone: OPTIONAL, glance: OPTIONAL }),
      "cloudify.openstack.types.logging": dataType({ use_cfy_logger: true, groups: optional("cloudify.openstack.types.logging.groups"), loggers: OPTIONAL }),
      "cloudify.openstack.types.configuration": dataType({ username: OPTIONAL, password: OPTIONAL, auth_url: OPTIONAL, tenant_name: OPTIONAL, tenant_id: OPTIONAL, project_id: OPTIONAL, project_name: OPTIONAL, user_domain_name: OPTIONAL, project_domain_name: OPTIONAL, region: OPTIONAL, insecure: false, ca_cert: OPTIONAL, nova_url: OPTIONAL, neutron_url: OPTIONAL, custom_configuration: optional("cloudify.openstack.types.custom_configuration"), logging: optional("cloudify.openstack.types.logging") }),
    },
    node_types: {
      "cloudify.openstack.nodes.Server": nodeType("cloudify.nodes.Compute", { server: {}, use_external_resource: false, create_if_missing: false, resource_id: "", image: "", flavor: "", management_network_name: OPTIONAL, use_password: false, openstack_config: typed("cloudify.openstack.types.configuration", {}) }, life("openstack.nova_plugin.server", "create start stop delete")),
      "cloudify.openstack.nodes.WindowsServer": nodeType("cloudify.openstack.nodes.Server", { use_password: true, os_family: "windows", agent_config: typed("cloudify.datatypes.AgentConfig", {"port": 5985}) }, {}),
      "cloudify.openstack.nodes.KeyPair": nodeType("cloudify.nodes.Root", { keypair: {}, private_key_path: OPTIONAL, use_external_resource: false, create_if_missing: false, resource_id: "", openstack_config: typed("cloudify.openstack.types.configuration", {}) }, life("openstack.nova_plugin.keypair", "create delete")),
      "cloudify.openstack.nodes.Subnet": nodeType("cloudify.nodes.Subnet", { subnet: {}, use_external_resource: false, create_if_missing: false, resource_id: "", openstack_config: typed("cloudify.openstack.types.configuration", {}) }, life("openstack.neutron_plugin.subnet", "create delete")),
      "cloudify.openstack.nodes.SecurityGroup": nodeType("cloudify.nodes.SecurityGroup", { security_group: {}, description: "", create_if_missing: false, use_external_resource: false, resource_id: "", openstack_config: typed("cloudify.openstack.types.configuration", {}), rules: [], disable_default_egress_rules: false }, life("openstack.neutron_plugin.security_group", "create delete")),
      "cloudify.openstack.nodes.Router": nodeType("cloudify.nodes.Router", { router: {}, external_network: "", default_to_managers_external_network: true, use_external_resource: false, create_if_missing: false, resource_id: "", openstack_config: typed("cloudify.openstack.types.configuration", {}) }, life("openstack.neutron_plugin.router", "create delete")),
      "cloudify.openstack.nodes.Routes": nodeType("cloudify.nodes.Root", { routes: [], use_external_resource: false, create_if_missing: false, resource_id: "", openstack_config: typed("cloudify.openstack.types.configuration", {}) }, life("openstack.neutron_plugin.router", "create=add_routes delete=delete_routes")),
      "cloudify.openstack.nodes.Port": nodeType("cloudify.nodes.Port", { port: {}, fixed_ip: "", use_external_resource: false, create_if_missing: false, resource_id: "", openstack_config: typed("cloudify.openstack.types.configuration", {}) }, life("openstack.neutron_plugin.port", "create delete")),
      "cloudify.openstack.nodes.Network": nodeType("cloudify.nodes.Network", { network: {}, use_external_resource: false, create_if_missing: false, resource_id: "", openstack_config: typed("cloudify.openstack.types.configuration", {}) }, life("openstack.neutron_plugin.network", "create delete")),
      "cloudify.openstack.nodes.FloatingIP": nodeType("cloudify.nodes.VirtualIP", { floatingip: {}, use_external_resource: false, allow_reallocation: false, create_if_missing: false, resource_id: "", openstack_config: typed("cloudify.openstack.types.configuration", {}) }, life("openstack.neutron_plugin.floatingip", "create delete")),
      "cloudify.openstack.nodes.RBACPolicy": nodeType("cloudify.nodes.Root", { rbac_policy: {}, use_external_resource: false, create_if_missing: false, resource_id: "", openstack_config: typed("cloudify.openstack.types.configuration", {}) }, life("openstack.neutron_plugin.rbac_policy", "create delete")),
      "cloudify.openstack.nodes.Volume": nodeType("cloudify.nodes.Volume", { volume: {}, use_external_resource: false, create_if_missing: false, resource_id: "", device_name: "auto", openstack_config: typed("cloudify.openstack.types.configuration", {}), boot: OPTIONAL }, life("openstack.cinder_plugin.volume", "create delete")),
      "cloudify.openstack.nova_net.nodes.FloatingIP": nodeType("cloudify.nodes.VirtualIP", { floatingip: {}, use_external_resource: false, create_if_missing: false, resource_id: "", openstack_config: typed("cloudify.openstack.types.configuration", {}) }, life("openstack.nova_plugin.floatingip", "create delete")),
      "cloudify.openstack.nova_net.nodes.SecurityGroup": nodeType("cloudify.nodes.SecurityGroup", { security_group: {}, use_external_resource: false, create_if_missing: false, resource_id: "", openstack_config: typed("cloudify.openstack.types.configuration", {}), rules: [], description: REQUIRED }, life("openstack.nova_plugin.security_group", "create delete")),
      "cloudify.openstack.nodes.Flavor": nodeType("cloudify.nodes.Root", { flavor: {}, extra_specs: {}, tenants: [], use_external_resource: false, create_if_missing: false, resource_id: "", openstack_config: {} }, life("openstack.nova_plugin.flavor", "create delete")),
      "cloudify.openstack.nodes.Image": nodeType("cloudify.nodes.Root", { image: {}, image_url: "", use_external_resource: false, create_if_missing: false, resource_id: "", openstack_config: typed("cloudify.openstack.types.configuration", {}) }, life("openstack.glance_plugin.image", "create start delete")),
      "cloudify.openstack.nodes.Project": nodeType("cloudify.nodes.Root", { project: {}, users: [], quota: {}, use_external_resource: false, create_if_missing: false, resource_id: "", openstack_config: typed("cloudify.openstack.types.configuration", {}) }, life("openstack.keystone_plugin.project", "create start delete")),
      "cloudify.openstack.nodes.User": nodeType("cloudify.nodes.Root", { user: {}, use_external_resource: false, create_if_missing: false, resource_id: "", openstack_config: {} }, life("openstack.keystone_plugin.user", "create delete")),
      "cloudify.openstack.nodes.HostAggregate": nodeType("cloudify.nodes.Root", { aggregate: {}, hosts: OPTIONAL, metadata: OPTIONAL, use_external_resource: false, create_if_missing: false, resource_id: "", openstack_config: {} }, life("openstack.nova_plugin.host_aggregate", "create delete")),
      "cloudify.openstack.nodes.ServerGroup": nodeType("cloudify.nodes.Root", { server_group: {}, policy: REQUIRED, use_external_resource: false, create_if_missing: false, resource_id: "", openstack_config: typed("cloudify.openstack.types.configuration", {}) }, life("openstack.nova_plugin.server_group", "create delete")),
    },
    relationships: {
      "cloudify.openstack.port_connected_to_security_group": relType("cloudify.relationships.connected_to", {}, { "relationship_lifecycle.establish": "openstack.neutron_plugin.port.connect_security_group", "relationship_lifecycle.unlink": "openstack.neutron_plugin.port.disconnect_security_group" }, {}),
      "cloudify.openstack.subnet_connected_to_router": relType("cloudify.relationships.connected_to", {}, {}, { "relationship_lifecycle.postconfigure": "openstack.neutron_plugin.router.connect_subnet", "relationship_lifecycle.unlink": "openstack.neutron_plugin.router.disconnect_subnet" }),
      "cloudify.openstack.server_connected_to_floating_ip": relType("cloudify.relationships.connected_to", {}, { "relationship_lifecycle.establish": "openstack.nova_plugin.server.connect_floatingip", "relationship_lifecycle.unlink": "openstack.nova_plugin.server.disconnect_floatingip" }, {}),
      "cloudify.openstack.port_connected_to_floating_ip": relType("cloudify.relationships.connected_to", {}, { "relationship_lifecycle.establish": "openstack.neutron_plugin.floatingip.connect_port", "relationship_lifecycle.unlink": "openstack.neutron_plugin.floatingip.disconnect_port" }, {}),
      "cloudify.openstack.server_connected_to_security_group": relType("cloudify.relationships.connected_to", {}, { "relationship_lifecycle.establish": "openstack.nova_plugin.server.connect_security_group", "relationship_lifecycle.unlink": "openstack.nova_plugin.server.disconnect_security_group" }, {}),
      "cloudify.openstack.server_connected_to_port": relType("cloudify.relationships.connected_to", {}, { "relationship_lifecycle.establish": "openstack.neutron_plugin.port.attach", "relationship_lifecycle.unlink": "openstack.neutron_plugin.port.detach" }, {}),
      "cloudify.openstack.server_connected_to_keypair": relType("cloudify.relationships.connected_to", {}),
      "cloudify.openstack.port_connected_to_subnet": relType("cloudify.relationships.connected_to", {}),
      "cloudify.openstack.volume_attached_to_server": relType("cloudify.relationships.connected_to", {}, {}, { "relationship_lifecycle.establish": "openstack.nova_plugin.server.attach_volume", "relationship_lifecycle.unlink": "openstack.nova_plugin.server.detach_volume" }),
      "cloudify.openstack.server_connected_to_server_group": relType("cloudify.relationships.connected_to", {}),
      "cloudify.openstack.rbac_policy_applied_to": relType("cloudify.relationships.connected_to", {}),
      "cloudify.openstack.route_connected_to_router": relType("cloudify.relationships.connected_to", {}),
    },

  };
}

/**
 * openstack-plugin 3.x: `cloudify.nodes.openstack.*`. Every type takes `client_config` (the connection: auth_url,
 * username, password, project_name, region_name, ...), `resource_config` (the API call's arguments, `kwargs` for the
 * rest) and `use_external_resource`.
 */
function v3(): Defs {
  const base = { client_config: {}, resource_config: {}, use_external_resource: false, create_if_missing: false };
  const t = (parent: string, module: string, extra: Record<string, unknown> = {}, ops = "create delete") =>
    nodeType(parent, { ...base, ...extra }, life(`openstack.openstack_plugin.resources.${module}`, ops));
  const conn = "cloudify.relationships.connected_to";
  const rel = (name: string, parent = conn) => [`cloudify.relationships.openstack.${name}`, relType(parent)] as const;
  return {
    plugins: { openstack: plugin("central_deployment_agent", "cloudify-openstack-plugin") },
    node_types: {
      "cloudify.nodes.openstack.Server": t("cloudify.nodes.Compute", "compute.server", { use_public_ip: false, use_ipv6_ip: false, use_password: false }, "create configure start stop delete"),
      "cloudify.nodes.openstack.WindowsServer": t("cloudify.nodes.openstack.Server", "compute.server", { use_password: true, os_family: "windows" }, "create configure start stop delete"),
      "cloudify.nodes.openstack.KeyPair": t("cloudify.nodes.Root", "compute.keypair"),
      "cloudify.nodes.openstack.Flavor": t("cloudify.nodes.Root", "compute.flavor", { extra_specs: {}, tenants: [] }),
      "cloudify.nodes.openstack.HostAggregate": t("cloudify.nodes.Root", "compute.host_aggregate", { metadata: {}, hosts: [] }),
      "cloudify.nodes.openstack.ServerGroup": t("cloudify.nodes.Root", "compute.server_group"),
      "cloudify.nodes.openstack.Image": t("cloudify.nodes.Root", "compute.image", { image_url: "" }, "create start delete"),
      "cloudify.nodes.openstack.Network": t("cloudify.nodes.Network", "network.network"),
      "cloudify.nodes.openstack.Subnet": t("cloudify.nodes.Subnet", "network.subnet"),
      "cloudify.nodes.openstack.Port": t("cloudify.nodes.Port", "network.port", { fixed_ip: "" }),
      "cloudify.nodes.openstack.Router": t("cloudify.nodes.Router", "network.router", {}, "create start delete"),
      "cloudify.nodes.openstack.FloatingIP": t("cloudify.nodes.VirtualIP", "network.floating_ip"),
      "cloudify.nodes.openstack.SecurityGroup": t("cloudify.nodes.SecurityGroup", "network.security_group", { security_group_rules: [], disable_default_egress_rules: false }, "create configure delete"),
      "cloudify.nodes.openstack.SecurityGroupRule": t("cloudify.nodes.Root", "network.security_group_rule"),
      "cloudify.nodes.openstack.RBACPolicy": t("cloudify.nodes.Root", "network.rbac_policy"),
      "cloudify.nodes.openstack.Volume": t("cloudify.nodes.Volume", "volume.volume", { device_name: "auto" }),
      "cloudify.nodes.openstack.VolumeType": t("cloudify.nodes.Root", "volume.volume_type"),
      "cloudify.nodes.openstack.User": t("cloudify.nodes.Root", "identity.user"),
      "cloudify.nodes.openstack.Project": t("cloudify.nodes.Root", "identity.project", { users: [], quota: {} }),
    },
    relationships: Object.fromEntries([
      rel("server_connected_to_port"),
      rel("server_connected_to_keypair"),
      rel("server_connected_to_floating_ip"),
      rel("server_connected_to_security_group"),
      rel("server_connected_to_server_group"),
      rel("server_connected_to_volume"),
      rel("port_connected_to_security_group"),
      rel("port_connected_to_floating_ip"),
      rel("port_connected_to_subnet"),
      rel("port_connected_to_server"),
      rel("subnet_connected_to_router"),
      rel("network_connected_to_router"),
      rel("volume_attached_to_server"),
      rel("server_boot_from_volume"),
      rel("project_connected_to_user"),
      rel("rbac_policy_applied_to"),
      rel("route_connected_to_router"),
      rel("server_connected_to_image"),
    ]),
  };
}

/** The openstack plugin's catalogued versions. */
export const OPENSTACK: Family = {
  title: "openstack plugin",
  packages: ["cloudify-openstack-plugin"],
  urlNames: ["openstack-plugin", "cloudify-openstack-plugin"],
  versions: [
    { version: "1.4", defs: v1 },
    { version: "2.0.1", defs: v1 },
    { version: "2.14.26", defs: v2 },
    { version: "3.3.5", defs: v3 },
  ],
};
