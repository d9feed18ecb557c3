import type * as Openstack from "@pulumi/openstack";
import type * as pulumi from "@pulumi/pulumi";
import type { AdminPort, OpenStackCloudArgs } from "../cloud-args";
import { isIpv6Cidr } from "../../core/cidr";
import type { SiteShape } from "../site-shape";
import { loadPeer } from "../../core/peer";

/**
 * The OpenStack side of a cluster site: the existing network (looked up by name or id), a key pair, and a security
 * group open to itself (cluster-internal traffic) and, on the admin ports only, to the admin CIDRs.
 */
export function createOpenStackSite(
  name: string,
  os: OpenStackCloudArgs,
  adminCidrs: readonly string[],
  adminPorts: readonly AdminPort[],
  publicKey: pulumi.Input<string>,
  parent: pulumi.Resource,
): SiteShape {
  const openstack = loadPeer<typeof Openstack>("cloud/openstack/site");
  const network = openstack.networking.getNetworkOutput(
    os.networkId !== undefined ? { networkId: os.networkId } : { name: os.networkName },
    { parent },
  );
  const keypair = new openstack.compute.Keypair(`${name}-key`, { name: `${name}-key`, publicKey }, { parent });
  const group = new openstack.networking.SecGroup(
    `${name}-sg`,
    { name: `${name}-sg`, description: `Berth cluster ${name}: its machines, and admin access from the admin CIDRs` },
    { parent },
  );
  for (const ethertype of ["IPv4", "IPv6"]) {
    new openstack.networking.SecGroupRule(
      `${name}-sg-internal-${ethertype.toLowerCase()}`,
      { securityGroupId: group.id, direction: "ingress", ethertype, remoteGroupId: group.id, description: "cluster-internal traffic" },
      { parent },
    );
  }
  adminCidrs.forEach((cidr, c) => {
    for (const port of adminPorts) {
      new openstack.networking.SecGroupRule(
        `${name}-sg-admin-${port.name}-${c}`,
        {
          securityGroupId: group.id,
          direction: "ingress",
          ethertype: isIpv6Cidr(cidr) ? "IPv6" : "IPv4",
          protocol: port.protocol,
          portRangeMin: port.from,
          portRangeMax: port.to ?? port.from,
          remoteIpPrefix: cidr,
          description: `admin ${port.name} from adminCidrs[${c}]`,
        },
        { parent },
      );
    }
  });
  return {
    securityGroupId: group.id,
    securityGroupName: group.name,
    keyName: keypair.name,
    networkId: network.id,
  };
}
