/**
 * The vcloud plugin (2.x): vApps, VMs, NICs, networks, gateways and media. Names and derivation only: the nodes are
 * kept as placeholders.
 */
import type { Family } from "./family";
import { namesOnly } from "./names";

function v2() {
  const t: Record<string, string | undefined> = {
    "cloudify.nodes.vcloud.VApp": undefined,
    "cloudify.nodes.vcloud.VM": "cloudify.nodes.Compute",
    "cloudify.nodes.vcloud.NIC": "cloudify.nodes.Port",
    "cloudify.nodes.vcloud.RoutedVDCNetwork": "cloudify.nodes.Network",
    "cloudify.nodes.vcloud.IsolatedVDCNetwork": "cloudify.nodes.Network",
    "cloudify.nodes.vcloud.DirectlyConnectedVDCNetwork": "cloudify.nodes.Network",
    "cloudify.nodes.vcloud.Gateway": "cloudify.nodes.Router",
    "cloudify.nodes.vcloud.Media": undefined,
    "cloudify.nodes.vcloud.Disk": "cloudify.nodes.Volume",
  };
  const r = (n: string) => `cloudify.relationships.vcloud.${n}`;
  return namesOnly(
    "vcd",
    "cloudify-vcloud-plugin",
    t,
    [r("vm_contained_in_vapp")],
    [r("vm_connected_to_media"), r("vapp_connected_to_network"), r("vm_connected_to_nic"), r("nic_connected_to_network"), r("network_connected_to_gateway"), r("vm_connected_to_network"), r("vm_connected_to_disk")],
  );
}

/** The vcloud plugin's catalogued versions. */
export const VCLOUD: Family = {
  title: "vcloud plugin",
  packages: ["cloudify-vcloud-plugin"],
  urlNames: ["vcloud-plugin", "cloudify-vcloud-plugin"],
  versions: [{ version: "2.0.2", defs: v2, namesOnly: true }],
};
