import * as command from "@pulumi/command";
import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";
import * as tls from "@pulumi/tls";
import type { CloudArgs, MachinePoolArgs } from "../cloud/cloud-args";
import { validateCloudArgs, validatePoolArgs } from "../cloud/cloud-args";
import { planPool } from "../cloud/pool";
import { ClusterSite, SSH_PORT } from "../cloud/site";
import { Problems } from "../core/problems";
import {
  renderSwarmCloudInit,
  renderSwarmLeaveCommand,
  renderSwarmTokenCommand,
  renderSwarmWaitCommand,
} from "./cluster-bootstrap";
import { decryptSwarmTokens } from "./cluster-tokens";

/** Arguments of a {@link SwarmCluster}. */
export interface SwarmClusterArgs {
  /** The cloud (OpenStack or AWS), the admin CIDRs and the login key. */
  cloud: CloudArgs;
  /** The managers: 1, 3 or 5 (a Raft quorum), each with a public address. */
  managers: MachinePoolArgs;
  /** The workers: any number (0 runs services on the managers). */
  workers: MachinePoolArgs;
  /**
   * Debian/Ubuntu packages that provide the Docker engine.
   * @default ["docker.io"]
   */
  dockerPackages?: string[];
}

/** Manager counts that give a Raft quorum that survives failures (1: none, 3: one, 5: two). */
export const SWARM_MANAGER_COUNTS = [1, 3, 5] as const;

/** How many times (15 s each) Pulumi tries to reach manager 0 over SSH before a command fails. */
export const SWARM_SSH_DIAL_ATTEMPTS = 40;

/**
 * A Docker Swarm on OpenStack or AWS machines. Manager 0 initialises the swarm; every other node fetches its join
 * token from a manager over SSH (a key that may only run the join-token script, the managers' host key pinned) and
 * joins by itself, so nodes are created in parallel and a replaced node rejoins with no manual step. The Docker API
 * is reached over SSH (`ssh://`) only; no TCP port of the engine is opened. Removing a node (scale-in) first drains
 * it and removes it from the swarm, from manager 0.
 *
 * @example
 * ```ts
 * const swarm = new SwarmCluster("apps", {
 *   cloud: { openstack: { networkName: "private", floatingIpPool: "public" }, adminCidrs: ["203.0.113.0/24"] },
 *   managers: { count: 3, image: "ubuntu-24.04", size: "m1.small" },
 *   workers: { count: 5, image: "ubuntu-24.04", size: "m1.large" },
 * });
 * new docker.Service("web", { ... }, { provider: swarm.provider });
 * ```
 */
export class SwarmCluster extends pulumi.ComponentResource {
  /** Manager 0's public address. */
  public readonly managerAddress: pulumi.Output<string>;
  /** Every manager's public address. */
  public readonly managerPublicAddresses: pulumi.Output<string[]>;
  /** Every manager's private address. */
  public readonly managerAddresses: pulumi.Output<string[]>;
  /** Every worker's private address (empty for a self-healing AWS pool, whose machines come and go). */
  public readonly workerAddresses: pulumi.Output<string[]>;
  /** `ssh://user@manager-0`, the Docker host for the provider and the CLI. */
  public readonly dockerHost: pulumi.Output<string>;
  /** A Docker provider pointed at manager 0 over SSH (load `privateKey` into your ssh-agent). */
  public readonly provider: docker.Provider;
  /** The login key's private half (secret). */
  public readonly privateKey: pulumi.Output<string>;
  /** A `known_hosts` line pinning the managers' SSH host key. */
  public readonly sshKnownHosts: pulumi.Output<string>;
  /** The worker join token (secret). */
  public readonly workerToken: pulumi.Output<string>;
  /** The manager join token (secret). */
  public readonly managerToken: pulumi.Output<string>;

