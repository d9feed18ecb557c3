/** resolveEngineAddress: every accepted address form, and every problem, as a table. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { type EngineAddress, type EngineHost, resolveEngineAddress } from "../../src/docker/engine-host";

const accepted: [string, EngineHost, Record<string, string>, EngineAddress][] = [
  ["a plain socket path", { url: "/run/docker.sock" }, {}, { transport: "unix", socketPath: "/run/docker.sock", url: "unix:///run/docker.sock", identityFiles: [] }],
  ["unix://", { url: "unix:///var/run/docker.sock" }, {}, { transport: "unix", socketPath: "/var/run/docker.sock", url: "unix:///var/run/docker.sock", identityFiles: [] }],
  ["DOCKER_HOST when no url", {}, { DOCKER_HOST: "unix:///tmp/d.sock" }, { transport: "unix", socketPath: "/tmp/d.sock", url: "unix:///tmp/d.sock", identityFiles: [] }],
  ["the default socket", {}, {}, { transport: "unix", socketPath: "/var/run/docker.sock", url: "unix:///var/run/docker.sock", identityFiles: [] }],
  ["tcp:// without TLS", { url: "tcp://10.0.0.5" }, {}, { transport: "tcp", hostname: "10.0.0.5", port: 2375, url: "tcp://10.0.0.5:2375", identityFiles: [] }],
  ["tcp:// with a cert folder", { url: "tcp://docker.example:2376", certPath: "/certs" }, {}, { transport: "tls", hostname: "docker.example", port: 2376, url: "tcp://docker.example:2376", identityFiles: [] }],
  ["tcp:// with TLS material, default port", { url: "tcp://h", caMaterial: "CA", certMaterial: "C", keyMaterial: "K" }, {}, { transport: "tls", hostname: "h", port: 2376, url: "tcp://h:2376", identityFiles: [] }],
  ["ssh://user@host", { url: "ssh://deploy@vm1" }, {}, { transport: "ssh", hostname: "vm1", port: 22, username: "deploy", url: "ssh://deploy@vm1:22", identityFiles: [] }],
  [
    "ssh:// with options",
    { url: "ssh://vm1:2222", sshOpts: ["-i", "/k/id", "-l", "ops", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "ConnectTimeout=7", "-p", "2200"] },
    {},
    { transport: "ssh", hostname: "vm1", port: 2200, username: "ops", url: "ssh://ops@vm1:2200", identityFiles: ["/k/id"], connectTimeout: 7 },
  ],
];

for (const [title, host, env, expected] of accepted) {
  test(`accepts ${title}`, () => {
    assert.deepEqual(resolveEngineAddress(host, env), { address: expected, problems: [] });
  });
}

const refused: [string, EngineHost, { where: string; message: RegExp }[]][] = [
  ["an unknown scheme", { url: "http://h:2375" }, [{ where: "host.url", message: /not a supported engine address; write unix:\/\/\/path/ }]],
  ["a relative unix path", { url: "unix://docker.sock" }, [{ where: "host.url", message: /not an absolute socket path/ }]],
  ["partial TLS material", { url: "tcp://h", caMaterial: "CA" }, [{ where: "host", message: /all three of caMaterial, certMaterial and keyMaterial/ }]],
  ["TLS on a socket", { url: "/s.sock", keyMaterial: "K" }, [{ where: "host", message: /tcp:\/\/ engines only/ }]],
  ["ssh options on tcp", { url: "tcp://h", sshOpts: ["-p", "22"] }, [{ where: "host.sshOpts", message: /ssh:\/\/ engines only/ }]],
  ["an unsupported ssh flag", { url: "ssh://u@h", sshOpts: ["-A"] }, [{ where: "host.sshOpts[0]", message: /"-A" is not supported/ }]],
  ["an unsupported ssh option", { url: "ssh://u@h", sshOpts: ["-o", "ProxyJump=bastion"] }, [{ where: "host.sshOpts[0]", message: /ProxyJump=bastion" is not supported/ }]],
  ["a flag without its value", { url: "ssh://u@h", sshOpts: ["-i"] }, [{ where: "host.sshOpts[0]", message: /needs a value/ }]],
  ["a bad port", { url: "ssh://u@h", sshOpts: ["-p", "99999"] }, [{ where: "host.sshOpts[0]", message: /port "99999" is not 1-65535/ }]],
];

for (const [title, host, expected] of refused) {
  test(`refuses ${title}`, () => {
    const { address, problems } = resolveEngineAddress(host, {});
    assert.equal(address, undefined);
    assert.equal(problems.length, expected.length, JSON.stringify(problems));
    expected.forEach((e, i) => {
      assert.equal(problems[i]!.where, e.where);
      assert.match(problems[i]!.message, e.message);
    });
  });
}
