/**
 * SwarmCluster formed for real: the program runs under Pulumi's mocks and each of its resources is carried out on
 * the multi-host harness (test/hosts/harness.ts): every instance is a Debian host that boots its Berth-rendered user
 * data with cloud-init, every remote command runs over real SSH, and the stack's services are created through the
 * Engine API of manager 0, as the providers would do it on OpenStack.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Recorder as RecorderType } from "../../src/resources/recorder";
import { HarnessCloud } from "./cloud";
import { Deployment } from "./deploy";
import { type Harness, harnessUnavailableSync, openHarness, sleep } from "./harness";
import { Timings, cloudConfigComplaints, nodes, runningTasks, settled, waitFor } from "./swarm-checks";
import { type Components, type ProgramOutputs, swarmProgram } from "./swarm-program";

const skip = harnessUnavailableSync();
let harness: Harness;
let rec: RecorderType;
let deployment: Deployment;
let cloud: HarnessCloud;
let components: Components;
const out: ProgramOutputs = {};
const timings = new Timings();

before(async () => {
  if (skip) return;
  const tarball = process.env["BERTH_TEST_TARBALL"];
  if (!tarball) throw new Error("BERTH_TEST_TARBALL is not set: run through `npm test` (scripts/test.sh builds the busybox image tarball)");
  harness = await openHarness();
  cloud = new HarnessCloud(harness, { imageTarball: tarball, dockerSsh: () => ({ privateKey: out.privateKey!, knownHosts: out.knownHosts! }) });
  const { Recorder } = await import("../../src/resources/recorder.js");
  rec = await Recorder.install({ outputs: (a) => deployment.register(a), calls: async (a) => ({ ...a.inputs, id: "net-harness" }) });
  deployment = new Deployment(rec, cloud.handlers);
  const { SwarmCluster } = await import("../../src/swarm/cluster.js");
  const { SwarmStack } = await import("../../src/swarm/stack.js");
  components = { SwarmCluster, SwarmStack };
});

after(async () => {
  // BERTH_HOSTS_KEEP=1 leaves the hosts running to look at (then: bash test/hosts/host.sh down DIR ID).
  if (harness && process.env["BERTH_HOSTS_KEEP"] === "1") process.stdout.write(`# hosts kept: bash test/hosts/host.sh down ${harness.dir} ${harness.id}\n`);
  else if (harness) await harness.close();
  process.stdout.write(timings.report());
});

const managers = ["sw-manager-0", "sw-manager-1", "sw-manager-2"];
const workerNames = (n: number) => Array.from({ length: n }, (_, i) => `sw-worker-${i}`);
const program = (workers: number) => swarmProgram(components, "sw", `${harness.subnet}.1/32`, workers, out);

test("3 managers and 2 workers boot their rendered user data and form one swarm", { skip }, async () => {
  const result = await timings.timed("3+2 formed (up, with the stack)", () => deployment.up(program(2)));
  process.stdout.write(`# steps: ${result.steps.filter((s) => s.op !== "same").map((s) => `${s.name} ${s.seconds.toFixed(1)}s`).join(", ")}\n`);
  assert.ok(result.changes.includes("create sw-worker-1-leave"));
  for (const m of managers) {
    const rows = await nodes(harness, m);
    assert.deepEqual(
      rows.map((r) => [r.hostname, r.status, r.manager === "" ? "worker" : "manager"]),
      [...managers.map((n) => [n, "Ready", "manager"]), ...workerNames(2).map((n) => [n, "Ready", "worker"])].sort((a, b) => a[0]!.localeCompare(b[0]!)),
      `docker node ls on ${m}`,
    );
    assert.equal(rows.filter((r) => r.manager === "Leader").length, 1);
  }
  // cloud-init found the user data Berth rendered, merged with the image's configuration, valid.
  for (const h of [...managers, ...workerNames(2)]) assert.deepEqual(await cloudConfigComplaints(harness, h), [], h);
});

/**
 * From a client container on `from`, attached to the stack's overlay network: what every replica answers, fetched by
 * its overlay address (the engine's record of each running task; busybox's static nslookup cannot resolve here).
 */
