import assert from "node:assert/strict";
import { before, test } from "node:test";
import * as pulumi from "@pulumi/pulumi";
import { renderRootCommand, renderRootStdinCommand } from "../../src/cloud/config-script";
import type { SwarmCluster as SwarmClusterType, SwarmClusterArgs } from "../../src/swarm/cluster";
import {
  renderSwarmHostCleanupScript,
  renderSwarmHostScript,
  renderSwarmLeaveCommand,
  renderSwarmWaitCommand,
} from "../../src/swarm/cluster-bootstrap";
import type { ExistingHostsArgs } from "../../src/swarm/existing-hosts";
import { type RecordedResource, Recorder } from "../../src/resources/recorder";
import { MOCK_MANAGER_TOKEN, MOCK_WORKER_TOKEN, diffInputs, inputsByName, mockCalls, mockOutputs, recordRun } from "../cloud/mock-cloud";
import { value } from "./cluster-fixture";

let rec: Recorder;
let SwarmCluster: typeof SwarmClusterType;
let cluster: SwarmClusterType;
before(async () => {
  rec = await Recorder.install({ outputs: mockOutputs, calls: mockCalls });
  ({ SwarmCluster } = await import("../../src/swarm/cluster.js"));
  cluster = new SwarmCluster("lab", { existingHosts: pool() });
  await rec.settle();
  await value(cluster.workerToken);
});

const POOL_KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\ncG9vbA==\n-----END OPENSSH PRIVATE KEY-----\n";
const ROOT_KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\ncm9vdA==\n-----END OPENSSH PRIVATE KEY-----\n";
const hostKey = (n: string) => `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5${n}`;

/** Three managers and two workers; the last worker logs in as root with its own key, on port 2222 behind a NAT. */
function pool(workers = 2): ExistingHostsArgs {
  return {
    user: "admin",
    privateKey: POOL_KEY,
    managers: [
      { name: "lab-1", address: "192.0.2.11", hostKey: `${hostKey("m1")} root@lab-1` },
      { name: "lab-2", address: "192.0.2.12", hostKey: hostKey("m2") },
      { name: "lab-3", address: "192.0.2.13", hostKey: hostKey("m3") },
    ],
    workers: [
      { name: "lab-4", address: "192.0.2.14", hostKey: hostKey("w4") },
      { name: "lab-5", address: "gw.example.org", port: 2222, privateAddress: "10.9.0.15", user: "root", privateKey: ROOT_KEY, hostKey: hostKey("w5") },
      { name: "lab-6", address: "192.0.2.16", hostKey: hostKey("w6") },
    ].slice(0, workers),
  };
}

const C = "berth:index:SwarmCluster";
const stateOf = (type: string, name: string) => mockOutputs({ type, name, inputs: { algorithm: "ED25519" } } as pulumi.runtime.MockResourceArgs)!.state;
const joinKey = (role: string, half: "privateKeyOpenssh" | "publicKeyOpenssh") => stateOf("tls:index/privateKey:PrivateKey", `lab-${role}-join-key`)[half] as string;
const urn = (type: string, name: string) => rec.get(type, name).urn;
const CMD = "command:remote:Command";

test("existing hosts: exactly these resources, with these parents, and nothing on any cloud", () => {
  assert.deepEqual(
    rec.resources.map((r) => `${r.type} ${r.name} <- ${r.parentName ?? "-"}`).sort(),
    [
      `${C} lab <- -`,
      `${CMD} lab-join-tokens <- lab`,
      ...["lab-1", "lab-2", "lab-3", "lab-4", "lab-5"].map((h) => `${CMD} lab-${h}-bootstrap <- lab`),
      ...["lab-2", "lab-3", "lab-4", "lab-5"].map((h) => `${CMD} lab-${h}-leave <- lab`),
      "pulumi:providers:docker lab-docker <- lab",
      "tls:index/privateKey:PrivateKey lab-manager-join-key <- lab",
      "tls:index/privateKey:PrivateKey lab-token-key <- lab",
      "tls:index/privateKey:PrivateKey lab-worker-join-key <- lab",
    ].sort(),
  );
  assert.deepEqual(rec.calls, [], "no network look-up: there is no cloud");
});

