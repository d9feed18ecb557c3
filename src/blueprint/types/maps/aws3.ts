/**
 * aws-plugin 2.x and 3.x (`cloudify.nodes.aws.*`): `resource_config` holds the boto3 call's arguments (PascalCase,
 * `kwargs` for the rest), relationships to nodes of the right type fill the ids a call leaves out (the VPC of a
 * subnet, the route table of a route), Elastic IPs are associated with the interface or instance they depend on, and
 * `client_config` becomes an explicit aws provider.
 */
import type { Value } from "../../functions/values";
import type { ExtraResource, MapContext, TypeMapping } from "../target";
import { awsProvider } from "./providers";
import { agentNote } from "./agent";
import { TARGETS } from "./targets";
import { type Obj, clean, first, list, obj } from "./values";

const NS = "cloudify.nodes.aws.";

/** The node's `resource_config`, its `kwargs` merged in. */
function rc(ctx: MapContext): Obj {
  const c = obj(ctx.props["resource_config"]);
  return { ...obj(c["kwargs"]), ...c };
}

/** The id given, else the first related node of a type's output. */
function idOf(ctx: MapContext, given: Value | undefined, type: string, output = "id"): Value | undefined {
  return first(given, ctx.relatedByType(`${NS}${type}`)[0]?.output(output));
}

