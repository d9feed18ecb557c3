/**
 * Berth's main job (the root Pulumi.yaml): one DockerContainer on the local Docker engine. It pulls
 * nginx:1.27-alpine, publishes port 80 on 127.0.0.1:<hostPort>, and is done only when the nginx process runs and
 * port 80 accepts connections. Runs from the TypeScript sources, without a build.
 *
 * Config: `hostPort` (default 8080); `image`, `process` and `port` (defaults nginx:1.27-alpine, nginx, 80) let the
 * same program run with another image, e.g. on a machine that cannot reach a registry.
 */
import * as pulumi from "@pulumi/pulumi";
import { DockerContainer } from "../src/docker";

const config = new pulumi.Config();
const hostPort = config.getNumber("hostPort") ?? 8080;
const [repository, tag] = (config.get("image") ?? "nginx:1.27-alpine").split(":");
const processName = config.get("process") ?? "nginx";
const port = config.getNumber("port") ?? 80;
const command = config.getObject<string[]>("command");

const web = new DockerContainer("web", {
  name: `berth-web-${pulumi.getStack()}`,
  image: { repository: repository!, tag: tag ?? "latest" },
  ports: [{ internal: port, external: hostPort, ip: "127.0.0.1" }],
  command,
  start: { processesToWaitFor: [processName], waitForPorts: [port], retryInterval: 1, timeout: 120 },
  stop: { params: { timeout: 10 }, retryInterval: 1 },
});

export const containerId = web.containerId;
export const containerName = web.containerName;
export const imageId = web.imageId;
export const ipAddress = web.ipAddress;
export const ports = web.ports;
export const ready = web.ready;
export const url = pulumi.interpolate`http://127.0.0.1:${hostPort}/`;
