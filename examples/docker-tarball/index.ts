/**
 * An image imported from a root-filesystem tarball (`docker import`), which @pulumi/docker cannot do: the import is
 * keyed on the tarball's sha256, so an unchanged tarball is never imported twice and a changed one replaces the
 * image and the container. The container is ready when port 8080 accepts connections and its log says so.
 */
import * as pulumi from "@pulumi/pulumi";
import { DockerContainer } from "berth/docker";

const config = new pulumi.Config();
// A tarball holding a static busybox in /bin (see scripts/dockerd.sh for how the tests build one).
const tarball = config.require("tarball");

const app = new DockerContainer("app", {
  name: `berth-tarball-${pulumi.getStack()}`,
  image: { src: tarball, repository: "berth-example/busybox", tag: "1", keepLocally: false },
  command: ["sh", "-c", "echo listening on 8080; exec httpd -f -p 8080"],
  ports: [{ internal: 8080, ip: "127.0.0.1" }],
  labels: { "example.berth/name": "docker-tarball" },
  start: { processesToWaitFor: ["httpd"], waitForPorts: [8080], waitForLog: "^listening on \\d+$", timeout: 60 },
  stop: { retryInterval: 1 },
});

export const imageId = app.imageId;
export const ports = app.ports;
export const ready = app.ready;
