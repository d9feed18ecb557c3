/**
 * The Compose project (the host's root bind-mounted, a literal MYSQL_ROOT_PASSWORD, a MYSQL_PASSWORD_FILE
 * reference) through both targets: ComposeProject records a docker.Container (`envs` strings, `volumes[].hostPath`),
 * SwarmStack a docker.Service (`taskSpec.containerSpec.env`, bind `mounts[].source`). On each, the helpers find
 * exactly the one literal secret and the one sensitive bind, never the `_FILE` reference.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, test } from "node:test";
import type { Recorder as RecorderType } from "../../src/resources/recorder";
import { DOCKER_CONTAINER_TYPE, DOCKER_SERVICE_TYPE } from "../../src/security/containers";
import { literalSecretsOf } from "../../src/security/secret-env";
import { sensitiveBindsOf } from "../../src/security/sensitive-host-paths";

let rec: RecorderType;
let dir: string;

before(async () => {
  const { Recorder } = await import("../../src/resources/recorder.js");
  rec = await Recorder.install();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "berth-sec-"));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The project, with the variable names spelled in several ways (the literal one always secret-named). */
const SPELLINGS: [string, string][] = [
  ["MYSQL_ROOT_PASSWORD", "MYSQL_PASSWORD_FILE"],
  ["mysql_root_password", "mysql_password_file"],
  ["MysqlRootPassword", "MysqlPasswordFile"],
  ["DB_API_TOKEN", "DB_API_TOKEN_FILE"],
];

for (const [i, [literal, reference]] of SPELLINGS.entries()) {
  test(`both targets find exactly ${literal} and the / bind, never ${reference}`, async () => {
    const file = path.join(dir, `compose-${i}.yaml`);
    fs.writeFileSync(
      file,
      `services:\n  db:\n    image: mysql:8.0\n    environment:\n      ${literal}: whalehello\n      ${reference}: /run/secrets/db\n    volumes:\n      - /:/host\n`,
    );
    const { ComposeProject } = await import("../../src/docker/compose-project.js");
    const { SwarmStack } = await import("../../src/swarm/stack.js");
    await rec.settle();
    rec.reset();
    new ComposeProject(`p${i}`, { file, root: dir });
    new SwarmStack(`s${i}`, { file, root: dir });
    await rec.settle();
    for (const type of [DOCKER_CONTAINER_TYPE, DOCKER_SERVICE_TYPE]) {
      const resources = rec.ofType(type);
      assert.equal(resources.length, 1, type);
      const r = resources[0]!;
      assert.deepEqual(literalSecretsOf(r).map((e) => [e.name, e.value]), [[literal, "whalehello"]], type);
      assert.deepEqual(sensitiveBindsOf(r).map((b) => [b.source, b.sensitive]), [["/", "/"]], type);
    }
  });
}
