import * as command from "@pulumi/command";
import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";
import * as tls from "@pulumi/tls";
import type { CloudArgs, MachinePoolArgs } from "../cloud/cloud-args";
import { validateCloudArgs, validatePoolArgs } from "../cloud/cloud-args";
import { renderRootCommand, renderRootStdinCommand } from "../cloud/config-script";
import { planPool } from "../cloud/pool";
import { ClusterSite, SSH_PORT } from "../cloud/site";
import { Problems } from "../core/problems";
import { provided } from "../core/provided";
import {
  renderKnownHosts,
  renderSwarmCloudInit,
  renderSwarmHostCleanupScript,
  renderSwarmHostScript,
  renderSwarmLeaveCommand,
  renderSwarmTokenCommand,
  renderSwarmWaitCommand,
} from "./cluster-bootstrap";
import { decryptSwarmTokens } from "./cluster-tokens";
import { type ExistingHost, type ExistingHostsArgs, resolveExistingHosts, validateExistingHosts } from "./existing-hosts";

/** Arguments of a {@link SwarmCluster}: machines it creates on a cloud, or machines you already have. */
export interface SwarmClusterArgs {
  /**
   * The cloud the cluster creates its machines on (OpenStack or AWS), the admin CIDRs and the login key. Required
   * unless `existingHosts` is given, and not allowed with it.
   * @default none
   */
  cloud?: CloudArgs;
  /** The managers the cluster creates: 1, 3 or 5 (a Raft quorum), each with a public address. Required with `cloud`. @default none */
  managers?: MachinePoolArgs;
  /** The workers the cluster creates: any number (0 runs services on the managers). Required with `cloud`. @default none */
  workers?: MachinePoolArgs;
  /**
   * Machines you already have, bootstrapped over SSH instead of created (instead of `cloud`, `managers` and
   * `workers`): the same bootstrap runs on them, scale-in drains and removes a host you take out of the list, and a
   * re-installed host rejoins. Nothing is created on a cloud for them: no security group, no key pair, no address;
   * their network and firewall are yours (SSH from Pulumi, and between the machines 22, 2377/tcp, 7946/tcp+udp and
   * 4789/udp).
   * @default none
   */
  existingHosts?: ExistingHostsArgs;
  /**
   * Debian/Ubuntu packages that provide the Docker engine (on existing hosts, installed only where there is no engine).
   * @default ["docker.io"]
   */
  dockerPackages?: string[];
}

/** Manager counts that give a Raft quorum that survives failures (1: none, 3: one, 5: two). */
export const SWARM_MANAGER_COUNTS = [1, 3, 5] as const;

/** How many times (15 s each) Pulumi tries to reach manager 0 over SSH before a command fails. */
export const SWARM_SSH_DIAL_ATTEMPTS = 40;

/** How long (seconds) the bootstrap of an existing host may run before Pulumi's command fails: 20 minutes. */
export const SWARM_HOST_BOOTSTRAP_TIMEOUT = 1200;

const QUORUM_HELP =
  "a swarm needs a majority of managers to agree (Raft), so use 1 (no failure tolerated), 3 (one) or 5 (two); an even count tolerates no more failures than the odd count below it.";

