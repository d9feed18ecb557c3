/**
 * SwarmCluster on machines the user already has (`existingHosts`), for real: the harness boots plain Debian machines
 * (no user data; sshd, the engine and the image's default user with the admin's key, their own SSH host keys), the
 * program lists them, and every command Berth renders (each host's bootstrap on standard input, the join-token and
 * leave commands on manager 0, a leaving host's cleanup) runs over real SSH into them.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Recorder as RecorderType } from "../../src/resources/recorder";
import { HarnessCloud } from "./cloud";
import { Deployment } from "./deploy";
import { type Harness, harnessUnavailableSync, openHarness, sleep } from "./harness";
import { Timings, cloudConfigComplaints, nodes, runningTasks, waitFor } from "./swarm-checks";
import { type Components, type PoolHost, type ProgramOutputs, existingSwarmProgram } from "./swarm-program";

const skip = harnessUnavailableSync();
let harness: Harness;
let rec: RecorderType;
let deployment: Deployment;
let cloud: HarnessCloud;
let components: Components;
const out: ProgramOutputs = {};
const timings = new Timings();
let login: { user: string; privateKey: string };
let rootKey: { privateKeyOpenssh: string; publicKeyOpenssh: string };
let adminPublicKey = "";
const hostKeys = new Map<string, string>();

const MANAGERS = ["lab-1", "lab-2", "lab-3"];
const address = (name: string) => harness.address(20 + Number(name.split("-")[1]));

/** Boots a plain machine of the pool; lab-5 is one whose admin logs in as root with a key of its own. */
async function bootPlain(name: string): Promise<void> {
  hostKeys.set(name, await cloud.bootExisting(name, address(name), [adminPublicKey]));
  if (name === "lab-5") {
    const r = await harness.exec(name, ["sh", "-c", "install -d -m 0700 /root/.ssh && cat >/root/.ssh/authorized_keys"], rootKey.publicKeyOpenssh);
    assert.equal(r.code, 0, r.stderr);
  }
}

before(async () => {
  if (skip) return;
  const tarball = process.env["BERTH_TEST_TARBALL"];
  if (!tarball) throw new Error("BERTH_TEST_TARBALL is not set: run through `npm test` (scripts/test.sh builds the busybox image tarball)");
  harness = await openHarness();
  cloud = new HarnessCloud(harness, { imageTarball: tarball, dockerSsh: () => ({ privateKey: out.privateKey!, knownHosts: out.knownHosts! }) });
  const admin = await cloud.sshKey();
  adminPublicKey = admin.publicKeyOpenssh;
  login = { user: "debian", privateKey: admin.privateKeyOpenssh };
  rootKey = await cloud.sshKey();
  const { Recorder } = await import("../../src/resources/recorder.js");
  rec = await Recorder.install({ outputs: (a) => deployment.register(a) });
  deployment = new Deployment(rec, cloud.handlers);
  const { SwarmCluster } = await import("../../src/swarm/cluster.js");
  const { SwarmStack } = await import("../../src/swarm/stack.js");
  components = { SwarmCluster, SwarmStack };
});

after(async () => {
  if (harness && process.env["BERTH_HOSTS_KEEP"] === "1") process.stdout.write(`# hosts kept: bash test/hosts/host.sh down ${harness.dir} ${harness.id}\n`);
  else if (harness) await harness.close();
  process.stdout.write(timings.report());
});

/** The pool as the user lists it: each host's own host key; lab-5 with its own root login. */
function host(name: string): PoolHost {
  const h: PoolHost = { name, address: address(name), hostKey: hostKeys.get(name)! };
  return name === "lab-5" ? { ...h, user: "root", privateKey: rootKey.privateKeyOpenssh } : h;
}
const program = (workers: string[]) => existingSwarmProgram(components, "lab", login, MANAGERS.map(host), workers.map(host), out);
const expectNodes = (workers: string[]) =>
  [...MANAGERS.map((n) => [n, "Ready", "manager"]), ...workers.map((n) => [n, "Ready", "worker"])].sort((a, b) => a[0]!.localeCompare(b[0]!));
const shape = (rows: Awaited<ReturnType<typeof nodes>>) => rows.map((r) => [r.hostname, r.status, r.manager === "" ? "worker" : "manager"]);

