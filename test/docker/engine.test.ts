/**
 * engine.ts against the real Docker engine (scripts/test.sh starts a private one): readiness waits, tarball import,
 * lookup by exact name, stop. Pure helpers are tested first, with or without an engine.
 */
import assert from "node:assert/strict";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { Engine, ReadinessError, commandColumn, demuxLogs, publishedPorts } from "../../src/docker/engine";
import { startCountingProxy } from "../../bench/counting-proxy";
import { testEngine, uniqueName } from "../helpers/engine";

function frame(kind: number, text: string): Buffer {
  const body = Buffer.from(text, "utf8");
  const head = Buffer.alloc(8);
  head[0] = kind;
  head.writeUInt32BE(body.length, 4);
  return Buffer.concat([head, body]);
}

describe("pure helpers", () => {
  test("demuxLogs joins stdout and stderr frames and splits lines", () => {
    const body = Buffer.concat([frame(1, "one\ntw"), frame(2, "o\nthree\n")]);
    assert.deepEqual(demuxLogs(body, false), ["one", "two", "three"]);
  });
  test("demuxLogs reads a TTY body as raw text", () => {
    assert.deepEqual(demuxLogs(Buffer.from("a\r\nb\r\n"), true), ["a", "b"]);
  });
  test("demuxLogs falls back to raw text when there is no frame header", () => {
    assert.deepEqual(demuxLogs(Buffer.from("plain text here\n"), false), ["plain text here"]);
  });
  test("commandColumn finds CMD or COMMAND, else the last column", () => {
    assert.equal(commandColumn(["UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"]), 7);
    assert.equal(commandColumn(["USER", "PID", "COMMAND", "X"]), 2);
    assert.equal(commandColumn(["A", "B"]), 1);
  });
  test("publishedPorts lists every binding, sorted", () => {
    assert.deepEqual(
      publishedPorts({
        "80/tcp": [
          { HostIp: "127.0.0.1", HostPort: "8081" },
          { HostIp: "127.0.0.1", HostPort: "8080" },
        ],
        "53/udp": [{ HostIp: "0.0.0.0", HostPort: "5353" }],
        "443/tcp": null,
      }),
      [
        { internal: 53, protocol: "udp", ip: "0.0.0.0", external: 5353 },
        { internal: 80, protocol: "tcp", ip: "127.0.0.1", external: 8080 },
        { internal: 80, protocol: "tcp", ip: "127.0.0.1", external: 8081 },
      ],
    );
  });
});

const { engine: te, skip } = testEngine();

