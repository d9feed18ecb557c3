import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";
import { type ExistingHostArgs, SwarmCluster } from "berth/swarm";

const config = new pulumi.Config();

// The machines, as your inventory lists them: `{ name, address, hostKey }` each (see README.md).
const swarm = new SwarmCluster("lab", {
  existingHosts: {
    user: config.get("sshUser") ?? "root",
    privateKey: config.requireSecret("sshPrivateKey"),
    managers: config.requireObject<ExistingHostArgs[]>("managers"),
    workers: config.getObject<ExistingHostArgs[]>("workers") ?? [],
  },
});

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
export const workerToken = swarm.workerToken;
