/**
 * The vsphere plugin: servers, networks, storage and the vCenter inventory. Names and derivation only: the nodes are
 * kept as placeholders.
 */
import type { Family } from "./family";
import { namesOnly } from "./names";

function v2() {
  const t: Record<string, string | undefined> = {
    "cloudify.vsphere.nodes.Server": "cloudify.nodes.Compute",
    "cloudify.vsphere.nodes.WindowsServer": "cloudify.nodes.Compute",
    "cloudify.vsphere.nodes.Network": "cloudify.nodes.Network",
    "cloudify.vsphere.nodes.Storage": "cloudify.nodes.Volume",
    "cloudify.vsphere.nodes.IPPool": undefined,
    "cloudify.vsphere.nodes.CloudInitISO": undefined,
    "cloudify.vsphere.nodes.Datacenter": undefined,
    "cloudify.vsphere.nodes.Datastore": undefined,
    "cloudify.vsphere.nodes.Cluster": undefined,
    "cloudify.vsphere.nodes.ResourcePool": undefined,
    "cloudify.vsphere.nodes.VMFolder": undefined,
    "cloudify.vsphere.nodes.Host": undefined,
    "cloudify.vsphere.nodes.ContentLibraryDeployment": undefined,
  };
  return namesOnly(
    "vsphere",
    "cloudify-vsphere-plugin",
    t,
    ["cloudify.vsphere.storage_connected_to_server"],
    ["cloudify.vsphere.port_connected_to_network", "cloudify.vsphere.port_connected_to_server", "cloudify.relationships.vsphere.server_connected_to_network", "cloudify.relationships.vsphere.server_connected_to_ippool", "cloudify.relationships.vsphere.iso_connected_to_server"],
  );
}

/** The vsphere plugin's catalogued versions. */
export const VSPHERE: Family = {
  title: "vsphere plugin",
  packages: ["cloudify-vsphere-plugin"],
  urlNames: ["vsphere-plugin", "cloudify-vsphere-plugin"],
  versions: [{ version: "2.19.12", defs: v2, namesOnly: true }],
};
