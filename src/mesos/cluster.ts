import * as command from "@pulumi/command";
import * as pulumi from "@pulumi/pulumi";
import type { AdminPort, CloudArgs, MachinePoolArgs } from "../cloud/cloud-args";
import { validateCloudArgs, validatePoolArgs } from "../cloud/cloud-args";
import { planPool } from "../cloud/pool";
import { ClusterSite, SSH_PORT } from "../cloud/site";
import { Problems } from "../core/problems";
import { renderMesosAgentLeaveCommand, renderMesosAgentWaitCommand, renderMesosCloudInit } from "./cluster-bootstrap";
import { MARATHON_PORT, MESOS_MASTER_PORT, ZOOKEEPER_CLIENT_PORT, zookeeperUrl } from "./cluster-ensemble";
import type { MesosImages, MesosImagesArgs } from "./cluster-images";
import { DEFAULT_MESOS_IMAGES, imagePinProblem } from "./cluster-images";

/** Arguments of a {@link MesosCluster}. */
export interface MesosClusterArgs {
  /** The cloud (OpenStack; AWS works the same way), the admin CIDRs and the login key. */
  cloud: CloudArgs;
  /** The masters: 1, 3 or 5, each running ZooKeeper and a Mesos master (and Marathon), with a public address. */
  masters: MachinePoolArgs;
  /** The agents: any number. */
  agents: MachinePoolArgs;
  /** Run Marathon on every master (leader elected through ZooKeeper). @default true */
  marathon?: boolean;
  /** The container images of ZooKeeper, Mesos and Marathon, each pinned by tag or digest. @default the documented images */
  images?: MesosImagesArgs;
  /**
   * Debian/Ubuntu packages that provide the Docker engine.
   * @default ["docker.io"]
   */
  dockerPackages?: string[];
}

/** Master counts that give ZooKeeper and the Mesos replicated log a majority quorum (1, 3 or 5). */
export const MESOS_MASTER_COUNTS = [1, 3, 5] as const;

/** How many times (15 s each) Pulumi tries to reach master 0 over SSH before a command fails. */
export const MESOS_SSH_DIAL_ATTEMPTS = 40;

/** The ports opened to the admin CIDRs: SSH, the Mesos master, ZooKeeper and, with Marathon, Marathon. */
export function mesosAdminPorts(marathon: boolean): AdminPort[] {
  return [
    SSH_PORT,
    { name: "mesos", protocol: "tcp", from: MESOS_MASTER_PORT },
    { name: "zookeeper", protocol: "tcp", from: ZOOKEEPER_CLIENT_PORT },
    ...(marathon ? [{ name: "marathon", protocol: "tcp", from: MARATHON_PORT }] : []),
  ];
}

/**
 * An Apache Mesos cluster on OpenStack (or AWS) machines, its software run by Docker from pinned container images.
 * Every master runs a ZooKeeper server (the ensemble lists every master's stable address, allocated before any
 * machine exists), a Mesos master with the majority quorum, and optionally Marathon; agents find the masters
 * through the `zk://` URL. Every machine's bootstrap depends only on cluster-level values, so agents are created in
 * parallel and any one can be replaced alone. Removing an agent (scale-in) first puts it into maintenance (a
 * window starting now, then `machine/down`) through master 0's maintenance API.
 *
 * @example
 * ```ts
 * const mesos = new MesosCluster("batch", {
 *   cloud: { openstack: { networkName: "private", floatingIpPool: "public" }, adminCidrs: ["203.0.113.0/24"] },
 *   masters: { count: 3, image: "ubuntu-22.04", size: "m1.medium" },
 *   agents: { count: 5, image: "ubuntu-22.04", size: "m1.large" },
 * });
 * export const marathon = mesos.marathonUrl;
 * ```
 */
export class MesosCluster extends pulumi.ComponentResource {
  /** Master 0's public address. */
  public readonly masterAddress: pulumi.Output<string>;
  /** Every master's public address. */
  public readonly masterPublicAddresses: pulumi.Output<string[]>;
  /** Every master's private address. */
  public readonly masterAddresses: pulumi.Output<string[]>;
  /** Every agent's private address (empty for a self-healing AWS pool, whose machines come and go). */
  public readonly agentAddresses: pulumi.Output<string[]>;
  /** `zk://<every master>:2181/mesos`, where agents and frameworks find the leading master. */
  public readonly zookeeperUrl: pulumi.Output<string>;
  /** `http://<master 0's public address>:5050`, the Mesos UI and API (open to the admin CIDRs). */
  public readonly mesosUrl: pulumi.Output<string>;
  /** `http://<master 0's public address>:8080`, Marathon (open to the admin CIDRs); undefined without Marathon. */
  public readonly marathonUrl?: pulumi.Output<string>;
  /** The login key's private half (secret). */
  public readonly privateKey: pulumi.Output<string>;

