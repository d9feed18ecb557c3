/**
 * A Compose file deployed on a swarm as a stack: each service a docker.Service that must converge before the
 * deployment succeeds, rolled back automatically when an update fails. The provider points at a swarm manager.
 */
import * as path from "node:path";
import * as docker from "@pulumi/docker";
import * as pulumi from "@pulumi/pulumi";
import { SwarmStack } from "berth/swarm";

const config = new pulumi.Config();
const manager = new docker.Provider("manager", { host: config.get("managerHost") ?? "unix:///var/run/docker.sock" });

const shop = new SwarmStack(
  "shop",
  {
    file: path.join(__dirname, "compose.yaml"),
    // `${API_TOKEN}` and the image variables may also come from the environment or a .env file beside compose.yaml.
    variables: { API_TOKEN: config.get("apiToken") ?? "change-me" },
    rollbackOnFailure: true,
    convergeTimeoutSeconds: 300,
  },
  { provider: manager },
);

export const stackName = shop.stackName;
export const services = shop.serviceNames;
export const warnings = shop.warnings;
