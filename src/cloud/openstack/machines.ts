import type * as Openstack from "@pulumi/openstack";
import * as pulumi from "@pulumi/pulumi";
import { provided } from "../../core/provided";
import type { OpenStackCloudArgs } from "../cloud-args";
import type { PoolAddresses } from "../site-shape";
import { loadPeer } from "../../core/peer";

/** What every machine of an OpenStack pool shares. */
export interface OpenStackPoolInput {
  prefix: string;
  count: number;
  image: pulumi.Input<string>;
  size: pulumi.Input<string>;
  keyName: pulumi.Input<string>;
  securityGroupId: pulumi.Input<string>;
  networkId: pulumi.Input<string>;
  publicAddresses: boolean;
}

/**
 * The addresses of an OpenStack pool: machine `i` gets a Neutron port (which holds its address, so replacing the
 * instance keeps it) and optionally a floating IP associated with that port.
 */
export function createOpenStackAddresses(os: OpenStackCloudArgs, m: OpenStackPoolInput, parent: pulumi.Resource): PoolAddresses {
  const openstack = loadPeer<typeof Openstack>("cloud/openstack/machines");
  const shape: PoolAddresses = { machineNames: [], privateAddresses: [], publicAddresses: [], attachmentIds: [] };
  for (let i = 0; i < m.count; i++) {
    const machine = `${m.prefix}-${i}`;
    const port = new openstack.networking.Port(
      `${machine}-port`,
      { name: machine, networkId: m.networkId, securityGroupIds: [m.securityGroupId], adminStateUp: true },
      { parent },
    );
    shape.machineNames.push(machine);
    shape.attachmentIds.push(port.id);
    shape.privateAddresses.push(provided(port, "allFixedIps").apply((ips) => ips[0] ?? ""));
    if (m.publicAddresses) {
      const fip = new openstack.networking.FloatingIp(
        `${machine}-fip`,
        { pool: os.floatingIpPool, description: `public address of ${machine}` },
        { parent },
      );
      new openstack.networking.FloatingIpAssociate(`${machine}-fip-assoc`, { floatingIp: provided(fip, "address"), portId: port.id }, { parent });
      shape.publicAddresses.push(provided(fip, "address"));
    }
  }
  return shape;
}

/** The instances of an OpenStack pool, machine `i` on port `i` with user data `i` (stored as a secret). */
export function createOpenStackInstances(
  os: OpenStackCloudArgs,
  m: OpenStackPoolInput,
  addresses: PoolAddresses,
  userData: pulumi.Input<string>[],
  parent: pulumi.Resource,
): pulumi.CustomResource[] {
  const openstack = loadPeer<typeof Openstack>("cloud/openstack/machines");
  return addresses.machineNames.map(
    (machine, i) =>
      new openstack.compute.Instance(
        machine,
        {
          name: machine,
          imageName: m.image,
          flavorName: m.size,
          keyPair: m.keyName,
          networks: [{ port: addresses.attachmentIds[i]! }],
          userData: pulumi.secret(userData[i]!),
          availabilityZone: os.availabilityZone,
          metadata: { "berth-machine": machine },
        },
        // Its port holds the address and is bound to one instance at a time: a replacement can only be created once
        // the old instance is gone.
        { parent, deleteBeforeReplace: true },
      ),
  );
}