test("3 managers and 2 workers the user already has form one swarm over SSH, keeping their own host keys", { skip }, async () => {
  await timings.timed("boot 5 plain machines (no user data)", () => Promise.all(["lab-1", "lab-2", "lab-3", "lab-4", "lab-5"].map(bootPlain)));
  const result = await timings.timed("existing 3+2 formed (up, with the stack)", () => deployment.up(program(["lab-4", "lab-5"])));
  process.stdout.write(`# steps: ${result.steps.filter((s) => s.op !== "same").map((s) => `${s.name} ${s.seconds.toFixed(1)}s`).join(", ")}\n`);
  assert.deepEqual(
    result.changes.filter((c) => c.includes("-bootstrap") || c.includes("-leave") || c.includes("join-tokens")),
    [
      "create lab-join-tokens",
      ...["lab-1", "lab-2", "lab-3", "lab-4", "lab-5"].map((h) => `create lab-${h}-bootstrap`),
      ...["lab-2", "lab-3", "lab-4", "lab-5"].map((h) => `create lab-${h}-leave`),
    ].sort(),
  );
  for (const m of MANAGERS) {
    const rows = await nodes(harness, m);
    assert.deepEqual(shape(rows), expectNodes(["lab-4", "lab-5"]), `docker node ls on ${m}`);
    assert.equal(rows.filter((r) => r.manager === "Leader").length, 1);
  }
  // lab-1 (manager 0) initialised the swarm; the others joined it.
  assert.equal((await nodes(harness, "lab-1")).find((r) => r.hostname === "lab-1")!.manager, "Leader");
  for (const [name, key] of hostKeys) {
    assert.equal((await harness.exec(name, ["cat", "/etc/ssh/ssh_host_ed25519_key.pub"])).stdout.trim(), key, `${name} kept its host key`);
    assert.deepEqual(await cloudConfigComplaints(harness, name), [], `${name}'s own boot`);
  }
  // The stack came up through the provider (ssh:// to manager 0 with the pool's key, pinned by known_hosts lines),
  // on the workers.
  await waitFor("2 running replicas", async () => (await runningTasks(harness, "lab-1", "shop_web")).length === 2, 60_000);
  for (const n of await runningTasks(harness, "lab-1", "shop_web")) assert.ok(n === "lab-4" || n === "lab-5", n);
});

