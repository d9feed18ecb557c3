import assert from "node:assert/strict";
import { test } from "node:test";
import { DOCKER_CONTAINER_TYPE, DOCKER_SERVICE_TYPE } from "../../src/security/containers";
import { HOST_PATH_RULE, hostPathMounts } from "../../src/security/host-paths";
import { sensitiveHostPath } from "../../src/security/sensitive-host-paths";
import { recordedResource } from "../helpers/recorded";

const flagged = ["/", "//", "/.", "/etc", "/etc/", "/etc/ssl/private", "/root", "/root/.ssh", "/var/run/docker.sock", "/proc", "/proc/1/root", "/sys", "/sys/fs/cgroup", "/boot", "/dev", "/dev/sda", "/srv/../etc", "/home/../"];
const clean = ["/srv/app", "/home/user/data", "/etcetera", "/rooted", "/devices", "/var/lib/app", "./data", "data", "named-volume", "/var/run/other.sock", "/procs"];

const containerVolume = (p: string) => recordedResource(DOCKER_CONTAINER_TYPE, "c", { volumes: [{ hostPath: p, containerPath: "/host" }] });
const containerMount = (p: string) => recordedResource(DOCKER_CONTAINER_TYPE, "c", { mounts: [{ type: "bind", source: p, target: "/host" }] });
const serviceMount = (p: string) => recordedResource(DOCKER_SERVICE_TYPE, "s", { taskSpec: { containerSpec: { image: "x", mounts: [{ type: "bind", source: p, target: "/host" }] } } });
const shapes = { "docker.Container volumes": containerVolume, "docker.Container mounts": containerMount, "swarm docker.Service mounts": serviceMount };

for (const [shape, make] of Object.entries(shapes)) {
  test(`host-path-mounted flags the host root and sensitive folders (and their children): ${shape}`, () => {
    for (const p of flagged) {
      const findings = hostPathMounts([make(p)], { secrets: new Set() });
      assert.deepEqual(findings.map((f) => f.rule), [HOST_PATH_RULE], p);
      assert.match(findings[0]!.message, new RegExp(`host path ${p.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")} `));
    }
  });
  test(`host-path-mounted leaves other sources alone: ${shape}`, () => {
    for (const p of clean) assert.deepEqual(hostPathMounts([make(p)], { secrets: new Set() }), [], p);
  });
}

test("named volumes (not binds) on a swarm service or container are not host paths, whatever their name", () => {
  const r = recordedResource(DOCKER_SERVICE_TYPE, "s", { taskSpec: { containerSpec: { mounts: [{ type: "volume", source: "/etc", target: "/x" }] } } });
  const c = recordedResource(DOCKER_CONTAINER_TYPE, "c", { mounts: [{ type: "volume", source: "/etc", target: "/x" }] });
  assert.deepEqual(hostPathMounts([r, c], { secrets: new Set() }), []);
});

test("sensitiveHostPath names the folder matched", () => {
  assert.equal(sensitiveHostPath("/"), "/");
  assert.equal(sensitiveHostPath("/etc/ssl"), "/etc");
  assert.equal(sensitiveHostPath("/srv/../proc/1"), "/proc");
  assert.equal(sensitiveHostPath("/etcx"), undefined);
  assert.equal(sensitiveHostPath(42), undefined);
});