/**
 * A Docker Swarm, on machines it creates on OpenStack or AWS, or on machines you already have (`existingHosts`).
 * Manager 0 initialises the swarm; every other node fetches its join token from a manager over SSH (a key that may
 * only run the join-token script, the manager's host key pinned) and joins by itself, so nodes are bootstrapped in
 * parallel and a replaced node rejoins with no manual step. The Docker API is reached over SSH (`ssh://`) only; no TCP
 * port of the engine is opened. Removing a node (scale-in) first drains it and removes it from the swarm, from
 * manager 0.
 *
 * Created machines boot their bootstrap as cloud-init user data. Existing hosts get the same bootstrap over SSH (one
 * `command:remote:Command` per host, the script sent as a secret on standard input), pinned to the host key you give
 * for each; a host you remove from the list is drained, removed, and then leaves the swarm and loses Berth's files.
 *
 * @example
 * ```ts
 * const swarm = new SwarmCluster("apps", {
 *   cloud: { openstack: { networkName: "private", floatingIpPool: "public" }, adminCidrs: ["203.0.113.0/24"] },
 *   managers: { count: 3, image: "ubuntu-24.04", size: "m1.small" },
 *   workers: { count: 5, image: "ubuntu-24.04", size: "m1.large" },
 * });
 * new docker.Service("web", { ... }, { provider: swarm.provider });
 *
 * // Or on machines you have:
 * const config = new pulumi.Config();
 * const onPrem = new SwarmCluster("lab", {
 *   existingHosts: {
 *     user: "admin",
 *     privateKey: config.requireSecret("sshKey"),
 *     managers: [{ name: "lab-1", address: "192.0.2.11", hostKey: "ssh-ed25519 AAAAC3Nz..." }],
 *     workers: [
 *       { name: "lab-2", address: "192.0.2.12", hostKey: "ssh-ed25519 AAAAC3Nz..." },
 *       { name: "lab-3", address: "192.0.2.13", hostKey: "ssh-ed25519 AAAAC3Nz...", user: "root" },
 *     ],
 *   },
 * });
 * ```
 */
export class SwarmCluster extends pulumi.ComponentResource {
  /** Manager 0's public address (for existing hosts: the `address` Pulumi reaches it at). */
  public readonly managerAddress: pulumi.Output<string>;
  /** Every manager's public address (for existing hosts: their `address`). */
  public readonly managerPublicAddresses: pulumi.Output<string[]>;
  /** Every manager's private address. */
  public readonly managerAddresses: pulumi.Output<string[]>;
  /** Every worker's private address (empty for a self-healing AWS pool, whose machines come and go). */
  public readonly workerAddresses: pulumi.Output<string[]>;
  /** `ssh://user@manager-0`, the Docker host for the provider and the CLI. */
  public readonly dockerHost: pulumi.Output<string>;
  /** A Docker provider pointed at manager 0 over SSH (load `privateKey` into your ssh-agent). */
  public readonly provider: docker.Provider;
  /** The key Pulumi logs in to manager 0 with (secret): the generated or given login key, or manager 0's own. */
  public readonly privateKey: pulumi.Output<string>;
  /** `known_hosts` lines pinning the managers' SSH host keys at their public addresses. */
  public readonly sshKnownHosts: pulumi.Output<string>;
  /** The worker join token (secret). */
  public readonly workerToken: pulumi.Output<string>;
  /** The manager join token (secret). */
  public readonly managerToken: pulumi.Output<string>;

