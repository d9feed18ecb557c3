/**
 * A container configured the way a Cloudify blueprint configures `cloudify.docker.Container`: docker-py `params`
 * for create, start and stop, a process to wait for, and the stop confirmed before delete.
 */
import * as pulumi from "@pulumi/pulumi";
import { DockerContainer } from "berth/docker";

const config = new pulumi.Config();
const [repository, tag] = (config.get("image") ?? "nginx:1.27-alpine").split(":");
const processName = config.get("process") ?? "nginx";
const command = config.getObject<string[]>("command");

const web = new DockerContainer("web", {
  name: `berth-pull-${pulumi.getStack()}`,
  image: { repository: repository!, tag: tag ?? "latest" },
  command,
  create: {
    params: {
      environment: { GREETING: "hello from berth" },
      mem_limit: "128m",
      labels: { "example.berth/name": "docker-pull" },
      host_config: { restart_policy: { Name: "on-failure", MaximumRetryCount: 3 } },
    },
  },
  start: { params: { port_bindings: { 80: ["127.0.0.1", config.getNumber("hostPort") ?? 8081] } }, processesToWaitFor: [processName], retryInterval: 1, timeout: 120 },
  stop: { params: { timeout: 5 }, retryInterval: 1 },
});

export const containerId = web.containerId;
export const ports = web.ports;
export const ready = web.ready;
