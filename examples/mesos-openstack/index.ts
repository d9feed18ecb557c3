import * as pulumi from "@pulumi/pulumi";
import { MesosCluster } from "berth/mesos";

const config = new pulumi.Config();

const mesos = new MesosCluster("batch", {
  cloud: {
    openstack: { networkName: config.get("network") ?? "private", floatingIpPool: config.get("floatingIpPool") ?? "public" },
    adminCidrs: [config.require("adminCidr")],
  },
  masters: { count: 3, image: "ubuntu-22.04", size: "m1.medium" },
  agents: { count: config.getNumber("agents") ?? 3, image: "ubuntu-22.04", size: "m1.large" },
  marathon: true,
  // Pinned images (these are the defaults); point them at your own registry's mirror if you keep one.
  images: {
    zookeeper: "zookeeper:3.8.4",
    master: "mesosphere/mesos-master:1.7.1",
    agent: "mesosphere/mesos-slave:1.7.1",
    marathon: "mesosphere/marathon:v1.8.244",
  },
});

export const mesosUrl = mesos.mesosUrl;
export const marathonUrl = mesos.marathonUrl;
export const zookeeperUrl = mesos.zookeeperUrl;
export const privateKey = mesos.privateKey;