test("a host's bootstrap: its own connection pinned to its host key, the script as a secret on stdin, undone on delete", () => {
  const w5 = rec.get(CMD, "lab-lab-5-bootstrap");
  assert.deepEqual(w5.inputs["connection"], {
    host: "gw.example.org",
    port: 2222,
    user: "root",
    privateKey: ROOT_KEY,
    hostKey: hostKey("w5"),
    dialErrorLimit: 10,
    perDialTimeout: 15,
  });
  assert.equal(w5.inputs["create"], renderRootStdinCommand(1200));
  assert.equal(w5.inputs["delete"], renderRootCommand(renderSwarmHostCleanupScript()));
  assert.equal(
    w5.inputs["stdin"],
    renderSwarmHostScript({
      role: "worker",
      index: 0,
      hostname: "lab-5",
      managerAddresses: ["192.0.2.11", "192.0.2.12", "192.0.2.13"],
      sshUser: "root",
      joinPrivateKey: joinKey("worker", "privateKeyOpenssh"),
      // The comment of manager 0's key (`root@lab-1`) is dropped.
      hostPublicKey: [hostKey("m1"), hostKey("m2"), hostKey("m3")],
      dockerPackages: ["docker.io"],
    }),
  );
  assert.deepEqual(w5.secretPaths, ["connection", "stdin"]);
  assert.deepEqual(w5.options.additionalSecretOutputs, ["stdin", "stdout", "stderr", "connection"]);
  // Replaced (pulumi up --replace) by undoing it first, then running it again.
  assert.equal(w5.options.deleteBeforeReplace, true);
  // It waits for no other machine: every bootstrap runs at once.
  assert.deepEqual(w5.dependencies.sort(), [urn("tls:index/privateKey:PrivateKey", "lab-manager-join-key"), urn("tls:index/privateKey:PrivateKey", "lab-worker-join-key")].sort());

  const m2 = rec.get(CMD, "lab-lab-2-bootstrap");
  assert.deepEqual(m2.inputs["connection"], {
    host: "192.0.2.12",
    port: 22,
    user: "admin",
    privateKey: POOL_KEY,
    hostKey: hostKey("m2"),
    dialErrorLimit: 10,
    perDialTimeout: 15,
  });
  assert.equal(
    m2.inputs["stdin"],
    renderSwarmHostScript({
      role: "manager",
      index: 1,
      hostname: "lab-2",
      managerAddresses: ["192.0.2.11", "192.0.2.12", "192.0.2.13"],
      sshUser: "admin",
      joinPrivateKey: joinKey("manager", "privateKeyOpenssh"),
      hostPublicKey: [hostKey("m1"), hostKey("m2"), hostKey("m3")],
      dockerPackages: ["docker.io"],
      workerJoinPublicKey: joinKey("worker", "publicKeyOpenssh"),
      managerJoinPublicKey: joinKey("manager", "publicKeyOpenssh"),
    }),
  );
  // Managers keep their own host keys: none is installed, and none is generated for the cluster.
  assert.doesNotMatch(String(m2.inputs["stdin"]), /ssh_host_/);
  assert.equal(rec.resources.some((r) => r.name === "lab-host-key"), false);
});

test("leave commands run on manager 0 as root: wait for the node, then drain and remove it, after manager 0 exists", () => {
  const leave = rec.get(CMD, "lab-lab-5-leave");
  assert.deepEqual(leave.inputs["connection"], rec.get(CMD, "lab-lab-1-bootstrap").inputs["connection"]);
  assert.equal((leave.inputs["connection"] as Record<string, string>)["hostKey"], hostKey("m1"));
  assert.equal(leave.inputs["create"], renderRootCommand(renderSwarmWaitCommand("lab-5")));
  assert.equal(leave.inputs["delete"], renderRootCommand(renderSwarmLeaveCommand("lab-5", "worker")));
  assert.deepEqual(leave.dependencies.sort(), [urn(CMD, "lab-lab-1-bootstrap"), urn(CMD, "lab-lab-5-bootstrap")].sort());
  assert.equal(rec.get(CMD, "lab-lab-3-leave").inputs["delete"], renderRootCommand(renderSwarmLeaveCommand("lab-3", "manager")));
  assert.equal(rec.resources.some((r) => r.name === "lab-lab-1-leave"), false, "manager 0 has no leave command");
});