async function answers(from: string): Promise<string[]> {
  const ids = (await harness.docker("sw-manager-0", ["service", "ps", "-q", "--filter", "desired-state=running", "shop_web"])).trim().split("\n");
  const addresses: string[] = [];
  for (const id of ids) {
    const a = await harness.docker("sw-manager-0", ["inspect", "--format", "{{range .NetworksAttachments}}{{if eq .Network.Spec.Name \"shop_front\"}}{{index .Addresses 0}}{{end}}{{end}}", id]);
    addresses.push(a.trim().split("/")[0]!);
  }
  // busybox nc, not wget: the static busybox's wget crashes in glibc's resolver even for a numeric address.
  const script = `for ip in ${addresses.join(" ")}; do echo "== $ip"; printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc -w 5 "$ip" 8080; done`;
  const text = await harness.docker(from, ["run", "--rm", "--network", "shop_front", "berth-test/busybox:1", "sh", "-c", script]);
  // Each answer's body is the last line of its response.
  return text
    .split("== ")
    .slice(1)
    .map((part) => part.trim().split(/\r?\n/).filter((l) => l.trim() !== "").pop()!.trim())
    .sort();
}

test("the SwarmStack's service runs replicas on several hosts and they answer over the overlay network", { skip }, async () => {
  const tasks = await runningTasks(harness, "sw-manager-0", "shop_web");
  assert.equal(tasks.length, 3);
  assert.ok(new Set(tasks).size >= 2, `replicas on several hosts: ${tasks.join(", ")}`);
  // The client runs on a manager, where no replica runs: every answer crossed the overlay from another host.
  const got = await timings.timed("service answers over the overlay", () => answers("sw-manager-1"));
  assert.deepEqual(got, tasks);
});

test("a host presenting a different SSH host key is refused, by a joining node and by Pulumi's own connection", { skip }, async () => {
  await timings.timed("impostor refused", async () => {
    // The impostor: a machine at an address of its own claiming to be a manager, with everything the cluster's
    // managers have (join users, join-token script, even the join keys' public halves) except their host key.
    const impostor = harness.address(150);
    const victimName = "sw-worker-9";
    const state = (name: string) => deployment.get("tls:index/privateKey:PrivateKey", name).outputs;
    const attacker = await cloud.sshKey();
    const common = {
      managerAddresses: [impostor],
      sshUser: "debian",
      dockerPackages: ["docker.io"],
      workerJoinPublicKey: String(state("sw-worker-join-key")["publicKeyOpenssh"]),
      managerJoinPublicKey: String(state("sw-manager-join-key")["publicKeyOpenssh"]),
    };
    const { renderSwarmCloudInit } = await import("../../src/swarm/cluster-bootstrap.js");
    await harness.boot({
      name: "impostor",
      addresses: [impostor],
      publicKeys: [],
      userData: renderSwarmCloudInit({
        ...common,
        role: "manager",
        index: 0,
        hostname: "impostor",
        joinPrivateKey: attacker.privateKeyOpenssh,
        hostPublicKey: attacker.publicKeyOpenssh,
        hostPrivateKey: attacker.privateKeyOpenssh,
      }),
    });
    // The victim: a worker of this cluster as the component renders it, told (by a spoofed address) that the
    // impostor is a manager. It pins the cluster's real host key.
    await harness.boot({
      name: victimName,
      addresses: [harness.address(151)],
      publicKeys: [],
      userData: renderSwarmCloudInit({
        ...common,
        role: "worker",
        index: 9,
        hostname: victimName,
        joinPrivateKey: String(state("sw-worker-join-key")["privateKeyOpenssh"]),
        hostPublicKey: String(state("sw-host-key")["publicKeyOpenssh"]),
      }),
    });
    await waitFor("the impostor's own swarm", async () => (await harness.docker("impostor", ["info", "--format", "{{.Swarm.LocalNodeState}}"])).trim() === "active");
    await harness.waitForStage(victimName, "final");
    // Several rounds of the victim's retries (2 s apart) go by: it never joins.
    await sleep(20_000);
    assert.equal((await harness.docker(victimName, ["info", "--format", "{{.Swarm.LocalNodeState}}"])).trim(), "inactive");
    assert.deepEqual((await nodes(harness, "impostor")).map((n) => n.hostname), ["impostor"]);
    // Its exact fetch, by hand on its console: refused for the host key...
    const fetch = ["ssh", "-i", "/etc/berth/swarm-join-key", "-o", "BatchMode=yes", "-o", "ConnectTimeout=5", "-o", "UserKnownHostsFile=/etc/berth/swarm-known-hosts"];
    const pinned = await harness.exec(victimName, [...fetch, "-o", "StrictHostKeyChecking=yes", `berth-join@${impostor}`, victimName]);
    assert.equal(pinned.code, 255);
    assert.match(pinned.stderr, /Host key verification failed|REMOTE HOST IDENTIFICATION HAS CHANGED|No ED25519 host key is known/);
    // ...and only for that: without the pin the impostor would have handed it a join token to its own swarm.
    const unpinned = await harness.exec(victimName, [...fetch, "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", `berth-join@${impostor}`, victimName]);
    assert.equal(unpinned.code, 0, unpinned.stderr);
    assert.match(unpinned.stdout, /^SWMTKN-1-/);
    // Pulumi's own connection (the join-tokens command, as the component renders it) refuses the impostor too.
    const tokens = deployment.get("command:remote:Command", "sw-join-tokens").inputs;
    const c = tokens["connection"] as Record<string, string>;
    const r = await harness.ssh({ host: impostor, user: "debian", privateKey: c["privateKey"]!, hostKey: c["hostKey"]! }, String(tokens["create"]), undefined, 1);
    assert.equal(r.code, 255);
    assert.match(r.stderr, /Host key verification failed|REMOTE HOST IDENTIFICATION HAS CHANGED|No ED25519 host key is known/);
    await harness.destroy("impostor");
    await harness.destroy(victimName);
  });
});

