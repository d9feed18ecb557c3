import type * as pulumi from "@pulumi/pulumi";
import type { Problems } from "../core/problems";
import { isCidr } from "../core/cidr";

/** Where an OpenStack cluster lives: an existing network, and a pool for floating IPs. */
export interface OpenStackCloudArgs {
  /** The name of an existing network to attach every machine to. Set this or `networkId`. @default none */
  networkName?: pulumi.Input<string>;
  /** The id of an existing network to attach every machine to. Set this or `networkName`. @default none */
  networkId?: pulumi.Input<string>;
  /**
   * The external network (pool) floating IPs are allocated from; needed for machines with a public address
   * (Swarm managers, Kubernetes control-plane nodes, Mesos masters).
   */
  floatingIpPool: pulumi.Input<string>;
  /** The availability zone of every machine. @default the cloud's default */
  availabilityZone?: pulumi.Input<string>;
}

/** Where an AWS cluster lives: an existing VPC and its subnets. */
export interface AwsCloudArgs {
  /** The id of an existing VPC. */
  vpcId: pulumi.Input<string>;
  /**
   * Subnets of that VPC; machine `i` of a pool goes to subnet `i % subnetIds.length`, so adding machines never
   * moves existing ones. Public addresses (elastic IPs) need subnets routed to an internet gateway.
   */
  subnetIds: pulumi.Input<string>[];
}

/**
 * The cloud a cluster runs on, and how administrators reach it. Set exactly one of `openstack` or `aws`.
 */
export interface CloudArgs {
  /** Run on OpenStack (Nova instances, Neutron ports, security groups and floating IPs). @default none */
  openstack?: OpenStackCloudArgs;
  /** Run on AWS (EC2 instances, network interfaces, security groups and elastic IPs). @default none */
  aws?: AwsCloudArgs;
  /**
   * The networks administrators (and the machine running Pulumi) come from, as CIDRs (`203.0.113.0/24`,
   * `2001:db8::/48`). Management ports (SSH, the orchestrator's API) are open to these and nothing else. Nothing is
   * open to the world unless you list `0.0.0.0/0` or `::/0` here yourself.
   */
  adminCidrs: string[];
  /** The login user of the image (used for SSH by Pulumi and by the Docker provider). @default "ubuntu" */
  sshUser?: pulumi.Input<string>;
  /**
   * An OpenSSH public key to log in with. Give `privateKey` with it (Pulumi needs it to drain nodes on scale-in).
   * @default a generated ED25519 key, whose private half is the cluster's `privateKey` secret output
   */
  publicKey?: pulumi.Input<string>;
  /** The private half of `publicKey`, in OpenSSH or PEM form; stored as a secret. @default generated */
  privateKey?: pulumi.Input<string>;
}

/**
 * A pool of identical machines, in the cloud's own words for image and size. Machine `i` of role `r` in cluster
 * `c` is named `c-r-i`; changing `count` adds or removes only the last machines.
 */
export interface MachinePoolArgs {
  /** How many machines. */
  count: number;
  /** The image: an OpenStack image name, or an AWS AMI id. Ubuntu 22.04 or 24.04 is what the bootstrap expects. */
  image: pulumi.Input<string>;
  /** The size: an OpenStack flavor name, or an AWS instance type. */
  size: pulumi.Input<string>;
  /**
   * AWS only, and only for pools whose machines need no stable address (workers, agents): run the pool as an
   * auto-scaling group, so a failed machine is replaced automatically. Its machines are then not individual
   * resources (no drain on scale-in: the group terminates them).
   * @default false
   */
  selfHealing?: boolean;
}

/** A port (or range) opened to the admin CIDRs. */
export interface AdminPort {
  /** A short name used in the rule's resource name, e.g. `ssh`. */
  name: string;
  /** `tcp` or `udp`. */
  protocol: string;
  /** The first port. */
  from: number;
  /** The last port. @default from */
  to?: number;
}