test("join tokens: read on manager 0 once it is bootstrapped, decrypted in the program, secret", async () => {
  const tokens = rec.get(CMD, "lab-join-tokens");
  assert.ok(tokens.dependencies.includes(urn(CMD, "lab-lab-1-bootstrap")));
  assert.match(String(tokens.inputs["create"]), /^set -- bash -c 'sudo\(\) \{ "\$@"; \}\n/);
  assert.equal(await value(cluster.workerToken), MOCK_WORKER_TOKEN);
  assert.equal(await value(cluster.managerToken), MOCK_MANAGER_TOKEN);
  for (const o of [cluster.workerToken, cluster.managerToken, cluster.privateKey]) assert.equal(await pulumi.isSecret(o), true);
});

test("outputs: manager 0's address and login, a known_hosts line per manager key, the workers' private addresses", async () => {
  assert.equal(await value(cluster.managerAddress), "192.0.2.11");
  assert.deepEqual(await value(cluster.managerPublicAddresses), ["192.0.2.11", "192.0.2.12", "192.0.2.13"]);
  assert.deepEqual(await value(cluster.managerAddresses), ["192.0.2.11", "192.0.2.12", "192.0.2.13"]);
  assert.deepEqual(await value(cluster.workerAddresses), ["192.0.2.14", "10.9.0.15"]);
  assert.equal(await value(cluster.dockerHost), "ssh://admin@192.0.2.11");
  assert.equal(await value(cluster.privateKey), POOL_KEY);
  assert.equal(
    await value(cluster.sshKnownHosts),
    [`192.0.2.11 ${hostKey("m1")}`, `192.0.2.12 ${hostKey("m2")}`, `192.0.2.13 ${hostKey("m3")}`].join("\n"),
  );
  const provider = rec.get("pulumi:providers:docker", "lab-docker");
  assert.equal(provider.inputs["host"], "ssh://admin@192.0.2.11");
  assert.ok(provider.dependencies.includes(urn(CMD, "lab-join-tokens")));
});

test("manager 0 on another SSH port: the Docker host and known_hosts name the port", async () => {
  rec.reset();
  const p = pool(0);
  const c = new SwarmCluster("nat", { existingHosts: { ...p, managers: [{ ...p.managers[0]!, address: "gw.example.org", port: 2201, privateAddress: "10.9.0.11" }] } });
  await rec.settle();
  assert.equal(await value(c.dockerHost), "ssh://admin@gw.example.org:2201");
  assert.equal(await value(c.sshKnownHosts), `[gw.example.org]:2201 ${hostKey("m1")}`);
  assert.deepEqual(await value(c.managerAddresses), ["10.9.0.11"]);
  assert.deepEqual(rec.summary().filter((r) => r.startsWith(CMD)), [`${CMD} nat-join-tokens`, `${CMD} nat-lab-1-bootstrap`]);
});

const run = (args: SwarmClusterArgs): Promise<RecordedResource[]> => recordRun(rec, () => new SwarmCluster("lab", args).workerToken, []);

test("scale: adding a host adds only its bootstrap and leave; taking one out removes only those", async () => {
  const two = inputsByName(await run({ existingHosts: pool(2) }));
  const three = inputsByName(await run({ existingHosts: pool(3) }));
  const lab6 = [`${CMD} lab-lab-6-bootstrap`, `${CMD} lab-lab-6-leave`];
  assert.deepEqual(diffInputs(two, three), { added: lab6, removed: [], changed: [] });
  assert.deepEqual(diffInputs(three, two), { added: [], removed: lab6, changed: [] });
  // Hosts are named, not numbered: taking the first worker out touches no other worker.
  const p = pool(3);
  const withoutFirst = inputsByName(await run({ existingHosts: { ...p, workers: p.workers!.slice(1) } }));
  assert.deepEqual(diffInputs(three, withoutFirst), { added: [], removed: [`${CMD} lab-lab-4-bootstrap`, `${CMD} lab-lab-4-leave`], changed: [] });
});

test("heal: a re-installed worker's new host key changes only its own bootstrap (Pulumi runs it again)", async () => {
  const before = inputsByName(await run({ existingHosts: pool(2) }));
  const p = pool(2);
  const healed = inputsByName(await run({ existingHosts: { ...p, workers: [p.workers![0]!, { ...p.workers![1]!, hostKey: hostKey("w5new") }] } }));
  assert.deepEqual(diffInputs(before, healed), { added: [], removed: [], changed: [`${CMD} lab-lab-5-bootstrap`] });
});

test("existing hosts: every problem at once, naming the property, before any child exists", async () => {
  rec.reset();
  const p = pool(2);
  assert.throws(
    () =>
      new SwarmCluster("bad", {
        cloud: { openstack: { networkName: "private", floatingIpPool: "public" }, adminCidrs: ["203.0.113.0/24"] },
        workers: { count: 1, image: "i", size: "s" },
        existingHosts: {
          user: "admin",
          privateKey: POOL_KEY,
          port: 0,
          managers: [
            { ...p.managers[0]!, address: "lab-1.example.org", hostKey: "lab-1 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5m1" },
            { ...p.managers[1]!, name: "Lab_2", hostKey: "-----BEGIN OPENSSH PRIVATE KEY-----\nx\n-----END OPENSSH PRIVATE KEY-----" },
          ],
          workers: [
            { name: "lab-1", address: "192.0.2.12", hostKey: "" },
            { name: "lab-5", address: "192.0.2.15", port: 70000, privateKey: "ssh-ed25519 AAAApub", hostKey: "rsa AAAA" },
          ],
        },
      }),
    (e: Error) => {
      assert.equal(e.name, "ArgsError");
      assert.equal(
        e.message,
        [
          'SwarmCluster "bad" has 14 problems in its arguments:',
          "  - cloud: is for machines the cluster creates; with `existingHosts` nothing is created on a cloud: leave `cloud` out (or `existingHosts`, to create machines).",
          "  - workers: describes machines the cluster creates; with `existingHosts`, list these hosts in `existingHosts.workers` instead.",
          "  - existingHosts.port: must be a TCP port, 1 to 65535; got 0.",
          "  - existingHosts.managers: lists 2 hosts; a swarm needs a majority of managers to agree (Raft), so use 1 (no failure tolerated), 3 (one) or 5 (two); an even count tolerates no more failures than the odd count below it.",
          '  - existingHosts.managers[0].address: is "lab-1.example.org": the other machines reach a manager at an IPv4 address (the swarm advertises it); set `privateAddress` to its IPv4 address on the cluster\'s network.',
          '  - existingHosts.managers[0].hostKey: looks like a known_hosts line: drop the address ("lab-1") and give the key alone, `ssh-ed25519 AAAAC3NzaC1l...`.',
          "  - existingHosts.managers[1].name: \"Lab_2\" is not a hostname of lower-case letters, digits and '-': give the machine's hostname (`hostname` on it), which is its swarm node name.",
          "  - existingHosts.managers[1].hostKey: is a private key: give the machine's public host key (`ssh-ed25519 AAAA...`) and keep the private one on the machine.",
          "  - existingHosts.workers[0].hostKey: is required: the machine's SSH host key (`cat /etc/ssh/ssh_host_ed25519_key.pub` on it), so that Pulumi and joining nodes talk to this machine and no other.",
          '  - existingHosts.workers[0].name: "lab-1" is also existingHosts.managers[0].name: each machine is listed once, and node names are unique.',
          "  - existingHosts.workers[0].address: 192.0.2.12:0 is also existingHosts.managers[1]'s: each machine is listed once.",
          "  - existingHosts.workers[1].port: must be a TCP port, 1 to 65535; got 70000.",
          "  - existingHosts.workers[1].privateKey: is a public key: give the private half (`-----BEGIN OPENSSH PRIVATE KEY-----...`).",
          "  - existingHosts.workers[1].hostKey: is not an OpenSSH public key: write it as `<type> <base64>`, type one of ssh-ed25519, ecdsa-sha2-nistp256, ecdsa-sha2-nistp384, ecdsa-sha2-nistp521, ssh-rsa.",
        ].join("\n"),
      );
      return true;
    },
  );
  assert.throws(
    () => new SwarmCluster("bad2", { existingHosts: { managers: [{ name: "lab-1", address: "192.0.2.11", hostKey: hostKey("m1") }] } }),
    (e: Error) => {
      assert.equal(
        e.message,
        [
          'SwarmCluster "bad2" has 2 problems in its arguments:',
          "  - existingHosts.managers[0].user: is required: the SSH user (root, or one with passwordless sudo); or set `existingHosts.user` for every host.",
          "  - existingHosts.managers[0].privateKey: is required: the SSH private key of its user (a secret, e.g. `config.requireSecret(...)`); or set `existingHosts.privateKey` for every host.",
        ].join("\n"),
      );
      return true;
    },
  );
  assert.throws(
    () => new SwarmCluster("bad3", {}),
    (e: Error) => {
      assert.match(e.message, /- cloud: is required: set `openstack: \{\.\.\.\}` or `aws: \{\.\.\.\}`, and `adminCidrs`, for machines the cluster creates; or list machines you already have in `existingHosts`\./);
      assert.match(e.message, /- managers: is required/);
      return true;
    },
  );
  await rec.settle();
  assert.deepEqual(rec.summary(), [`${C} bad`, `${C} bad2`, `${C} bad3`]);
});
