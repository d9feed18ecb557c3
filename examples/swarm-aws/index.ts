import * as pulumi from "@pulumi/pulumi";
import { SwarmCluster } from "berth/swarm";

const config = new pulumi.Config();
const ami = config.require("ami"); // an Ubuntu 24.04 AMI of your region

const swarm = new SwarmCluster("apps", {
  cloud: {
    aws: { vpcId: config.require("vpcId"), subnetIds: config.require("subnetIds").split(",") },
    adminCidrs: [config.require("adminCidr")],
  },
  managers: { count: 3, image: ami, size: "t3.small" },
  // An auto-scaling group replaces a failed worker by itself; the new machine joins the swarm on boot.
  workers: { count: 4, image: ami, size: "t3.large", selfHealing: true },
});

export const managerAddress = swarm.managerAddress;
export const dockerHost = swarm.dockerHost;
export const sshKnownHosts = swarm.sshKnownHosts;
export const privateKey = swarm.privateKey;
