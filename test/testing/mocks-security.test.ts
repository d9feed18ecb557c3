/**
 * Under berthMocks() every tls.PrivateKey gets its own real key pair, so Berth's own SwarmCluster passes every
 * security rule: before, all keys of one algorithm shared one pair, and the cluster's SSH key pair's public key
 * equalled a secret elsewhere (secret-in-plain-text on apps-site-key.publicKey).
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as crypto from "node:crypto";
import * as path from "node:path";
import { test } from "node:test";
import { deployedKeyPair } from "../../src/testing/deploy-values";
import { mockOutputsFor } from "../../src/testing/plausible-outputs";

test("SwarmCluster under berthMocks(): no security finding of any rule", () => {
  const out = execFileSync(process.execPath, ["--import", "tsx", path.join(__dirname, "mocks-security-program.ts")], { encoding: "utf8", stdio: "pipe" });
  const { resources, findings } = JSON.parse(out) as { resources: number; findings: { rule: string; message: string }[] };
  assert.ok(resources > 10, `the cluster registered its resources (${resources})`);
  assert.deepEqual(findings.map((f) => `[${f.rule}] ${f.message}`), []);
});

/** Resource names of many shapes: cases, separators, prefixes and suffixes, and near-equal pairs. */
const NAMES = ["key", "Key", "KEY", "site-key", "site_key", "site.key", "apps-site-key", "apps-site-key-0", "apps-site-key-1", "a", "ä-kéy", "x".repeat(200), "join key", ""];

for (const algorithm of ["RSA", "ED25519", "ECDSA"]) {
  test(`deployedKeyPair(${algorithm}): each name its own valid pair, the same pair each time for one name`, () => {
    const pairs = NAMES.map((name) => deployedKeyPair(algorithm, name));
    const privates = pairs.map((p) => p["privateKeyPem"]);
    assert.equal(new Set(privates).size, NAMES.length, "no two names share a private key");
    assert.equal(new Set(pairs.map((p) => p["publicKeyPem"])).size, NAMES.length, "no two names share a public key");
    for (const [i, name] of NAMES.entries()) {
      assert.deepEqual(deployedKeyPair(algorithm, name), pairs[i], `"${name}" gets the same pair again`);
      assert.deepEqual(deployedKeyPair(algorithm.toLowerCase(), name), pairs[i], "the algorithm is read case-insensitively");
      const p = pairs[i]!;
      const derived = crypto.createPublicKey(crypto.createPrivateKey(p["privateKeyPem"]!)).export({ type: "spki", format: "pem" }).toString();
      assert.equal(derived, p["publicKeyPem"], `"${name}": the public key is the private key's`);
    }
  });
}

test("one name under two algorithms gets two different pairs", () => {
  assert.notEqual(deployedKeyPair("RSA", "same")["privateKeyPem"], deployedKeyPair("ED25519", "same")["privateKeyPem"]);
});

test("berthMocks' tls.PrivateKey row: two resources' deploy outputs never share a key; one resource's are stable", () => {
  const of = (name: string) => mockOutputsFor({ type: "tls:index/privateKey:PrivateKey", name, inputs: { algorithm: "RSA" }, region: "us-east-1" }).deployOutputs;
  const names = ["apps-site-key", "apps-join-key", "apps-ca-key", "APPS_SITE_KEY"];
  const keys = names.map((n) => of(n)["privateKeyPem"]);
  assert.equal(new Set(keys).size, names.length);
  assert.equal(of("apps-site-key")["privateKeyPem"], keys[0]);
});