  constructor(name: string, args: MesosClusterArgs, opts?: pulumi.ComponentResourceOptions) {
    super("berth:index:MesosCluster", name, {}, opts);
    const problems = new Problems();
    if (!/^[a-z0-9]([-a-z0-9]{0,38}[a-z0-9])?$/.test(name)) {
      problems.add(
        "name",
        `"${name}" cannot name the machines (hostnames): use at most 40 lowercase letters, digits and hyphens, starting and ending with a letter or digit.`,
      );
    }
    validateCloudArgs(problems, "cloud", args.cloud);
    validatePoolArgs(problems, "masters", args.masters, args.cloud, {
      allowed: MESOS_MASTER_COUNTS,
      minimum: 1,
      quorumHelp:
        "ZooKeeper and the Mesos replicated log need a majority of masters to agree, so use 1 (no failure tolerated), 3 (one) or 5 (two); an even count tolerates no more failures than the odd count below it.",
      selfHealingAllowed: false,
    });
    validatePoolArgs(problems, "agents", args.agents, args.cloud, { allowed: "any", minimum: 0, selfHealingAllowed: true });
    for (const [key, reference] of Object.entries(args.images ?? {})) {
      if (typeof reference !== "string") continue;
      const problem = imagePinProblem(reference);
      if (problem) problems.add(`images.${key}`, problem);
    }
    if (args.dockerPackages !== undefined && (!Array.isArray(args.dockerPackages) || args.dockerPackages.length === 0)) {
      problems.add("dockerPackages", "must list at least one package (e.g. docker.io), or be left out.");
    }
    problems.throwIfAny(this, "MesosCluster", name);

    const cloud = args.cloud;
    const marathon = args.marathon ?? true;
    const site = new ClusterSite(`${name}-site`, { cloud, adminPorts: mesosAdminPorts(marathon) }, { parent: this });
    const masters = planPool(cloud, site, `${name}-master`, args.masters, true, this);
    const agents = planPool(cloud, site, `${name}-agent`, args.agents, false, this);
    const masterAddresses = pulumi.all(masters.privateAddresses);
    const given = args.images ?? {};
    const images: pulumi.Output<MesosImages> = pulumi
      .all([
        given.zookeeper ?? DEFAULT_MESOS_IMAGES.zookeeper,
        given.master ?? DEFAULT_MESOS_IMAGES.master,
        given.agent ?? DEFAULT_MESOS_IMAGES.agent,
        given.marathon ?? DEFAULT_MESOS_IMAGES.marathon,
      ])
      .apply(([zookeeper, master, agent, marathonImage]) => ({ zookeeper, master, agent, marathon: marathonImage }));
    const dockerPackages = args.dockerPackages ?? ["docker.io"];
    const userData = (role: "master" | "agent", index: number, hostname: string): pulumi.Output<string> =>
      pulumi.secret(
        pulumi.all([masterAddresses, images]).apply(([addresses, resolved]) =>
          renderMesosCloudInit({ role, index, hostname, clusterName: name, masterAddresses: addresses, images: resolved, marathon, dockerPackages }),
        ),
      );
    masters.launch(masters.machineNames.map((m, i) => userData("master", i, m)));
    const agentPool = agents.launch(
      args.agents.selfHealing ? [userData("agent", 0, "")] : agents.machineNames.map((m, i) => userData("agent", i, m)),
    );

    // A fresh master takes minutes to boot: keep dialling for up to ten minutes.
    const connection = {
      host: masters.publicAddresses[0]!,
      user: site.sshUser,
      privateKey: site.privateKey,
      dialErrorLimit: MESOS_SSH_DIAL_ATTEMPTS,
    };
    if (!args.agents.selfHealing) {
      agentPool.machineNames.forEach((m, i) => {
        new command.remote.Command(
          `${m}-leave`,
          { connection, create: renderMesosAgentWaitCommand(m), delete: renderMesosAgentLeaveCommand(m) },
          { parent: this, dependsOn: [agentPool.instances[i]!], additionalSecretOutputs: ["stdout", "stderr"] },
        );
      });
    }

    this.masterAddress = masters.publicAddresses[0]!;
    this.masterPublicAddresses = pulumi.all(masters.publicAddresses);
    this.masterAddresses = masterAddresses;
    this.agentAddresses = pulumi.all(agents.privateAddresses);
    this.zookeeperUrl = masterAddresses.apply((a) => zookeeperUrl(a, "/mesos"));
    this.mesosUrl = pulumi.interpolate`http://${this.masterAddress}:${MESOS_MASTER_PORT}`;
    if (marathon) this.marathonUrl = pulumi.interpolate`http://${this.masterAddress}:${MARATHON_PORT}`;
    this.privateKey = site.privateKey;
    this.registerOutputs({
      masterAddress: this.masterAddress,
      masterPublicAddresses: this.masterPublicAddresses,
      masterAddresses: this.masterAddresses,
      agentAddresses: this.agentAddresses,
      zookeeperUrl: this.zookeeperUrl,
      mesosUrl: this.mesosUrl,
      marathonUrl: this.marathonUrl,
      privateKey: this.privateKey,
    });
  }
}
