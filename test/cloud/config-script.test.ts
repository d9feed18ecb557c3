import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";
import { renderConfigScript, renderRootCommand, renderRootStdinCommand } from "../../src/cloud/config-script";
import { assertShellcheckClean } from "./validators";

const b64 = (t: string) => Buffer.from(t).toString("base64");

test("cloud-config as a script: hostname checked, files written atomically from base64, users, then runcmd in order", () => {
  const script = renderConfigScript({
    hostname: "node-a",
    files: [
      { path: "/etc/berth/key", content: "secret\n", permissions: "0600" },
      { path: "/usr/local/sbin/run me", content: "#!/bin/sh\necho '$HOME' `x`\n", permissions: "0755", owner: "root:staff" },
    ],
    users: [{ name: "berth-join", groups: "docker", sshAuthorizedKeys: ['command="/x worker",no-pty ssh-ed25519 AAAA1', "ssh-ed25519 AAAA2\n"] }],
    runcmd: [["/usr/local/sbin/run me", "a b"], ["usermod", "-aG", "docker", "debian"]],
  });
  const lines = script.split("\n");
  assert.deepEqual(lines.slice(0, 5), [
    "#!/bin/bash",
    "# Berth: this machine's bootstrap, run as root over SSH: what cloud-init does with its cloud-config on a new machine.",
    "set -euo pipefail",
    "umask 022",
    'if [ "$(id -u)" -ne 0 ]; then echo "berth: the bootstrap must run as root" >&2; exit 1; fi',
  ]);
  assert.deepEqual(lines.slice(5, 8), ["expected=node-a", "actual=$(hostname)", 'if [ "$actual" != "$expected" ]; then']);
  assert.ok(lines.includes(`printf '%s\\n' ${b64("secret\n")} | berth_write /etc/berth/key 0600 root:root`));
  assert.ok(lines.includes(`printf '%s\\n' ${b64("#!/bin/sh\necho '$HOME' `x`\n")} | berth_write '/usr/local/sbin/run me' 0755 root:staff`));
  // The file's text never reaches the shell as text.
  assert.doesNotMatch(script, /echo '\$HOME'/);
  const tail = lines.slice(lines.indexOf("getent group docker >/dev/null || groupadd docker"));
  assert.deepEqual(tail, [
    "getent group docker >/dev/null || groupadd docker",
    "if id -u berth-join >/dev/null 2>&1; then usermod --shell /bin/bash --append --groups docker berth-join; else useradd --create-home --shell /bin/bash --groups docker berth-join; fi",
    "usermod --lock berth-join",
    "home=$(getent passwd berth-join | cut -d: -f6)",
    "group=$(id -gn berth-join)",
    'install -d -m 0700 -o berth-join -g "$group" "$home/.ssh"',
    `printf '%s\\n' ${b64('command="/x worker",no-pty ssh-ed25519 AAAA1\nssh-ed25519 AAAA2\n')} | berth_write "$home/.ssh/authorized_keys" 0600 berth-join:"$group"`,
    "'/usr/local/sbin/run me' 'a b'",
    "usermod -aG docker debian",
    "",
  ]);
  assertShellcheckClean(script);
});

test("the hostname check stops before anything is written, naming both names", () => {
  const script = renderConfigScript({ hostname: "node-a", files: [{ path: "/tmp/x", content: "x" }] });
  const check = script.indexOf('if [ "$actual" != "$expected" ]');
  assert.ok(check > 0 && check < script.indexOf("berth_write /tmp/x"));
  assert.match(script, /echo "berth: this machine's hostname is \$actual, not \$expected \(its node name\): name it \$actual in the program, or rename the machine" >&2\n {2}exit 1\n/);
  assert.doesNotMatch(renderConfigScript({ files: [] }), /hostname/);
});

test("an existing machine keeps its host keys, and packages are a runcmd step: neither is rendered silently", () => {
  assert.throws(() => renderConfigScript({ sshHostKeys: { ed25519Private: "k", ed25519Public: "p" } }), /keeps its own SSH host keys/);
  assert.throws(() => renderConfigScript({ packages: ["docker.io"] }), /runcmd step/);
});

const notRoot = process.getuid?.() === 0 ? false : "needs root (chown root:root, and root's path without sudo)";

test("the file writer really writes the bytes, mode and owner, and replaces the old file", { skip: notRoot }, () => {
  const script = renderConfigScript({ files: [{ path: "/PLACEHOLDER", content: "a'b\"c$d`e\\f\n\u00e9\n", permissions: "0640" }] });
  const dir = execFileSync("mktemp", ["-d"], { encoding: "utf8" }).trim();
  try {
    // Only the writer and the one write line, with the path moved under a temporary folder.
    const body = script.slice(script.indexOf("berth_write() {")).replace("/PLACEHOLDER", `${dir}/sub/file`);
    execFileSync("bash", ["-c", `set -euo pipefail\nmkdir -p ${dir}/sub && echo old >${dir}/sub/file\n${body}`]);
    assert.equal(execFileSync("cat", [`${dir}/sub/file`], { encoding: "utf8" }), "a'b\"c$d`e\\f\n\u00e9\n");
    assert.equal(execFileSync("stat", ["-c", "%a %U:%G", `${dir}/sub/file`], { encoding: "utf8" }).trim(), "640 root:root");
    assert.equal(execFileSync("ls", [`${dir}/sub`], { encoding: "utf8" }).trim(), "file", "no temporary file left");
  } finally {
    execFileSync("rm", ["-rf", dir]);
  }
});

test("root commands work from any POSIX login shell: as root directly, else through sudo -n", () => {
  const stdin = renderRootStdinCommand(1200);
  assert.equal(stdin, 'set -- timeout 1200 bash -s; [ "$(id -u)" -eq 0 ] || set -- sudo -n "$@"; exec "$@"');
  assertShellcheckClean(stdin, "sh");
  const cmd = renderRootCommand("#!/bin/bash\nset -euo pipefail\nsudo docker info\n");
  assert.equal(cmd, `set -- bash -c 'sudo() { "$@"; }\nset -euo pipefail\nsudo docker info\n'; [ "$(id -u)" -eq 0 ] || set -- sudo -n "$@"; exec "$@"`);
  assertShellcheckClean(cmd, "sh");
});

test("as root, the root commands run their script with no sudo at all", { skip: notRoot }, () => {
  // `sudo` inside is a function, so a machine without sudo runs the script too.
  assert.equal(execFileSync("sh", ["-c", renderRootCommand("#!/bin/bash\nsudo echo \"as $(id -un)\"\n")], { encoding: "utf8" }), "as root\n");
  assert.equal(execFileSync("sh", ["-c", renderRootStdinCommand(5)], { input: "echo \"from stdin as $(id -un)\"\n", encoding: "utf8" }), "from stdin as root\n");
});
