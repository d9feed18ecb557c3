import type * as Aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import type { AdminPort, AwsCloudArgs } from "../cloud-args";
import { isIpv6Cidr } from "../../core/cidr";
import type { SiteShape } from "../site-shape";
import { loadPeer } from "../../core/peer";

/**
 * The AWS side of a cluster site: a key pair and a security group (rules as separate `vpc.SecurityGroupIngressRule`
 * / `EgressRule` resources, one CIDR each) open to itself and, on the admin ports only, to the admin CIDRs.
 */
export function createAwsSite(
  name: string,
  cloud: AwsCloudArgs,
  adminCidrs: readonly string[],
  adminPorts: readonly AdminPort[],
  publicKey: pulumi.Input<string>,
  parent: pulumi.Resource,
): SiteShape {
  const aws = loadPeer<typeof Aws>("cloud/aws/site");
  const keypair = new aws.ec2.KeyPair(`${name}-key`, { keyName: `${name}-key`, publicKey }, { parent });
  const group = new aws.ec2.SecurityGroup(
    `${name}-sg`,
    {
      name: `${name}-sg`,
      vpcId: cloud.vpcId,
      description: `Berth cluster ${name}: its machines, and admin access from the admin CIDRs`,
      tags: { Name: `${name}-sg` },
    },
    { parent },
  );
  new aws.vpc.SecurityGroupIngressRule(
    `${name}-sg-internal`,
    { securityGroupId: group.id, ipProtocol: "-1", referencedSecurityGroupId: group.id, description: "cluster-internal traffic" },
    { parent },
  );
  new aws.vpc.SecurityGroupEgressRule(
    `${name}-sg-egress-ipv4`,
    { securityGroupId: group.id, ipProtocol: "-1", cidrIpv4: "0.0.0.0/0", description: "outbound (packages, images)" },
    { parent },
  );
  adminCidrs.forEach((cidr, c) => {
    for (const port of adminPorts) {
      new aws.vpc.SecurityGroupIngressRule(
        `${name}-sg-admin-${port.name}-${c}`,
        {
          securityGroupId: group.id,
          ipProtocol: port.protocol,
          fromPort: port.from,
          toPort: port.to ?? port.from,
          ...(isIpv6Cidr(cidr) ? { cidrIpv6: cidr } : { cidrIpv4: cidr }),
          description: `admin ${port.name} from adminCidrs[${c}]`,
        },
        { parent },
      );
    }
  });
  return { securityGroupId: group.id, securityGroupName: group.name, keyName: keypair.keyName };
}
