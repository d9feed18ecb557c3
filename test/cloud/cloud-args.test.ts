import assert from "node:assert/strict";
import { test } from "node:test";
import { isCidr } from "../../src/core/cidr";
import { renderCloudInit } from "../../src/cloud/cloud-init";
import { shellQuote } from "../../src/core/shell-quote";
import { assertValidCloudConfig } from "./validators";

const cidrs: [string, boolean][] = [
  ["203.0.113.0/24", true],
  ["0.0.0.0/0", true],
  ["10.0.0.0/33", false],
  ["256.0.0.0/8", false],
  ["10.0.0.0", false],
  ["::/0", true],
  ["2001:db8::/48", true],
  ["2001:db8::/129", false],
  ["office", false],
  ["::::::/64", false],
];
for (const [cidr, ok] of cidrs) test(`isCidr(${cidr}) is ${ok}`, () => assert.equal(isCidr(cidr), ok));

const quotes: [string, string][] = [
  ["plain-word_1.2", "plain-word_1.2"],
  ["two words", "'two words'"],
  ["it's", `'it'\\''s'`],
  ["", "''"],
];
for (const [input, out] of quotes) test(`shellQuote(${JSON.stringify(input)})`, () => assert.equal(shellQuote(input), out));

test("renderCloudInit: the exact document, keys in cloud-init's order, and valid for cloud-init", () => {
  const text = renderCloudInit({
    hostname: "c-worker-0",
    packages: ["docker.io"],
    files: [{ path: "/etc/x", content: "a\n", permissions: "0600" }],
    users: [{ name: "u", groups: "docker", sshAuthorizedKeys: ["ssh-ed25519 AAAA"] }],
    runcmd: [["echo", "hi"]],
  });
  assert.equal(
    text,
    [
      "#cloud-config",
      "hostname: c-worker-0",
      "preserve_hostname: false",
      "users:",
      "  - default",
      "  - name: u",
      "    shell: /bin/bash",
      "    lock_passwd: true",
      "    groups: docker",
      "    ssh_authorized_keys:",
      "      - ssh-ed25519 AAAA",
      "package_update: true",
      "packages:",
      "  - docker.io",
      "write_files:",
      "  - path: /etc/x",
      "    content: |",
      "      a",
      "    permissions: '0600'",
      "    owner: root:root",
      "runcmd:",
      "  - - echo",
      "    - hi",
      "",
    ].join("\n"),
  );
  assertValidCloudConfig(text);
  assert.equal(renderCloudInit({}), "#cloud-config\n{}\n");
  assertValidCloudConfig(renderCloudInit({}));
});
