/**
 * The azure plugin: 1.x defines `cloudify.azure.nodes.*`; 3.x adds the `cloudify.nodes.azure.*` names (the older
 * ones kept as aliases).
 */
import { type Defs, OPTIONAL, REQUIRED, dataType, life, nodeType, optional, plugin, relType, required, typed } from "./dsl";
import type { Family } from "./family";

/** azure-plugin 1.4.1. */
function v1(): Defs {
  return {
    plugins: { pkg: plugin("central_deployment_agent", "cloudify-azure-plugin") },
    data_types: {
      "cloudify.datatypes.azure.Config": dataType({ subscription_id: OPTIONAL, tenant_id: OPTIONAL, client_id: OPTIONAL, client_secret: OPTIONAL, scale_name_separator: "_", scale_name_suffix_chars: "1234567890" }),
      "cloudify.datatypes.azure.storage.StorageAccountConfig": dataType({ accountType: "Standard_LRS" }),
      "cloudify.datatypes.azure.storage.DataDiskConfig": dataType({ container_name: "vhds", size: 20, force_delete: false }),
      "cloudify.datatypes.azure.storage.FileShareConfig": dataType({ metadata: OPTIONAL, quota: OPTIONAL, fail_on_exist: false }),
      "cloudify.datatypes.azure.network.VirtualNetworkConfig": dataType({ addressSpace: {"addressPrefixes": ["10.10.0.0/16", "172.16.0.0/16"]}, dhcpOptions: OPTIONAL, subnets: OPTIONAL }),
      "cloudify.datatypes.azure.network.NetworkSecurityGroupConfig": dataType({ securityRules: OPTIONAL }),
      "cloudify.datatypes.azure.network.NetworkSecurityRuleConfig": dataType({ description: OPTIONAL, protocol: REQUIRED, sourcePortRange: OPTIONAL, destinationPortRange: OPTIONAL, sourceAddressPrefix: REQUIRED, destinationAddressPrefix: REQUIRED, access: REQUIRED, priority: REQUIRED, direction: REQUIRED }),
      "cloudify.datatypes.azure.network.SubnetConfig": dataType({ addressPrefix: OPTIONAL, networkSecurityGroup: OPTIONAL, routeTable: OPTIONAL }),
      "cloudify.datatypes.azure.network.RouteTableConfig": dataType({ routes: OPTIONAL }),
      "cloudify.datatypes.azure.network.RouteConfig": dataType({ addressPrefix: REQUIRED, nextHopType: REQUIRED, nextHopIpAddress: OPTIONAL }),
      "cloudify.datatypes.azure.network.NetworkInterfaceCardConfig": dataType({ networkSecurityGroups: OPTIONAL, ipConfigurations: OPTIONAL, dnsSettings: OPTIONAL }),
      "cloudify.datatypes.azure.network.IPConfigurationConfig": dataType({ privateIPAddress: OPTIONAL, privateIPAllocationMethod: REQUIRED }),
      "cloudify.datatypes.azure.network.PublicIPAddressConfig": dataType({ publicIPAllocationMethod: REQUIRED, idleTimeoutInMinutes: OPTIONAL, domainNameLabel: OPTIONAL, reverseFqdn: OPTIONAL }),
      "cloudify.datatypes.azure.compute.AvailabilitySetConfig": dataType({ platformUpdateDomainCount: OPTIONAL, platformFaultDomainCount: OPTIONAL }),
      "cloudify.datatypes.azure.compute.VirtualMachineConfig": dataType({ hardwareProfile: REQUIRED, storageProfile: REQUIRED, osProfile: REQUIRED }),
      "cloudify.datatypes.azure.network.LoadBalancerConfig": dataType({ frontendIPConfigurations: OPTIONAL, backendAddressPools: OPTIONAL, loadBalancingRules: OPTIONAL, probes: OPTIONAL, inboundNatRules: OPTIONAL }),
      "cloudify.datatypes.azure.network.LoadBalancerProbeConfig": dataType({ protocol: "Tcp", port: REQUIRED, requestPath: OPTIONAL, intervalInSeconds: 5, numberOfProbes: 16 }),
      "cloudify.datatypes.azure.network.LoadBalancerIncomingNATRuleConfig": dataType({ protocol: "Tcp", frontendPort: REQUIRED, backendPort: REQUIRED }),
      "cloudify.datatypes.azure.network.LoadBalancerRuleConfig": dataType({ protocol: "Tcp", frontendPort: REQUIRED, backendPort: REQUIRED, enableFloatingIP: false, idleTimeoutInMinutes: 5, loadDistribution: "Default" }),
    },
    node_types: {
      "cloudify.azure.nodes.ResourceGroup": nodeType("cloudify.nodes.Root", { name: OPTIONAL, location: OPTIONAL, tags: OPTIONAL, use_external_resource: false, retry_after: OPTIONAL, azure_config: optional("cloudify.datatypes.azure.Config") }, life("pkg.cloudify_azure.resources.resourcegroup", "create delete")),
      "cloudify.azure.nodes.storage.StorageAccount": nodeType("cloudify.nodes.Root", { name: OPTIONAL, resource_group_name: OPTIONAL, location: OPTIONAL, tags: OPTIONAL, resource_config: required("cloudify.datatypes.azure.storage.StorageAccountConfig"), use_external_resource: false, retry_after: OPTIONAL, azure_config: optional("cloudify.datatypes.azure.Config") }, life("pkg.cloudify_azure.resources.storage.storageaccount", "create delete")),
      "cloudify.azure.nodes.storage.DataDisk": nodeType("cloudify.nodes.Root", { name: OPTIONAL, location: OPTIONAL, use_external_resource: false, retry_after: OPTIONAL, resource_config: optional("cloudify.datatypes.azure.storage.DataDiskConfig"), azure_config: optional("cloudify.datatypes.azure.Config") }, life("pkg.cloudify_azure.resources.storage.disk", "create=create_data_disk delete=delete_data_disk")),
      "cloudify.azure.nodes.storage.FileShare": nodeType("cloudify.nodes.Root", { name: OPTIONAL, location: OPTIONAL, use_external_resource: false, retry_after: OPTIONAL, resource_config: optional("cloudify.datatypes.azure.storage.FileShareConfig"), azure_config: optional("cloudify.datatypes.azure.Config") }, life("pkg.cloudify_azure.resources.storage.file", "create=create_file_share")),
      "cloudify.azure.nodes.network.VirtualNetwork": nodeType("cloudify.nodes.Root", { name: OPTIONAL, resource_group_name: OPTIONAL, location: OPTIONAL, tags: OPTIONAL, resource_config: optional("cloudify.datatypes.azure.network.VirtualNetworkConfig"), use_external_resource: false, retry_after: OPTIONAL, azure_config: optional("cloudify.datatypes.azure.Config") }, life("pkg.cloudify_azure.resources.network.virtualnetwork", "create delete")),
      "cloudify.azure.nodes.network.NetworkSecurityGroup": nodeType("cloudify.nodes.Root", { name: OPTIONAL, resource_group_name: OPTIONAL, location: OPTIONAL, tags: OPTIONAL, resource_config: optional("cloudify.datatypes.azure.network.NetworkSecurityGroupConfig"), use_external_resource: false, retry_after: OPTIONAL, azure_config: optional("cloudify.datatypes.azure.Config") }, life("pkg.cloudify_azure.resources.network.networksecuritygroup", "create delete")),
      "cloudify.azure.nodes.network.NetworkSecurityRule": nodeType("cloudify.nodes.Root", { name: OPTIONAL, resource_group_name: OPTIONAL, network_security_group_name: OPTIONAL, location: OPTIONAL, tags: OPTIONAL, resource_config: optional("cloudify.datatypes.azure.network.NetworkSecurityRuleConfig"), use_external_resource: false, retry_after: OPTIONAL, azure_config: optional("cloudify.datatypes.azure.Config") }, life("pkg.cloudify_azure.resources.network.networksecurityrule", "create delete")),
      "cloudify.azure.nodes.network.Subnet": nodeType("cloudify.nodes.Root", { name: OPTIONAL, resource_group_name: OPTIONAL, virtual_network_name: OPTIONAL, location: OPTIONAL, tags: OPTIONAL, resource_config: optional("cloudify.datatypes.azure.network.SubnetConfig"), use_external_resource: false, retry_after: OPTIONAL, azure_config: optional("cloudify.datatypes.azure.Config") }, life("pkg.cloudify_azure.resources.network.subnet", "create delete")),
      "cloudify.azure.nodes.network.RouteTable": nodeType("cloudify.nodes.Root", { name: OPTIONAL, resource_group_name: OPTIONAL, location: OPTIONAL, tags: OPTIONAL, resource_config: optional("cloudify.datatypes.azure.network.RouteTableConfig"), use_external_resource: false, retry_after: OPTIONAL, azure_config: optional("cloudify.datatypes.azure.Config") }, life("pkg.cloudify_azure.resources.network.routetable", "create delete")),
      "cloudify.azure.nodes.network.Route": nodeType("cloudify.nodes.Root", { name: OPTIONAL, resource_group_name: OPTIONAL, route_table_name: OPTIONAL, location: OPTIONAL, tags: OPTIONAL, resource_config: optional("cloudify.datatypes.azure.network.RouteConfig"), use_external_resource: false, retry_after: OPTIONAL, azure_config: optional("cloudify.datatypes.azure.Config") }, life("pkg.cloudify_azure.resources.network.route", "create delete")),
      "cloudify.azure.nodes.network.NetworkInterfaceCard": nodeType("cloudify.nodes.Root", { name: OPTIONAL, resource_group_name: OPTIONAL, location: OPTIONAL, tags: OPTIONAL, primary: false, resource_config: optional("cloudify.datatypes.azure.network.NetworkInterfaceCardConfig"), use_external_resource: false, retry_after: OPTIONAL, azure_config: optional("cloudify.datatypes.azure.Config") }, life("pkg.cloudify_azure.resources.network.networkinterfacecard", "create configure delete")),
      "cloudify.azure.nodes.network.IPConfiguration": nodeType("cloudify.nodes.Root", { name: OPTIONAL, resource_group_name: OPTIONAL, location: OPTIONAL, tags: OPTIONAL, resource_config: required("cloudify.datatypes.azure.network.IPConfigurationConfig"), use_external_resource: false, retry_after: OPTIONAL, azure_config: optional("cloudify.datatypes.azure.Config") }, {}),
      "cloudify.azure.nodes.network.PublicIPAddress": nodeType("cloudify.nodes.Root", { name: OPTIONAL, resource_group_name: OPTIONAL, location: OPTIONAL, tags: OPTIONAL, resource_config: optional("cloudify.datatypes.azure.network.PublicIPAddressConfig"), use_external_resource: false, retry_after: OPTIONAL, azure_config: optional("cloudify.datatypes.azure.Config") }, life("pkg.cloudify_azure.resources.network.publicipaddress", "create delete")),
      "cloudify.azure.nodes.compute.AvailabilitySet": nodeType("cloudify.nodes.Root", { name: OPTIONAL, resource_group_name: OPTIONAL, location: OPTIONAL, tags: OPTIONAL, resource_config: required("cloudify.datatypes.azure.compute.AvailabilitySetConfig"), use_external_resource: false, retry_after: OPTIONAL, azure_config: optional("cloudify.datatypes.azure.Config") }, life("pkg.cloudify_azure.resources.compute.availabilityset", "create delete")),
      "cloudify.azure.nodes.compute.VirtualMachine": nodeType("cloudify.nodes.Compute", { name: OPTIONAL, resource_group_name: OPTIONAL, use_public_ip: false, location: OPTIONAL, tags: OPTIONAL, plan: OPTIONAL, resource_config: required("cloudify.datatypes.azure.compute.VirtualMachineConfig"), use_external_resource: false, retry_after: OPTIONAL, azure_config: optional("cloudify.datatypes.azure.Config"), ip: OPTIONAL, os_family: "windows", agent_config: typed("cloudify.datatypes.AgentConfig", {"install_method": "remote", "port": 5985}) }, life("pkg.cloudify_azure.resources.compute.virtualmachine", "create configure delete")),
      "cloudify.azure.nodes.compute.VirtualMachineExtension": nodeType("cloudify.nodes.Root", { name: OPTIONAL, resource_group_name: OPTIONAL, virtual_machine_name: OPTIONAL, location: OPTIONAL, tags: OPTIONAL, use_external_resource: false, retry_after: OPTIONAL, azure_config: optional("cloudify.datatypes.azure.Config") }, life("pkg.cloudify_azure.resources.compute.virtualmachineextension", "create delete")),
      "cloudify.azure.nodes.network.LoadBalancer": nodeType("cloudify.nodes.Root", { name: OPTIONAL, resource_group_name: OPTIONAL, location: OPTIONAL, tags: OPTIONAL, resource_config: optional("cloudify.datatypes.azure.network.LoadBalancerConfig"), use_external_resource: false, retry_after: OPTIONAL, azure_config: optional("cloudify.datatypes.azure.Config") }, life("pkg.cloudify_azure.resources.network.loadbalancer", "create configure delete")),
      "cloudify.azure.nodes.network.LoadBalancer.BackendAddressPool": nodeType("cloudify.nodes.Root", { name: OPTIONAL, resource_group_name: OPTIONAL, load_balancer_name: OPTIONAL, location: OPTIONAL, tags: OPTIONAL, use_external_resource: false, retry_after: OPTIONAL, azure_config: optional("cloudify.datatypes.azure.Config") }, life("pkg.cloudify_azure.resources.network.loadbalancer", "create=create_backend_pool delete=delete_backend_pool")),
      "cloudify.azure.nodes.network.LoadBalancer.Probe": nodeType("cloudify.nodes.Root", { name: OPTIONAL, resource_group_name: OPTIONAL, load_balancer_name: OPTIONAL, location: OPTIONAL, tags: OPTIONAL, resource_config: optional("cloudify.datatypes.azure.network.LoadBalancerProbeConfig"), use_external_resource: false, retry_after: OPTIONAL, azure_config: optional("cloudify.datatypes.azure.Config") }, life("pkg.cloudify_azure.resources.network.loadbalancer", "create=create_probe delete=delete_probe")),
      "cloudify.azure.nodes.network.LoadBalancer.IncomingNATRule": nodeType("cloudify.nodes.Root", { name: OPTIONAL, resource_group_name: OPTIONAL, load_balancer_name: OPTIONAL, location: OPTIONAL, tags: OPTIONAL, resource_config: optional("cloudify.datatypes.azure.network.LoadBalancerIncomingNATRuleConfig"), use_external_resource: false, retry_after: OPTIONAL, azure_config: optional("cloudify.datatypes.azure.Config") }, life("pkg.cloudify_azure.resources.network.loadbalancer", "create=create_incoming_nat_rule delete=delete_incoming_nat_rule")),
      "cloudify.azure.nodes.network.LoadBalancer.Rule": nodeType("cloudify.nodes.Root", { name: OPTIONAL, resource_group_name: OPTIONAL, load_balancer_name: OPTIONAL, location: OPTIONAL, tags: OPTIONAL, resource_config: optional("cloudify.datatypes.azure.network.LoadBalancerRuleConfig"), use_external_resource: false, retry_after: OPTIONAL, azure_config: optional("cloudify.datatypes.azure.Config") }, life("pkg.cloudify_azure.resources.network.loadbalancer", "create=create_rule delete=delete_rule")),
    },
    relationships: {
      "cloudify.azure.relationships.contained_in_resource_group": relType("cloudify.relationships.contained_in", {}),
      "cloudify.azure.relationships.contained_in_storage_account": relType("cloudify.relationships.contained_in", {}),
      "cloudify.azure.relationships.contained_in_virtual_network": relType("cloudify.relationships.contained_in", {}),
      "cloudify.azure.relationships.contained_in_network_security_group": relType("cloudify.relationships.contained_in", {}),
      "cloudify.azure.relationships.contained_in_route_table": relType("cloudify.relationships.contained_in", {}),
      "cloudify.azure.relationships.contained_in_load_balancer": relType("cloudify.relationships.contained_in", {}),
      "cloudify.azure.relationships.network_security_group_attached_to_subnet": relType("cloudify.relationships.connected_to", {}, { "relationship_lifecycle.establish": "pkg.cloudify_azure.resources.network.subnet.attach_network_security_group", "relationship_lifecycle.unlink": "pkg.cloudify_azure.resources.network.subnet.detach_network_security_group" }, {}),
      "cloudify.azure.relationships.route_table_attached_to_subnet": relType("cloudify.relationships.connected_to", {}, { "relationship_lifecycle.establish": "pkg.cloudify_azure.resources.network.subnet.attach_route_table", "relationship_lifecycle.unlink": "pkg.cloudify_azure.resources.network.subnet.detach_route_table" }, {}),
      "cloudify.azure.relationships.nic_connected_to_network_security_group": relType("cloudify.relationships.connected_to", {}),
      "cloudify.azure.relationships.nic_connected_to_ip_configuration": relType("cloudify.relationships.connected_to", {}, { "relationship_lifecycle.preconfigure": "pkg.cloudify_azure.resources.network.networkinterfacecard.attach_ip_configuration" }, {}),
      "cloudify.azure.relationships.lb_connected_to_ip_configuration": relType("cloudify.relationships.connected_to", {}, { "relationship_lifecycle.preconfigure": "pkg.cloudify_azure.resources.network.loadbalancer.attach_ip_configuration" }, {}),
      "cloudify.azure.relationships.ip_configuration_connected_to_subnet": relType("cloudify.relationships.connected_to", {}),
      "cloudify.azure.relationships.ip_configuration_connected_to_public_ip": relType("cloudify.relationships.connected_to", {}),
      "cloudify.azure.relationships.connected_to_storage_account": relType("cloudify.relationships.connected_to", {}),
      "cloudify.azure.relationships.connected_to_data_disk": relType("cloudify.relationships.connected_to", {}, { "relationship_lifecycle.establish": "pkg.cloudify_azure.resources.compute.virtualmachine.attach_disk", "relationship_lifecycle.unlink": "pkg.cloudify_azure.resources.compute.virtualmachine.detach_disk" }, {}),
      "cloudify.azure.relationships.connected_to_nic": relType("cloudify.relationships.connected_to", {}),
      "cloudify.azure.relationships.connected_to_availability_set": relType("cloudify.relationships.connected_to", {}),
      "cloudify.azure.relationships.connected_to_ip_configuration": relType("cloudify.relationships.connected_to", {}),
      "cloudify.azure.relationships.connected_to_lb_be_pool": relType("cloudify.relationships.connected_to", {}),
      "cloudify.azure.relationships.connected_to_lb_probe": relType("cloudify.relationships.connected_to", {}),
      "cloudify.azure.relationships.vmx_contained_in_vm": relType("cloudify.relationships.contained_in", {}),
      "cloudify.azure.relationships.nic_connected_to_lb_be_pool": relType("cloudify.relationships.connected_to", {}, { "relationship_lifecycle.establish": "pkg.cloudify_azure.resources.network.loadbalancer.attach_nic_to_backend_pool", "relationship_lifecycle.unlink": "pkg.cloudify_azure.resources.network.loadbalancer.detach_nic_from_backend_pool" }, {}),
      "cloudify.azure.relationships.vm_connected_to_datadisk": relType("cloudify.relationships.connected_to", {}, { "relationship_lifecycle.establish": "pkg.cloudify_azure.resources.compute.virtualmachine.attach_data_disk", "relationship_lifecycle.unlink": "pkg.cloudify_azure.resources.compute.virtualmachine.detach_data_disk" }, {}),
    },

  };
}

