import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";
import { SwarmCluster } from "berth/swarm";

const config = new pulumi.Config();

const swarm = new SwarmCluster("apps", {
  cloud: {
    openstack: { networkName: config.get("network") ?? "private", floatingIpPool: config.get("floatingIpPool") ?? "public" },
    adminCidrs: [config.require("adminCidr")],
  },
  managers: { count: 3, image: "ubuntu-24.04", size: "m1.small" },
  workers: { count: config.getNumber("workers") ?? 3, image: "ubuntu-24.04", size: "m1.large" },
});

// Services deploy onto the swarm through the cluster's provider (ssh:// to manager 0).
new docker.Service(
  "web",
  {
    name: "web",
    taskSpec: { containerSpec: { image: "nginx:1.27" } },
    mode: { replicated: { replicas: 2 } },
  },
  { provider: swarm.provider },
);

export const managerAddress = swarm.managerAddress;
export const dockerHost = swarm.dockerHost;
export const sshKnownHosts = swarm.sshKnownHosts;
export const privateKey = swarm.privateKey;
export const workerToken = swarm.workerToken;
