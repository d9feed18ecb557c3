// Stack configuration the way the Pulumi CLI reads it: tables of exact inputs and outputs.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  configString,
  namespacedKey,
  readProjectSettings,
  resolveConfig,
  secretPlaceholder,
} from "../../src/preview/config";

test("namespacedKey adds the project to bare keys only", () => {
  assert.equal(namespacedKey("port", "web"), "web:port");
  assert.equal(namespacedKey("aws:region", "web"), "aws:region");
  assert.equal(namespacedKey("web:port", "web"), "web:port");
});

test("configString: strings as they are, everything else as JSON", () => {
  const table: [unknown, string][] = [
    ["a", "a"],
    [3, "3"],
    [true, "true"],
    [[1, "x"], '[1,"x"]'],
    [{ a: { b: 1 } }, '{"a":{"b":1}}'],
  ];
  for (const [value, text] of table) assert.equal(configString(value), text);
});

test("readProjectSettings reads name, main and config; names each problem", () => {
  assert.deepEqual(readProjectSettings({ name: "p", runtime: "nodejs", main: "src/", config: { a: 1 } }, "Pulumi.yaml"), {
    settings: { name: "p", main: "src/", config: { a: 1 } },
    problems: [],
  });
  assert.deepEqual(readProjectSettings({ name: "p", runtime: { name: "nodejs", options: {} } }, "Pulumi.yaml"), {
    settings: { name: "p", main: undefined, config: {} },
    problems: [],
  });
  assert.deepEqual(readProjectSettings({ runtime: "python", main: 3, config: [] }, "P.yaml").problems, [
    "P.yaml: `name:` must be the project's name",
    'P.yaml: runtime is "python"; berth preview runs Node.js (TypeScript/JavaScript) programs only',
    "P.yaml: `main:` must be a path",
    "P.yaml: `config:` must be a mapping of keys to defaults or declarations",
  ]);
  assert.deepEqual(readProjectSettings("name: x", "P.yaml").problems, [
    "P.yaml: expected a mapping with at least `name:` and `runtime:`",
  ]);
});

test("resolveConfig: defaults, then the stack file, then --config; secure values become marked placeholders", () => {
  const project = {
    name: "web",
    config: {
      port: { type: "integer", default: 8080 },
      mode: "blue",
      "aws:region": { value: "eu-west-1" },
      token: { type: "string", secret: true },
      replicas: { type: "integer" },
    },
  };
  const stack = {
    config: {
      "web:token": { secure: "v1:abc" },
      mode: "green",
      "web:tags": { team: "a", key: { secure: "v1:def" } },
      "web:replicas": 2,
    },
  };
  const resolved = resolveConfig(project, stack, ["port=9090", "aws:region=us-west-2"], "Pulumi.dev.yaml");
  assert.deepEqual(resolved.values, {
    "web:port": "9090",
    "web:mode": "green",
    "aws:region": "us-west-2",
    "web:token": secretPlaceholder("web:token"),
    "web:tags": JSON.stringify({ team: "a", key: secretPlaceholder("web:tags") }),
    "web:replicas": "2",
  });
  assert.deepEqual(resolved.secretKeys, ["web:tags", "web:token"]);
  assert.deepEqual(resolved.problems, []);
  assert.deepEqual(resolved.notes, [
    "web:token is a secure value: it cannot be decrypted offline, the program sees a placeholder marked secret",
    "web:tags is a secure value: it cannot be decrypted offline, the program sees a placeholder marked secret",
  ]);
});

test("resolveConfig reports a declared value with no default that nobody set, and a malformed --config", () => {
  const resolved = resolveConfig({ name: "p", config: { vpcId: { type: "string" } } }, undefined, ["novalue"], "Pulumi.dev.yaml");
  assert.deepEqual(resolved.problems, [
    "--config novalue: expected KEY=VALUE (for example --config p:replicas=3)",
    "configuration value p:vpcId is declared in Pulumi.yaml without a default and is not set in Pulumi.dev.yaml: pass --config vpcId=VALUE",
  ]);
  assert.deepEqual(resolveConfig({ name: "p", config: {} }, { config: "x" }, []).problems, [
    "Pulumi.<stack>.yaml: `config:` must be a mapping of keys to values",
  ]);
});