test("scale out to 4 workers boots only the new hosts and leaves every node id unchanged", { skip }, async () => {
  const before = await nodes(harness, "sw-manager-0");
  const result = await timings.timed("scale out 2 → 4 workers", () => deployment.up(program(4)));
  assert.deepEqual(result.changes, [
    "create sw-worker-2",
    "create sw-worker-2-leave",
    "create sw-worker-2-port",
    "create sw-worker-3",
    "create sw-worker-3-leave",
    "create sw-worker-3-port",
  ]);
  const after = await nodes(harness, "sw-manager-0");
  assert.deepEqual(
    after.filter((n) => before.some((b) => b.hostname === n.hostname)).map((n) => [n.hostname, n.id]),
    before.map((n) => [n.hostname, n.id]),
  );
  assert.deepEqual(after.map((n) => [n.hostname, n.status]), [...managers, ...workerNames(4)].map((n) => [n, "Ready"]));
});

test("scale in to 2 runs the rendered delete-time command: exactly those nodes drained and removed, replicas kept", { skip }, async () => {
  // Rebalance first (an operator's `docker service update --force`) so that replicas run on the workers that go.
  await harness.docker("sw-manager-0", ["service", "update", "--force", "--detach=false", "--quiet", "shop_web"]);
  const onDoomed = (await runningTasks(harness, "sw-manager-0", "shop_web")).filter((n) => n === "sw-worker-2" || n === "sw-worker-3");
  assert.ok(onDoomed.length > 0, "a replica runs on a worker that scale-in removes");
  let least = 3;
  let watching = true;
  const watch = (async () => {
    while (watching) {
      const running = await runningTasks(harness, "sw-manager-1", "shop_web").catch(() => undefined);
      if (running) least = Math.min(least, running.length);
      await sleep(500);
    }
  })();
  const result = await timings.timed("scale in 4 → 2 workers", () => deployment.up(program(2)));
  watching = false;
  await watch;
  assert.deepEqual(result.changes, [
    "delete sw-worker-2",
    "delete sw-worker-2-leave",
    "delete sw-worker-2-port",
    "delete sw-worker-3",
    "delete sw-worker-3-leave",
    "delete sw-worker-3-port",
  ]);
  // The leave commands ran before the machines went: the nodes were removed, not left Down.
  assert.deepEqual((await nodes(harness, "sw-manager-0")).map((n) => [n.hostname, n.status]), [...managers, ...workerNames(2)].map((n) => [n, "Ready"]));
  // The drained replicas were rescheduled on the workers that stay.
  await waitFor("3 running replicas", async () => (await runningTasks(harness, "sw-manager-0", "shop_web")).length === 3, 60_000);
  const tasks = await runningTasks(harness, "sw-manager-0", "shop_web");
  assert.equal(tasks.length, 3);
  assert.ok(tasks.every((n) => n === "sw-worker-0" || n === "sw-worker-1"), tasks.join(", "));
  process.stdout.write(`# scale-in: fewest running replicas seen while draining: ${least} of 3\n`);
});