test("Pulumi's connection accepts no other host key, and a machine whose hostname differs is left untouched", { skip }, async () => {
  await timings.timed("wrong host key and wrong name refused", async () => {
    const bootstrap = deployment.get("command:remote:Command", "lab-lab-4-bootstrap").inputs;
    const c = bootstrap["connection"] as Record<string, string>;
    const conn = { host: c["host"]!, user: c["user"]!, privateKey: c["privateKey"]!, hostKey: hostKeys.get("lab-5")! };
    const refused = await harness.ssh(conn, String(bootstrap["create"]), String(bootstrap["stdin"]), 1);
    assert.equal(refused.code, 255);
    assert.match(refused.stderr, /Host key verification failed|REMOTE HOST IDENTIFICATION HAS CHANGED/);
    // The same bootstrap, for a machine listed under another name: it stops before writing anything.
    const knownBefore = await harness.exec("lab-4", ["cat", "/etc/berth/swarm-known-hosts"]);
    const renamed = String(bootstrap["stdin"]).replace("\nexpected=lab-4\n", "\nexpected=lab-9\n").replace("\nNODE_NAME=lab-4\n", "\nNODE_NAME=lab-9\n");
    const wrong = await harness.ssh({ ...conn, hostKey: c["hostKey"]! }, String(bootstrap["create"]), renamed, 1);
    assert.equal(wrong.code, 1);
    assert.match(wrong.stderr, /berth: this machine's hostname is lab-4, not lab-9 \(its node name\)/);
    assert.equal((await harness.exec("lab-4", ["cat", "/etc/berth/swarm-known-hosts"])).stdout, knownBefore.stdout);
    assert.equal((await harness.docker("lab-4", ["info", "--format", "{{.Swarm.LocalNodeState}}"])).trim(), "active");
  });
});

test("scale in: lab-5 taken out of the list is drained and removed, then leaves the swarm and loses Berth's files", { skip }, async () => {
  // Rebalance (an operator's `docker service update --force`): the service was created before lab-5 had joined, and
  // the scheduler spreads the replicas over the two workers only when it places them again.
  await harness.docker("lab-1", ["service", "update", "--force", "--detach=false", "--quiet", "shop_web"]);
  await waitFor("a replica on each worker", async () => (await runningTasks(harness, "lab-1", "shop_web")).join() === "lab-4,lab-5", 60_000);
  let least = 2;
  let watching = true;
  const watch = (async () => {
    while (watching) {
      const running = await runningTasks(harness, "lab-2", "shop_web").catch(() => undefined);
      if (running) least = Math.min(least, running.length);
      await sleep(500);
    }
  })();
  const result = await timings.timed("existing scale in 2 → 1 workers", () => deployment.up(program(["lab-4"])));
  watching = false;
  await watch;
  assert.deepEqual(result.changes, ["delete lab-lab-5-bootstrap", "delete lab-lab-5-leave"]);
  assert.deepEqual(shape(await nodes(harness, "lab-1")), expectNodes(["lab-4"]));
  // Drained before it went: its replica runs on lab-4 now.
  await waitFor("2 running replicas on lab-4", async () => (await runningTasks(harness, "lab-1", "shop_web")).join() === "lab-4,lab-4", 60_000);
  process.stdout.write(`# existing scale-in: fewest running replicas seen while draining: ${least} of 2\n`);
  // The machine is still the user's, running, out of the swarm, without Berth's files and with its engine.
  assert.equal((await harness.docker("lab-5", ["info", "--format", "{{.Swarm.LocalNodeState}}"])).trim(), "inactive");
  const left = await harness.exec("lab-5", ["sh", "-c", "ls -d /etc/berth /usr/local/sbin/berth-* 2>/dev/null; true"]);
  assert.equal(left.stdout, "");
});

test("heal: a re-installed worker (new machine, new host key) rejoins when its key is updated; no Down entry", { skip }, async () => {
  const oldId = (await nodes(harness, "lab-1")).find((n) => n.hostname === "lab-4")!.id;
  await timings.timed("existing heal a re-installed worker", async () => {
    await harness.destroy("lab-4");
    const oldKey = hostKeys.get("lab-4");
    await bootPlain("lab-4");
    assert.notEqual(hostKeys.get("lab-4"), oldKey);
    const result = await deployment.up(program(["lab-4"]));
    assert.deepEqual(result.changes, ["update lab-lab-4-bootstrap"]);
    await waitFor("lab-4 back, with no Down entry", async () => {
      const rows = await nodes(harness, "lab-1");
      return rows.length === 4 && rows.every((r) => r.status === "Ready") && rows.some((r) => r.hostname === "lab-4" && r.id !== oldId);
    });
  });
  assert.deepEqual(shape(await nodes(harness, "lab-1")), expectNodes(["lab-4"]));
  await waitFor("2 running replicas again", async () => (await runningTasks(harness, "lab-1", "shop_web")).length === 2, 60_000);
});

test("a host taken out earlier can be listed again: lab-5 joins as a fresh node", { skip }, async () => {
  const result = await timings.timed("existing scale out 1 → 2 workers (lab-5 back)", () => deployment.up(program(["lab-4", "lab-5"])));
  assert.deepEqual(result.changes, ["create lab-lab-5-bootstrap", "create lab-lab-5-leave"]);
  assert.deepEqual(shape(await nodes(harness, "lab-1")), expectNodes(["lab-4", "lab-5"]));
});

test("heal in place: `pulumi up --replace` of lab-5's bootstrap undoes it on the machine, then runs it again", { skip }, async () => {
  const oldId = (await nodes(harness, "lab-1")).find((n) => n.hostname === "lab-5")!.id;
  const result = await timings.timed("existing --replace a bootstrap (same host key)", () => deployment.up(program(["lab-4", "lab-5"]), ["lab-lab-5-bootstrap"]));
  assert.deepEqual(result.changes, ["replace lab-lab-5-bootstrap"]);
  // It left and joined again as a new node; the join removed the entry it left behind.
  await waitFor("lab-5 Ready again as a new node", async () => {
    const now = await nodes(harness, "lab-1");
    return now.length === 5 && now.every((r) => r.status === "Ready") && now.some((r) => r.hostname === "lab-5" && r.id !== oldId);
  }, 60_000);
  const rows = await nodes(harness, "lab-1");
  assert.deepEqual(shape(rows), expectNodes(["lab-4", "lab-5"]));
  assert.notEqual(rows.find((n) => n.hostname === "lab-5")!.id, oldId);
});

test("destroy: every node drained and removed while manager 0 is there, and every machine returned clean", { skip }, async () => {
  const result = await timings.timed("existing destroy", () => deployment.up(() => []));
  assert.ok(result.changes.includes("delete lab-lab-1-bootstrap"));
  assert.equal(deployment.state.size, 0);
  for (const name of ["lab-1", "lab-2", "lab-3", "lab-4", "lab-5"]) {
    assert.equal((await harness.docker(name, ["info", "--format", "{{.Swarm.LocalNodeState}}"])).trim(), "inactive", name);
    const left = await harness.exec(name, ["sh", "-c", "ls -d /etc/berth /usr/local/sbin/berth-* 2>/dev/null; getent passwd berth-join; true"]);
    assert.equal(left.stdout, "", `${name} has no Berth files or join user left`);
  }
});
