// The security report: each rule on hand-made resources (tables of exact inputs and findings), and every rule of
// src/security caught on test/fixtures/preview/insecure, the program built to break them all.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { PreviewDocument } from "../../src/preview/document";
import { reaches, runSecurityRules, secretValues, securityRuleLists } from "../../src/preview/security-report";
import { dockerSocketMounts, privilegedContainers } from "../../src/security/containers";
import { parseImageRef } from "../../src/core/image-ref";
import { unpinnedImages, unpinnedReason } from "../../src/security/images";
import type { RecordedValue } from "../../src/resources/recorder";
import { berth } from "./cli-harness";
import { recordedResource } from "../helpers/recorded";

const CONTAINER = "docker:index/container:Container";
const SERVICE = "docker:index/service:Service";
const context = { secrets: new Set<string>() };
const podWith = (container: Record<string, RecordedValue>, volumes: RecordedValue[] = []): Record<string, RecordedValue> => ({
  spec: { template: { spec: { containers: [container], volumes } } },
});

test("parseImageReference: tag, digest, registry port", () => {
  const table: [string, { tag?: string; digest?: string }][] = [
    ["nginx", {}],
    ["nginx:1.27", { tag: "1.27" }],
    ["registry:5000/team/app", {}],
    ["registry:5000/team/app:2", { tag: "2" }],
    ["app@sha256:abc", { digest: "sha256:abc" }],
    ["app:1@sha256:abc", { tag: "1", digest: "sha256:abc" }],
  ];
  for (const [ref, expected] of table) {
    const { tag, digest } = parseImageRef(ref);
    assert.deepEqual({ ...(tag === undefined ? {} : { tag }), ...(digest === undefined ? {} : { digest }) }, expected, ref);
  }
});

test("unpinnedReason: only no tag and latest are unpinned; ids and unknowns are not references", () => {
  const table: [string, boolean][] = [
    ["nginx", true],
    ["nginx:latest", true],
    ["registry:5000/app", true],
    ["nginx:1.27", false],
    ["nginx@sha256:0123", false],
    ["nginx:latest@sha256:0123", false],
    [`sha256:${"a".repeat(64)}`, false],
    ["(known after deploy)", false],
    ["", false],
  ];
  for (const [ref, unpinned] of table) assert.equal(unpinnedReason(ref) !== undefined, unpinned, ref);
});

test("unpinned-image reads RemoteImage, Container, Service and pod specs", () => {
  const found = unpinnedImages(
    [
      recordedResource("docker:index/remoteImage:RemoteImage", "a", { name: "redis" }),
      recordedResource("docker:index/remoteImage:RemoteImage", "ok", { name: "redis:7.2" }),
      recordedResource(CONTAINER, "b", { image: "alpine:latest" }),
      recordedResource(CONTAINER, "id", { image: `sha256:${"b".repeat(64)}` }),
      recordedResource(SERVICE, "c", { taskSpec: { containerSpec: { image: "traefik" } } }),
      recordedResource("kubernetes:batch/v1:CronJob", "d", {
        spec: { jobTemplate: { spec: { template: { spec: { initContainers: [{ image: "busybox" }], containers: [{ image: "app:3" }] } } } } },
      }),
      recordedResource("kubernetes:core/v1:Pod", "e", { spec: { containers: [{ image: "x:latest" }] } }),
    ],
    context,
  );
  assert.deepEqual(
    found.map((f) => [f.rule, f.severity, f.urn.split("::").pop()]),
    [
      ["unpinned-image", "medium", "a"],
      ["unpinned-image", "medium", "b"],
      ["unpinned-image", "medium", "c"],
      ["unpinned-image", "medium", "d"],
      ["unpinned-image", "medium", "e"],
    ],
  );
  assert.match(found[3]!.message, /spec\.jobTemplate\.spec\.template\.spec\.initContainers\[0\]\.image/);
});

test("privileged-container: docker privileged or ALL capabilities, service ALL, pod securityContext", () => {
  const found = privilegedContainers(
    [
      recordedResource(CONTAINER, "a", { privileged: true }),
      recordedResource(CONTAINER, "no", { privileged: false, capabilities: { adds: ["NET_ADMIN"] } }),
      recordedResource(CONTAINER, "b", { capabilities: { adds: ["ALL"] } }),
      recordedResource(SERVICE, "c", { taskSpec: { containerSpec: { capAdds: ["ALL"] } } }),
      recordedResource("kubernetes:apps/v1:DaemonSet", "d", podWith({ securityContext: { privileged: true } })),
      recordedResource("kubernetes:apps/v1:Deployment", "safe", podWith({ securityContext: { privileged: false } })),
    ],
    context,
  );
  assert.deepEqual(
    found.map((f) => [f.rule, f.severity, f.urn.split("::").pop()]),
    [
      ["privileged-container", "high", "a"],
      ["privileged-container", "high", "b"],
      ["privileged-container", "high", "c"],
      ["privileged-container", "high", "d"],
    ],
  );
});