/** Checks a {@link CloudArgs}, adding a problem (under `where`) for each thing wrong. */
export function validateCloudArgs(problems: Problems, where: string, cloud: CloudArgs | undefined): void {
  if (!cloud) {
    problems.add(where, "is required: set `openstack: {...}` or `aws: {...}`, and `adminCidrs`.");
    return;
  }
  if (cloud.openstack && cloud.aws) {
    problems.add(where, "sets both `openstack` and `aws`; a cluster runs on one cloud: keep one of them.");
  } else if (!cloud.openstack && !cloud.aws) {
    problems.add(where, "sets neither `openstack` nor `aws`: set the one the cluster runs on.");
  }
  if (cloud.openstack) {
    const os = cloud.openstack;
    if (os.networkName === undefined && os.networkId === undefined) {
      problems.add(`${where}.openstack`, "needs `networkName` or `networkId`: the existing network machines attach to.");
    } else if (os.networkName !== undefined && os.networkId !== undefined) {
      problems.add(`${where}.openstack`, "sets both `networkName` and `networkId`: keep one.");
    }
    if (os.floatingIpPool === undefined) {
      problems.add(`${where}.openstack.floatingIpPool`, "is required: the external network floating IPs come from.");
    }
  }
  if (cloud.aws) {
    if (cloud.aws.vpcId === undefined) problems.add(`${where}.aws.vpcId`, "is required: the id of an existing VPC.");
    if (!Array.isArray(cloud.aws.subnetIds) || cloud.aws.subnetIds.length === 0) {
      problems.add(`${where}.aws.subnetIds`, "needs at least one subnet id of that VPC.");
    }
  }
  if (!Array.isArray(cloud.adminCidrs) || cloud.adminCidrs.length === 0) {
    problems.add(
      `${where}.adminCidrs`,
      "needs at least one CIDR: the network you administer the cluster from (e.g. your office `203.0.113.0/24`). Management ports are open to nothing else.",
    );
  } else {
    cloud.adminCidrs.forEach((cidr, i) => {
      if (typeof cidr !== "string" || !isCidr(cidr)) {
        problems.add(`${where}.adminCidrs[${i}]`, `"${String(cidr)}" is not a CIDR: write it like 203.0.113.0/24 or 2001:db8::/48.`);
      }
    });
  }
  if ((cloud.publicKey === undefined) !== (cloud.privateKey === undefined)) {
    problems.add(
      `${where}.publicKey`,
      "and `privateKey` go together: give both (Pulumi logs in to drain nodes on scale-in), or neither to generate a key.",
    );
  }
}

/** Checks a {@link MachinePoolArgs} for the role named in `where`. */
export function validatePoolArgs(
  problems: Problems,
  where: string,
  pool: MachinePoolArgs | undefined,
  cloud: CloudArgs | undefined,
  rules: { allowed: readonly number[] | "any"; minimum: number; quorumHelp?: string; selfHealingAllowed: boolean },
): void {
  if (!pool) {
    problems.add(where, "is required: `{ count, image, size }`.");
    return;
  }
  if (!Number.isInteger(pool.count) || pool.count < rules.minimum) {
    problems.add(`${where}.count`, `must be a whole number, at least ${rules.minimum}; got ${String(pool.count)}.`);
  } else if (rules.allowed !== "any" && !rules.allowed.includes(pool.count)) {
    problems.add(`${where}.count`, `is ${pool.count}; ${rules.quorumHelp ?? `use one of ${rules.allowed.join(", ")}.`}`);
  }
  if (pool.image === undefined || pool.image === "") problems.add(`${where}.image`, "is required: an image name or AMI id.");
  if (pool.size === undefined || pool.size === "") problems.add(`${where}.size`, "is required: a flavor name or instance type.");
  if (pool.selfHealing) {
    if (!rules.selfHealingAllowed) {
      problems.add(
        `${where}.selfHealing`,
        "is only for workers/agents: these machines need stable addresses that an auto-scaling group cannot give. Heal them with `pulumi up --replace`.",
      );
    } else if (cloud && !cloud.aws) {
      problems.add(`${where}.selfHealing`, "needs `cloud.aws` (an auto-scaling group); on OpenStack heal with `pulumi refresh` and `pulumi up --replace`.");
    }
  }
}
