/**
 * A Compose file on a single Docker host: DockerContainers, a network and a volume, created in depends_on order.
 * `db` must report healthy before `migrate` starts, and `migrate` must exit 0 before `web` starts.
 */
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { ComposeProject } from "berth/docker";

const config = new pulumi.Config();

const app = new ComposeProject("visits", {
  file: path.join(__dirname, "compose.yaml"),
  variables: { DB_PASSWORD: config.get("dbPassword") ?? "change-me" },
  ...(config.get("dockerHost") ? { host: { url: config.get("dockerHost") } } : {}),
});

export const containers = app.containerNames;
export const warnings = app.warnings;