test("docker-socket-mounted: volumes, bind mounts, service binds, hostPath; other paths and volume mounts pass", () => {
  const found = dockerSocketMounts(
    [
      recordedResource(CONTAINER, "a", { volumes: [{ hostPath: "/var/run/docker.sock", containerPath: "/s" }] }),
      recordedResource(CONTAINER, "b", { mounts: [{ type: "bind", source: "/run/", target: "/r" }] }),
      recordedResource(CONTAINER, "no", { volumes: [{ hostPath: "/srv/data" }], mounts: [{ type: "volume", source: "/var/run/docker.sock" }] }),
      recordedResource(SERVICE, "c", { taskSpec: { containerSpec: { mounts: [{ type: "bind", source: "/var/run/docker.sock" }] } } }),
      recordedResource("kubernetes:apps/v1:StatefulSet", "d", podWith({}, [{ name: "s", hostPath: { path: "/var/run/docker.sock" } }])),
      recordedResource("kubernetes:apps/v1:StatefulSet", "safe", podWith({}, [{ name: "s", hostPath: { path: "/var/log" } }])),
    ],
    context,
  );
  assert.deepEqual(
    found.map((f) => [f.rule, f.severity, f.urn.split("::").pop()]),
    [
      ["docker-socket-mounted", "high", "a"],
      ["docker-socket-mounted", "high", "b"],
      ["docker-socket-mounted", "high", "c"],
      ["docker-socket-mounted", "high", "d"],
    ],
  );
});

test("runSecurityRules sorts most severe first; reaches compares with the threshold", () => {
  const findings = runSecurityRules(
    [unpinnedImages, privilegedContainers],
    [recordedResource(CONTAINER, "x", { image: "a", privileged: true })],
    context,
  );
  assert.deepEqual(
    findings.map((f) => f.rule),
    ["privileged-container", "unpinned-image"],
  );
  assert.equal(reaches(findings, "high"), true);
  assert.equal(reaches(findings.slice(1), "high"), false);
  assert.equal(reaches(findings.slice(1), "medium"), true);
  assert.equal(reaches([], "low"), false);
});

test("every rule list exported from src/security catches something on the insecure program", async () => {
  const run = await berth("preview", "test/fixtures/preview/insecure", "--format", "json");
  assert.equal(run.code, 0, run.err);
  const doc = JSON.parse(run.out) as PreviewDocument;
  const pairs = doc.findings.map((f) => `${f.rule} ${f.urn.split("::").pop()}`).sort();
  for (const expected of [
    "docker-socket-mounted agent",
    "docker-socket-mounted builder",
    "docker-socket-mounted privileged",
    "docker-socket-mounted socket-bind",
    "privileged-container agent",
    "privileged-container builder",
    "privileged-container privileged",
    "unpinned-image agent",
    "unpinned-image builder",
    "unpinned-image latest-tag",
    "unpinned-image no-tag",
    "unpinned-image privileged",
    "world-open-management-port ssh-world",
    "secret-in-plain-text leaky",
  ]) {
    assert.ok(pairs.includes(expected), `missing ${expected}; found:\n${pairs.join("\n")}`);
  }
  const lists = securityRuleLists();
  assert.ok(lists.some((l) => l.name === "containerSecurityRules"));
  assert.ok(lists.some((l) => l.name === "imageSecurityRules"));
  assert.ok(lists.flatMap((l) => l.rules).length >= 5, "the container, image and cluster rules all run");
  // Each rule of each list, run alone over the same resources, must find at least one problem.
  const recorded = doc.resources.map((r) => ({
    ...recordedResource(r.type, r.name, r.inputs),
    urn: r.urn,
    custom: r.custom,
    secretPaths: r.secretInputs,
  }));
  const leaked = { secrets: new Set(["swarm-join-token-SWMTKN-1-preview"]) };
  for (const list of lists) {
    list.rules.forEach((rule, i) => {
      assert.ok(rule(recorded, leaked).length > 0, `${list.name}[${i}] finds nothing on the insecure program`);
    });
  }
  assert.match(run.err, /Security: \d+ findings \(\d+ high, \d+ medium;/);
});

test("--fail-on: exit 4 when a finding reaches the threshold, 0 otherwise", async () => {
  const failing = await berth("preview", "test/fixtures/preview/insecure", "--fail-on", "high");
  assert.equal(failing.code, 4);
  assert.match(failing.err, /failing: a finding is high or worse \(--fail-on high\)/);
  const clean = await berth("preview", "test/fixtures/preview/web", "--fail-on", "low");
  assert.equal(clean.code, 0, clean.err);
  assert.match(clean.err, /Security: no findings/);
});

test("secretValues: secret inputs, secret computed outputs and config secrets; echoed inputs are not outputs", () => {
  const r = { ...recordedResource(SERVICE, "s", { spec: { image: "app:1", password: "hunter2hunter2" } }), secretPaths: ["spec.password"] };
  const found = secretValues(
    [r],
    {
      [r.urn]: {
        id: "x",
        state: { spec: { image: "app:1", password: "hunter2hunter2" }, token: "generated-token" },
        secretPaths: ["spec", "token"],
      },
    },
    ["(secret p:k: not decrypted offline)"],
  );
  assert.deepEqual([...found].sort(), ["(secret p:k: not decrypted offline)", "generated-token", "hunter2hunter2"]);
});
