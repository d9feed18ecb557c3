/**
 * The programs the harness test deploys, as a user would write them: a SwarmCluster on an OpenStack-shaped cloud
 * (which the harness stands for) with a SwarmStack on its provider, and the Compose file of that stack.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { SwarmCluster } from "../../src/swarm/cluster";
import type { SwarmStack } from "../../src/swarm/stack";

/**
 * A web service on an overlay network, on the workers (at most two replicas on one): each replica answers with the
 * name of the node it runs on. `dnsrr`: the harness kernel has no IPVS, which virtual IPs and the routing mesh need.
 */
export const WEB_COMPOSE = `services:
  web:
    image: berth-test/busybox:1
    command: ["sh", "-c", "mkdir -p /www && echo \\"$$NODE\\" > /www/index.html && exec httpd -f -p 8080 -h /www"]
    environment:
      NODE: "{{.Node.Hostname}}"
    networks: [front]
    deploy:
      replicas: 3
      endpoint_mode: dnsrr
      placement:
        constraints: ["node.role == worker"]
        max_replicas_per_node: 2
networks:
  front:
    driver: overlay
    attachable: true
`;

/**
 * The pool's web service: two replicas on the workers (the scheduler spreads them, one per worker of two; with one
 * worker left both run on it); each answers with its node's name.
 */
export const POOL_COMPOSE = `services:
  web:
    image: berth-test/busybox:1
    command: ["sh", "-c", "mkdir -p /www && echo \\"$$NODE\\" > /www/index.html && exec httpd -f -p 8080 -h /www"]
    environment:
      NODE: "{{.Node.Hostname}}"
    networks: [front]
    deploy:
      replicas: 2
      endpoint_mode: dnsrr
      placement:
        constraints: ["node.role == worker"]
networks:
  front:
    driver: overlay
    attachable: true
`;

/** What a test reads back from a run of the program. */
export interface ProgramOutputs {
  privateKey?: string;
  knownHosts?: string;
}

export interface Components {
  SwarmCluster: typeof SwarmCluster;
  SwarmStack: typeof SwarmStack;
}

/** The cluster program: `managers` + `workers` machines, and the web stack when `stack` is set. */
export function swarmProgram(
  c: Components,
  name: string,
  adminCidr: string,
  workers: number,
  out: ProgramOutputs,
  stack = true,
): () => pulumi.Output<unknown>[] {
  return () => {
    const cluster = new c.SwarmCluster(name, {
      cloud: { openstack: { networkName: "harness", floatingIpPool: "switch" }, adminCidrs: [adminCidr], sshUser: "debian" },
      managers: { count: 3, image: "debian-12", size: "host" },
      workers: { count: workers, image: "debian-12", size: "host" },
    });
    const outputs: pulumi.Output<unknown>[] = [
      cluster.workerToken,
      cluster.privateKey.apply((k) => (out.privateKey = k)),
      cluster.sshKnownHosts.apply((k) => (out.knownHosts = k)),
    ];
    if (stack) {
      const web = new c.SwarmStack(`${name}-web`, { content: WEB_COMPOSE, stackName: "shop" }, { provider: cluster.provider });
      outputs.push(web.serviceIds);
    }
    return outputs;
  };
}

/** One machine of the existing pool, as the user lists it. */
export interface PoolHost {
  name: string;
  address: string;
  hostKey: string;
  /** Its own SSH login, when not the pool's. @default the pool's */
  user?: string;
  privateKey?: string;
}

/**
 * The cluster program on machines the user already has: `existingHosts` with the pool's SSH login (the image's
 * default user, with passwordless sudo) and the hosts as listed, and the web stack on its provider.
 */
export function existingSwarmProgram(
  c: Components,
  name: string,
  login: { user: string; privateKey: string },
  managers: PoolHost[],
  workers: PoolHost[],
  out: ProgramOutputs,
): () => pulumi.Output<unknown>[] {
  return () => {
    const cluster = new c.SwarmCluster(name, {
      existingHosts: {
        user: login.user,
        privateKey: login.privateKey,
        managers,
        workers,
      },
    });
    const web = new c.SwarmStack(`${name}-web`, { content: POOL_COMPOSE, stackName: "shop" }, { provider: cluster.provider });
    return [
      cluster.workerToken,
      cluster.privateKey.apply((k) => (out.privateKey = k)),
      cluster.sshKnownHosts.apply((k) => (out.knownHosts = k)),
      web.serviceIds,
    ];
  };
}