test("a destroyed worker re-created with the same name rejoins, and no Down entry is left", { skip }, async () => {
  const oldId = (await nodes(harness, "sw-manager-0")).find((n) => n.hostname === "sw-worker-1")!.id;
  await timings.timed("heal a destroyed worker", async () => {
    await harness.destroy("sw-worker-1");
    deployment.forget(["sw-worker-1"]); // pulumi refresh: the instance is gone
    const result = await deployment.up(program(2));
    assert.deepEqual(result.changes, ["create sw-worker-1"]);
    await waitFor("sw-worker-1 back, with no Down entry", async () => {
      const rows = await nodes(harness, "sw-manager-0");
      return rows.length === 5 && rows.every((r) => r.status === "Ready") && rows.some((r) => r.hostname === "sw-worker-1" && r.id !== oldId);
    });
  });
  const rows = await nodes(harness, "sw-manager-0");
  assert.deepEqual(rows.map((n) => [n.hostname, n.status]), [...managers, ...workerNames(2)].map((n) => [n, "Ready"]));
  assert.notEqual(rows.find((n) => n.hostname === "sw-worker-1")!.id, oldId);
});

test("replacing manager 0 of 3 keeps quorum throughout and ends with 3 reachable managers", { skip }, async () => {
  const oldId = (await nodes(harness, "sw-manager-1")).find((n) => n.hostname === "sw-manager-0")!.id;
  const failures: string[] = [];
  let polls = 0;
  let watching = true;
  const began = Date.now();
  // The swarm answers at every step: a write-free read that needs a Raft leader, on the managers that stay.
  const watch = (async () => {
    while (watching) {
      for (const m of ["sw-manager-1", "sw-manager-2"]) {
        const r = await harness.exec(m, ["docker", "node", "ls", "-q"]);
        polls++;
        if (r.code !== 0) failures.push(`${((Date.now() - began) / 1000).toFixed(1)} s on ${m}: ${r.stderr.trim()}`);
      }
      await sleep(500);
    }
  })();
  try {
    await timings.timed("replace manager 0", async () => {
      const result = await deployment.up(program(2), ["sw-manager-0"]);
      assert.deepEqual(result.changes, ["replace sw-join-tokens", "replace sw-manager-0"]);
      // What `pulumi up` promises when it returns: the new manager 0's own engine can manage already (the token
      // command it re-ran waited for that), with no further wait here.
      assert.equal((await harness.docker("sw-manager-0", ["info", "--format", "{{.Swarm.ControlAvailable}}"])).trim(), "true");
      await settled("three managers, none Down", async () => {
        const rows = await nodes(harness, "sw-manager-1");
        return (
          rows.length === 5 &&
          rows.every((r) => r.status === "Ready") &&
          rows.filter((r) => r.manager === "Leader" || r.manager === "Reachable").length === 3 &&
          rows.some((r) => r.hostname === "sw-manager-0" && r.id !== oldId)
        );
      }, 180_000);
    });
  } finally {
    // The watch stops however the replacement ended, so no poll outlives the test.
    watching = false;
    await watch;
  }
  process.stdout.write(`# manager replacement: ${polls} polls of the remaining managers, ${failures.length} failed${failures.length ? `: ${failures.join("; ")}` : ""}\n`);
  const rows = await nodes(harness, "sw-manager-1");
  assert.deepEqual(
    rows.map((n) => [n.hostname, n.status, n.manager === "" ? "worker" : n.manager === "Unreachable" ? "unreachable" : "reachable"]),
    [...managers.map((n) => [n, "Ready", "reachable"]), ...workerNames(2).map((n) => [n, "Ready", "worker"])],
  );
  assert.notEqual(rows.find((n) => n.hostname === "sw-manager-0")!.id, oldId);
  await settled("every manager's own engine reports ControlAvailable", async () => {
    for (const m of managers) if ((await harness.docker(m, ["info", "--format", "{{.Swarm.ControlAvailable}}"])).trim() !== "true") return false;
    return true;
  }, 60_000);
  assert.deepEqual(failures, [], "the swarm answered at every poll");
});
