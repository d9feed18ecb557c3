/**
 * One name table per generated module: Compose service names that collide with what the generator itself declares
 * (its imports, helpers, config readers, the replica list of another service, the replica loop's variables, globals
 * like `undefined`) get other identifiers, and every written program type-checks as a user's project is checked.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { after, test } from "node:test";
import { main } from "../../src/cli/main";
import { typeCheckProjects } from "../helpers/typecheck";

const dir = mkdtempSync(path.join(tmpdir(), "berth-names-"));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Names the generator uses itself, and names that collide with what it derives from other services. */
const HOSTILE = [
  "fs", "path", "docker", "pulumi", "config", "env", "secrets", "stack", "registryAuth", "registry", "username",
  "DockerContainer", "buildContextDigest", "dependsOnLabel", "imageReference", "containerNames", "i", "childName",
  "codes", "v", "Buffer", "String", "JSON", "Object", "undefined", "NaN", "Infinity", "web", "web-replicas",
  "webReplicas", "web-network", "default-network", "class", "new", "function", "exports", "module", "require",
];

test("services named after the generator's own identifiers: each program type-checks, on both targets", async () => {
  const projects: string[] = [];
  for (const target of ["docker", "swarm"] as const) {
    // Every hostile name as a service, replicated (the loop) and depending on another (the replica lists).
    const services = HOSTILE.map((name, k) => {
      const dep = k > 0 ? `    depends_on: [${JSON.stringify(HOSTILE[k - 1])}]\n` : "";
      return `  ${JSON.stringify(name)}:\n    image: nginx:1.27\n    deploy:\n      replicas: ${k % 2 === 0 ? 2 : 1}\n${dep}`;
    });
    const file = `compose-${target}.yaml`;
    writeFileSync(path.join(dir, file), `services:\n${services.join("")}`);
    let printed = "";
    const print = (t: string): void => {
      printed += t;
    };
    const out = `out-${target}`;
    const code = await main(["compose", file, "--out", out, "--target", target, ...(target === "swarm" ? ["--registry", "127.0.0.1:5000"] : [])], { out: print, err: print, cwd: dir, env: {} });
    assert.equal(code, 0, printed);
    assert.match(printed, new RegExp(`: ${HOSTILE.length} services for ${target}`), printed);
    projects.push(path.join(dir, out));
  }
  typeCheckProjects(projects);
});
