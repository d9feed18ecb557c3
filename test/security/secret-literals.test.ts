import assert from "node:assert/strict";
import { test } from "node:test";
import { DOCKER_CONTAINER_TYPE, DOCKER_SERVICE_TYPE } from "../../src/security/containers";
import { SECRET_LITERAL_RULE, secretLiterals } from "../../src/security/secret-literals";
import { recordedResource } from "../helpers/recorded";

const literal: [string, string][] = [["MYSQL_ROOT_PASSWORD", "whalehello"], ["POSTGRES_PASSWORD", "x"], ["API_KEY", "abc"], ["GITHUB_TOKEN", "ghp_1"], ["APP_SECRET", "s"], ["aws_access_key", "AK"], ["DB_PASS", "p"]];
const fine: [string, string][] = [["MYSQL_ROOT_PASSWORD_FILE", "/run/secrets/x"], ["POSTGRES_PASSWORD_FILE", "/run/secrets/db"], ["API_KEY_FILE", "/run/secrets/k"], ["MYSQL_DATABASE", "app"], ["PASSWORD_POLICY_URL", "http://x"], ["MYSQL_PASSWORD", ""], ["TZ", "UTC"]];

const container = (n: string, v: string) => recordedResource(DOCKER_CONTAINER_TYPE, "c", { envs: [`${n}=${v}`] });
const service = (n: string, v: string) => recordedResource(DOCKER_SERVICE_TYPE, "s", { taskSpec: { containerSpec: { image: "x", env: { [n]: v } } } });

for (const [shape, make] of Object.entries({ "docker.Container envs": container, "swarm docker.Service env": service })) {
  test(`secret-literal flags literal secrets: ${shape}`, () => {
    for (const [n, v] of literal) {
      const found = secretLiterals([make(n, v)], { secrets: new Set() });
      assert.deepEqual(found.map((f) => f.rule), [SECRET_LITERAL_RULE], n);
      assert.match(found[0]!.message, new RegExp(`${n}_FILE`));
      assert.doesNotMatch(found[0]!.message, new RegExp(`=${v}\\b`));
    }
  });
  test(`secret-literal leaves _FILE references and other variables alone: ${shape}`, () => {
    for (const [n, v] of fine) assert.deepEqual(secretLiterals([make(n, v)], { secrets: new Set() }), [], n);
  });
}

test("a secret-wrapped value is not a literal", () => {
  const r = { ...service("MYSQL_PASSWORD", "whalehello"), secretPaths: ["taskSpec.containerSpec.env"] };
  assert.deepEqual(secretLiterals([r], { secrets: new Set() }), []);
});
