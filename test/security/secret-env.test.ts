import assert from "node:assert/strict";
import { test } from "node:test";
import { UNKNOWN_VALUE } from "../../src/resources/recorder";
import { DOCKER_CONTAINER_TYPE, DOCKER_SERVICE_TYPE } from "../../src/security/containers";
import { envEntries, isLiteralValue, isSecretVariableName, literalSecretsOf, nameWords } from "../../src/security/secret-env";
import { recordedResource } from "../helpers/recorded";

/** Secret words as a name's last words, each in the words a user may split it into. */
const SECRET_STEMS: string[][] = [["password"], ["passwd"], ["pwd"], ["pass"], ["passphrase"], ["secret"], ["token"], ["api", "key"], ["apikey"], ["private", "key"], ["access", "key"], ["secret", "key"], ["credential"], ["credentials"]];
const PREFIXES: string[][] = [[], ["mysql", "root"], ["db"], ["x"], ["github"], ["app", "2"]];
const SUFFIXES: string[][] = [[], ["2"], ["01"]];

/** Every spelling of a list of words: UPPER_SNAKE, lower_snake, kebab, dotted, camelCase, PascalCase. */
function spellings(words: string[]): string[] {
  const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  return [
    words.map((w) => w.toUpperCase()).join("_"),
    words.join("_"),
    words.join("-"),
    words.join("."),
    words.map((w, i) => (i === 0 ? w : cap(w))).join(""),
    words.map(cap).join(""),
  ];
}

const secretNames = SECRET_STEMS.flatMap((stem) => PREFIXES.flatMap((p) => SUFFIXES.flatMap((s) => spellings([...p, ...stem, ...s]))));
/** Names that say nothing secret, or name a file holding the secret. */
const plainNames = [
  ...SECRET_STEMS.flatMap((stem) => PREFIXES.flatMap((p) => spellings([...p, ...stem, "file"]))),
  ...PREFIXES.flatMap((p) => [["database"], ["user"], ["password", "policy", "url"], ["token", "ttl"], ["cache", "key"], ["passenger"], ["compass"], ["tz"]].flatMap((w) => spellings([...p, ...w]))),
].filter((n) => n !== "");

test(`isSecretVariableName: ${secretNames.length} secret names in every spelling say secret`, () => {
  for (const name of secretNames) assert.equal(isSecretVariableName(name), true, name);
});

test(`isSecretVariableName: ${plainNames.length} other names (and every *_FILE name) do not`, () => {
  for (const name of plainNames) assert.equal(isSecretVariableName(name), false, name);
  for (const name of ["", "_", "__FILE", "2", "FILE"]) assert.equal(isSecretVariableName(name), false, JSON.stringify(name));
});

test("nameWords splits at separators and case changes", () => {
  assert.deepEqual(nameWords("MYSQL_ROOT_PASSWORD"), ["mysql", "root", "password"]);
  assert.deepEqual(nameWords("dbPassword"), ["db", "password"]);
  assert.deepEqual(nameWords("APIKey"), ["api", "key"]);
  assert.deepEqual(nameWords("x--api..KEY__"), ["x", "api", "key"]);
  assert.deepEqual(nameWords("password2"), ["password", "2"]);
});

const LITERALS = ["whalehello", "x", "p@ss w0rd", "$3cret!", "run/secrets/db", "/etc/passwd", "/run/secretsx/a", "a${", "${", "/run/secrets"];
const REFERENCES = ["", "   ", UNKNOWN_VALUE, `\${DB_PASSWORD}`, `\${DB_PASSWORD:-x}`, `pre-\${X}-post`, "$DB_PASSWORD", "/run/secrets/db", "/run/secrets/a/b", "/var/run/secrets/kubernetes.io/token", "/run/credentials/app.service/pw", "//run//secrets/./db", "/tmp/../run/secrets/db"];

test("isLiteralValue: literals (paths outside secret folders included) are literals", () => {
  for (const v of LITERALS) assert.equal(isLiteralValue(v), true, v);
});
test("isLiteralValue: empty, unknown, placeholders and secret-file paths are not", () => {
  for (const v of REFERENCES) assert.equal(isLiteralValue(v), false, v);
  for (const v of [null, 3, true, ["x"], { a: "x" }]) assert.equal(isLiteralValue(v), false, JSON.stringify(v));
});

/** Each target's environment shapes: docker.Container `NAME=value` strings, docker.Service map and strings. */
const TARGETS: Record<string, (env: [string, string][]) => ReturnType<typeof recordedResource>> = {
  "docker.Container envs": (env) => recordedResource(DOCKER_CONTAINER_TYPE, "c", { envs: env.map(([n, v]) => `${n}=${v}`) }),
  "swarm docker.Service env map": (env) => recordedResource(DOCKER_SERVICE_TYPE, "s", { taskSpec: { containerSpec: { image: "x", env: Object.fromEntries(env) } } }),
  "swarm docker.Service env strings": (env) => recordedResource(DOCKER_SERVICE_TYPE, "s", { taskSpec: { containerSpec: { image: "x", env: env.map(([n, v]) => `${n}=${v}`) } } }),
};

for (const [target, make] of Object.entries(TARGETS)) {
  test(`literalSecretsOf flags every secret name with a literal value: ${target}`, () => {
    for (const name of secretNames) {
      for (const value of LITERALS) {
        assert.deepEqual(literalSecretsOf(make([[name, value], ["TZ", "UTC"]])).map((e) => e.name), [name], `${name}=${value}`);
      }
    }
  });
  test(`literalSecretsOf leaves references, _FILE names and other names alone: ${target}`, () => {
    for (const name of secretNames) for (const value of REFERENCES) assert.deepEqual(literalSecretsOf(make([[name, value]])), [], `${name}=${value}`);
    for (const name of plainNames) assert.deepEqual(literalSecretsOf(make([[name, "whalehello"]])), [], name);
  });
  test(`the issue's Compose environment gives exactly its one literal secret: ${target}`, () => {
    const r = make([["MYSQL_ROOT_PASSWORD", "whalehello"], ["MYSQL_PASSWORD_FILE", "/run/secrets/db"]]);
    assert.deepEqual(literalSecretsOf(r).map((e) => [e.name, e.value]), [["MYSQL_ROOT_PASSWORD", "whalehello"]]);
  });
}

test("a value at a secret path (a Pulumi secret) is not a literal; its plain neighbours still are", () => {
  const r = recordedResource(DOCKER_SERVICE_TYPE, "s", { taskSpec: { containerSpec: { env: { DB_PASSWORD: "a", API_TOKEN: "b" } } } }, ["taskSpec.containerSpec.env.DB_PASSWORD"]);
  assert.deepEqual(literalSecretsOf(r).map((e) => e.path), ["taskSpec.containerSpec.env.API_TOKEN"]);
  const c = recordedResource(DOCKER_CONTAINER_TYPE, "c", { envs: ["DB_PASSWORD=a", "API_TOKEN=b"] }, ["envs"]);
  assert.deepEqual(literalSecretsOf(c), []);
});

test("envEntries: strings without '=' and non-strings are skipped; other types have no environment", () => {
  assert.deepEqual(envEntries(["A=1", "B", "=x", 3, "C=a=b"], "envs").map((e) => [e.path, e.name, e.value]), [["envs[0]", "A", "1"], ["envs[4]", "C", "a=b"]]);
  assert.deepEqual(envEntries("A=1", "envs"), []);
  assert.deepEqual(literalSecretsOf(recordedResource("kubernetes:core/v1:Secret", "k", { envs: ["DB_PASSWORD=x"] })), []);
});
