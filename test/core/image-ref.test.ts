// Image references: repository, tag, digest and registry for every shape the engine accepts, registry ports included.
import assert from "node:assert/strict";
import { test } from "node:test";
import { type ImageRef, parseImageRef, registryOf } from "../../src/core/image-ref";

const refs: [string, ImageRef][] = [
  ["nginx", { repository: "nginx", registry: "docker.io" }],
  ["nginx:1.27", { repository: "nginx", tag: "1.27", registry: "docker.io" }],
  ["library/nginx:latest", { repository: "library/nginx", tag: "latest", registry: "docker.io" }],
  ["localhost:5000/app", { repository: "localhost:5000/app", registry: "localhost:5000" }],
  ["localhost:5000/app:2", { repository: "localhost:5000/app", tag: "2", registry: "localhost:5000" }],
  ["localhost/app:2", { repository: "localhost/app", tag: "2", registry: "localhost" }],
  ["registry.example.com/team/app:1.2", { repository: "registry.example.com/team/app", tag: "1.2", registry: "registry.example.com" }],
  ["[::1]:5000/app:1", { repository: "[::1]:5000/app", tag: "1", registry: "[::1]:5000" }],
  [`app@sha256:${"a".repeat(64)}`, { repository: "app", digest: `sha256:${"a".repeat(64)}`, registry: "docker.io" }],
  [`r.io:443/app:1.2@sha256:${"b".repeat(64)}`, { repository: "r.io:443/app", tag: "1.2", digest: `sha256:${"b".repeat(64)}`, registry: "r.io:443" }],
  ["team/app:", { repository: "team/app", tag: "", registry: "docker.io" }],
  ["", { repository: "", registry: "docker.io" }],
];
for (const [ref, want] of refs) test(`parseImageRef(${JSON.stringify(ref)})`, () => assert.deepEqual(parseImageRef(ref), want));

test("a registry port is never read as a tag, for every port and path depth", () => {
  for (const port of [1, 80, 443, 5000, 65535]) {
    for (const path of ["app", "team/app", "a/b/c/app"]) {
      const repo = `reg.local:${port}/${path}`;
      assert.deepEqual(parseImageRef(repo), { repository: repo, registry: `reg.local:${port}` });
      assert.deepEqual(parseImageRef(`${repo}:v${port}`), { repository: repo, tag: `v${port}`, registry: `reg.local:${port}` });
    }
  }
});

const registries: [string, string][] = [
  ["nginx", "docker.io"],
  ["team/app", "docker.io"],
  ["ghcr.io/team/app", "ghcr.io"],
  ["localhost/app", "localhost"],
  ["host:5000/app", "host:5000"],
];
for (const [repo, want] of registries) test(`registryOf(${repo}) is ${want}`, () => assert.equal(registryOf(repo), want));
