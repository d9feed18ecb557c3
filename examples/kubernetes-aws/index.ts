import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { KubernetesCluster } from "berth/kubernetes";

const config = new pulumi.Config();
const ami = config.require("ami"); // an Ubuntu 24.04 AMI of your region

const cluster = new KubernetesCluster("prod", {
  cloud: {
    aws: { vpcId: config.require("vpcId"), subnetIds: config.require("subnetIds").split(",") },
    adminCidrs: [config.require("adminCidr")],
  },
  controlPlane: { count: 1, image: ami, size: "t3.medium" },
  // An auto-scaling group replaces a failed worker by itself; the new machine joins the cluster on boot.
  workers: { count: 3, image: ami, size: "t3.large", selfHealing: true },
  cni: "flannel",
});

new k8s.core.v1.Namespace("apps", { metadata: { name: "apps" } }, { provider: cluster.provider });

export const apiServer = cluster.apiServer;
export const kubeconfig = cluster.kubeconfig;
export const privateKey = cluster.privateKey;