/** Tags: `Tags` as [{Key, Value}] (the boto3 shape) or a mapping. */
function tags(ctx: MapContext, c: Obj): Value | undefined {
  const given = c["Tags"] ?? ctx.props["Tags"];
  if (Array.isArray(given)) {
    const out: Obj = {};
    for (const t of given) {
      const k = obj(t)["Key"];
      if (typeof k === "string") out[k] = obj(t)["Value"] ?? "";
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  return Object.keys(obj(given)).length > 0 ? given : undefined;
}

/** A row with the shared parts (provider, lookup by resource_id). */
function row(type: string, target: TypeMapping["target"], attributes: Record<string, string>, args: TypeMapping["args"], more: Partial<TypeMapping> = {}): TypeMapping {
  return {
    type: `${NS}${type}`,
    target,
    attributes: { aws_resource_id: "id", aws_resource_arn: "arn", ...attributes },
    args: (ctx) => {
      ctx.known("cloudify_tagging");
      return args(ctx);
    },
    provider: awsProvider,
    ...more,
  };
}

/** One security group rule per permission and address range set. */
function rules(ctx: MapContext, kind: "ingress" | "egress"): { args: Value }[] {
  const c = rc(ctx);
  const group = idOf(ctx, c["GroupId"], "ec2.SecurityGroup");
  return list(c["IpPermissions"]).map((p) => {
    const o = obj(p);
    const cidrs = list(o["IpRanges"]).map((r) => obj(r)["CidrIp"]);
    const v6 = list(o["Ipv6Ranges"]).map((r) => obj(r)["CidrIpv6"]);
    const source = list(o["UserIdGroupPairs"]).map((r) => obj(r)["GroupId"])[0];
    return {
      args: clean({
        type: kind,
        securityGroupId: group,
        protocol: o["IpProtocol"] ?? "tcp",
        fromPort: o["FromPort"] ?? 0,
        toPort: o["ToPort"] ?? 65535,
        cidrBlocks: cidrs.length > 0 ? cidrs : undefined,
        ipv6CidrBlocks: v6.length > 0 ? v6 : undefined,
        sourceSecurityGroupId: source,
      }),
    };
  });
}

/** A security group rule node: its first permission is the node's resource, the others come with it. */
function ruleRow(type: string, kind: "ingress" | "egress"): TypeMapping {
  return row(type, TARGETS.awsSecurityGroupRule, {}, (ctx) => rules(ctx, kind)[0]?.args ?? clean({ type: kind, securityGroupId: idOf(ctx, undefined, "ec2.SecurityGroup"), protocol: "-1", fromPort: 0, toPort: 0 }), {
    extras: (ctx) => rules(ctx, kind).slice(1).map((r, i): ExtraResource => ({ suffix: `rule-${i + 1}`, target: TARGETS.awsSecurityGroupRule, args: r.args })),
  });
}

/** The aws 2.x and 3.x mappings. */
export const AWS3_MAPPINGS: readonly TypeMapping[] = [
  row("ec2.Vpc", TARGETS.awsVpc, {}, (ctx) => {
    const c = rc(ctx);
    return clean({ cidrBlock: c["CidrBlock"], instanceTenancy: c["InstanceTenancy"], enableDnsSupport: c["EnableDnsSupport"], enableDnsHostnames: c["EnableDnsHostnames"], tags: tags(ctx, c) });
  }),
  row("ec2.Subnet", TARGETS.awsSubnet, {}, (ctx) => {
    const c = rc(ctx);
    return clean({ vpcId: idOf(ctx, c["VpcId"], "ec2.Vpc"), cidrBlock: c["CidrBlock"], availabilityZone: c["AvailabilityZone"], mapPublicIpOnLaunch: c["MapPublicIpOnLaunch"], tags: tags(ctx, c) });
  }),
  row("ec2.SecurityGroup", TARGETS.awsSecurityGroup, {}, (ctx) => {
    const c = rc(ctx);
    return clean({ name: c["GroupName"], description: c["Description"], vpcId: idOf(ctx, c["VpcId"], "ec2.Vpc"), tags: tags(ctx, c) });
  }),
  ruleRow("ec2.SecurityGroupRuleIngress", "ingress"),
  ruleRow("ec2.SecurityGroupRuleEgress", "egress"),
  row("ec2.InternetGateway", TARGETS.awsInternetGateway, {}, (ctx) => clean({ vpcId: idOf(ctx, undefined, "ec2.Vpc"), tags: tags(ctx, rc(ctx)) })),
  row(
    "ec2.RouteTable",
    TARGETS.awsRouteTable,
    {},
    (ctx) => clean({ vpcId: idOf(ctx, rc(ctx)["VpcId"], "ec2.Vpc"), tags: tags(ctx, rc(ctx)) }),
    {
      extras: (ctx) =>
        ctx.relatedByType(`${NS}ec2.Subnet`).map((r, i): ExtraResource => ({ suffix: `subnet-${i}`, target: TARGETS.awsRouteTableAssociation, args: { routeTableId: ctx.self("id"), subnetId: r.output("id") }, last: true })),
    },
  ),
  row("ec2.Route", TARGETS.awsRoute, {}, (ctx) => {
    const c = rc(ctx);
    return clean({
      routeTableId: idOf(ctx, c["RouteTableId"], "ec2.RouteTable"),
      destinationCidrBlock: c["DestinationCidrBlock"],
      gatewayId: idOf(ctx, c["GatewayId"], "ec2.InternetGateway"),
      natGatewayId: idOf(ctx, c["NatGatewayId"], "ec2.NATGateway"),
      networkInterfaceId: c["NetworkInterfaceId"],
    });
  }),
  row(
    "ec2.ElasticIP",
    TARGETS.awsEip,
    { aws_resource_id: "publicIp", allocation_id: "allocationId", public_ip: "publicIp" },
    (ctx) => clean({ domain: rc(ctx)["Domain"] ?? "vpc", tags: tags(ctx, rc(ctx)) }),
    {
      extras: (ctx) => {
        const nic = ctx.relatedByType(`${NS}ec2.Interface`)[0];
        const instance = ctx.relatedByType(`${NS}ec2.Instances`)[0];
        if (!nic && !instance) return [];
        return [{ suffix: "association", target: TARGETS.awsEipAssociation, args: clean({ allocationId: ctx.self("allocationId"), networkInterfaceId: nic?.output("id"), instanceId: nic ? undefined : instance?.output("id") }), last: true }];
      },
    },
  ),
  row("ec2.NATGateway", TARGETS.awsNatGateway, {}, (ctx) => {
    const c = rc(ctx);
    return clean({ subnetId: idOf(ctx, c["SubnetId"], "ec2.Subnet"), allocationId: idOf(ctx, c["AllocationId"], "ec2.ElasticIP", "allocationId"), connectivityType: c["ConnectivityType"], tags: tags(ctx, c) });
  }),
  row("ec2.Interface", TARGETS.awsEni, { ip: "privateIp", private_ip_address: "privateIp" }, (ctx) => {
    const c = rc(ctx);
    const groups = ctx.relatedByType(`${NS}ec2.SecurityGroup`).map((r) => r.output("id"));
    return clean({ subnetId: idOf(ctx, c["SubnetId"], "ec2.Subnet"), securityGroups: first(c["Groups"], groups.length > 0 ? groups : undefined), description: c["Description"], privateIps: c["PrivateIpAddress"] ? [c["PrivateIpAddress"]] : undefined, tags: tags(ctx, c) });
  }),
  row(
    "ec2.Instances",
    TARGETS.awsInstance,
    { ip: "privateIp", private_ip_address: "privateIp", public_ip_address: "publicIp", public_ip: "publicIp" },
    (ctx) => {
      const c = rc(ctx);
      const nics = ctx.relatedByType(`${NS}ec2.Interface`).map((r, i) => ({ networkInterfaceId: r.output("id"), deviceIndex: i }));
      const key = ctx.relatedByType(`${NS}ec2.Keypair`)[0];
      const placement = obj(c["Placement"]);
      for (const k of ["MaxCount", "MinCount", "BlockDeviceMappings"]) void c[k];
      for (const k of ["agent_config", "use_public_ip", "use_ipv6_ip", "use_password", "os_family", "resource_id"]) ctx.known(k);
      agentNote(ctx);
      return clean({
        ami: c["ImageId"],
        instanceType: c["InstanceType"],
        userData: c["UserData"],
        keyName: first(c["KeyName"], key?.output("keyName")),
        subnetId: nics.length > 0 ? undefined : idOf(ctx, c["SubnetId"], "ec2.Subnet"),
        vpcSecurityGroupIds: nics.length > 0 ? undefined : c["SecurityGroupIds"],
        networkInterfaces: nics.length > 0 ? nics : undefined,
        availabilityZone: placement["AvailabilityZone"],
        iamInstanceProfile: obj(c["IamInstanceProfile"])["Name"],
        tags: tags(ctx, c),
      });
    },
  ),
  row("ec2.Keypair", TARGETS.awsKeyPair, { aws_resource_id: "keyName" }, (ctx) => {
    const c = rc(ctx);
    return clean({ keyName: c["KeyName"], publicKey: c["PublicKeyMaterial"], tags: tags(ctx, c) });
  }),
  row("ec2.Image", TARGETS.awsAmiLookup, {}, (ctx) => {
    const c = rc(ctx);
    const filters = list(c["Filters"]).map((f) => ({ name: obj(f)["Name"] ?? "", values: obj(f)["Values"] ?? [] }));
    const owners = filters.filter((f) => f.name === "owner-id").flatMap((f) => list(f.values));
    return clean({ mostRecent: true, filters: filters.filter((f) => f.name !== "owner-id"), owners: first(c["Owners"], owners.length > 0 ? owners : undefined) ?? ["self"], executableUsers: c["ExecutableUsers"] });
  }),
  row("ec2.EBSVolume", TARGETS.awsEbsVolume, {}, (ctx) => {
    const c = rc(ctx);
    return clean({ availabilityZone: c["AvailabilityZone"], size: c["Size"], type: c["VolumeType"], iops: c["Iops"], encrypted: c["Encrypted"], tags: tags(ctx, c) });
  }),
  row("ec2.EBSAttachment", TARGETS.awsVolumeAttachment, {}, (ctx) => {
    const c = rc(ctx);
    return clean({ deviceName: c["Device"], instanceId: idOf(ctx, c["InstanceId"], "ec2.Instances"), volumeId: idOf(ctx, c["VolumeId"], "ec2.EBSVolume") });
  }),
];
