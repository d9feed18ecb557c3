import type * as pulumi from "@pulumi/pulumi";
import { createAwsAddresses, createAwsInstances } from "./aws/machines";
import type { CloudArgs, MachinePoolArgs } from "./cloud-args";
import { createOpenStackAddresses, createOpenStackInstances } from "./openstack/machines";
import type { LaunchedPool, PoolAddresses, SiteShape } from "./site-shape";

/** A pool whose addresses exist and whose machines are not launched yet. */
export interface PlannedPool extends PoolAddresses {
  /** Launches the machines: `userData[i]` for machine `i` (exactly one entry for a self-healing pool). */
  launch(userData: pulumi.Input<string>[]): LaunchedPool;
}

/**
 * Allocates a pool's addresses on the cluster's cloud, as children of `parent` named `${prefix}-${i}-...`. Used by
 * the cluster components in two steps (addresses, then machines with user data naming their peers), so that every
 * machine depends only on cluster-level values and never on another machine.
 */
export function planPool(
  cloud: CloudArgs,
  site: SiteShape,
  prefix: string,
  pool: MachinePoolArgs,
  publicAddresses: boolean,
  parent: pulumi.Resource,
): PlannedPool {
  if (cloud.openstack) {
    const os = cloud.openstack;
    const input = {
      prefix,
      count: pool.count,
      image: pool.image,
      size: pool.size,
      keyName: site.keyName,
      securityGroupId: site.securityGroupId,
      networkId: site.networkId!,
      publicAddresses,
    };
    const addresses = createOpenStackAddresses(os, input, parent);
    return {
      ...addresses,
      launch: (userData) => ({ ...addresses, instances: createOpenStackInstances(os, input, addresses, userData, parent) }),
    };
  }
  const aws = cloud.aws!;
  const input = {
    prefix,
    count: pool.count,
    image: pool.image,
    size: pool.size,
    keyName: site.keyName,
    securityGroupId: site.securityGroupId,
    publicAddresses,
    selfHealing: pool.selfHealing === true,
  };
  const addresses = createAwsAddresses(aws, input, parent);
  return {
    ...addresses,
    launch: (userData) => ({ ...addresses, instances: createAwsInstances(aws, input, addresses, userData, parent) }),
  };
}
