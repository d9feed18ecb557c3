import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { KubernetesCluster } from "berth/kubernetes";

const config = new pulumi.Config();

const cluster = new KubernetesCluster("prod", {
  cloud: {
    openstack: { networkName: config.get("network") ?? "private", floatingIpPool: config.get("floatingIpPool") ?? "public" },
    adminCidrs: [config.require("adminCidr")],
  },
  controlPlane: { count: 3, image: "ubuntu-24.04", size: "m1.medium" },
  workers: { count: config.getNumber("workers") ?? 3, image: "ubuntu-24.04", size: "m1.large" },
  cni: "calico",
});

// Workloads deploy through the cluster's provider (the admin kubeconfig, built from the generated certificate).
const labels = { app: "web" };
new k8s.apps.v1.Deployment(
  "web",
  {
    metadata: { name: "web" },
    spec: {
      replicas: 2,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: "web", image: "nginx:1.27" }] } },
    },
  },
  { provider: cluster.provider },
);

export const apiServer = cluster.apiServer;
export const kubeconfig = cluster.kubeconfig;
export const controlPlaneAddresses = cluster.controlPlanePublicAddresses;
export const privateKey = cluster.privateKey;
