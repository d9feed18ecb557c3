import type * as pulumi from "@pulumi/pulumi";

/** What a cluster's cloud-side foundation gives its machine pools: one security group, one key, one network. */
export interface SiteShape {
  /** The security group every machine of the cluster is in. */
  securityGroupId: pulumi.Output<string>;
  /** The security group's name. */
  securityGroupName: pulumi.Output<string>;
  /** The cloud's key-pair name. */
  keyName: pulumi.Output<string>;
  /** OpenStack: the id of the network machines attach to. AWS: undefined. */
  networkId?: pulumi.Output<string>;
}

/**
 * A pool's machines before they boot: names and stable addresses, allocated first so that every machine's user data
 * can name its peers (its port or network interface keeps the address when the instance is replaced).
 */
export interface PoolAddresses {
  /** `${cluster}-${role}-${i}`, which is also the machine's hostname and node name. Empty for self-healing pools. */
  machineNames: string[];
  /** Each machine's private address. */
  privateAddresses: pulumi.Output<string>[];
  /** Each machine's public address, when the pool has them. */
  publicAddresses: pulumi.Output<string>[];
  /** Each machine's port (OpenStack) or network interface (AWS) id. */
  attachmentIds: pulumi.Output<string>[];
}

/** A pool with its machines launched. */
export interface LaunchedPool extends PoolAddresses {
  /** Each machine's instance (or, for a self-healing pool, the one auto-scaling group). */
  instances: pulumi.CustomResource[];
}
