import assert from "node:assert/strict";
import * as crypto from "node:crypto";
import * as yaml from "js-yaml";
import { test } from "node:test";
import {
  SWARM_BOOTSTRAP_SCRIPT,
  SWARM_JOIN_SCRIPT,
  type SwarmBootstrapValues,
  renderKnownHosts,
  renderSwarmBootstrapScript,
  renderSwarmCloudInit,
  renderSwarmHostCleanupScript,
  renderSwarmHostScript,
  renderSwarmJoinTokenScript,
  renderSwarmLeaveCommand,
  renderSwarmTokenCommand,
  renderSwarmWaitCommand,
  SWARM_MANAGER_READY_LABEL,
} from "../../src/swarm/cluster-bootstrap";
import { decryptSwarmTokens } from "../../src/swarm/cluster-tokens";
import { ENSURE_PACKAGES_SCRIPT, renderEnsurePackagesScript } from "../../src/cloud/package-install";
import { renderConfigScript } from "../../src/cloud/config-script";
import { assertShellcheckClean, assertValidCloudConfig } from "../cloud/validators";

const base: SwarmBootstrapValues = {
  role: "worker",
  index: 2,
  hostname: "sw-worker-2",
  managerAddresses: ["10.0.1.10", "10.0.1.11", "10.0.1.12"],
  sshUser: "ubuntu",
  joinPrivateKey: "-----BEGIN OPENSSH PRIVATE KEY-----\nd29ya2VyLWpvaW4=\n-----END OPENSSH PRIVATE KEY-----",
  hostPublicKey: "ssh-ed25519 AAAAhost",
  dockerPackages: ["docker.io"],
};
const manager: SwarmBootstrapValues = {
  ...base,
  role: "manager",
  index: 0,
  hostname: "sw-manager-0",
  joinPrivateKey: "-----BEGIN OPENSSH PRIVATE KEY-----\nbWFuYWdlci1qb2lu\n-----END OPENSSH PRIVATE KEY-----\n",
  hostPrivateKey: "-----BEGIN OPENSSH PRIVATE KEY-----\naG9zdA==\n-----END OPENSSH PRIVATE KEY-----\n",
  workerJoinPublicKey: "ssh-ed25519 AAAAworker\n",
  managerJoinPublicKey: "ssh-ed25519 AAAAmanager",
};
const restrict = "no-port-forwarding,no-X11-forwarding,no-agent-forwarding,no-pty";

