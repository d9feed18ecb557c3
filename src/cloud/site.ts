import * as pulumi from "@pulumi/pulumi";
import { provided } from "../core/provided";
import * as tls from "@pulumi/tls";
import { Problems } from "../core/problems";
import { createAwsSite } from "./aws/site";
import type { AdminPort, CloudArgs } from "./cloud-args";
import { validateCloudArgs } from "./cloud-args";
import { createOpenStackSite } from "./openstack/site";
import type { SiteShape } from "./site-shape";

/** Arguments of a {@link ClusterSite}. */
export interface ClusterSiteArgs {
  /** The cloud, admin CIDRs and login key. */
  cloud: CloudArgs;
  /** The management ports opened to `cloud.adminCidrs` (and nothing else). @default SSH only */
  adminPorts?: AdminPort[];
}

/** SSH, the one management port every cluster opens to its admin CIDRs. */
export const SSH_PORT: AdminPort = { name: "ssh", protocol: "tcp", from: 22 };

/**
 * The cloud-side foundation every machine of a cluster shares: the login key (generated with `@pulumi/tls` unless
 * given), one security group (open to itself for cluster-internal traffic, and on the admin ports to the admin
 * CIDRs only), and on OpenStack the existing network, looked up by name or id.
 *
 * @example
 * ```ts
 * const site = new ClusterSite("demo", {
 *   cloud: { openstack: { networkName: "private", floatingIpPool: "public" }, adminCidrs: ["203.0.113.0/24"] },
 *   adminPorts: [SSH_PORT],
 * });
 * ```
 */
export class ClusterSite extends pulumi.ComponentResource implements SiteShape {
  public readonly securityGroupId: pulumi.Output<string>;
  public readonly securityGroupName: pulumi.Output<string>;
  public readonly keyName: pulumi.Output<string>;
  public readonly networkId?: pulumi.Output<string>;
  /** The login user. */
  public readonly sshUser: pulumi.Output<string>;
  /** The login key's private half (secret). */
  public readonly privateKey: pulumi.Output<string>;
  /** The login key's public half (OpenSSH form). */
  public readonly publicKey: pulumi.Output<string>;

  constructor(name: string, args: ClusterSiteArgs, opts?: pulumi.ComponentResourceOptions) {
    super("berth:index:ClusterSite", name, {}, opts);
    const problems = new Problems();
    validateCloudArgs(problems, "cloud", args.cloud);
    problems.throwIfAny(this, "ClusterSite", name);
    const cloud = args.cloud;
    const adminPorts = args.adminPorts ?? [SSH_PORT];

    if (cloud.publicKey !== undefined && cloud.privateKey !== undefined) {
      this.publicKey = pulumi.output(cloud.publicKey);
      this.privateKey = pulumi.secret(cloud.privateKey);
    } else {
      const key = new tls.PrivateKey(
        `${name}-ssh-key`,
        { algorithm: "ED25519" },
        { parent: this, additionalSecretOutputs: ["privateKeyPem", "privateKeyOpenssh", "privateKeyPemPkcs8"] },
      );
      this.publicKey = provided(key, "publicKeyOpenssh");
      this.privateKey = pulumi.secret(provided(key, "privateKeyOpenssh"));
    }
    this.sshUser = pulumi.output(cloud.sshUser ?? "ubuntu");

    const shape = cloud.openstack
      ? createOpenStackSite(name, cloud.openstack, cloud.adminCidrs, adminPorts, this.publicKey, this)
      : createAwsSite(name, cloud.aws!, cloud.adminCidrs, adminPorts, this.publicKey, this);
    this.securityGroupId = shape.securityGroupId;
    this.securityGroupName = shape.securityGroupName;
    this.keyName = shape.keyName;
    this.networkId = shape.networkId;
    this.registerOutputs({
      securityGroupId: this.securityGroupId,
      keyName: this.keyName,
      sshUser: this.sshUser,
      publicKey: this.publicKey,
      privateKey: this.privateKey,
    });
  }
}
