import assert from "node:assert/strict";
import { test } from "node:test";
import type { RecordedValue } from "../../src/resources/recorder";
import { UNKNOWN_VALUE } from "../../src/resources/recorder";
import { DOCKER_CONTAINER_TYPE, DOCKER_SERVICE_TYPE } from "../../src/security/containers";
import { SENSITIVE_HOST_ROOTS, bindSourcesOf, normalHostPath, sensitiveBindsOf, sensitiveHostPath } from "../../src/security/sensitive-host-paths";
import { recordedResource } from "../helpers/recorded";

/** Every way of writing one host path: as is, with a trailing slash, doubled slashes, `.` and `..` detours. */
function shapes(path: string): string[] {
  const out = [path, `${path}/`, path.replaceAll("/", "//"), `/.${path}`, `/tmp/..${path}`, `/../..${path}`];
  return path === "/" ? [...new Set(out), "//", "/.", "/tmp/.."] : out;
}

/** Sensitive sources, each with the sensitive path it is or lies under. */
const FLAGGED: [string, string][] = [
  ...shapes("/").map((s): [string, string] => [s, "/"]),
  ...SENSITIVE_HOST_ROOTS.flatMap((root) =>
    [root, `${root}/x`, `${root}/a/b.conf`].flatMap((p) => shapes(p).map((s): [string, string] => [s, root])),
  ),
];
/** Sources that are not sensitive: data folders, look-alikes, relatives, names, unknowns. */
const FINE: string[] = [
  "/srv/data", "/home/app", "/var/lib/app", "/opt", "/etcetera", "/etc-backup", "/rooted", "/devices", "/proc2", "/system",
  "/var/run/docker.sock.bak", "/run/docker", "/bootstrap", "./etc", "etc", "data", "~/x", "", UNKNOWN_VALUE, "/etc/../srv",
];

test(`sensitiveHostPath: ${FLAGGED.length} shapes of /, /etc, /root, the Docker sockets, /proc, /sys, /boot, /dev and their children`, () => {
  for (const [source, root] of FLAGGED) assert.equal(sensitiveHostPath(source), root, source);
});
test(`sensitiveHostPath: ${FINE.length} other sources and non-strings are not sensitive`, () => {
  for (const source of FINE) assert.equal(sensitiveHostPath(source), undefined, source);
  for (const v of [null, 1, ["/"], { source: "/" }] as RecordedValue[]) assert.equal(sensitiveHostPath(v), undefined, JSON.stringify(v));
});
test("normalHostPath resolves separators, dots and climbs above the root", () => {
  assert.equal(normalHostPath("//a/./b/../c/"), "/a/c");
  assert.equal(normalHostPath("/../../"), "/");
});

/** Each target's bind shapes for one host path. */
const TARGETS: Record<string, (source: string) => ReturnType<typeof recordedResource>> = {
  "docker.Container volumes[].hostPath": (s) => recordedResource(DOCKER_CONTAINER_TYPE, "c", { volumes: [{ containerPath: "/host", hostPath: s }] }),
  "docker.Container mounts[] (bind by default)": (s) => recordedResource(DOCKER_CONTAINER_TYPE, "c", { mounts: [{ target: "/host", source: s }] }),
  "docker.Container mounts[] type bind": (s) => recordedResource(DOCKER_CONTAINER_TYPE, "c", { mounts: [{ target: "/host", source: s, type: "bind" }] }),
  "swarm docker.Service mounts[] type bind": (s) => recordedResource(DOCKER_SERVICE_TYPE, "s", { taskSpec: { containerSpec: { image: "x", mounts: [{ target: "/host", source: s, type: "bind" }] } } }),
};

for (const [target, make] of Object.entries(TARGETS)) {
  test(`sensitiveBindsOf flags every sensitive shape: ${target}`, () => {
    for (const [source, root] of FLAGGED) assert.deepEqual(sensitiveBindsOf(make(source)).map((b) => b.sensitive), [root], source);
  });
  test(`sensitiveBindsOf leaves other sources alone: ${target}`, () => {
    for (const source of FINE) assert.deepEqual(sensitiveBindsOf(make(source)), [], source);
  });
}

test("named volumes and tmpfs are not binds: the same source under those types is not a host path", () => {
  for (const type of ["volume", "tmpfs", "npipe"]) {
    assert.deepEqual(sensitiveBindsOf(recordedResource(DOCKER_CONTAINER_TYPE, "c", { mounts: [{ target: "/x", source: "/etc", type }] })), [], type);
    assert.deepEqual(sensitiveBindsOf(recordedResource(DOCKER_SERVICE_TYPE, "s", { taskSpec: { containerSpec: { mounts: [{ target: "/x", source: "/etc", type }] } } })), [], type);
  }
  // A service mount with no type is the engine's default, a volume.
  assert.deepEqual(sensitiveBindsOf(recordedResource(DOCKER_SERVICE_TYPE, "s", { taskSpec: { containerSpec: { mounts: [{ target: "/x", source: "/etc" }] } } })), []);
});

test("bindSourcesOf gives each bind's input path; other types have none", () => {
  const r = recordedResource(DOCKER_CONTAINER_TYPE, "c", { volumes: [{ volumeName: "v", containerPath: "/d" }, { hostPath: "/" }], mounts: [{ source: "/srv", target: "/s" }] });
  assert.deepEqual(bindSourcesOf(r), [{ path: "volumes[1].hostPath", source: "/" }, { path: "mounts[0].source", source: "/srv" }]);
  assert.deepEqual(bindSourcesOf(recordedResource("kubernetes:core/v1:Pod", "p", { volumes: [{ hostPath: "/" }] })), []);
});