  constructor(name: string, args: SwarmClusterArgs, opts?: pulumi.ComponentResourceOptions) {
    super("berth:index:SwarmCluster", name, {}, opts);
    const problems = new Problems();
    validateSwarmClusterArgs(problems, args);
    problems.throwIfAny(this, "SwarmCluster", name);

    const secretKeys = ["privateKeyPem", "privateKeyOpenssh", "privateKeyPemPkcs8"];
    const key = (suffix: string, algorithm: "ED25519" | "RSA") =>
      new tls.PrivateKey(
        `${name}-${suffix}`,
        algorithm === "RSA" ? { algorithm, rsaBits: 3072 } : { algorithm },
        { parent: this, additionalSecretOutputs: secretKeys },
      );
    const packages = args.dockerPackages ?? ["docker.io"];
    const nodes = args.existingHosts
      ? existingNodes(this, name, resolveExistingHosts(args.existingHosts), key, packages)
      : cloudNodes(this, name, args, key, packages);
    const tokenKey = key("token-key", "RSA");

    const tokens = new command.remote.Command(
      `${name}-join-tokens`,
      {
        connection: nodes.connection,
        create: provided(tokenKey, "publicKeyPem").apply((pem) => nodes.command(renderSwarmTokenCommand(pem))),
        // A replaced manager 0 runs it again: it waits until the new machine's engine can manage, so `pulumi up`
        // ends only once the replacement has rejoined and caught up (and the tokens come from a live manager).
        triggers: [nodes.manager0.id],
      },
      { parent: this, dependsOn: [nodes.manager0], additionalSecretOutputs: ["stdout", "stderr"] },
    );
    const decrypted = pulumi
      .all([provided(tokens, "stdout"), provided(tokenKey, "privateKeyPem")])
      .apply(([stdout, pem]) => decryptSwarmTokens(stdout, pem));
    this.workerToken = pulumi.secret(decrypted.apply((t) => t.worker));
    this.managerToken = pulumi.secret(decrypted.apply((t) => t.manager));

    // A node's leave command runs on manager 0: create waits for the node to be Ready, delete drains and removes it.
    // It depends on manager 0 as well as on its node, so that a destroy runs it while manager 0 is still there.
    for (const m of nodes.members) {
      new command.remote.Command(
        m.resourceName,
        {
          connection: nodes.connection,
          create: nodes.command(renderSwarmWaitCommand(m.node, m.role)),
          delete: nodes.command(renderSwarmLeaveCommand(m.node, m.role)),
        },
        { parent: this, dependsOn: [m.machine, nodes.manager0], additionalSecretOutputs: ["stdout", "stderr"] },
      );
    }

    this.managerAddress = nodes.managerPublicAddresses.apply((a) => a[0]!);
    this.managerPublicAddresses = nodes.managerPublicAddresses;
    this.managerAddresses = nodes.managerAddresses;
    this.workerAddresses = nodes.workerAddresses;
    this.privateKey = nodes.privateKey;
    this.dockerHost = nodes.dockerHost;
    this.sshKnownHosts = nodes.knownHosts;
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

/** Checks every argument of a {@link SwarmCluster}, adding a problem for each thing wrong. */
export function validateSwarmClusterArgs(problems: Problems, args: SwarmClusterArgs): void {
  if (args.existingHosts !== undefined) {
    for (const field of ["cloud", "managers", "workers"] as const) {
      if (args[field] !== undefined) {
        problems.add(
          field,
          field === "cloud"
            ? "is for machines the cluster creates; with `existingHosts` nothing is created on a cloud: leave `cloud` out (or `existingHosts`, to create machines)."
            : `describes machines the cluster creates; with \`existingHosts\`, list these hosts in \`existingHosts.${field}\` instead.`,
        );
      }
    }
    if (args.existingHosts === null || typeof args.existingHosts !== "object") {
      problems.add("existingHosts", "must be `{ managers: [...], workers: [...] }`.");
    } else {
      validateExistingHosts(problems, "existingHosts", args.existingHosts, { managerCounts: SWARM_MANAGER_COUNTS, quorumHelp: QUORUM_HELP });
    }
  } else {
    if (args.cloud === undefined) {
      problems.add(
        "cloud",
        "is required: set `openstack: {...}` or `aws: {...}`, and `adminCidrs`, for machines the cluster creates; or list machines you already have in `existingHosts`.",
      );
    } else {
      validateCloudArgs(problems, "cloud", args.cloud);
    }
    validatePoolArgs(problems, "managers", args.managers, args.cloud, {
      allowed: SWARM_MANAGER_COUNTS,
      minimum: 1,
      quorumHelp: QUORUM_HELP,
      selfHealingAllowed: false,
    });
    validatePoolArgs(problems, "workers", args.workers, args.cloud, { allowed: "any", minimum: 0, selfHealingAllowed: true });
  }
  if (args.dockerPackages !== undefined && (!Array.isArray(args.dockerPackages) || args.dockerPackages.length === 0)) {
    problems.add("dockerPackages", "must list at least one package (e.g. docker.io), or be left out.");
  }
}

type KeyMaker = (suffix: string, algorithm: "ED25519" | "RSA") => tls.PrivateKey;

/** What the cluster's commands on manager 0 and its outputs need from its nodes, wherever they run. */
interface SwarmNodes {
  /** Pulumi's SSH connection to manager 0, its host key pinned. */
  connection: command.types.input.remote.ConnectionArgs;
  /** A script for manager 0 as the command its login shell runs. */
  command: (script: string) => string;
  /** Manager 0's machine (or its bootstrap): the join-token command runs once it exists, and again when it is replaced. */
  manager0: pulumi.CustomResource;
  /** Every node but manager 0, with its machine (or bootstrap) and the name of its leave command. */
  members: { node: string; role: "manager" | "worker"; machine: pulumi.Resource; resourceName: string }[];
  managerPublicAddresses: pulumi.Output<string[]>;
  managerAddresses: pulumi.Output<string[]>;
  workerAddresses: pulumi.Output<string[]>;
  privateKey: pulumi.Output<string>;
  dockerHost: pulumi.Output<string>;
  knownHosts: pulumi.Output<string>;
}

/** Machines the cluster creates on its cloud, booted with their bootstrap as user data. */
function cloudNodes(parent: SwarmCluster, name: string, args: SwarmClusterArgs, key: KeyMaker, packages: string[]): SwarmNodes {
  const cloud = args.cloud!;
  const managerArgs = args.managers!;
  const workerArgs = args.workers!;
  const site = new ClusterSite(`${name}-site`, { cloud, adminPorts: [SSH_PORT] }, { parent });
  const hostKey = key("host-key", "ED25519");
  const workerJoinKey = key("worker-join-key", "ED25519");
  const managerJoinKey = key("manager-join-key", "ED25519");

  const managers = planPool(cloud, site, `${name}-manager`, managerArgs, true, parent);
  const workers = planPool(cloud, site, `${name}-worker`, workerArgs, false, parent);
  const managerAddresses = pulumi.all(managers.privateAddresses);
  const shared = pulumi.all([
    managerAddresses,
    site.sshUser,
    provided(hostKey, "publicKeyOpenssh"),
    provided(hostKey, "privateKeyOpenssh"),
    provided(workerJoinKey, "publicKeyOpenssh"),
    provided(workerJoinKey, "privateKeyOpenssh"),
    provided(managerJoinKey, "publicKeyOpenssh"),
    provided(managerJoinKey, "privateKeyOpenssh"),
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
    workerArgs.selfHealing ? [userData("worker", 0, "")] : workers.machineNames.map((m, i) => userData("worker", i, m)),
  );
  const members: SwarmNodes["members"] = [];
  managerPool.machineNames.forEach((m, i) => {
    if (i > 0) members.push({ node: m, role: "manager", machine: managerPool.instances[i]!, resourceName: `${m}-leave` });
  });
  if (!workerArgs.selfHealing) {
    workerPool.machineNames.forEach((m, i) => {
      members.push({ node: m, role: "worker", machine: workerPool.instances[i]!, resourceName: `${m}-leave` });
    });
  }
  const publicAddresses = pulumi.all(managers.publicAddresses);
  return {
    // A fresh manager takes minutes to boot: keep dialling for up to ten minutes before a command fails.
    // Manager 0 is verified by the managers' host key, which the cluster generated and installed on it.
    connection: {
      host: managers.publicAddresses[0]!,
      user: site.sshUser,
      privateKey: site.privateKey,
      hostKey: provided(hostKey, "publicKeyOpenssh").apply((k) => k.trim()),
      dialErrorLimit: SWARM_SSH_DIAL_ATTEMPTS,
    },
    command: (script) => script,
    manager0: managerPool.instances[0]!,
    members,
    managerPublicAddresses: publicAddresses,
    managerAddresses,
    workerAddresses: pulumi.all(workers.privateAddresses),
    privateKey: site.privateKey,
    dockerHost: pulumi.interpolate`ssh://${site.sshUser}@${managers.publicAddresses[0]!}`,
    knownHosts: pulumi.all([publicAddresses, provided(hostKey, "publicKeyOpenssh")]).apply(([addresses, k]) => `${addresses.join(",")} ${k.trim()}`),
  };
}

/**
 * Machines you already have: each gets the bootstrap over SSH (a command whose standard input is the script, a
 * secret), pinned to the host key you gave; its delete undoes it once manager 0 has removed the node.
 */
function existingNodes(
  parent: SwarmCluster,
  name: string,
  pool: { managers: ExistingHost[]; workers: ExistingHost[] },
  key: KeyMaker,
  packages: string[],
): SwarmNodes {
  const workerJoinKey = key("worker-join-key", "ED25519");
  const managerJoinKey = key("manager-join-key", "ED25519");
  const managerAddresses = pulumi.all(pool.managers.map((h) => h.privateAddress));
  // A host key as `type base64`, without the comment a .pub file may carry.
  const bare = (k: string) => k.trim().split(/\s+/).slice(0, 2).join(" ");
  const managerHostKeys = pulumi.all(pool.managers.map((h) => h.hostKey)).apply((keys) => keys.map(bare));
  const connectionOf = (h: ExistingHost): command.types.input.remote.ConnectionArgs => ({
    host: h.address,
    port: h.port,
    user: h.user,
    privateKey: pulumi.secret(h.privateKey),
    hostKey: pulumi.output(h.hostKey).apply(bare),
  });
  const shared = pulumi.all([
    managerAddresses,
    managerHostKeys,
    provided(workerJoinKey, "publicKeyOpenssh"),
    provided(workerJoinKey, "privateKeyOpenssh"),
    provided(managerJoinKey, "publicKeyOpenssh"),
    provided(managerJoinKey, "privateKeyOpenssh"),
  ]);
  const bootstrap = (h: ExistingHost): command.remote.Command => {
    const script = pulumi
      .all([shared, h.user])
      .apply(([[addresses, hostKeys, workerPub, workerPriv, managerPub, managerPriv], sshUser]) =>
        renderSwarmHostScript({
          role: h.role,
          index: h.index,
          hostname: h.name,
          managerAddresses: addresses,
          sshUser,
          joinPrivateKey: h.role === "manager" ? managerPriv : workerPriv,
          hostPublicKey: hostKeys,
          dockerPackages: packages,
          ...(h.role === "manager" ? { workerJoinPublicKey: workerPub, managerJoinPublicKey: managerPub } : {}),
        }),
      );
    // Replacing it (pulumi up --replace) first undoes it on the machine, then runs it again: never the other way round,
    // which would make the freshly joined machine leave.
    return new command.remote.Command(
      `${name}-${h.name}-bootstrap`,
      {
        connection: connectionOf(h),
        create: renderRootStdinCommand(SWARM_HOST_BOOTSTRAP_TIMEOUT),
        stdin: pulumi.secret(script),
        delete: renderRootCommand(renderSwarmHostCleanupScript()),
      },
      { parent, deleteBeforeReplace: true, additionalSecretOutputs: ["stdin", "stdout", "stderr"] },
    );
  };
  const managerBootstraps = pool.managers.map(bootstrap);
  const workerBootstraps = pool.workers.map(bootstrap);
  const members: SwarmNodes["members"] = [
    ...pool.managers.slice(1).map((h, i) => ({ node: h.name, role: "manager" as const, machine: managerBootstraps[i + 1]!, resourceName: `${name}-${h.name}-leave` })),
    ...pool.workers.map((h, i) => ({ node: h.name, role: "worker" as const, machine: workerBootstraps[i]!, resourceName: `${name}-${h.name}-leave` })),
  ];
  const manager0 = pool.managers[0]!;
  // known_hosts names a host on another port than 22 as [address]:port.
  const endpoint = (h: ExistingHost) => pulumi.output(h.address).apply((a) => (h.port === 22 ? a : `[${a}]:${h.port}`));
  const publicAddresses = pulumi.all(pool.managers.map((h) => h.address));
  return {
    connection: connectionOf(manager0),
    command: renderRootCommand,
    manager0: managerBootstraps[0]!,
    members,
    managerPublicAddresses: publicAddresses,
    managerAddresses,
    workerAddresses: pulumi.all(pool.workers.map((h) => h.privateAddress)),
    privateKey: pulumi.secret(manager0.privateKey),
    dockerHost: pulumi.interpolate`ssh://${manager0.user}@${manager0.address}${manager0.port === 22 ? "" : `:${manager0.port}`}`,
    knownHosts: pulumi
      .all([pulumi.all(pool.managers.map(endpoint)), managerHostKeys])
      .apply(([endpoints, keys]) => renderKnownHosts(endpoints, keys).trimEnd()),
  };
}