describe("Engine against a real Docker engine", { skip }, () => {
  let engine: Engine;
  const containers: string[] = [];
  const images: string[] = [];

  before(() => {
    engine = new Engine({ url: te!.host });
  });

  after(async () => {
    for (const id of containers) await engine.docker.getContainer(id).remove({ force: true }).catch(() => undefined);
    for (const ref of images) await engine.docker.getImage(ref).remove({ force: true }).catch(() => undefined);
  });

  /** Creates and starts a busybox container running `sh -c script`. */
  async function run(script: string, opts: { name?: string; env?: string[]; start?: boolean } = {}): Promise<string> {
    const c = await engine.docker.createContainer({
      name: opts.name ?? uniqueName("berth-engine"),
      Image: te!.image,
      Cmd: ["sh", "-c", script],
      Env: opts.env ?? [],
    });
    containers.push(c.id);
    if (opts.start !== false) await c.start();
    return c.id;
  }

  test("a process that appears after 3 s is detected within one retry interval", async () => {
    // The process name is only in an environment variable until `exec`, so `top` cannot see it earlier.
    const id = await run("sleep 3; exec $P -f -p 8080", { env: ["P=httpd"] });
    const info = await engine.docker.getContainer(id).inspect();
    const appearedAt = Date.parse(info.State.StartedAt) + 3000;
    const report = await engine.waitUntilReady(id, { processes: ["httpd"], retryInterval: 1, timeout: 30 });
    const returnedAt = Date.now();
    assert.ok(returnedAt >= appearedAt - 100, `returned ${appearedAt - returnedAt} ms before the process existed`);
    assert.ok(returnedAt - appearedAt <= 1000 + 400, `returned ${returnedAt - appearedAt} ms after the process appeared`);
    // One `top` request per interval: no more checks than intervals elapsed, plus the first.
    assert.ok(report.checks <= Math.floor(report.elapsedMs / 1000) + 1, `${report.checks} checks in ${report.elapsedMs} ms`);
    assert.ok(report.checks >= 3, `${report.checks} checks`);
  });

  test("a process wait makes exactly one Engine API request (top) per interval", async () => {
    const dir = fs.mkdtempSync(join(tmpdir(), "berth-count-"));
    const proxy = await startCountingProxy(join(dir, "engine.sock"), te!.host.replace(/^unix:\/\//, ""));
    try {
      const counted = new Engine({ url: `unix://${proxy.socketPath}` });
      const id = await run("sleep 2.5; exec $P -f -p 8081", { env: ["P=httpd"] });
      const before = proxy.requests.length;
      const report = await counted.waitUntilReady(id, { processes: ["httpd"], retryInterval: 1, timeout: 30 });
      const seen = proxy.requests.slice(before);
      assert.ok(report.checks >= 3, `${report.checks} checks`);
      assert.equal(seen.length, report.checks, seen.map((r) => `${r.method} ${r.path}`).join(", "));
      for (const r of seen) assert.match(`${r.method} ${r.path}`, /^GET \/(v[\d.]+\/)?containers\/[0-9a-f]+\/top/);
    } finally {
      await proxy.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a process that never appears fails at the timeout, naming it, with the last 20 log lines", async () => {
    const id = await run("i=1; while [ $i -le 25 ]; do echo line-$i; i=$((i+1)); done; exec sleep 1000");
    const started = Date.now();
    const err = await engine
      .waitUntilReady(id, { processes: ["sleep", "nginx", "postgres"], retryInterval: 1, timeout: 3 })
      .then(() => undefined, (e: unknown) => e);
    const elapsed = Date.now() - started;
    assert.ok(err instanceof ReadinessError, String(err));
    // Not before the 3 s timeout, and at it (a retry interval or two late on a busy machine), not long after.
    assert.ok(elapsed >= 2900 && elapsed < 10_000, `failed after ${elapsed} ms`);
    assert.deepEqual(err.missingProcesses, ["nginx", "postgres"]);
    assert.equal(err.exitCode, undefined);
    assert.deepEqual(
      err.logLines,
      Array.from({ length: 20 }, (_, i) => `line-${i + 6}`),
    );
    assert.match(err.message, /was not ready after 3 s; processes not running: nginx, postgres/);
    assert.match(err.message, /last 20 log lines:\n {4}line-6\n/);
    assert.match(err.message, / {4}line-25$/);
    assert.doesNotMatch(err.message, /line-5\n/);
  });

  test("a container that exits fails fast with its exit code and logs", async () => {
    const id = await run("echo starting; echo giving up >&2; sleep 1; exit 3");
    const started = Date.now();
    const err = await engine
      .waitUntilReady(id, { processes: ["nginx"], retryInterval: 1, timeout: 60 })
      .then(() => undefined, (e: unknown) => e);
    const elapsed = Date.now() - started;
    assert.ok(err instanceof ReadinessError, String(err));
    // Noticed from the exit, not by running out the 60 s timeout (a bound far from the load a busy machine adds).
    assert.ok(elapsed < 30_000, `took ${elapsed} ms to notice the exit`);
    assert.equal(err.exitCode, 3);
    assert.deepEqual(err.missingProcesses, ["nginx"]);
    // stdout and stderr are separate streams: the engine does not promise their relative order.
    assert.deepEqual([...err.logLines].sort(), ["giving up", "starting"]);
    assert.match(err.message, /exited with code 3; processes not running: nginx/);
  });

  test("a container that exits fails fast when only a port is awaited too", async () => {
    const id = await run("sleep 1; exit 4");
    const err = await engine
      .waitUntilReady(id, { ports: [80], retryInterval: 1, timeout: 60 })
      .then(() => undefined, (e: unknown) => e);
    assert.ok(err instanceof ReadinessError, String(err));
    assert.equal(err.exitCode, 4);
    assert.deepEqual(err.closedPorts, [80]);
  });

  test("port wait: passes once the port accepts connections, fails at the timeout when it never does", async () => {
    const id = await run("sleep 2; exec httpd -f -p 8080");
    const report = await engine.waitUntilReady(id, { ports: [8080], retryInterval: 1, timeout: 20 });
    // Once the port opens (after the 2 s sleep), well before the 20 s timeout.
    assert.ok(report.elapsedMs >= 1500 && report.elapsedMs < 15_000, `${report.elapsedMs} ms`);
    const err = await engine
      .waitUntilReady(id, { ports: [8080, 9999], retryInterval: 1, timeout: 2 })
      .then(() => undefined, (e: unknown) => e);
    assert.ok(err instanceof ReadinessError, String(err));
    assert.deepEqual(err.closedPorts, [9999]);
    assert.match(err.message, /ports not accepting connections: 9999/);
  });

  test("log wait: passes once a line matches the pattern, fails naming the pattern", async () => {
    const id = await run("echo booting; sleep 2; echo 'server ready on port 80'; exec sleep 1000");
    const report = await engine.waitUntilReady(id, { logPattern: "ready on port \\d+", retryInterval: 1, timeout: 20 });
    assert.ok(report.elapsedMs >= 1500, `${report.elapsedMs} ms`);
    const err = await engine
      .waitUntilReady(id, { logPattern: "^never$", retryInterval: 1, timeout: 1 })
      .then(() => undefined, (e: unknown) => e);
    assert.ok(err instanceof ReadinessError, String(err));
    assert.match(err.message, /no log line matched \/\^never\$\//);
    assert.deepEqual(err.logLines, ["booting", "server ready on port 80"]);
  });

  test("findContainer matches the exact name, not the newest container or a longer name", async () => {
    const name = uniqueName("berth-adopt");
    const id = await run("exec sleep 1000", { name });
    await run("exec sleep 1000", { name: `${name}-newer` });
    await run("exec sleep 1000", { name: `x${name}` });
    const found = await engine.findContainer(name);
    assert.equal(found?.id, id);
    assert.equal(found?.name, name);
    assert.equal(found?.running, true);
    assert.match(found?.ipAddress ?? "", /^\d+\.\d+\.\d+\.\d+$/);
    assert.equal(await engine.findContainer(`${name}-missing`), undefined);
  });

  test("stop sends SIGTERM, kills after the timeout and confirms the exit", async () => {
    // sh as PID 1 ignores SIGTERM, so the engine kills it after the 1 s timeout.
    const id = await run("exec sleep 1000");
    const started = Date.now();
    const code = await engine.stop(id, { timeout: 1, retryInterval: 1 });
    assert.equal(code, 137);
    assert.ok(Date.now() - started < 5000);
    assert.equal((await engine.inspect(id))?.running, false);
    assert.equal(await engine.stop(id, { timeout: 1, retryInterval: 1 }), 137, "stopping a stopped container");
    assert.equal(await engine.stop("berth-no-such-container", { timeout: 1, retryInterval: 1 }), undefined);
  });

  describe("tarball import", () => {
    let server: http.Server;
    let base = "";
    let requests = 0;
    before(async () => {
      server = http.createServer((req, res) => {
        requests++;
        if (req.url === "/busybox.tar") {
          res.writeHead(200, { "content-type": "application/x-tar" });
          fs.createReadStream(te!.tarball).pipe(res);
        } else if (req.url === "/moved.tar") {
          res.writeHead(302, { location: "/busybox.tar" });
          res.end();
        } else {
          res.writeHead(404);
          res.end();
        }
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(() => new Promise<void>((resolve) => server.close(() => resolve())));

    const expectedHash = () => `sha256:${crypto.createHash("sha256").update(fs.readFileSync(te!.tarball)).digest("hex")}`;

    test("from a local path: imported once, then recognised by its content hash", async () => {
      const repo = uniqueName("berth-import/path");
      images.push(`${repo}:v1`);
      const first = await engine.importImage(te!.tarball, repo, "v1");
      assert.equal(first.imported, true);
      assert.equal(first.contentHash, expectedHash());
      assert.equal(first.repoTag, `${repo}:v1`);
      assert.match(first.imageId, /^sha256:[0-9a-f]{64}$/);
      const again = await engine.importImage(te!.tarball, repo, "v1");
      assert.deepEqual(again, { ...first, imported: false });
      const image = await engine.imageByRef(`${repo}:v1`);
      assert.equal(image?.labels["berth.tarball.sha256"], expectedHash());
      // The imported image runs.
      const c = await engine.docker.createContainer({ Image: first.imageId, Cmd: ["true"] });
      containers.push(c.id);
      await c.start();
      assert.equal((await c.wait()).StatusCode, 0);
    });

    test("from an http URL served by the test (redirect followed), with the same hash", async () => {
      const repo = uniqueName("berth-import/url");
      images.push(`${repo}:latest`);
      const before = requests;
      const first = await engine.importImage(`${base}/moved.tar`, repo);
      assert.equal(requests - before, 2, "one redirect and one download");
      assert.equal(first.imported, true);
      assert.equal(first.contentHash, expectedHash());
      assert.equal(first.repoTag, `${repo}:latest`);
      const again = await engine.importImage(`${base}/busybox.tar`, repo);
      assert.equal(again.imported, false);
      assert.equal(again.imageId, first.imageId);
    });

    test("a missing file or URL fails with a message naming it", async () => {
      await assert.rejects(engine.importImage("/nonexistent/image.tar", "berth-x"), /cannot read the image tarball \/nonexistent\/image.tar/);
      await assert.rejects(engine.importImage(`${base}/nope.tar`, "berth-x"), /cannot download the image tarball .*nope.tar: HTTP 404/);
    });
  });
});