test("a worker's cloud-config: hostname, docker, join key, pinned managers' host key, bootstrap, and no manager parts", () => {
  const doc = yaml.load(renderSwarmCloudInit(base).replace(/^#cloud-config\n/, "")) as Record<string, unknown>;
  assert.deepEqual(doc, {
    hostname: "sw-worker-2",
    preserve_hostname: false,
    write_files: [
      { path: ENSURE_PACKAGES_SCRIPT, content: renderEnsurePackagesScript(), permissions: "0755", owner: "root:root" },
      { path: "/etc/berth/swarm-join-key", content: `${base.joinPrivateKey}\n`, permissions: "0600", owner: "root:root" },
      {
        path: "/etc/berth/swarm-known-hosts",
        content: "10.0.1.10,10.0.1.11,10.0.1.12 ssh-ed25519 AAAAhost\n",
        permissions: "0644",
        owner: "root:root",
      },
      { path: SWARM_BOOTSTRAP_SCRIPT, content: renderSwarmBootstrapScript(base), permissions: "0755", owner: "root:root" },
    ],
    runcmd: [
      [ENSURE_PACKAGES_SCRIPT, "docker.io", "openssh-client"],
      ["groupadd", "-f", "docker"],
      ["usermod", "-aG", "docker", "ubuntu"],
      [SWARM_BOOTSTRAP_SCRIPT],
    ],
  });
  assert.ok(renderSwarmCloudInit(base).startsWith("#cloud-config\n"));
});

test("a manager's cloud-config adds the join user (forced commands only), the shared host key and the token script", () => {
  const doc = yaml.load(renderSwarmCloudInit(manager).replace(/^#cloud-config\n/, "")) as Record<string, unknown>;
  assert.deepEqual(doc["users"], [
    "default",
    {
      name: "berth-join",
      shell: "/bin/bash",
      lock_passwd: true,
      groups: "docker",
      ssh_authorized_keys: [
        `command="${SWARM_JOIN_SCRIPT} worker",${restrict} ssh-ed25519 AAAAworker`,
        `command="${SWARM_JOIN_SCRIPT} manager",${restrict} ssh-ed25519 AAAAmanager`,
      ],
    },
  ]);
  assert.equal(doc["ssh_deletekeys"], true);
  assert.deepEqual(doc["ssh_genkeytypes"], ["ed25519"]);
  assert.deepEqual(doc["ssh_keys"], { ed25519_private: manager.hostPrivateKey, ed25519_public: "ssh-ed25519 AAAAhost" });
  const files = doc["write_files"] as { path: string; content: string }[];
  assert.deepEqual(
    files.map((f) => f.path),
    [ENSURE_PACKAGES_SCRIPT, "/etc/berth/swarm-join-key", "/etc/berth/swarm-known-hosts", SWARM_BOOTSTRAP_SCRIPT, SWARM_JOIN_SCRIPT],
  );
  assert.equal(files[4]!.content, renderSwarmJoinTokenScript());
});

test("a self-healing worker (no hostname) leaves the hostname to the cloud and names itself from it", () => {
  const text = renderSwarmCloudInit({ ...base, hostname: "" });
  const doc = yaml.load(text.replace(/^#cloud-config\n/, "")) as Record<string, unknown>;
  assert.equal("hostname" in doc, false);
  assert.match(renderSwarmBootstrapScript({ ...base, hostname: "" }), /\nNODE_NAME=''\n/);
  assert.match(renderSwarmBootstrapScript({ ...base, hostname: "" }), /\nNODE_NAME=\$\{NODE_NAME:-\$\(hostname\)\}\n/);
});

const bootstrapTable: { name: string; values: Parameters<typeof renderSwarmBootstrapScript>[0]; lines: string[] }[] = [
  {
    name: "worker",
    values: base,
    lines: ["ROLE=worker", "INDEX=2", "NODE_NAME=sw-worker-2", "MANAGERS='10.0.1.10 10.0.1.11 10.0.1.12'", "JOIN_USER=berth-join"],
  },
  {
    name: "manager 0 of one",
    values: { role: "manager", index: 0, hostname: "c-manager-0", managerAddresses: ["10.0.1.10"] },
    lines: ["ROLE=manager", "INDEX=0", "NODE_NAME=c-manager-0", "MANAGERS=10.0.1.10", "JOIN_USER=berth-join"],
  },
];
for (const row of bootstrapTable) {
  test(`bootstrap script variables: ${row.name}`, () => {
    const script = renderSwarmBootstrapScript(row.values);
    const head = script.split("\n").slice(3, 8);
    assert.deepEqual(head, row.lines);
  });
}

test("the bootstrap joins through a manager; only manager 0 initialises, when every peer is in no swarm or none answered", () => {
  const script = renderSwarmBootstrapScript(base);
  assert.match(script, /docker swarm join --advertise-addr "\$self" --token "\$token" "\$host:2377"/);
  assert.match(
    script,
    /if \[ "\$ROLE" = manager \] && \[ "\$INDEX" = 0 \] && \{ \[ "\$idle" -eq "\$peers" \] \|\| \[ "\$attempt" -ge 30 \]; \}; then\n {4}docker swarm init/,
  );
  assert.match(script, /if \[ "\$status" -eq 3 \]; then idle=\$\(\(idle \+ 1\)\); fi/);
  // Retries every 2 s (30 rounds: the minute manager 0 waits when no manager answers at all).
  assert.match(script, /attempt=\$\(\(attempt \+ 1\)\)\n {2}# [^\n]*\n {2}sleep 2\ndone\n/);
  // The address it advertises is its source address towards manager 0, not whatever `hostname -I` lists first.
  assert.match(script, /self=\$\(ip -o route get "\$first"/);
  // Docker is started through systemd only where systemd runs; elsewhere the image's init has started it.
  assert.match(script, /if ! docker info >\/dev\/null 2>&1 && \[ -d \/run\/systemd\/system \]; then systemctl enable --now docker; fi/);
  assert.match(script, /StrictHostKeyChecking=yes/);
  assert.doesNotMatch(script, /echo "?\$token/);
  assert.doesNotMatch(script, /set -x/);
});

test("leave commands: a worker is drained and removed; a manager is demoted first", () => {
  const worker = renderSwarmLeaveCommand("sw-worker-4", "worker");
  assert.match(worker, /\nnode=sw-worker-4\n/);
  assert.doesNotMatch(worker, /demote/);
  assert.match(worker, /sudo docker node update --availability drain "\$id"/);
  assert.match(worker, /sudo docker node rm --force "\$id"/);
  const mgr = renderSwarmLeaveCommand("sw-manager-2", "manager");
  assert.match(mgr, /sudo docker node demote "\$id" \|\| true\n {2}sudo docker node update --availability drain/);
  assert.match(renderSwarmLeaveCommand("it's", "worker"), /\nnode='it'\\''s'\n/);
});

test("the join-token script says 'in no swarm' with exit 3, and removes a replaced machine's entry once it is Down", () => {
  const script = renderSwarmJoinTokenScript();
  assert.match(script, /= inactive \]; then\n {2}echo "not in a swarm yet" >&2\n {2}exit 3\n/);
  assert.match(script, /\$1 == n && \$2 != "Down"/);
  assert.match(script, /docker node demote "\$id" >\/dev\/null 2>&1 \|\| true/);
  assert.match(script, /if docker node rm --force "\$id" >\/dev\/null 2>&1; then break; fi/);
  assert.match(script, /exec docker swarm join-token -q "\$role"\n$/);
});

test("packages are installed only when missing, so an image with the engine needs no mirror", () => {
  const script = renderEnsurePackagesScript();
  assert.match(script, /dpkg-query -W -f='\$\{db:Status-Status\}' "\$p"/);
  assert.match(script, /if \[ "\$\{#missing\[@\]\}" -eq 0 \]; then exit 0; fi/);
  assertShellcheckClean(script);
});

test("known hosts: one line when the managers share a key, one per key otherwise", () => {
  assert.equal(renderKnownHosts(["a", "b"], "ssh-ed25519 K\n"), "a,b ssh-ed25519 K\n");
  assert.equal(renderKnownHosts(["a", "b", "c"], ["k1", "k2", "k1"]), "a,c k1\nb k2\n");
});

test("the wait command waits for the named node to be Ready", () => {
  assert.match(renderSwarmWaitCommand("sw-worker-0"), /grep -qx "\$node Ready"/);
});

test("tokens are printed only encrypted, and decrypt with the program's key", () => {
  const pair = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
  const pub = pair.publicKey.export({ type: "spki", format: "pem" }).toString();
  const priv = pair.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  const cmd = renderSwarmTokenCommand(pub);
  assert.ok(cmd.includes(pub.trim()));
  assert.match(cmd, /openssl pkeyutl -encrypt -pubin -inkey "\$pub" -pkeyopt rsa_padding_mode:oaep -pkeyopt rsa_oaep_md:sha256/);
  const enc = (t: string) =>
    crypto.publicEncrypt({ key: pub, padding: crypto.constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha256" }, Buffer.from(t)).toString("base64");
  assert.deepEqual(decryptSwarmTokens(`${enc("SWMTKN-1-w")}\n${enc("SWMTKN-1-m")}\n`, priv), { worker: "SWMTKN-1-w", manager: "SWMTKN-1-m" });
  assert.throws(() => decryptSwarmTokens("one\n", priv), /expected 2 encrypted join tokens from manager 0, got 1 lines/);
});

test("every rendered cloud-config passes `cloud-init schema`", () => {
  for (const v of [base, manager, { ...base, hostname: "" }]) assertValidCloudConfig(renderSwarmCloudInit(v));
});

test("every rendered script passes `shellcheck -s bash`", () => {
  const pub = "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n";
  for (const script of [
    renderSwarmBootstrapScript(base),
    renderSwarmBootstrapScript({ ...manager }),
    renderSwarmJoinTokenScript(),
    renderSwarmLeaveCommand("sw-worker-1", "worker"),
    renderSwarmLeaveCommand("sw-manager-1", "manager"),
    renderSwarmWaitCommand("sw-worker-1"),
    renderSwarmWaitCommand("sw-manager-1", "manager"),
    renderSwarmTokenCommand(pub),
  ]) {
    assertShellcheckClean(script);
  }
});

test("an existing machine's bootstrap: the same configuration over SSH, hostname checked, the engine installed only if missing", () => {
  // An existing machine keeps its own host key: no private one is given.
  const { hostPrivateKey: _none, ...rest } = manager;
  const values: SwarmBootstrapValues = {
    ...rest,
    hostname: "lab-2",
    index: 1,
    managerAddresses: ["192.0.2.11", "192.0.2.12"],
    hostPublicKey: ["ssh-ed25519 AAAA1", "ssh-ed25519 AAAA2"],
  };
  const script = renderSwarmHostScript(values);
  assert.equal(
    script,
    renderConfigScript({
      hostname: "lab-2",
      users: [
        {
          name: "berth-join",
          groups: "docker",
          sshAuthorizedKeys: [
            `command="${SWARM_JOIN_SCRIPT} worker",${restrict} ssh-ed25519 AAAAworker`,
            `command="${SWARM_JOIN_SCRIPT} manager",${restrict} ssh-ed25519 AAAAmanager`,
          ],
        },
      ],
      files: [
        { path: ENSURE_PACKAGES_SCRIPT, content: renderEnsurePackagesScript(), permissions: "0755" },
        { path: "/etc/berth/swarm-join-key", content: values.joinPrivateKey, permissions: "0600" },
        // Each manager pinned by its own host key.
        { path: "/etc/berth/swarm-known-hosts", content: "192.0.2.11 ssh-ed25519 AAAA1\n192.0.2.12 ssh-ed25519 AAAA2\n" },
        { path: SWARM_BOOTSTRAP_SCRIPT, content: renderSwarmBootstrapScript(values), permissions: "0755" },
        { path: SWARM_JOIN_SCRIPT, content: renderSwarmJoinTokenScript(), permissions: "0755" },
      ],
      runcmd: [
        ["sh", "-c", 'command -v dockerd >/dev/null 2>&1 || exec "$0" "$@"', ENSURE_PACKAGES_SCRIPT, "docker.io"],
        [ENSURE_PACKAGES_SCRIPT, "openssh-client"],
        ["groupadd", "-f", "docker"],
        ["usermod", "-aG", "docker", "ubuntu"],
        [SWARM_BOOTSTRAP_SCRIPT],
      ],
    }),
  );
  assert.match(script, /\nexpected=lab-2\n/);
  assertShellcheckClean(script);
  // A created machine's cloud-config is unchanged by this: hostname set, packages installed as before.
  const doc = yaml.load(renderSwarmCloudInit(base).replace(/^#cloud-config\n/, "")) as Record<string, unknown>;
  assert.deepEqual((doc["runcmd"] as string[][])[0], [ENSURE_PACKAGES_SCRIPT, "docker.io", "openssh-client"]);
});

test("an existing machine that leaves: out of the swarm, Berth's files and join user gone, the engine kept", () => {
  const script = renderSwarmHostCleanupScript();
  assert.match(script, /!= inactive \]; then\n {2}docker swarm leave --force \|\| true\nfi\n/);
  assert.match(script, /userdel --force --remove berth-join/);
  assert.match(script, /rm -f \/etc\/berth\/swarm-join-key \/etc\/berth\/swarm-known-hosts \/usr\/local\/sbin\/berth-swarm-bootstrap \/usr\/local\/sbin\/berth-swarm-join-token \/usr\/local\/sbin\/berth-ensure-packages\n/);
  assert.doesNotMatch(script, /apt-get|dpkg|purge/);
  assertShellcheckClean(script);
});

test("a manager is reported ready only once its own engine can manage: it labels itself, the wait command needs the label", () => {
  const script = renderSwarmBootstrapScript(manager);
  // After init and after every join, the bootstrap waits for ControlAvailable and then sets the label on its own node.
  const join = script.indexOf('docker swarm join --advertise-addr "$self"');
  const init = script.indexOf('docker swarm init --advertise-addr "$self"');
  assert.ok(join > 0 && init > 0);
  assert.match(script.slice(join, join + 200), /\n\s+manager_ready\n\s+exit 0/);
  assert.match(script.slice(init, init + 200), /\n\s+manager_ready\n\s+exit 0/);
  const fn = script.slice(script.indexOf("manager_ready() {"), script.indexOf("attempt=0"));
  assert.match(fn, /ControlAvailable/);
  assert.match(fn, new RegExp(`--label-add ${SWARM_MANAGER_READY_LABEL}=true`));
  assert.match(fn, /if \[ "\$ROLE" != manager \]; then return 0; fi/, "a worker does not wait for manager readiness");
  // A manager's wait command reads the label; a worker's wait command only needs Ready.
  assert.match(renderSwarmWaitCommand("sw-manager-1", "manager"), new RegExp(`\\.Spec\\.Labels "${SWARM_MANAGER_READY_LABEL.replace(".", "\\.")}"`));
  assert.doesNotMatch(renderSwarmWaitCommand("sw-worker-1", "worker"), /Labels/);
});