  constructor(name: string, args: SwarmClusterArgs, opts?: pulumi.ComponentResourceOptions) {
    super("berth:index:SwarmCluster", name, {}, opts);
    const problems = new Problems();
    validateCloudArgs(problems, "cloud", args.cloud);
    validatePoolArgs(problems, "managers", args.managers, args.cloud, {
      allowed: SWARM_MANAGER_COUNTS,
      minimum: 1,
      quorumHelp:
        "a swarm needs a majority of managers to agree (Raft), so use 1 (no failure tolerated), 3 (one) or 5 (two); an even count tolerates no more failures than the odd count below it.",
      selfHealingAllowed: false,
    });
    validatePoolArgs(problems, "workers", args.workers, args.cloud, { allowed: "any", minimum: 0, selfHealingAllowed: true });
    if (args.dockerPackages !== undefined && (!Array.isArray(args.dockerPackages) || args.dockerPackages.length === 0)) {
      problems.add("dockerPackages", "must list at least one package (e.g. docker.io), or be left out.");
    }
    problems.throwIfAny(this, "SwarmCluster", name);

    const cloud = args.cloud;
    const site = new ClusterSite(`${name}-site`, { cloud, adminPorts: [SSH_PORT] }, { parent: this });
    const secretKeys = ["privateKeyPem", "privateKeyOpenssh", "privateKeyPemPkcs8"];
    const hostKey = new tls.PrivateKey(`${name}-host-key`, { algorithm: "ED25519" }, { parent: this, additionalSecretOutputs: secretKeys });
    const workerJoinKey = new tls.PrivateKey(`${name}-worker-join-key`, { algorithm: "ED25519" }, { parent: this, additionalSecretOutputs: secretKeys });
    const managerJoinKey = new tls.PrivateKey(`${name}-manager-join-key`, { algorithm: "ED25519" }, { parent: this, additionalSecretOutputs: secretKeys });
    const tokenKey = new tls.PrivateKey(
      `${name}-token-key`,
      { algorithm: "RSA", rsaBits: 3072 },
      { parent: this, additionalSecretOutputs: secretKeys },
    );

    const managers = planPool(cloud, site, `${name}-manager`, args.managers, true, this);
    const workers = planPool(cloud, site, `${name}-worker`, args.workers, false, this);
    const managerAddresses = pulumi.all(managers.privateAddresses);
    const packages = args.dockerPackages ?? ["docker.io"];
    const shared = pulumi.all([
      managerAddresses,
      site.sshUser,
      hostKey.publicKeyOpenssh,
      hostKey.privateKeyOpenssh,
      workerJoinKey.publicKeyOpenssh,
      workerJoinKey.privateKeyOpenssh,
      managerJoinKey.publicKeyOpenssh,
      managerJoinKey.privateKeyOpenssh,
    ]);
    const userData = (role: "manager" | "worker", index: number, hostname: string): pulumi.Output<string> =>
      pulumi.secret(
        shared.apply(([addresses, sshUser, hostPub, hostPriv, workerPub, workerPriv, managerPub, managerPriv]) =>
          renderSwarmCloudInit({
            role,
            index,
            hostname,
            managerAddresses: addresses,
            sshUser,
            joinPrivateKey: role === "manager" ? managerPriv : workerPriv,
            hostPublicKey: hostPub,
            dockerPackages: packages,
            ...(role === "manager"
              ? { hostPrivateKey: hostPriv, workerJoinPublicKey: workerPub, managerJoinPublicKey: managerPub }
              : {}),
          }),
        ),
      );
    const managerPool = managers.launch(managers.machineNames.map((m, i) => userData("manager", i, m)));
    const workerPool = workers.launch(
      args.workers.selfHealing
        ? [userData("worker", 0, "")]
        : workers.machineNames.map((m, i) => userData("worker", i, m)),
    );

    // A fresh manager takes minutes to boot: keep dialling for up to ten minutes before a command fails.
    // Manager 0 is verified by the managers' host key, which the cluster generated and installed on it.
    const connection = {
      host: managers.publicAddresses[0]!,
      user: site.sshUser,
      privateKey: site.privateKey,
      hostKey: hostKey.publicKeyOpenssh.apply((k) => k.trim()),
      dialErrorLimit: SWARM_SSH_DIAL_ATTEMPTS,
    };
    const tokens = new command.remote.Command(
      `${name}-join-tokens`,
      { connection, create: tokenKey.publicKeyPem.apply((pem) => renderSwarmTokenCommand(pem)) },
      { parent: this, dependsOn: [managerPool.instances[0]!], additionalSecretOutputs: ["stdout", "stderr"] },
    );
    const decrypted = pulumi
      .all([tokens.stdout, tokenKey.privateKeyPem])
      .apply(([stdout, pem]) => decryptSwarmTokens(stdout, pem));
    this.workerToken = pulumi.secret(decrypted.apply((t) => t.worker));
    this.managerToken = pulumi.secret(decrypted.apply((t) => t.manager));

    // A node's leave command runs on manager 0: create waits for the node to be Ready, delete drains and removes it.
    const leave = (machine: string, role: "manager" | "worker", instance: pulumi.Resource): void => {
      new command.remote.Command(
        `${machine}-leave`,
        { connection, create: renderSwarmWaitCommand(machine), delete: renderSwarmLeaveCommand(machine, role) },
        { parent: this, dependsOn: [instance], additionalSecretOutputs: ["stdout", "stderr"] },
      );
    };
    managerPool.machineNames.forEach((m, i) => {
      if (i > 0) leave(m, "manager", managerPool.instances[i]!);
    });
    if (!args.workers.selfHealing) {
      workerPool.machineNames.forEach((m, i) => {
        leave(m, "worker", workerPool.instances[i]!);
      });
    }

    this.managerAddress = managers.publicAddresses[0]!;
    this.managerPublicAddresses = pulumi.all(managers.publicAddresses);
    this.managerAddresses = managerAddresses;
    this.workerAddresses = pulumi.all(workers.privateAddresses);
    this.privateKey = site.privateKey;
    this.dockerHost = pulumi.interpolate`ssh://${site.sshUser}@${this.managerAddress}`;
    this.sshKnownHosts = pulumi
      .all([this.managerPublicAddresses, hostKey.publicKeyOpenssh])
      .apply(([addresses, key]) => `${addresses.join(",")} ${key.trim()}`);
    this.provider = new docker.Provider(
      `${name}-docker`,
      { host: this.dockerHost, sshOpts: ["-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes"] },
      { parent: this, dependsOn: [tokens] },
    );
    this.registerOutputs({
      managerAddress: this.managerAddress,
      managerPublicAddresses: this.managerPublicAddresses,
      managerAddresses: this.managerAddresses,
      workerAddresses: this.workerAddresses,
      dockerHost: this.dockerHost,
      privateKey: this.privateKey,
      sshKnownHosts: this.sshKnownHosts,
      workerToken: this.workerToken,
      managerToken: this.managerToken,
    });
  }
}
