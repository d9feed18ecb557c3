import type * as Aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { provided } from "../../core/provided";
import type { AwsCloudArgs } from "../cloud-args";
import type { PoolAddresses } from "../site-shape";
import { loadPeer } from "../../core/peer";

/** What every machine of an AWS pool shares. */
export interface AwsPoolInput {
  prefix: string;
  count: number;
  image: pulumi.Input<string>;
  size: pulumi.Input<string>;
  keyName: pulumi.Input<string>;
  securityGroupId: pulumi.Input<string>;
  publicAddresses: boolean;
  selfHealing: boolean;
}

/**
 * The addresses of an AWS pool: machine `i` gets a network interface in subnet `i % subnets` (it holds the address,
 * so replacing the instance keeps it) and optionally an elastic IP on it. A self-healing pool has none.
 */
export function createAwsAddresses(cloud: AwsCloudArgs, m: AwsPoolInput, parent: pulumi.Resource): PoolAddresses {
  const aws = loadPeer<typeof Aws>("cloud/aws/machines");
  const shape: PoolAddresses = { machineNames: [], privateAddresses: [], publicAddresses: [], attachmentIds: [] };
  if (m.selfHealing) return shape;
  for (let i = 0; i < m.count; i++) {
    const machine = `${m.prefix}-${i}`;
    const nic = new aws.ec2.NetworkInterface(
      `${machine}-nic`,
      {
        subnetId: cloud.subnetIds[i % cloud.subnetIds.length]!,
        securityGroups: [m.securityGroupId],
        description: `primary interface of ${machine}`,
        tags: { Name: machine },
      },
      { parent },
    );
    shape.machineNames.push(machine);
    shape.attachmentIds.push(nic.id);
    shape.privateAddresses.push(provided(nic, "privateIp"));
    if (m.publicAddresses) {
      const eip = new aws.ec2.Eip(`${machine}-eip`, { domain: "vpc", networkInterface: nic.id, tags: { Name: machine } }, { parent });
      shape.publicAddresses.push(provided(eip, "publicIp"));
    }
  }
  return shape;
}

/**
 * The instances of an AWS pool: machine `i` on interface `i` with user data `i` (secret, replacing the instance when
 * it changes). A self-healing pool is one launch template and one auto-scaling group of fixed size, which replaces
 * failed machines by itself; it takes exactly one user data.
 */
export function createAwsInstances(
  cloud: AwsCloudArgs,
  m: AwsPoolInput,
  addresses: PoolAddresses,
  userData: pulumi.Input<string>[],
  parent: pulumi.Resource,
): pulumi.CustomResource[] {
  const aws = loadPeer<typeof Aws>("cloud/aws/machines");
  if (m.selfHealing) {
    const template = new aws.ec2.LaunchTemplate(
      `${m.prefix}-template`,
      {
        namePrefix: `${m.prefix}-`,
        imageId: m.image,
        instanceType: m.size,
        keyName: m.keyName,
        vpcSecurityGroupIds: [m.securityGroupId],
        userData: pulumi.secret(pulumi.output(userData[0]!).apply((u) => Buffer.from(u, "utf8").toString("base64"))),
        updateDefaultVersion: true,
        tagSpecifications: [{ resourceType: "instance", tags: { Name: m.prefix } }],
      },
      { parent },
    );
    const group = new aws.autoscaling.Group(
      `${m.prefix}-group`,
      {
        namePrefix: `${m.prefix}-`,
        minSize: m.count,
        maxSize: m.count,
        desiredCapacity: m.count,
        vpcZoneIdentifiers: cloud.subnetIds,
        healthCheckType: "EC2",
        healthCheckGracePeriod: 300,
        launchTemplate: { id: template.id, version: provided(template, "latestVersion").apply((v) => String(v)) },
        instanceRefresh: { strategy: "Rolling", preferences: { minHealthyPercentage: 50 } },
      },
      { parent },
    );
    return [group];
  }
  return addresses.machineNames.map(
    (machine, i) =>
      new aws.ec2.Instance(
        machine,
        {
          ami: m.image,
          instanceType: m.size,
          keyName: m.keyName,
          primaryNetworkInterface: { networkInterfaceId: addresses.attachmentIds[i]! },
          userData: pulumi.secret(userData[i]!),
          userDataReplaceOnChange: true,
          tags: { Name: machine },
        },
        // Its network interface holds the address and attaches to one instance at a time: a replacement can only be
        // created once the old instance is gone.
        { parent, deleteBeforeReplace: true },
      ),
  );
}