/**
 * azure-plugin 3.x: the `cloudify.nodes.azure.*` names beside the 1.x `cloudify.azure.nodes.*` ones (names and
 * derivation only; properties are kept as written). Every operation runs the plugin's code (Azure's SDK).
 */
function v3(): Defs {
  const old = v1() as { node_types: Record<string, unknown>; relationships: Record<string, unknown>; data_types?: Record<string, unknown> };
  const task = { "lifecycle.create": "azure.*", "lifecycle.delete": "azure.*" };
  const t = (parent = "cloudify.nodes.Root") => nodeType(parent, {}, task);
  const nodes: Record<string, unknown> = { ...old.node_types };
  for (const n of ["ResourceGroup", "storage.StorageAccount", "storage.DataDisk", "storage.FileShare", "network.VirtualNetwork", "network.NetworkSecurityGroup", "network.NetworkSecurityRule", "network.RouteTable", "network.Route", "network.IPConfiguration", "network.PublicIPAddress", "network.LoadBalancer", "network.LoadBalancer.BackendAddressPool", "network.LoadBalancer.Probe", "network.LoadBalancer.IncomingNATRule", "network.LoadBalancer.Rule", "compute.AvailabilitySet", "compute.ManagedCluster", "compute.ContainerService", "compute.VirtualMachineExtension", "Deployment", "resources.Azure", "WebApp", "Plan", "PublicIPAddress"]) {
    nodes[`cloudify.nodes.azure.${n}`] = t();
  }
  nodes["cloudify.nodes.azure.network.Subnet"] = t("cloudify.nodes.Subnet");
  nodes["cloudify.nodes.azure.network.NetworkInterfaceCard"] = t("cloudify.nodes.Port");
  nodes["cloudify.nodes.azure.compute.VirtualMachine"] = t("cloudify.nodes.Compute");
  nodes["cloudify.nodes.azure.compute.WindowsVirtualMachine"] = t("cloudify.nodes.azure.compute.VirtualMachine");
  nodes["cloudify.azure.nodes.compute.ManagedCluster"] = t();
  nodes["cloudify.azure.Deployment"] = t();
  nodes["cloudify.nodes.azure"] = t();
  const cont = "cloudify.relationships.contained_in";
  const conn = "cloudify.relationships.connected_to";
  const rels: Record<string, unknown> = { ...old.relationships };
  const named: [string, string][] = [
    ["contained_in_resource_group", cont],
    ["contained_in_storage_account", cont],
    ["contained_in_virtual_network", cont],
    ["contained_in_network_security_group", cont],
    ["contained_in_route_table", cont],
    ["contained_in_load_balancer", cont],
    ["network_security_group_attached_to_subnet", conn],
    ["route_table_attached_to_subnet", conn],
    ["nic_connected_to_network_security_group", conn],
    ["nic_connected_to_ip_configuration", conn],
    ["ip_configuration_connected_to_subnet", conn],
    ["ip_configuration_connected_to_public_ip", conn],
    ["connected_to_storage_account", conn],
    ["connected_to_data_disk", conn],
    ["connected_to_nic", conn],
    ["connected_to_availability_set", conn],
    ["connected_to_ip_configuration", conn],
    ["connected_to_lb_be_pool", conn],
    ["connected_to_lb_probe", conn],
    ["vmx_contained_in_vm", cont],
    ["nic_connected_to_lb_be_pool", conn],
  ];
  for (const [n, parent] of named) {
    rels[`cloudify.relationships.azure.${n}`] = relType(parent);
    if (!(`cloudify.azure.relationships.${n}` in rels)) rels[`cloudify.azure.relationships.${n}`] = relType(parent);
  }
  return { plugins: { azure: plugin("central_deployment_agent", "cloudify-azure-plugin") }, data_types: old.data_types ?? {}, node_types: nodes, relationships: rels };
}

/** The azure plugin's catalogued versions. */
export const AZURE: Family = {
  title: "azure plugin",
  packages: ["cloudify-azure-plugin"],
  urlNames: ["azure-plugin", "cloudify-azure-plugin"],
  versions: [
    { version: "1.4.1", defs: v1 },
    { version: "3.8.2", defs: v3, namesOnly: true },
  ],
};
